"""The result of analysing one document: every layer, with evidence."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.model.article import Article, Link
from sitrep.model.base import SCHEMA_VERSION
from sitrep.model.entity import Entity
from sitrep.model.event import Event
from sitrep.model.framing import FramingCue
from sitrep.model.place import Place
from sitrep.model.quote import Quote
from sitrep.model.time import TimeExpr


@dataclass(slots=True)
class DocumentResult:
    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    framing: list[FramingCue] = field(default_factory=list)
    ok: bool = True

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "schema_version": SCHEMA_VERSION,
            "id": a.id, "text": a.text, "published": a.published, "title": a.title,
            "source": a.source, "url": a.url,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
            "entities": [e.mention_dict() for e in self.entities],
            "links": [k.to_dict() for k in self.links],
            "framing": [f.to_dict() for f in self.framing],
        }


def one_line(text: str) -> str:
    """``text`` with control characters written as escapes (``\\n``), so it prints as one line."""
    return "".join(ch if ch >= " " else repr(ch)[1:-1] for ch in str(text))


@dataclass(slots=True)
class ErrorResult:
    """A document that could not be analysed; the batch goes on without it."""

    id: str
    error: str  # one line: what went wrong and where
    origin: str | None = None
    ok: bool = False

    def __post_init__(self) -> None:
        # Ids and paths come from the input and may hold line breaks; the reason stays one line.
        self.error = one_line(self.error)

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "id": self.id, "error": self.error}
