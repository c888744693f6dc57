"""The cached attribute rules against the model's attribute_ruler: identical output, time saved.

    .venv/bin/python bench/bench_attributes.py [--limit N]

Parses FA-KES dev, LGL and GeoVirus (read in place from the gold folder) with
two copies of the spaCy pipeline, the model as shipped and with
``sitrep.nlp.attributes`` installed, alternating batches so machine load hits
both alike; compares every token's POS, morphology, lemma, tag, dependency and
head, and prints the number of tokens that differ (must be 0) and both times.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import fakes_records  # noqa: E402


def texts(limit: int | None) -> list[str]:
    from sitrep.eval import default_gold_dir
    from sitrep.eval.geo import GEOVIRUS_PATH, LGL_PATH, read_geovirus, read_lgl

    gold = default_gold_dir()
    return ([r["text"] for r in fakes_records(limit)]
            + [a.text for a, _ in read_lgl(gold / LGL_PATH)][:limit]
            + [a.text for a, _ in read_geovirus(gold / GEOVIRUS_PATH)][:limit])


def annotations(doc) -> list[tuple]:
    return [(t.pos, t.morph.key, t.lemma, t.tag, t.dep, t.head.i) for t in doc]


def main() -> None:
    import spacy

    from sitrep.nlp import attributes
    from sitrep.settings import DEFAULT_MODEL

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each corpus")
    args = ap.parse_args()
    shipped, cached = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    attributes.install(cached)
    corpus = texts(args.limit)
    tokens = differ = 0
    seconds = {"shipped": 0.0, "cached": 0.0}
    for i in range(0, len(corpus), 64):
        batch, done = corpus[i:i + 64], {}
        for name, nlp in (("shipped", shipped), ("cached", cached))[::1 if i % 128 else -1]:
            t0 = time.perf_counter()
            done[name] = list(nlp.pipe(batch))
            seconds[name] += time.perf_counter() - t0
        for a, b in zip(done["shipped"], done["cached"]):
            tokens += len(a)
            differ += sum(x != y for x, y in zip(annotations(a), annotations(b)))
    print(json.dumps({"articles": len(corpus), "tokens": tokens, "tokens_differing": differ,
                      "shipped_s": round(seconds["shipped"], 1), "cached_s": round(seconds["cached"], 1),
                      "speedup": round(seconds["shipped"] / seconds["cached"], 3)}))


if __name__ == "__main__":
    main()
