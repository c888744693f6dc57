"""Flat memory on a large stream: RSS of ``sitrep analyze`` (or ``sitrep ingest``) sampled over time.

    .venv/bin/python bench/bench_memory.py [--articles 100000] [--words 60] [--max-seconds 600]
        [--command analyze|ingest] [--out bench/results/memory.json]

Writes a synthetic JSONL of ``--articles`` articles (streamed, never held in
memory), runs the command on it in a child process as a user would, and
samples the child's resident memory (``/proc/PID/status`` VmRSS) every
``--interval`` seconds, counting output lines as progress. ``--max-seconds``
stops the run early on a slow machine: flatness is judged on the samples
taken, by comparing RSS over the first and the last quarter of the run after
the pipeline is loaded.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import iter_synthetic, write_jsonl  # noqa: E402


def rss_mb(pid: int) -> float | None:
    """Resident memory of a live process in MB (None once it has exited)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def command_line(kind: str, corpus: Path, tmp: Path) -> list[str]:
    """The user's command for ``kind`` on ``corpus``."""
    if kind == "analyze":
        return [sys.executable, "-m", "sitrep", "analyze", str(corpus), "--input-format", "jsonl",
                "--format", "jsonl"]
    return [sys.executable, "-m", "sitrep", "ingest", str(corpus), "--db", f"sqlite:///{tmp / 'mem.db'}"]


def sample(cmd: list[str], interval: float, max_seconds: float) -> tuple[list[dict], int]:
    """Run ``cmd`` and sample its RSS and its output line count until it ends or time runs out."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    done = [0]

    def count_lines() -> None:
        for _ in proc.stdout:
            done[0] += 1

    reader = threading.Thread(target=count_lines, daemon=True)
    reader.start()
    samples, t0 = [], time.perf_counter()
    while proc.poll() is None and time.perf_counter() - t0 < max_seconds:
        mb = rss_mb(proc.pid)
        if mb is not None:
            samples.append({"t": round(time.perf_counter() - t0, 1), "rss_mb": round(mb, 1), "done": done[0]})
        time.sleep(interval)
    if proc.poll() is None:
        proc.terminate()
    proc.wait()
    reader.join(timeout=5)
    # The last sample can predate the last lines; count every line the command wrote.
    samples.append({"t": round(time.perf_counter() - t0, 1), "rss_mb": None, "done": done[0]})
    return samples, proc.returncode


def flatness(samples: list[dict]) -> dict:
    """Mean RSS over the first and last quarter of the samples taken after the first result."""
    working = [s for s in samples if s["done"] > 0 and s["rss_mb"] is not None]
    if len(working) < 8:
        return {"flat_judged": False}
    q = len(working) // 4
    first = sum(s["rss_mb"] for s in working[:q]) / q
    last = sum(s["rss_mb"] for s in working[-q:]) / q
    return {"flat_judged": True, "rss_first_quarter_mb": round(first), "rss_last_quarter_mb": round(last),
            "growth_pct": round(100 * (last - first) / first, 1),
            "peak_rss_mb": round(max(s["rss_mb"] for s in working))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=60)
    ap.add_argument("--command", choices=["analyze", "ingest"], default="analyze")
    ap.add_argument("--interval", type=float, default=2.0)
    ap.add_argument("--max-seconds", type=float, default=600)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "synthetic.jsonl"
        n = write_jsonl(iter_synthetic(args.articles, args.words), corpus)
        samples, rc = sample(command_line(args.command, corpus, Path(tmp)), args.interval, args.max_seconds)
        result = {"command": args.command, "articles": n, "words": args.words,
                  "corpus_mb": round(corpus.stat().st_size / 1e6, 1),
                  "processed": samples[-1]["done"] if samples else 0, "exit": rc,
                  "load_avg_1m": round(os.getloadavg()[0], 2)} | flatness(samples) | {"samples": samples}
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
