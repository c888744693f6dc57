"""The store: one object over one database, opened (and migrated) by URL."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from sitrep.errors import SitrepError
from sitrep.store import dedup, schema as s
from sitrep.store.db import make_engine, resolve_url, upgrade
from sitrep.store.writer import ArticleRow, write_article


class StoreError(SitrepError):
    """The database cannot be opened or written; the message names it and what to check."""


#: Seconds a write keeps retrying while the database server is unreachable.
RECONNECT_WAIT = 30.0


class Store:
    """Articles and their analyses in SQLite or PostgreSQL.

    Writes go through :meth:`add`, one transaction per article, so the store is
    consistent after a crash at any moment. Readers use :mod:`sitrep.store.queries`
    with :attr:`engine`.
    """

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def has_hash(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(s.articles.c.id).where(
                s.articles.c.content_hash == content_hash)).first() is not None

    def add(self, row: ArticleRow) -> int:
        """Write one article and its analysis in a single transaction; returns its id.

        A lost server connection (PostgreSQL restarted) rolls the transaction back
        whole; the write is retried for up to :data:`RECONNECT_WAIT` seconds. Any
        other failure (disk full, read-only database) is one-line :class:`StoreError`.
        """
        deadline = time.monotonic() + RECONNECT_WAIT
        while True:
            try:
                with self.engine.begin() as conn:
                    return write_article(conn, row)
            except OperationalError as err:
                if self.dialect == "postgresql" and time.monotonic() < deadline:
                    time.sleep(0.5)
                    continue
                raise StoreError(f"cannot write to store {self.url}: {_reason(err)}") from None

    def count(self, table_name: str = "articles") -> int:
        table = s.metadata.tables[table_name]
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()

    def near_duplicate_index(self, threshold: float = dedup.DEFAULT_THRESHOLD) -> dedup.NearDuplicateIndex:
        """An LSH index over every stored signature, oldest first (so roots exist before copies)."""
        index = dedup.NearDuplicateIndex(threshold)
        query = (select(s.articles.c.id, s.articles.c.minhash, s.articles.c.near_duplicate_of)
                 .where(s.articles.c.minhash.is_not(None)).order_by(s.articles.c.id))
        with self.engine.connect() as conn:
            for article_id, blob, original in conn.execute(query):
                index.add(article_id, dedup.from_bytes(blob), original_id=original)
        return index

    def document(self, article_id: int) -> dict[str, Any]:
        """The stored ``DocumentResult.to_dict()`` of one article, exactly as analysed."""
        with self.engine.connect() as conn:
            raw = conn.execute(select(s.articles.c.result_json).where(s.articles.c.id == article_id)).scalar()
        if raw is None:
            raise StoreError(f"{self.url}: no article with internal id {article_id}")
        return json.loads(raw)

    def iter_documents(self, *, with_events: bool = False) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """(internal id, content hash, stored document) for every article, in ingest order."""
        a = s.articles
        query = select(a.c.id, a.c.content_hash, a.c.result_json).order_by(a.c.id)
        if with_events:
            query = query.where(select(s.events.c.id).where(s.events.c.article_id == a.c.id).exists())
        with self.engine.connect() as conn:
            for article_id, content_hash, raw in conn.execution_options(yield_per=200).execute(query):
                yield article_id, content_hash, json.loads(raw)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``, ``$SITREP_DB`` or ./sitrep.db."""
    engine = make_engine(url)
    try:
        upgrade(engine)
    except OperationalError as err:
        engine.dispose()
        raise StoreError(f"cannot open store {_safe(resolve_url(url))}: {_reason(err)} "
                         "(check the --db URL, that the server runs and the folder exists)") from None
    return Store(engine, _safe(resolve_url(url)))


def _reason(err: OperationalError) -> str:
    """The driver's first line (``database or disk is full``), without SQL or parameters."""
    return str(err.orig).strip().splitlines()[0] if err.orig else str(err).splitlines()[0]


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
