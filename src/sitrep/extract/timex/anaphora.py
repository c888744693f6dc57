"""Values that come from the rest of the text rather than from the words themselves.

A bare clock time ("8 a.m. to 4 p.m. on Thursday") takes the day named in
its sentence; "that day", "the same year", "the next morning" take the last
date of enough precision named before them. Both fall back to the
publication date, and say so in ``resolution``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex.reading import Reading

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
#: How precise an earlier date must be to anchor an anaphor of each unit.
_NEEDS = {"day": _DAY, "week": _DAY, "month": re.compile(r"^\d{4}-\d{2}(?!\d)|^\d{4}-\d{2}-"),
          "year": re.compile(r"^\d{4}"),
          # any part of a year (month, quarter, week, season, day): "the same period last year"
          "period": re.compile(r"^\d{4}-")}


def resolve(found: list[tuple[int, int, Reading]], sentence_starts: list[int],
            published: dt.date | None) -> None:
    """Fill in, in text order, every reading that waits for its context."""
    for index, (start, _end, reading) in enumerate(found):
        if reading.refers is not None:
            before = [(_sentence_of(sentence_starts, s), r) for s, _e, r in found[:index]]
            _anaphor(reading, before, published)
        elif reading.needs_date:
            same = [(abs(s - start), r) for s, _e, r in found
                    if r is not reading and not r.needs_date and r.refers is None
                    and _sentence_of(sentence_starts, s) == _sentence_of(sentence_starts, start)]
            _clock(reading, same, published)


def _clock(reading: Reading, same_sentence: list[tuple[int, Reading]], published: dt.date | None) -> None:
    days = [(d, r) for d, r in same_sentence if r.type in ("DATE", "TIME") and _DAY.match(r.value)]
    if days:
        day = min(days, key=lambda item: item[0])[1]
        reading.value = day.value[:10] + reading.value
        reading.resolution += "; dated by the day named in its sentence"
        reading.anchor = day.anchor
    elif published is not None:
        reading.value = published.isoformat() + reading.value
        reading.resolution += "; dated to the publication day"
        reading.anchor = published.isoformat()
    else:
        reading.value = "XXXX-XX-XX" + reading.value
    reading.needs_date = False


def _anaphor(reading: Reading, before: list[tuple[int, Reading]], published: dt.date | None) -> None:
    """Resolve from the readings ``before`` it (each with its sentence number)."""
    unit, shift, part, demonstrative = reading.refers
    if demonstrative and unit == "day" and _day_of_named_month(reading, before):
        return
    need = _NEEDS[unit]
    earlier = [r for _n, r in before if r.type in ("DATE", "TIME") and need.match(r.value or "")]
    if earlier:
        base = earlier[-1].value
        reading.resolution += f"; from the last date named ({base})"
        reading.anchor = base
    elif published is not None:
        base = published.isoformat()
        reading.resolution += "; no earlier date: from publication"
        reading.anchor = base
    else:
        reading.value, reading.refers = "XXXX-XX-XX", None
        return
    reading.value = _shifted(base, unit, shift) + (f"T{part}" if part else "")
    reading.refers = None


_MONTH_ONLY = re.compile(r"^\d{4}-\d{2}$")


def _day_of_named_month(reading: Reading, before: list[tuple[int, Reading]]) -> bool:
    """"killed last October ... crossed out that same day": a day of the month last named.

    "that day" points at the time just mentioned; when that is a month named
    in a later sentence than any full date, the day is one of its days. A month
    in the full date's own sentence is background ("closed on March 3, after
    opening in June 1961. Later that day ...": March 3).
    """
    named = [(n, r) for n, r in before if r.type in ("DATE", "TIME") and _NEEDS["month"].match(r.value or "")]
    if not named or not _MONTH_ONLY.match(named[-1][1].value):
        return False
    days = [n for n, r in named if _DAY.match(r.value)]
    if days and days[-1] == named[-1][0]:
        return False
    base = named[-1][1].value
    reading.value, reading.refers, reading.anchor = f"{base}-XX", None, base
    reading.resolution += f"; a day of the month named just before ({base})"
    return True


def _shifted(base: str, unit: str, shift: int) -> str:
    year_num = int(base[:4])
    if unit == "year":
        return str(year_num + shift)
    if unit == "period":  # the same part of another year, at the precision it was named
        if _DAY.match(base) and cal.safe_date(year_num + shift, int(base[5:7]), int(base[8:10])) is None:
            return f"{year_num + shift:04d}{base[4:7]}"  # 29 February in a common year: its month
        return f"{year_num + shift:04d}{base[4:]}"
    if unit == "month":
        return cal.month_value(*cal.shift_months(year_num, int(base[5:7]), shift))
    day = dt.date(year_num, int(base[5:7]), int(base[8:10]))
    if unit == "week":
        return cal.week_value(day + dt.timedelta(weeks=shift))
    return cal.day_value(day + dt.timedelta(days=shift))


def _sentence_of(starts: list[int], char: int) -> int:
    return bisect.bisect_right(starts, char) - 1
