"""JSON Lines: one ``{"id", "text", "published"?, "title"?, "source"?, "url"?}`` object per line.

Streams line by line (bounded memory); a malformed line becomes an ErrorResult
naming ``path:line`` and the rest of the file goes on.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from sitrep.errors import InputError
from sitrep.ingest.source import Source
from sitrep.model import Article, ErrorResult
from sitrep.pipeline import article_from_dict


def read(source: Source) -> Iterator[Article | ErrorResult]:
    for lineno, raw in enumerate(source.iter_lines(), start=1):
        where = f"{source.where}:{lineno}"
        if not raw.strip():
            continue
        try:
            yield parse_line(raw, where=where, default_id=f"{source.default_id}:{lineno}")
        except InputError as err:
            yield ErrorResult(id=where, error=str(err), origin=where)


def parse_line(raw: bytes, *, where: str, default_id: str) -> Article:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(where, f"not valid UTF-8 at byte {err.start}") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(where, f"invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    record.setdefault("id", default_id)
    if record["id"] in (None, ""):
        record["id"] = default_id
    try:
        article = article_from_dict(record)
    except InputError as err:
        raise InputError(where, err.cause) from None
    article.origin = where
    return article
