"""Time words inside quoted titles: ``High Noon'', "60 Minutes", ``Spring of Life''.

Films, programmes, books and campaigns are often named with time words; news
quotes such names and writes them in title case. An expression whose common
words ("noon", "minutes", "spring") are capitalised inside a short quoted,
title-cased phrase names a work, not a time. Quote marks and the small words
a title may keep in lower case are data in ``time_words.yaml``.
"""
from __future__ import annotations

import functools
import re

from sitrep.extract.timex.lexicon import words

#: How far (characters) a title's quote marks may lie from the expression.
REACH = 40
#: The most words a quoted phrase may have and still be read as a title.
MAX_TITLE_WORDS = 6
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


@functools.lru_cache(maxsize=1)
def _quotes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = words()["title_quotes"]
    return tuple(table["open"]), tuple(table["close"])


@functools.lru_cache(maxsize=1)
def _proper_time_words() -> frozenset[str]:
    """Time words always written with a capital (months, weekdays): their case says nothing."""
    w = words()
    names = set(w["months"]) | set(w["weekdays"])
    for table in ("holidays_fixed", "holidays_floating"):
        names.update(part for key in w[table] for part in re.split(r"[ -]", key))
    return frozenset(names)


def in_quoted_title(text: str, start: int, end: int) -> bool:
    """True when text[start:end] sits in a short quoted phrase written as a title."""
    inner = _quoted_phrase(text, start, end)
    if inner is None:
        return False
    small = frozenset(words()["title_small_words"])
    found = _WORD.findall(inner)
    if not found or len(inner.split()) > MAX_TITLE_WORDS:
        return False
    if any(not w[0].isupper() and w.lower() not in small for w in found):
        return False
    proper = _proper_time_words()
    return any(w[0].isupper() and w.lower().rstrip(".") not in proper for w in _WORD.findall(text[start:end]))


def _quoted_phrase(text: str, start: int, end: int) -> str | None:
    """The text between the nearest opening quote before ``start`` and closing quote after ``end``."""
    openers, closers = _quotes()
    head, tail = text[max(0, start - REACH):start], text[end:end + REACH]
    if "\n" in head or "\n" in tail:
        head, tail = head.rsplit("\n", 1)[-1], tail.split("\n", 1)[0]
    open_at = max((head.rfind(q) + len(q) for q in openers if q in head), default=-1)
    close_at = min((tail.find(q) for q in closers if q in tail), default=-1)
    if open_at < 0 or close_at < 0:
        return None
    inner_head = head[open_at:]
    if any(q in inner_head for q in closers + openers):
        return None
    return inner_head + text[start:end] + tail[:close_at]
