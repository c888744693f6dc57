"""The time layer: temporal expressions normalised to TIMEX3 values (see ``sitrep.extract.timex``).

Relative expressions are resolved against the publication date (``ctx.published``);
bare weekdays and months follow the tense of their clause. Every item says in
``resolution`` which rule produced its value and in ``anchor`` which date it used.
"""
from __future__ import annotations

import re

from sitrep.extract.context import Context
from sitrep.extract.timex import find_times
from sitrep.model import TimeExpr

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_COARSE = re.compile(r"^(\d{4})-(?:W\d{2}|Q[1-4]|SP|SU|FA|WI|H[12])")


def extract(ctx: Context) -> list[TimeExpr]:
    """Every time expression of the article, resolved against its publication date."""
    return find_times(ctx.text, ctx.doc, ctx.published)


def date_of(expr: TimeExpr) -> str | None:
    """The calendar value of a DATE/TIME expression: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    Weeks, quarters and seasons give their year (the coarsest true calendar
    value); durations, sets, references and unresolved values give None.
    """
    if expr.type not in ("DATE", "TIME") or not expr.value:
        return None
    coarse = _COARSE.match(expr.value)
    if coarse:
        return coarse.group(1)
    match = _CALENDAR.match(expr.value)
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)
