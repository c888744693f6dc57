"""Scorer smoke tests (skip without gold) and the hand-judged precision file."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sitrep.eval import stories as scorers

JUDGED = Path(__file__).resolve().parents[1] / "bench" / "contradictions_judged.csv"


@pytest.mark.parametrize("limit", [2])
def test_eval_stories_ecbplus_smoke(gold_dir, limit):
    out = scorers.score_ecbplus(gold_dir, limit=limit)
    assert 0.5 <= out["doc_b3_f1"] <= 1.0
    assert 0.3 <= out["mention_conll_f1"] <= 1.0
    assert out["n"] > 0 and out["fingerprint"]


@pytest.mark.parametrize("limit", [5])
def test_eval_stories_ptc_smoke(gold_dir, limit):
    out = scorers.score_ptc(gold_dir, limit=limit)
    assert out["n"] == limit and out["gold"] > 0
    assert 0.0 <= out["precision"] <= 1.0


@pytest.mark.parametrize("rows,precision", [([("yes",), ("no",), ("yes",), ("yes",)], 0.75)])
def test_eval_stories_judged_precision_recomputed(tmp_path, rows, precision):
    path = tmp_path / "judged.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["key", "story", "slot", "articles_a", "articles_b", "verdict", "reason"])
        for n, (verdict,) in enumerate(rows):
            w.writerow([f"k{n}", "s1", "dead", "a", "b", verdict, "test"])
    assert scorers.score_contradictions_judged(path=path)["precision"] == precision


@pytest.mark.parametrize("column", ["key", "slot", "articles_a", "articles_b", "verdict", "reason"])
def test_eval_stories_judged_file_has_columns_and_verdicts(column):
    if not JUDGED.exists():
        pytest.skip("bench/contradictions_judged.csv not written yet")
    with JUDGED.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r[column] for r in rows)
    assert {r["verdict"] for r in rows} <= {"yes", "no"}


def _ecb_like(topic: int, sub: str, n: int, who: str, what: str) -> dict:
    """A document shaped like an ECB+ record (tokenised sentences, topic and subtopic)."""
    words = f"{who} {what} in Porthaven on Friday , police said , and {who} was charged .".split()
    return {"doc": f"{topic}_{n}{sub}", "topic": topic, "subtopic": sub, "sentences": [words], "mentions": []}


@pytest.mark.parametrize("folds", [2, 3])
def test_eval_stories_cv_threshold_is_held_out_and_repeatable(folds):
    events = ["stole a bus", "robbed a bank", "set fire to a barn", "crashed a plane"]
    docs = [_ecb_like(t, sub, n, who, events[t])
            for t in range(4) for sub, who in (("ecb", "Arlo Vance"), ("ecbplus", "Bea Tollis"))
            for n in range(3)]
    first = scorers.cv_threshold(docs, folds=folds)
    assert first == scorers.cv_threshold(docs, folds=folds)
    assert 0.0 <= first["doc_b3_f1_cv"] <= 1.0
    assert min(scorers.CV_THRESHOLDS) <= first["cv_threshold_mean"] <= max(scorers.CV_THRESHOLDS)
