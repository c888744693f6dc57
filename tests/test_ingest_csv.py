"""CSV reader: column aliases, explicit mappings, date normalisation, errors that say what to do."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import UsageError
from sitrep.ingest import read_inputs
from sitrep.ingest import csv as csv_reader
from sitrep.model import Article, ErrorResult

DATA = Path(__file__).parent / "data" / "store"


def _read(path: Path, **kwargs) -> list:
    return list(read_inputs([str(path)], **kwargs))


@pytest.mark.parametrize("mapping", [
    {"id": "story_id", "text": "body", "title": "headline", "source": "outlet", "published": "pubdate"},
])
def test_ingest_csv_explicit_columns(mapping):
    with csv_reader.using_columns(mapping):
        items = _read(DATA / "articles.csv")
    assert [a.id for a in items] == ["n-001", "n-002", "n-003", "n-004"]
    first = items[0]
    assert (first.title, first.source, first.published) == ("Troops shell border town", "Northern Wire",
                                                           "2016-03-14")
    assert first.meta["region"] == "hasakeh"
    assert first.origin.endswith("articles.csv:2")


@pytest.mark.parametrize("header,row,field,expected", [
    ("unit_id,article_title,article_content,source,date", "7,T,Some text.,sana,4/7/2017", "published",
     "2017-04-07"),
    ("unit_id,article_title,article_content,source,date", "7,T,Some text.,sana,4/7/2017", "id", "7"),
    ("ID;Text;Outlet", "x1;Body text here.;Wire", "source", "Wire"),
    ("id\ttext", "t1\tTab separated body.", "text", "Tab separated body."),
])
def test_ingest_csv_recognises_common_column_names(tmp_path, header, row, field, expected):
    path = tmp_path / "export.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    (article,) = _read(path)
    assert getattr(article, field) == expected


@pytest.mark.parametrize("raw,iso", [
    ("4/7/2017", "2017-04-07"), ("16/03/2016", "2016-03-16"), ("2016-03-17", "2016-03-17"),
    ("2016-03-17T10:00:00Z", "2016-03-17"), ("Fri, 07 Apr 2017 09:14:00 GMT", "2017-04-07"),
    ("7 April 2017", "2017-04-07"), ("April 7, 2017", "2017-04-07"), ("last spring", None),
    ("13/13/2017", None), ("", None),
])
def test_ingest_csv_normalise_date(raw, iso):
    assert csv_reader.normalise_date(raw) == iso


@pytest.mark.parametrize("raw", ["sometime in spring"])
def test_ingest_csv_keeps_unreadable_date_in_meta(tmp_path, raw):
    path = tmp_path / "a.csv"
    path.write_text(f"id,text,date\n1,Body.,{raw}\n", encoding="utf-8")
    (article,) = _read(path)
    assert article.published is None and article.meta["published_raw"] == raw


@pytest.mark.parametrize("header", ["id,headline,outlet"])
def test_ingest_csv_without_text_column_says_how_to_map(tmp_path, header):
    path = tmp_path / "notext.csv"
    path.write_text(f"{header}\n1,A,B\n", encoding="utf-8")
    (item,) = _read(path)
    assert isinstance(item, ErrorResult) and "--columns text=" in item.error


@pytest.mark.parametrize("mapping", [{"text": "missing_column"}])
def test_ingest_csv_unknown_mapped_column_is_an_error(mapping):
    with csv_reader.using_columns(mapping):
        (item,) = _read(DATA / "articles.csv")
    assert isinstance(item, ErrorResult) and "missing_column" in item.error


@pytest.mark.parametrize("spec,expected", [
    ("id=unit_id,text=article_content", {"id": "unit_id", "text": "article_content"}),
    (" text = body ", {"text": "body"}),
])
def test_ingest_csv_parse_columns(spec, expected):
    assert csv_reader.parse_columns(spec) == expected


@pytest.mark.parametrize("spec", ["author=x", "text", "text="])
def test_ingest_csv_parse_columns_rejects_bad_spec(spec):
    with pytest.raises(UsageError):
        csv_reader.parse_columns(spec)


@pytest.mark.parametrize("rows", [3])
def test_ingest_csv_multiline_cells_and_row_ids(tmp_path, rows):
    body = '"Line one.\nLine two."'
    path = tmp_path / "multi.csv"
    path.write_text("text\n" + "\n".join([body] * rows) + "\n", encoding="utf-8")
    items = _read(path)
    assert len(items) == rows and all(isinstance(a, Article) for a in items)
    assert items[0].text == "Line one.\nLine two."
    assert len({a.id for a in items}) == rows
