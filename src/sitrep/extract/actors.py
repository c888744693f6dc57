"""Actor resolution: a mention ("Russia's defense minister", "Ahrar al-Sham") -> country + sector.

The mention is normalised into tokens, lexicon phrases are matched longest
first, and the matches combine by a few rules a reader can check:

* the actor's own noun phrase ends at the first preposition; what follows is a
  complement ("envoy *to the UN*") that only fills in what the phrase lacks,
  and gives a country only after a locating word ("leaders *in France*");
* a country word in the actor's phrase gives the country (``Russian envoy`` is
  Russia's even when the UN follows), else a named organisation's own code;
* the head noun (the rightmost sector word) gives the sector, unless it is a
  deferring title ("members", "spokesman", "president") and a named
  organisation around it has a sector of its own (``Hamas spokesman`` -> REB,
  ``president of the Knesset`` -> LEG);
* a title written before a known person beats the person's entry ("Senator
  X"), and "former"/"retired" make an office holder ELI;
* a capital standing alone is its government (``Moscow`` -> RUS GOV);
* an actor with a sector but no country takes the context country when given;
* acronyms match only in capitals ("WHO", not "who"); a region or city next to
  an unknown word is taken for part of a name ("Leon Bobb"), and a phrase with
  no match at all may still be a near spelling of a known name ("Zelenskiy").

The data lives in ``rules/actor_*.yaml`` and ``rules/actor_places.tsv``; users
add CSV/YAML/PETRARCH dictionaries (``Settings.actor_dictionaries``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.extract.actors_lexicon import Lexicon, LexEntry, normalise_cased
from sitrep.extract.actors_match import (Chunk, Match, chunks, conjunct_spans,
                                         drop_name_places, drop_namesakes, drop_patrons,
                                         drop_seats, find_matches)
from sitrep.extract.actors_sources import build_lexicon, grammar
from sitrep.model import Entity

#: Words skipped when deciding whether a conjunct is a bare country adjective.
DETERMINERS = frozenset({"the", "a", "an", "both", "either", "neither"})

#: A name followed by its short form in brackets: "the European Union (EU)".
_SHORT_FORM = re.compile(r"^(?P<name>.*\w)\s*\((?P<short>[^()]{1,12})\)\s*$")

#: Resolution results kept per resolver (mentions repeat a lot within and across articles).
CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class ActorCode:
    """What an actor mention resolves to.

    ``code``: ISO 3166 alpha-3 country, or a PLOVER organisation code (IGO, UNO,
    EUR, NGO, MNC, ...). ``sector``: PLOVER sector (GOV, MIL, REB, ...).
    ``name``: canonical name of the country or organisation. ``resolution``:
    how it was found, e.g. ``"dictionary: demonym 'russian' + noun 'forces'"``.
    ``joint``: further actors, as (code, sector), that the phrase names at the same
    time (a dictionary name standing for several parties).
    """

    code: str | None
    sector: str | None
    name: str | None
    resolution: str
    joint: tuple[tuple[str | None, str | None], ...] = ()


@dataclass(slots=True)
class _Parts:
    """The matches chosen for country and sector, kept to explain the result."""

    code: str | None = None
    sector: str | None = None
    name: str | None = None
    used: tuple[Match, ...] = ()
    note: str = ""
    head: Match | None = None  # the match the sector came from


class ActorResolver:
    """Resolves actor mentions against the shipped lexicon plus extra dictionaries.

    ``extra_dictionaries``: CSV, YAML or PETRARCH ``*.actors.txt`` files, applied
    in order; their entries override the shipped ones.
    """

    def __init__(self, extra_dictionaries: Iterable[Path] = ()) -> None:
        self.lexicon = build_lexicon(tuple(Path(p) for p in extra_dictionaries))
        self.grammar = grammar()
        self._resolve = lru_cache(maxsize=CACHE_SIZE)(self._resolve_uncached)
        self._resolve_all = lru_cache(maxsize=CACHE_SIZE)(self._resolve_all_uncached)

    # -- public surface -------------------------------------------------------------
    def resolve_text(self, text: str, *, context_country: str | None = None,
                     on: dt.date | None = None) -> ActorCode | None:
        """The actor a phrase names, or None when nothing in it is known.

        ``context_country``: ISO3 code or a country name/demonym, used for actors
        with a sector but no country ("the regime", "rebels"). ``on``: the date,
        for dictionary entries whose code changes over time.
        """
        return self._resolve(text, self.country_code(context_country), on)

    def resolve_span(self, span: Any, *, context_country: str | None = None,
                     on: dt.date | None = None) -> ActorCode | None:
        """Like :meth:`resolve_text` on a spaCy ``Span``'s text.

        A span the NER labelled PERSON keeps only named people and titles: the
        country words in "Jordan Henderson" are part of a name, not a nationality.
        """
        if getattr(span, "label_", "") != "PERSON":
            return self.resolve_text(span.text, context_country=context_country, on=on)
        return self._resolve_person(span.text, self.country_code(context_country), on)

    def resolve_all(self, text: str, *, context_country: str | None = None,
                    on: dt.date | None = None) -> list[ActorCode]:
        """One code per conjunct: "Russian and Syrian air forces" -> RUS MIL, SYR MIL."""
        return list(self._resolve_all(text, self.country_code(context_country), on))

    def country_code(self, value: str | None) -> str | None:
        """An ISO3 code for a code, or the first country name or demonym in ``value``.

        "German" -> DEU, "Colombian defense" -> COL; None when there is none.
        """
        if not value or not value.strip():
            return None
        value = value.strip()
        if len(value) == 3 and value.isupper():
            return value
        tokens, upper = normalise_cased(value)  # "Colombian defense" -> COL
        found = [m for m in find_matches(tokens, self.lexicon, upper)
                 if m.kind in ("country", "demonym", "capital") and m.entry.code]
        return found[0].entry.code if found else None

    # -- resolution ---------------------------------------------------------------------
    def _resolve_uncached(self, text: str, context: str | None,
                          on: dt.date | None) -> ActorCode | None:
        gloss = _SHORT_FORM.match(text)
        if gloss is not None:  # "the European Union (EU)": the name spelt out speaks
            found = self._resolve(gloss["name"], context, on)
            if found is not None:
                return found
        tokens, upper = normalise_cased(text)
        return self._resolve_tokens(tokens, upper, context, on)

    def _resolve_person(self, text: str, context: str | None,
                        on: dt.date | None) -> ActorCode | None:
        tokens, upper = normalise_cased(text)
        return self._resolve_tokens(tokens, upper, context, on, person=True)

    def _resolve_tokens(self, tokens: list[str], upper: list[bool], context: str | None,
                        on: dt.date | None, person: bool = False) -> ActorCode | None:
        matches = self._matches(tokens, upper, on, person) or self._fuzzy(tokens, on)
        if not matches:
            return None
        parts = self._combine(chunks(tokens, matches, self.grammar["boundaries"]), context)
        self._mark_former(parts, tokens)
        if parts.code is None and parts.sector is None:
            return None
        parts.name = _actor_name(parts, self.lexicon.country_names)
        return ActorCode(parts.code, parts.sector, parts.name, _explain(parts), _joint(parts))

    def _matches(self, tokens: list[str], upper: list[bool], on: dt.date | None,
                 person: bool) -> list[Match]:
        """Lexicon matches that may speak for this actor (patrons and name parts removed)."""
        matches = [Match(m.start, m.end, m.phrase, m.entry.on(on))
                   for m in find_matches(tokens, self.lexicon, upper)]
        matches = drop_patrons(matches, tokens, self.grammar["patron_words"])
        matches = drop_seats(matches, tokens, self.grammar["location_words"])
        matches = drop_namesakes(matches, tokens, self.grammar["honorifics"])
        if person:  # "Jordan Smith", "Salih Muslim": words inside a name say nothing
            return _titles_and_names(matches, tokens)
        allowed = (self.grammar["place_modifiers"] | self.grammar["boundaries"]
                   | self.grammar["conjunctions"])
        return drop_name_places(matches, tokens, allowed)

    def _mark_former(self, parts: _Parts, tokens: list[str]) -> None:
        """"former president", "retired general": an ex-official is ELI (PLOVER)."""
        if parts.head is None or parts.sector is None:
            return
        if parts.sector.casefold() not in self.grammar["former_sectors"]:
            return
        if any(t in self.grammar["former_words"] for t in tokens[:parts.head.start]):
            parts.sector = "ELI"
            parts.note = "former office holder"

    def _fuzzy(self, tokens: list[str], on: dt.date | None) -> list[Match]:
        """Last resort for a phrase with no match: a near-identical spelling of a known name."""
        found = self.lexicon.fuzzy_named(tokens)
        if found is None:
            return []
        phrase, entry = found
        return [Match(0, len(tokens), f"{' '.join(tokens)} ~ {phrase}", entry.on(on))]

    def _resolve_all_uncached(self, text: str, context: str | None,
                              on: dt.date | None) -> tuple[ActorCode, ...]:
        tokens, upper = normalise_cased(text)
        matches = find_matches(tokens, self.lexicon, upper)
        spans = conjunct_spans(tokens, matches, self.grammar["conjunctions"],
                               self.grammar["boundaries"])
        results = [self._resolve_tokens(tokens[a:b], upper[a:b], context, on) for a, b in spans]
        head = results[-1] if results else None
        return tuple(_share_head(r, head, tokens[a:b], self.lexicon)
                     for r, (a, b) in zip(results, spans) if r is not None)

    def _combine(self, parts_chunks: list[Chunk], context: str | None) -> _Parts:
        own, complements = _own_chunk(parts_chunks, self.grammar["belonging"])
        parts = _Parts()
        _choose_sector(parts, own, complements, self.grammar["belonging"])
        locating = [c for c in complements if c.opener in self.grammar["locating"]]
        _choose_country(parts, own, locating, context)
        return parts


def _joint(parts: _Parts) -> tuple[tuple[str | None, str | None], ...]:
    """The other actors named with the chosen code's entry ("[ELR/GAL]"); a joint code
    without a sector of its own takes the phrase's ("the Lorien army": both armies)."""
    chosen = next((m for m in parts.used if m.entry.joint and m.entry.code == parts.code), None)
    if chosen is None:
        return ()
    return tuple((code, sector or parts.sector) for code, sector in chosen.entry.joint)


