"""Scorers for each layer against the development gold data (``../shared/gold``).

Every scorer is a plain function ``score(gold_dir, *, limit=None, settings=None) -> dict``
returning metric names to floats, plus ``n`` (items scored) and ``fingerprint``
(a hash of the gold files read). The CLI (``sitrep eval NAME``) and the CI
gate (``sitrep eval gate``) are thin callers of this registry.
"""
from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path

#: name -> "module:function". Each gold set has one scorer.
SCORERS: dict[str, str] = {
    "conflibert": "sitrep.eval.events:score_conflibert",
    "case2021": "sitrep.eval.events:score_case2021",
    "ngec_silver": "sitrep.eval.silver:score_ngec_silver",
    "ngec_actors": "sitrep.eval.actors:score_ngec_actors",
    "petrarch2": "sitrep.eval.events:score_petrarch2",
    "noevents": "sitrep.eval.events:score_noevents",
    "polnear": "sitrep.eval.quotes:score_polnear",
    "tempeval3": "sitrep.eval.time:score_tempeval3",
    "meantime": "sitrep.eval.time:score_meantime",
    "lgl": "sitrep.eval.geo:score_lgl",
    "geovirus": "sitrep.eval.geo:score_geovirus",
    "ecbplus": "sitrep.eval.stories:score_ecbplus",
    "fakes": "sitrep.eval.stories:score_fakes",
    "contradictions_judged": "sitrep.eval.stories:score_contradictions_judged",
    "basil": "sitrep.eval.stories:score_basil",
    "ptc": "sitrep.eval.stories:score_ptc",
}


def default_gold_dir() -> Path:
    """``$SITREP_GOLD``, else ``../shared/gold`` beside the project checkout."""
    env = os.environ.get("SITREP_GOLD")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "gold"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "gold"


def fingerprint(*paths: Path) -> str:
    """A short sha256 over the named gold files (and every file under named folders)."""
    h = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def get_scorer(name: str):
    if name not in SCORERS:
        raise KeyError(f"unknown gold set {name!r}; known: {', '.join(sorted(SCORERS))}")
    module, func = SCORERS[name].split(":")
    return getattr(importlib.import_module(module), func)


def run(name: str, gold_dir: Path | None = None, *, prefilter: bool = False, **kwargs) -> dict:
    """Score gold set ``name``; ``prefilter`` scores it with ``Settings(prefilter=True)``
    (sets whose scorer does not run the article pipeline ignore it)."""
    if prefilter:
        from sitrep.settings import Settings

        kwargs.setdefault("settings", Settings(prefilter=True))
    return get_scorer(name)(gold_dir or default_gold_dir(), **kwargs)
