"""Places, second half: choosing among a toponym's gazetteer candidates in document context.

Recognition (:mod:`sitrep.extract.places`) hands over :class:`Mention` objects, each with every
gazetteer entry its name may refer to. Each candidate is scored by population, kind of place,
how its name matched, and the document: a state or country written right after the name
("Springfield, Ill."), countries and states named or implied by demonyms elsewhere, and
nearness to the other places of the article. Every mention of one name in a document gets
the same reading, and each Place says in ``resolution`` what decided it.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from sitrep.extract import gazetteer
from sitrep.extract.gazetteer import ALTERNATE, Candidate, distance_km, name_key
from sitrep.model import Place

#: Score added per kind of place, on top of log10(population).
FEATURE_BONUS = {"country": 3.0, "continent": 3.0, "admin1": 1.5, "capital": 3.0,
                 "region": 1.0, "sea": 1.0, "river": 0.0, "lake": 0.0, "city": 0.0,
                 "province": 1.0, "admin2": -1.0}
#: Penalty for a match on a GeoNames alternate name rather than the place's own name.
ALTERNATE_PENALTY = 2.5
#: An alternate name of a city this many times bigger than every place bearing the name as
#: its own is an exonym ("Mecca" for Makkah), and pays no alternate-name penalty.
EXONYM_DOMINANCE = 50
#: A qualifier ("Paris, Texas") is near-decisive.
QUALIFIER_BONUS, QUALIFIER_MISMATCH = 8.0, -12.0
#: Document context: the country named (or implied by demonyms) once / twice or more;
#: the state named; nearness to the other places of the article (km -> bonus).
COUNTRY_BONUS = (1.5, 2.5)
ADMIN1_BONUS = 3.0
NEARNESS_BONUS = ((50.0, 3.0), (150.0, 2.0), (400.0, 1.0))
#: A foreign capital loses its capital bonus in an article about other countries
#: ("Paris" in a Texas paper that names Texas towns but never France).
FOREIGN_CAPITAL_PENALTY = 2.5
#: The most document context may add to a candidate: about a state and a country named.
#: Evidence saturates; uncapped, a village in the article's state outscored a far bigger
#: namesake (the town of Oregon, Ill., over the state of Oregon). Measured on the
#: development gold (Acc@161 strict, LGL / GeoVirus): uncapped 0.641 / 0.733; 6.5: 0.643 / 0.738;
#: 5: 0.628 / 0.739; 8: 0.641 / 0.735.
CONTEXT_CAP = 6.5
#: Another name of the article has a reading in the same state as this candidate.
SHARED_STATE_BONUS = 1.5
#: The names listed with this one ("Delaware, Illinois and Kentucky", "in Mecca and
#: Medina") were read as places of this candidate's level (country; state or province;
#: town) and country: lists hold like things. Added beside the capped context, since it
#: says which kind of place the name is, not where the article is.
LIST_BONUS, LIST_QUORUM = 3.0, 2
#: A town under this many people, with no support in an article about other countries,
#: is left unresolved (see :func:`_stray`).
STRAY_POPULATION = 50_000
#: ... when the name has at most this many readings: a name many towns bear ("Woodstock",
#: "Centerville") is local news's own, and its biggest bearer a fair guess.
STRAY_CANDIDATES = 2
#: Levels of place a list keeps to.
_LEVELS = {"country": 0, "admin1": 1, "province": 1, "city": 2, "capital": 2, "admin2": 2}


@dataclass
class Mention:
    """A toponym in the text, with every gazetteer entry its name may refer to: what
    recognition hands to resolution."""

    start: int  # token index
    end: int
    text: str
    start_char: int
    end_char: int
    candidates: list[Candidate]
    source: str
    qualifiers: list[Candidate] = field(default_factory=list)
    #: The name looked up, when words outside the text made it: "Barrow County" for the
    #: "Barrow" of "Jackson and Barrow counties" (so it is not read with a town "Barrow").
    name: str = ""
    #: Keys of the other names listed with this one ("Delaware, Illinois and Kentucky").
    siblings: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return name_key(self.name or self.text)



@dataclass
class _Evidence:
    """What the document says about where it is: first-pass picks per name, demonyms."""

    demonyms: Counter = field(default_factory=Counter)
    #: (country, admin1) -> names with a candidate there: "Paris" and "Henry County" meet in
    #: Tennessee, which no single first-pass pick shows.
    shared: dict[tuple, set[str]] = field(default_factory=dict)
    picks: dict[str, Candidate] = field(default_factory=dict)
    #: name key -> keys of the names listed with it.
    siblings: dict[str, set[str]] = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)

    def add(self, key: str, pick: Candidate) -> None:
        self.picks[key] = pick
        self.countries[pick.country_code] += 1
        self.states[(pick.country_code, pick.admin1)] += 1

    def country_count(self, code: str | None, key: str) -> int:
        """Mentions of country ``code`` in the document, not counting the name ``key``."""
        own = self.picks.get(key)
        n = self.countries.get(code, 0) - (own is not None and own.country_code == code)
        return n + self.demonyms.get(code, 0)

    def foreign(self, code: str | None, key: str) -> bool:
        """True when the article names countries, none of them ``code`` (besides ``key``)."""
        others = sum(n for c, n in self.countries.items() if c and c != code)
        own = self.picks.get(key)
        others -= own is not None and own.country_code not in (None, code)
        return others + sum(n for c, n in self.demonyms.items() if c and c != code) > 0

    def state_count(self, code: str | None, admin1: str | None, key: str) -> int:
        own = self.picks.get(key)
        mine = own is not None and (own.country_code, own.admin1) == (code, admin1)
        return self.states.get((code, admin1), 0) - mine


def resolve(mentions: list[Mention], doc) -> list[Place]:
    """Resolve every mention; one reading per name per document."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    evidence = _Evidence(demonyms=_demonym_countries(doc))
    for key, ms in groups.items():
        evidence.siblings[key] = {k for m in ms for k in m.siblings}
        for c in (c for m in ms for c in m.candidates):
            if c.feature not in ("country", "continent") and c.admin1:
                evidence.shared.setdefault((c.country_code, c.admin1), set()).add(key)
    for key, ms in groups.items():
        pick = _choose(ms, evidence, key, use_context=False)[0]
        if pick is not None:
            evidence.add(key, pick)
    chosen = {key: _choose(ms, evidence, key, use_context=True) for key, ms in groups.items()}
    for key, (pick, reasons, n) in chosen.items():
        if n <= STRAY_CANDIDATES and _stray(pick, reasons, evidence, key):
            chosen[key] = None, ["no reading fits the article: each town of the name "
                                 "is small, abroad, and near nothing the article names"], n
    return [_place(m, *chosen[m.key], chosen) for m in mentions]


