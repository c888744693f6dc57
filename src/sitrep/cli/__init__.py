"""Thin commands over library functions. Each command group is a module with
``register(subparsers)``; library errors become one line on stderr and an exit code:
0 all succeeded, 1 some inputs failed, 2 usage errors.
"""
from __future__ import annotations

import argparse
import sys

from sitrep import __version__
from sitrep.errors import SitrepError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

#: Modules providing commands, in the order they appear in ``sitrep --help``.
COMMAND_MODULES = ("sitrep.cli.analyze", "sitrep.cli.evaluate", "sitrep.cli.schema", "sitrep.cli.corpus",
                   "sitrep.cli.stories", "sitrep.cli.serve", "sitrep.cli.spark")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="sitrep", description="News articles in, a verifiable record of what happened out.")
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as err:
        if args.debug:
            raise
        print(f"sitrep: usage error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except SitrepError as err:
        if args.debug:
            raise
        print(f"sitrep: error: {err}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def report_error(message: str) -> None:
    """One line per failed input, on stderr."""
    print(f"sitrep: error: {message}", file=sys.stderr)
