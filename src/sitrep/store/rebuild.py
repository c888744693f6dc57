"""A stored ``DocumentResult.to_dict()`` back into model objects, for renderers
(``sitrep show`` reuses the text renderer of ``sitrep analyze``)."""
from __future__ import annotations

from typing import Any

from sitrep.model import (Article, DocumentResult, Entity, Event, FramingCue, Link, Place, Quote, Span,
                          TimeExpr)
from sitrep.model.quote import Speaker


def document_from_dict(d: dict[str, Any]) -> DocumentResult:
    """The inverse of ``DocumentResult.to_dict()``:
    ``document_from_dict(r.to_dict()).to_dict() == r.to_dict()``."""
    article = Article(id=d["id"], text=d["text"], published=d.get("published"), title=d.get("title"),
                      source=d.get("source"), url=d.get("url"))
    return DocumentResult(
        article=article,
        events=[event_from_dict(e) for e in d.get("events", [])],
        quotes=[_quote(q) for q in d.get("quotes", [])],
        times=[TimeExpr(**t) for t in d.get("times", [])],
        places=[Place(**p) for p in d.get("places", [])],
        entities=[Entity(**e) for e in d.get("entities", [])],
        links=[Link(**k) for k in d.get("links", [])],
        framing=[FramingCue(**f) for f in d.get("framing", [])],
    )


def event_from_dict(e: dict[str, Any]) -> Event:
    fields = {k: v for k, v in e.items() if k != "quad"}
    fields["evidence"] = Span(**e["evidence"])
    fields["trigger"] = Span(**e["trigger"]) if e.get("trigger") else None
    fields["mentions"] = [Span(**m) for m in e.get("mentions") or []]
    fields["actor"] = [Entity(**a) for a in e.get("actor") or []]
    fields["recipient"] = [Entity(**r) for r in e.get("recipient") or []]
    fields["location"] = Place(**e["location"]) if e.get("location") else None
    fields["reported_by"] = Entity(**e["reported_by"]) if e.get("reported_by") else None
    return Event(**fields)


def _quote(q: dict[str, Any]) -> Quote:
    speaker = None
    if q.get("speaker"):
        sp = dict(q["speaker"])
        sp["chain"] = [Span(**c) for c in sp.get("chain") or []]
        speaker = Speaker(**sp)
    return Quote(content=Span(**q["content"]), direct=q["direct"], speaker=speaker,
                 cue=Span(**q["cue"]) if q.get("cue") else None, rule=q.get("rule", ""))
