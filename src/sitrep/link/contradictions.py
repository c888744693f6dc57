"""Contradictions: reports of one story that disagree on a slot, with evidence.

For each slot and event (``about``) every article contributes its first
claim (leads state the main figure). Then:

- copies of one text (a copy family) speak once;
- an outlet that reports the same fact again later with another value has
  *updated* itself: its latest value stands and the change is recorded as an
  :class:`Update`, never as a contradiction; its report of another incident
  of the story keeps its own claim;
- remaining values from different outlets conflict when their ranges do not
  overlap ("at least 58" = 58..inf is compatible with 60; 58 and 86 are not)
  and neither article itself gives the other's figure (an earlier toll, another
  source's count: it reports the discrepancy, it does not contradict it),
  durations differ, dates/times differ, places are different non-nested
  places, or the coded actors share nothing.

Two claims are only compared when they are about one fact: the articles are
close enough to report one incident (``related``, a TF-IDF test made by
``describe``); casualty counts must moreover be of the same class of victims
("22 children" is not a rival of "26 civilians"), their leads must name a
town or city in common, their own event dates be within a day, and the counts
within a factor of each other (``story_slots.yaml``): two incidents grouped in
one story are otherwise read as one disagreeing report, the commonest false
alarm on FA-KES. Numbers published more than ``max_days_apart`` days apart are not
compared: tolls rise as bodies are found, so a week-old figure is not a
contradiction. Leads that name different kinds of attack (an air raid, a rocket
barrage), different weekdays, datelines days apart, or a weekday after the other
report was out, tell of two incidents; a toll spread over two places ("in Aleppo
and Homs") is a day's total and no claim about either incident. Two outlets'
tolls of one kind of attack in one town (by a spelling-blind key) on one day are
compared even when their wording is too different for the text test. Each
incident of a story gives its own contradiction.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from sitrep.link import slots, towns
from sitrep.link.blocking import to_date
from sitrep.link.model import Claim, Contradiction, SlotValue, Update

NUMERIC_SLOTS = frozenset({"dead", "injured", "arrested", "count", "duration"})
#: Largest gap in publication days between two reports whose numbers are compared.
MAX_DAYS_APART = 1


def conflict(a: Claim, b: Claim) -> str | None:
    """Why two claims of one slot cannot both be true, or None when they are compatible."""
    if a.slot in NUMERIC_SLOTS:
        if a.low is None or b.low is None or _gives(a, b) or _gives(b, a):
            return None
        if a.high < b.low or b.high < a.low:
            return f"ranges {_r(a)} and {_r(b)} do not overlap"
        return None
    if a.slot == "date":
        x, y = a.value, b.value
        return None if x.startswith(y) or y.startswith(x) else f"dates {x} and {y} differ"
    if a.slot == "time":
        return None if a.value[:13] == b.value[:13] else f"times {a.value} and {b.value} differ"
    if a.slot == "place":
        return _place_conflict(a.detail, b.detail)
    if a.slot == "actor":
        shared = set(a.detail.get("codes") or [a.value]) & set(b.detail.get("codes") or [b.value])
        return None if shared else f"actors {a.value} and {b.value} share no code"
    return None if a.value == b.value else f"values {a.value} and {b.value} differ"


def _gives(a: Claim, b: Claim) -> bool:
    """Whether ``a``'s article itself states ``b``'s figure (an earlier toll, another
    source's count, or the same number under another hedge: "more than 19" and "19"):
    it then reports the discrepancy rather than contradicting ``b``."""
    return b.detail.get("n") is not None and b.detail["n"] in a.detail.get("stated", ())


def _r(c: Claim) -> str:
    hi = "inf" if c.high == float("inf") else f"{c.high:g}"
    return f"{c.low:g}..{hi}"


def _place_conflict(a: dict, b: dict) -> str | None:
    """Two places conflict unless equal or one contains the other (country, region, city)."""
    if a.get("geonameid") == b.get("geonameid"):
        return None
    if a.get("country") != b.get("country"):
        return f"places in different countries ({a.get('country')}, {b.get('country')})"
    broad = {"country", "admin1", "region"}
    if a.get("feature") in broad or b.get("feature") in broad:
        if a.get("feature") == "country" or b.get("feature") == "country":
            return None
        if a.get("admin1") == b.get("admin1"):
            return None
    return "different places"


def _latest_per_outlet(claims: list[Claim], families: Mapping[str, str], related=None):
    """One claim per outlet (its latest), plus the updates an outlet made to its own value."""
    by_outlet: dict[str, list[Claim]] = defaultdict(list)
    seen_family: set[str] = set()
    for c in sorted(claims, key=lambda c: (c.published or "", c.article)):
        fam = families.get(c.article, c.article)
        if fam in seen_family:
            continue  # a copy repeats its original; it speaks once
        seen_family.add(fam)
        by_outlet[c.source].append(c)
    latest, updates = [], []
    for source, cs in by_outlet.items():
        standing: list[Claim] = []
        for after in cs:
            before = next((c for c in reversed(standing) if _same_fact(c, after, related)), None)
            if before is None:
                standing.append(after)  # another incident of the story: its own claim
                continue
            if (before.published or "") < (after.published or "") and conflict(before, after):
                updates.append(Update(slot=after.slot, about=after.about, source=source,
                                      before=_side([before]), after=_side([after])))
            standing[standing.index(before)] = after
        latest += standing
    return latest, updates


def _side(claims: Sequence[Claim]) -> SlotValue:
    v = SlotValue(value=claims[0].value)
    for c in claims:
        if c.article not in v.articles:
            v.articles.append(c.article)
        if c.source not in v.sources:
            v.sources.append(c.source)
        v.evidence.append(c.evidence)
    return v


def _comparable(a: Claim, b: Claim, max_days_apart: int, related) -> bool:
    """Whether two outlets' claims are about one fact: close in time, same incident, victims, place."""
    if a.source == b.source:
        return False
    da, db = to_date(a.published), to_date(b.published)
    if a.slot in NUMERIC_SLOTS and da is not None and db is not None \
            and abs((da - db).days) > max_days_apart:
        return False
    return _same_fact(a, b, related)


def _same_fact(a: Claim, b: Claim, related) -> bool:
    """Same incident (related articles, or two outlets' tolls of one kind of attack on one
    town and day), and for counts the same victims, kind of attack, place, day and scale."""
    if a.slot not in NUMERIC_SLOTS:
        return related is None or related(a.article, b.article)
    if related is not None and not related(a.article, b.article) and not _same_kind_toll(a, b):
        return False
    if not _kinds_meet(a, b):
        return False  # an air raid's toll and a rocket barrage's are two facts
    va, vb = a.detail.get("victims"), b.detail.get("victims")
    if va and vb and va != vb:
        return False  # civilians and fighters are counted apart
    pa, pb = a.detail.get("place"), b.detail.get("place")
    if pa and pb and _place_conflict(pa, pb):
        return False
    if not _same_town(a, b):
        return False  # a toll is compared only with one whose lead names the same town or city
    return _same_day(a, b) and _same_scale(a, b)


def _kinds_meet(a: Claim, b: Claim) -> bool:
    """The two leads name a kind of attack in common, or one names none."""
    ka, kb = a.detail.get("kinds"), b.detail.get("kinds")
    return not ka or not kb or bool(set(ka) & set(kb))


def _same_kind_toll(a: Claim, b: Claim) -> bool:
    """Two outlets' tolls whose leads name one kind of attack, share a town by key, and
    lie close together: one incident told in words too different for the text test."""
    if a.source == b.source or not a.detail.get("kinds") or not b.detail.get("kinds"):
        return False
    pa, pb = a.detail.get("lead_places"), b.detail.get("lead_places")
    if not pa or not pb or not set(pa) & set(pb) or not a.low or not b.low:
        return False
    ratio = slots.rules().get("same_kind_toll_ratio", 0)
    return max(a.low, b.low) / min(a.low, b.low) <= ratio


def _same_town(a: Claim, b: Claim) -> bool:
    """Both leads name one town or city: the same place key, or a town one lead names
    written out in the other's lead (the place layer may have missed it there)."""
    pa, pb = a.detail.get("lead_places"), b.detail.get("lead_places")
    if pa is None or pb is None or set(pa) & set(pb):
        return True
    return _named_in(pa, b.detail.get("lead_text")) or _named_in(pb, a.detail.get("lead_text"))


def _named_in(keys: Sequence[str], text: str | None) -> bool:
    return any(towns.names_town(text, k[5:]) for k in keys if k.startswith("name:"))


def _same_day(a: Claim, b: Claim) -> bool:
    """The two reports' own event dates (where a time expression gave them) are close,
    and their leads do not name different days of the week."""
    wa, wb = a.detail.get("weekdays"), b.detail.get("weekdays")
    if wa and wb and not set(wa) & set(wb):
        return False  # "killed on Thursday" and "killed on Friday": two days' tolls
    ra, rb = _report_day(a), _report_day(b)
    if ra and rb and abs((ra - rb).days) > slots.rules()["same_incident_days"]:
        return False  # the leads' own datelines are days apart
    if _after(a, rb) or _after(b, ra):
        return False  # an incident of Friday cannot be the one a Thursday report told
    da, db = to_date(a.detail.get("event_day")), to_date(b.detail.get("event_day"))
    return da is None or db is None or abs((da - db).days) <= slots.rules()["same_incident_days"]


def _report_day(c: Claim):
    """The day a report speaks from: the date its lead writes out, else its publication date."""
    return to_date(c.detail.get("written_day")) or to_date(c.published)


def _after(c: Claim, other_day) -> bool:
    """Whether every weekday ``c``'s lead names, read as the last such day on or before
    its report day, falls after ``other_day`` (when the other report was already out)."""
    day, names = _report_day(c), c.detail.get("weekdays")
    if day is None or other_day is None or not names:
        return False
    order = slots.rules().get("weekdays") or []
    back = [(day.weekday() - order.index(n)) % 7 for n in names if n in order]
    return bool(back) and all((day - other_day).days - k > 0 for k in back)


def _same_scale(a: Claim, b: Claim) -> bool:
    """Casualty counts within a factor of each other: 45 dead and 3 dead are two incidents."""
    if "lead_places" not in a.detail or not a.low or not b.low:
        return True
    return max(a.low, b.low) / min(a.low, b.low) <= slots.rules()["same_incident_toll_ratio"]


def find(claims: Sequence[Claim], *, families: Mapping[str, str] | None = None,
         max_days_apart: int = MAX_DAYS_APART,
         related: Callable[[str, str], bool] | None = None) -> tuple[list[Contradiction], list[Update]]:
    """Contradictions and same-outlet updates among the claims of one story.

    ``related(a, b)`` says whether two articles report the same incident
    (a story can hold several); claims of unrelated articles are not compared.
    """
    families = families or {}
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    firsts: set[tuple[str, str, str]] = set()
    for c in sorted(claims, key=lambda c: (c.article, c.evidence.start)):
        if (c.slot, c.about, c.article) not in firsts:  # an article's first figure is its claim
            firsts.add((c.slot, c.about, c.article))
            groups[(c.slot, c.about)].append(c)
    found, updates = [], []
    # An article whose figure is a total over several places ("in Aleppo and Sweida")
    # makes no claim about any one incident of them.
    groups = {k: [c for c in cs if not c.detail.get("total")] for k, cs in groups.items()}
    for (slot, about), cs in sorted(groups.items()):
        latest, ups = _latest_per_outlet(cs, families, related)
        updates += ups
        for incident in _incidents(latest, max_days_apart, related):
            c = _contradiction(slot, about, incident, max_days_apart, related)
            if c is not None:
                found.append(c)
    return found, updates


def _incidents(claims: list[Claim], max_days_apart: int, related) -> list[list[Claim]]:
    """The claims grouped by the incident they report: claims of two outlets about one
    fact (``_comparable``) fall in one group, and so, transitively, do their partners.

    A story can hold several incidents of one week (a market strike on Monday, a
    school shelled on Wednesday); each incident's disagreement is its own
    contradiction, so that a reader judges one toll against its rivals only.
    """
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            if _comparable(a, claims[j], max_days_apart, related):
                parent[root(j)] = root(i)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[root(i)].append(c)
    return [g for g in groups.values() if len(g) > 1]


def _contradiction(slot: str, about: str, claims: list[Claim], max_days_apart: int,
                   related) -> Contradiction | None:
    """The conflicting sides among one slot's claims (each value with its reporters), or None."""
    reasons, involved = [], set()
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            why = conflict(a, b) if _comparable(a, b, max_days_apart, related) else None
            if why:
                reasons.append(why)
                involved |= {id(a), id(b)}
    if not reasons:
        return None
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if id(c) in involved:
            by_value[c.value].append(c)
    values = [_side(cs) for _, cs in sorted(by_value.items(), key=lambda kv: _order(kv[1][0]))]
    return Contradiction(slot=slot, about=about, values=values, rule=reasons[0])


def _order(c: Claim):
    return (c.low if c.low is not None else 0.0, c.value)
