"""Span-matching helpers shared by the scorers."""
from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def token_offsets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of the word/punctuation tokens inside text[start:end]."""
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def token_overlap_share(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> float:
    """Share of the gold span's tokens that the predicted span covers (0..1)."""
    toks = token_offsets(text, *gold)
    if not toks:
        return 0.0
    return sum(1 for t in toks if overlap(t, pred) > 0) / len(toks)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
