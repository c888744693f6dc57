"""The span every annotation is built on, and the schema version of the output."""
from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

#: Version of the JSON output contract (``schema/sitrep-document.schema.json``).
#: Bump the minor part when fields are added, the major part when one changes meaning.
SCHEMA_VERSION = "1.0"


@dataclass(slots=True)
class Span:
    """A stretch of the analysed text: ``text == document_text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


def to_jsonable(value: Any) -> Any:
    """Turn nested dataclasses, lists and dicts into plain JSON values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if is_dataclass(value):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value
