"""The quality gate inside the test suite: every gold set scored in full against its pinned floors.

Floors live in bench/eval_floors.json with the fingerprint of the gold data they were measured on;
`sitrep eval gate --update` raises them (never lowers them without --allow-lower).
"""
from __future__ import annotations

import json

import pytest

from sitrep import eval as scorers
from sitrep.eval import gate

FLOORS = gate.load_floors()


@pytest.mark.gold
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_eval_gate_floor_holds(gold_dir, name):
    entry = FLOORS[name]
    measured = scorers.run(name, gold_dir, limit=entry.get("limit"))
    failures = gate.check(name, entry, measured)
    assert not failures, "\n".join(failures) + "\nmeasured: " + json.dumps(measured)


@pytest.mark.parametrize("measured,ok", [
    ({"fingerprint": "abc", "f1": 0.80, "rate": 0.10}, True),
    ({"fingerprint": "abc", "f1": 0.79, "rate": 0.10}, False),
    ({"fingerprint": "abc", "f1": 0.85, "rate": 0.20}, False),
    ({"fingerprint": "xyz", "f1": 0.85, "rate": 0.10}, False),
])
def test_eval_gate_check_floors_ceilings_and_fingerprint(measured, ok):
    entry = {"fingerprint": "abc", "floors": {"f1": 0.80}, "ceilings": {"rate": 0.15}}
    assert (gate.check("x", entry, measured) == []) is ok


def test_eval_gate_update_never_lowers_without_permission():
    entry = {"fingerprint": "abc", "floors": {"f1": 0.80}, "ceilings": {"rate": 0.15}}
    worse = {"fingerprint": "abc", "f1": 0.70, "rate": 0.30}
    better = {"fingerprint": "abc", "f1": 0.90, "rate": 0.05}
    assert gate.updated(entry, worse, allow_lower=False)["floors"] == {"f1": 0.80}
    assert gate.updated(entry, worse, allow_lower=False)["ceilings"] == {"rate": 0.15}
    assert gate.updated(entry, better, allow_lower=False)["floors"] == {"f1": 0.90}
    assert gate.updated(entry, worse, allow_lower=True)["floors"] == {"f1": 0.70}


def test_eval_gate_every_floor_names_a_known_scorer():
    assert set(FLOORS) <= set(scorers.SCORERS)


@pytest.mark.parametrize("value,floor,ceiling", [(0.851851, 0.8518, 0.8519), (0.75, 0.75, 0.75), (0.1192, 0.1192, 0.1192)])
def test_eval_gate_update_rounds_toward_passing(value, floor, ceiling):
    entry = {"floors": {"m": 0}, "ceilings": {"m": 1}}
    new = gate.updated(entry, {"m": value}, allow_lower=False)
    assert new["floors"]["m"] == floor and new["ceilings"]["m"] == ceiling
    assert gate.check("x", new, {"m": value}) == []


@pytest.mark.parametrize("only", [["--only", "lgl,nosuch"], ["--only", "nosuch"], ["--only", "lgl", "nosuch"]])
def test_eval_gate_only_names_unknown_sets_instead_of_running_nothing(capsys, only):
    from sitrep.cli import main

    assert main(["eval", "gate", *only]) == 2
    assert "no gold set named nosuch" in capsys.readouterr().err
