"""The quality gate: every gold set's metrics against pinned floors.

``bench/eval_floors.json`` holds, per gold set, the fingerprint of the gold
files it was measured on, ``floors`` (metrics that must stay at or above) and
``ceilings`` (metrics that must stay at or below, such as invented-event
rates). A changed fingerprint fails the gate until someone re-baselines on
purpose; ``--update`` only ever raises floors (and lowers ceilings) unless
``--allow-lower`` is given.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from sitrep import eval as scorers

EPS = 1e-9


def default_floors_path() -> Path:
    return Path(__file__).resolve().parents[3] / "bench" / "eval_floors.json"


def load_floors(path: Path | None = None) -> dict:
    return json.loads((path or default_floors_path()).read_text("utf-8"))


def check(name: str, entry: dict, measured: dict) -> list[str]:
    """Human-readable failures of one gold set's measured metrics against its entry."""
    failures = []
    if entry.get("fingerprint") and measured.get("fingerprint") != entry["fingerprint"]:
        failures.append(f"{name}: gold data changed (fingerprint {measured.get('fingerprint')} != "
                        f"{entry['fingerprint']}); re-baseline with `sitrep eval gate --update --allow-lower`")
    for metric, floor in entry.get("floors", {}).items():
        value = measured.get(metric)
        if value is None or value < floor - EPS:
            failures.append(f"{name}: {metric} = {value} fell below its floor {floor}")
    for metric, ceiling in entry.get("ceilings", {}).items():
        value = measured.get(metric)
        if value is None or value > ceiling + EPS:
            failures.append(f"{name}: {metric} = {value} rose above its ceiling {ceiling}")
    return failures


def updated(entry: dict, measured: dict, *, allow_lower: bool) -> dict:
    """The entry with floors raised (ceilings lowered) to what was measured."""
    new = dict(entry)
    new["fingerprint"] = measured.get("fingerprint", entry.get("fingerprint"))
    new["floors"] = {m: _down(measured[m]) if allow_lower else max(f, _down(measured[m]))
                     for m, f in entry.get("floors", {}).items() if m in measured}
    new["ceilings"] = {m: _up(measured[m]) if allow_lower else min(c, _up(measured[m]))
                       for m, c in entry.get("ceilings", {}).items() if m in measured}
    return new


def _down(value: float) -> float:
    """Four decimals, rounded toward failing later rather than now (floors)."""
    return math.floor(value * 10_000 + 1e-6) / 10_000


def _up(value: float) -> float:
    return math.ceil(value * 10_000 - 1e-6) / 10_000


def run_gate(*, floors_path: Path | None = None, gold_dir: Path | None = None,
             only: list[str] | None = None, update: bool = False, allow_lower: bool = False) -> bool:
    path = floors_path or default_floors_path()
    floors = load_floors(path)
    gold = gold_dir or scorers.default_gold_dir()
    if not gold.is_dir():
        print(f"gate: gold data not found at {gold}; nothing checked", file=sys.stderr)
        return True
    ok = True
    for name, entry in floors.items():
        if only and name not in only:
            continue
        measured = scorers.run(name, gold, limit=entry.get("limit"))
        failures = check(name, entry, measured)
        shown = {k: v for k, v in measured.items() if k in entry.get("floors", {}) or k in entry.get("ceilings", {})}
        print(f"{name}: {json.dumps(shown)}" + ("" if failures else "  ok"))
        for line in failures:
            print(f"  FAIL {line}")
        if update:
            floors[name] = updated(entry, measured, allow_lower=allow_lower)
        ok = ok and not failures
    if update:
        path.write_text(json.dumps(floors, indent=2) + "\n", "utf-8")
    return ok
