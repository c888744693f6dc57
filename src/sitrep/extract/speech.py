"""Reporting cues, role nouns and quotation marks, read from the rule files.

The quote layer and the coreference helper share these lexicons; they live in
``rules/speech_verbs.txt``, ``rules/quote_nominals.txt`` and
``rules/quote_marks.txt`` so a domain expert can extend them without Python.
Everything is loaded once per process.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

#: Frames a cue may name (see the header of ``speech_verbs.txt``).
FRAMES = frozenset({"ccomp", "xcomp", "dobj", "pobj", "source"})
#: The marker of a hedge verb (see the header of ``speech_verbs.txt``).
HEDGE = "hedge"

#: Dependency labels under which a particle or preposition of a multi-word cue hangs.
_PARTICLE_DEPS = frozenset({"prt", "prep", "dative"})


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One line of ``speech_verbs.txt``: the cue's words and its content frames."""

    words: tuple[str, ...]
    frames: tuple[str, ...]
    #: A belief verb that, in the first or second person, hedges the speaker's own words
    #: ("I think ...") rather than reporting anyone's.
    hedge: bool = False

    @property
    def label(self) -> str:
        return " ".join(self.words)


def _rule_lines(name: str) -> list[str]:
    """The non-comment, non-empty lines of a rule file."""
    raw = resources.files("sitrep.extract.rules").joinpath(name).read_text("utf-8")
    return [line.strip() for line in raw.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[CueEntry, ...]]:
    """Cue entries keyed by their first word; multi-word entries come first."""
    table: dict[str, list[CueEntry]] = {}
    for line in _rule_lines("speech_verbs.txt"):
        words, _, frames = line.partition(":")
        names = tuple(f.strip() for f in frames.split(",") if f.strip())
        hedge = HEDGE in names
        names = tuple(n for n in names if n != HEDGE)
        unknown = set(names) - FRAMES
        if unknown or not names:
            raise ValueError(f"speech_verbs.txt: bad frames in {line!r}; use {sorted(FRAMES)}"
                             f" and optionally {HEDGE!r}")
        entry = CueEntry(words=tuple(words.lower().split()), frames=names, hedge=hedge)
        same = table.setdefault(entry.words[0], [])
        if any(e.words == entry.words for e in same):
            raise ValueError(f"speech_verbs.txt: {entry.label!r} is listed twice; merge its frames")
        same.append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in table.items()}


@functools.lru_cache(maxsize=1)
def nominals() -> dict[str, str]:
    """Role nouns (lemma -> PERSON or GROUP) that can name a speaker."""
    table = {}
    for line in _rule_lines("quote_nominals.txt"):
        noun, kind = line.split()
        if kind not in ("PERSON", "GROUP"):
            raise ValueError(f"quote_nominals.txt: kind must be PERSON or GROUP in {line!r}")
        table[noun.lower()] = kind
    return table


@functools.lru_cache(maxsize=1)
def quote_marks() -> dict[str, str]:
    """Opening quotation mark -> its closing mark."""
    return {opening: closers[0] for opening, closers in _quote_mark_lines().items()}


@functools.lru_cache(maxsize=1)
def slip_closers() -> dict[str, tuple[str, ...]]:
    """Opening quotation mark -> closing marks typed by slip for its own (“...," for “...,”)."""
    return {opening: closers[1:] for opening, closers in _quote_mark_lines().items()}


@functools.lru_cache(maxsize=1)
def _quote_mark_lines() -> dict[str, tuple[str, ...]]:
    pairs = {}
    for line in _rule_lines("quote_marks.txt"):
        opening, *closers = line.split()
        if not closers:
            raise ValueError(f"quote_marks.txt: a line needs OPEN CLOSE, got {line!r}")
        pairs[opening] = tuple(closers)
    return pairs


@functools.lru_cache(maxsize=1)
def bylines() -> dict[str, tuple[str, ...]]:
    """Verb-less attributions: ``dash`` characters and the transcript ``turn`` separator."""
    table: dict[str, list[str]] = {"dash": [], "turn": []}
    for line in _rule_lines("quote_bylines.txt"):
        kind, chars = line.split()
        if kind not in table:
            raise ValueError(f"quote_bylines.txt: kind must be dash or turn in {line!r}")
        table[kind].append(chars)
    return {k: tuple(v) for k, v in table.items()}


@functools.lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    """Nouns whose "that"-clause is reported content ("the claim that ...")."""
    return frozenset(line.lower() for line in _rule_lines("speech_nouns.txt"))


@functools.lru_cache(maxsize=1)
def non_speakers() -> frozenset[str]:
    """Nouns naming a proposal, plan or measure, which hold no stance of their own."""
    return frozenset(line.lower() for line in _rule_lines("quote_nonspeakers.txt"))


def doc_text(doc) -> str:
    """The Doc's text, built once: ``Doc.text`` re-joins every token on each access."""
    text = doc.user_data.get("sitrep.text")
    if text is None:
        text = doc.user_data["sitrep.text"] = doc.text
    return text


def match_cue(token) -> tuple[CueEntry, list] | None:
    """The cue entry a token starts, with the tokens that spell it, or None.

    A verb matches by lemma; its particle or preposition ("call *for*") must be
    one of its children. "according to" is matched on the word itself.
    """
    if token.pos_ not in ("VERB", "AUX") and token.lower_ != "according":
        return None
    key = "according" if token.lower_ == "according" else token.lemma_.lower()
    for entry in cue_lexicon().get(key, ()):
        if len(entry.words) == 1:
            return entry, [token]
        part = _particle(token, entry.words[1])
        if part is not None:
            return entry, [token, part]
    return None


def _particle(token, word: str):
    """The child of ``token`` spelling ``word`` as its particle/preposition, else the next
    token when it spells ``word`` (the parser sometimes hangs it elsewhere)."""
    for child in token.children:
        if child.dep_ in _PARTICLE_DEPS and child.lower_ == word:
            return child
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word:
        return token.doc[token.i + 1]
    return None
