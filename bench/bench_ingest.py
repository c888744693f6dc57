"""Benchmark: ingest FA-KES (775 articles) into SQLite and PostgreSQL with 1 and 2 workers.

Each case runs ``sitrep ingest`` as a user would (a fresh process, a fresh
store), then runs it again to check that the second run adds nothing.
Prints one JSON line per case and a Markdown table at the end.

    .venv/bin/python bench/bench_ingest.py                    # all four cases
    .venv/bin/python bench/bench_ingest.py --limit 100 --backends sqlite --workers 1
    .venv/bin/python bench/bench_ingest.py --replay sqlite:///fakes.db   # store writes alone

``--replay`` copies the documents of an existing store into fresh stores on
each backend (no analysis): the store's own share of ingest time.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sitrep.eval import default_gold_dir

FAKES = Path("crosssource") / "fakes" / "fakes_dev.csv"
PG_BASE = "postgresql://postgres@127.0.0.1:5432"
_SUMMARY = re.compile(r"ingested (\d+) \(near-duplicates (\d+)\), duplicates (\d+), failed (\d+), of (\d+)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--pg", default=PG_BASE, help="PostgreSQL server URL without a database")
    parser.add_argument("--replay", metavar="DB", help="time store writes alone, replaying this store")
    args = parser.parse_args()
    if args.replay:
        with tempfile.TemporaryDirectory() as tmp:
            for backend in args.backends:
                print(json.dumps(bench_replay(args.replay, backend, Path(tmp), args.pg)), flush=True)
        return 0
    source = default_gold_dir() / FAKES
    if not source.exists():
        print(f"skipped: {source} not found (set SITREP_GOLD)", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _corpus(source, Path(tmp), args.limit)
        rows = [bench_case(corpus, backend, workers, Path(tmp), args.pg)
                for backend in args.backends for workers in args.workers]
    print(markdown(rows))
    return 0


def _corpus(source: Path, tmp: Path, limit: int | None) -> Path:
    """The input file: FA-KES itself, or its first ``limit`` rows."""
    if limit is None:
        return source
    with open(source, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[:limit + 1]
    path = tmp / "fakes_head.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def bench_case(corpus: Path, backend: str, workers: int, tmp: Path, pg: str) -> dict:
    url, drop = _store(backend, tmp, pg)
    try:
        first = _run(corpus, url, workers)
        second = _run(corpus, url, workers)
    finally:
        drop()
    row = {"backend": backend, "workers": workers, "read": first["total"], "stored": first["ingested"],
           "duplicates": first["duplicates"], "near_duplicates": first["near_duplicates"],
           "failed": first["failed"], "wall_s": round(first["wall_s"], 1),
           "articles_per_s": round(first["total"] / first["wall_s"], 2), "cpu_s": round(first["cpu_s"], 1),
           "second_run_added": second["ingested"], "second_run_wall_s": round(second["wall_s"], 1)}
    print(json.dumps(row), flush=True)
    return row


def bench_replay(source_url: str, backend: str, tmp: Path, pg: str) -> dict:
    """Write every document of ``source_url`` into a fresh store: one transaction each, as ingest does."""
    from sitrep.store import open_store
    from sitrep.store.writer import ArticleRow

    with open_store(source_url) as source:
        docs = list(source.iter_documents())
    url, drop = _store(backend, tmp, pg)
    try:
        with open_store(url) as target:
            started = time.perf_counter()
            for _id, content_hash, doc in docs:
                target.add(ArticleRow(doc=doc, content_hash=content_hash))
            wall = time.perf_counter() - started
    finally:
        drop()
    return {"backend": backend, "replayed": len(docs), "wall_s": round(wall, 2),
            "ms_per_article": round(1000 * wall / max(len(docs), 1), 2)}


def _store(backend: str, tmp: Path, pg: str):
    if backend == "sqlite":
        path = tmp / f"bench-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}", lambda: None
    from sitrep.store.db import scratch_database

    return scratch_database(pg, prefix="sitrep_bench")


def _run(corpus: Path, url: str, workers: int) -> dict:
    """One ``sitrep ingest`` process: its summary, wall time and CPU time (workers included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(corpus), "--db", url,
                           "--workers", str(workers)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    m = _SUMMARY.search(proc.stderr)
    if not m:
        raise SystemExit(f"ingest failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    ingested, near, dups, failed, total = map(int, m.groups())
    return {"ingested": ingested, "near_duplicates": near, "duplicates": dups, "failed": failed,
            "total": total, "wall_s": wall, "cpu_s": cpu, "exit": proc.returncode}


def markdown(rows: list[dict]) -> str:
    head = ("| backend | workers | read | stored | exact dups | near dups | failed | wall s | articles/s "
            "| CPU s | 2nd run adds | 2nd run s |\n|---|---|---|---|---|---|---|---|---|---|---|---|")
    body = [f"| {r['backend']} | {r['workers']} | {r['read']} | {r['stored']} | {r['duplicates']} | "
            f"{r['near_duplicates']} | {r['failed']} | {r['wall_s']} | {r['articles_per_s']} | {r['cpu_s']} | "
            f"{r['second_run_added']} | {r['second_run_wall_s']} |" for r in rows]
    return "\n".join([head, *body])


if __name__ == "__main__":
    sys.exit(main())
