"""What a normaliser is given (a Frame) and what it gives back (a Reading)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple


@dataclass(slots=True)
class Frame:
    """One pattern match in its document: groups, neighbouring text, the anchor date.

    ``tense`` is computed on demand (it needs the parse) and cached.
    """

    groups: dict[str, str | None]
    text: str
    start: int
    end: int
    published: dt.date | None
    tense_of: Callable[[int, int], str | None]
    #: The spaCy Doc over ``text`` (None when normalising without a parse).
    doc: Any = None
    _tense: list = field(default_factory=list)

    def g(self, name: str) -> str | None:
        return self.groups.get(name)

    @property
    def tense(self) -> str | None:
        if not self._tense:
            self._tense.append(self.tense_of(self.start, self.end))
        return self._tense[0]

    @property
    def anchor(self) -> str | None:
        return None if self.published is None else self.published.isoformat()

    def word_before(self) -> str:
        """The word just before the match, lower case ('' at the start of a line)."""
        head = self.text[max(0, self.start - 30):self.start].rstrip(" -")
        if not head or head.endswith("\n"):
            return ""
        return head.split()[-1].lower().strip("\"'(\u201c\u2018,") if head.split() else ""

    def last_token(self):
        """The parse's last token of the match, or None without a parse."""
        if self.doc is None:
            return None
        span = self.doc.char_span(self.start, self.end, alignment_mode="expand")
        return None if span is None or len(span) == 0 else span[-1]

    def opens_sentence(self) -> bool:
        """True when the match is the first word of its sentence (an opening quote aside)."""
        if self.doc is None:
            return False
        span = self.doc.char_span(self.start, self.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        first = span[0]
        if first.is_sent_start:
            return True
        before = self.doc[first.i - 1] if first.i > 0 else None
        return before is not None and before.is_sent_start and before.is_punct

    def after(self, chars: int = 40) -> str:
        return self.text[self.end:self.end + chars]


class Reference(NamedTuple):
    """What an anaphoric expression ("that day", "the next morning") waits for."""

    #: The unit of the date it needs: day, week, month, year or period (any part of a year).
    unit: str
    #: Units to move from that date ("the next day" +1, "the same period last year" -1).
    shift: int = 0
    #: Part-of-day suffix for the value ("MO" for "the next morning").
    part: str = ""
    #: True for "that day", "that same day": the time last mentioned, however precise
    #: ("killed last October; crossed out that same day" is a day of that October).
    demonstrative: bool = False


@dataclass(slots=True)
class Reading:
    """A normalised value: TIMEX3 type and value, the rule that gave it, and its anchor."""

    type: str
    value: str
    resolution: str
    anchor: str | None = None
    mod: str | None = None
    #: Character range to report instead of the whole match (e.g. "years" in "for years").
    span: tuple[int, int] | None = None
    #: True for clock times whose date was not written: the extractor dates them from context.
    needs_date: bool = False
    #: For "that day", "the next morning": what to take from the last date named (see Reference).
    refers: Reference | None = None
