"""Where the store lives: URL resolution, engine set-up, migrations on open.

SQLite by default (``./sitrep.db``); ``--db URL`` or ``$SITREP_DB`` choose
another file or a PostgreSQL server (``postgresql://...``, driven by psycopg 3).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sitrep.errors import UsageError

DEFAULT_URL = "sqlite:///sitrep.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    """The SQLAlchemy URL for ``url``, ``$SITREP_DB`` or the default ``./sitrep.db``.

    A bare path becomes a SQLite URL; ``postgresql://`` and ``postgres://`` are
    rewritten to the psycopg 3 driver, the one installed.
    """
    url = url or os.environ.get("SITREP_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str | None = None) -> Engine:
    """An engine for the store at ``url`` with SQLite made safe for a killed writer
    (WAL journal, foreign keys on, waiting on a busy lock rather than failing)."""
    resolved = resolve_url(url)
    try:
        backend = make_url(resolved).get_backend_name()
    except ArgumentError:
        raise UsageError(f"--db {url!r} is not a database URL (try sqlite:///path.db or "
                         "postgresql://user@host/dbname)") from None
    if backend not in ("sqlite", "postgresql"):
        raise UsageError(f"--db {url!r}: only sqlite:// and postgresql:// stores are supported")
    # pre_ping: a connection left dead by a database restart is replaced, not reused.
    engine = create_engine(resolved, pool_pre_ping=True)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def upgrade(engine: Engine) -> None:
    """Apply every pending Alembic migration (a no-op on a current store)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def scratch_database(server: str, prefix: str = "sitrep_scratch") -> tuple[str, Callable[[], None]]:
    """Create an empty PostgreSQL database on ``server`` (``postgresql://user@host:port``).

    Returns its URL and a function that drops it. Used by the tests and benchmarks, which
    each need a fresh store on a real server. Each statement opens its own connection, so
    the drop still works after the server has restarted in between.
    """
    import uuid

    from sqlalchemy import text
    from sqlalchemy.pool import NullPool

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin_url = server.replace("postgresql://", "postgresql+psycopg://", 1) + "/postgres"

    def run(sql: str) -> None:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            with admin.connect() as conn:
                conn.execute(text(sql))
        finally:
            admin.dispose()

    run(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{server}/{name}", drop
