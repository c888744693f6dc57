"""Placeholder: filled in by the events layer's work."""
from __future__ import annotations


def extract(ctx) -> list:
    return []
