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


def _flagged(keys_articles: list[tuple[str, str]]):
    """Stories flagging one dead-toll contradiction per (article a, article b) pair."""
    from sitrep.link.model import Contradiction, SlotValue, Story

    return [Story(id=f"s{n}", contradictions=[Contradiction(
        slot="dead", about="casualties", values=[SlotValue("3", [a]), SlotValue("5", [b])])])
        for n, (a, b) in enumerate(keys_articles)]


def _judged_file(tmp_path, verdicts: dict[str, str]) -> Path:
    path = tmp_path / "judged.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["key", "story", "slot", "articles_a", "articles_b", "verdict", "reason"])
        for key, verdict in verdicts.items():
            w.writerow([key, "s", "dead", "a", "b", verdict, "test"])
    return path


@pytest.mark.parametrize("judged,precision,unjudged,stale", [
    ({"dead|casualties|a1;b1": "yes", "dead|casualties|a2;b2": "no"}, 0.5, 0, 0),
    ({"dead|casualties|a1;b1": "yes", "dead|casualties|old;gone": "yes"}, 0.5, 1, 1),
])
def test_eval_stories_judged_sample_needs_a_verdict_each(tmp_path, judged, precision, unjudged, stale):
    """A sampled contradiction without a verdict counts as wrong and is reported, so the gate fails."""
    found = _flagged([("a1", "b1"), ("a2", "b2")])
    out = scorers.score_contradictions_judged(path=_judged_file(tmp_path, judged), found=found)
    assert (out["precision"], out["unjudged"], out["stale_rows"], out["n"]) == (precision, unjudged, stale, 2)
