"""Reading plain text: decoding, line endings, front matter."""
from __future__ import annotations

import codecs

import pytest

from sitrep.errors import InputError
from sitrep.ingest import read_inputs, sniff
from sitrep.ingest.decode import decode
from sitrep.ingest.text import split_front_matter
from sitrep.model import Article, ErrorResult


@pytest.mark.parametrize("data,expected", [
    (codecs.BOM_UTF8 + "Aleppo – ceasefire".encode(), "Aleppo – ceasefire"),
    (codecs.BOM_UTF16_LE + "Aleppo ceasefire".encode("utf-16-le"), "Aleppo ceasefire"),
    (codecs.BOM_UTF16_BE + "Aleppo ceasefire".encode("utf-16-be"), "Aleppo ceasefire"),
    (b"line one\r\nline two\rline three\n", "line one\nline two\nline three\n"),
])
def test_decode_boms_and_line_endings(data, expected):
    assert decode(data, "x") == expected


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"), (b"\n \n", "empty"), (b"abc\x00def", "binary"),
    (b"\xff\xd8\xff\xe0 jpeg", "not valid UTF-8"), (bytes(range(1, 32)) * 40, "binary"),
])
def test_decode_refuses_non_text(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data, "where.txt")


@pytest.mark.parametrize("text", ["---\npublished: 2023-07-10\nsource: Sample Daily\ntitle: Fuel protest\n---\nBody."])
def test_text_front_matter_sets_metadata_and_strips_header(text):
    meta, body = split_front_matter(text)
    assert meta == {"published": "2023-07-10", "source": "Sample Daily", "title": "Fuel protest"}
    assert body == "Body."


@pytest.mark.parametrize("text", ["--- not front matter\nBody", "---\nnothing: here\n---\nBody"])
def test_text_without_front_matter_is_untouched(text):
    assert split_front_matter(text) == ({}, text)


def test_read_inputs_directory_in_order_with_default_date(tmp_path):
    (tmp_path / "b.txt").write_text("Second article text here.")
    (tmp_path / "a.txt").write_text("---\npublished: 2020-01-02\n---\nFirst article text here.")
    (tmp_path / ".hidden.txt").write_text("ignored")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    items = list(read_inputs([str(tmp_path)], published="2021-05-05"))
    assert [a.id for a in items] == ["a", "b"]
    assert [a.published for a in items] == ["2020-01-02", "2021-05-05"]
    assert all(isinstance(a, Article) for a in items)


def test_read_inputs_missing_path_is_an_error_result(tmp_path):
    items = list(read_inputs([str(tmp_path / "gone.txt")]))
    assert isinstance(items[0], ErrorResult) and "no such file" in items[0].error


@pytest.mark.parametrize("data,fmt", [(b'{"id": 1}', "jsonl"), (b"  <html>", "html"), (b"Plain", "text")])
def test_sniff_stdin_format(data, fmt):
    assert sniff(data) == fmt
