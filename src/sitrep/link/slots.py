"""Slot values each article reports: tolls, durations, dates, times, places, actors.

The event layer writes casualty counts and durations into an event's
``attributes`` ({"dead": 58, "dead_mod": "at least", "duration": "PT48H"}).
A count is kept when a small pattern finds the same number in the event's
evidence (a dateline day read as a toll is not); the pattern also reads the
lead sentences themselves ("at least 58 people were killed", "killing 12"),
and a figure that is a part of a larger toll ("11 civilians, among them
three children") stands for that toll. Only the lead's tolls count as the
article's claim. The patterns, hedge ranges and
victim classes are data: ``extract/rules/story_slots.yaml``.

Every value becomes a :class:`Claim` with a numeric range where it has one,
so that "at least 58" and "60" can be compared as ranges.
"""
from __future__ import annotations

import functools
import math
import re
from importlib import resources

import yaml

from sitrep.link.model import Claim, Evidence
from sitrep.link.towns import lead_places
from sitrep.model import DocumentResult, Event

CASUALTY_SLOTS = ("dead", "injured", "arrested")
#: Sentences at the top of an article (its lead) whose figures are its claims.
LEAD_SENTENCES = 3
#: Sentences searched for the incident's town or city (a lead often names only the country).
PLACE_SENTENCES = 6
_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)([YMWD]))?(?:T(\d+(?:\.\d+)?)([HMS]))?$")
_DASH = re.compile(r"(?<=\s)[-\u2013\u2014](?=\s)")
_HOURS = {"Y": 8760, "M": 730, "W": 168, "D": 24}
_TIME_HOURS = {"H": 1, "M": 1 / 60, "S": 1 / 3600}


@functools.lru_cache(maxsize=1)
def rules() -> dict:
    raw = resources.files("sitrep.extract.rules").joinpath("story_slots.yaml").read_text("utf-8")
    return yaml.safe_load(raw)


def number_range(n: float, mod: str | None = None, n_max: float | None = None) -> tuple[float, float]:
    """The range a hedged number stands for: ("at least", 58) -> (58, inf)."""
    if n_max is not None and n_max >= n:
        return float(n), float(n_max)
    spec = rules()["modifiers"].get(mod or "", None)
    if spec is None:
        return float(n), float(n)
    low = spec.get("low", n * spec.get("low_factor", 1.0) + spec.get("low_add", 0))
    high = spec.get("high", n * spec.get("high_factor", 1.0) + spec.get("high_add", 0))
    return float(low), math.inf if str(high) == "inf" else float(high)


def duration_hours(value: str | None) -> float | None:
    """Hours of a TIMEX3 duration (PT48H -> 48, P2D -> 48); None when not one."""
    m = _DURATION.match(value or "")
    if not m or not (m.group(1) or m.group(3)):
        return None
    hours = float(m.group(1)) * _HOURS[m.group(2)] if m.group(1) else 0.0
    if m.group(3):
        hours += float(m.group(3)) * _TIME_HOURS[m.group(4)]
    return hours


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern]]:
    """Per casualty slot: "<mod>? <num> <filler>{0,4} <word>" and "<verb> <mod>? <num>"."""
    r = rules()
    mod_of = {form: key for key, forms in r["modifier_forms"].items() for form in forms}
    mod = _alt(mod_of)
    words = r["number_words"]
    tens = _alt(w for w, v in words.items() if 20 <= v <= 90 and v % 10 == 0)
    units = _alt(w for w, v in words.items() if 1 <= v <= 9)
    num = rf"(?<![\w-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{tens})[- ](?:{units})|{_alt(words)})"
    # "14 students were injured"; a name may stand there too ("35 ISIS militants were killed")
    said = _alt({w for ws in r["casualty_words"].values() for w in ws} | set(words)
                | set(r.get("not_filler_names") or ()))
    filler = _alt(set(r["filler_words"]).union(*r["victim_classes"].values())) \
        + rf"|(?!(?:{said})\b)(?-i:[A-Z][\w'-]*)"
    out = {}
    for slot in CASUALTY_SLOTS:
        after = re.compile(rf"(?:\b(?P<mod>{mod})\s+)?(?P<num>{num})\s+(?:(?:{filler})\s+){{0,4}}"
                           rf"(?:{_alt(r['casualty_words'][slot])})\b", re.I)
        before = re.compile(rf"\b(?:{_alt(r['casualty_verbs_before'][slot])})\s+"
                            rf"(?:(?P<mod>{mod})\s+)?(?P<num>{num})\b", re.I)
        out[slot] = [(after, "after"), (before, "before")]
    toll = r.get("toll_phrase") or {}
    if toll:  # "the death toll from the blast on the convoy has risen to at least 112"
        out["dead"].append((re.compile(
            rf"\b(?:{_alt(toll['words'])})\b(?:\s+[^\s.!?]+){{0,{int(toll.get('max_gap', 10))}}}?\s+"
            rf"(?:{_alt(toll['verbs'])})\s+(?:(?P<mod>{mod})\s+)?(?P<num>{num})\b", re.I), "before"))
    part = _alt(r["part_of_words"])
    whole = re.compile(rf"(?:\b(?P<mod>{mod})\s+)?(?P<num>{num})\s+(?:[\w-]+\s+){{0,2}}"
                       rf"(?:[\w-]+,?\s+)?(?:{part})\s+$", re.I)
    return {"patterns": out, "mod_of": mod_of, "part": re.compile(rf"\b(?:{part})\s+$", re.I),
            "whole": whole}


