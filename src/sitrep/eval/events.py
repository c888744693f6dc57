"""Scorers for the event layer against the development gold (``gold/events/...``).

* ``score_conflibert`` - five-class (quad + "no event") accuracy on sentences
  with a gold event, and source/target span F1 (a gold span is matched when a
  predicted span covers at least half of its tokens).
* ``score_case2021`` - ACLED sub-event type weighted F1 through the documented
  map ``rules/event_acled_map.yaml``, over snippets whose gold label is one of
  ACLED's 25 sub-event types (the 5 "unseen" CASE types are left out).
* ``score_petrarch2`` - share of (source, target, event) triples recovered on
  PETRARCH2's unit-test sentences, with its actor dictionary loaded; also with the
  event matched only by quad class, and the (source, target) pair alone, which
  isolate sentence-structure failures from verb-coding differences. Each gold triple
  is one actor pair (compounds are expanded by PETRARCH); CAMEO roles are compared as
  PLOVER sectors, "---" is a wildcard, and an event PLOVER v0.8 recodes by tense
  ("is about to restore ties" = AGREE) counts as the gold one. The unit tests code verbs
  with PETRARCH's validation dictionary ("welcomed" = 041, "restore ties" = 064), not
  CAMEO's meanings, so ``triple_recall`` mostly measures that dictionary; failures are
  counted per category for triples (``failed_*``) and for pairs (``pair_failed_*``).
* ``score_noevents`` - how often an event is invented on sentences with none:
  ``invented_rate`` counts events the output asserts (status occurred/future);
  ``invented_rate_any_status`` also counts hypothetical and negated ones.

All run the pipeline through :func:`sitrep.process_batch` with only the
events layer switched on (entities always run).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from sitrep.eval import fingerprint
from sitrep.extract.actors_petrarch import split_cameo
from sitrep.extract.events_acled import acled_label
from sitrep.eval.spans import prf, token_overlap_share
from sitrep.model import EVENT_TYPES
from sitrep.pipeline import process_batch
from sitrep.settings import Settings

CONFLIBERT = Path("events/conflibert_train/conflibert_cameo_train_merged.jsonl")
CASE2021 = Path("events/case2021_task2/case2021_task2_test.jsonl")
PETRARCH = Path("events/petrarch2_unittest/petr_unittest.jsonl")
PETRARCH_ACTORS = Path("events/petrarch2_unittest/PETR.Validate.actors.txt")
CAMEO2PLOVER = Path("ontology/CAMEO2PLOVER-2021.txt")
#: CASE 2021 labels outside ACLED's 25 sub-event types (sub-tasks 2-3); not scored here.
UNSEEN_TYPES = frozenset({"DIPLO", "ATTRIB", "MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME"})
#: Statuses that assert an event happened or will; hypothetical and negated ones do not.
ASSERTED = frozenset({"occurred", "future"})
#: A predicted span matches a gold span when it covers this share of the gold tokens.
MATCH_SHARE = 0.5


def _read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _events_only(settings: Settings | None) -> Settings:
    return (settings or Settings()).with_(layers=frozenset({"events"}))


def _analyse(rows: list[dict], settings: Settings, published_key: str | None = None):
    """Pipeline results for gold rows, in order (failures come back as ErrorResult)."""
    records = [{"id": r["id"], "text": r["text"],
                "published": _published(r, published_key)} for r in rows]
    return list(process_batch(records, settings=settings))


def _published(row: dict, key: str | None) -> str | None:
    value = (row.get("meta") or {}).get(key) if key else None
    if value and re.fullmatch(r"\d{8}", str(value)):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def main_event(result):
    """The sentence's main event: the first asserted one whose trigger no other event's
    clause contains (the top of the sentence), else the first one."""
    events = getattr(result, "events", None) or []
    if not events:
        return None

    def nested(e) -> bool:
        t = e.trigger or e.evidence
        return any(o is not e and o.evidence.start <= t.start and t.end <= o.evidence.end
                   for o in events)

    ranked = sorted(events, key=lambda e: (e.status not in ASSERTED, nested(e), e.evidence.start))
    return ranked[0]


# -- ConfliBERT ----------------------------------------------------------------------------------

def _find(text: str, phrase: str) -> tuple[int, int] | None:
    """Character offsets of a gold span given as space-joined tokens ("government 's")."""
    tokens = re.findall(r"\w+|[^\w\s]", phrase)
    if not tokens:
        return None
    pattern = r"\W*".join(re.escape(t) for t in tokens)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def _role_span(entities) -> list[tuple[int, int]]:
    """One predicted span per role: from the first to the last entity of the role."""
    if not entities:
        return []
    return [(min(e.start for e in entities), max(e.end for e in entities))]


def _span_counts(text: str, gold: list[str], pred: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """(gold matched, gold total, predictions matched, predictions total)."""
    spans = [s for s in (_find(text, g) for g in gold) if s]
    gold_hit = sum(1 for g in spans if any(token_overlap_share(text, g, p) >= MATCH_SHARE
                                            for p in pred))
    pred_hit = sum(1 for p in pred if any(token_overlap_share(text, g, p) >= MATCH_SHARE
                                          for g in spans))
    return gold_hit, len(spans), pred_hit, len(pred)


def _f1(gold_hit: int, gold_n: int, pred_hit: int, pred_n: int) -> dict[str, float]:
    p = pred_hit / pred_n if pred_n else 0.0
    r = gold_hit / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_conflibert(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Five-class accuracy and source/target span F1 on ConfliBERT's CAMEO training sentences."""
    path = Path(gold_dir) / CONFLIBERT
    rows = [r for r in _read_jsonl(path) if r["meta"]["pentaclass_id"] in "1234"]
    rows = rows[:limit] if limit else rows
    results = _analyse(rows, _events_only(settings))
    correct = 0
    src, tgt = [0, 0, 0, 0], [0, 0, 0, 0]
    confusion: Counter = Counter()
    for row, result in zip(rows, results):
        gold_class = int(row["meta"]["pentaclass_id"])
        event = main_event(result)
        pred_class = EVENT_TYPES[event.event] if event else 0
        correct += pred_class == gold_class
        confusion[f"confusion_{gold_class}_{pred_class}"] += 1
        spans = row["meta"].get("spans")
        if not spans:
            continue
        sources = spans["S"] or spans["R"]
        targets = spans["T"]
        for acc, gold, role in ((src, sources, "actor"), (tgt, targets, "recipient")):
            pred = _role_span(getattr(event, role)) if event else []
            for i, v in enumerate(_span_counts(row["text"], gold, pred)):
                acc[i] += v
    out = {"five_class_accuracy": round(correct / len(rows), 4) if rows else 0.0}
    out.update({f"source_{k}": v for k, v in _f1(*src).items()})
    out.update({f"target_{k}": v for k, v in _f1(*tgt).items()})
    out.update({k: float(v) for k, v in sorted(confusion.items())})
    out["n"] = len(rows)
    out["fingerprint"] = fingerprint(path)
    return out


