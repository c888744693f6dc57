"""Speed floors: the layers' cost relative to the spaCy pipeline, measured in the same run.

Absolute speed depends on the machine and its load; the ratio of the full
pipeline's time to the parser's time on the same texts does not, much. The
floors in ``bench/perf_floors.json`` carry generous margins for shared CI.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "bench" / "perf_floors.json").read_text(encoding="utf-8"))
sys.path.insert(0, str(ROOT / "bench"))
from corpus import synthetic_records  # noqa: E402

import sitrep  # noqa: E402


def _best_times(nlp, records: list[dict], batch_size: int, repeat: int = 3) -> tuple[float, float]:
    """Best of ``repeat`` interleaved runs of spaCy alone and of the full pipeline."""
    texts = [r["text"] for r in records]
    settings = sitrep.Settings(batch_size=batch_size)
    spacy_t = full_t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        spacy_t = min(spacy_t, time.perf_counter() - t0)
        t0 = time.perf_counter()
        results = list(sitrep.process_batch(records, settings=settings))
        full_t = min(full_t, time.perf_counter() - t0)
        assert all(r.ok for r in results)
    return spacy_t, full_t


@pytest.fixture(scope="module")
def measured(nlp) -> dict:
    spec = FLOORS["corpus"]
    records = synthetic_records(spec["articles"], spec["words"])
    list(sitrep.process_batch(records[:2]))  # warm the layers' caches outside the timing
    spacy_t, full_t = _best_times(nlp, records, spec["batch_size"])
    return {"ratio": full_t / spacy_t, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


@pytest.mark.slow
@pytest.mark.parametrize("floor", [FLOORS["max_ratio_full_over_spacy"]])
def test_perf_floors_full_pipeline_close_to_parser(measured, floor):
    assert measured["ratio"] <= floor, (
        f"the layers take {measured['ratio']:.2f}x the spaCy pipeline's time (floor {floor}x); "
        "profile with bench/bench_pipeline.py")


@pytest.mark.slow
@pytest.mark.parametrize("floor", [FLOORS["max_peak_rss_mb"]])
def test_perf_floors_resident_memory_per_process(measured, floor):
    assert measured["rss_mb"] <= floor, f"peak RSS {measured['rss_mb']:.0f} MB exceeds {floor} MB"


@pytest.mark.parametrize("key", ["max_ratio_full_over_spacy", "max_peak_rss_mb"])
def test_perf_floors_file_names_each_floor(key):
    assert isinstance(FLOORS[key], (int, float)) and FLOORS[key] > 0
