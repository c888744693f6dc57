"""``sitrep schema``: print the JSON Schema of the analysis output."""
from __future__ import annotations

import argparse
import json

from sitrep.cli import EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the analysis output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sitrep.model.schema import document_schema

    print(json.dumps(document_schema(), indent=2))
    return EXIT_OK
