"""``sitrep analyze``: read articles, print every layer as JSON, JSONL or text."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.cli import EXIT_OK, EXIT_SOME_FAILED, report_error
from sitrep.export.text import render_text
from sitrep.ingest import formats, read_inputs
from sitrep.model import ErrorResult
from sitrep.pipeline import parse_published, process_batch
from sitrep.settings import DEFAULT_MAX_CHARS, Settings


def register(sub) -> None:
    p = sub.add_parser("analyze", help="analyse articles and print events, quotes, times, places",
                       description="Analyse news articles: PLOVER events, quotes with speakers, "
                                   "times, places, entities, framing cues, all with offsets.")
    p.add_argument("inputs", nargs="*", default=["-"], metavar="PATH",
                   help="a .txt/.html/.jsonl file, a directory, or - for standard input (default)")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for inputs that carry none (resolves 'on Tuesday')")
    p.add_argument("--input-format", choices=formats(), default="auto")
    p.add_argument("--format", choices=["json", "jsonl", "text"], default="json")
    p.add_argument("--actors", action="append", type=Path, default=[], metavar="FILE",
                   help="extra actor dictionary (CSV or YAML) that extends or overrides the shipped one")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="refuse texts longer than this many characters (default %(default)s)")
    p.add_argument("--prefilter", "--fast", action="store_true", dest="prefilter",
                   help="skip parsing sentences that hold no cue of any layer (faster; its recall "
                        "cost per gold set is in docs/benchmarks.md)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.published:
        try:
            parse_published(args.published)
        except ValueError:
            from sitrep.errors import UsageError
            raise UsageError(f"--published {args.published!r} is not a date (YYYY-MM-DD)") from None
    settings = Settings(actor_dictionaries=tuple(args.actors), max_chars=args.max_chars,
                        prefilter=args.prefilter, debug=args.debug)
    records = read_inputs(args.inputs, input_format=args.input_format, published=args.published)
    failed = total = 0
    collected = []
    for result in process_batch(records, settings=settings):
        total += 1
        if isinstance(result, ErrorResult):
            failed += 1
            report_error(result.error)
        if args.format == "jsonl":
            print(json.dumps(result.to_dict(), ensure_ascii=False), flush=True)
        elif args.format == "json":
            collected.append(result.to_dict())
        elif not isinstance(result, ErrorResult):
            sys.stdout.write(render_text(result) + "\n")
    if args.format == "json":
        json.dump(collected, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if total == 0:
        report_error("no input articles found")
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if failed else EXIT_OK
