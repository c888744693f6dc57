"""Named entities and coded actors."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Entity:
    """A mention of someone or something, optionally resolved to a PLOVER actor code.

    ``code`` is an ISO 3166 alpha-3 country or a PLOVER organisation code
    (IGO, UNO, NGO, ...); ``sector`` a PLOVER sector (GOV, MIL, REB, ...).
    ``resolution`` says how the code was found (dictionary entry, title rule, ...).
    """

    text: str
    start: int
    end: int
    label: str | None = None  # NER label (PERSON, ORG, GPE, NORP, ...)
    name: str | None = None  # canonical name ("Sergey Shoigu" for "the minister")
    code: str | None = None
    sector: str | None = None
    resolution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "label": self.label,
                "name": self.name, "code": self.code, "sector": self.sector,
                "resolution": self.resolution}

    def mention_dict(self) -> dict[str, Any]:
        """The short form used in the document's ``entities`` list."""
        return {"text": self.text, "start": self.start, "end": self.end, "label": self.label}
