"""Places: toponyms found in the text and resolved to gazetteer entries in document context.

Recognition takes spaCy's GPE/LOC/FAC entities and, beyond them, capitalised proper-noun
runs that the gazetteer knows as an important enough place: the small English model tags
"Aleppo" as NORP or LANGUAGE. Demonyms ("Syrian"), people, organisations and sentence-initial
common words are kept out (see :func:`_admissible`).

Resolution scores each candidate (:mod:`sitrep.extract.gazetteer`) by population, kind of
place, how its name matched, and the document: a state or country written right after the
name ("Springfield, Ill."), countries and states named or implied by demonyms elsewhere,
and nearness to the other places of the article. Every mention of one name in a document
gets the same reading. Each Place says in ``resolution`` what decided it.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.extract import gazetteer
from sitrep.extract.context import Context
from sitrep.extract.gazetteer import ALTERNATE, Candidate, distance_km, name_key
from sitrep.model import Place

#: NER labels that name places; FAC mentions are kept only when the gazetteer knows them.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Keep GPE/LOC entities the gazetteer does not know, as unresolved places.
KEEP_UNRESOLVED = True
#: Longest name tried, in tokens ("Bosnia and Herzegovina", "Democratic Republic of the Congo").
MAX_NAME_TOKENS = 6
#: A name found by gazetteer look-up alone must name a place at least this big, or a country,
#: state or region (small towns named "Bush" or "Police" would flood the output otherwise).
MIN_LOOKUP_POPULATION = 15_000
#: Features that pass the importance gate whatever their population.
MAJOR_FEATURES = frozenset({"country", "admin1", "continent", "region", "sea", "capital"})

#: Score added per kind of place, on top of log10(population).
FEATURE_BONUS = {"country": 3.0, "continent": 3.0, "admin1": 1.5, "capital": 3.0,
                 "region": 1.0, "sea": 1.0, "river": 0.0, "lake": 0.0, "city": 0.0,
                 "province": 1.0, "admin2": -1.0}
#: Penalty for a match on a GeoNames alternate name rather than the place's own name.
ALTERNATE_PENALTY = 2.5
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
#: Another name of the article has a reading in the same state as this candidate.
SHARED_STATE_BONUS = 1.5


@dataclass
class Mention:
    """A toponym in the text, with every gazetteer entry its name may refer to."""

    start: int  # token index
    end: int
    text: str
    start_char: int
    end_char: int
    candidates: list[Candidate]
    source: str
    qualifiers: list[Candidate] = field(default_factory=list)

    @property
    def key(self) -> str:
        return name_key(self.text)


# ---------------------------------------------------------------- public entry points

def extract(ctx: Context) -> list[Place]:
    """Toponyms of the document, each resolved (or marked unresolved) with its reason."""
    gaz = gazetteer.load()
    mentions = find_mentions(ctx.doc, gaz)
    return resolve(mentions, ctx.doc)


def place_for_span(ctx: Context, start: int, end: int) -> Place | None:
    """The most specific resolved place named inside characters [start, end), or None.

    For later layers (events) that want the place of a clause: a town beats a state,
    a state beats a country; among equals the first mention wins.
    """
    inside = [p for p in _places_of(ctx) if start <= p.start and p.end <= end and p.name]
    if not inside:
        return None
    return min(inside, key=lambda p: (_SPECIFICITY.get(p.feature or "", 9), p.start))


def document_place(ctx: Context) -> Place | None:
    """The article's main place: the most-mentioned resolved non-country place, else the
    most-mentioned country (ties go to the earliest mention)."""
    resolved = [p for p in _places_of(ctx) if p.name]
    local = [p for p in resolved if p.feature not in ("country", "continent", "region", "sea")]
    pool = local or resolved
    if not pool:
        return None
    counts = Counter(p.name for p in pool)
    return min(pool, key=lambda p: (-counts[p.name], p.start))


_SPECIFICITY = {"city": 0, "capital": 0, "admin2": 1, "admin1": 2, "province": 2, "river": 3,
                "lake": 3, "region": 4, "sea": 5, "country": 6, "continent": 7}


def _places_of(ctx: Context) -> list[Place]:
    return ctx.places if ctx.places else extract(ctx)


# ---------------------------------------------------------------- recognition

def find_mentions(doc, gaz: gazetteer.Gazetteer) -> list[Mention]:
    """Toponyms from place entities first, then from gazetteer look-ups of proper nouns."""
    taken = [False] * len(doc)
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            mentions.extend(_from_entity(doc, ent, gaz, taken))
    ent_of = {tok.i: ent for ent in doc.ents for tok in ent}
    mentions.extend(_from_lookup(doc, gaz, taken, ent_of))
    mentions.sort(key=lambda m: m.start)
    _attach_qualifiers(doc, mentions, gaz, taken)
    return sorted(mentions, key=lambda m: m.start)


def _trim(doc, start: int, end: int) -> int:
    """Skip leading modifiers and lowercase words ("the", "eastern") of a name's tokens."""
    while start < end and _is_modifier(doc[start]):
        start += 1
    return start


