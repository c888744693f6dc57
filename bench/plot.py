"""Draw the scaling curves as PNGs in docs/img/ from bench_scaling.py's JSON results.

    .venv/bin/python bench/plot.py [--workers bench/results/scaling-workers.json]
        [--length bench/results/scaling-length.json] [--memory bench/results/memory.json] [--out docs/img]

Needs matplotlib (bench only, not a runtime dependency).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
IMG = Path(__file__).resolve().parents[1] / "docs" / "img"


def _figure():
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    return plt, *plt.subplots(figsize=(5.5, 3.6), dpi=110)


def plot_workers(data: dict, out: Path) -> Path:
    """Articles/s against worker processes, with the ideal linear line for reference."""
    plt, fig, ax = _figure()
    rows = data["rows"]
    xs, ys = [r["workers"] for r in rows], [r["articles_per_s"] for r in rows]
    ax.plot(xs, ys, "o-", label="measured")
    ax.plot(xs, [ys[0] * x / xs[0] for x in xs], "--", color="grey", label="linear")
    ax.set(xlabel="worker processes", ylabel="articles/s", xticks=xs,
           title=f"{data['corpus']}: {data['articles']} articles (load {data['load_avg_1m']})")
    ax.legend()
    return _save(plt, fig, out / "throughput-vs-workers.png")


def plot_length(data: dict, out: Path) -> Path:
    """Words/s of spaCy alone and of the full pipeline against article length."""
    plt, fig, ax = _figure()
    rows = data["rows"]
    xs = [r["words"] for r in rows]
    ax.plot(xs, [r["full_articles_per_s"] for r in rows], "o-", label="full pipeline")
    ax.plot(xs, [r["spacy_articles_per_s"] for r in rows], "s--", label="spaCy alone")
    ax.set(xscale="log", yscale="log", xlabel="words per article", ylabel="articles/s (one process)",
           title="Throughput against article length")
    ax.legend()
    return _save(plt, fig, out / "throughput-vs-length.png")


def plot_memory(data: dict, out: Path) -> Path:
    """Resident memory of the run against articles processed."""
    plt, fig, ax = _figure()
    samples = [s for s in data["samples"] if s["rss_mb"] is not None]
    ax.plot([s["done"] for s in samples], [s["rss_mb"] for s in samples])
    ax.set(xlabel="articles processed", ylabel="RSS (MB)", ylim=(0, None),
           title=f"sitrep {data['command']}: {data['processed']:,} of a {data['articles']:,}-article JSONL")
    return _save(plt, fig, out / "memory-over-time.png")


def _save(plt, fig, path: Path) -> Path:
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=Path, default=RESULTS / "scaling-workers.json")
    ap.add_argument("--length", type=Path, default=RESULTS / "scaling-length.json")
    ap.add_argument("--memory", type=Path, default=RESULTS / "memory.json")
    ap.add_argument("--out", type=Path, default=IMG)
    args = ap.parse_args()
    for path, draw in ((args.workers, plot_workers), (args.length, plot_length), (args.memory, plot_memory)):
        if path.exists():
            print(draw(json.loads(path.read_text(encoding="utf-8")), args.out))
        else:
            print(f"skipped: {path} not found")


if __name__ == "__main__":
    main()
