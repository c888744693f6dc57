"""CSV (and TSV) tables: one article per row, columns mapped to article fields.

Column names are matched to fields by common aliases (``unit_id`` -> id,
``article_content`` -> text, ``date`` -> published, ...), or by an explicit
mapping (``--columns id=unit_id,text=article_content``). Dates such as
``4/7/2017`` or ``Fri, 07 Apr 2017`` become ISO ``2017-04-07``; columns that
map to no field are kept in ``Article.meta``.
"""
from __future__ import annotations

import contextlib
import csv as _csv
import datetime as dt
import email.utils
import io
import re
import sys
from collections.abc import Iterator
from contextvars import ContextVar

from sitrep.errors import InputError, UsageError
from sitrep.ingest.decode import decode
from sitrep.ingest.source import Source
from sitrep.model import Article

FIELDS = ("id", "text", "title", "published", "source", "url")

#: field -> column names that mean it, most specific first (matched case-insensitively).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "unit_id", "article_id", "doc_id", "document_id", "guid", "uid"),
    "text": ("text", "article_content", "content", "body", "article_text", "story", "full_text"),
    "title": ("title", "article_title", "headline"),
    "published": ("published", "date", "published_at", "publication_date", "pubdate", "datetime"),
    "source": ("source", "outlet", "publisher", "site", "source_name"),
    "url": ("url", "link", "article_url"),
}

#: The explicit column mapping for the current ingest (set with :func:`using_columns`).
COLUMNS: ContextVar[dict[str, str] | None] = ContextVar("sitrep_csv_columns", default=None)

_MONTH_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_columns(spec: str) -> dict[str, str]:
    """``"id=unit_id,text=article_content"`` -> ``{"id": "unit_id", "text": "article_content"}``."""
    mapping = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        field, sep, column = part.partition("=")
        if not sep or field.strip() not in FIELDS or not column.strip():
            raise UsageError(f"--columns {part!r}: write FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        mapping[field.strip()] = column.strip()
    return mapping


@contextlib.contextmanager
def using_columns(mapping: dict[str, str] | None):
    """Read CSV inputs with this field -> column mapping inside the block."""
    token = COLUMNS.set(mapping)
    try:
        yield
    finally:
        COLUMNS.reset(token)


def read(source: Source) -> Iterator[Article]:
    text = decode(source.read_bytes(), source.where)
    _csv.field_size_limit(sys.maxsize)
    rows = _csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text))
    mapping = resolve_columns(rows.fieldnames or [], COLUMNS.get(), where=source.where)
    for row in rows:
        yield _article(row, mapping, where=f"{source.where}:{rows.line_num}",
                       default_id=f"{source.default_id}:{rows.line_num}")


def resolve_columns(header: list[str], explicit: dict[str, str] | None, *, where: str) -> dict[str, str]:
    """field -> column for this header: the explicit mapping, else the first alias present."""
    present = {name.strip().lower(): name for name in header}
    mapping = {}
    for field in FIELDS:
        if explicit and field in explicit:
            if explicit[field].lower() not in present:
                raise InputError(where, f"no column {explicit[field]!r} (columns: {_names(header)})")
            mapping[field] = present[explicit[field].lower()]
            continue
        alias = next((a for a in ALIASES[field] if a in present), None)
        if alias:
            mapping[field] = present[alias]
    if "text" not in mapping:
        raise InputError(where, f"no text column among {_names(header)}; "
                                "name it with --columns text=COLUMN")
    return mapping


def _names(header: list[str]) -> str:
    """The header's column names for a one-line message (a quoted name may hold a newline)."""
    return ", ".join(" ".join(name.split()) for name in header)


def normalise_date(value: str | None) -> str | None:
    """An ISO date for the common forms in news exports, or None when unreadable.

    ``M/D/YYYY`` is read month first (US exports) unless the first number
    cannot be a month; RFC 2822 dates (``Fri, 07 Apr 2017 09:14:00 GMT``) are read too.
    """
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if m := _MONTH_FIRST.match(value):
        a, b, year = (int(x) for x in m.groups())
        month, day = (a, b) if a <= 12 else (b, a)
        with contextlib.suppress(ValueError):
            return dt.date(year, month, day).isoformat()
        return None
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"):
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(value, fmt).date().isoformat()
    with contextlib.suppress(TypeError, ValueError):
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    return None


def _article(row: dict[str, str | None], mapping: dict[str, str], *, where: str, default_id: str) -> Article:
    values = {field: (row.get(column) or "").strip() or None for field, column in mapping.items()}
    raw_date = values.get("published")
    meta = {k: v for k, v in row.items() if k and k not in mapping.values()}
    published = normalise_date(raw_date)
    if raw_date and not published:
        meta["published_raw"] = raw_date
    return Article(id=values.get("id") or default_id, text=row.get(mapping["text"]) or "",
                   title=values.get("title"), published=published, source=values.get("source"),
                   url=values.get("url"), origin=where, meta=meta)


def _dialect(text: str):
    """Comma unless the header line says tab or semicolon."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", "\t", ";")}
    delimiter = max(counts, key=counts.get)
    return _csv.excel_tab if delimiter == "\t" else (
        type("semicolon", (_csv.excel,), {"delimiter": ";"}) if delimiter == ";" else _csv.excel)
