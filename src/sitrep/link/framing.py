"""Framing side by side: how each outlet of a story words the same actors and claims.

Built only from each article's ``framing`` cues (``extract/framing.py``):
per outlet, the labels it gives each class of actor ("terrorists" vs
"rebels" vs "opposition" for armed groups), its scare quotes, loaded words
and hedges, each with counts and the articles they came from. A story's
framing also lists the actor classes on which outlets chose different
words, the comparison an analyst looks for first.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sitrep.model import DocumentResult

KINDS = ("scare_quote", "loaded", "hedge")


def outlet_framing(results: Iterable[DocumentResult], sources: Mapping[str, str]) -> dict[str, Any]:
    """``{"outlets": {outlet: {...}}, "actor_labels": {target: {outlet: [labels]}}, "differs": [...]}``."""
    per: dict[str, dict[str, Any]] = defaultdict(lambda: {
        "articles": [], "actor_labels": defaultdict(Counter), "stance": Counter(),
        **{k: Counter() for k in KINDS}})
    for r in results:
        out = per[sources.get(r.article.id) or r.article.source or "unknown"]
        out["articles"].append(r.article.id)
        for cue in r.framing:
            if cue.kind == "actor_label" and cue.target:
                out["actor_labels"][cue.target][cue.label or cue.text.lower()] += 1
                out["stance"][cue.stance or "neutral"] += 1
            elif cue.kind in KINDS:
                out[cue.kind][cue.label or cue.text.lower()] += 1
    outlets = {src: _plain(v) for src, v in sorted(per.items())}
    side_by_side = _side_by_side(outlets)
    return {"outlets": outlets, "actor_labels": side_by_side, "differs": _differs(side_by_side)}


def _plain(v: dict[str, Any]) -> dict[str, Any]:
    return {"articles": v["articles"],
            "actor_labels": {t: dict(c.most_common()) for t, c in sorted(v["actor_labels"].items())},
            "stance": dict(v["stance"].most_common()),
            **{k: dict(v[k].most_common()) for k in KINDS}}


def _side_by_side(outlets: dict[str, dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """Actor class -> outlet -> its labels, most used first."""
    table: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for src, v in outlets.items():
        for target, labels in v["actor_labels"].items():
            table[target][src] = list(labels)
    return {t: dict(sorted(row.items())) for t, row in sorted(table.items())}


def _differs(table: dict[str, dict[str, list[str]]]) -> list[str]:
    """Actor classes whose main label is not the same for every outlet naming them."""
    return [t for t, row in table.items() if len(row) > 1 and len({labels[0] for labels in row.values()}) > 1]
