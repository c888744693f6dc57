"""Thin adapters over :func:`sitrep.process_batch` (local processes today);
no logic of their own: same inputs, same results, in the same order."""
from sitrep.batch.local import analyze_parallel

__all__ = ["analyze_parallel"]
