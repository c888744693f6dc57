"""Places: toponyms found in the text and resolved to gazetteer entries in document context.

Recognition takes spaCy's GPE/LOC/FAC entities and, beyond them, capitalised proper-noun
runs that the gazetteer knows as an important enough place: the small English model tags
"Aleppo" as NORP or LANGUAGE. Demonyms ("Syrian"), people, organisations and sentence-initial
common words are kept out (see :func:`_admissible`), and acronyms count only as listed
aliases ("US", "NSW"): "UN" is never a place. A name read as a known place at one mention is
a place at its other mentions too, where the tagger took it for a person or a firm.

Resolution, the choice among a name's gazetteer candidates in document context, lives in
:mod:`sitrep.extract.places_resolve`; ``resolve`` and ``Mention`` are re-exported here, so
``sitrep.extract.places`` stays the one import for other layers.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from sitrep.extract import gazetteer, places_cues
from sitrep.extract.context import Context
from sitrep.extract.gazetteer import ALTERNATE, Candidate, distance_km, name_key
from sitrep.extract.places_resolve import EXONYM_DOMINANCE, Mention, resolve
from sitrep.model import Place

__all__ = ["Mention", "distance_km", "document_place", "extract", "find_mentions",
           "place_for_span", "resolve"]

#: NER labels that name places; FAC mentions are kept only when the gazetteer knows them.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Keep GPE/LOC entities the gazetteer does not know, as unresolved places.
KEEP_UNRESOLVED = True
#: Longest name tried, in tokens ("Bosnia and Herzegovina", "Democratic Republic of the Congo").
MAX_NAME_TOKENS = 6
#: A name found by gazetteer look-up alone must name a place at least this big, or a country,
#: state or region (small towns named "Bush" or "Police" would flood the output otherwise).
MIN_LOOKUP_POPULATION = 15_000
#: ... and of a city known only by another spelling than its own name, where the words
#: around it say it is a place ("in Hasakah", "of Raqqa"): alternate names are noisy, the
#: big cities' ones much less so.
ALTERNATE_LOOKUP_POPULATION = 100_000
#: An alternate name stays a reading beside places that bear the name as their own when
#: its place is this big and :data:`EXONYM_DOMINANCE` times bigger than all of them.
EXONYM_MIN_POPULATION = 500_000
#: Features that pass the importance gate whatever their population.
MAJOR_FEATURES = frozenset({"country", "admin1", "continent", "region", "sea", "capital"})


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
    """Toponyms written in a form only places take (county lists, datelines, see
    :mod:`sitrep.extract.places_cues`), then place entities, then gazetteer look-ups of
    proper nouns."""
    taken = [False] * len(doc)
    mentions: list[Mention] = places_cues.find(doc, gaz, taken)
    for ent in _place_entities(doc, gaz):
        mentions.extend(_from_entity(doc, ent, gaz, taken))
    ent_of = {tok.i: ent for ent in doc.ents for tok in ent}
    mentions.extend(_from_lookup(doc, gaz, taken, ent_of))
    mentions.extend(_repeated(doc, mentions, taken, ent_of, gaz))
    mentions.sort(key=lambda m: m.start)
    _attach_qualifiers(doc, mentions, gaz, taken)
    mentions.sort(key=lambda m: m.start)
    _link_lists(doc, mentions)
    states = {m.key for m in mentions if _division_word(doc, m)}
    for m in mentions if states else ():
        kept = [c for c in m.candidates if c.feature in _DIVISION_FEATURES]
        if kept and m.key in states:
            m.candidates = kept  # one sense per article: every "Washington" of it
    return mentions


#: Lowercase nouns that say a name is a first-level division: "Washington state", "the
#: Punjab province", "the state of Washington".
_DIVISION_NOUNS = frozenset({"state", "province"})
_DIVISION_FEATURES = frozenset({"admin1", "province"})


def _division_word(doc, m: Mention) -> bool:
    """Whether a division noun goes with the name, so that only its state and province
    readings stay: "a Washington state farm" is no farm in the capital."""
    after = m.end < len(doc) and doc[m.end].text in _DIVISION_NOUNS
    before = m.start > 1 and doc[m.start - 1].lower_ == "of" and doc[
        m.start - 2].text in _DIVISION_NOUNS
    return after or before


#: Words that join the names of a list: "Georgia, Oklahoma and Wisconsin", "Mecca or Medina".
_LIST_GAPS = frozenset({(",",), ("and",), ("or",), (",", "and"), (",", "or")})


def _link_lists(doc, mentions: list[Mention]) -> None:
    """Give each mention the names listed with it ("Delaware, Illinois, Kentucky and
    Tennessee"): resolution reads a list's names as places of one kind."""
    groups: list[list[Mention]] = []
    for prev, m in zip([None, *mentions], mentions):
        joined = prev is not None and 0 < m.start - prev.end <= 2 and tuple(
            doc[i].lower_ for i in range(prev.end, m.start)) in _LIST_GAPS
        if joined and not prev.qualifiers and m.source != _QUALIFIER_SOURCE:
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        if len(group) > 1:
            keys = {m.key: m for m in group}
            for m in group:
                m.siblings = tuple(sorted(k for k in keys if k != m.key))


def _repeated(doc, mentions: list[Mention], taken, ent_of, gaz) -> list[Mention]:
    """Other mentions of a name already read as a known place: one sense per article.

    The tagger often reads a town as a person or an organisation at one mention ("a Glen
    Allen woman", "the Gainesville Police") and as a place at another. Skipped: lowercase
    or demonym forms, a mention inside a longer person name ("Michael Jordan", "Jordan
    Smith"), or after another capitalised word ("East Hampton" holds no "Hampton").
    """
    names = {}
    for m in mentions:
        if m.candidates and not _is_demonym(m.text) and not _read_with_context(m):
            names.setdefault(doc[m.start].lower_, {})[m.key] = m
    found = []
    for tok in doc:
        if taken[tok.i] or tok.lower_ not in names or not tok.text[:1].isupper():
            continue
        for key, m in names[tok.lower_].items():
            end = tok.i + (m.end - m.start)
            if end <= len(doc) and name_key(doc[tok.i:end].text) == key and _free_name(
                    doc, tok.i, end, taken, ent_of) and not _longer_name(doc, tok.i, end, gaz):
                found.append(_mention(doc, tok.i, end, m.candidates, "same name as a place "
                                      "named elsewhere in the article"))
                _take(taken, tok.i, end)
                break
    return found


def _read_with_context(m: Mention) -> bool:
    """A name that is a place only with words outside it: "Harper" of "Harvey, Harper and
    Kingman counties" is Harper County, but a bare "Harper" elsewhere is a person."""
    return bool(m.name) and name_key(m.name) != name_key(m.text)


def _longer_name(doc, start: int, end: int, gaz) -> bool:
    """True when the name and the capitalised word after it are a known name together:
    "Mexico" in "Mexico City" repeats no mention of the country."""
    return (end < len(doc) and doc[end].text[:1].isupper()
            and any(c.kind != ALTERNATE for c in gaz.lookup(doc[start:end + 1].text)))


def _free_name(doc, start: int, end: int, taken, ent_of) -> bool:
    """Whether tokens [start, end) may repeat a place name (see :func:`_repeated`)."""
    if any(taken[start:end]) or not (_proper(doc, start, end) or _headline_word(doc, start)):
        return False
    ent = ent_of.get(start)
    if ent is not None and ent.label_ == "PERSON" and (
            ent.start < start or ent.end > end or end - start < 2 and not _attributive(doc, end)):
        return False  # a one-word "person" is a person, unless it qualifies a noun
    before = doc[start - 1] if start > 0 else None
    return before is None or doc[start].is_sent_start or not (
        before.text[:1].isupper() and before.is_alpha)


def _proper(doc, start: int, end: int) -> bool:
    return all(tok.tag_ in ("NNP", "NNPS") for tok in doc[start:end])


def _headline_word(doc, start: int) -> bool:
    """A sentence-initial word, which the tagger often reads as a common noun or adjective
    ("Lancaster woman takes on the law", "Augusta native had ..."): it repeats a place of
    the article when it never appears in lowercase there."""
    tok = doc[start]
    return (start == 0 or tok.is_sent_start) and not any(
        t.is_lower and t.text == tok.lower_ for t in doc)


def _attributive(doc, end: int) -> bool:
    """A name used before a common noun: "Cottonport firefighters", "a Gainesville resident"."""
    return end < len(doc) and doc[end].tag_ in ("NN", "NNS")


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


def _place_entities(doc, gaz) -> list:
    """Place entities, two adjacent or joined by "of" / "of the" when the gazetteer knows
    the whole: the tagger splits "Democratic Republic | of the | Congo" in two."""
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    joined, skip = [], False
    for ent, nxt in zip(ents, [*ents[1:], None]):
        if skip:
            skip = False
            continue
        gap = doc[ent.end:nxt.start].text.casefold() if nxt is not None else None
        if gap in ("", "of", "of the") and gaz.lookup(doc[ent.start:nxt.end].text):
            ent, skip = Span(doc, ent.start, nxt.end, label=nxt.label_), True
        joined.append(_widen(doc, ent, gaz))
    return joined


def _widen(doc, ent, gaz):
    """An entity the tagger cut short of a known name: a capitalised word before it ("North"
    outside "Korea", "West" outside "Java") or a hyphenated part after it ("Guinea" of
    "Guinea-Bissau", "Saxony" of "Saxony-Anhalt"). Only names places bear as their own."""
    def known(start: int, end: int) -> bool:
        return any(c.kind != ALTERNATE for c in gaz.lookup(doc[start:end].text))

    start, end = ent.start, ent.end
    if (end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_
            and not doc[end - 1].whitespace_ and doc[end + 1].text[:1].isupper()
            and known(start, end + 2)):
        end += 2
    else:
        end = _particle_end(doc, start, end, gaz)
    before = doc[start - 1] if start > 0 else None
    if (before is not None and before.text[:1].isupper() and before.is_alpha
            and not before.is_stop and before.ent_type_ in ("", *PLACE_LABELS)
            and known(start - 1, end)):
        start -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end,
                                                                 label=ent.label_)


