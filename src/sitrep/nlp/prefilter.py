"""The sentence prefilter: skip the deep parse of sentences no active layer can use.

Most of the spaCy pipeline's cost is per token, and many sentences of a news
article carry nothing a layer extracts: no event trigger, no speech cue or
quotation mark, no digit or time word, no known place name. The prefilter
splits the text with a cheap rule splitter and keeps a sentence when it holds
a cue of at least one active layer; the others are *blanked* (every character
but the line break becomes a space) before ``nlp.pipe``. The text keeps its
length, so every offset a layer reports into the parsed text is an offset
into the original article, and spaCy reads each blanked run as one
whitespace token.

The cues are not a second lexicon: they are derived from the layers' own
rules (``rules/event_triggers.yaml``, ``speech_verbs.txt``, the time grammar,
the gazetteer, ``framing_lexicon.yaml``), with verb lemmas expanded to their
inflected forms by regular suffixes and by the spaCy lemmatiser's own table of
irregular forms. What it costs in recall is measured per gold set in
``docs/benchmarks.md`` (issue 8); it is off unless ``Settings.prefilter``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: A sentence end: final punctuation (and closing marks) before space and a capital,
#: a digit or an opening mark. A line break always ends a sentence (as in the parse).
_END = re.compile(r"(?P<word>[\w.’'-]*)[.!?]+[\"”’')\]]*(?=[ \t]+[\"“‘'(\[]?[A-Z0-9])|\n")
#: A word: a dotted acronym ("U.S."), or letters/digits with inner hyphens or apostrophes
#: ("air-strike", "don't").
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-’'][^\W_]+)*")
#: Longest capitalised run tried against the gazetteer, in words ("Bosnia and Herzegovina").
MAX_PLACE_WORDS = 4
#: Lower-case words allowed inside a capitalised place name.
_NAME_JOINERS = frozenset({"of", "and", "the", "de", "al", "el"})


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's sentences, covering it without gaps.

    Deliberately conservative: an abbreviation or initial before a period
    ("Mr.", "U.S.", "J.") never ends a sentence, so the splitter errs towards
    longer pieces (a missed split only keeps more text).
    """
    spans, start = [], 0
    for m in _END.finditer(text):
        if m.group(0) != "\n" and _abbreviation(m.group("word")):
            continue
        end = m.end()
        if end > start:
            spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


#: Lower-case abbreviations that end in a period mid-sentence ("Roe vs. Wade").
_LOWER_ABBREVIATIONS = frozenset({"vs", "v", "etc", "approx", "incl", "esp", "cf", "ca", "no", "pp"})


def _abbreviation(word: str) -> bool:
    """A title or an initial before the period (capitalised and short, or dotted), or a
    lower-case abbreviation: splitting there could blank half of a sentence."""
    if not word:
        return False
    return "." in word or (word[0].isupper() and len(word) <= 3) or word.lower() in _LOWER_ABBREVIATIONS


@dataclass(frozen=True)
class Cues:
    """What keeps a sentence: lower-case word forms, marks (substrings), digits, places.

    ``known_place`` is a predicate over a capitalised name, or None when no
    active layer looks for places.
    """

    words: frozenset[str] = frozenset()
    marks: tuple[str, ...] = ()
    digits: bool = False
    known_place: object = None

    def keeps(self, sentence: str) -> bool:
        """Whether ``sentence`` may carry something an active layer extracts."""
        if self.digits and any(ch.isdigit() for ch in sentence):
            return True
        if any(mark in sentence for mark in self.marks):
            return True
        words = _WORD.findall(sentence)
        if any(w.lower() in self.words or _parts_in(w, self.words) for w in words):
            return True
        return self.known_place is not None and self._names_place(words)

    def _names_place(self, words: list[str]) -> bool:
        words = _name_words(words)
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for j in range(i + 1, min(len(words), i + MAX_PLACE_WORDS) + 1):
                last = words[j - 1]
                if j > i + 1 and not (last[:1].isupper() or last.lower() in _NAME_JOINERS):
                    break
                if last[:1].isupper() and self.known_place(" ".join(words[i:j])):
                    return True
        return False


def _name_words(words: list[str]) -> list[str]:
    """Words as a name look-up sees them: "Ohio's" -> Ohio, "Kabul-based" -> Kabul, based."""
    out = []
    for word in words:
        out.extend(p for p in _POSSESSIVE.sub("", word).split("-") if p)
    return out


_POSSESSIVE = re.compile(r"[’']s$")


def _parts_in(word: str, words: frozenset[str]) -> bool:
    """A hyphenated word counts by its parts too ("re-captured", "Russian-backed")."""
    return "-" in word and any(p.lower() in words for p in word.split("-"))


