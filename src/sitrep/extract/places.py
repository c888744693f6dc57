"""Placeholder: filled in by the places layer's work."""
from __future__ import annotations


def extract(ctx) -> list:
    return []
