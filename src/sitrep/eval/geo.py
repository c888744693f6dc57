"""Scorers for the places layer: LGL (US local news) and GeoVirus (Wikinews).

Metrics (all over the documents read, ``limit`` first ones):

- ``precision``/``recall``/``f1``: toponym spans; a predicted place matches a gold toponym
  when their character spans overlap (one-to-one, in text order).
- ``acc161``: share of ALL gold toponyms that carry coordinates for which the matched
  predicted place lies within 161 km of the gold point. Missed toponyms, and matched ones
  left unresolved, count as wrong. This is the strict, end-to-end figure.
- ``acc161_matched``: the same over gold toponyms that were matched AND resolved to
  coordinates only: the figure papers usually publish (resolution quality alone).
- ``mean_error_km``/``median_error_km``: distance over those matched and resolved toponyms.
- ``acc161_matched_areas``/``acc161_matched_points``: ``acc161_matched`` split by what the
  prediction is: a country, first-level division, continent, region or sea (an area, whose
  single point is a convention: GeoNames and Wikipedia put China 180 km apart) or anything
  smaller (a town, district, landmark). ``n_areas``/``n_points`` count them.
- ``n``: gold toponyms; ``n_docs``; ``fingerprint`` of the gold file.
"""
from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.eval import fingerprint
from sitrep.eval.spans import overlap, prf
from sitrep.extract.places import distance_km
from sitrep.model import Article, Place
from sitrep.settings import Settings

#: Accuracy radius of the geoparsing literature (100 miles).
RADIUS_KM = 161.0
#: Gazetteer feature classes of places too large for one point to stand for them.
AREA_FEATURES = frozenset({"country", "admin1", "province", "continent", "region", "sea"})
LGL_PATH = Path("geo/lgl/lgl.xml")
GEOVIRUS_PATH = Path("geo/geovirus/GeoVirus.xml")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One gold toponym and what the system made of it (for error lists)."""

    doc_id: str
    gold: GoldToponym
    pred: Place | None
    error_km: float | None

    @property
    def correct(self) -> bool:
        return self.error_km is not None and self.error_km <= RADIUS_KM


def read_lgl(path: Path) -> Iterator[tuple[Article, list[GoldToponym]]]:
    """LGL articles: exact character offsets, GeoNames lat/lon (absent for some toponyms)."""
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            lat, lon = (float(tag.findtext("lat")), float(tag.findtext("lon"))) if (
                tag is not None and tag.findtext("lat")) else (None, None)
            start, end = int(top.findtext("start")), int(top.findtext("end"))
            gold.append(GoldToponym(start, end, text[start:end], lat, lon))
        yield Article(id=art.get("docid") or "", text=text, source=art.findtext("domain")), gold


def read_geovirus(path: Path) -> Iterator[tuple[Article, list[GoldToponym]]]:
    """GeoVirus articles; its offsets are one too high, so the span is text[start-1:end-1]."""
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            start, end = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1
            gold.append(GoldToponym(start, end, text[start:end], float(loc.findtext("lat")),
                                    float(loc.findtext("lon"))))
        yield Article(id=f"geovirus-{i}", text=text, url=art.findtext("source")), gold


def outcomes(reader, path: Path, *, limit: int | None = None,
             settings: Settings | None = None) -> tuple[list[Outcome], int, int]:
    """Run the places layer over the gold articles: every gold toponym's outcome, the
    number of predicted places and the number of articles read."""
    from sitrep.pipeline import process_batch

    pairs = list(reader(path))[:limit]
    settings = (settings or Settings()).with_(layers=frozenset({"places"}))
    results = process_batch([article for article, _ in pairs], settings=settings)
    found, n_pred = [], 0
    for (article, gold), result in zip(pairs, results):
        preds = list(getattr(result, "places", []))
        n_pred += len(preds)
        found.extend(_match(article.id, gold, preds))
    return found, n_pred, len(pairs)


def _match(doc_id: str, gold: list[GoldToponym], preds: list[Place]) -> list[Outcome]:
    """One-to-one overlap matching in text order; each prediction serves one toponym."""
    free = sorted(preds, key=lambda p: p.start)
    found = []
    for g in sorted(gold, key=lambda g: g.start):
        pred = next((p for p in free if overlap((g.start, g.end), (p.start, p.end)) > 0), None)
        if pred is not None:
            free.remove(pred)
        error = None
        if pred is not None and pred.lat is not None and g.lat is not None:
            error = distance_km(g.lat, g.lon, pred.lat, pred.lon)
        found.append(Outcome(doc_id, g, pred, error))
    return found


def summarise(found: list[Outcome], n_pred: int) -> dict:
    matched = sum(o.pred is not None for o in found)
    located = [o for o in found if o.gold.lat is not None]
    resolved = [o for o in located if o.error_km is not None]
    correct = sum(o.correct for o in located)
    errors = [o.error_km for o in resolved]
    areas = [o for o in resolved if o.pred.feature in AREA_FEATURES]
    points = [o for o in resolved if o.pred.feature not in AREA_FEATURES]
    metrics = prf(matched, n_pred, len(found))
    metrics.update({
        "acc161": round(correct / len(located), 4) if located else 0.0,
        "acc161_matched": round(correct / len(resolved), 4) if resolved else 0.0,
        "acc161_matched_areas": _share(areas), "acc161_matched_points": _share(points),
        "n_areas": len(areas), "n_points": len(points),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
        "n": len(found), "n_located": len(located), "n_resolved": len(resolved),
        "n_pred": n_pred,
    })
    return metrics


def _share(outcomes: list[Outcome]) -> float:
    return round(sum(o.correct for o in outcomes) / len(outcomes), 4) if outcomes else 0.0


def _score(reader, path: Path, limit, settings) -> dict:
    if not path.exists():
        raise FileNotFoundError(f"gold file {path} not found; set SITREP_GOLD to the gold folder")
    found, n_pred, n_docs = outcomes(reader, path, limit=limit, settings=settings)
    metrics = summarise(found, n_pred)
    metrics["n_docs"] = n_docs
    metrics["fingerprint"] = fingerprint(path)
    return metrics


def score_lgl(gold_dir: Path, *, limit: int | None = None,
              settings: Settings | None = None) -> dict:
    """Toponym spans and Acc@161 on LGL (588 US local news articles, 2009)."""
    return _score(read_lgl, Path(gold_dir) / LGL_PATH, limit, settings)


def score_geovirus(gold_dir: Path, *, limit: int | None = None,
                   settings: Settings | None = None) -> dict:
    """Toponym spans and Acc@161 on GeoVirus (229 Wikinews articles on epidemics)."""
    return _score(read_geovirus, Path(gold_dir) / GEOVIRUS_PATH, limit, settings)
