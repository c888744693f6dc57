"""Pure data: what sitrep reads and what it finds. No spaCy, no I/O.

Every extracted item is a stand-off annotation: it points into the analysed
text with character offsets (``text[start:end] == item.text``) and says how
its normalised value was resolved.
"""
from sitrep.model.base import Span, SCHEMA_VERSION
from sitrep.model.article import Article, Link
from sitrep.model.entity import Entity
from sitrep.model.time import TimeExpr
from sitrep.model.place import Place
from sitrep.model.quote import Quote
from sitrep.model.event import Event, EVENT_TYPES, STATUSES
from sitrep.model.framing import FramingCue
from sitrep.model.result import DocumentResult, ErrorResult

__all__ = [
    "Span", "SCHEMA_VERSION", "Article", "Link", "Entity", "TimeExpr", "Place",
    "Quote", "Event", "EVENT_TYPES", "STATUSES", "FramingCue", "DocumentResult",
    "ErrorResult",
]
