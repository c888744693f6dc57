"""Speed floors: the layers' cost relative to the spaCy pipeline, measured in the same run.

Absolute speed depends on the machine and its load; the ratio of the full
pipeline's time to the parser's time on the same texts does not, much. The
floors in ``bench/perf_floors.json`` carry generous margins for shared CI.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "bench" / "perf_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured() -> dict:
    """One fresh process running bench/bench_pipeline.py (best of three interleaved runs of
    spaCy alone and of the full pipeline on the same synthetic texts): its ratio and its own
    peak resident memory, untouched by whatever else the test session has loaded."""
    spec = FLOORS["corpus"]
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_pipeline.py"), "--corpus", "synthetic",
         "--limit", str(spec["articles"]), "--words", str(spec["words"]), "--repeat", "3",
         "--batch-size", str(spec["batch_size"]), "--json"],
        capture_output=True, text=True, timeout=600, check=True)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"ratio": out["ratio_full_over_spacy"], "rss_mb": out["peak_rss_mb"]}


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