def _particle_end(doc, start: int, end: int, gaz) -> int:
    """Where a name ends when a lowercase particle and a capitalised word after it make a
    longer known name with it: "Rio Grande | do Sul" (the tagger and the capitalised runs
    both stop at "do")."""
    if (end + 1 < len(doc) and doc[end].text in gazetteer.words("place_particles.txt")
            and doc[end + 1].text[:1].isupper() and any(
                c.kind != ALTERNATE for c in gaz.lookup(doc[start:end + 2].text))):
        return end + 2
    return end


def _from_entity(doc, ent, gaz, taken) -> list[Mention]:
    """Place entities, split at commas; a piece the gazetteer does not know stays an
    unresolved place (FAC pieces are dropped: most are buildings and roads)."""
    found = []
    for start, end in _pieces(doc, ent.start, ent.end):
        while end > start and doc[end - 1].tag_ == "POS":
            end -= 1  # "Canada's": the possessive ending is no part of the name
        if start == ent.start and start > 0 and not taken[start - 1] and _capitalised_modifier(
                doc, start - 1):
            start -= 1  # "West | Prince": the direction word the tagger left out is the name's
        if any(taken[start:end]):
            continue  # read by a cue already ("Madison" of "Barrow and Madison counties")
        qualifiers = (start > 0 and doc[start - 1].text == ",") or (
            end - start == 1 and doc[start].text.endswith("."))
        piece = start
        start, cands = _known_name(doc, start, end, gaz, qualifiers=qualifiers)
        if start >= end and _modifiers_only(doc, piece, end):
            # "the South", "the West": a region the gazetteer does not know, left unresolved
            start = next(i for i in range(piece, end)
                         if _capitalised_modifier(doc, i) or i == end - 1)
        if start < end and _is_acronym(doc[start:end]):
            cands = [c for c in cands if c.kind in (gazetteer.ALIAS, gazetteer.QUALIFIER)]
            if not cands:  # "UN", "NATO", "WHO": organisations the tagger called places
                _take(taken, start, end)
                continue
        if start >= end or _is_demonym(doc[start:end].text):
            continue
        if not cands:
            start, end, cands = _opening_part(doc, piece, start, end, gaz)
        if not cands and _names_an_actor(doc[start:end].text):
            continue  # "Fastaqim", "Ahrar al-Sham": armed groups the tagger called places
        if cands or (ent.label_ != "FAC" and end - start <= MAX_NAME_TOKENS and KEEP_UNRESOLVED):
            if ent.label_ == "LOC":
                cands = _natural_first(cands)
            found.append(_mention(doc, start, end, cands, f"spaCy {ent.label_}"))
        for i in range(start, end):
            taken[i] = True
    return found


