"""``sitrep stories`` / ``sitrep story`` over examples/truce-reports.jsonl analysed on the fly."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "truce-reports.jsonl"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, nlp) -> Path:
    """The example articles through ``sitrep analyze --format jsonl``."""
    import sitrep

    out = tmp_path_factory.mktemp("stories") / "truce.analysed.jsonl"
    with EXAMPLE.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            rec = json.loads(line)
            r = sitrep.analyze(rec["text"], published=rec["published"], id=rec["id"],
                               title=rec.get("title"), source=rec.get("source"))
            w.write(json.dumps(r.to_dict()) + "\n")
    return out


def _stories(capsys, *args) -> list[dict]:
    assert main(["stories", *args, "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize("slot,values", [("duration", {"PT8H", "PT48H"})])
def test_cli_stories_jsonl_links_outlets_and_flags_duration(analysed, capsys, slot, values):
    (story,) = _stories(capsys, "--input", str(analysed))
    assert story["sources"] == ["Wire A", "Wire B"]
    assert story["independent_sources"] == 2
    found = [c for c in story["contradictions"] if c["slot"] == slot]
    assert found and {v["value"] for v in found[0]["values"]} == values


@pytest.mark.parametrize("flags,count", [(["--since", "2016-10-17"], 1), (["--until", "2016-10-01"], 0),
                                         (["--place", "aleppo"], 1), (["--place", "Nairobi"], 0)])
def test_cli_stories_filters(analysed, capsys, flags, count):
    assert len(_stories(capsys, "--input", str(analysed), *flags)) == count


@pytest.mark.parametrize("fmt,needle", [("text", "Contradictions:"), ("json", '"contradictions"')])
def test_cli_story_shows_one(analysed, capsys, fmt, needle):
    (story,) = _stories(capsys, "--input", str(analysed))
    assert main(["story", story["id"], "--input", str(analysed), "--format", fmt]) == 0
    assert needle in capsys.readouterr().out


@pytest.mark.parametrize("args,code", [(["stories", "--input", "/nonexistent.jsonl"], 2),
                                      (["story", "s000", "--input", str(EXAMPLE)], 2)])
def test_cli_stories_errors_exit_2(args, code, capsys):
    assert main(args) == code
    assert "sitrep:" in capsys.readouterr().err


def test_cli_stories_default_store_from_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SITREP_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert main(["stories", "--format", "jsonl"]) == 0
    assert (tmp_path / "env.db").exists() and capsys.readouterr().out == ""


def test_cli_events_story_filter_unknown_story_is_usage_error(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert main(["events", "--db", url, "--story", "s000"]) == 2
    assert "no story 's000'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt,lines", [("table", 1), ("jsonl", 0)])
def test_cli_stories_reads_empty_store(tmp_path, capsys, fmt, lines):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert main(["stories", "--db", url, "--format", fmt]) == 0
    assert len(capsys.readouterr().out.splitlines()) == lines


def test_cli_events_story_filter_keeps_the_story_articles(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'truce.db'}"
    assert main(["ingest", str(EXAMPLE), "--db", url]) == 0
    capsys.readouterr()
    (story,) = _stories(capsys, "--db", url)
    assert main(["events", "--db", url, "--story", story["id"], "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and {r["article"] for r in rows} <= set(story["articles"])
