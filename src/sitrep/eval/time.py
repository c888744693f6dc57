"""Scorers for the time layer: TempEval-3 (TimeML) and MEANTIME (NewsReader CAT XML).

Both run the real pipeline (``process_batch``, times layer only) with each
document's creation time as the publication date, then match predicted
TIMEX3 against gold: relaxed span (any overlap, one-to-one), strict span
(identical offsets), value (overlap and the same value, see ``same_value``),
lenient value (the same value up to spelling, see ``canonical_value``) and type
accuracy on the relaxed matches. ``time_errors`` lists the misses for error analysis.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.eval import fingerprint
from sitrep.eval.spans import overlap, prf
from sitrep.model import ErrorResult
from sitrep.settings import Settings

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: MEANTIME sentences that carry annotation: 0 is the title, 1 the dateline (the
#: creation time itself, never scored), 2-5 the first four sentences of the body.
MEANTIME_SCORED = frozenset({0, 2, 3, 4, 5})
_NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "!", "?", ")", "]", "%", "'s", "'", "n't", "'re",
                              "'ve", "'ll", "'d", "'m", "\u2019s"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "\u00a3", "\u20ac"})


class ScoringError(RuntimeError):
    """A gold document could not be analysed: a score without it would mislead."""


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    id: str
    text: str
    published: str | None
    timexes: list[GoldTimex]
    #: Character ranges that were annotated; predictions elsewhere are ignored.
    scored: list[tuple[int, int]] = field(default_factory=list)


# --- TempEval-3 ------------------------------------------------------------------

def read_tml(path: Path) -> GoldDoc:
    """A TimeML file: plain text of <TEXT> with tags stripped, TIMEX3 offsets mapped into it."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict] | None = None
    cursor = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[cursor:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
    pieces.append(html.unescape(body[cursor:]))
    text = "".join(pieces)
    published = dct.group(1)[:10] if dct else None
    return GoldDoc(path.stem, text, published, timexes, [(0, len(text))])


def _tempeval_docs(gold_dir: Path, limit: int | None) -> tuple[Path, list[GoldDoc]]:
    folder = gold_dir / "time" / "tempeval3" / "AQUAINT"
    files = sorted(folder.glob("*.tml"))[:limit]
    if not files:
        raise FileNotFoundError(f"no .tml files under {folder}; is the gold folder complete?")
    return folder, [read_tml(f) for f in files]


def score_tempeval3(gold_dir: Path, *, limit: int | None = None, settings: Settings | None = None) -> dict:
    """TempEval-3 AQUAINT: span P/R/F1 (relaxed), strict span F1, value P/R/F1, type accuracy."""
    folder, docs = _tempeval_docs(Path(gold_dir), limit)
    return _score(docs, settings, fingerprint(folder))


# --- MEANTIME --------------------------------------------------------------------

def read_meantime(path: Path) -> GoldDoc:
    """A CAT XML file: text rebuilt from <token>s, one line each for title and dateline."""
    root = ET.parse(path).getroot()
    tokens = list(root.iter("token"))
    text, offsets, sentence_spans = _detokenise(tokens)
    sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in tokens}
    timexes, creation = [], None
    for tx in root.iter("TIMEX3"):
        anchors = [a.get("t_id") for a in tx.findall("token_anchor")]
        if tx.get("functionInDocument") == "CREATION_TIME":
            creation = tx.get("value")
            continue
        if not anchors or sentence_of[anchors[0]] not in MEANTIME_SCORED:
            continue
        start, end = offsets[anchors[0]][0], offsets[anchors[-1]][1]
        timexes.append(GoldTimex(start, end, tx.get("type", ""), tx.get("value", "")))
    scored = [span for number, span in sentence_spans.items() if number in MEANTIME_SCORED]
    published = creation[:10] if creation and _ISO_DAY.match(creation) else _dateline_date(text, sentence_spans)
    return GoldDoc(path.stem, text, published, timexes, scored)


