"""PLOVER v0.8 events."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.model.base import Span
from sitrep.model.entity import Entity
from sitrep.model.place import Place

#: The 16 PLOVER v0.8 event types and their quad class (1 verbal cooperation,
#: 2 material cooperation, 3 verbal conflict, 4 material conflict).
EVENT_TYPES: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

STATUSES = ("occurred", "future", "hypothetical", "negated")


@dataclass(slots=True)
class Event:
    """One event of this article, with every field traceable to the text.

    ``evidence`` is the trigger's clause; ``mentions`` holds every span that
    reports the same event (document-level dedup keeps one event per real one).
    ``rule`` names the lexicon entry or pattern that produced it, and
    ``date_resolution`` whether the date came from the event's own time
    expression or fell back to the publication date.
    """

    event: str
    evidence: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    date: str | None = None
    date_resolution: str | None = None
    time: str | None = None  # the TIMEX3 value of the event's own time expression
    location: Place | None = None
    location_resolution: str | None = None
    status: str = "occurred"
    reported_by: Entity | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    trigger: Span | None = None
    mentions: list[Span] = field(default_factory=list)
    rule: str = ""
    confidence: float | None = None

    @property
    def quad(self) -> int:
        return EVENT_TYPES[self.event]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event, "mode": self.mode, "context": list(self.context),
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "date": self.date, "date_resolution": self.date_resolution, "time": self.time,
            "location": self.location.to_dict() if self.location else None,
            "location_resolution": self.location_resolution,
            "status": self.status,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "attributes": dict(self.attributes),
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "quad": self.quad, "rule": self.rule, "confidence": self.confidence,
        }
