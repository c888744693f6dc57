"""``sitrep eval``: score a layer against gold data, or run the CI gate over all floors."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitrep.cli import EXIT_OK, EXIT_SOME_FAILED
from sitrep.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser("eval", help="score sitrep against development gold data",
                       description="Score one layer against a gold set (prints JSON metrics), "
                                   "or `sitrep eval gate` to check every pinned floor.")
    p.add_argument("name", help="gold set name, or 'gate', or 'list'")
    p.add_argument("--gold", type=Path, default=None, help="gold folder (default ../shared/gold or $SITREP_GOLD)")
    p.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    p.add_argument("--floors", type=Path, default=None, help="floors file for the gate (default bench/eval_floors.json)")
    p.add_argument("--only", action="extend", nargs="+", default=[], metavar="NAME",
                   help="with gate: only these gold sets (repeat, or list them: --only lgl,geovirus)")
    p.add_argument("--update", action="store_true",
                   help="with gate: raise floors to the measured values (never lowers them)")
    p.add_argument("--allow-lower", action="store_true",
                   help="with gate --update: also lower floors (say why in the commit message)")
    p.add_argument("--prefilter", action="store_true",
                   help="score with the sentence prefilter on (analyze --prefilter), "
                        "to measure its recall cost")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sitrep import eval as scorers

    if args.name == "list":
        for name in sorted(scorers.SCORERS):
            print(name)
        return EXIT_OK
    if args.name == "gate":
        from sitrep.eval import gate

        only = [name for item in args.only for name in item.split(",") if name]
        unknown = sorted(set(only) - set(scorers.SCORERS))
        if unknown:
            raise UsageError(f"--only: no gold set named {', '.join(unknown)} "
                             f"(see `sitrep eval list`)")
        ok = gate.run_gate(floors_path=args.floors, gold_dir=args.gold, only=only or None,
                           update=args.update, allow_lower=args.allow_lower)
        return EXIT_OK if ok else EXIT_SOME_FAILED
    try:
        result = scorers.run(args.name, args.gold, limit=args.limit, prefilter=args.prefilter)
    except KeyError as err:
        raise UsageError(str(err.args[0])) from None
    print(json.dumps(result, indent=2))
    return EXIT_OK

