"""Parquet via pyarrow: analysed documents and their events as flat, typed rows.

``event_rows`` and ``document_row`` are the one definition of those rows:
``sitrep export --format parquet`` writes them from the store, and the Spark
adapter (:mod:`sitrep.batch.spark`) writes the same rows from its partitions,
with the same ``EVENT_SCHEMA`` / ``DOCUMENT_SCHEMA``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from sitrep.model import DocumentResult, ErrorResult

EVENT_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("event_seq", pa.int64()), ("date", pa.string()),
    ("event", pa.string()), ("mode", pa.string()), ("context", pa.list_(pa.string())),
    ("quad", pa.int64()), ("status", pa.string()),
    ("actor", pa.list_(pa.string())), ("actor_code", pa.list_(pa.string())),
    ("recipient", pa.list_(pa.string())), ("recipient_code", pa.list_(pa.string())),
    ("place", pa.string()), ("country_code", pa.string()), ("geonameid", pa.int64()),
    ("lat", pa.float64()), ("lon", pa.float64()),
    ("source", pa.string()), ("published", pa.string()),
    ("evidence", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
    ("rule", pa.string()), ("confidence", pa.float64()),
])

DOCUMENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("ok", pa.bool_()), ("error", pa.string()), ("title", pa.string()),
    ("published", pa.string()), ("source", pa.string()), ("url", pa.string()), ("chars", pa.int64()),
    ("events", pa.int64()), ("quotes", pa.int64()), ("times", pa.int64()), ("places", pa.int64()),
])


def event_rows(result: DocumentResult) -> Iterator[dict[str, Any]]:
    """One row per event of an analysed document (keys: EVENT_SCHEMA's names)."""
    a = result.article
    for seq, e in enumerate(result.events):
        loc = e.location
        yield {
            "article_id": a.id, "event_seq": seq, "date": e.date, "event": e.event, "mode": e.mode,
            "context": list(e.context), "quad": e.quad, "status": e.status,
            "actor": [x.name or x.text for x in e.actor], "actor_code": [x.code or "" for x in e.actor],
            "recipient": [x.name or x.text for x in e.recipient],
            "recipient_code": [x.code or "" for x in e.recipient],
            "place": (loc.name or loc.text) if loc else None, "country_code": loc.country_code if loc else None,
            "geonameid": loc.geonameid if loc else None, "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None, "source": a.source, "published": a.published,
            "evidence": e.evidence.text, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
            "rule": e.rule, "confidence": e.confidence,
        }


def document_row(result: DocumentResult | ErrorResult) -> dict[str, Any]:
    """One row per input: its metadata and counts, or its error (keys: DOCUMENT_SCHEMA's names)."""
    if isinstance(result, ErrorResult):
        return {name: None for name in DOCUMENT_SCHEMA.names} | {"id": result.id, "ok": False,
                                                                "error": result.error}
    a = result.article
    return {"id": a.id, "ok": True, "error": None, "title": a.title, "published": a.published,
            "source": a.source, "url": a.url, "chars": len(a.text), "events": len(result.events),
            "quotes": len(result.quotes), "times": len(result.times), "places": len(result.places)}


def write_table(rows: Iterable[dict[str, Any]], schema: pa.Schema, path: Path | str) -> int:
    """Write rows with a fixed schema (EVENT_SCHEMA, DOCUMENT_SCHEMA) as one Parquet file."""
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(table, str(path))
    return table.num_rows


def write_parquet(rows: list[dict[str, Any]], columns: Sequence[str], path: Path | str) -> int:
    """Write query rows (``sitrep events``) with the caller's column order; types are inferred
    and all-null columns become strings."""
    import pyarrow.parquet as pq

    arrays = {}
    for name in columns:
        values = [row.get(name) for row in rows]
        kind = pa.string() if all(v is None for v in values) else None
        arrays[name] = pa.array(values, type=kind)
    pq.write_table(pa.table(arrays), str(path))
    return len(rows)