def _titles_and_names(matches: list[Match], tokens: list[str]) -> list[Match]:
    """In a person's name, keep named entries and the titles before the name proper.

    Country words never count ("Jordan Henderson"), nor common nouns after the
    first unknown word, which is where the name starts ("Salih Muslim").
    """
    covered = {i for m in matches for i in range(m.start, m.end)}
    first_unknown = next((i for i in range(len(tokens)) if i not in covered), len(tokens))
    return [m for m in matches if not m.is_place
            and (m.is_named or m.start < first_unknown)]


def _actor_name(parts: _Parts, country_names: dict[str, str]) -> str | None:
    """The most specific name used: a person or organisation, else the country."""
    named = [m for m in parts.used if m.is_named]
    if named:
        return named[-1].entry.name
    return parts.name or (country_names.get(parts.code) if parts.code else None)


def _own_chunk(all_chunks: list[Chunk], belonging: frozenset[str]) -> tuple[Chunk, list[Chunk]]:
    """The actor's own chunk; a partitive ("several of the unions") yields to its complement."""
    own, rest = all_chunks[0], all_chunks[1:]
    if not own.matches and rest and rest[0].opener in belonging:
        return rest[0], rest[1:]
    return own, rest


def _pick_code(entry: LexEntry, context: str | None) -> str | None:
    """An entry's code, or the context country when it is one of the entry's alternatives."""
    if context and context in entry.alt_codes:
        return context
    return entry.code


