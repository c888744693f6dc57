"""A story's facts arranged for reading: shared by the story page and the report.

Takes the linker's story dict and the stored analyses of its articles, and
returns plain lists: a dated timeline of events with their sources, located
events for the map, each outlet's coverage side by side, who said what, and
how each outlet framed it. No HTML here; templates decide how it looks.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from sitrep.serve.highlight import person_label

#: Statuses that did not (yet) happen; kept off the timeline of what occurred.
NOT_OCCURRED = {"negated", "hypothetical"}


def story_view(story: dict[str, Any], docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything the story page and report show, from the story and its documents."""
    return {
        "timeline": timeline(docs),
        "points": points(docs),
        "outlets": outlets(docs),
        "quotes": quotes(docs),
        "framing": outlet_framing(story) or framing(docs),
        "contradictions": story.get("contradictions") or [],
        "documents": {d["id"]: d for d in docs},
    }


def timeline(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every event that occurred (or is planned), dated, oldest first, with its source."""
    rows = []
    for d in docs:
        for i, e in enumerate(d.get("events") or []):
            if e.get("status") in NOT_OCCURRED:
                continue
            date = e.get("date") or (d.get("published") or "")[:10] or None
            rows.append({
                "date": date, "event": e.get("event"), "mode": e.get("mode"), "status": e.get("status"),
                "actor": "; ".join(person_label(a) for a in e.get("actor") or []),
                "recipient": "; ".join(person_label(a) for a in e.get("recipient") or []),
                "place": (e.get("location") or {}).get("name"),
                "evidence": (e.get("evidence") or {}).get("text") or "",
                "label": (e.get("evidence") or {}).get("text") or "",
                "date_resolution": e.get("date_resolution"),
                "article": d["id"], "title": d.get("title"), "source": d.get("source") or "unknown",
                "url": d.get("url"), "ref": f"e{i}",
            })
    return sorted(rows, key=lambda r: (r["date"] or "9999", r["source"], r["article"]))


def points(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Located events, merged per place and type, for the map."""
    merged: Counter = Counter()
    for d in docs:
        for e in d.get("events") or []:
            loc = e.get("location") or {}
            if loc.get("lat") is not None and loc.get("lon") is not None:
                merged[(loc["lat"], loc["lon"], loc.get("name"), e.get("event"))] += 1
    return [{"lat": lat, "lon": lon, "place": name, "event": kind, "n": n}
            for (lat, lon, name, kind), n in merged.items()]


def outlets(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each outlet's articles and what it reported, outlets side by side."""
    by_source: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        by_source.setdefault(d.get("source") or "unknown", []).append(d)
    out = []
    for source, items in sorted(by_source.items()):
        types = Counter(e.get("event") for d in items for e in d.get("events") or [])
        out.append({
            "source": source,
            "articles": [{"id": d["id"], "title": d.get("title") or d["id"], "published": d.get("published"),
                          "url": d.get("url"), "events": len(d.get("events") or [])} for d in items],
            "event_types": sorted(types.items(), key=lambda kv: (-kv[1], kv[0] or "")),
            "quotes": sum(len(d.get("quotes") or []) for d in items),
        })
    return out


def quotes(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who said what, with the outlet that reported it."""
    rows = []
    for d in docs:
        for q in d.get("quotes") or []:
            sp = q.get("speaker") or {}
            rows.append({"speaker": sp.get("name") or sp.get("text") or "unattributed",
                         "code": sp.get("code"), "text": (q.get("content") or {}).get("text") or "",
                         "direct": bool(q.get("direct")), "article": d["id"],
                         "source": d.get("source") or "unknown", "published": d.get("published")})
    return rows


#: Columns of the linker's per-outlet framing summary, in reading order.
FRAMING_COLUMNS = ("actor_labels", "scare_quote", "loaded", "hedge", "stance")


def outlet_framing(story: dict[str, Any]) -> dict[str, Any] | None:
    """The linker's framing summary (``{"outlets": {name: {kind: {word: n}}}}``) as table
    rows; None when the story carries none."""
    per_outlet = (story.get("framing") or {}).get("outlets")
    if not isinstance(per_outlet, dict) or not per_outlet:
        return None
    rows = []
    for source, kinds in sorted(per_outlet.items()):
        cells = {}
        for kind in FRAMING_COLUMNS:
            value = kinds.get(kind) or {}
            if kind == "actor_labels":
                cells[kind] = [f"{target}: " + ", ".join(_counted(words)) for target, words in sorted(value.items())]
            else:
                cells[kind] = _counted(value)
        rows.append({"source": source, "cells": cells})
    return {"kinds": list(FRAMING_COLUMNS), "rows": rows}


def _counted(words: Any) -> list[str]:
    """``{"rebel": 2, "militant": 1}`` -> ``["rebel ×2", "militant"]``, most used first."""
    if not isinstance(words, dict):
        return [str(w) for w in words or []]
    ordered = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
    return [f"{w} ×{n}" if n > 1 else str(w) for w, n in ordered]


def framing(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Framing cues per outlet and kind: ``{"kinds": [...], "rows": [{"source", "cells": {kind: [words]}}]}``."""
    table: dict[str, dict[str, Counter]] = {}
    for d in docs:
        row = table.setdefault(d.get("source") or "unknown", {})
        for cue in d.get("framing") or []:
            word = cue.get("label") or cue.get("text") or ""
            if cue.get("target"):
                word = f"{word} → {cue['target']}"
            row.setdefault(cue.get("kind") or "other", Counter())[word] += 1
    kinds = sorted({k for row in table.values() for k in row})
    return {"kinds": kinds, "rows": [
        {"source": source, "cells": {k: [f"{w} ×{n}" if n > 1 else w for w, n in row.get(k, Counter()).most_common(8)]
                                     for k in kinds}}
        for source, row in sorted(table.items())]}
