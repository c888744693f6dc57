"""Pure data for stories across outlets: no spaCy, no I/O.

A :class:`Story` is a set of articles about one real-world event. Its
contradictions are :class:`Contradiction` items whose sides are
:class:`SlotValue` items, each pointing back at the articles, outlets and
evidence spans that reported it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The slots compared across reports (the contract's ``contradictions[].slot``).
SLOTS = ("dead", "injured", "arrested", "duration", "date", "time", "count", "place", "actor")


@dataclass(slots=True)
class Evidence:
    """Where one article said it: the article id and a span of its text."""

    article: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Claim:
    """One article's value for one slot of one event.

    ``low``/``high`` bound a numeric value as a range ("at least 58" is
    58..inf); ``value`` is what is shown ("at least 58", "PT48H", "2016-10-20").
    ``rule`` says how it was read (event attribute, evidence regex, ...).
    """

    slot: str
    about: str
    value: str
    article: str
    source: str
    published: str | None
    evidence: Evidence
    low: float | None = None
    high: float | None = None
    rule: str = ""
    #: Facts used to compare values of this slot (a place's geonameid, feature, country).
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class SlotValue:
    """One side of a contradiction: a value and everyone who reported it."""

    value: str
    articles: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "articles": list(self.articles), "sources": list(self.sources),
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(slots=True)
class Contradiction:
    """Reports of the same event that disagree on ``slot``; ``rule`` says why they conflict."""

    slot: str
    about: str
    values: list[SlotValue]
    rule: str = ""

    @property
    def key(self) -> str:
        """A stable key for judging and citing: slot, event and the articles on each side."""
        sides = ";".join(",".join(sorted(v.articles)) for v in self.values)
        return f"{self.slot}|{self.about}|{sides}"

    def to_dict(self) -> dict[str, Any]:
        return {"slot": self.slot, "about": self.about, "values": [v.to_dict() for v in self.values],
                "rule": self.rule, "key": self.key}


@dataclass(slots=True)
class Update:
    """A later report from the same outlet that revises its own earlier value (not a conflict)."""

    slot: str
    about: str
    source: str
    before: SlotValue
    after: SlotValue

    def to_dict(self) -> dict[str, Any]:
        return {"slot": self.slot, "about": self.about, "source": self.source,
                "before": self.before.to_dict(), "after": self.after.to_dict()}


@dataclass(slots=True)
class StoryEvent:
    """One kind of event in a story with its corroboration: who reported it, independently."""

    event: str
    about: str
    articles: list[str]
    sources: list[str]
    independent_sources: int
    dates: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "about": self.about, "articles": list(self.articles),
                "sources": list(self.sources), "independent_sources": self.independent_sources,
                "dates": list(self.dates)}


@dataclass(slots=True)
class Story:
    """Articles about one real-world event; ``id`` never changes once given."""

    id: str
    articles: list[str] = field(default_factory=list)
    title: str = ""
    start: str | None = None
    end: str | None = None
    places: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    independent_sources: int = 0
    events: list[StoryEvent] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    framing: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "start": self.start, "end": self.end,
                "places": list(self.places), "articles": list(self.articles),
                "sources": list(self.sources), "independent_sources": self.independent_sources,
                "events": [e.to_dict() for e in self.events],
                "contradictions": [c.to_dict() for c in self.contradictions],
                "updates": [u.to_dict() for u in self.updates], "framing": self.framing}
