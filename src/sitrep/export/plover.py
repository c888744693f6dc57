"""PLOVER JSONL: one event per line, PLOVER v0.8 field names, validated against
:func:`sitrep.model.schema.plover_event_schema`, and back again.

Each record keeps sitrep's own event (evidence offsets, rule, status) under
``sitrep``, so ``import_plover`` rebuilds the same events; records from other
PLOVER coders (no ``sitrep`` field) are imported from the PLOVER fields alone.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep import __version__
from sitrep.errors import InputError
from sitrep.model import EVENT_TYPES, SCHEMA_VERSION

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@functools.lru_cache(maxsize=1)
def _validator():
    import jsonschema

    from sitrep.model.schema import plover_event_schema

    return jsonschema.Draft202012Validator(plover_event_schema())


def validate(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a record breaks the PLOVER export schema."""
    _validator().validate(record)


def plover_records(doc: dict[str, Any], content_hash: str) -> Iterator[dict[str, Any]]:
    """The PLOVER records of one stored article (``DocumentResult.to_dict()``)."""
    for seq, event in enumerate(doc.get("events", [])):
        yield plover_record(doc, event, seq, content_hash)


def plover_record(doc: dict[str, Any], event: dict[str, Any], seq: int, content_hash: str) -> dict[str, Any]:
    evidence = event["evidence"]
    return {
        "id": f"sitrep-{content_hash[:16]}-{seq:03d}",
        "date": _date(event.get("date")) or _date(doc.get("published")),
        "actor": [_actor(a) for a in event.get("actor") or []],
        "recipient": [_actor(r) for r in event.get("recipient") or []],
        "event": [event["event"]], "mode": event.get("mode"), "context": list(event.get("context") or []),
        "event_loc": _location(event.get("location")),
        "event_text": evidence["text"], "quad_code": event["quad"],
        "text_info": {"sequence": seq, "start": evidence["start"], "end": evidence["end"],
                      "text_story": doc["id"]},
        "cite_info": {"corpus": "sitrep", "citation": doc["id"], "url": doc.get("url"),
                      "title": doc.get("title"), "publication": doc.get("source"), "language": "en",
                      "coder": f"sitrep {__version__}", "codebook": "PLOVER v0.8",
                      "version": SCHEMA_VERSION},
        "coder": f"sitrep {__version__}",
        "sitrep": {"article": {"id": doc["id"], "content_hash": content_hash, "title": doc.get("title"),
                               "published": doc.get("published"), "source": doc.get("source"),
                               "url": doc.get("url")},
                   "event": event},
    }


def _date(value: str | None) -> str | None:
    return value[:10] if value and _FULL_DATE.match(value) else None


def _actor(a: dict[str, Any]) -> dict[str, Any]:
    return {"code": a.get("code"), "sector": a.get("sector"), "name": a.get("name"), "text": a["text"],
            "start": a["start"], "end": a["end"]}


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    return {"extracted_place": place["text"], "resolved_place": place.get("name"),
            "geonameid": place.get("geonameid"), "lat": place.get("lat"), "lon": place.get("lon"),
            "country_code": place.get("country_code"), "feature_class": place.get("feature"),
            "start": place["start"], "end": place["end"]}


def read_plover(lines: Iterable[str], *, where: str) -> Iterator[dict[str, Any]]:
    """Records of a PLOVER JSONL file, each checked against the schema."""
    import jsonschema

    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if "sitrep" in record:
                validate(record)
        except (json.JSONDecodeError, jsonschema.ValidationError) as err:
            message = getattr(err, "message", None) or str(err)
            reason = message.splitlines()[0]
            raise InputError(f"{where}:{lineno}", f"not a PLOVER record ({reason})") from None
        yield record


def documents_from_plover(records: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], str]]:
    """(event-only article document, content hash) per story, grouping consecutive records."""
    current: dict[str, Any] | None = None
    current_hash = ""
    for record in records:
        article, event = _article_of(record), _event_of(record)
        if current is None or article["content_hash"] != current_hash:
            if current is not None:
                yield current, current_hash
            current_hash = article["content_hash"]
            current = {"schema_version": SCHEMA_VERSION, "id": article["id"], "text": "",
                       "published": article.get("published"), "title": article.get("title"),
                       "source": article.get("source"), "url": article.get("url"), "events": [],
                       "quotes": [], "times": [], "places": [], "entities": [], "links": [], "framing": []}
        current["events"].append(event)
    if current is not None:
        yield current, current_hash


def _article_of(record: dict[str, Any]) -> dict[str, Any]:
    if "sitrep" in record:
        return record["sitrep"]["article"]
    story = (record.get("text_info") or {}).get("text_story") or record["id"]
    cite = record.get("cite_info") or {}
    return {"id": story, "content_hash": "plover:" + hashlib.sha256(story.encode()).hexdigest()[:40],
            "title": cite.get("title"), "published": record.get("date"),
            "source": cite.get("publication"), "url": cite.get("url")}


def _event_of(record: dict[str, Any]) -> dict[str, Any]:
    """Our event dict: sitrep's own when present, else built from the PLOVER fields."""
    if "sitrep" in record:
        return record["sitrep"]["event"]
    kind = record["event"][0] if isinstance(record["event"], list) else record["event"]
    if kind not in EVENT_TYPES:
        raise InputError(record.get("id", "?"), f"unknown PLOVER event type {kind!r}")
    info = record.get("text_info") or {}
    text = record.get("event_text") or ""
    return {"event": kind, "mode": record.get("mode") or None, "context": list(record.get("context") or []),
            "actor": [_entity(a) for a in record.get("actor") or []],
            "recipient": [_entity(r) for r in record.get("recipient") or []],
            "date": record.get("date"), "date_resolution": "PLOVER record date", "time": None,
            "location": None, "location_resolution": None, "status": "occurred", "reported_by": None,
            "attributes": {}, "evidence": {"text": text, "start": info.get("start", 0),
                                           "end": info.get("end", len(text))},
            "trigger": None, "mentions": [], "quad": EVENT_TYPES[kind], "rule": "imported PLOVER record",
            "confidence": None}


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    text = a.get("text") or a.get("name") or a.get("code") or ""
    return {"text": text, "start": a.get("start", 0), "end": a.get("end", len(text)), "label": None,
            "name": a.get("name"), "code": a.get("code"), "sector": a.get("sector"),
            "resolution": "imported PLOVER record"}