#: Features of the places the tagger labels LOC rather than GPE: seas, rivers, regions.
NATURAL_FEATURES = frozenset({"sea", "river", "lake", "region", "continent"})


def _natural_first(cands: list[Candidate]) -> list[Candidate]:
    """A LOC entity names a sea, river or region when the gazetteer has one of the name:
    "the Atlantic flyway" is the ocean's, not a town's, however many towns the article
    names near the town of Atlantic."""
    natural = [c for c in cands if c.feature in NATURAL_FEATURES and c.kind != ALTERNATE]
    return natural or cands


def _names_an_actor(text: str) -> bool:
    """Whether the shipped actor dictionary knows ``text`` as an organisation or person."""
    from sitrep.extract.actors import default_resolver
    from sitrep.extract.actors_lexicon import normalise

    key = tuple(normalise(text))
    entry = default_resolver().lexicon.get(key) if key else None
    return entry is not None and entry.kind in ("org", "person")


def _known_name(doc, start: int, end: int, gaz, *, qualifiers: bool = False):
    """The name in tokens [start, end) and its candidates: the whole stretch when the
    gazetteer knows it ("South Carolina"), else after one or more leading modifiers
    ("the North Korea", "eastern Aleppo")."""
    first, named_part = start, False
    while start < end:
        cands = [] if _modifiers_only(doc, start, end) else gaz.lookup(
            doc[start:end].text, qualifiers=qualifiers)
        trimmed_to_noun = start > first and end - start == 1 and doc[start].text.casefold() in (
            gazetteer.words("place_feature_words.txt"))
        if named_part and cands and not _stands_alone(cands) and not _named_alone(
                doc, start, end):
            while not doc[first].text[:1].isupper() or doc[first].lower_ == "the":
                first += 1
            return first, []  # "Central Plateau" is no "Plateau", "West Prince" no "Prince"
        if cands and doc[start].text[:1].isupper() and not trimmed_to_noun and not _the_acronym(
                doc, start, end):
            return start, _own_names_first(cands)
        if not _is_modifier(doc[start]):
            break
        named_part = named_part or _capitalised_modifier(doc, start)
        start += 1
    return _trim(doc, start, end), []


