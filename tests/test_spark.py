"""The Spark adapter gives the local pipeline's results, row for row, from JSONL, Parquet and WARC."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="PySpark is not installed (optional extra sitrep[spark])")
if not shutil.which("java"):
    pytest.skip("no Java runtime on PATH; Spark needs Java 17", allow_module_level=True)

from sitrep.batch import spark as spark_batch  # noqa: E402
from sitrep.errors import UsageError  # noqa: E402
from sitrep.export.parquet import DOCUMENT_SCHEMA, EVENT_SCHEMA, event_rows  # noqa: E402
from sitrep.pipeline import process_batch  # noqa: E402

ARTICLES = [
    {"id": "a1", "published": "2021-03-02", "source": "Test Wire",
     "text": "Police arrested twelve protesters in Lagos on Monday.\n"
             "The governor said the city would reopen its markets next week."},
    {"id": "a2", "published": "2021-03-03", "source": "Test Wire",
     "text": "Government forces shelled the village of Kafr Zita on Tuesday, killing four civilians.\n"
             "\"We will not stop until the town is ours,\" a rebel commander told reporters."},
    {"id": "a3", "published": "2021-03-04", "source": "Other Daily",
     "text": "The foreign ministers of France and Germany met in Berlin to discuss the ceasefire.\n"
             "Both governments condemned the attack on the aid convoy."},
    {"id": "a4", "published": "2021-03-05", "source": "Other Daily",
     "text": "Workers went on strike in Santiago demanding higher wages."},
    {"id": "empty", "published": "2021-03-05", "text": "   "},
]


def _as_set(rows) -> set[tuple]:
    """Event rows as hashable tuples (lists become tuples), ignoring row order."""
    return {tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(row.items())) for row in rows}


@pytest.fixture(scope="module")
def local_events() -> set[tuple]:
    return _as_set(row for r in process_batch(ARTICLES) if r.ok for row in event_rows(r))


def _write_jsonl(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def _write_parquet(folder: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = folder / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(ARTICLES), str(path))
    return path


def _write_warc(folder: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = folder / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for a in ARTICLES[:4]:
            body = "".join(f"<p>{line}</p>" for line in a["text"].splitlines())
            html = f"<html><head><title>{a['id']}</title></head><body><article>{body}</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{a['id']}", "response", payload=io.BytesIO(html.encode()),
                http_headers=headers))
    return path


def _read_rows(folder: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(str(folder)).to_pylist()


@pytest.mark.slow
@pytest.mark.parametrize("fmt,writer", [("jsonl", _write_jsonl), ("parquet", _write_parquet)])
def test_spark_matches_local_process_batch(tmp_path, local_events, fmt, writer):
    counts = spark_batch.run(str(writer(tmp_path)), str(tmp_path / "out"), input_format=fmt,
                             master="local[2]", partitions=2)
    events = _read_rows(tmp_path / "out" / "events")
    assert local_events, "the sample must produce events for the comparison to mean anything"
    assert _as_set(events) == local_events
    assert counts == {"documents": len(ARTICLES), "failed": 1, "events": len(local_events)}


@pytest.mark.slow
@pytest.mark.parametrize("kind,schema", [("events", EVENT_SCHEMA), ("documents", DOCUMENT_SCHEMA)])
def test_spark_writes_the_export_schema(tmp_path, kind, schema):
    import pyarrow.parquet as pq

    spark_batch.run(str(_write_jsonl(tmp_path)), str(tmp_path / "out"), input_format="jsonl")
    written = pq.read_schema(next((tmp_path / "out" / kind).glob("*.parquet")))
    assert [(f.name, f.type) for f in written] == [(f.name, f.type) for f in schema]


@pytest.mark.slow
@pytest.mark.parametrize("count", [4])
def test_spark_reads_warc_responses(tmp_path, count):
    counts = spark_batch.run(str(_write_warc(tmp_path)), str(tmp_path / "out"), input_format="warc")
    documents = _read_rows(tmp_path / "out" / "documents")
    assert counts["documents"] == count and counts["failed"] == 0
    assert sorted(d["id"] for d in documents) == sorted(f"https://news.example/{a['id']}" for a in ARTICLES[:count])


@pytest.mark.parametrize("fmt", ["csv", "xml"])
def test_spark_unknown_format_is_a_usage_error(tmp_path, fmt):
    with pytest.raises(UsageError, match="unknown Spark input format"):
        spark_batch.run(str(tmp_path), str(tmp_path / "out"), input_format=fmt)


@pytest.mark.parametrize("name", ["missing.jsonl"])
def test_spark_missing_input_is_a_usage_error(tmp_path, name):
    with pytest.raises(UsageError, match="not found"):
        spark_batch.run(str(tmp_path / name), str(tmp_path / "out"))


@pytest.mark.parametrize("row,expected", [
    ({"id": 7, "text": "x", "published": None}, {"id": 7, "text": "x"}),
    ({"id": "w", "error": "cut short"}, "cut short"),
])
def test_spark_record_conversion(row, expected):
    record = spark_batch._record(row)
    got = record.error if hasattr(record, "error") else record
    assert got == expected


@pytest.mark.parametrize("argv_tail,code", [(["--input-format", "jsonl"], 2)])
def test_spark_cli_missing_input_exits_with_usage_code(tmp_path, capsys, argv_tail, code):
    from sitrep.cli import main

    assert main(["spark", "analyze", str(tmp_path / "none.jsonl"), str(tmp_path / "out"), *argv_tail]) == code
    assert "not found" in capsys.readouterr().err
