"""Temporal expressions found by data-driven patterns and normalised to TIMEX3 values.

``find_times(text, doc, published)`` is the whole layer: scan the text with the
compiled patterns of ``rules/time_patterns.yaml``, keep the longest
non-overlapping matches whose normaliser accepts them, drop those inside
quoted titles (``High Noon''; see ``titles``), widen them over
modifiers ("early", "more than"), and date bare clock times from their
sentence. ``sitrep.extract.times`` wraps it as a pipeline layer.
"""
from sitrep.extract.timex.scan import find_times

__all__ = ["find_times"]