def _stray(pick: Candidate | None, reasons: list[str], evidence: _Evidence, key: str) -> bool:
    """A small town that nothing in an article about other countries supports: no country,
    state, qualifier, list or nearby place of the article points to it. "Piccadilly" of a
    London story is no Australian hamlet, "Suba" of a Kenyan one no Philippine town; such a
    name is better left unresolved than placed on another continent."""
    if pick is None or pick.feature != "city" or pick.population >= STRAY_POPULATION:
        return False
    if any(not why.startswith("alternate name") for why in reasons):
        return False
    return evidence.foreign(pick.country_code, key)


def _demonym_countries(doc) -> Counter:
    found: Counter = Counter()
    table = gazetteer.demonyms()
    for tok in doc:
        if tok.text[:1].isupper():
            word = tok.text.casefold()
            code = table.get(word) or table.get(word[:-1] if word.endswith("s") else word)
            if code:
                found[code] += 1
    return found


def _choose(ms: list[Mention], evidence: _Evidence, key: str, *, use_context: bool):
    """The best candidate for a group of same-name mentions, its reasons, and the count."""
    cands = {c.id: c for m in ms for c in m.candidates}
    if not cands:
        return None, ["no gazetteer entry"], 0
    quals = [q for m in ms for q in m.qualifiers]
    if quals and not any(_within(c, q) for c in cands.values() for q in quals):
        # "Stroud, Ontario" when the gazetteer knows only the English Stroud: the writer
        # said where the town is, and no reading is there
        return None, [f"no place of this name in {quals[0].name} in the gazetteer"], len(cands)
    own = [c.population for c in cands.values() if c.kind != ALTERNATE]
    own_name = max(own) if own else None
    best, reasons, best_score = None, [], -math.inf
    for c in cands.values():
        score, why = _score(c, quals, evidence, key, use_context, own_name)
        if score > best_score:
            best, reasons, best_score = c, why, score
    return best, reasons, len(cands)