# -- no-event precision -------------------------------------------------------------------------

def score_noevents(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Share of event-free sentences (PETRARCH2 no-event + ConfliBERT class 0) given an event."""
    gold_dir = Path(gold_dir)
    rows = [r for r in _read_jsonl(gold_dir / PETRARCH) if r.get("has_event") is False]
    rows += [r for r in _read_jsonl(gold_dir / CONFLIBERT) if r["meta"]["pentaclass_id"] == "0"]
    rows = rows[:limit] if limit else rows
    results = _analyse(rows, _events_only(settings))
    invented = Counter()
    asserted = any_status = 0
    for result in results:
        found = getattr(result, "events", None) or []
        any_status += bool(found)
        asserted += any(e.status in ASSERTED for e in found)
        for event in found:
            invented[f"{event.event}_{event.status}"] += 1
    out = {"invented_rate": round(asserted / len(rows), 4) if rows else 0.0,
           "invented_rate_any_status": round(any_status / len(rows), 4) if rows else 0.0}
    out.update({f"invented_{k}": float(v) for k, v in sorted(invented.items())})
    out["n"] = len(rows)
    out["fingerprint"] = fingerprint(gold_dir / PETRARCH, gold_dir / CONFLIBERT)
    return out


# -- CASE 2021 ----------------------------------------------------------------------------------

def score_case2021(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Weighted F1 over ACLED sub-event types, PLOVER output mapped by ``event_acled_map.yaml``."""
    path = Path(gold_dir) / CASE2021
    rows = [r for r in _read_jsonl(path) if r["events"][0]["acled_subtype"] not in UNSEEN_TYPES]
    rows = rows[:limit] if limit else rows
    results = _analyse(rows, _events_only(settings))
    gold = [r["events"][0]["acled_subtype"] for r in rows]
    pred = [acled_label(getattr(res, "events", None) or [], res) for res in results]
    out = weighted_f1(gold, pred)
    out["accuracy"] = round(sum(g == p for g, p in zip(gold, pred)) / len(rows), 4) if rows else 0.0
    out["n"] = len(rows)
    out["fingerprint"] = fingerprint(path)
    return out


def label_counts(gold: list[str], pred: list[str]) -> dict[str, tuple[int, int, int]]:
    """Gold label -> (true positives, predicted, gold) counts, for per-label F1."""
    hits, predicted, support = Counter(), Counter(pred), Counter(gold)
    hits.update(g for g, p in zip(gold, pred) if g == p)
    return {label: (hits[label], predicted[label], n) for label, n in sorted(support.items())}


def weighted_f1(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Support-weighted F1 over the gold labels (scikit-learn's ``average='weighted'``)."""
    total = 0.0
    out: dict[str, float] = {}
    for label, (tp, n_pred, n) in label_counts(gold, pred).items():
        f = prf(tp, n_pred, n)["f1"]
        out[f"f1_{label}"] = f
        total += f * n
    out["weighted_f1"] = round(total / len(gold), 4) if gold else 0.0
    return out


# -- PETRARCH2 ----------------------------------------------------------------------------------

def cameo_to_plover(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER event, mode) from ``CAMEO2PLOVER-2021.txt``."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0]
        if ":" not in body:
            continue
        code, rest = body.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        if code.strip().isdigit() and parts and parts[0]:
            table[code.strip()] = (parts[0].upper(), parts[1] if len(parts) > 1 and parts[1] else None)
    return table


def _plover_for(cameo: str, table: dict) -> str | None:
    """The PLOVER event of a CAMEO code, trying shorter prefixes ("0871" -> "087" -> "08")."""
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]][0]
    return None


def _code_matches(gold: str, entity) -> bool:
    """Gold "DAGGOV" matches code DAG (+ sector GOV when both name one); CAMEO roles are
    read as PLOVER sectors ("DNKMED" = Danish journalists, JRN); "---GOV" is a government of
    no stated country, matched by the sector alone. An empty gold code is a noun phrase
    PETRARCH could not code (the normalised records keep no text for it): it matches a
    participant that sitrep could not code either."""
    if not gold:
        return entity.code is None
    country, sector = _gold_actor(gold)
    if country is not None and (not entity.code or country != entity.code[:3]):
        return False
    if country is None and sector is None:
        return True  # "---": PETRARCH's placeholder for an actor it could not name
    if sector is None or not entity.sector:
        return country is not None
    return sector == entity.sector


def _gold_actor(gold: str) -> tuple[str | None, str | None]:
    """(country, PLOVER sector) of a gold CAMEO code; "---" leaves the country unknown."""
    code = gold.strip().upper()
    if code.startswith("---"):
        return None, split_cameo("XXX" + code[3:])[1] if len(code) > 3 else None
    return code[:3], split_cameo(code)[1]


def _same_event(ev, event_type: str, quad: bool) -> bool:
    """The gold type, or the type PLOVER v0.8 recodes it to by tense: CAMEO (and PETRARCH)
    code "is about to restore ties" as the cooperation itself, PLOVER as AGREE; the event's
    rule records the recoding ("future COOPERATE = AGREE ...")."""
    if ev.event == event_type or f"future {event_type} = {ev.event}" in (ev.rule or ""):
        return True
    return quad and EVENT_TYPES[ev.event] == EVENT_TYPES[event_type]


def _wildcard(codes: list) -> bool:
    """A bare "---" names no actor: any (or no) participant fills that side."""
    return all((c or "").strip() == "---" for c in codes)


def _triple_found(gold_event: dict, event_type: str | None, events, *, quad: bool = False) -> bool:
    """Whether some event has the gold source and target codes and the gold type
    (any type when ``event_type`` is None; the same quad class when ``quad``)."""
    sources = [a.get("code") for a in gold_event.get("actor") or []]
    targets = [a.get("code") for a in gold_event.get("recipient") or []]
    for ev in events:
        if event_type is not None and not _same_event(ev, event_type, quad):
            continue
        src_ok = not sources or _wildcard(sources) or any(
            _code_matches(s, a) for s in sources for a in ev.actor)
        tgt_ok = not targets or not targets[0] or _wildcard(targets) or any(
            _code_matches(t, r) for t in targets for r in ev.recipient + ev.actor)
        if src_ok and tgt_ok:
            return True
    return False


def score_petrarch2(gold_dir: Path, *, limit: int | None = None, settings=None) -> dict:
    """Share of PETRARCH2 unit-test triples recovered, with failures counted by category."""
    gold_dir = Path(gold_dir)
    table = cameo_to_plover(gold_dir / CAMEO2PLOVER)
    rows = [r for r in _read_jsonl(gold_dir / PETRARCH) if r.get("has_event")]
    rows = rows[:limit] if limit else rows
    settings = _events_only(settings).with_(actor_dictionaries=(gold_dir / PETRARCH_ACTORS,))
    results = _analyse(rows, settings, published_key="date")
    hit = total = quad_hit = actor_hit = 0
    failed: Counter = Counter()
    for row, result in zip(rows, results):
        events = getattr(result, "events", None) or []
        for gold_event in row["events"]:
            event_type = _plover_for(str(gold_event.get("cameo") or ""), table)
            if event_type is None:
                continue
            total += 1
            quad_hit += _triple_found(gold_event, event_type, events, quad=True)
            pair = _triple_found(gold_event, None, events)
            actor_hit += pair
            if not pair:  # a structure failure (who did it to whom), not a verb-coding one
                failed[f"pair_failed_{row['meta']['category']}"] += 1
            if _triple_found(gold_event, event_type, events):
                hit += 1
            else:
                failed[f"failed_{row['meta']['category']}"] += 1
    out = {"triple_recall": round(hit / total, 4) if total else 0.0,
           "triple_recall_same_quad": round(quad_hit / total, 4) if total else 0.0,
           "actor_pair_recall": round(actor_hit / total, 4) if total else 0.0}
    out.update({k: float(v) for k, v in sorted(failed.items())})
    out["n"] = total
    out["fingerprint"] = fingerprint(gold_dir / PETRARCH, gold_dir / PETRARCH_ACTORS)
    return out
