"""Throughput of the full pipeline against the spaCy pipeline alone, in one process, on the same texts.

    .venv/bin/python bench/bench_pipeline.py [--corpus fakes|synthetic] [--limit N] [--repeat R] [--cli]

(a) ``nlp.pipe`` alone; (b) ``process_batch`` with every layer; (c) the same with
the sentence prefilter (``Settings(prefilter=True)``, ``sitrep analyze --prefilter``).
The ratios (b)/(a) and (c)/(b) are the figures that matter on a shared, noisy
machine; ``prefilter_sentences_dropped`` (and ``_chars_dropped``) say how much
text the prefilter kept from the parser, which is what its speed-up comes from.
``--cli`` also times ``sitrep analyze --input-format jsonl`` end to end in a subprocess.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import fakes_records, synthetic_records  # noqa: E402

import sitrep  # noqa: E402
from sitrep import nlp as loader  # noqa: E402


def peak_rss_mb() -> int:
    """This process's own peak resident memory. ``VmHWM`` rather than ``ru_maxrss``: Linux
    carries ``ru_maxrss`` across ``execve``, so a benchmark started by a large parent (a test
    session) would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def time_spacy(texts: list[str], batch_size: int) -> float:
    nlp = loader.load()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def time_full(records: list[dict], batch_size: int, *, prefilter: bool = False) -> float:
    settings = sitrep.Settings(batch_size=batch_size, prefilter=prefilter)
    t0 = time.perf_counter()
    failed = sum(1 for r in sitrep.process_batch(records, settings=settings) if not r.ok)
    elapsed = time.perf_counter() - t0
    if failed:
        print(f"  ({failed} records failed)", file=sys.stderr)
    return elapsed


def time_cli(records: list[dict]) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitrep", "analyze", fh.name, "--input-format", "jsonl",
                    "--format", "jsonl"], check=False, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    Path(fh.name).unlink()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["fakes", "synthetic"], default="fakes")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--words", type=int, default=600, help="synthetic article length")
    ap.add_argument("--repeat", type=int, default=1, help="take the best of R runs of each")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--cli", action="store_true", help="also time `sitrep analyze --input-format jsonl`")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args()

    records = fakes_records(args.limit) if args.corpus == "fakes" else synthetic_records(args.limit or 200, args.words)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    loader.load()  # load outside the timings
    time_full(records[:5], args.batch_size)  # warm caches (gazetteer, lexicons)
    time_full(records[:5], args.batch_size, prefilter=True)
    spacy_t = full_t = fast_t = float("inf")
    load_before = os.getloadavg()[0]
    for i in range(args.repeat):  # interleaved so all three see the same machine load,
        spacy_t = min(spacy_t, time_spacy(texts, args.batch_size))  # (b), (c) in turns first
        for prefilter in ((False, True) if i % 2 == 0 else (True, False)):
            elapsed = time_full(records, args.batch_size, prefilter=prefilter)
            if prefilter:
                fast_t = min(fast_t, elapsed)
            else:
                full_t = min(full_t, elapsed)
    from bench_prefilter import shares  # the one place that counts what the prefilter blanks

    sent_share, char_share = shares(texts, sitrep.Settings().layers)
    out = {
        "corpus": args.corpus, "articles": len(records), "words": words,
        "spacy_s": round(spacy_t, 2), "full_s": round(full_t, 2),
        "spacy_articles_per_s": round(len(records) / spacy_t, 2),
        "full_articles_per_s": round(len(records) / full_t, 2),
        "full_words_per_s": round(words / full_t),
        "ratio_full_over_spacy": round(full_t / spacy_t, 3),
        "prefilter_s": round(fast_t, 2),
        "prefilter_articles_per_s": round(len(records) / fast_t, 2),
        "ratio_prefilter_over_spacy": round(fast_t / spacy_t, 3),
        "speedup_prefilter_over_full": round(full_t / fast_t, 3),
        "prefilter_sentences_dropped": round(sent_share, 4),
        "prefilter_chars_dropped": round(char_share, 4),
        "peak_rss_mb": peak_rss_mb(),
        "load_avg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    if args.cli:
        cli_t = time_cli(records)
        out["cli_s"] = round(cli_t, 2)
        out["cli_articles_per_s"] = round(len(records) / cli_t, 2)
        out["ratio_cli_over_spacy"] = round(cli_t / spacy_t, 3)
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:>24}: {v}")


if __name__ == "__main__":
    main()