def _score(c: Candidate, quals, evidence: _Evidence, key: str, use_context: bool,
           own_name: int | None = None):
    """log10(population) + kind of place + name match + qualifier (+ document context).

    ``own_name``: the population of the biggest place bearing the name as its own (None when
    none does); alternate-name readings ("Berea" for Aleppo) pay by
    :func:`_alternate_weight`."""
    score = math.log10(c.population + 10) + FEATURE_BONUS.get(c.feature, 0.0)
    why: list[str] = []
    if c.kind == ALTERNATE:
        score -= ALTERNATE_PENALTY * _alternate_weight(c, own_name)
        why.append("alternate name")
    if quals:
        if any(_within(c, q) for q in quals):
            score += QUALIFIER_BONUS
            why.append(f"qualifier {quals[0].name}")
        else:
            score += QUALIFIER_MISMATCH
    if use_context:
        score += min(CONTEXT_CAP, _context_score(c, evidence, key, why))
        score += _list_score(c, evidence, key, why)
    return score, why


def _list_score(c: Candidate, evidence: _Evidence, key: str, why: list[str]) -> float:
    """:data:`LIST_BONUS` when at least :data:`LIST_QUORUM` names listed with this one, and
    more than disagree, read as places of its level in its country (any country, for a list
    of countries): one neighbour says little ("New York City and Florida")."""
    level = _LEVELS.get(c.feature)
    if level is None:
        return 0.0
    agree, differ = [], 0
    for other in sorted(evidence.siblings.get(key, ())):
        pick = evidence.picks.get(other)
        if pick is None:
            continue
        if _LEVELS.get(pick.feature) == level and (level == 0
                                                   or pick.country_code == c.country_code):
            agree.append(pick.name)
        else:
            differ += 1
    if len(agree) < LIST_QUORUM or len(agree) <= differ:
        return 0.0
    why.append(f"listed with {', '.join(agree[:3])}")
    return LIST_BONUS


def _alternate_weight(c: Candidate, own_name: int | None) -> int:
    """How many alternate-name penalties a reading pays: none for an exonym that dwarfs
    every place bearing the name as its own (English "Mecca"), two beside such places,
    one when no place bears the name as its own."""
    if own_name is None:
        return 1
    return 0 if c.population >= EXONYM_DOMINANCE * own_name else 2


def _within(c: Candidate, q: Candidate) -> bool:
    if q.feature == "country":
        return c.country_code == q.country_code
    return c.country_code == q.country_code and c.admin1 == q.admin1 and c.id != q.id


