"""Document-level dedup: one Event per real event, with every mention kept.

Two coded events are the same when they have the same type and mode, their
actor codes overlap (or one side names no coded actor), their recipients do
not contradict, and their dates agree (a date that only fell back to the
publication date agrees with any). The first mention is kept as the event's
evidence; later ones are added to ``mentions``.
"""
from __future__ import annotations

from sitrep.model import Event


def _codes(entities) -> set[str]:
    return {f"{e.code}:{e.sector or ''}" for e in entities if e.code}


def _compatible_sets(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def _same_date(a: Event, b: Event) -> bool:
    fallback = "publication date"
    return a.date == b.date or fallback in (a.date_resolution or "") \
        or fallback in (b.date_resolution or "")


def same_event(a: Event, b: Event) -> bool:
    """Whether ``b`` reports the same event as ``a`` (see the module docstring)."""
    if a.event != b.event or a.mode != b.mode or a.status != b.status:
        return False
    actors_a, actors_b = _codes(a.actor), _codes(b.actor)
    if not actors_a and not actors_b:
        return False  # nothing to tie two uncoded mentions together
    if not (actors_a & actors_b):
        return False
    return _compatible_sets(_codes(a.recipient), _codes(b.recipient)) and _same_date(a, b)


def merge(events: list[Event]) -> list[Event]:
    """Fold repeated mentions into the first event that reports them."""
    kept: list[Event] = []
    for event in events:
        target = next((k for k in kept if same_event(k, event)), None)
        if target is None:
            kept.append(event)
            continue
        target.mentions.append(event.evidence)
        _fill(target, event)
    return kept


def _fill(target: Event, other: Event) -> None:
    """Take what the later mention knows and the first does not (date, place, sizes)."""
    if "publication date" in (target.date_resolution or "") and other.time:
        target.date, target.time = other.date, other.time
        target.date_resolution = other.date_resolution
    if target.location is None and other.location is not None:
        target.location, target.location_resolution = other.location, other.location_resolution
    for key, value in other.attributes.items():
        target.attributes.setdefault(key, value)
    if target.reported_by is None:
        target.reported_by = other.reported_by
    known = {(e.start, e.end) for e in target.recipient}
    target.recipient.extend(e for e in other.recipient if (e.start, e.end) not in known)
