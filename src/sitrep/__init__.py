"""sitrep: news articles in, a verifiable record of what happened out.

``analyze`` and ``process_batch`` load on first use, so commands that only read a
store (``sitrep stories``, ``sitrep serve``, ``sitrep --version``) start without
importing spaCy.
"""
from sitrep.model import SCHEMA_VERSION
from sitrep.settings import Settings

__version__ = "0.1.0"
__all__ = ["analyze", "process_batch", "Settings", "SCHEMA_VERSION", "__version__"]


def __getattr__(name: str):
    if name in ("analyze", "process_batch"):
        from sitrep import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