def _detokenise(tokens) -> tuple[str, dict[str, tuple[int, int]], dict[int, tuple[int, int]]]:
    """Join tokens with single spaces except around punctuation; title and dateline end a line."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentences: dict[int, list[int]] = {}
    length, previous, prev_sentence = 0, None, None
    for tok in tokens:
        word, sentence = tok.text or "", int(tok.get("sentence"))
        if previous is not None:
            sep = "\n" if sentence != prev_sentence and prev_sentence in (0, 1) else " "
            if sep == " " and (word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER):
                sep = ""
            parts.append(sep)
            length += len(sep)
        offsets[tok.get("t_id")] = (length, length + len(word))
        span = sentences.setdefault(sentence, [length, length])
        span[1] = length + len(word)
        parts.append(word)
        length += len(word)
        previous, prev_sentence = word, sentence
    return "".join(parts), offsets, {k: (v[0], v[1]) for k, v in sentences.items()}


def _dateline_date(text: str, sentence_spans: dict[int, tuple[int, int]]) -> str | None:
    """The dateline's own date when no creation time is given (read by the time layer itself)."""
    from sitrep.extract.timex import find_times

    if 1 not in sentence_spans:
        return None
    start, end = sentence_spans[1]
    for expr in find_times(text[start:end], None, None):
        if _ISO_DAY.match(expr.value or ""):
            return expr.value[:10]
    return None


def score_meantime(gold_dir: Path, *, limit: int | None = None, settings: Settings | None = None) -> dict:
    """MEANTIME English: the same metrics over the title and body sentences 2-5 only."""
    folder = Path(gold_dir) / "time" / "meantime_en"
    files = sorted(folder.rglob("*.xml"))[:limit]
    if not files:
        raise FileNotFoundError(f"no .xml files under {folder}; is the gold folder complete?")
    return _score([read_meantime(f) for f in files], settings, fingerprint(folder))


# --- matching and metrics ----------------------------------------------------------

def _predict(docs: list[GoldDoc], settings: Settings | None) -> list[list]:
    from sitrep import process_batch

    settings = (settings or Settings()).with_(layers=frozenset({"times"}))
    records = [{"id": d.id, "text": d.text, "published": d.published} for d in docs]
    out = []
    for doc, result in zip(docs, process_batch(records, settings=settings)):
        if isinstance(result, ErrorResult):
            raise ScoringError(f"{doc.id}: the pipeline failed ({result.error}); fix it before scoring")
        out.append([t for t in result.times if any(s <= t.start < e for s, e in doc.scored)])
    return out


def _match(gold: list[GoldTimex], pred: list) -> list[tuple[GoldTimex, object]]:
    """One-to-one pairs of overlapping gold/predicted spans, same-value partners first.

    Same-value pairs are made over the whole document before any other pair:
    with nested gold (a range "from 1990 to 1995" holding "1990"), pairing
    gold in text order would give the prediction "1990" to the outer range and
    leave the inner "1990" unmatched.
    """
    used: set[int] = set()
    paired: dict[int, object] = {}
    for values_first in (True, False):
        for gi, g in enumerate(gold):
            if gi in paired:
                continue
            options = [(i, p) for i, p in enumerate(pred)
                       if i not in used and overlap((g.start, g.end), (p.start, p.end)) > 0
                       and (not values_first or same_value(g.value, p.value))]
            if not options:
                continue
            i, p = max(options, key=lambda o: overlap((g.start, g.end), (o[1].start, o[1].end)))
            used.add(i)
            paired[gi] = p
    return [(gold[gi], paired[gi]) for gi in sorted(paired)]


