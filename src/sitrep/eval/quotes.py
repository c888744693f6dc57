"""Score the quote layer against PolNeAR attributions (``quotes/polnear/dev``).

Each gold attribution has a content (possibly discontinuous: a quotation split by
its cue is one content in two parts), a cue and usually a source. Predicted quotes
are regrouped the same way: quotes sharing a cue span are one predicted attribution
(the quote layer's convention for split and continued quotations).

A prediction matches a gold attribution when its content covers at least half of
the gold content's tokens; pairs are matched one-to-one, greedily by that share.
On matched pairs whose gold attribution names a source:

* ``speaker_accuracy``: the predicted speaker span overlaps the gold source span;
* ``speaker_accuracy_chain``: the speaker span or a span of its resolution chain does;

and ``cue_accuracy`` (all matched pairs): the predicted cue overlaps the gold cue.
Articles annotated by several annotators are scored once, against the first file.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.eval import fingerprint
from sitrep.eval.spans import overlap, prf, token_offsets
from sitrep.model import Article
from sitrep.settings import Settings

MATCH_SHARE = 0.5
Range = tuple[int, int]


@dataclass(slots=True)
class GoldAttribution:
    content: list[Range]
    cue: list[Range] = field(default_factory=list)
    source: list[Range] = field(default_factory=list)


@dataclass(slots=True)
class PredictedAttribution:
    content: list[Range]
    cue: list[Range]
    speaker: list[Range]
    chain: list[Range]
    quotes: list = field(default_factory=list)


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    published: str | None
    attributions: list[GoldAttribution]


def score_polnear(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Content P/R/F1, speaker and cue accuracy of the quote layer on PolNeAR dev."""
    base = Path(gold_dir) / "quotes" / "polnear"
    docs = load_polnear(base, limit=limit)
    totals = {"tp": 0, "pred": 0, "gold": 0, "sp_n": 0, "sp": 0, "sp_chain": 0, "cue": 0}
    for doc, predicted in zip(docs, predict(docs, settings=settings)):
        pairs = match(doc.text, doc.attributions, predicted)
        _add_counts(totals, doc.attributions, predicted, pairs)
    scores = prf(totals["tp"], totals["pred"], totals["gold"])
    n_sp = totals["sp_n"]
    return {
        "content_precision": scores["precision"], "content_recall": scores["recall"],
        "content_f1": scores["f1"],
        "speaker_accuracy": round(totals["sp"] / n_sp, 4) if n_sp else 0.0,
        "speaker_accuracy_chain": round(totals["sp_chain"] / n_sp, 4) if n_sp else 0.0,
        "cue_accuracy": round(totals["cue"] / totals["tp"], 4) if totals["tp"] else 0.0,
        "n": len(docs), "n_gold": totals["gold"], "n_pred": totals["pred"],
        "fingerprint": fingerprint(base / "dev", base / "metadata.tsv"),
    }


def _add_counts(totals: dict, gold: list[GoldAttribution], predicted, pairs) -> None:
    totals["gold"] += len(gold)
    totals["pred"] += len(predicted)
    totals["tp"] += len(pairs)
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        totals["cue"] += _touches(p.cue, g.cue)
        if not g.source:
            continue
        totals["sp_n"] += 1
        strict = _touches(p.speaker, g.source)
        totals["sp"] += strict
        totals["sp_chain"] += strict or _touches(p.chain, g.source)


def _touches(a: list[Range], b: list[Range]) -> bool:
    return any(overlap(x, y) > 0 for x in a for y in b)


def predict(docs: list[GoldDoc], *, settings=None) -> list[list[PredictedAttribution]]:
    """Run the quote layer over the gold texts; quotes sharing a cue become one attribution."""
    from sitrep.pipeline import process_batch

    settings = (settings or Settings()).with_(layers=frozenset({"quotes"}))
    articles = [Article(id=d.id, text=d.text, published=d.published) for d in docs]
    out = []
    for result in process_batch(articles, settings=settings):
        out.append(group_by_cue(getattr(result, "quotes", [])))
    return out


def group_by_cue(quotes) -> list[PredictedAttribution]:
    groups: dict[object, PredictedAttribution] = {}
    for i, q in enumerate(quotes):
        key = (q.cue.start, q.cue.end) if q.cue is not None else ("no cue", i)
        group = groups.get(key)
        if group is None:
            group = groups[key] = PredictedAttribution(
                content=[], cue=[key] if q.cue is not None else [], speaker=[], chain=[])
        group.content.append((q.content.start, q.content.end))
        group.quotes.append(q)
        if q.speaker is not None:
            group.speaker.append((q.speaker.start, q.speaker.end))
            group.chain.extend((s.start, s.end) for s in q.speaker.chain)
    return list(groups.values())


def match(text: str, gold: list[GoldAttribution],
          predicted: list[PredictedAttribution]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedily by covered share."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            share = covered_share(text, g.content, p.content)
            if share >= MATCH_SHARE:
                candidates.append((share, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for share, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def covered_share(text: str, gold: list[Range], pred: list[Range]) -> float:
    """Share of the (possibly discontinuous) gold content's tokens that the prediction covers."""
    tokens = [t for start, end in gold for t in token_offsets(text, start, end)]
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if any(overlap(t, p) > 0 for p in pred)) / len(tokens)


def load_polnear(base: Path, *, limit: int | None = None) -> list[GoldDoc]:
    """PolNeAR articles with their attributions (first annotator's file per article)."""
    dates = _publication_dates(base / "metadata.tsv")
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "dev" / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for stem in sorted(chosen)[:limit]:
        text = (base / "dev" / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        docs.append(GoldDoc(id=stem, text=text, published=dates.get(stem),
                            attributions=read_ann(chosen[stem])))
    return docs


def _publication_dates(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row["publication_date"]
                for row in csv.DictReader(fh, delimiter="\t")
                if row.get("publication_date") not in (None, "", "None")}


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one brat standoff file (events naming a Content)."""
    spans: dict[str, list[Range]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, middle, _ = line.split("\t", 2)
            _, ranges = middle.split(" ", 1)
            spans[tid] = [tuple(int(x) for x in part.split()) for part in ranges.split(";")]
        elif line.startswith("E"):
            _, args = line.split("\t", 1)
            events.append(dict(arg.split(":", 1) for arg in args.split()))
    return [GoldAttribution(content=spans[e["Content"]], cue=spans.get(e.get("Cue", ""), []),
                            source=spans.get(e.get("Source", ""), []))
            for e in events if "Content" in e]
