"""Time of each layer after parsing, against spaCy's own time, on the same articles.

    .venv/bin/python bench/bench_layers.py [--limit 200] [--repeat 2]

Parses the first ``--limit`` FA-KES dev articles once (timed: spaCy alone), then
runs every layer's ``extract(ctx)`` over the parsed documents ``--repeat`` times
and keeps each layer's best pass. Prints seconds per layer and its share of
spaCy's time: issue 3 caps events at 15 %, issue 4 caps times + places + quotes
together at 15 %.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import fakes_records  # noqa: E402

from sitrep import nlp as loader  # noqa: E402
from sitrep import pipeline  # noqa: E402
from sitrep.extract import boilerplate  # noqa: E402
from sitrep.extract.context import Context  # noqa: E402
from sitrep.model import Article  # noqa: E402
from sitrep.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    nlp, settings = loader.load(), Settings()
    records = fakes_records(args.limit)
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=settings.batch_size))
    spacy_s = time.perf_counter() - t0
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent: dict[str, float] = {}
        for record, doc in zip(records, docs):
            article = Article(id=record["id"], text=record["text"], published=record.get("published"))
            ctx = Context(article=article, doc=doc, settings=settings,
                          published=pipeline.parse_published(record.get("published")))
            ctx.links = boilerplate.find_links(article.text)
            for name, extract in pipeline.LAYERS:
                t = time.perf_counter()
                setattr(ctx, name, extract(ctx))
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    share = {k: round(100 * v / spacy_s, 1) for k, v in best.items()}
    print(json.dumps({"articles": len(records), "spacy_s": round(spacy_s, 2),
                      "layer_s": {k: round(v, 2) for k, v in best.items()}, "share_pct": share,
                      "events_pct": share["events"],
                      "times_places_quotes_pct": round(share["times"] + share["places"] + share["quotes"], 1)}))


if __name__ == "__main__":
    main()
