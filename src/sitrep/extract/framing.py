"""Framing cues: scare quotes, the labels an outlet gives actors, loaded words, hedges.

The lexicon is data (``rules/framing_lexicon.yaml``). Cross-outlet comparison
of these cues happens later, when stories are linked; here each article only
records what it says and where.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from sitrep.extract.context import Context
from sitrep.model import FramingCue

#: A short quoted phrase: 1-4 words inside single/double, straight/curly quotes or guillemets.
_SCARE = re.compile(
    r"(?<![\w’'])(?P<open>[‘“«\"'])(?P<body>[^\W\d_][^\n‘’“”«»\"]{0,48}?[\w.])(?P<close>[’”»\"'])(?![\w’'])")
_PAIRS = {"‘": "’", "“": "”", "«": "»", '"': '"', "'": "'"}
MAX_SCARE_WORDS = 4


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    raw = resources.files("sitrep.extract.rules").joinpath("framing_lexicon.yaml").read_text("utf-8")
    return yaml.safe_load(raw)


@functools.lru_cache(maxsize=4)
def _matcher(vocab):
    """A PhraseMatcher over lower-cased forms, built once per vocabulary."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer

    tokenizer = Tokenizer(vocab)
    lex = lexicon()
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for label, spec in lex["actor_labels"].items():
        matcher.add(f"actor_label|{label}", [tokenizer(f.lower()) for f in spec["forms"]])
    for kind in ("hedges", "loaded"):
        for phrase in lex[kind]:
            matcher.add(f"{kind[:-1] if kind == 'hedges' else kind}|{phrase.lower()}",
                        [tokenizer(phrase.lower())])
    return matcher


def extract(ctx: Context) -> list[FramingCue]:
    cues = scare_quotes(ctx) + lexical_cues(ctx)
    return sorted(cues, key=lambda c: (c.start, c.end))


def lexical_cues(ctx: Context) -> list[FramingCue]:
    doc, lex = ctx.doc, lexicon()
    matches = _matcher(doc.vocab)(doc, as_spans=True)
    from spacy.util import filter_spans

    cues = []
    for span in filter_spans(matches):  # longest match wins ("moderate opposition" over "opposition")
        kind, label = doc.vocab.strings[span.label].split("|", 1)
        if kind != "actor_label" and _part_of_name(span):
            continue
        cue = FramingCue(kind=kind, text=span.text, start=span.start_char, end=span.end_char, label=label)
        if kind == "actor_label":
            spec = lex["actor_labels"][label]
            cue.target, cue.stance = spec["target"], spec["stance"]
        cues.append(cue)
    return cues


def _part_of_name(span) -> bool:
    """A capitalised proper-noun match inside a name ("Ahrar al-Sham") is not a framing word."""
    return any(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start for t in span)


def scare_quotes(ctx: Context) -> list[FramingCue]:
    """Quoted short phrases that are not anyone's attributed words."""
    text = ctx.text
    attributed = [(q.content.start, q.content.end) for q in ctx.quotes if q.cue is not None]
    cues = []
    for m in _SCARE.finditer(text):
        if _PAIRS[m.group("open")] != m.group("close"):
            continue
        body = m.group("body")
        if len(body.split()) > MAX_SCARE_WORDS:
            continue
        if any(s <= m.start("body") and m.end("body") <= e and (e - s) <= len(body) + 2
               for s, e in attributed):
            continue  # the whole quote is somebody's statement, not a scare quote
        cues.append(FramingCue(kind="scare_quote", text=m.group(0), start=m.start(), end=m.end(),
                               label=body.lower(), stance="distancing"))
    return cues