def _looks_like_year(n: float) -> bool:
    """1900..2100 read as a toll is almost always a dateline year ("Sun Aug 17 2014 ISIL kills")."""
    return float(n).is_integer() and 1900 <= n <= 2100


def _parse_number(text: str) -> int | None:
    t = text.replace(",", "").lower()
    if t.isdigit():
        n = int(t)
        return None if _looks_like_year(n) and len(t) == 4 else n
    words = rules()["number_words"]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and all(p in words for p in parts):  # "thirty-five"
        return words[parts[0]] + words[parts[1]]
    return words.get(t)


def victims(text: str) -> str | None:
    """The class of victims named in a casualty phrase ("civilians", "combatants"), if any."""
    words = set(re.findall(r"[a-z-]+", text.lower()))
    found = {cls for cls, forms in rules()["victim_classes"].items() if words & set(forms)}
    return found.pop() if len(found) == 1 else None


def casualties_in(text: str, offset: int = 0) -> list[tuple[str, int, str | None, int, int]]:
    """(slot, number, modifier, start, end) for each casualty count the pattern finds in ``text``."""
    p = _patterns()
    text = _DASH.sub(lambda m: " " * len(m.group()), text)  # "16 civilians - including 3 - were"
    found = []
    for slot, pats in p["patterns"].items():
        for pat, how in pats:
            for m in pat.finditer(text):
                n = _parse_number(m.group("num"))
                if n is None:
                    continue
                mod = p["mod_of"].get((m.group("mod") or "").lower())
                found.append((slot, n, mod, offset + m.start(), offset + m.end(), m.start("num"), how))
    # "killed 30 people injured 90": a casualty word with a number of its own after it
    # (one no other word makes a count of) is a verb taking that number, not the word
    # that makes "30 people" its count.
    after = {(f[0], f[5]) for f in found if f[6] == "after"}
    found = [f for f in found if f[6] == "before" or not any(
        g[6] == "before" and g[0] == f[0] and f[5] + offset < g[3] < f[4]
        and not any(slot != g[0] and num == g[5] for slot, num in after) for g in found)]
    # "killed 9 civilians injured": a number the words after it make a count of
    # another slot is not the object of the verb before it.
    bound = {(f[0], f[5]) for f in found if f[6] == "after"}
    found = [f for f in found if f[6] == "after" or not any(
        slot != f[0] and num == f[5] for slot, num in bound)]
    found = [f[:5] for f in found]
    found.sort(key=lambda f: (f[3], f[0]))
    kept, last = [], {}
    for f in found:  # one count per slot per place in the text
        if last.get(f[0], -1) < f[3]:
            kept.append(f)
            last[f[0]] = f[4]
    return kept


def whole_toll(text: str, start: int) -> tuple[int, str | None, int] | None | bool:
    """The toll a casualty phrase at ``start`` is a part of, when the words before it
    make it one ("11 civilians among them | three children were killed").

    True when the phrase is a toll of its own; (number, modifier, start) of the
    whole toll when one stands before the part; None for a part whose whole is
    not stated (it is not the article's figure for the incident).
    """
    p = _patterns()
    before = text[max(0, start - 80):start]
    if not p["part"].search(before):
        return True
    m = p["whole"].search(before)
    n = _parse_number(m.group("num")) if m else None
    if n is None:
        return None
    return n, p["mod_of"].get((m.group("mod") or "").lower()), start - len(before) + m.start()