def _score(docs: list[GoldDoc], settings: Settings | None, print_: str) -> dict:
    predictions = _predict(docs, settings)
    n_gold = sum(len(d.timexes) for d in docs)
    n_pred = sum(len(p) for p in predictions)
    matched = strict = valued = lenient = typed = 0
    for doc, pred in zip(docs, predictions):
        pairs = _match(doc.timexes, pred)
        matched += len(pairs)
        strict += sum(1 for g, p in pairs if (g.start, g.end) == (p.start, p.end))
        valued += sum(1 for g, p in pairs if same_value(g.value, p.value))
        lenient += sum(1 for g, p in pairs if canonical_value(g.value) == canonical_value(p.value))
        typed += sum(1 for g, p in pairs if g.type == p.type)
    span, exact, value = prf(matched, n_pred, n_gold), prf(strict, n_pred, n_gold), prf(valued, n_pred, n_gold)
    return {"span_precision": span["precision"], "span_recall": span["recall"], "span_f1": span["f1"],
            "strict_span_f1": exact["f1"], "value_precision": value["precision"],
            "value_recall": value["recall"], "value_f1": value["f1"],
            "value_f1_lenient": prf(lenient, n_pred, n_gold)["f1"],
            "type_accuracy": round(typed / matched, 4) if matched else 0.0,
            "n": n_gold, "fingerprint": print_}


_SHORT_WEEK = re.compile(r"-W(\d)(?!\d)")


def same_value(gold: str | None, pred: str | None) -> bool:
    """Whether two TIMEX3 values are the same value (``value_f1``): equal strings, up to week padding.

    TIMEX3 writes a week as ISO 8601 ``YYYY-Www``, always two digits (TimeML
    1.2.1 and the TIDES 2005 guidelines it takes its values from), so
    ``2000-W7`` has no reading but week 07: it is the same value as
    ``2000-W07``. Nothing else is merged here: ``1968-XX`` (some month of
    1968) and ``198X`` (some year of the 1980s) name other granularities
    than ``1968`` and ``198``, and ``P1D`` is not ``P24H``; those
    spellings count only in ``value_f1_lenient``.
    """
    if gold == pred:
        return True
    if gold is None or pred is None:
        return False
    return _pad_week(gold) == _pad_week(pred)


def _pad_week(value: str) -> str:
    return _SHORT_WEEK.sub(lambda m: f"-W0{m.group(1)}", value)


_OPEN_TAIL = re.compile(r"(?:-XX)+$")
_OPEN_DIGITS = re.compile(r"^(\d{1,3})X+$")


def canonical_value(value: str) -> str:
    """A TIMEX3 value with spelling variants of the same value made equal (lenient scoring only).

    Annotators write one value several ways: ``2000-W7`` for ISO ``2000-W07``,
    ``198X`` for the decade ``198``, ``1968-XX`` or ``1968-XX-XX`` for the year
    ``1968``. Only the first is the same value by the TIMEX3 format (see
    ``same_value``, which ``value_f1`` uses); the others differ in granularity
    as written, so only ``value_f1_lenient`` compares these canonical forms.
    """
    value = _pad_week(value)
    value = _OPEN_TAIL.sub("", value)
    return _OPEN_DIGITS.sub(r"\1", value)


def time_errors(name: str, gold_dir: Path, *, limit: int | None = None) -> list[str]:
    """Readable lines for every miss: wrong value, missed gold, spurious prediction."""
    gold_dir = Path(gold_dir)
    if name == "tempeval3":
        docs = _tempeval_docs(gold_dir, limit)[1]
    else:
        docs = [read_meantime(f) for f in sorted((gold_dir / "time" / "meantime_en").rglob("*.xml"))[:limit]]
    lines = []
    for doc, pred in zip(docs, _predict(docs, None)):
        pairs = _match(doc.timexes, pred)
        hit = {id(p) for _, p in pairs}
        for g, p in pairs:
            if not same_value(g.value, p.value):
                lines.append(f"VALUE {doc.published} gold {doc.text[g.start:g.end]!r}={g.value} "
                             f"pred {p.text!r}={p.value} ({p.resolution})")
        for g in doc.timexes:
            if all(g is not pg for pg, _ in pairs):
                lines.append(f"MISS  {doc.published} {doc.text[g.start:g.end]!r}={g.value} "
                             f"in ...{doc.text[max(0, g.start - 40):g.end + 30]!r}")
        lines.extend(f"FALSE {doc.published} {p.text!r}={p.value} ({p.resolution})"
                     for p in pred if id(p) not in hit)
    return lines