#: A place named inside a longer proper name ("Central Plateau", "West Prince") is read
#: alone only when it is this big, or a country, state, region or sea: "Northern Europe"
#: is about Europe, but "Central Plateau" says nothing of Nigeria's Plateau State.
STANDALONE_POPULATION = 100_000


def _stands_alone(cands: list[Candidate]) -> bool:
    return any(c.kind != ALTERNATE and (c.feature in MAJOR_FEATURES
                                        or c.population >= STANDALONE_POPULATION)
               for c in cands)


def _named_alone(doc, start: int, end: int) -> bool:
    """Whether the article writes the name of tokens [start, end) elsewhere without a
    direction word before it: "North West Bicester" is part of the Bicester the article
    names, "West Prince" of a document without a "Prince" is not."""
    words = [tok.text for tok in doc[start:end]]
    size = len(words)
    for tok in doc:
        i = tok.i
        if (i != start and tok.text == words[0] and [t.text for t in doc[i:i + size]] == words
                and not (i > 0 and _capitalised_modifier(doc, i - 1))):
            return True
    return False


def _capitalised_modifier(doc, i: int) -> bool:
    """A listed direction word written as part of a proper name ("Central Plateau",
    "American South"): capitalised mid-sentence, not an all-capitals headline word."""
    tok = doc[i]
    return (tok.text[:1].isupper() and not tok.text.isupper() and not tok.is_sent_start
            and i > 0 and tok.text.casefold() in gazetteer.words("place_modifiers.txt")
            and tok.lower_ != "the")


