"""Finding lexicon phrases in an actor mention and grouping them into noun-phrase chunks.

A mention such as "Russian envoy to the UN Vitaly Churkin" becomes matches
(``russian`` demonym, ``envoy`` noun, ``un`` organisation) split at the first
preposition into the actor's own chunk ("Russian envoy") and a complement
("the UN Vitaly Churkin"). Longest phrases are matched first, so names that
contain prepositions ("Bank of England") stay whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.actors_lexicon import COUNTRY_KINDS, Lexicon, LexEntry


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon phrase found at token positions [start, end)."""

    start: int
    end: int
    phrase: str
    entry: LexEntry

    @property
    def kind(self) -> str:
        return self.entry.kind

    @property
    def is_named(self) -> bool:
        return self.entry.kind in ("org", "person")

    @property
    def is_place(self) -> bool:
        return self.entry.kind in COUNTRY_KINDS

    def describe(self) -> str:
        return f"{self.entry.kind} '{self.phrase}'"


@dataclass(slots=True)
class Chunk:
    """Matches between two boundaries; ``opener`` is the boundary word before it (None first)."""

    opener: str | None
    matches: list[Match] = field(default_factory=list)

    @property
    def named(self) -> list[Match]:
        return [m for m in self.matches if m.is_named]

    @property
    def places(self) -> list[Match]:
        return [m for m in self.matches if m.is_place]

    @property
    def nouns(self) -> list[Match]:
        return [m for m in self.matches if m.kind == "noun"]


def find_matches(tokens: list[str], lexicon: Lexicon,
                 upper: list[bool] | None = None) -> list[Match]:
    """Greedy left-to-right, longest phrase first at each position.

    ``upper`` (per token: written in capitals?) lets acronyms match only as acronyms.
    """
    found: list[Match] = []
    i = 0
    while i < len(tokens):
        for n in range(min(lexicon.max_len, len(tokens) - i), 0, -1):
            caps = tuple(upper[i:i + n]) if upper is not None else None
            entry = lexicon.get(tuple(tokens[i:i + n]), caps)
            if entry is not None:
                found.append(Match(i, i + n, " ".join(tokens[i:i + n]), entry))
                i += n
                break
        else:
            entry = lexicon.stem(tokens[i])
            if entry is not None:
                found.append(Match(i, i + 1, tokens[i] + "*", entry))
            i += 1
    return found


def drop_patrons(matches: list[Match], tokens: list[str], patron_words: frozenset[str]) -> list[Match]:
    """Remove country words used as patrons ("Russian-backed") from the actor's own matches."""
    def is_patron(m: Match) -> bool:
        return m.is_place and m.end < len(tokens) and tokens[m.end] in patron_words
    return [m for m in matches if not is_patron(m)]


def drop_seats(matches: list[Match], tokens: list[str], location_words: frozenset[str]) -> list[Match]:
    """Drop "London-based" when the phrase names an organisation with its own country."""
    if not any(m.is_named and m.entry.code for m in matches):
        return matches
    return [m for m in matches
            if not (m.is_place and m.end < len(tokens) and tokens[m.end] in location_words)]


def drop_namesakes(matches: list[Match], tokens: list[str], honorifics: frozenset[str]) -> list[Match]:
    """Drop a known surname after an unknown first name ("Aisha Buhari" is not the president).

    Only one-word person matches are at risk; "Mr Buhari", "President Buhari" and
    "Nigeria's Buhari" keep theirs.
    """
    covered = {i for m in matches for i in range(m.start, m.end)}

    def namesake(m: Match) -> bool:
        before = m.start - 1
        return (m.kind == "person" and m.end - m.start == 1 and before >= 0
                and before not in covered and tokens[before] not in honorifics)
    return [m for m in matches if not namesake(m)]


def drop_name_places(matches: list[Match], tokens: list[str],
                     allowed: frozenset[str]) -> list[Match]:
    """Drop region/city matches next to an unknown word: likely part of a name.

    "Leon Bobb" and "Whitney Houston" are people; "Aleppo residents", "the Kano
    State government" and "rebels in Homs" keep their place. A one-word town
    standing alone is dropped too ("Hassan" is more often a person). Names of
    several words ("Northern Territory"), countries and capitals stand anywhere.
    """
    covered = {i for m in matches for i in range(m.start, m.end)}

    def unknown(i: int) -> bool:
        return (0 <= i < len(tokens) and i not in covered and tokens[i] not in allowed
                and not tokens[i].isdigit())

    def name_part(m: Match) -> bool:
        if m.kind not in ("place", "town"):
            return False
        if m.end - m.start > 1:  # "Northern Territory", "Kano State": not a given name
            return False
        return unknown(m.start - 1) or unknown(m.end) or (m.kind == "town" and len(matches) == 1)

    return [m for m in matches if not name_part(m)]


def chunks(tokens: list[str], matches: list[Match], boundaries: frozenset[str]) -> list[Chunk]:
    """Split matches at boundary words that no match covers."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    by_start = {m.start: m for m in matches}
    result = [Chunk(opener=None)]
    for i, token in enumerate(tokens):
        if i in by_start:
            result[-1].matches.append(by_start[i])
        elif i not in covered and token in boundaries:
            result.append(Chunk(opener=token))
    return result


def conjunct_spans(tokens: list[str], matches: list[Match], conjunctions: frozenset[str],
                   boundaries: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of top-level conjuncts before the first boundary ("A and B forces")."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    spans, start = [], 0
    for i, token in enumerate(tokens):
        if i in covered:
            continue
        if token in boundaries:
            break
        if token in conjunctions:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(tokens)))
    return [s for s in spans if s[1] > s[0]]
