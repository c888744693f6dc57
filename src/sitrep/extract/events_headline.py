"""Title-case headlines read in sentence case, for the event layer only.

The small English model tags the verbs of "Russia Rejects UN Call For Aleppo Truce" as
proper nouns, so the headline yields no event. When an article's first line is in title
case, this module builds a sentence-case copy of that line of the same length (so every
character offset is the article's), parses it with the same pipeline, and lets the event
layer read the headline from that parse. Names keep their capitals: the first word,
acronyms, spaCy entities of the original parse, country names, demonyms and capitals of the
actor dictionary, month and weekday names. Nothing outside the event layer sees the copy.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from sitrep import nlp as nlp_loader
from sitrep.extract import gazetteer
from sitrep.extract.timex import lexicon

#: Entity labels of the original parse whose words keep their capitals.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
#: Short function words that title case may leave in lower case ("Call for Aleppo Truce").
MINOR = frozenset("""a an and as at but by for from in into nor of on or per the to up via vs
with""".split())
#: A line is in title case when at least this share of its other words is capitalised.
TITLE_SHARE = 0.8
#: ... and it has at least this many such words.
MIN_WORDS = 3
#: Noted in the rule of every event read from the sentence-case copy.
NOTE = "headline read in sentence case"

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")  # "U.S" is one word


@functools.cache
def calendar_names() -> frozenset[str]:
    """Month and weekday names, capitalised in sentence case too: the full name of each
    month and weekday in the time layer's word list (``time_words.yaml``), not its
    abbreviations ("Sun", "Mar" are words as well)."""
    words = lexicon.words()
    names: set[str] = set()
    for table in ("months", "weekdays"):
        longest: dict[int, str] = {}
        for name, number in words[table].items():
            if len(name) > len(longest.get(number, "")):
                longest[number] = name
        names.update(longest.values())
    return frozenset(names)


def headline_bounds(text: str) -> tuple[int, int]:
    """(start, end) of the article's first line, without surrounding blanks."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return start, len(text[:end].rstrip())


def is_title_case(line: str) -> bool:
    """Does ``line`` capitalise (nearly) all its words, as headlines in title case do?"""
    words = [w for w in _WORD.findall(line) if w.lower() not in MINOR]
    if len(words) < MIN_WORDS or all(w.isupper() for w in words):
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_SHARE * len(words)


def sentence_case(line: str, keep) -> str:
    """``line`` with every word lower-cased except the first and those ``keep(start, word)``
    accepts (start is the word's offset in ``line``); the result has the same length."""
    out = list(line)
    for i, m in enumerate(_WORD.finditer(line)):
        word = m.group()
        if i == 0 or not word[0].isupper() or _name_shaped(word) or keep(m.start(), word):
            continue
        low = word.lower()
        if len(low) == len(word):
            out[m.start():m.end()] = low
    return "".join(out)


def _name_shaped(word: str) -> bool:
    """Acronyms ("UN", "U.S") and mixed-case names ("McCain", "al-Assad") keep their case."""
    rest = word[1:].replace("-", "").replace("'", "").replace(".", "")
    return (len(word) > 1 and word.isupper()) or any(c.isupper() for c in rest)


def reread(ctx, events: list, extract_events, resolver) -> list:
    """``events`` with the headline's replaced by those ``extract_events(sub_ctx)`` finds in
    a sentence-case parse of it, when the headline is in title case and the copy yields any."""
    start, end = headline_bounds(ctx.text)
    line = ctx.text[start:end]
    if not is_title_case(line):
        return events
    cased = sentence_case(line, _keeper(ctx.doc, start, resolver))
    if cased == line:
        return events
    nlp = nlp_loader.load(ctx.settings.model)
    doc = nlp(ctx.text[:start] + cased)
    found = extract_events(replace(ctx, doc=doc, quotes=[]))
    found = [_restored(ev, ctx.text) for ev in found if _start(ev) < end]
    if not found:
        return events
    return found + [ev for ev in events if not start <= _start(ev) < end]


def _keeper(doc, offset: int, resolver):
    """``keep(start, word)``: is the word at ``offset + start`` part of a name?"""
    named = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]

    def keep(start: int, word: str) -> bool:
        at = offset + start
        if any(a <= at < b for a, b in named) or word.lower() in calendar_names():
            return True
        if resolver is not None and resolver.country_code(word) is not None:
            return True
        return gazetteer.load().known(word)
    return keep


def _start(event) -> int:
    return (event.trigger or event.evidence).start


def _restored(event, text: str):
    """The event with the original text in its spans and a note in its rule."""
    for ent in [*event.actor, *event.recipient, event.reported_by]:
        if ent is not None and 0 <= ent.start <= ent.end <= len(text):
            ent.text = text[ent.start:ent.end]
    event.rule = f"{event.rule}; {NOTE}"
    return event
