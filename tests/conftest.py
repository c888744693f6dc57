"""Fixtures shared by the whole suite (defined once, here)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "aleppo-humanitarian-pause.txt"
SEED_PUBLISHED = "2016-10-18"


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
