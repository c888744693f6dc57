"""The NGEC actor-test scorer: reading cases, scoring them, and the gold smoke test."""
from __future__ import annotations

import json

import pytest

from sitrep.eval import get_scorer
from sitrep.eval.actors import GOLD_PATH, evaluate, main, read_cases, score_ngec_actors

#: Hand-written cases in NGEC's extracted format (not copied from the gold file).
CASES = [
    {"id": "t1", "function": "agent_to_code", "query": "Peruvian riot police", "context": None,
     "expected": [{"var": "code", "key": "country", "op": "==", "value": "PER"},
                  {"var": "code", "key": "code_1", "op": "==", "value": "COP"}]},
    {"id": "t2", "function": "agent_to_code", "query": "a sheriff", "context": None,
     "expected": [{"var": "code", "key": "country", "op": "==", "value": ""},
                  {"var": "code", "key": "code_1", "op": "==", "value": "COP"}]},
    {"id": "t3", "function": "agent_to_code", "query": "the junta", "context": "Malian",
     "expected": [{"var": "code", "key": "country", "op": "==", "value": "MLI"},
                  {"var": "code", "key": "code_1", "op": "==", "value": "GOV"}]},
    {"id": "t4", "function": "search_nat", "query": "a Finnish icebreaker", "context": None,
     "expected": [{"var": "cc", "key": None, "op": "==", "value": "FIN"}]},
    {"id": "t5", "function": "agent_to_code", "query": "Zorblax Quint", "context": None,
     "expected": [{"var": "code", "key": "country", "op": "==", "value": "XXX"},
                  {"var": "code", "key": "code_1", "op": "==", "value": "????"}]},
    {"id": "t6", "function": "query_wiki", "query": "Somewhere", "context": None,
     "expected": [{"var": "wiki", "key": "title", "op": "==", "value": "Somewhere"}]},
]


@pytest.fixture()
def tiny_gold(tmp_path):
    path = tmp_path / GOLD_PATH
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(json.dumps(c) for c in CASES) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("index,query,context,country,sectors", [
    (0, "Peruvian riot police", None, "PER", {"COP"}),
    (1, "a sheriff", None, "", {"COP"}),
    (2, "the junta", "Malian", "MLI", {"GOV"}),
    (3, "a Finnish icebreaker", None, "FIN", set()),
    (4, "Zorblax Quint", None, "XXX", set()),  # "????" is NGEC's "undecided"
])
def test_eval_actors_read_cases_keeps_country_and_sector_tests(tiny_gold, index, query, context,
                                                                country, sectors):
    case = read_cases(tiny_gold / GOLD_PATH)[index]
    assert (case.query, case.context, case.country, set(case.sectors)) == (
        query, context, country, sectors)


@pytest.mark.parametrize("metric,value", [
    ("country_accuracy", 3 / 4),   # t1, t3, t4 right; t5 unknown person wrong
    ("sector_accuracy", 1.0),      # t1, t2, t3
    ("no_country_accuracy", 1.0),  # t2: no country invented
    ("n", 5),                      # the wiki-only case is not scored
])
def test_eval_actors_score_on_hand_written_cases(tiny_gold, metric, value):
    assert score_ngec_actors(tiny_gold)[metric] == pytest.approx(value)


@pytest.mark.parametrize("limit,n", [(2, 2), (None, 5)])
def test_eval_actors_limit_caps_the_cases(tiny_gold, limit, n):
    outcomes, fp = evaluate(tiny_gold, limit=limit)
    assert len(outcomes) == n and len(fp) == 16


@pytest.mark.parametrize("needle", ["Zorblax Quint", "country_accuracy"])
def test_eval_actors_main_lists_failures(tiny_gold, capsys, needle):
    assert main(["--gold", str(tiny_gold)]) == 0
    assert needle in capsys.readouterr().out


@pytest.mark.parametrize("metric,floor", [("country_accuracy", 0.80), ("sector_accuracy", 0.78)])
def test_eval_actors_gold_smoke(gold_dir, metric, floor):
    result = get_scorer("ngec_actors")(gold_dir)
    assert result["n"] > 100 and result["fingerprint"]
    assert result[metric] >= floor
