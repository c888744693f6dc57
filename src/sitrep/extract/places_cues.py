"""Places, recognition by form: the ways local news writes a town it does not tag.

The tagger and the importance gate of :mod:`sitrep.extract.places` miss small towns and
counties, yet newspapers mark them by how they write them:

- a county list: "Barrow, Jackson and Madison counties" names three counties;
- a legislator's party and home: "Rep. Brent Boggs, D-Braxton", "(R-Ocilla)";
- a dateline: "BYESVILLE -- Firefighters ...", "HAMILTON — The two ...";
- a civic body named after its town: "Grand Ledge Police Chief", "Bantam Superior Court";
- a person's home: "Rebecca Sears, 41, of Grovetown", and a locative "in Glen Allen".

Where the form says "this is a place", the gazetteer entry needs no population: any town of
the >= 500 list, or a county, will do. The first three cues find mentions on their own
(:func:`find`); the last two relax the importance gate for a name the look-up already
found (:func:`local_form`). Word lists are data: ``rules/place_civic_words.txt``.
"""
from __future__ import annotations

from sitrep.extract import gazetteer
from sitrep.extract.gazetteer import ALTERNATE, Candidate, name_key
from sitrep.extract.places_resolve import Mention

#: Party letters written before a legislator's home ("D-Braxton", "DFL-Chisholm").
PARTIES = frozenset({"D", "R", "I", "DFL"})
#: Plural nouns closing a list of division names, and the word each division's name takes.
LIST_NOUNS = {"counties": "County", "parishes": "Parish"}
#: Punctuation that closes a dateline's place ("BYESVILLE --", "CLINTON —", "BEIRUT:").
DATELINE_ENDS = frozenset({"--", "-", "\u2013", "\u2014", ":", ",", "("})
#: Longest name a cue reads, in tokens ("Canal Winchester", "Parkers Prairie").
MAX_TOKENS = 3
#: Prepositions that put a name in the place role ("in Scottdale", "near Ridge Farm").
LOCATIVES = frozenset({"in", "near", "outside"})
#: Nouns whose "of" names a place: "the city of Hasakah", "the province of Idlib".
PLACE_OF_NOUNS = frozenset({"city", "town", "village", "province", "governorate", "district",
                            "state", "county", "region", "capital", "suburb", "outskirts"})


def find(doc, gaz: gazetteer.Gazetteer, taken: list[bool]) -> list[Mention]:
    """Mentions marked by a county list, a party-and-home tag or a dateline."""
    found: list[Mention] = []
    for cue in (_county_lists, _party_homes, _datelines):
        for start, end, cands, source, name in cue(doc, gaz):
            if any(taken[start:end]) or not cands or _rejected(doc[start:end].text,
                                                               strict=cue is _datelines):
                continue
            span = doc[start:end]
            found.append(Mention(start, end, span.text, span.start_char, span.end_char,
                                 cands, source, name=name))
            for i in range(start, end):
                taken[i] = True
    return found


