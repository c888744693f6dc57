"""Typed errors. The library raises them; surfaces (CLI, API) turn each into one line."""
from __future__ import annotations


class SitrepError(Exception):
    """Base class: ``str(err)`` is a one-line message saying what and where."""


class InputError(SitrepError):
    """An input could not be read or is not an article (empty, binary, malformed, too large)."""

    def __init__(self, where: str, cause: str):
        self.where = where
        self.cause = cause
        super().__init__(f"{where}: {cause}")


class UsageError(SitrepError):
    """The caller asked for something impossible (bad flag value, unknown format)."""


class ModelNotInstalled(SitrepError):
    """The spaCy pipeline is missing; the message says which package to install."""