def _pieces(doc, start: int, end: int) -> list[tuple[int, int]]:
    """An entity split at commas: spaCy often makes "Springfield, Illinois" one GPE."""
    pieces, begin = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text in (",", ";"):
            if i > begin:
                pieces.append((begin, i))
            begin = i + 1
    return pieces


def _from_entity(doc, ent, gaz, taken) -> list[Mention]:
    """Place entities, split at commas; a piece the gazetteer does not know stays an
    unresolved place (FAC pieces are dropped: most are buildings and roads)."""
    found = []
    for start, end in _pieces(doc, ent.start, ent.end):
        qualifiers = (start > 0 and doc[start - 1].text == ",") or (
            end - start == 1 and doc[start].text.endswith("."))
        start, cands = _known_name(doc, start, end, gaz, qualifiers=qualifiers)
        if start >= end or _is_demonym(doc[start:end].text):
            continue
        if not cands:
            start, end, cands = _known_part(doc, start, end, gaz)
        if cands or (ent.label_ != "FAC" and end - start <= MAX_NAME_TOKENS and KEEP_UNRESOLVED):
            found.append(_mention(doc, start, end, cands, f"spaCy {ent.label_}"))
        for i in range(start, end):
            taken[i] = True
    return found


def _known_name(doc, start: int, end: int, gaz, *, qualifiers: bool = False):
    """The name in tokens [start, end) and its candidates: the whole stretch when the
    gazetteer knows it ("South Carolina"), else after one or more leading modifiers
    ("the North Korea", "eastern Aleppo")."""
    first = start
    while start < end:
        cands = gaz.lookup(doc[start:end].text, qualifiers=qualifiers)
        trimmed_to_noun = start > first and end - start == 1 and doc[start].text.casefold() in (
            gazetteer.words("place_feature_words.txt"))
        if cands and doc[start].text[:1].isupper() and not trimmed_to_noun:
            return start, _own_names_first(cands)
        if not _is_modifier(doc[start]):
            break
        start += 1
    return _trim(doc, start, end), []


def _own_names_first(cands: list[Candidate]) -> list[Candidate]:
    """Drop alternate-name readings when some place bears the name as its own: "Maryville"
    is one of the Maryvilles, not Beeville (whose old name it was)."""
    own = [c for c in cands if c.kind != ALTERNATE]
    return own or cands


def _is_modifier(tok) -> bool:
    """Lowercase words, stop words ("An", "Another") and listed modifiers ("eastern",
    "Greater") open no place name."""
    return (not tok.text[:1].isupper() or tok.is_stop
            or tok.text.casefold() in gazetteer.words("place_modifiers.txt"))


def _known_part(doc, start: int, end: int, gaz) -> tuple[int, int, list[Candidate]]:
    """A known name opening an unknown place entity ("Fargo" in "Fargo City", "Henderson
    County" in "Henderson County Jail"), or following "of" ("State of Illinois"); never
    when a feature word comes later ("Red River", "San Fernando Valley")."""
    words = [tok.text.casefold().rstrip(".") for tok in doc[start:end]]
    features = gazetteer.words("place_feature_words.txt")
    for size in range(min(end - start, MAX_NAME_TOKENS) - 1, 0, -1):
        for s in (start, *(i + 1 for i in range(start, end - size) if words[i - start] == "of")):
            span = doc[s:s + size]
            later = words[s + size - start:]
            if len(span.text) < 4 or any(w in features for w in later):
                continue
            cands = [c for c in gaz.lookup(span.text) if c.kind != ALTERNATE]
            if cands and name_key(span.text) not in gazetteer.stopwords():
                return s, s + size, cands
    return start, end, []


def _mention(doc, start: int, end: int, cands: list[Candidate], source: str) -> Mention:
    span = doc[start:end]
    return Mention(start, end, span.text, span.start_char, span.end_char, cands, source)


#: A token that can be part of a place name: capitalised letters, maybe with dots ("U.S.").
_NAME_TOKEN = re.compile(r"[A-Z][A-Za-z.\u00C0-\u024F]*(?:['\u2019][A-Za-z]+)?")