def _context_score(c: Candidate, evidence: _Evidence, key: str, why: list[str]) -> float:
    score = 0.0
    n_country = evidence.country_count(c.country_code, key) if c.country_code else 0
    if n_country:
        score += COUNTRY_BONUS[min(n_country, 2) - 1]
        why.append(f"document country {c.country_code}")
    in_state = evidence.state_count(c.country_code, c.admin1, key)
    if c.feature not in ("country", "admin1") and c.admin1 and in_state:
        score += ADMIN1_BONUS
        why.append(f"document state {c.country_code}/{c.admin1}")
    if len(evidence.shared.get((c.country_code, c.admin1), ())) > 1:
        score += SHARED_STATE_BONUS
        why.append(f"other names of the article can be in {c.country_code}/{c.admin1}")
    if c.feature == "capital" and not n_country and evidence.foreign(c.country_code, key):
        score -= FOREIGN_CAPITAL_PENALTY
        why.append("capital of a country the article does not name")
    if c.feature not in ("country", "continent"):
        near = _nearest(c, evidence, key)
        if near:
            bonus, name, km = near
            score += bonus
            why.append(f"near {name} ({km:.0f} km)")
    return score


#: Features precise enough to say where an article is (anchors for nearness).
_ANCHOR_FEATURES = frozenset({"city", "capital", "admin2", "admin1"})


def _nearest(c: Candidate, evidence: _Evidence, key: str):
    """The nearness bonus from the closest other place of the document's first pass."""
    lat, lon = _point(c)
    if lat is None:
        return None
    best = None
    for other_key, p in evidence.picks.items():
        if other_key == key or p.lat is None or p.feature not in _ANCHOR_FEATURES or p.id == c.id:
            continue
        km = distance_km(lat, lon, p.lat, p.lon)
        if best is None or km < best[1]:
            best = (p.name, km)
    if best is None:
        return None
    for limit, bonus in NEARNESS_BONUS:
        if best[1] <= limit:
            return bonus, best[0], best[1]
    return None


def _point(c: Candidate) -> tuple[float | None, float | None]:
    """Where a candidate is, for nearness: its own point, else its state's centre."""
    if c.lat is not None:
        return c.lat, c.lon
    state = gazetteer.load().admin1(c.country_code or "", c.admin1 or "")
    return (state.lat, state.lon) if state is not None else (None, None)


def _place(m: Mention, pick: Candidate | None, reasons: list[str], n: int, chosen) -> Place:
    if pick is None:
        why = reasons[0] if n else "no gazetteer entry"
        return Place(text=m.text, start=m.start_char, end=m.end_char,
                     resolution=f"{m.source}; {why}")
    lat, lon, located = pick.lat, pick.lon, ""
    if lat is None:
        lat, lon, located = _locate_in_document(pick, chosen)
    basis = ", ".join(reasons) if reasons else "highest population and rank"
    where = ", ".join(filter(None, (pick.admin1 if pick.feature != "admin1" else None,
                                    pick.country_code)))
    resolution = (f"{m.source}; gazetteer: {pick.name} ({where or 'no country'}, "
                  f"{pick.feature}) by {basis}, among {n} candidate(s){located}")
    return Place(text=m.text, start=m.start_char, end=m.end_char, name=pick.name,
                 geonameid=pick.geonameid, lat=lat, lon=lon, country_code=pick.country_code,
                 admin1=pick.admin1, feature=pick.feature, resolution=resolution)


def _locate_in_document(pick: Candidate, chosen) -> tuple[float | None, float | None, str]:
    """A county or province without coordinates sits at a town of its state that the article
    names, else at the centre of its state or country (and the resolution says so)."""
    for other, *_ in chosen.values():
        if (other is not None and other.lat is not None and other.feature in ("city", "capital")
                and other.country_code == pick.country_code and other.admin1 == pick.admin1):
            return other.lat, other.lon, f"; located at {other.name}, named in the article"
    gaz = gazetteer.load()
    for area in (gaz.admin1(pick.country_code or "", pick.admin1 or ""),
                 gaz.country(pick.country_code or "")):
        if area is not None and area.lat is not None:
            return area.lat, area.lon, f"; position approximate: the centre of {area.name}"
    return None, None, "; not located"
