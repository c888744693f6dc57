"""Benchmark corpora: FA-KES dev (real Syrian-war news from 15 outlets) and synthetic articles.

FA-KES is read in place from the gold folder; nothing from it is written into the repo.
"""
from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.eval import default_gold_dir

csv.field_size_limit(sys.maxsize)


def fakes_records(limit: int | None = None) -> list[dict]:
    """FA-KES dev articles as ``{"id", "text", "title", "source", "published"}`` records."""
    path = default_gold_dir() / "crosssource" / "fakes" / "fakes_dev.csv"
    if not path.exists():
        raise SystemExit(f"FA-KES not found at {path}; set SITREP_GOLD")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    records = [{"id": r["unit_id"], "text": r["article_content"], "title": r["article_title"],
                "source": r["source"]} for r in rows if r["article_content"].strip()]
    return records[:limit] if limit else records


_SUBJECTS = ["Government troops", "Rebel fighters", "The defence ministry", "Police", "Protesters",
             "The United Nations", "Russian jets", "The opposition coalition", "Local officials"]
_VERBS = ["attacked", "met", "accused", "rejected", "called on", "withdrew from", "shelled", "welcomed",
          "arrested", "negotiated with"]
_OBJECTS = ["the town of Kafr Nabl", "residents of Homs", "delegates in Geneva", "the northern district",
            "aid convoys near Idlib", "the ceasefire proposal", "militants in Deir ez-Zor"]
_TAILS = ["on Tuesday", "last week", "earlier this month", "on Monday morning", "for 48 hours", ""]


def synthetic_records(n: int, words: int = 600, seed: int = 7) -> list[dict]:
    """``n`` made-up articles of about ``words`` words, with events, quotes, times and places."""
    return list(iter_synthetic(n, words, seed))


def iter_synthetic(n: int, words: int = 600, seed: int = 7) -> Iterator[dict]:
    """The synthetic articles one at a time, so a corpus of any size never sits in memory."""
    rng = random.Random(seed)
    for i in range(n):
        sents, count = [], 0
        while count < words:
            s = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}".strip()
            if rng.random() < 0.2:
                s = f'"{s}," a spokesman said'
            sents.append(s + ".")
            count += len(s.split())
        yield {"id": f"syn-{i}", "text": " ".join(sents), "published": "2016-10-18", "source": "synthetic"}


def write_jsonl(records: Iterable[dict], path: Path) -> int:
    """Stream records to a JSONL file (one object a line); returns how many were written."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for n, record in enumerate(records, start=1):
            fh.write(json.dumps(record) + "\n")
    return n
