"""Time expressions normalised to TIMEX3-style values."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(slots=True)
class TimeExpr:
    """``value`` is TIMEX3-like: ``2016-10-20``, ``2016-W42``, ``PT48H``, ``P2D``, ``XXXX-XX-XX``.

    ``resolution`` names the rule that produced the value ("weekday before
    publication date", "explicit date", ...); ``anchor`` is the date it was
    resolved against, when one was used.
    """

    text: str
    start: int
    end: int
    type: str
    value: str | None
    resolution: str = ""
    anchor: str | None = None
    mod: str | None = None  # TIMEX3 mod: APPROX, EARLY, LATE, ...

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
                "value": self.value, "resolution": self.resolution, "anchor": self.anchor,
                "mod": self.mod}
