"""Calendar arithmetic and TIMEX3 value formatting (standard library only)."""
from __future__ import annotations

import calendar
import datetime as dt


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    """ISO week of a date: ``2016-W42`` (the ISO year, which may differ near New Year)."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_on_or_before(anchor: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """Latest date with ISO ``weekday`` on (or, when strict, before) the anchor."""
    back = (anchor.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekday_on_or_after(anchor: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """Earliest date with ISO ``weekday`` on (or, when strict, after) the anchor."""
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def weekday_in_week(anchor: dt.date, weekday: int) -> dt.date:
    """The date with ISO ``weekday`` in the anchor's own Monday-to-Sunday week."""
    return anchor + dt.timedelta(days=weekday - anchor.isoweekday())


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based; -1 = last) ISO weekday of a month: Thanksgiving is (11, 4, 4)."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).isoweekday() == weekday]
    return dt.date(year, month, days[nth - 1] if nth > 0 else days[nth])


def easter_sunday(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus."""
    golden = year % 19
    century, in_century = divmod(year, 100)
    leap_skips, leap_rest = divmod(century, 4)
    moon_fix = (century + 8) // 25
    epact_fix = (century - moon_fix + 1) // 3
    full_moon = (19 * golden + century - leap_skips - epact_fix + 15) % 30
    quads, rest = divmod(in_century, 4)
    to_sunday = (32 + 2 * leap_rest + 2 * quads - full_moon - rest) % 7
    correction = (golden + 11 * full_moon + 22 * to_sunday) // 451
    month, day = divmod(full_moon + to_sunday - 7 * correction + 114, 31)
    return dt.date(year, month, day + 1)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def number_text(value: float) -> str:
    """A duration count as TIMEX3 writes it: ``2``, ``2.5``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
