"""The corpus store: SQLAlchemy schema + Alembic migrations; SQLite by default,
PostgreSQL by URL. ``open_store(url)`` migrates and returns a :class:`Store`;
:mod:`sitrep.store.loader` ingests, :mod:`sitrep.store.queries` reads;
:mod:`sitrep.store.linker` keeps the stories (linked on ingest) that
:mod:`sitrep.store.stories` reads."""
from sitrep.store.db import DEFAULT_URL, resolve_url
from sitrep.store.store import Store, StoreError, open_store

__all__ = ["DEFAULT_URL", "Store", "StoreError", "open_store", "resolve_url"]
