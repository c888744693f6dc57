"""Turning query strings into filters, one way for the API, the pages and downloads.

Empty form fields mean "no filter" (a GET form sends ``type=`` when nothing is
chosen); anything else must be valid, or the request is answered with a 422
that names the field.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sitrep.model import EVENT_TYPES
from sitrep.serve import queries
from sitrep.serve.errors import ApiError

FILTER_FIELDS = ("since", "until", "country", "actor", "type", "mode", "place", "source")
MAX_FIELD = 200


def clean(value: str | None) -> str | None:
    """None for a missing or blank value, else the value stripped."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, f"{field}: {message}",
                    details=[{"location": ["query", field], "message": message, "type": "value_error"}])


def iso_day(field: str, value: str | None) -> str | None:
    value = clean(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise _invalid(field, f"{value[:40]!r} is not a date (YYYY-MM-DD)") from None


def event_filter(params: Mapping[str, str | None]) -> queries.EventFilter:
    """An :class:`EventFilter` from query parameters; raises a 422 ApiError on bad values."""
    values = {name: clean(params.get(name)) for name in FILTER_FIELDS}
    for name, value in values.items():
        if value is not None and len(value) > MAX_FIELD:
            raise _invalid(name, f"longer than {MAX_FIELD} characters")
    values["since"] = iso_day("since", values["since"])
    values["until"] = iso_day("until", values["until"])
    if values["type"] is not None:
        values["type"] = values["type"].upper()
        if values["type"] not in EVENT_TYPES:
            raise _invalid("type", f"not a PLOVER event type (one of {', '.join(EVENT_TYPES)})")
    return queries.EventFilter(**values)


def paging(limit: int | None, offset: int | None, *, default: int = queries.DEFAULT_LIMIT) -> tuple[int, int]:
    """Validated ``(limit, offset)``: 1 <= limit <= MAX_LIMIT, offset >= 0."""
    limit = default if limit is None else limit
    offset = offset or 0
    if not 1 <= limit <= queries.MAX_LIMIT:
        raise _invalid("limit", f"must be between 1 and {queries.MAX_LIMIT}")
    if offset < 0:
        raise _invalid("offset", "must be 0 or more")
    return limit, offset


def int_param(params: Mapping[str, str | None], name: str) -> int | None:
    """An integer query parameter from a form (blank is None)."""
    value = clean(params.get(name))
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise _invalid(name, f"{value[:20]!r} is not a whole number") from None
