"""Coreference metrics on textbook examples (Vilain et al. 1995; Luo 2005)."""
from __future__ import annotations

import pytest

from sitrep.link.metrics import b_cubed, ceaf_e, conll, muc

KEY = [{"A", "B", "C", "D"}]
SPLIT = [{"A", "B"}, {"C", "D"}]


@pytest.mark.parametrize("metric,key,response,p,r", [
    (muc, KEY, SPLIT, 1.0, 2 / 3),
    (b_cubed, KEY, SPLIT, 1.0, 0.5),
    (ceaf_e, KEY, SPLIT, (2 / 3) / 2, 2 / 3),
    (muc, SPLIT, KEY, 2 / 3, 1.0),
    (b_cubed, [{"a", "b"}, {"c"}], [{"a"}, {"b", "c"}], 2 / 3, 2 / 3),
])
def test_link_metrics_textbook_values(metric, key, response, p, r):
    s = metric(key, response)
    assert s["precision"] == pytest.approx(p)
    assert s["recall"] == pytest.approx(r)


@pytest.mark.parametrize("clusters", [[{"a", "b", "c"}, {"d"}, {"e", "f"}]])
def test_link_metrics_perfect_response_scores_one(clusters):
    assert conll(clusters, clusters)["conll_f1"] == pytest.approx(1.0)


@pytest.mark.parametrize("key,response", [([{"a", "b"}, {"c", "d"}], [{"a", "c"}, {"b", "d"}])])
def test_link_metrics_wrong_links_score_below_one(key, response):
    assert conll(key, response)["conll_f1"] < 0.6


@pytest.mark.parametrize("triples,expected", [
    ([("m1", "s1", "attack"), ("m2", "s1", "attack"), ("m3", "s2", "attack")], [{"m1", "m2"}, {"m3"}]),
    ([("m1", "s1", "say"), ("m2", "s1", "say")], [{"m1"}, {"m2"}]),
])
def test_link_mentions_same_lemma_within_story(triples, expected):
    from sitrep.link.mentions import cluster_mentions

    assert sorted(map(sorted, cluster_mentions(triples))) == sorted(map(sorted, expected))
