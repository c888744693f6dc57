"""Scaling curves: throughput with 1 and 2 worker processes, and against article length.

    .venv/bin/python bench/bench_scaling.py workers [--corpus fakes|synthetic] [--limit N] [--workers 1 2]
        [--prefilter]
    .venv/bin/python bench/bench_scaling.py length [--lengths 100 300 600 1200 2400] [--total-words W]
    ... [--out bench/results/scaling-workers.json]   (bench/plot.py draws the PNGs from these files)

``workers`` times :func:`sitrep.batch.analyze_parallel` (the adapter behind
``sitrep ingest --workers N``) on the same articles for each worker count;
the speed-up is the figure that matters; ``--prefilter`` also times each
worker count with the sentence prefilter on (rows with ``"prefilter": true``).
``length`` times the spaCy pipeline alone and the full pipeline, in one
process, on synthetic articles of each length with the same total number of
words, so the curve shows per-article overheads (short texts) and super-linear
costs (long texts).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import fakes_records, synthetic_records  # noqa: E402

from sitrep import nlp as loader  # noqa: E402
from sitrep.batch import analyze_parallel  # noqa: E402
from sitrep.settings import Settings  # noqa: E402


def time_workers(records: list[dict], workers: int, batch_size: int, prefilter: bool = False) -> float:
    """Wall time for the whole batch with ``workers`` processes (pool start included)."""
    settings = Settings(batch_size=batch_size, prefilter=prefilter)
    t0 = time.perf_counter()
    failed = sum(1 for r in analyze_parallel(records, workers=workers, settings=settings,
                                             chunk_size=batch_size) if not r.ok)
    elapsed = time.perf_counter() - t0
    if failed:
        print(f"  ({failed} records failed)", file=sys.stderr)
    return elapsed


def bench_workers(records: list[dict], counts: list[int], repeat: int, batch_size: int,
                  prefilter: bool = False) -> dict:
    """Best-of-``repeat`` time per worker count, and per prefilter setting when ``prefilter``
    (interleaved, so all see the same load). Speed-ups are against 1st count, no prefilter."""
    modes = (False, True) if prefilter else (False,)
    best = {(w, m): float("inf") for w in counts for m in modes}
    for _ in range(repeat):
        for w, m in best:
            best[(w, m)] = min(best[(w, m)], time_workers(records, w, batch_size, m))
    words = sum(len(r["text"].split()) for r in records)
    base = best[(counts[0], False)]
    rows = [{"workers": w, "prefilter": m, "seconds": round(t, 2),
             "articles_per_s": round(len(records) / t, 2), "words_per_s": round(words / t),
             "speedup": round(base / t, 3)} for (w, m), t in best.items()]
    return {"kind": "workers", "articles": len(records), "words": words, "rows": rows}


def bench_length(lengths: list[int], total_words: int, batch_size: int) -> dict:
    """spaCy alone vs the full pipeline for synthetic articles of each length."""
    import sitrep

    nlp, settings, rows = loader.load(), Settings(batch_size=batch_size), []
    for words in lengths:
        records = synthetic_records(max(4, total_words // words), words)
        texts = [r["text"] for r in records]
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        spacy_t = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in sitrep.process_batch(records, settings=settings):
            pass
        full_t = time.perf_counter() - t0
        rows.append({"words": words, "articles": len(records), "spacy_articles_per_s": round(len(records) / spacy_t, 2),
                     "full_articles_per_s": round(len(records) / full_t, 2),
                     "full_words_per_s": round(sum(len(t.split()) for t in texts) / full_t),
                     "ratio_full_over_spacy": round(full_t / spacy_t, 3)})
        print(json.dumps(rows[-1]), file=sys.stderr)
    return {"kind": "length", "total_words": total_words, "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("curve", choices=["workers", "length"])
    ap.add_argument("--corpus", choices=["fakes", "synthetic"], default="fakes")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--words", type=int, default=600, help="synthetic article length (workers curve)")
    ap.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--prefilter", action="store_true", help="workers: also time with the sentence prefilter")
    ap.add_argument("--lengths", nargs="+", type=int, default=[100, 300, 600, 1200, 2400])
    ap.add_argument("--total-words", type=int, default=36_000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--out", type=Path, help="also write the JSON result here")
    args = ap.parse_args()

    loader.load()  # load before forking: workers inherit the pipeline
    if args.curve == "workers":
        records = (fakes_records(args.limit) if args.corpus == "fakes"
                   else synthetic_records(args.limit or 200, args.words))
        time_workers(records[:4], 1, args.batch_size)  # warm the layers' caches before timing
        result = bench_workers(records, args.workers, args.repeat, args.batch_size,
                               args.prefilter) | {"corpus": args.corpus}
    else:
        result = bench_length(args.lengths, args.total_words, args.batch_size)
    result |= {"load_avg_1m": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
               "peak_rss_mb_parent": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
               "peak_rss_mb_worker": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