def _choose_country(parts: _Parts, own: Chunk, complements: list[Chunk],
                    context: str | None) -> None:
    """Country word in the actor's phrase > named organisation > complement > context;
    but a known person who ends the phrase speaks for themselves ("UN envoy to Syria
    Staffan de Mistura" is the UN's man, whatever country the tagger glued on)."""
    last = own.matches[-1] if own.matches else None
    person = [last] if last is not None and last.kind == "person" and last.entry.code else []
    for source in [person, own.places, own.named] + [c.places + c.named for c in complements]:
        coded = [m for m in source if m.entry.code]
        if coded:
            chosen = coded[0] if coded[0].is_place else coded[-1]
            parts.code = _pick_code(chosen.entry, context)
            parts.name = None if chosen.kind in ("place", "town") else chosen.entry.name
            parts.used += (chosen,)
            if chosen.kind == "capital" and parts.sector is None and not (own.nouns or own.named):
                parts.sector = "GOV"
                parts.note = "capital standing for its government"
            return
    if context and parts.sector is not None:
        parts.code = context
        parts.note = f"context country {context}"


def _choose_sector(parts: _Parts, own: Chunk, complements: list[Chunk],
                   belonging: frozenset[str]) -> None:
    """The head's sector; a deferring title yields to a named organisation beside it."""
    heads = [m for m in own.matches if m.kind == "noun" or (m.is_named and m.entry.sector)]
    if not heads:
        return
    head = heads[-1]
    title = _title_before(own, head)
    if title is not None:  # "Senator Ann Lee": the text's title beats the entry
        parts.sector, parts.used, parts.head = title.entry.sector, parts.used + (title, head), title
        parts.note = "title given in the text"
        return
    if head.kind == "noun" and head.entry.defers:
        owner = _owner(own, head, complements, belonging)
        if owner is not None:
            parts.sector, parts.used, parts.head = owner.entry.sector, parts.used + (head, owner), head
            return
        if head.entry.sector is None:
            head = next((m for m in reversed(heads[:-1]) if m.entry.sector), head)
    parts.sector, parts.used, parts.head = head.entry.sector, parts.used + (head,), head


