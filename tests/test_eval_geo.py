"""The LGL and GeoVirus scorers: matching, the two Acc@161 variants, gold smoke runs."""
from __future__ import annotations

import dataclasses

import pytest

from sitrep.eval import geo
from sitrep.model import Place

ALEPPO = (36.20, 37.16)
DAMASCUS = (33.51, 36.29)


def _gold(start, end, point=ALEPPO):
    return geo.GoldToponym(start, end, "x" * (end - start), *point)


def _pred(start, end, point=ALEPPO):
    lat, lon = point if point else (None, None)
    return Place(text="x" * (end - start), start=start, end=end, name="X" if point else None,
                 lat=lat, lon=lon)


@pytest.mark.parametrize("gold, preds, matched, correct", [
    ([_gold(0, 6)], [_pred(0, 6)], 1, 1),                    # exact span, right place
    ([_gold(0, 14)], [_pred(8, 14)], 1, 1),                  # overlap is enough
    ([_gold(0, 6)], [_pred(0, 6, DAMASCUS)], 1, 0),          # ~300 km away: wrong
    ([_gold(0, 6)], [_pred(0, 6, None)], 1, 0),              # matched but unresolved
    ([_gold(0, 6), _gold(10, 16)], [_pred(0, 16)], 1, 1),    # one prediction, one toponym
    ([_gold(0, 6)], [_pred(7, 9)], 0, 0),                    # no overlap
])
def test_eval_geo_match_is_one_to_one_overlap(gold, preds, matched, correct):
    found = geo._match("d", gold, preds)
    assert sum(o.pred is not None for o in found) == matched
    assert sum(o.correct for o in found) == correct


@pytest.mark.parametrize("outcomes, acc161, acc161_matched", [
    # one right, one wrong, one missed: strict 1/3, over matched-and-resolved 1/2
    ([(ALEPPO, ALEPPO), (ALEPPO, DAMASCUS), (ALEPPO, "missed")], 0.3333, 0.5),
])
def test_eval_geo_summarise_reports_both_acc161_variants(outcomes, acc161, acc161_matched):
    found = []
    for i, (gold_point, pred_point) in enumerate(outcomes):
        gold = _gold(10 * i, 10 * i + 5, gold_point)
        preds = [] if pred_point == "missed" else [_pred(10 * i, 10 * i + 5, pred_point)]
        found.extend(geo._match("d", [gold], preds))
    metrics = geo.summarise(found, n_pred=2)
    assert metrics["acc161"] == acc161 and metrics["acc161_matched"] == acc161_matched
    assert metrics["recall"] == pytest.approx(2 / 3, abs=1e-3) and metrics["precision"] == 1.0


def test_eval_geo_splits_matched_accuracy_into_areas_and_points():
    # A country resolved 300 km from the gold's point counts against areas, not towns.
    country = dataclasses.replace(_pred(0, 5, DAMASCUS), feature="country")
    town = dataclasses.replace(_pred(10, 15), feature="city")
    found = geo._match("d", [_gold(0, 5), _gold(10, 15)], [country, town])
    metrics = geo.summarise(found, n_pred=2)
    assert metrics["acc161_matched"] == 0.5
    assert (metrics["acc161_matched_areas"], metrics["n_areas"]) == (0.0, 1)
    assert (metrics["acc161_matched_points"], metrics["n_points"]) == (1.0, 1)


@pytest.mark.gold
@pytest.mark.parametrize("reader, path", [(geo.read_lgl, geo.LGL_PATH),
                                          (geo.read_geovirus, geo.GEOVIRUS_PATH)])
def test_eval_geo_readers_give_spans_that_match_the_text(gold_dir, reader, path):
    article, gold = next(iter(reader(gold_dir / path)))
    assert gold and all(article.text[g.start:g.end] == g.text and g.text.strip() for g in gold)


@pytest.mark.gold
@pytest.mark.parametrize("name", ["lgl", "geovirus"])
def test_eval_geo_scorer_runs_on_a_few_gold_articles(gold_dir, name):
    from sitrep.eval import run

    metrics = run(name, gold_dir, limit=3)
    for key in ("precision", "recall", "f1", "acc161", "acc161_matched", "mean_error_km"):
        assert 0.0 <= metrics[key] <= (1.0 if key != "mean_error_km" else 20_100.0)
    assert metrics["n"] > 0 and metrics["n_docs"] == 3 and len(metrics["fingerprint"]) == 16
    assert metrics["acc161"] <= metrics["acc161_matched"]