class _ClaimMaker:
    """Builds claims for one article, with its outlet and date attached."""

    def __init__(self, result: DocumentResult, source: str, published: str | None):
        self.r, self.source, self.published = result, source, published

    def claim(self, slot: str, about: str, value: str, start: int, end: int, rule: str,
              low: float | None = None, high: float | None = None, **detail) -> Claim:
        a = self.r.article
        ev = Evidence(article=a.id, text=a.text[start:end], start=start, end=end)
        return Claim(slot=slot, about=about, value=value, article=a.id, source=self.source,
                     published=self.published, evidence=ev, low=low, high=high, rule=rule,
                     detail=detail)

    def count_value(self, slot: str, n: int, mod: str | None, n_max=None) -> tuple[str, float, float]:
        low, high = number_range(n, mod, n_max)
        shown = f"{n}-{n_max}" if n_max else (f"{mod} {n}" if mod else str(n))
        return shown, low, high


def lead_end(text: str, sentences: int = LEAD_SENTENCES) -> int:
    """Where the article's first ``sentences`` sentences (its lead) end."""
    ends = [m.end() for m in re.finditer(r"[.!?](?:\s|$)|\n", text)]
    return ends[sentences - 1] if len(ends) >= sentences else len(text)


def casualty_claims(result: DocumentResult, source: str, published: str | None) -> list[Claim]:
    """Dead/injured/arrested counts stated in the lead: event attributes the pattern confirms,
    and the figures the pattern alone reads in the lead sentences (the event layer may have
    coded the lead's attack under another type, or missed a figure); the first one in the
    text is the article's claim (``contradictions.find``).

    Only the lead counts: it states the main incident's toll, while figures
    further down are often partial ("17 of them in Douma"), background (a
    2013 attack) or another incident of the same day.
    """
    mk, claims = _ClaimMaker(result, source, published), []
    text = result.article.text
    lead = lead_end(text)
    lead_keys = lead_places(result, lead_end(text, PLACE_SENTENCES))
    lead_text = text[:lead_end(text, PLACE_SENTENCES)].lower()
    kinds = attack_kinds(f"{result.article.title or ''}. {text[:lead]}")
    days = weekdays(text[:lead])
    written = written_date(text[:lead])
    anchored = not published or not result.article.published \
        or str(result.article.published)[:10] == str(published)[:10]
    for e in result.events:
        if e.status in ("negated", "hypothetical") or e.evidence.start >= lead:
            continue
        for slot in CASUALTY_SLOTS:
            n = e.attributes.get(slot)
            if not isinstance(n, (int, float)) or n <= 0 or _looks_like_year(n):
                continue
            found = _number_span(text, e, slot, int(n))
            whole = whole_toll(text, found[0]) if found is not None else None
            if whole is True:  # the pattern confirms the attribute in the evidence text
                s, t, mod = found
                shown, lo, hi = mk.count_value(slot, int(n), e.attributes.get(f"{slot}_mod") or mod,
                                               e.attributes.get(f"{slot}_max"))
                claims.append(mk.claim(slot, "casualties", shown, s, t,
                                       f"event attribute of {e.event} ({e.rule})", lo, hi, n=int(n),
                                       hedged=bool(e.attributes.get(f"{slot}_mod") or mod),
                                       victims=victims(_phrase(text, s, t)), place=_place_detail(e),
                                       lead_places=lead_keys, lead_text=lead_text,
                                       event_day=_event_day(e, anchored), kinds=kinds,
                                       weekdays=days, written_day=written))
    taken = [(c.slot, c.evidence.start, c.evidence.end) for c in claims]
    for slot, n, mod, s, t in casualties_in(text[:lead]):
        if any(sl == slot and s < b and a < t for sl, a, b in taken):
            continue  # the event attribute already gave this figure
        whole = whole_toll(text, s)
        if whole is None:
            continue  # "among them three children": a part of a toll not stated
        who = victims(_phrase(text, s, t))
        if whole is not True:  # the toll the phrase is a part of, and its own victims
            n, mod, s, who = *whole, victims(text[whole[2]:s])
        e = _event_at(result, s)
        shown, lo, hi = mk.count_value(slot, n, mod)
        claims.append(mk.claim(slot, "casualties", shown, s, t, "casualty pattern in the lead", lo, hi,
                               n=n, hedged=bool(mod), victims=who, place=_place_detail(e),
                               lead_places=lead_keys, lead_text=lead_text, event_day=_event_day(e, anchored),
                               kinds=kinds, weekdays=days, written_day=written))
    for c in claims:
        c.detail["total"] = _over_several_places(text, c.evidence.start) or _over_a_period(text, c.evidence.start)
    return _own_readings(_hedged_in_body(_prefer_hedged(claims), text), text)


