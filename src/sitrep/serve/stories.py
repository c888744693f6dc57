"""Stories for the desk, from :mod:`sitrep.link` over the stored analyses.

The linker is a library over analysed documents; the store holds them. This
module hands one to the other and caches the result until an article is
added, so a page view does not re-link the corpus. When the linker is not
installed (or fails), pages say "no stories yet" instead of failing: the rest
of the desk works without it.
"""
from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from sitrep.serve import queries
from sitrep.store import queries as store_queries
from sitrep.store import Store

log = logging.getLogger(__name__)

#: Functions of :mod:`sitrep.link` that turn analysed documents into stories, tried in
#: order: ``fn(results, near_duplicate_of=...) -> list[Story | dict]``.
BUILDERS = ("link_stories",)


class StoryProvider:
    """Stories of one store, re-linked when the store's articles change."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._stories: list[dict[str, Any]] | None = None
        self.reason: str | None = None

    def stories(self) -> list[dict[str, Any]] | None:
        """Every story, newest first; None when linking is unavailable (see :attr:`reason`)."""
        with self.store.engine.connect() as conn:
            key = queries.fingerprint(conn)
        if key == self._key:
            return self._stories
        # While one request re-links (seconds on a big store), the others get the last
        # stories instead of queueing behind it: under a running ingest the key changes
        # again and again, and waiting requests timed out (bench/load.py).
        if not self._lock.acquire(blocking=self._key is None):
            return self._stories
        try:
            if key != self._key:
                self._stories = self._build()
                self._key = key
            return self._stories
        finally:
            self._lock.release()

    def story(self, story_id: str) -> dict[str, Any] | None:
        return next((s for s in self.stories() or [] if s.get("id") == story_id), None)

    def _build(self) -> list[dict[str, Any]] | None:
        try:
            builder = find_builder()
        except ImportError as err:
            self.reason = f"the story linker is not available ({err})"
            return None
        with self.store.engine.connect() as conn:
            docs = store_queries.documents(conn)
        try:
            built = builder([d for d, _ in docs], {d["id"]: orig for d, orig in docs if orig})
        except Exception:  # a linker bug must not take the desk down
            log.exception("linking stories failed")
            self.reason = "linking stories failed (see the server log)"
            return None
        self.reason = None
        return sort_stories([_as_dict(s) for s in built])


def sort_stories(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Latest first (by end date), then the better corroborated."""
    return sorted(stories, key=lambda s: (s.get("end") or "", s.get("independent_sources") or 0,
                                          s.get("id") or ""), reverse=True)


def _as_dict(story: Any) -> dict[str, Any]:
    return story.to_dict() if hasattr(story, "to_dict") else dict(story)


Builder = Callable[[list[dict[str, Any]], dict[str, str]], list[Any]]


def find_builder() -> Builder:
    """The linker's story builder, adapted to (documents, near_duplicate_of) -> stories;
    raises ImportError when :mod:`sitrep.link` is missing or offers none."""
    link = importlib.import_module("sitrep.link")
    for name in BUILDERS:
        fn = getattr(link, name, None)
        if callable(fn):
            return lambda docs, copies: fn([link.result_from_dict(d) for d in docs], near_duplicate_of=copies)
    raise ImportError(f"sitrep.link has none of {', '.join(BUILDERS)}")
