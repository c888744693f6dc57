"""One article's analysis -> rows, inside the caller's transaction.

``write_article`` inserts the article, its outlet, its near-duplicate link
and every normalised row from the ``DocumentResult.to_dict()`` it is given.
The caller wraps it in one transaction, so a killed process leaves either
the whole article or none of it.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from sitrep.store import schema as s


@dataclass(slots=True)
class ArticleRow:
    """What the store knows about an article besides its analysis."""

    doc: dict[str, Any]  # DocumentResult.to_dict()
    content_hash: str
    origin: str | None = None
    status: str = "ok"
    near_duplicate_of: int | None = None
    similarity: float | None = None
    minhash: bytes | None = None
    meta: dict[str, Any] | None = None  # Article.meta: what the reader found beyond the fields


def write_article(conn: Connection, row: ArticleRow) -> int:
    """Insert one article and everything found in it; returns its internal id."""
    doc = row.doc
    article_id = conn.execute(insert(s.articles).values(
        external_id=doc["id"], content_hash=row.content_hash, title=doc.get("title"),
        outlet_id=outlet_id(conn, doc.get("source")), url=doc.get("url"),
        published=doc.get("published"), text=doc["text"], origin=row.origin,
        ingested_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        near_duplicate_of=row.near_duplicate_of, status=row.status, minhash=row.minhash,
        meta_json=json.dumps(row.meta, ensure_ascii=False, sort_keys=True, default=str) if row.meta else None,
        result_json=json.dumps(doc, ensure_ascii=False, sort_keys=True),
    )).inserted_primary_key[0]
    if row.near_duplicate_of is not None:
        conn.execute(insert(s.near_duplicates).values(
            article_id=article_id, original_id=row.near_duplicate_of, similarity=row.similarity or 0.0))
    write_analysis(conn, article_id, doc)
    return article_id


def outlet_id(conn: Connection, name: str | None) -> int | None:
    """The outlet's id, created on first sight (the store has a single writer)."""
    if not name:
        return None
    found = conn.execute(select(s.outlets.c.id).where(s.outlets.c.name == name)).scalar()
    if found is not None:
        return found
    return conn.execute(insert(s.outlets).values(name=name)).inserted_primary_key[0]


def write_analysis(conn: Connection, article_id: int, doc: dict[str, Any]) -> None:
    """The normalised tables: entities, times, places, quotes, events, evidence spans."""
    _many(conn, s.entities, article_id, doc.get("entities", []), _span_fields + ("label",))
    _many(conn, s.times, article_id, doc.get("times", []), _span_fields + ("type", "value", "resolution"))
    _many(conn, s.places, article_id, doc.get("places", []), _span_fields + (
        "name", "geonameid", "lat", "lon", "country_code", "feature", "resolution"))
    rows = [_quote_row(q) for q in doc.get("quotes", [])]
    _many(conn, s.quotes, article_id, rows, tuple(rows[0]) if rows else ())
    _write_events(conn, article_id, doc.get("events", []))
    spans = list(evidence_spans(doc))
    if spans:
        conn.execute(insert(s.evidence_spans), [
            {"article_id": article_id, "seq": seq, **span} for seq, span in enumerate(spans)])


_span_fields = ("text", "start", "end")


def _many(conn: Connection, table, article_id: int, items: list[dict], fields: tuple[str, ...]) -> None:
    if items:
        conn.execute(insert(table), [
            {"article_id": article_id, "seq": seq, **{f: item.get(f) for f in fields}}
            for seq, item in enumerate(items)])


def _quote_row(q: dict[str, Any]) -> dict[str, Any]:
    speaker = q.get("speaker") or {}
    content = q["content"]
    return {"content_text": content["text"], "content_start": content["start"],
            "content_end": content["end"], "direct": bool(q.get("direct")),
            "speaker_text": speaker.get("text"), "speaker_name": speaker.get("name"),
            "speaker_code": speaker.get("code"), "rule": q.get("rule") or ""}


def _write_events(conn: Connection, article_id: int, events: list[dict[str, Any]]) -> None:
    """All events in one statement (ids returned in order), then all their actors in another."""
    if not events:
        return
    rows = [_event_row(article_id, seq, e) for seq, e in enumerate(events)]
    statement = insert(s.events).returning(s.events.c.id, sort_by_parameter_order=True)
    ids = conn.execute(statement, rows).scalars().all()
    actors = [{"event_id": event_id, "role": role, "seq": i, "text": a["text"], "name": a.get("name"),
               "code": a.get("code"), "sector": a.get("sector"), "start": a["start"], "end": a["end"],
               "resolution": a.get("resolution")}
              for event_id, e in zip(ids, events)
              for role in ("actor", "recipient") for i, a in enumerate(e.get(role) or [])]
    if actors:
        conn.execute(insert(s.event_actors), actors)


def _event_row(article_id: int, seq: int, e: dict[str, Any]) -> dict[str, Any]:
    loc = e.get("location") or {}
    evidence = e["evidence"]
    return {"article_id": article_id, "seq": seq, "event": e["event"], "mode": e.get("mode"),
            "context": ";".join(e.get("context") or []), "quad": e["quad"],
            "status": e.get("status") or "occurred", "date": e.get("date"),
            "date_resolution": e.get("date_resolution"), "place_name": loc.get("name"),
            "country_code": loc.get("country_code"), "geonameid": loc.get("geonameid"), "lat": loc.get("lat"),
            "lon": loc.get("lon"), "evidence_text": evidence["text"], "evidence_start": evidence["start"],
            "evidence_end": evidence["end"], "rule": e.get("rule") or "", "confidence": e.get("confidence")}


def evidence_spans(doc: dict[str, Any]):
    """Every offset-bearing span of a document as ``{"kind", "item_seq", "text", "start", "end"}``."""
    def span(kind, seq, obj):
        if obj:
            return {"kind": kind, "item_seq": seq, "text": obj["text"], "start": obj["start"],
                    "end": obj["end"]}
        return None

    for seq, e in enumerate(doc.get("events", [])):
        yield span("event", seq, e["evidence"])
        if e.get("trigger"):
            yield span("event_trigger", seq, e["trigger"])
        for m in e.get("mentions") or []:
            yield span("event_mention", seq, m)
    for seq, q in enumerate(doc.get("quotes", [])):
        yield span("quote_content", seq, q["content"])
        for kind, key in (("quote_cue", "cue"), ("speaker", "speaker")):
            if q.get(key):
                yield span(kind, seq, q[key])
    for kind, key in (("time", "times"), ("place", "places"), ("entity", "entities"),
                      ("link", "links"), ("framing", "framing")):
        for seq, item in enumerate(doc.get(key, [])):
            yield span(kind, seq, item)
