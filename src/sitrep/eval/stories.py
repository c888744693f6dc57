"""Scorers for linking across outlets (``sitrep.link``).

- ``score_ecbplus``: ECB+ document clustering (B-cubed against gold
  subtopics, i.e. topic + ecb/ecbplus) and cross-document event-mention
  coreference CoNLL F1 over the gold event mentions.
- ``score_fakes``: FA-KES stories across outlets and contradictions flagged
  (no gold for either: counts to watch, precision comes from hand judgement).
- ``score_contradictions_judged``: precision of flagged contradictions from
  ``bench/contradictions_judged.csv`` (verdicts read by a person).
- ``score_basil`` / ``score_ptc``: loaded-language framing cues against
  BASIL lexical-bias spans and PTC Loaded_Language spans (overlap match).
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gzip
import json
import os
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sitrep.eval import fingerprint
from sitrep.link import StoryIndex, stories
from sitrep.model.convert import document_from_dict
from sitrep.link.mentions import cluster_mentions
from sitrep.link.metrics import b_cubed, conll
from sitrep.link.stories import LinkSettings
from sitrep.model import Article, DocumentResult, ErrorResult

ROOT = Path(__file__).resolve().parents[3]
JUDGED = ROOT / "bench" / "contradictions_judged.csv"
#: Seed of the contradiction sample judged by hand.
SAMPLE_SEED = 6
SAMPLE_SIZE = 40


# ---------------------------------------------------------------- ECB+

def _ecb_docs(gold_dir: Path, limit: int | None) -> list[dict]:
    path = gold_dir / "crosssource" / "ecbplus" / "ecbplus_docs.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    if limit:
        topics = sorted({d["topic"] for d in docs})[: max(1, limit)]
        docs = [d for d in docs if d["topic"] in topics]
    return docs


def _ecb_result(d: dict) -> DocumentResult:
    text = "\n".join(" ".join(s) for s in d["sentences"])
    return DocumentResult(article=Article(id=d["doc"], text=text, source=d["doc"]))


def ecb_document_clusters(docs: list[dict], settings: LinkSettings | None = None) -> dict[str, str]:
    """Doc id -> story id, clustering ECB+ documents with the story linker (no dates: text only)."""
    index = StoryIndex(settings)
    index.add(_ecb_result(d) for d in docs)
    return dict(index.story_of)


#: Thresholds tried when cross-validating the linker on ECB+ topics, and the folds.
CV_THRESHOLDS = (0.20, 0.22, 0.24, 0.26, 0.28, 0.30, 0.32)
CV_FOLDS = 5
CV_SEED = 6


def _doc_b3(docs: list[dict], doc_story: dict[str, str]) -> dict[str, float]:
    """B-cubed of a document clustering against the gold subtopics."""
    by_sub, by_story = defaultdict(set), defaultdict(set)
    for d in docs:
        by_sub[(d["topic"], d["subtopic"])].add(d["doc"])
        by_story[doc_story[d["doc"]]].add(d["doc"])
    return b_cubed(list(by_sub.values()), list(by_story.values()))


def cv_threshold(docs: list[dict], settings: LinkSettings | None = None, *,
                 thresholds=CV_THRESHOLDS, folds: int = CV_FOLDS, seed: int = CV_SEED) -> dict:
    """Held-out B-cubed F1 with the join threshold chosen on the other folds of topics.

    Topics are dealt into seeded folds; each fold is clustered at every
    threshold; for each fold the threshold best on the remaining folds is
    applied to it, and the held-out clusterings are scored together. This is
    the figure to report: the default threshold was tuned on all of ECB+.
    """
    base = settings or LinkSettings()
    topics = sorted({d["topic"] for d in docs})
    random.Random(seed).shuffle(topics)
    fold_of = {t: i % folds for i, t in enumerate(topics)}
    parts = [[d for d in docs if fold_of[d["topic"]] == k] for k in range(folds)]
    runs = {(k, th): {doc: f"{k}:{s}" for doc, s in ecb_document_clusters(
        parts[k], dataclasses.replace(base, threshold=th)).items()}
        for k in range(folds) for th in thresholds}
    held, chosen = {}, []
    for k in range(folds):
        others = [d for j in range(folds) if j != k for d in parts[j]]
        best = max(thresholds, key=lambda th: (_doc_b3(others, {
            doc: s for j in range(folds) if j != k for doc, s in runs[(j, th)].items()})["f1"], -th))
        chosen.append(best)
        held.update(runs[(k, best)])
    b3 = _doc_b3(docs, held)
    return {"doc_b3_f1_cv": b3["f1"], "doc_b3_precision_cv": b3["precision"],
            "doc_b3_recall_cv": b3["recall"], "cv_threshold_mean": sum(chosen) / len(chosen)}


def _is_event(mention: dict) -> bool:
    return "ACTION" in mention["tag"]


def _lemmas(docs: list[dict]) -> dict[str, list[str]]:
    """Lower-cased lemmas of every gold token, by the project's spaCy pipeline (tagger + lemmatizer)."""
    from spacy.tokens import Doc

    from sitrep import nlp as loader

    nlp = loader.load()
    out = {}
    for d in docs:
        words = [w for s in d["sentences"] for w in s]
        doc = Doc(nlp.vocab, words=words)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        out[d["doc"]] = [t.lemma_.lower() for t in doc]
    return out


