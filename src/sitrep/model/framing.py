"""Framing cues: how an article words what it reports."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FRAMING_KINDS = ("scare_quote", "actor_label", "loaded", "hedge")


@dataclass(slots=True)
class FramingCue:
    """``kind`` is one of FRAMING_KINDS. ``label`` is the normalised word ("terrorist"),
    ``target`` what it is applied to when known (an actor class such as "armed groups")."""

    kind: str
    text: str
    start: int
    end: int
    label: str | None = None
    target: str | None = None
    stance: str | None = None  # "delegitimising", "neutral", "legitimising"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "label": self.label, "target": self.target, "stance": self.stance}