def inflections(lemma: str) -> set[str]:
    """Regular inflected forms of an English word (over-generating is harmless here)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "ban" -> "banned"
    return forms


def word_forms(lemmas: Iterable[str], irregular: Mapping[str, Iterable[str]]) -> set[str]:
    """Every form of ``lemmas``: regular inflections plus irregular forms (form -> lemmas)."""
    lemmas = {str(lemma).lower() for lemma in lemmas}
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= inflections(lemma)
    forms |= {form for form, of in irregular.items() if lemmas.intersection(of)}
    return forms


def irregular_forms(nlp) -> dict[str, tuple[str, ...]]:
    """Irregular word form -> lemmas, from the pipeline's rule lemmatiser ("fought" -> fight).

    Empty when the pipeline has no such table (a lookup lemmatiser, a blank model).
    """
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    except (KeyError, ValueError, AttributeError):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for pos in ("verb", "noun"):
        for form, lemmas in (table.get(pos) or {}).items():
            out[form] = out.get(form, ()) + tuple(lemmas)
    return out


# ---------------------------------------------------------------- cues per layer

def _event_lemmas() -> set[str]:
    from sitrep.extract import events_lexicon

    lex = events_lexicon.load()
    marks = {m for spec in lex.frames.values() for m in spec.get("marks", ())}
    return set(lex.trigger_keys) | marks


def _speech_lemmas() -> set[str]:
    from sitrep.extract import speech

    return set(speech.cue_lexicon()) | set(speech.speech_nouns()) | {"according"}


#: The quote layer also reads a verb outside its lexicon as a cue when it takes a that-clause
#: ("investigators discovered that ..."), and a predicative adjective likewise ("is afraid that").
_CLAUSE_WORDS = frozenset({"that"})


def _speech_marks() -> set[str]:
    from sitrep.extract import speech

    marks = speech.quote_marks()
    bylines = speech.bylines()
    return set(marks) | set(marks.values()) | set(bylines["dash"]) | set(bylines["turn"])


def _time_words() -> set[str]:
    from sitrep.extract.timex.grammar import trigger_words

    return set(trigger_words())


def _framing_words() -> set[str]:
    from sitrep.extract import framing

    lex = framing.lexicon()
    phrases = [f for spec in lex["actor_labels"].values() for f in spec["forms"]]
    phrases += list(lex["hedges"]) + list(lex["loaded"])
    # a phrase matches only with all its words, so its longest word alone is a sound cue
    # (and rarer than "it" in "it is believed")
    return {max(str(p).lower().split(), key=len) for p in phrases}


def _known_place(name: str) -> bool:
    from sitrep.extract import gazetteer

    return gazetteer.load().known(name)


def cues_for(layers: Iterable[str], irregular: Mapping[str, Iterable[str]]) -> Cues:
    """The cues of the active ``layers`` (entities alone keep nothing: NER is not a reason
    to parse a sentence, which is part of the measured recall cost)."""
    layers = set(layers)
    lemmas: set[str] = set()
    words: set[str] = set()
    marks: set[str] = set()
    if "events" in layers:
        lemmas |= _event_lemmas()
    if "quotes" in layers:
        lemmas |= _speech_lemmas()
        marks |= _speech_marks()
        words |= _CLAUSE_WORDS
    if "times" in layers:
        words |= _time_words()
    if "framing" in layers:
        words |= _framing_words()
    words |= word_forms(lemmas, irregular)
    return Cues(words=frozenset(words), marks=tuple(sorted(marks)),
                digits="times" in layers,
                known_place=_known_place if "places" in layers else None)


# ---------------------------------------------------------------- the filter

def kept_sentences(text: str, cues: Cues, *,
                   quoted: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, bool]]:
    """``(start, end, keep)`` for every sentence of ``text``; a sentence inside or
    overlapping a ``quoted`` stretch is kept (a quotation may run over several sentences).

    No neighbours are kept for coreference: a speaker's antecedent nearly always
    sits in a sentence with a cue of its own (PolNeAR speaker accuracy is unchanged).
    """
    spans = split_sentences(text)
    quoted = list(quoted)
    return [(s, e, cues.keeps(text[s:e]) or any(qs < e and s < qe for qs, qe in quoted))
            for s, e in spans]


def blank(text: str, sentences: Iterable[tuple[int, int, bool]]) -> str:
    """``text`` with each dropped sentence's characters (line breaks aside) made spaces."""
    parts = []
    for start, end, keep in sentences:
        piece = text[start:end]
        parts.append(piece if keep else re.sub(r"[^\n]", " ", piece))
    return "".join(parts)


@dataclass(frozen=True)
class Prefilter:
    """The prefilter for one set of active layers; ``apply(text)`` gives the text to parse."""

    cues: Cues
    quotes: bool = False

    def sentences(self, text: str) -> list[tuple[int, int, bool]]:
        quoted = ()
        if self.quotes:
            from sitrep.extract.quotes_direct import find_quoted

            quoted = [(q.start, q.end) for q in find_quoted(text)]
        return kept_sentences(text, self.cues, quoted=quoted)

    def apply(self, text: str) -> str:
        return blank(text, self.sentences(text))


@functools.lru_cache(maxsize=8)
def for_layers(layers: frozenset[str], model: str) -> Prefilter:
    """The prefilter for ``layers`` with the irregular forms of pipeline ``model`` (cached)."""
    from sitrep import nlp as loader

    cues = cues_for(layers, irregular_forms(loader.load(model)))
    return Prefilter(cues=cues, quotes="quotes" in layers)
