"""The NGEC synthetic silver scorer: sampling and metrics on hand-built stories (no gold needed)."""
from __future__ import annotations

import pytest

from sitrep.eval import silver
from sitrep.model import Event, Span


def _story(i: int, label: str, mode: str | None = None, headline: str = "A headline") -> silver.Story:
    return silver.Story(id=f"s{i}", headline=headline, text=f"Story {i} about {label}.",
                        label=label, mode=mode)


def _event(event: str, start: int, mode: str | None = None) -> Event:
    return Event(event=event, mode=mode, evidence=Span("x", start, start + 1),
                 trigger=Span("x", start, start + 1))


@pytest.mark.parametrize("per_type, limit, expected", [(2, None, 6), (2, 4, 4), (5, None, 9)])
def test_eval_silver_sample_is_stratified_and_interleaved(per_type, limit, expected):
    stories = [_story(i, label) for i, label in enumerate("AAAABBBCC")]
    sample = silver.stratified_sample(stories, per_type, limit=limit)
    assert len(sample) == expected
    head = [s.label for s in sample[:3]]
    assert sorted(head) == ["A", "B", "C"]  # one of each type before any type repeats
    assert sample == silver.stratified_sample(stories, per_type, limit=limit)  # fixed


@pytest.mark.parametrize("events, headline_end, expected", [
    ([_event("ACCUSE", 40), _event("ASSAULT", 5)], 20, "ASSAULT"),  # first in the headline
    ([_event("ACCUSE", 60), _event("PROTEST", 40)], 20, "PROTEST"),  # else the story's first
    ([], 20, None),
])
def test_eval_silver_headline_event(events, headline_end, expected):
    found = silver.headline_event(events, headline_end)
    assert (found.event if found else None) == expected


@pytest.mark.parametrize("value, expected", [("PRIMATIVE", "primitive"), ("", None),
                                             (" DEMO ", "demo")])
def test_eval_silver_mode_spelling(value, expected):
    assert silver._mode(value) == expected


def test_eval_silver_metrics_on_a_tiny_sample():
    stories = [_story(0, "ASSAULT", "aerial"), _story(1, "PROTEST", "demo"),
               _story(2, "PROTEST"), _story(3, "AID")]
    predicted = [[_event("ASSAULT", 0, "aerial")], [_event("COERCE", 0, "arrest"),
                                                     _event("PROTEST", 30, "riot")],
                 [_event("PROTEST", 0)], []]
    heads = [evs[0] if evs else None for evs in predicted]
    out = silver.score_predictions(stories, predicted, heads)
    assert out["headline_type_accuracy"] == 0.5
    assert out["story_recall"] == 0.75
    assert out["no_event_rate"] == 0.25
    assert out["mode_accuracy"] == 1.0 and out["mode_n"] == 1.0  # only story 0 has both
    # F1: ASSAULT 1, PROTEST 2/3 (1 hit, 1 missed), AID 0 -> mean 0.5556
    assert out["macro_f1"] == pytest.approx(0.5556, abs=1e-4)
    assert out["confusion_PROTEST_COERCE"] == 1.0 and out["confusion_AID_NONE"] == 1.0
    assert out["n"] == 4


@pytest.mark.parametrize("limit", [16])
def test_eval_silver_smoke_on_gold(gold_dir, limit):
    if not (gold_dir / silver.SILVER).exists():
        pytest.skip(f"silver stories not found at {gold_dir / silver.SILVER}")
    out = silver.score_ngec_silver(gold_dir, limit=limit)
    assert out["n"] == limit and len(out["fingerprint"]) == 16
    assert 0.0 <= out["headline_type_accuracy"] <= 1.0