_SEVERAL = re.compile(r"\b(?:in|on)\s+(?:[\w-]+\s+){0,4}?(?:[a-z]{2,3}-)?[A-Z][\w-]+\s+(?:and|&)\s+"
                      r"(?:[a-z]{2,3}-)?[A-Z][\w-]+")


def _over_several_places(text: str, start: int) -> bool:
    """Whether the sentence of a toll spreads it over two named places ("killed in
    terrorist attacks in Aleppo and Sweida"): a day's total of several attacks,
    not one incident's toll."""
    end = re.search(r"[.!?](?:\s|$)|\n", text[start:])
    return bool(_SEVERAL.search(text[start:start + (end.start() if end else 200)]))


@functools.lru_cache(maxsize=1)
def _period_pattern() -> re.Pattern | None:
    spec = rules().get("period_total") or {}
    if not spec.get("units"):
        return None
    units, back = _alt(spec["units"]), _alt(spec.get("lookback") or ["past", "last"])
    return re.compile(rf"\b(?:in|over|during|within)\s+the\s+(?:{back})\s+(?:[\w-]+\s+)?(?:{units})\b"
                      rf"|\b(?:in|over|within)\s+(?:\d+|{_alt(rules()['number_words'])})\s+(?:{units})\b"
                      rf"|\b(?:\d+|{_alt(rules()['number_words'])})-(?:day|week|month)\b"
                      rf"|\b(?:{_alt(spec.get('running') or ['ongoing'])})\b", re.I)


def _over_a_period(text: str, start: int) -> bool:
    """Whether the sentence of a toll sums it over a period ("killed over the past 24
    hours", "killed 84 in three days", "in continued attacks"): several incidents'
    total, not one incident's toll."""
    pattern = _period_pattern()
    end = re.search(r"[.!?](?:\s|$)|\n", text[start:])
    return bool(pattern and pattern.search(text[start:start + (end.start() if end else 200)]))


@functools.lru_cache(maxsize=1)
def _kind_patterns() -> dict[str, re.Pattern]:
    return {kind: re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", re.I)
            for kind, words in (rules().get("attack_kinds") or {}).items()}


def attack_kinds(text: str) -> list[str]:
    """The kinds of attack (``attack_kinds`` in story_slots.yaml) a lead names."""
    return sorted(kind for kind, pat in _kind_patterns().items() if pat.search(text))


def weekdays(text: str) -> list[str]:
    """The days of the week a lead names ("killed on Friday")."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return sorted(words & set(rules().get("weekdays") or ()))


@functools.lru_cache(maxsize=1)
def _written_pattern() -> tuple[re.Pattern, dict[str, int]]:
    """The full-date pattern of :func:`written_date` and its month table, both from the
    time layer's word list (``time_words.yaml``: names and abbreviations)."""
    from sitrep.extract.timex import lexicon

    months = lexicon.words()["months"]
    alt = "|".join(sorted(months, key=len, reverse=True))
    return re.compile(rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{alt})\.?,?|(?P<m2>{alt})\.?\s+(?P<d2>\d{{1,2}}),?)"
                      rf"\s+(?P<y>(?:19|20)\d\d)\b", re.I), months


def written_date(text: str) -> str | None:
    """The first full date a lead writes out ("Friday 28 Oct 2016", "October 7, 2016"),
    ISO; usually the report's own dateline, which can disagree with the date it was filed under."""
    import datetime as dt

    pattern, months = _written_pattern()
    for m in pattern.finditer(text):
        day, month = m.group("d1") or m.group("d2"), (m.group("m1") or m.group("m2")).lower()
        try:
            return dt.date(int(m.group("y")), months[month], int(day)).isoformat()
        except ValueError:
            continue
    return None


