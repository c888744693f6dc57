"""What one document's layers share while it is being analysed."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sitrep.model import Article, Entity, Event, FramingCue, Link, Place, Quote, TimeExpr
from sitrep.settings import Settings


@dataclass
class Context:
    """One document on its way down the pipeline; each layer reads and adds.

    ``doc`` is a spaCy ``Doc`` over ``article.text`` (typed loosely so the
    model package stays free of spaCy), or over a same-length copy whose
    prefiltered sentences are blanked, so its offsets are the article's. ``published`` is the reference date
    for resolving relative times; None when unknown.
    """

    article: Article
    doc: Any
    settings: Settings
    published: dt.date | None = None
    links: list[Link] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    framing: list[FramingCue] = field(default_factory=list)
    #: Free-form scratch space a layer may leave for later ones (e.g. coreference chains).
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def in_links(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside a related-story line (not this article's content)."""
        return any(link.start <= start and end <= link.end for link in self.links)
