"""Parquet rows: one definition of event and document rows, typed by a fixed schema."""
from __future__ import annotations

import pytest

from sitrep.export.parquet import DOCUMENT_SCHEMA, EVENT_SCHEMA, document_row, event_rows, write_table
from sitrep.model import ErrorResult

TEXT = ("Government troops shelled the border town of Qamishli on Monday, killing four civilians, "
        "local officials said.")


@pytest.fixture(scope="module")
def result():
    import sitrep

    return sitrep.analyze(TEXT, published="2016-03-15", id="p1", source="Northern Wire")


@pytest.mark.parametrize("schema,rows", [("event", None), ("document", None)])
def test_export_parquet_rows_have_schema_keys(result, schema, rows):
    if schema == "event":
        rows = list(event_rows(result))
        assert rows and all(list(r) == EVENT_SCHEMA.names for r in rows)
        assert all(TEXT[r["evidence_start"]:r["evidence_end"]] == r["evidence"] for r in rows)
    else:
        assert list(document_row(result)) == DOCUMENT_SCHEMA.names


@pytest.mark.parametrize("error", [ErrorResult(id="bad", error="bad: empty text")])
def test_export_parquet_error_document_row(error):
    row = document_row(error)
    assert (row["id"], row["ok"], row["error"], row["events"]) == ("bad", False, "bad: empty text", None)


@pytest.mark.parametrize("name", ["events.parquet"])
def test_export_parquet_write_and_read_back(result, tmp_path, name):
    import pyarrow.parquet as pq

    n = write_table(event_rows(result), EVENT_SCHEMA, tmp_path / name)
    table = pq.read_table(tmp_path / name)
    assert table.schema.equals(EVENT_SCHEMA) and table.num_rows == n == len(result.events)
    assert table.column("article_id").to_pylist() == ["p1"] * n
