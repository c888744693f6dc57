"""PLOVER event typing on NGEC's synthetic silver stories (``gold/events/ngec_synthetic_silver``).

Each of the 4,500 stories was written by a language model from a real headline and carries
that headline's PLOVER event type and mode. The labels are SILVER (one label per story, from
the prompt, never checked by a person): read the figures as a guide to systematic confusions,
not as accuracy.

``score_ngec_silver`` analyses a fixed, label-stratified sample (``PER_TYPE`` stories per type,
ordered by a salted hash so the sample never depends on the random module) as articles whose
title is the headline and whose text is the headline followed by the story; events layer only.

* ``headline_type_accuracy`` - the type of the first event in the headline (else the story's
  first event) equals the label.
* ``story_recall`` - the label is among the story's event types.
* ``no_event_rate`` - share of stories with no event at all.
* ``macro_f1`` - F1 of the headline-type prediction, averaged over the gold types.
* ``mode_accuracy`` - where the type is right and both the label and the prediction carry a
  mode, the modes agree (``mode_n`` counts those).
* ``confusion_<GOLD>_<PRED>`` - counts of wrong headline types (``NONE`` = no event).
"""
from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from sitrep.eval import fingerprint
from sitrep.eval.events import label_counts
from sitrep.pipeline import process_batch
from sitrep.settings import Settings

SILVER = Path("events/ngec_synthetic_silver/gpt_synthetic_events_2023-10-19_19.csv.zip")
#: Stories per PLOVER type in the scored sample (16 types -> 480 stories).
PER_TYPE = 30
#: Salt of the hash that orders the stories; changing it draws another sample.
SEED = "sitrep-ngec-silver-1"
#: Silver spellings of modes -> the PLOVER manual's.
MODE_SPELLING = {"primative": "primitive"}


@dataclass(frozen=True)
class Story:
    id: str
    headline: str
    text: str
    label: str
    mode: str | None


def read_stories(path: Path) -> list[Story]:
    """Every story of the zipped CSV; the headline is the first line of the prompt."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        with archive.open(name) as fh:
            rows = list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))
    return [Story(id=f"silver-{i}", headline=row["prompt"].strip().split("\n")[0].strip(),
                  text=row["text"].strip(), label=row["label"].strip().upper(),
                  mode=_mode(row.get("mode"))) for i, row in enumerate(rows)]


def _mode(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return MODE_SPELLING.get(value, value) or None


def stratified_sample(stories: list[Story], per_type: int = PER_TYPE, *,
                      limit: int | None = None) -> list[Story]:
    """``per_type`` stories of each label, chosen by a salted hash of their text, interleaved
    type by type so that cutting the list at ``limit`` keeps it stratified."""
    def key(s: Story) -> str:
        return hashlib.sha256(f"{SEED}\n{s.headline}\n{s.text}".encode()).hexdigest()

    by_label: dict[str, list[Story]] = {}
    for story in sorted(stories, key=key):
        by_label.setdefault(story.label, []).append(story)
    picked = [group[:per_type] for _, group in sorted(by_label.items())]
    interleaved = [s for round_ in zip_longest(*picked) for s in round_ if s is not None]
    return interleaved[:limit] if limit else interleaved


def headline_event(events, headline_end: int):
    """The first event triggered inside the headline, else the story's first event."""
    if not events:
        return None
    ordered = sorted(events, key=lambda e: (e.trigger or e.evidence).start)
    in_headline = [e for e in ordered if (e.trigger or e.evidence).start < headline_end]
    return (in_headline or ordered)[0]


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """F1 per gold type, averaged (a prediction outside the gold types only costs precision)."""
    scores = [2 * tp / (n_pred + n_gold) if tp else 0.0
              for tp, n_pred, n_gold in label_counts(gold, pred).values()]
    return round(sum(scores) / len(scores), 4) if scores else 0.0


def score_predictions(stories: list[Story], predicted: list[list], heads: list) -> dict:
    """Metrics from each story's events (``predicted``) and its headline event (``heads``)."""
    n = len(stories)
    gold = [s.label for s in stories]
    pred = [h.event if h else "NONE" for h in heads]
    mode_pairs = [(s.mode, _mode(h.mode)) for s, h in zip(stories, heads)
                  if h and h.event == s.label and s.mode and h.mode]
    out = {
        "headline_type_accuracy": _share(sum(g == p for g, p in zip(gold, pred)), n),
        "story_recall": _share(sum(s.label in {e.event for e in evs}
                                   for s, evs in zip(stories, predicted)), n),
        "no_event_rate": _share(sum(not evs for evs in predicted), n),
        "macro_f1": macro_f1(gold, pred),
        "mode_accuracy": _share(sum(g == p for g, p in mode_pairs), len(mode_pairs)),
        "mode_n": float(len(mode_pairs)),
    }
    confusion = Counter(f"confusion_{g}_{p}" for g, p in zip(gold, pred) if g != p)
    out.update({k: float(v) for k, v in sorted(confusion.items())})
    out["n"] = n
    return out


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def score_ngec_silver(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """PLOVER type accuracy of the headline event on a stratified sample of the silver stories."""
    path = Path(gold_dir) / SILVER
    stories = stratified_sample(read_stories(path), limit=limit)
    records = [{"id": s.id, "title": s.headline, "text": f"{s.headline}\n\n{s.text}"}
               for s in stories]
    settings = (settings or Settings()).with_(layers=frozenset({"events"}))
    results = list(process_batch(records, settings=settings))
    predicted = [getattr(r, "events", None) or [] for r in results]
    heads = [headline_event(evs, len(s.headline)) for s, evs in zip(stories, predicted)]
    out = score_predictions(stories, predicted, heads)
    out["fingerprint"] = fingerprint(path)
    return out
