"""An article's text with its findings highlighted, built safely.

The text is cut at every annotation boundary and each piece is HTML-escaped on
its own; only our own ``<mark>`` tags are added between pieces. Raw article
text is never inserted, so ``<script>`` or ``onerror=`` in an article stays
visible text. Annotations may overlap or cross (an event's clause contains
its actors; a quote crosses a clause): the marks are kept properly nested by
closing and re-opening them at each boundary, every piece of one annotation
carrying the same ``data-ref``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from markupsafe import Markup

#: Nesting order when two annotations start together: the wider first, then by kind.
KIND_ORDER = {"event": 0, "quote": 1, "trigger": 2, "speaker": 3, "actor": 4, "place": 5, "time": 6}


@dataclass(slots=True)
class Annotation:
    """One clickable finding: where it is, what it is, and the facts shown in the side panel."""

    ref: str
    kind: str
    start: int
    end: int
    title: str
    details: list[tuple[str, Any]] = field(default_factory=list)
    evidence: str = ""
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # extra (kind, start, end) pieces


def annotations(doc: dict[str, Any]) -> list[Annotation]:
    """Every highlightable finding of a stored ``DocumentResult.to_dict()``."""
    text = doc.get("text") or ""
    found = _events(doc, text) + _actors(doc) + _quotes(doc, text) + _times(doc) + _places(doc)
    return [a for a in found if _valid(text, a.start, a.end)]


def _valid(text: str, start: Any, end: Any) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def _events(doc: dict, text: str) -> list[Annotation]:
    out = []
    for i, e in enumerate(doc.get("events") or []):
        ev = e.get("evidence") or {}
        loc = e.get("location") or {}
        ann = Annotation(
            ref=f"e{i}", kind="event", start=ev.get("start"), end=ev.get("end"),
            title=f"{e.get('event')}" + (f" / {e['mode']}" if e.get("mode") else ""),
            evidence=ev.get("text") or "",
            details=[("type", e.get("event")), ("mode", e.get("mode")), ("status", e.get("status")),
                     ("actor", _people(e.get("actor"))), ("recipient", _people(e.get("recipient"))),
                     ("date", e.get("date")), ("date from", e.get("date_resolution")),
                     ("place", loc.get("name")), ("place from", e.get("location_resolution")),
                     ("context", ", ".join(e.get("context") or [])),
                     ("rule", e.get("rule")), ("confidence", e.get("confidence"))])
        trig = e.get("trigger") or {}
        if _valid(text, trig.get("start"), trig.get("end")):
            ann.spans.append(("trigger", trig["start"], trig["end"]))
        out.append(ann)
    return out


def _people(entities: list[dict] | None) -> str:
    return "; ".join(person_label(a) for a in entities or [])


def person_label(a: dict) -> str:
    code = "/".join(c for c in (a.get("code"), a.get("sector")) if c)
    return f"{a.get('name') or a.get('text')}" + (f" ({code})" if code else "")


def _actors(doc: dict) -> list[Annotation]:
    """Actors and recipients of events, once per span of text."""
    seen: dict[tuple[int, int], Annotation] = {}
    for e in doc.get("events") or []:
        for role in ("actor", "recipient"):
            for a in e.get(role) or []:
                key = (a.get("start"), a.get("end"))
                if key in seen:
                    continue
                seen[key] = Annotation(
                    ref=f"a{len(seen)}", kind="actor", start=a.get("start"), end=a.get("end"),
                    title=person_label(a), evidence=a.get("text") or "",
                    details=[("name", a.get("name")), ("code", a.get("code")), ("sector", a.get("sector")),
                             ("NER label", a.get("label")), ("resolved by", a.get("resolution"))])
    return list(seen.values())


def _quotes(doc: dict, text: str) -> list[Annotation]:
    out = []
    for i, q in enumerate(doc.get("quotes") or []):
        content, sp = q.get("content") or {}, q.get("speaker") or {}
        who = sp.get("name") or sp.get("text") or "unknown speaker"
        ann = Annotation(
            ref=f"q{i}", kind="quote", start=content.get("start"), end=content.get("end"),
            title=f"{'Quote' if q.get('direct') else 'Reported speech'}: {who}",
            evidence=content.get("text") or "",
            details=[("speaker", who), ("speaker code", sp.get("code")),
                     ("speaker resolved by", sp.get("resolution")),
                     ("cue", (q.get("cue") or {}).get("text")),
                     ("direct", "yes" if q.get("direct") else "no"), ("rule", q.get("rule"))])
        if _valid(text, sp.get("start"), sp.get("end")):
            ann.spans.append(("speaker", sp["start"], sp["end"]))
        out.append(ann)
    return out


def _times(doc: dict) -> list[Annotation]:
    return [Annotation(ref=f"t{i}", kind="time", start=t.get("start"), end=t.get("end"),
                       title=f"Time: {t.get('value') or 'unresolved'}", evidence=t.get("text") or "",
                       details=[("value", t.get("value")), ("type", t.get("type")),
                                ("anchor", t.get("anchor")), ("resolved by", t.get("resolution"))])
            for i, t in enumerate(doc.get("times") or [])]


def _places(doc: dict) -> list[Annotation]:
    out = []
    for i, p in enumerate(doc.get("places") or []):
        where = f"{p['lat']:.4f}, {p['lon']:.4f}" if p.get("lat") is not None and p.get("lon") is not None else None
        out.append(Annotation(
            ref=f"p{i}", kind="place", start=p.get("start"), end=p.get("end"),
            title=f"Place: {p.get('name') or 'unresolved'}", evidence=p.get("text") or "",
            details=[("name", p.get("name")), ("country", p.get("country_code")), ("feature", p.get("feature")),
                     ("GeoNames id", p.get("geonameid")), ("lat, lon", where),
                     ("resolved by", p.get("resolution"))]))
    return out


def render(text: str, anns: list[Annotation]) -> Markup:
    """The text as HTML with properly nested, escaped ``<mark>`` highlights.

    One sweep over the cut points, keeping only the annotations open at each
    (a handful), so a long article with thousands of findings stays fast.
    """
    pieces = [(a.kind, a.start, a.end, a) for a in anns]
    pieces += [(kind, s, e, a) for a in anns for kind, s, e in a.spans]
    starting: dict[int, list[tuple]] = {}
    for piece in pieces:
        starting.setdefault(piece[1], []).append(piece)
    cuts = sorted({0, len(text), *(p[1] for p in pieces), *(p[2] for p in pieces)})
    out: list[str] = []
    stack: list[tuple] = []
    active: list[tuple] = []
    for left, right in zip(cuts, cuts[1:]):
        active = sorted([p for p in active if p[2] > left] + starting.get(left, []), key=_nesting)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        out.extend(_open(p) for p in active[keep:])
        stack = active
        out.append(escape(text[left:right], quote=False))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def _nesting(piece: tuple) -> tuple:
    """Outer first: earlier start, then longer, then by kind."""
    kind, start, end, ann = piece
    return (start, -end, KIND_ORDER.get(kind, 9), ann.ref)


def _open(piece: tuple) -> str:
    kind, _, _, ann = piece
    return (f'<mark class="hl hl-{kind}" data-ref="{escape(ann.ref)}" data-kind="{kind}" '
            f'title="{escape(ann.title)}">')
