"""The PolNeAR quote scorer: reading brat standoff, matching, metrics."""
from __future__ import annotations

import pytest

from sitrep.eval import quotes as evq
from sitrep.model import Span
from sitrep.model.quote import Quote, Speaker

ANN = (
    "T1\tSource 0 5\tAlice\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20;25 30\tsome text more.\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tCue 40 44\tsays\n"
    "T6\tContent 45 50\tthing\n"
    "E2\tAttribution-no-source:T5 Cue:T5 Content:T6\n"
    "E3\tAttribution-no-source:T5\n"
)


@pytest.mark.parametrize("ann", [ANN])
def test_eval_quotes_read_ann_discontinuous_and_no_source(tmp_path, ann):
    path = tmp_path / "doc_ab12.ann"
    path.write_text(ann, encoding="utf-8")
    gold = evq.read_ann(path)
    assert len(gold) == 2  # the event with no content is skipped
    assert gold[0].content == [(11, 20), (25, 30)] and gold[0].source == [(0, 5)]
    assert gold[1].source == [] and gold[1].cue == [(40, 44)]


@pytest.mark.parametrize("gold,pred,share", [
    ([(0, 11)], [(0, 5)], 0.5),  # "hello there" -> "hello" covers 1 of 2 tokens
    ([(0, 5), (6, 11)], [(6, 11)], 0.5),
    ([(0, 11)], [(20, 30)], 0.0),
])
def test_eval_quotes_covered_share_counts_gold_tokens(gold, pred, share):
    assert evq.covered_share("hello there, friend of mine", gold, pred) == share


def _quote(text, content, cue, speaker=None) -> Quote:
    def span(r):
        return Span(text=text[r[0]:r[1]], start=r[0], end=r[1])
    sp = Speaker(text=text[speaker[0]:speaker[1]], start=speaker[0], end=speaker[1]) \
        if speaker else None
    return Quote(content=span(content), direct=True, cue=span(cue) if cue else None, speaker=sp)


@pytest.mark.parametrize("text", ['"One two," Al said, "three four."'])
def test_eval_quotes_group_by_cue_merges_split_quote(text):
    quotes = [_quote(text, (0, 10), (14, 18), (11, 13)), _quote(text, (20, 33), (14, 18), (11, 13))]
    groups = evq.group_by_cue(quotes)
    assert len(groups) == 1 and groups[0].content == [(0, 10), (20, 33)]


@pytest.mark.parametrize("text", ["aa bb cc dd ee ff gg hh"])
def test_eval_quotes_match_is_one_to_one(text):
    gold = [evq.GoldAttribution(content=[(0, 8)]), evq.GoldAttribution(content=[(0, 5)])]
    pred = [evq.PredictedAttribution(content=[(0, 8)], cue=[], speaker=[], chain=[])]
    assert evq.match(text, gold, pred) == [(0, 0)]


@pytest.mark.parametrize("limit", [3])
def test_eval_quotes_polnear_smoke(gold_dir, limit):
    if not (gold_dir / "quotes" / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR gold not present under the gold folder")
    scores = evq.score_polnear(gold_dir, limit=limit)
    assert scores["n"] == limit and scores["n_gold"] > 0 and scores["fingerprint"]
    for key in ("content_precision", "content_recall", "content_f1", "speaker_accuracy",
                "speaker_accuracy_chain", "cue_accuracy"):
        assert 0.0 <= scores[key] <= 1.0
    assert scores["content_f1"] > 0.3