def _own_readings(claims: list[Claim], text: str) -> list[Claim]:
    """Every figure the whole article gives for each claim's slot (``stated``): an earlier
    toll, another source's count, its own figure under another hedge. A report that
    itself gives the other outlet's figure is not read as contradicting it."""
    said: dict[str, set[int]] = {}
    for slot, n, _, _, _ in casualties_in(text):
        said.setdefault(slot, set()).add(n)
    for c in claims:
        c.detail["stated"] = sorted(said.get(c.slot, ()))
    return claims


def _event_at(result: DocumentResult, start: int) -> Event | None:
    """The asserted event whose evidence holds a lead figure (for its own place and date)."""
    for e in result.events:
        if e.status not in ("negated", "hypothetical") and e.evidence.start <= start < e.evidence.end:
            return e
    return None


def _hedged_in_body(claims: list[Claim], text: str) -> list[Claim]:
    """A bare lead figure takes the hedge the article gives the same figure further on:
    a headline's "toll rises to 70" is the body's "at least 70" (a source's own bound)."""
    hedges: dict[tuple[str, int], str] = {}
    for slot, n, mod, _, _ in casualties_in(text):
        if mod:
            hedges.setdefault((slot, n), mod)
    for c in claims:
        mod = hedges.get((c.slot, c.detail.get("n")))
        if mod and not c.detail.get("hedged") and c.low == c.high:
            c.value = f"{mod} {c.detail['n']}"
            c.low, c.high = number_range(c.detail["n"], mod)
            c.detail["hedged"] = True
    return claims


def _prefer_hedged(claims: list[Claim]) -> list[Claim]:
    """Drop a bare figure when the article hedges the same figure elsewhere in its lead:
    a headline's "40 dead" is the body's "at least 40 dead" without its hedge."""
    hedged = {(c.slot, c.detail.get("n")): c for c in claims if c.detail.get("hedged")}
    kept = []
    for c in claims:
        twin = hedged.get((c.slot, c.detail.get("n")))
        if twin is None or twin is c:
            kept.append(c)
        elif not twin.detail.get("victims"):  # "killing 40 attackers" names whom "at least 40" counts
            twin.detail["victims"] = c.detail.get("victims")
    return kept


def _event_day(e: Event | None, anchored: bool = True) -> str | None:
    """The event's own date when a time expression gave it (not the publication-date fallback).

    Not ``anchored``: the article reports from another day than the publication date
    its analysis counted from (its dateline says so: ``blocking.report_date``), so a
    relative expression ("on Monday", "yesterday") was resolved from the wrong day;
    only a date that writes out its year stands."""
    if e is None or not e.date or not (e.date_resolution or "").startswith("own time"):
        return None
    if not anchored and not re.search(r"\b(?:19|20)\d\d\b", e.date_resolution or ""):
        return None
    return e.date[:10]


def _phrase(text: str, start: int, end: int) -> str:
    """The casualty phrase and the two words after it ("killing 12 | civilians in")."""
    m = re.match(r"(?:\s+[\w-]+){0,2}", text[end:end + 40])
    return text[start:end + (m.end() if m else 0)]


def _number_span(text: str, e: Event, slot: str, n: int) -> tuple[int, int, str | None] | None:
    """(start, end, hedge) of the casualty phrase inside the event's evidence that states ``n``.

    None when the pattern cannot find it: such an attribute is not trusted (a
    dateline day or a year read as a toll) and the pattern's own reading is used.
    """
    for s2, n2, mod, s, t in casualties_in(text[e.evidence.start:e.evidence.end], e.evidence.start):
        if s2 == slot and n2 == n:
            return s, t, mod
    return None


def _place_detail(e: Event | None) -> dict | None:
    """The event's own resolved place (not a document fallback), for telling incidents apart."""
    loc = e.location if e is not None else None
    if loc is None or not loc.geonameid or not (e.location_resolution or "").startswith("place in"):
        return None
    return {"geonameid": loc.geonameid, "feature": loc.feature, "country": loc.country_code,
            "admin1": loc.admin1}


def duration_claims(result: DocumentResult, source: str, published: str | None) -> list[Claim]:
    """Durations the event layer attached to events (TIMEX3, e.g. PT48H).

    Negated events count: "stopped bombing ahead of a 48-hour pause" is a
    halt whose length is exactly the duration compared across outlets.
    """
    mk, claims = _ClaimMaker(result, source, published), []
    for e in result.events:
        hours = duration_hours(e.attributes.get("duration"))
        about = _duration_of(e)
        if hours is None or about is None:
            continue
        span = _duration_span(result, e) or (e.evidence.start, e.evidence.end)
        if _lookback(result.article.text, span[0]):
            continue
        claims.append(mk.claim("duration", about, e.attributes["duration"], *span,
                               f"event attribute of {e.event}", hours, hours))
    return claims


