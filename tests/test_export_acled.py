"""ACLED-style CSV: the documented columns, ACLED's own type names, fatalities from attributes."""
from __future__ import annotations

import csv
import io

import pytest

from sitrep.export.acled import ACLED_NAMES, COLUMNS, acled_row, write_acled_csv


def _event(kind: str, mode: str | None = None, **extra) -> dict:
    event = {"event": kind, "mode": mode, "context": [], "actor": [], "recipient": [], "date": "2016-03-14",
             "date_resolution": "explicit", "time": None, "location": None, "location_resolution": None,
             "status": "occurred", "reported_by": None, "attributes": {},
             "evidence": {"text": "troops shelled the town", "start": 0, "end": 23}, "trigger": None,
             "mentions": [], "quad": 4, "rule": "test", "confidence": None}
    event.update(extra)
    return event


DOC = {"id": "a1", "source": "Northern Wire", "published": "2016-03-15"}


@pytest.mark.parametrize("event,event_type", [
    (_event("ASSAULT", "aerial"), "Explosions/Remote violence"),
    (_event("PROTEST"), "Protests"),
    (_event("AGREE", quad=1), "Strategic developments"),
])
def test_export_acled_event_type(event, event_type):
    assert acled_row(event, DOC)["event_type"] == event_type


@pytest.mark.parametrize("attributes,fatalities", [({"dead": 4}, 4), ({}, 0), ({"dead": "many"}, 0)])
def test_export_acled_fatalities(attributes, fatalities):
    assert acled_row(_event("ASSAULT", attributes=attributes), DOC)["fatalities"] == fatalities


@pytest.mark.parametrize("place", [{"text": "Qamishli", "start": 30, "end": 38, "name": "Al Qamishli", "lat": 37.05,
                                    "lon": 41.22}])
def test_export_acled_location_and_notes(place):
    row = acled_row(_event("ASSAULT", location=place), DOC)
    assert (row["location"], row["latitude"], row["longitude"]) == ("Al Qamishli", 37.05, 41.22)
    assert row["notes"] == "a1: troops shelled the town" and row["source"] == "Northern Wire"


@pytest.mark.parametrize("n", [2])
def test_export_acled_csv_header_and_rows(n):
    out = io.StringIO()
    assert write_acled_csv([(_event("ASSAULT"), DOC)] * n, out) == n
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == n


@pytest.mark.parametrize("name", ["event_acled_map.yaml"])
def test_export_acled_names_cover_the_map(name):
    from pathlib import Path

    import yaml

    rules = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "extract" / "rules" / name
    if not rules.exists():
        pytest.skip("event_acled_map.yaml not present")
    codes = {r["acled"] for r in yaml.safe_load(rules.read_text(encoding="utf-8"))["rules"]} | {"OTHER"}
    assert codes <= set(ACLED_NAMES)