def _modifiers_only(doc, start: int, end: int) -> bool:
    """"South", "the West", "Central": direction words alone name no gazetteer place
    (Cameroon's South province is not "the South")."""
    modifiers = gazetteer.words("place_modifiers.txt")
    for i in range(start, end):
        if doc[i].text.casefold() not in modifiers:
            return False
    return True


def _the_acronym(doc, start: int, end: int) -> bool:
    """"The NSW": the article before an acronym is no part of the name (look-ups ignore a
    leading "the", so the acronym's own tokens must carry the name)."""
    return doc[start].lower_ == "the" and end - start > 1 and doc[start + 1].text.isupper()


def _own_names_first(cands: list[Candidate]) -> list[Candidate]:
    """Drop alternate-name readings when some place bears the name as its own: "Maryville"
    is one of the Maryvilles, not Beeville (whose old name it was). A world city known
    abroad by its exonym stays: "Mecca" is Makkah (1.5 million people), not the Californian
    Mecca, see :data:`EXONYM_DOMINANCE`."""
    own = [c for c in cands if c.kind != ALTERNATE]
    biggest = max((c.population for c in own), default=0)
    exonyms = [c for c in cands if c.kind == ALTERNATE and c.population >= EXONYM_MIN_POPULATION
               and c.population >= EXONYM_DOMINANCE * biggest]
    return own + exonyms if own else cands


def _is_modifier(tok) -> bool:
    """Lowercase words, stop words ("An", "Another") and listed modifiers ("eastern",
    "Greater") open no place name. An all-capitals word outside a shouted headline is an
    acronym, not a stop word: "US" in "the US Army" is no "us"."""
    listed = tok.text.casefold() in gazetteer.words("place_modifiers.txt")
    if tok.text.isupper() and len(tok) > 1 and not _shouting(tok.doc, tok.i, tok.i + 1):
        return listed
    return not tok.text[:1].isupper() or tok.is_stop or listed


