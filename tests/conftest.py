"""Fixtures shared by the whole suite (defined once, here)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "aleppo-humanitarian-pause.txt"
SEED_PUBLISHED = "2016-10-18"
#: The PostgreSQL server store tests use (trust auth on loopback in CI); skipped when unreachable.
PG_BASE = os.environ.get("SITREP_TEST_PG", "postgresql://postgres@127.0.0.1:5432")


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once for the session."""
    from sitrep import nlp as loader

    return loader.load()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The development gold data; tests needing it skip with a reason when it is absent."""
    from sitrep.eval import default_gold_dir

    path = default_gold_dir()
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path} (set SITREP_GOLD); a fresh clone has none")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(seed_text):
    """The seed article analysed once with its publication date."""
    import sitrep

    return sitrep.analyze(seed_text, published=SEED_PUBLISHED, id="aleppo")


# ---------------------------------------------------------------- stores on both backends

def _pg_available() -> str | None:
    """None when the server answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_BASE.replace("postgresql://", "postgresql://", 1) + "/postgres",
                             connect_timeout=3):
            return None
    except Exception as err:  # any failure to connect means: skip the PostgreSQL variant
        return f"PostgreSQL not reachable at {PG_BASE} ({type(err).__name__})"


@pytest.fixture(scope="session")
def pg_server() -> str:
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    return PG_BASE


def pg_database(base: str):
    """Create a throw-away database; returns (url, drop function)."""
    from sitrep.store.db import scratch_database

    return scratch_database(base, prefix="sitrep_test")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A fresh, empty store URL on each backend, removed after the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    url, drop = pg_database(request.getfixturevalue("pg_server"))
    yield url
    drop()


