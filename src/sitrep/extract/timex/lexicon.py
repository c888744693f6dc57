"""The time layer's word lists and patterns, loaded once from ``rules/time_*.yaml``.

The YAML files are the rules; this module only reads them and hands out
lookups (``month_number("Sept")``) so the normalisers never touch raw data.
"""
from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml


def _load(name: str) -> dict[str, Any]:
    raw = resources.files("sitrep.extract.rules").joinpath(name).read_text("utf-8")
    return yaml.safe_load(raw)


@functools.lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """``time_words.yaml`` with every key lower-cased (lookups are case-insensitive)."""
    data = _load("time_words.yaml")
    return {name: _lower_keys(value) for name, value in data.items()}


@functools.lru_cache(maxsize=1)
def pattern_specs() -> list[dict[str, str]]:
    """The pattern entries of ``time_patterns.yaml``, in priority order."""
    return list(_load("time_patterns.yaml")["patterns"])


def _lower_keys(value):
    if isinstance(value, dict):
        return {str(k).lower(): v for k, v in value.items()}
    if isinstance(value, list):
        return [str(v) for v in value]
    return value


def normal_key(text: str) -> str:
    """A phrase as the lexicon keys it: lower case, single spaces, no final dot, straight apostrophe."""
    text = text.replace("\u2019", "'").replace("-", " ").strip().rstrip(".").lower()
    return re.sub(r"\s+", " ", text)


def lookup(table: str, text: str | None):
    """The value ``text`` has in the named word list, or None."""
    if text is None:
        return None
    return words()[table].get(normal_key(text))


def unit_of(text: str) -> dict[str, Any] | None:
    """The unit entry for a unit word in any number ("hours", "centuries", "Year")."""
    key = normal_key(text)
    units = words()["units"]
    for candidate in (key, key[:-1] if key.endswith("s") else key, key[:-3] + "y"):
        if candidate in units:
            return units[candidate]
    return None