def _proper_runs(doc, taken) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens outside place entities already taken."""
    runs, begin = [], None
    for tok in doc:
        inside = not taken[tok.i] and (_NAME_TOKEN.fullmatch(tok.text) is not None
                                       or _inner_hyphen(doc, tok, begin))
        if inside and begin is None:
            begin = tok.i
        elif not inside and begin is not None:
            runs.append((begin, tok.i))
            begin = None
    if begin is not None:
        runs.append((begin, len(doc)))
    return runs


def _inner_hyphen(doc, tok, begin) -> bool:
    """A hyphen joining two capitalised words ("Guinea-Bissau", "KwaZulu-Natal")."""
    return (begin is not None and tok.text == "-" and not tok.whitespace_
            and not doc[tok.i - 1].whitespace_ and tok.i + 1 < len(doc)
            and doc[tok.i + 1].text[:1].isupper())


def _from_lookup(doc, gaz, taken, ent_of) -> list[Mention]:
    """Gazetteer names among proper-noun runs: a run must be the name, after modifiers;
    a hyphenated run that is no name is read part by part ("Texas-Mexico border")."""
    found = []
    for start, end in _proper_runs(doc, taken):
        mention = _run_mention(doc, start, end, gaz, ent_of)
        parts = [(start, end)] if mention else _hyphen_parts(doc, start, end)
        if mention is None and len(parts) > 1:
            found.extend(m for s, e in parts if (m := _run_mention(doc, s, e, gaz, ent_of)))
        elif mention is not None:
            found.append(mention)
    for m in found:
        for i in range(m.start, m.end):
            taken[i] = True
    return found


def _run_mention(doc, start: int, end: int, gaz, ent_of) -> Mention | None:
    if end - start > MAX_NAME_TOKENS + 1:
        return None
    start, cands = _known_name(doc, start, end, gaz)
    source = "gazetteer look-up"
    if not (cands and _admissible(doc, start, end, cands, ent_of)):
        end, cands = _organisation_prefix(doc, start, end, gaz, ent_of)
        source = "gazetteer look-up inside an organisation name"
    return _mention(doc, start, end, cands, source) if cands else None


def _hyphen_parts(doc, start: int, end: int) -> list[tuple[int, int]]:
    parts, begin = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text == "-":
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    return parts


def _organisation_prefix(doc, start: int, end: int, gaz, ent_of) -> tuple[int, list]:
    """The place a name is built on: "Ohio" in "the Ohio Department of Transportation",
    "Pennsylvania" in "University of Pennsylvania", "Alexandria" in "Alexandria Police".

    It must open a capitalised run inside an ORG entity, or be exactly an entity spaCy
    mislabelled (PERSON "Alexandria" before "Police"); "Jordan" in the PERSON "Jordan
    Smith" is no place. Importance gates as in :func:`_admissible` ("Texas Instruments"
    still names Texas)."""
    ent = ent_of.get(start)
    if ent is None or end > ent.end and ent.label_ == "ORG":
        return end, []
    for stop in range(min(end, start + MAX_NAME_TOKENS), start, -1):
        if ent.label_ != "ORG" and (ent.start, ent.end) != (start, stop):
            continue
        cands = gaz.lookup(doc[start:stop].text)
        if cands and _admissible(doc, start, stop, cands, {}):
            return stop, cands
    return end, []


def _admissible(doc, start: int, end: int, cands: list[Candidate], ent_of) -> bool:
    """Guards for a name spaCy did not call a place.

    Not a demonym or stop word; proper nouns only (a sentence-initial "Police" is a common
    noun); not part of a longer person or organisation name ("Syria" in "Syria Staffan de
    Mistura"); acronyms only as listed aliases; and an important place: a country, state,
    capital or region, or a town of :data:`MIN_LOOKUP_POPULATION` people.
    """
    span = doc[start:end]
    key = name_key(span.text)
    if key in gazetteer.stopwords() or _is_demonym(span.text):
        return False
    if any(tok.tag_ not in ("NNP", "NNPS") for tok in span) and not _dateline(doc, start, end):
        return False
    ents = {id(ent_of[i]): ent_of[i] for i in range(start, end) if i in ent_of}
    for ent in ents.values():
        if ent.start < start or ent.end > end:
            return False
    if span.text.isupper() and len(span.text) <= 4:
        # "UN", "ISIS", "AP": acronyms count only as listed aliases ("US", "UK", "NSW").
        cands = [c for c in cands if c.kind == gazetteer.ALIAS]
    best = max(cands, key=lambda c: (c.kind != ALTERNATE, c.population), default=None)
    if best is None or best.kind == ALTERNATE:
        return False
    return best.feature in MAJOR_FEATURES or best.population >= MIN_LOOKUP_POPULATION


def _dateline(doc, start: int, end: int) -> bool:
    """"BEIRUT:" / "CHARLESTON, W.Va. --": a capitalised place opening a line or sentence,
    which the tagger often misreads (as an adverb, say)."""
    opens = start == 0 or doc[start].is_sent_start or "\n" in doc[start - 1].whitespace_
    return (opens and doc[start:end].text.isupper() and end < len(doc)
            and doc[end].text in (":", ",", "--", "\u2014", "-", "("))


def _is_demonym(text: str) -> bool:
    word = text.strip().casefold()
    if word in gazetteer.demonyms():
        return True
    return word.endswith("s") and word[:-1] in gazetteer.demonyms()


def _attach_qualifiers(doc, mentions: list[Mention], gaz, taken) -> None:
    """Read "Town, ST" / "Town, State" / "Town, Country": the qualifier constrains the town
    and is itself a place (the state or country). After a country name the comma starts a
    list ("Israel, Egypt and Jordan"), not a qualifier."""
    by_start = {m.start: m for m in mentions}
    for m in list(mentions):
        comma = m.end
        if (comma + 1 >= len(doc) or doc[comma].text != ","
                or any(c.feature == "country" and c.kind != ALTERNATE for c in m.candidates)):
            continue
        for size in (3, 2, 1):
            span = doc[comma + 1:comma + 1 + size]
            if len(span) < size or not span.text[:1].isupper():
                continue
            quals = [c for c in gaz.lookup(span.text, qualifiers=True)
                     if c.feature in ("admin1", "country")]
            if not quals:
                continue
            m.qualifiers = quals
            other = by_start.get(span.start)
            if other is not None and other.end == span.end:
                other.candidates, other.source = quals, "qualifier after a place name"
            elif other is None and not any(taken[span.start:span.end]):
                q = _mention(doc, span.start, span.end, quals, "qualifier after a place name")
                mentions.append(q)
                by_start[q.start] = q
                for i in range(span.start, span.end):
                    taken[i] = True
            break


# ---------------------------------------------------------------- resolution

@dataclass
class _Evidence:
    """What the document says about where it is: first-pass picks per name, demonyms."""

    demonyms: Counter = field(default_factory=Counter)
    #: (country, admin1) -> names with a candidate there: "Paris" and "Henry County" meet in
    #: Tennessee, which no single first-pass pick shows.
    shared: dict[tuple, set[str]] = field(default_factory=dict)
    picks: dict[str, Candidate] = field(default_factory=dict)
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
        for c in (c for m in ms for c in m.candidates):
            if c.feature not in ("country", "continent") and c.admin1:
                evidence.shared.setdefault((c.country_code, c.admin1), set()).add(key)
    for key, ms in groups.items():
        pick = _choose(ms, evidence, key, use_context=False)[0]
        if pick is not None:
            evidence.add(key, pick)
    chosen = {key: _choose(ms, evidence, key, use_context=True) for key, ms in groups.items()}
    return [_place(m, *chosen[m.key], chosen) for m in mentions]


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
    own_name = any(c.kind != ALTERNATE for c in cands.values())
    best, reasons, best_score = None, [], -math.inf
    for c in cands.values():
        score, why = _score(c, quals, evidence, key, use_context, own_name)
        if score > best_score:
            best, reasons, best_score = c, why, score
    return best, reasons, len(cands)


def _score(c: Candidate, quals, evidence: _Evidence, key: str, use_context: bool,
           own_name: bool = False):
    """log10(population) + kind of place + name match + qualifier (+ document context).

    ``own_name``: some candidate bears the name as its own, so alternate-name readings
    ("Berea" for Aleppo) are pushed further down."""
    score = math.log10(c.population + 10) + FEATURE_BONUS.get(c.feature, 0.0)
    why: list[str] = []
    if c.kind == ALTERNATE:
        score -= ALTERNATE_PENALTY * (2 if own_name else 1)
        why.append("alternate name")
    if quals:
        if any(_within(c, q) for q in quals):
            score += QUALIFIER_BONUS
            why.append(f"qualifier {quals[0].name}")
        else:
            score += QUALIFIER_MISMATCH
    if use_context:
        score += _context_score(c, evidence, key, why)
    return score, why


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
    if c.feature not in ("country", "admin1") and in_state:
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
        return Place(text=m.text, start=m.start_char, end=m.end_char,
                     resolution=f"{m.source}; no gazetteer entry")
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