def _duration_of(e: Event) -> str | None:
    """What a duration measures ("pause", "requested pause"), or None for events whose
    length is not disputed. Truce-like events and halted attacks qualify."""
    r = rules()
    if e.status == "hypothetical":
        return None
    if e.status == "negated" and e.event in r["duration_negated_events"]:
        return r["duration_negated_events"][e.event]
    return r["duration_events"].get(e.event)


def _lookback(text: str, start: int) -> bool:
    """True when the duration follows "past", "last", ...: a window looked back over."""
    before = re.findall(r"[a-z]+", text[max(0, start - 20):start].lower())
    return bool(before) and before[-1] in rules()["duration_lookback_words"]


def _duration_span(result: DocumentResult, e: Event) -> tuple[int, int] | None:
    """The DURATION time expression inside the event's evidence, for a tighter evidence span."""
    for t in result.times:
        if t.type == "DURATION" and t.value == e.attributes.get("duration") \
                and e.evidence.start <= t.start and t.end <= e.evidence.end:
            return t.start, t.end
    return None


def event_claims(result: DocumentResult, source: str, published: str | None) -> list[Claim]:
    """Date, time, place and actor of the first event of each compared type."""
    mk, claims, seen = _ClaimMaker(result, source, published), [], set()
    compared = set(rules()["compared_events"])
    for e in result.events:
        if e.event not in compared or e.event in seen or e.status in ("negated", "hypothetical"):
            continue
        seen.add(e.event)
        claims += _one_event_claims(mk, e)
    return claims


def _one_event_claims(mk: _ClaimMaker, e: Event) -> list[Claim]:
    ev, out = (e.evidence.start, e.evidence.end), []
    # A date equal to the publication date is most often the dateline, not a claim about the event.
    if e.date and e.date_resolution and e.date_resolution.startswith("own time") \
            and e.date != (mk.published or "")[:10]:
        out.append(mk.claim("date", e.event, e.date, *ev, f"event date: {e.date_resolution}"))
        if e.time and "T" in e.time:
            out.append(mk.claim("time", e.event, e.time, *ev, f"event time: {e.date_resolution}"))
    loc = e.location
    if loc is not None and loc.geonameid and (e.location_resolution or "").startswith("place in"):
        out.append(mk.claim("place", e.event, loc.name or loc.text, loc.start, loc.end,
                            f"event place: {e.location_resolution}", geonameid=loc.geonameid,
                            feature=loc.feature, country=loc.country_code, admin1=loc.admin1))
    coded = [a for a in e.actor if a.code]
    if coded:
        a = coded[0]
        out.append(mk.claim("actor", e.event, a.code, a.start, a.end,
                            f"event actor: {a.resolution or 'coded'}", codes=sorted({x.code for x in coded})))
    return out


def count_claims(result: DocumentResult, source: str, published: str | None) -> list[Claim]:
    """Counted things in the lead ("opened two corridors"): compared per event type and noun."""
    from sitrep.link.similarity import normalise

    mk, claims = _ClaimMaker(result, source, published), []
    lead = lead_end(result.article.text)
    for e in result.events:
        n, noun = e.attributes.get("count"), e.attributes.get("count_of")
        if not isinstance(n, (int, float)) or not noun or e.evidence.start >= lead \
                or e.status == "hypothetical" or _looks_like_year(n):
            continue
        ev_text = result.article.text[e.evidence.start:e.evidence.end]
        if any(found[1] == n for found in casualties_in(ev_text)):
            continue  # "killing 31 terrorists" is a toll, compared as one already
        claims.append(mk.claim("count", f"{e.event} {normalise(str(noun))}", str(n), e.evidence.start,
                               e.evidence.end, f"event attribute of {e.event} ({e.rule})", n, n))
    return claims


def article_claims(result: DocumentResult, *, source: str, published: str | None) -> list[Claim]:
    """Every comparable slot value of one article."""
    disabled = set(rules().get("disabled_slots") or [])
    claims = (casualty_claims(result, source, published) + duration_claims(result, source, published)
              + count_claims(result, source, published) + event_claims(result, source, published))
    return [c for c in claims if c.slot not in disabled]
