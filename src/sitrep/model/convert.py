"""Analysed documents back from their JSON form (``DocumentResult.to_dict()``, what
``sitrep analyze --format jsonl`` prints and the store keeps).

The linker, the renderers and the exporters work on model objects; this is the one
way back to them. ``document_from_dict(r.to_dict()).to_dict() == r.to_dict()``.
Unknown keys are ignored and missing ones default, so older or newer outputs still load.
"""
from __future__ import annotations

from typing import Any

from sitrep.model import (Article, DocumentResult, Entity, Event, FramingCue, Link, Place, Quote,
                          Span, TimeExpr)
from sitrep.model.quote import Speaker


def _span(d: dict | None) -> Span | None:
    return Span(text=d["text"], start=d["start"], end=d["end"]) if d else None


def _pick(cls, d: dict[str, Any], names: tuple[str, ...]):
    return cls(**{k: d[k] for k in names if k in d})


def _entity(d: dict | None) -> Entity | None:
    if not d:
        return None
    return _pick(Entity, d, ("text", "start", "end", "label", "name", "code", "sector", "resolution"))


def _place(d: dict | None) -> Place | None:
    if not d:
        return None
    return _pick(Place, d, ("text", "start", "end", "name", "geonameid", "lat", "lon",
                            "country_code", "admin1", "feature", "resolution"))


def event_from_dict(d: dict[str, Any]) -> Event:
    return Event(
        event=d["event"], evidence=_span(d["evidence"]), mode=d.get("mode"),
        context=list(d.get("context") or []),
        actor=[_entity(a) for a in d.get("actor") or []],
        recipient=[_entity(r) for r in d.get("recipient") or []],
        date=d.get("date"), date_resolution=d.get("date_resolution"), time=d.get("time"),
        location=_place(d.get("location")), location_resolution=d.get("location_resolution"),
        status=d.get("status") or "occurred", reported_by=_entity(d.get("reported_by")),
        attributes=dict(d.get("attributes") or {}), trigger=_span(d.get("trigger")),
        mentions=[_span(m) for m in d.get("mentions") or []], rule=d.get("rule") or "",
        confidence=d.get("confidence"))


def _quote(d: dict[str, Any]) -> Quote:
    sp = d.get("speaker")
    speaker = None
    if sp:
        speaker = Speaker(text=sp["text"], start=sp["start"], end=sp["end"], name=sp.get("name"),
                          code=sp.get("code"), sector=sp.get("sector"),
                          chain=[_span(c) for c in sp.get("chain") or []],
                          resolution=sp.get("resolution") or "")
    return Quote(content=_span(d["content"]), direct=bool(d.get("direct")), speaker=speaker,
                 cue=_span(d.get("cue")), rule=d.get("rule") or "")


def document_from_dict(d: dict[str, Any]) -> DocumentResult:
    """A :class:`DocumentResult` from its ``to_dict()`` form; raises KeyError without ``id``/``text``."""
    article = Article(id=str(d["id"]), text=d["text"], published=d.get("published"),
                      title=d.get("title"), source=d.get("source"), url=d.get("url"))
    return DocumentResult(
        article=article,
        events=[event_from_dict(e) for e in d.get("events") or []],
        quotes=[_quote(q) for q in d.get("quotes") or []],
        times=[_pick(TimeExpr, t, ("text", "start", "end", "type", "value", "resolution", "anchor", "mod"))
               for t in d.get("times") or []],
        places=[_place(p) for p in d.get("places") or []],
        entities=[_entity(e) for e in d.get("entities") or []],
        links=[_pick(Link, k, ("text", "start", "end", "label", "title")) for k in d.get("links") or []],
        framing=[_pick(FramingCue, f, ("kind", "text", "start", "end", "label", "target", "stance"))
                 for f in d.get("framing") or []])
