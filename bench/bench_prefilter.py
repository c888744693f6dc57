"""How much text the sentence prefilter keeps from the parser, per corpus and per layer set.

    .venv/bin/python bench/bench_prefilter.py [--limit N]

For FA-KES, LGL, GeoVirus, PolNeAR (read in place from the gold folder) and
synthetic 600-word articles, prints one JSON line per corpus: for all layers
and for each layer alone, ``[share of non-empty sentences blanked, share of
their characters]``. The speed-up of ``--prefilter`` comes from these shares
(bench_pipeline.py times it); its recall cost is ``sitrep eval NAME --prefilter``.
No parsing happens here, so it runs in seconds.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import fakes_records, synthetic_records  # noqa: E402

from sitrep.eval import default_gold_dir  # noqa: E402
from sitrep.nlp import prefilter  # noqa: E402
from sitrep.settings import Settings  # noqa: E402

LAYER_SETS = {"all": Settings().layers, **{name: frozenset({name}) for name in
                                            ("events", "quotes", "times", "places")}}


def corpora(limit: int | None) -> dict[str, list[str]]:
    from sitrep.eval.geo import GEOVIRUS_PATH, LGL_PATH, read_geovirus, read_lgl
    from sitrep.eval.quotes import load_polnear

    gold = default_gold_dir()
    return {
        "fakes": [r["text"] for r in fakes_records(limit)],
        "lgl": [a.text for a, _ in read_lgl(gold / LGL_PATH)][:limit],
        "geovirus": [a.text for a, _ in read_geovirus(gold / GEOVIRUS_PATH)][:limit],
        "polnear": [d.text for d in load_polnear(gold / "quotes" / "polnear", limit=limit)],
        "synthetic600": [r["text"] for r in synthetic_records(limit or 100, 600)],
    }


def shares(texts: list[str], layers: frozenset[str]) -> list[float]:
    """[sentences blanked / non-empty sentences, their characters / all characters]."""
    keep = prefilter.for_layers(layers, Settings().model)
    n = dropped = chars = dropped_chars = 0
    for text in texts:
        for start, end, kept in keep.sentences(text):
            size = len(text[start:end].strip())
            if size:
                n, chars = n + 1, chars + size
                if not kept:
                    dropped, dropped_chars = dropped + 1, dropped_chars + size
    return [round(dropped / max(n, 1), 3), round(dropped_chars / max(chars, 1), 3)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each corpus")
    args = ap.parse_args()
    for name, texts in corpora(args.limit).items():
        row = {"corpus": name, "articles": len(texts)}
        row |= {label: shares(texts, layers) for label, layers in LAYER_SETS.items()}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
