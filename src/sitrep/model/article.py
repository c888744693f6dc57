"""An article as read from any input, and the related-story links found in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Article:
    """One news article. ``text`` is what all offsets of its analysis index into."""

    id: str
    text: str
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    title: str | None = None
    source: str | None = None  # the outlet
    url: str | None = None
    origin: str | None = None  # where it was read from (path, path:line, URL)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Link:
    """A boilerplate line pointing at another story (``READ MORE: ...``)."""

    text: str
    start: int
    end: int
    label: str  # the marker, e.g. "READ MORE"
    title: str  # the headline it points to

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "label": self.label, "title": self.title}
