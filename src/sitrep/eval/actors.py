"""Scorer for actor resolution: NGEC's actor test cases (name or phrase -> country, sector).

Gold: ``events/ngec_actor_tests/ngec_actor_tests_extracted.jsonl``, one NGEC unit
test per line with its query, an optional context country and expectations.
Only the country and sector expectations are scored (the Wikipedia titles are not:
sitrep resolves offline).

Metrics:

- ``country_accuracy``: share of cases with a non-empty gold country (ISO3 or
  UNO/IGO/...) whose resolved code equals it.
- ``sector_accuracy``: share of cases with a gold primary sector (NGEC ``code_1``)
  whose resolved sector equals it (any of them when a case lists several).
- ``no_country_accuracy``: share of cases whose gold country is empty (a bare
  "soldier", "president") where no country was invented.
- ``n``: cases scored (with a country or a sector expectation); ``fingerprint``.

Run ``python -m sitrep.eval.actors [--limit N]`` to print the metrics and failures.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from sitrep.eval import default_gold_dir, fingerprint
from sitrep.extract.actors import ActorCode, default_resolver
from sitrep.settings import Settings

GOLD_PATH = Path("events/ngec_actor_tests/ngec_actor_tests_extracted.jsonl")

#: NGEC placeholders that mean "the test did not decide a sector".
UNDECIDED = frozenset({"", "????"})


@dataclass(frozen=True, slots=True)
class Case:
    """One scored test: the query, its context and what NGEC expects."""

    id: str
    query: str
    context: str | None
    country: str | None  # "" = expects no country; None = not tested
    sectors: frozenset[str]  # empty = not tested


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    pred: ActorCode | None

    @property
    def code(self) -> str | None:
        return self.pred.code if self.pred else None

    @property
    def sector(self) -> str | None:
        return self.pred.sector if self.pred else None

    @property
    def country_ok(self) -> bool | None:
        if self.case.country is None:
            return None
        return (self.code or "") == self.case.country

    @property
    def sector_ok(self) -> bool | None:
        return (self.sector in self.case.sectors) if self.case.sectors else None


def _expected(expectations: list[dict], var: str, key: str | None) -> list[str]:
    return [e["value"] for e in expectations
            if e["var"] == var and e["key"] == key and e["op"] == "=="]


def read_cases(path: Path) -> list[Case]:
    """Cases with a country or sector expectation, in file order."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        exp = row["expected"]
        countries = _expected(exp, "code", "country") + _expected(exp, "cc", None)
        sectors = frozenset(_expected(exp, "code", "code_1")) - UNDECIDED
        if not countries and not sectors:
            continue
        cases.append(Case(row["id"], row["query"], (row.get("context") or "").strip() or None,
                          countries[0] if countries else None, sectors))
    return cases


def evaluate(gold_dir: Path, *, limit: int | None = None,
             settings: Settings | None = None) -> tuple[list[Outcome], str]:
    """Resolve every case; returns the outcomes and the gold fingerprint."""
    settings = settings or Settings()
    path = Path(gold_dir) / GOLD_PATH
    resolver = default_resolver(tuple(settings.actor_dictionaries))
    cases = read_cases(path)[:limit] if limit else read_cases(path)
    outcomes = [Outcome(c, resolver.resolve_text(c.query, context_country=c.context))
                for c in cases]
    return outcomes, fingerprint(path)


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def score_ngec_actors(gold_dir: Path, *, limit: int | None = None,
                      settings: Settings | None = None) -> dict:
    outcomes, fp = evaluate(gold_dir, limit=limit, settings=settings)
    with_country = [o.country_ok for o in outcomes if o.case.country]
    without_country = [o.country_ok for o in outcomes if o.case.country == ""]
    with_sector = [o.sector_ok for o in outcomes if o.case.sectors]
    return {"country_accuracy": _share(with_country), "sector_accuracy": _share(with_sector),
            "no_country_accuracy": _share(without_country),
            "n_country": float(len(with_country)), "n_sector": float(len(with_sector)),
            "n": len(outcomes), "fingerprint": fp}


def _failure_line(o: Outcome) -> str:
    want = f"{o.case.country or '-'}/{'|'.join(sorted(o.case.sectors)) or '-'}"
    got = f"{o.code or '-'}/{o.sector or '-'}"
    ctx = f" @{o.case.context}" if o.case.context else ""
    why = o.pred.resolution if o.pred else "no match"
    return f"{o.case.id:<28} {o.case.query!r}{ctx}: want {want}, got {got} ({why})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score actor resolution on NGEC's actor tests.")
    parser.add_argument("--gold", type=Path, default=None, help="gold folder (default: shared)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N cases")
    args = parser.parse_args(argv)
    gold = args.gold or default_gold_dir()
    outcomes, _ = evaluate(gold, limit=args.limit)
    for o in outcomes:
        if o.country_ok is False or o.sector_ok is False:
            print(_failure_line(o))
    print(json.dumps(score_ngec_actors(gold, limit=args.limit), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