def _same_country(named: Match, own: Chunk) -> bool:
    """False when a country word marks the title as another state's ("Israeli UN envoy")."""
    places = [m for m in own.places if m.entry.code]
    return not places or named.entry.code in (None, places[0].entry.code)


def _title_before(own: Chunk, head: Match) -> Match | None:
    """A specific title right before a named person ("Senator", "former president")."""
    if head.kind != "person":
        return None
    before = [m for m in own.matches if m.end <= head.start]
    if before and before[-1].end == head.start and before[-1].kind == "noun" \
            and not before[-1].entry.defers and before[-1].entry.sector:
        return before[-1]
    return None


def _owner(own: Chunk, head: Match, complements: list[Chunk],
           belonging: frozenset[str]) -> Match | None:
    """What a deferring title belongs to, nearest first.

    A named organisation in its phrase ("Hamas spokesman"), else a sector noun
    before it ("police chief", "intelligence agency officer"), else what an "of"
    complement names ("president of the parliament").
    """
    if own.named and _same_country(own.named[-1], own):
        return own.named[-1]
    before = [m for m in own.nouns if m.end <= head.start and m.entry.sector
              and not m.entry.defers]
    if before:
        return before[-1]
    if complements and complements[0].opener in belonging:
        candidates = [m for m in complements[0].matches
                      if (m.is_named or m.kind == "noun") and m.entry.sector]
        strong = [m for m in candidates if not m.entry.defers]  # "the Druze community"
        if strong or candidates:
            return (strong or candidates)[-1]
    return None


def _explain(parts: _Parts) -> str:
    used = sorted(dict.fromkeys(parts.used), key=lambda m: m.start)
    pieces = [m.describe() for m in used]
    text = "dictionary: " + " + ".join(pieces) if pieces else "dictionary"
    return f"{text} ({parts.note})" if parts.note else text


def _share_head(result: ActorCode, head: ActorCode | None, tokens: list[str],
                lexicon: Lexicon) -> ActorCode:
    """A conjunct that is only a country adjective takes the last conjunct's sector."""
    if head is None or result is head or result.sector is not None or head.sector is None:
        return result
    words = tuple(t for t in tokens if t not in DETERMINERS)
    entry = lexicon.get(words) if words else None
    if entry is None or entry.kind != "demonym":
        return result
    return ActorCode(result.code, head.sector, result.name,
                     f"{result.resolution} + head shared with the last conjunct", result.joint)


def default_resolver(extra_dictionaries: tuple[Path, ...] = ()) -> ActorResolver:
    """The process-wide resolver for a set of extra dictionaries (built once, then cached).

    Pass ``Settings.actor_dictionaries``; any iterable of paths is accepted.
    """
    return _cached_resolver(tuple(Path(p) for p in extra_dictionaries))


@lru_cache(maxsize=8)
def _cached_resolver(extra_dictionaries: tuple[Path, ...]) -> ActorResolver:
    return ActorResolver(extra_dictionaries=extra_dictionaries)


def to_entity(span: Any, code: ActorCode | None, *, label: str | None = None) -> Entity:
    """A :class:`sitrep.model.Entity` over a spaCy span, with its resolved code if any."""
    return Entity(text=span.text, start=span.start_char, end=span.end_char,
                  label=label if label is not None else (getattr(span, "label_", "") or None),
                  name=code.name if code else None, code=code.code if code else None,
                  sector=code.sector if code else None,
                  resolution=code.resolution if code else "no actor dictionary match")
