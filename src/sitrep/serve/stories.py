"""Stories for the desk: the ones the store keeps (:mod:`sitrep.store.linker`).

Ingest links new articles into persisted stories, so a page view reads story
rows and never re-links the corpus. The provider caches them until the store
changes; when articles are stored but not linked yet (a store filled before
stories were kept, an ingest run with ``--no-link``), it links just those first.
When the linker is not installed (or fails), pages say "no stories yet" instead
of failing: the rest of the desk works without it.
"""
from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from sitrep.serve import queries
from sitrep.store import Store
from sitrep.store import stories as store_stories

log = logging.getLogger(__name__)


class StoryProvider:
    """The stored stories of one store, re-read when its articles or stories change."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._stories: list[dict[str, Any]] | None = None
        self.reason: str | None = None

    def stories(self) -> list[dict[str, Any]] | None:
        """Every story, newest first; None when linking is unavailable (see :attr:`reason`)."""
        key = self._fingerprint()
        if key == self._key:
            return self._stories
        # While one request links new articles, the others get the last stories instead
        # of queueing behind it: under a running ingest the key changes again and again,
        # and waiting requests timed out (bench/load.py).
        if not self._lock.acquire(blocking=self._key is None):
            return self._stories
        try:
            if key != self._key:
                self._stories, self._key = self._build()
            return self._stories
        finally:
            self._lock.release()

    def story(self, story_id: str) -> dict[str, Any] | None:
        return next((s for s in self.stories() or [] if s.get("id") == story_id), None)

    def _fingerprint(self) -> tuple:
        with self.store.engine.connect() as conn:
            return (*queries.fingerprint(conn), store_stories.generation(conn))

    def _build(self) -> tuple[list[dict[str, Any]] | None, tuple | None]:
        """(stories, the fingerprint they reflect); links unlinked articles first."""
        try:
            link = find_linker()
        except ImportError as err:
            self.reason = f"the story linker is not available ({err})"
            return None, self._fingerprint()
        failed = False
        try:
            link(self.store)
        except Exception:  # a linker bug (or a read-only store) must not take the desk down
            log.exception("linking new articles into stories failed")
            failed = True
        key = self._fingerprint()  # taken before reading: a later change shows up next time
        with self.store.engine.connect() as conn:
            found = store_stories.stories(conn)
        if failed and not found:
            self.reason = "linking stories failed (see the server log)"
            return None, key
        # The stories already stored stay readable when new articles cannot be linked.
        self.reason = "linking new articles failed (see the server log)" if failed else None
        return sort_stories(found), key


def sort_stories(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Latest first (by end date), then the better corroborated."""
    return sorted(stories, key=lambda s: (s.get("end") or "", s.get("independent_sources") or 0,
                                          s.get("id") or ""), reverse=True)


Linker = Callable[[Store], Any]


def find_linker() -> Linker:
    """The function that links a store's unlinked articles into its stories; raises
    ImportError when :mod:`sitrep.link` (the linker) is missing."""
    importlib.import_module("sitrep.link")
    from sitrep.store.linker import link_pending

    return link_pending