def _head_lemma(lemmas: list[str], t_ids: list[int]) -> str:
    """The mention's content lemma: the first that is not a particle or auxiliary."""
    from sitrep.link.similarity import stop_words

    words = [lemmas[i - 1] for i in t_ids if 0 < i <= len(lemmas)]
    content = [w for w in words if w not in stop_words()]
    return (content or words or ["?"])[0]


def ecb_mention_clusters(docs: list[dict], doc_story: dict[str, str]):
    """(gold, predicted) event-mention clusters; predicted by :func:`sitrep.link.mentions.cluster_mentions`."""
    lemmas = _lemmas(docs)
    gold, triples = defaultdict(set), []
    for d in docs:
        for m in filter(_is_event, d["mentions"]):
            key = (d["doc"], m["m_id"])
            gold[m["chain"] or key].add(key)
            triples.append((key, doc_story[d["doc"]], _head_lemma(lemmas[d["doc"]], m["t_ids"])))
    return list(gold.values()), cluster_mentions(triples)


def score_ecbplus(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Document B-cubed F1 against subtopics and event-mention CoNLL F1 (``limit``: first N topics)."""
    docs = _ecb_docs(gold_dir, limit)
    link_settings = settings if isinstance(settings, LinkSettings) else None
    doc_story = ecb_document_clusters(docs, link_settings)
    doc_b3 = _doc_b3(docs, doc_story)
    gold, pred = ecb_mention_clusters(docs, doc_story)
    scores = conll(gold, pred)
    cv = cv_threshold(docs, link_settings) if len({d["topic"] for d in docs}) >= CV_FOLDS else {}
    out = {"doc_b3_precision": doc_b3["precision"], "doc_b3_recall": doc_b3["recall"],
           "doc_b3_f1": doc_b3["f1"], **cv, "doc_clusters": len(set(doc_story.values())),
           "gold_subtopics": len({(d["topic"], d["subtopic"]) for d in docs}),
           **{f"mention_{k}": v for k, v in scores.items()}, "mentions": sum(len(c) for c in gold)}
    out = {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}
    out.update(n=len(docs), fingerprint=fingerprint(gold_dir / "crosssource" / "ecbplus"))
    return out


# ---------------------------------------------------------------- FA-KES

def fakes_records(gold_dir: Path, limit: int | None = None) -> Iterator[dict]:
    """FA-KES rows as article records (id, text, title, source, published ISO date)."""
    path = gold_dir / "crosssource" / "fakes" / "fakes_dev.csv"
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f)):
            if limit is not None and n >= limit:
                return
            month, day, year = (int(x) for x in row["date"].split("/"))
            yield {"id": f"fakes-{row['unit_id']}", "text": row["article_content"],
                   "title": row["article_title"], "source": row["source"],
                   "published": dt.date(year, month, day).isoformat()}


def analysed_fakes(gold_dir: Path, *, limit: int | None = None, cache: Path | None = None) -> list[DocumentResult]:
    """FA-KES through the full pipeline; with ``cache`` the JSONL is written once and reused.

    ``cache`` defaults to ``$SITREP_FAKES_CACHE`` so that ``sitrep eval fakes``
    can re-link a stored analysis without re-running every layer (minutes).
    """
    if cache is None and os.environ.get("SITREP_FAKES_CACHE"):
        cache = Path(os.environ["SITREP_FAKES_CACHE"])
    if cache is not None and cache.exists():
        with cache.open(encoding="utf-8") as f:
            docs = [document_from_dict(json.loads(line)) for line in f]
        return docs[:limit] if limit else docs
    from sitrep.pipeline import process_batch

    docs = [r for r in process_batch(fakes_records(gold_dir, limit)) if not isinstance(r, ErrorResult)]
    if cache is not None:
        with cache.open("w", encoding="utf-8") as f:
            for r in docs:
                f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    return docs


def fakes_stories(gold_dir: Path, *, limit: int | None = None, cache: Path | None = None,
                  settings: LinkSettings | None = None):
    index = StoryIndex(settings)
    index.add(analysed_fakes(gold_dir, limit=limit, cache=cache))
    return stories(index)


def contradiction_sample(found: list, *, size: int = SAMPLE_SIZE, seed: int = SAMPLE_SEED) -> list:
    """A seeded sample of (story, contradiction) pairs, ordered by key, for hand judgement."""
    pairs = sorted(((s, c) for s in found for c in s.contradictions), key=lambda sc: sc[1].key)
    return random.Random(seed).sample(pairs, min(size, len(pairs)))


def score_fakes(gold_dir: Path, *, limit: int | None = None, settings=None, cache: Path | None = None) -> dict:
    """Stories, multi-outlet stories and contradictions found in FA-KES (no gold: counts)."""
    found = fakes_stories(gold_dir, limit=limit, cache=cache,
                          settings=settings if isinstance(settings, LinkSettings) else None)
    multi = [s for s in found if s.independent_sources >= 2]
    n_articles = sum(len(s.articles) for s in found)
    by_slot: dict[str, int] = defaultdict(int)
    for s in found:
        for c in s.contradictions:
            by_slot[c.slot] += 1
    return {"stories": len(found), "multi_outlet_stories": len(multi),
            "articles_in_multi_outlet_stories": sum(len(s.articles) for s in multi),
            "contradictions": sum(by_slot.values()),
            **{f"contradictions_{k}": v for k, v in sorted(by_slot.items())},
            "stories_with_contradictions": sum(1 for s in found if s.contradictions),
            "updates": sum(len(s.updates) for s in found), "n": n_articles,
            "fingerprint": fingerprint(gold_dir / "crosssource" / "fakes" / "fakes_dev.csv")}


def score_contradictions_judged(gold_dir: Path | None = None, *, limit: int | None = None, settings=None,
                                path: Path = JUDGED, found: list | None = None) -> dict:
    """Precision of the flagged contradictions a person judged (``bench/contradictions_judged.csv``).

    With FA-KES at hand (or ``found``, stories to judge), the sample is drawn
    again from what sitrep flags now, and each sampled contradiction must have
    a verdict under its key: one without counts as wrong and is named in
    ``unjudged`` (the gate holds it at 0), so the file cannot go stale
    silently when a change flags other contradictions. Without FA-KES only
    the file's own verdicts are counted.
    """
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fakes = gold_dir / "crosssource" / "fakes" / "fakes_dev.csv" if gold_dir is not None else None
    if found is None and fakes is not None and fakes.exists():
        found = fakes_stories(gold_dir)
    if found is None:
        return {**_precision(rows[:limit]), "n": len(rows[:limit]), "fingerprint": fingerprint(path)}
    verdicts = {r["key"]: r for r in rows}
    sample = [c for _, c in contradiction_sample(found)]
    judged = [verdicts[c.key] for c in sample if c.key in verdicts]
    missing = [c for c in sample if c.key not in verdicts]
    for c in missing:
        print(f"contradictions_judged: no verdict for sampled contradiction {c.key}; judge it in {path}",
              file=sys.stderr)
    out = _precision(judged + [{"slot": c.slot, "verdict": "unjudged"} for c in missing])
    flagged = {c.key for s in found for c in s.contradictions}
    return {**out, "n": len(sample), "flagged": len(flagged), "unjudged": len(missing),
            "stale_rows": sum(1 for r in rows if r["key"] not in flagged),
            "fingerprint": fingerprint(*(p for p in (path, fakes) if p is not None and p.exists()))}


def _precision(rows: list[dict]) -> dict:
    """Share of "yes" verdicts, overall and per slot."""
    by_slot: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        by_slot[r["slot"]][0] += r["verdict"].strip().lower() == "yes"
        by_slot[r["slot"]][1] += 1
    yes = sum(a for a, _ in by_slot.values())
    return {"precision": round(yes / len(rows), 4) if rows else 0.0,
            **{f"precision_{s}": round(a / b, 4) for s, (a, b) in sorted(by_slot.items())}}


# ---------------------------------------------------------------- framing

def _loaded_spans(records: list[dict]) -> dict[str, list[tuple[int, int]]]:
    """Our ``loaded`` framing cues per record id (framing layer only)."""
    from sitrep.pipeline import process_batch
    from sitrep.settings import Settings

    s = Settings(layers=frozenset({"framing"}))
    out = {}
    for r in process_batch(records, settings=s):
        if not isinstance(r, ErrorResult):
            out[r.article.id] = [(c.start, c.end) for c in r.framing if c.kind == "loaded"]
    return out


def _overlap_prf(gold: dict[str, list[tuple[int, int]]], pred: dict[str, list[tuple[int, int]]]) -> dict:
    """A predicted span is right when it overlaps a gold span; a gold span is found when one overlaps it."""
    def hit(a, spans):
        return any(a[0] < b[1] and b[0] < a[1] for b in spans)

    n_pred = sum(len(v) for v in pred.values())
    n_gold = sum(len(v) for v in gold.values())
    tp_p = sum(hit(p, gold.get(k, [])) for k, v in pred.items() for p in v)
    tp_g = sum(hit(g, pred.get(k, [])) for k, v in gold.items() for g in v)
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "predicted": n_pred, "gold": n_gold}


def _read_gz_jsonl(path: Path, limit: int | None) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return rows[:limit] if limit else rows


def score_basil(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Loaded-language cues vs BASIL lexical-bias spans (``bias == "lex"``)."""
    path = gold_dir / "crosssource" / "basil" / "basil_flat.jsonl.gz"
    rows = _read_gz_jsonl(path, limit)
    gold = {r["uuid"]: [(s["start"], s["end"]) for s in r["spans"] if s["bias"] == "lex"] for r in rows}
    pred = _loaded_spans([{"id": r["uuid"], "text": r["text"], "published": r.get("date")} for r in rows])
    return {**_overlap_prf(gold, pred), "n": len(rows), "fingerprint": fingerprint(path)}


def score_ptc(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Loaded-language cues vs PTC v2 train ``Loaded_Language`` spans."""
    path = gold_dir / "framing" / "ptc_v2_train" / "ptc_v2_train.jsonl.gz"
    rows = _read_gz_jsonl(path, limit)
    gold = {r["article_id"]: [(s["start"], s["end"]) for s in r["spans"]
                              if s["technique"] == "Loaded_Language"] for r in rows}
    pred = _loaded_spans([{"id": r["article_id"], "text": r["text"]} for r in rows])
    return {**_overlap_prf(gold, pred), "n": len(rows), "fingerprint": fingerprint(path)}
