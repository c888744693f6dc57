"""Clustering and coreference metrics: MUC, B-cubed, CEAF-e and their CoNLL average.

Clusters are collections of hashable mention ids. Following the CoNLL-2012
scorer, mentions present on only one side still count (B-cubed treats them
as singletons of the other side); MUC ignores singletons by construction.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = Sequence[Collection]


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(p: float, r: float) -> dict[str, float]:
    return {"precision": p, "recall": r, "f1": _f(p, r)}


def _where(clusters: Clusters) -> dict:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: Clusters, response: Clusters) -> float:
    """Vilain et al. 1995: links of ``key`` kept by ``response`` partitions."""
    where = _where(response)
    num = den = 0
    for c in key:
        parts = {where.get(m, ("alone", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num / den if den else 0.0


def muc(key: Clusters, response: Clusters) -> dict[str, float]:
    return _prf(_muc_side(response, key), _muc_side(key, response))


def _b3_side(key: Clusters, response: Clusters) -> float:
    """Bagga & Baldwin 1998: mean over ``key`` mentions of overlap share."""
    where = _where(response)
    resp = [set(c) for c in response]
    total = n = 0.0
    for c in key:
        cs = set(c)
        for m in cs:
            n += 1
            r = resp[where[m]] if m in where else {m}
            total += len(cs & r) / len(cs)
    return total / n if n else 0.0


def b_cubed(key: Clusters, response: Clusters) -> dict[str, float]:
    return _prf(_b3_side(response, key), _b3_side(key, response))


def ceaf_e(key: Clusters, response: Clusters) -> dict[str, float]:
    """Luo 2005, entity-based: best one-to-one alignment under phi4 = 2|K∩R|/(|K|+|R|)."""
    ks, rs = [set(c) for c in key], [set(c) for c in response]
    if not ks or not rs:
        return _prf(0.0, 0.0)
    sim = np.zeros((len(ks), len(rs)))
    where = _where(rs)
    for i, k in enumerate(ks):
        for j in {where[m] for m in k if m in where}:
            sim[i, j] = 2 * len(k & rs[j]) / (len(k) + len(rs[j]))
    rows, cols = linear_sum_assignment(sim, maximize=True)
    best = float(sim[rows, cols].sum())
    return _prf(best / len(rs), best / len(ks))


def conll(key: Clusters, response: Clusters) -> dict[str, float]:
    """MUC, B-cubed and CEAF-e F1 and their mean (the CoNLL F1)."""
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}
    out = {f"{name}_{k}": v for name, s in scores.items() for k, v in s.items()}
    out["conll_f1"] = sum(s["f1"] for s in scores.values()) / 3
    return out
