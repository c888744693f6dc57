"""PLOVER JSONL export: every record validates, and export -> re-import -> export is identical."""
from __future__ import annotations

import json

import pytest

from test_store import ARTICLES


@pytest.fixture()
def filled_store(store_url):
    from sitrep.store import open_store
    from sitrep.store.loader import ingest

    with open_store(store_url) as st:
        ingest(list(ARTICLES), st)
        yield st


def _export(store, path):
    from sitrep.cli.corpus import export_plover

    return export_plover(store, path)


@pytest.mark.parametrize("name", ["events.jsonl"])
def test_export_plover_records_validate(filled_store, tmp_path, name):
    from sitrep.export.plover import validate

    n = _export(filled_store, tmp_path / name)
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == filled_store.count("events") > 0
    for line in lines:
        record = json.loads(line)
        validate(record)
        assert record["event"][0] == record["sitrep"]["event"]["event"]


@pytest.mark.parametrize("field", ["event_text", "actor"])
def test_export_plover_text_info_points_into_article(filled_store, tmp_path, field):
    _export(filled_store, tmp_path / "e.jsonl")
    texts = {a.id: a.text for a in ARTICLES}
    for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = texts[r["text_info"]["text_story"]]
        if field == "event_text":
            assert text[r["text_info"]["start"]:r["text_info"]["end"]] == r["event_text"]
        else:
            assert all(text[a["start"]:a["end"]] == a["text"] for a in r["actor"] + r["recipient"])


@pytest.mark.parametrize("times", [2])
def test_export_plover_round_trip_same_events(filled_store, tmp_path, times):
    from sitrep.export.plover import documents_from_plover, read_plover
    from sitrep.store import open_store
    from sitrep.store.loader import import_documents

    first = tmp_path / "first.jsonl"
    _export(filled_store, first)
    target = f"sqlite:///{tmp_path / 'reimport.db'}"
    with open_store(target) as fresh:
        for run in range(times):
            with open(first, encoding="utf-8") as fh:
                summary = import_documents(documents_from_plover(read_plover(fh, where="first")), fresh,
                                           origin="first")
            stories = len({json.loads(line)["text_info"]["text_story"]
                           for line in first.read_text(encoding="utf-8").splitlines()}) if run == 0 else 0
            assert (summary.ingested, summary.duplicates) == (stories, summary.total - stories)
        second = tmp_path / "second.jsonl"
        _export(fresh, second)
        assert fresh.count("events") == filled_store.count("events")
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


@pytest.mark.parametrize("record", [
    {"id": "x-1", "date": "2016-05-01", "actor": [{"code": "SYR", "text": "Syria", "start": 0, "end": 5}],
     "event": ["ASSAULT"], "text_info": {"text_story": "story-9"}, "event_text": "Syria shelled"},
])
def test_export_plover_imports_foreign_records(tmp_path, record):
    from sitrep.export.plover import documents_from_plover

    ((doc, content_hash),) = list(documents_from_plover([record]))
    assert doc["id"] == "story-9" and content_hash.startswith("plover:")
    event = doc["events"][0]
    assert (event["event"], event["quad"], event["actor"][0]["code"]) == ("ASSAULT", 4, "SYR")


@pytest.mark.parametrize("breakage", [
    lambda r: r.update(event=["EXPLODE"]),
    lambda r: r.update(date="18 Oct 2016"),
    lambda r: r.pop("actor"),
    lambda r: r.update(quad_code=7),
])
def test_export_plover_schema_rejects_bad_records(filled_store, tmp_path, breakage):
    import jsonschema

    from sitrep.export.plover import validate

    _export(filled_store, tmp_path / "e.jsonl")
    record = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()[0])
    breakage(record)
    with pytest.raises(jsonschema.ValidationError):
        validate(record)