def _opening_part(doc, piece: int, start: int, end: int, gaz):
    """:func:`_known_part` of a name that :func:`_known_name` could not read: first with the
    capitalised direction words it opens with ("South Asia" of "South Asia Earthquake"),
    then without them, where the part must stand alone ("Syria" of "Northern Syria
    Offensive", never "Plateau" of "Central Plateau Council")."""
    first = next((i for i in range(piece, start) if doc[i].text[:1].isupper()
                  and doc[i].lower_ != "the"), start)
    if first < start:
        found = _known_part(doc, first, end, gaz)
        if found[2]:
            return found
    s, e, cands = _known_part(doc, start, end, gaz)
    if cands and first < start and not (_stands_alone(cands) or _named_alone(doc, s, e)):
        return start, end, []
    return s, e, cands


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
            if len(span.text) < 4 or any(w in features for w in later) or _modifiers_only(
                    doc, s, s + size):
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
        if any(taken[start:end]):
            continue  # the rest of a name read with a particle ("Sul" of "Rio Grande do Sul")
        longer = _particle_end(doc, start, end, gaz)
        if longer > end and not any(taken[end:longer]) and not any(
                ent_of[i].label_ == "PERSON" for i in range(start, longer) if i in ent_of):
            found.append(_mention(doc, start, longer, _own_names_first(
                gaz.lookup(doc[start:longer].text)), "gazetteer look-up"))
            _take(taken, start, longer)
            continue
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
    run_start = start
    start, cands = _known_name(doc, start, end, gaz)
    source = "gazetteer look-up"
    if not (cands and _admissible(doc, start, end, cands, ent_of)):
        source = "gazetteer look-up inside an organisation name"
        named = start > run_start and any(_capitalised_modifier(doc, i)
                                          for i in range(run_start, start))
        if start > run_start and doc[run_start].text[:1].isupper() and doc[
                run_start].lower_ != "the" and _modifiers_only(doc, run_start, run_start + 1):
            # "West Bank Health Ministry" names the West Bank, not a "Bank"; but the
            # "North Arlington Neighbors" of an article about Arlington live in Arlington
            stop, found = _organisation_prefix(doc, run_start, end, gaz, ent_of)
            if found and not _named_alone(doc, start, stop):
                return _mention(doc, run_start, stop, found, source)
        end, cands = _organisation_prefix(doc, start, end, gaz, ent_of)
        if named and cands and not (_stands_alone(cands) or _named_alone(doc, start, end)):
            cands = []
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
    mislabelled (PERSON "Alexandria" before "Police"), or come before a civic word whatever
    the tagger made of it ("Tega Cay Fire Department"); "Jordan" in the PERSON "Jordan
    Smith" is no place. Importance gates as in :func:`_admissible` ("Texas Instruments"
    still names Texas)."""
    ent = ent_of.get(start)
    if _after_hyphen(doc, start):
        return end, []
    inner = not _opens(doc, ent, start)
    outside = ent is None or end > ent.end and ent.label_ == "ORG"
    for stop in range(min(end, start + MAX_NAME_TOKENS), start, -1):
        if doc[stop - 1].text == "-":
            continue  # "NATO-" of "NATO-Russia Council"
        if not places_cues.civic_follows(doc, stop) and (outside or ent.label_ != "ORG" and (
                ent.start, ent.end) != (start, stop)):
            continue
        cands = [] if _modifiers_only(doc, start, stop) else gaz.lookup(doc[start:stop].text)
        if inner:  # "Tour de France", "Taco Bell Canada"; never "Jos" of "Ceamurlia de Jos"
            cands = [c for c in cands if c.feature in ("country", "admin1")]
        if cands and _admissible(doc, start, stop, cands, {}):
            return stop, cands
    return end, []


def _opens(doc, ent, start: int) -> bool:
    """Whether a name at ``start`` opens its entity ("Ohio" of "the Ohio Department") or
    follows "of" or a comma in it ("University of Pennsylvania"). A town read inside an
    organisation name must: "Jos" of the village "Ceamurlia de Jos" ends a name, it opens
    none (a country or state may sit anywhere: "Tour de France")."""
    if ent is None:
        return True
    modifiers = gazetteer.words("place_modifiers.txt")
    while start > ent.start and doc[start - 1].text.casefold() in modifiers:
        start -= 1  # "of Greater Mumbai", "the Ohio ..."
    return start == ent.start or doc[start - 1].lower_ in _INNER_PLACE_WORDS


#: Words after which a name inside an organisation's name is a place: "University of
#: Pennsylvania", "Church of Christ in Pierce", "Barangays of Santa Maria, Davao del Sur".
_INNER_PLACE_WORDS = frozenset({"of", "in", "at", ","})


def _after_hyphen(doc, start: int) -> bool:
    """The second half of a hyphenated name ("Natal" in "KwaZulu-Natal") opens no name."""
    return start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_


def _admissible(doc, start: int, end: int, cands: list[Candidate], ent_of) -> bool:
    """Guards for a name spaCy did not call a place.

    Not a demonym or stop word; proper nouns only (a sentence-initial "Police" is a common
    noun); not part of a longer person or organisation name ("Syria" in "Syria Staffan de
    Mistura"); acronyms only as listed aliases; and an important place: a country, state,
    capital or region, or a town of :data:`MIN_LOOKUP_POPULATION` people, or any town where
    the words around it say it is a place (:func:`places_cues.local_form`).
    """
    span = doc[start:end]
    key = name_key(span.text)
    if key in gazetteer.stopwords() or _is_demonym(span.text):
        return False
    if any(tok.tag_ not in ("NNP", "NNPS") and tok.text != "-" for tok in span) and not _dateline(
            doc, start, end):
        return False
    ents = {id(ent_of[i]): ent_of[i] for i in range(start, end) if i in ent_of}
    for ent in ents.values():
        if ent.start < start or ent.end > end:
            return False
    if _is_acronym(span):
        cands = [c for c in cands if c.kind == gazetteer.ALIAS]
    best = max(cands, key=lambda c: (c.kind != ALTERNATE, c.population), default=None)
    if best is None:
        return False
    if best.kind == ALTERNATE:  # "Hasakah", "Raqqa": a city known here by another spelling
        return best.population >= ALTERNATE_LOOKUP_POPULATION and places_cues.home_before(
            doc, start)  # "in Hasakah"; a civic word after it is no proof ("Dublin City Schools")
    return (best.feature in MAJOR_FEATURES or best.population >= MIN_LOOKUP_POPULATION
            or places_cues.local_form(doc, start, end))


def _is_acronym(span) -> bool:
    """"UN", "U.N.", "ISIS", "AP": such names count as places only as listed aliases ("US",
    "UK", "NSW", "D.C."), never through a town that bears the letters ("Un" in India).
    A short word in an all-capitals headline or dateline ("HUME, Ill.") is no acronym."""
    letters = span.text.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) <= 4):
        return False
    return "." in span.text or not _shouting(span.doc, span.start, span.end)


def _shouting(doc, start: int, end: int) -> bool:
    """True when the word next to [start, end) is an all-capitals word too."""
    for i in (start - 1, end):
        if 0 <= i < len(doc) and doc[i].is_alpha and len(doc[i]) > 1 and doc[i].text.isupper():
            return True
    return False


def _take(taken: list[bool], start: int, end: int) -> None:
    for i in range(start, end):
        taken[i] = True


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


_QUALIFIER_SOURCE = "qualifier after a place name"


def _state_list(doc, m: Mention) -> bool:
    """"Georgia, Oklahoma, Pennsylvania and California": a state's name inside a list is
    an item, not a town qualified by the next one ("Oklahoma, Pennsylvania"). The list
    shows before the name (a comma or "and") or after the next name."""
    after = doc[m.end + 1]
    if after.text.isupper() or after.text.endswith(".") or not any(
            c.feature == "admin1" and c.kind != ALTERNATE for c in m.candidates):
        return False  # "Washington, D.C.", "Kansas City, Mo." are qualified
    if m.start > 0 and doc[m.start - 1].lower_ in (",", "and", "or"):
        return True
    i = m.end + 1
    while i < len(doc) and doc[i].text[:1].isupper():
        i += 1
    return (i + 1 < len(doc) and doc[i].lower_ in (",", "and", "or")
            and doc[i + 1].text[:1].isupper() or i + 2 < len(doc) and doc[i].text == ","
            and doc[i + 1].lower_ in ("and", "or"))


#: Places no qualifier narrows: after their names a comma starts a list ("Israel, Egypt and
#: Jordan", "the Middle East, Italy and Russia").
_UNQUALIFIED = frozenset({"country", "continent", "region", "sea"})


def _attach_qualifiers(doc, mentions: list[Mention], gaz, taken) -> None:
    """Read "Town, ST" / "Town, State" / "Town, Country": the qualifier constrains the town
    and is itself a place (the state or country). After a country name the comma starts a
    list ("Israel, Egypt and Jordan"), not a qualifier."""
    by_start = {m.start: m for m in mentions}
    for m in list(mentions):
        comma = m.end
        if (comma + 1 >= len(doc) or doc[comma].text != ","
                or any(c.feature in _UNQUALIFIED and c.kind != ALTERNATE for c in m.candidates)
                or _state_list(doc, m)):
            continue
        for size in (3, 2, 1):
            span = doc[comma + 1:comma + 1 + size]
            if len(span) < size or not span.text[:1].isupper():
                continue
            if span.end < len(doc) and doc[span.end].is_alpha and _longer_name(
                    doc, span.start, span.end, gaz):
                continue  # "Panama" of "Pensacola, Panama City and ..." opens the next name
            quals = [c for c in gaz.lookup(span.text, qualifiers=True)
                     if c.feature in ("admin1", "country")]
            if not quals:
                continue
            m.qualifiers = quals
            other = by_start.get(span.start)
            if other is not None and other.end == span.end:
                other.candidates, other.source = quals, _QUALIFIER_SOURCE
            elif other is None and not any(taken[span.start:span.end]):
                q = _mention(doc, span.start, span.end, quals, _QUALIFIER_SOURCE)
                mentions.append(q)
                by_start[q.start] = q
                for i in range(span.start, span.end):
                    taken[i] = True
            break


# ---------------------------------------------------------------- resolution