def local_form(doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) sit where only a place fits, so a small town passes the
    importance gate: before a civic word ("Tega Cay Fire Department", "Litchfield Superior
    Court") or after a locative ("in Scottdale") or a person's "of"/"from" ("Mindy Miller
    of Ravenel", "Rebecca Sears, 41, of Grovetown")."""
    return civic_follows(doc, end) or home_before(doc, start)


def _rejected(text: str, *, strict: bool) -> bool:
    """Demonyms and short keys never; stop words ("Marion", "Jackson") only in datelines,
    where a shouted "SUNDAY," may open a line: a county list or a party tag leaves no doubt."""
    key = name_key(text)
    word = text.strip().casefold()
    return (word in gazetteer.demonyms() or len(key) < 3
            or strict and key in gazetteer.stopwords())


# ---------------------------------------------------------------- cues that find mentions

def _county_lists(doc, gaz):
    """Each name of "Becker, Clay and Otter Tail counties" as that county."""
    for i, tok in enumerate(doc):
        suffix = LIST_NOUNS.get(tok.text)  # lowercase only: "Counties" opens an organisation
        if suffix is None:
            continue
        j = i
        while j > 0:
            start, stop = _run_before(doc, j)
            if start == stop:
                break
            name = _county_name(doc, start, stop, suffix, gaz)
            if name:
                yield name
            j = _list_gap(doc, start)
            if j is None:
                break


def _run_before(doc, end: int) -> tuple[int, int]:
    """The capitalised run (at most :data:`MAX_TOKENS`) that ends right before ``end``."""
    start = end
    while start > 0 and end - start < MAX_TOKENS and _capitalised(doc[start - 1]):
        start -= 1
    return start, end


def _list_gap(doc, start: int) -> int | None:
    """Where the previous list item ends: before ",", "and", "or" or ", and"."""
    i = start
    if i > 0 and doc[i - 1].lower_ in ("and", "or"):
        i -= 1
    if i > 0 and doc[i - 1].text == ",":
        i -= 1
    return i if i < start and i > 0 else None


def _county_name(doc, start: int, stop: int, suffix: str, gaz):
    """The longest tail of the run that names a county: "Small Hitchcock" -> "Hitchcock"."""
    for s in range(start, stop):
        name = f"{doc[s:stop].text} {suffix}"
        cands = [c for c in gaz.lookup(name) if c.feature == "admin2"]
        if cands:
            return s, stop, cands, f"list of {suffix.casefold()} names", name
    return None


def _party_homes(doc, gaz):
    """"D-Braxton": the town, county ("D-Kanawha" is Kanawha County) or state a
    legislator represents. The convention is American, so are the readings."""
    for i, tok in enumerate(doc[1:-2], start=1):
        if (tok.text not in PARTIES or doc[i - 1].text not in (",", "(")
                or doc[i + 1].text != "-" or tok.whitespace_ or doc[i + 1].whitespace_):
            continue
        stop = i + 2
        while stop < len(doc) and stop - i - 2 < MAX_TOKENS and _capitalised(doc[stop]):
            stop += 1
        if stop == i + 2:
            continue
        name = doc[i + 2:stop].text
        counties = [c for c in gaz.lookup(f"{name} County") if c.feature == "admin2"]
        cands = [c for c in _own(gaz.lookup(name, qualifiers=True)) + counties
                 if c.country_code == "US"]
        yield i + 2, stop, cands, "a legislator's party and home", ""


def _datelines(doc, gaz):
    """An all-capitals place opening a sentence before a dash or comma: "CLINTON — A town
    couple ...". Only names that are a town's own, of any size."""
    for tok in doc:
        if tok.i > 0 and not (doc[tok.i - 1].whitespace_ and (
                tok.is_sent_start or "\n" in doc[tok.i - 1].whitespace_)):
            continue  # not after a space: "Xenophobii.NET, or"
        stop = tok.i
        while stop < len(doc) and stop - tok.i < MAX_TOKENS and _shouted(doc[stop]):
            stop += 1
        if stop == tok.i or stop >= len(doc) or doc[stop].text not in DATELINE_ENDS:
            continue
        cands = _own(gaz.lookup(doc[tok.i:stop].text))
        yield tok.i, stop, cands, "dateline", ""


# ---------------------------------------------------------------- cues that relax the gate

def civic_follows(doc, end: int) -> bool:
    """A civic word within the next three words: "Hamilton Municipal Court". "Court" right
    after the name is a street ("Elkview Court"), not a court."""
    civic = gazetteer.words("place_civic_words.txt")
    for tok in doc[end:end + 3]:
        if not _capitalised(tok):
            return False
        if tok.lower_ in civic and not (tok.i == end and tok.lower_ == "court"):
            return True
    return False


def end_of_name(doc, start: int) -> bool:
    """False when a number follows the name: "in Talla 2" is a room."""
    i = start
    while i < len(doc) and _capitalised(doc[i]):
        i += 1
    return i >= len(doc) or not doc[i].like_num


def home_before(doc, start: int) -> bool:
    """"in Glen Allen"; "the town of Glen Allen"; "Theresa Pilkington of Jeannette";
    "Rebecca Sears, 41, of Grovetown"."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in LOCATIVES:
        return end_of_name(doc, start)
    if before.lower_ not in ("of", "from") or start < 2:
        return False
    prev = doc[start - 2]
    if before.lower_ == "of" and prev.lower_ in PLACE_OF_NOUNS:
        return end_of_name(doc, start)
    if prev.text == "," and start >= 4 and doc[start - 3].like_num and doc[start - 4].text == ",":
        return True
    return prev.ent_type_ == "PERSON"


# ---------------------------------------------------------------- helpers

def _capitalised(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _shouted(tok) -> bool:
    return tok.is_alpha and len(tok) > 1 and tok.text.isupper()


def _own(cands: list[Candidate]) -> list[Candidate]:
    """Readings of a name that some place bears as its own (no GeoNames alternate names)."""
    return [c for c in cands if c.kind != ALTERNATE]
