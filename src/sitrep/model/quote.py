"""Direct and reported speech with its speaker."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.model.base import Span


@dataclass(slots=True)
class Speaker:
    """The span naming the speaker in the text, and who it resolves to.

    ``chain`` records how a pronoun or nominal ("the minister") was resolved:
    the spans followed back to the named antecedent.
    """

    text: str
    start: int
    end: int
    name: str | None = None
    code: str | None = None
    sector: str | None = None
    chain: list[Span] = field(default_factory=list)
    resolution: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "code": self.code, "sector": self.sector,
                "chain": [s.to_dict() for s in self.chain], "resolution": self.resolution}


@dataclass(slots=True)
class Quote:
    content: Span
    direct: bool
    speaker: Speaker | None = None
    cue: Span | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker.to_dict() if self.speaker else None,
                "cue": self.cue.to_dict() if self.cue else None,
                "content": self.content.to_dict(), "direct": self.direct, "rule": self.rule}
