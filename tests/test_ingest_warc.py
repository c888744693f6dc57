"""WARC reader: HTML response records become articles; a truncated .gz keeps what was read."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.model import Article, ErrorResult

BODY = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>{sentence} Officials in the province confirmed the report on Saturday evening.</p>"
        "<p>Further details were expected after a meeting of the regional council on Monday.</p>"
        "</article></body></html>")
PAGES = [
    ("http://example.invalid/1", "Wells dug in Raqqa", "Aid workers finished digging three wells in Raqqa."),
    ("http://example.invalid/2", "School reopens in Daraa", "A primary school in Daraa reopened its doors."),
    ("http://example.invalid/3", "Market fire in Idlib", "A fire destroyed twenty stalls at a market in Idlib."),
]


def build_warc(path: Path, pages=PAGES, *, gz: bool = True, extra_non_html: bool = True) -> Path:
    """A WARC file of HTML responses (and a request and an image record that are skipped)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, title, sentence in pages:
            html = BODY.format(title=title, sentence=sentence).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html),
                                                          http_headers=headers))
            if extra_non_html:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(uri + ".png", "response",
                                                              payload=io.BytesIO(b"\x89PNG"), http_headers=img))
    return path


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_ingest_warc_html_responses_become_articles(tmp_path, name, gz):
    path = build_warc(tmp_path / name, gz=gz)
    items = list(read_inputs([str(path)]))
    assert [a.id for a in items] == [uri for uri, _t, _s in PAGES]
    assert all(isinstance(a, Article) for a in items)
    assert "three wells in Raqqa" in items[0].text and items[0].url == PAGES[0][0]


@pytest.mark.parametrize("keep", [0.75])
def test_ingest_warc_truncated_gz_keeps_what_was_read(tmp_path, keep):
    path = build_warc(tmp_path / "cut.warc.gz", extra_non_html=False)
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)])
    items = list(read_inputs([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ErrorResult)]
    assert len(articles) == 2 and [a.id for a in articles] == [PAGES[0][0], PAGES[1][0]]
    assert len(errors) == 1 and "the rest was not read" in errors[0].error


@pytest.mark.parametrize("keep", [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95])
@pytest.mark.parametrize("gz", [True, False])
def test_ingest_warc_cut_anywhere_keeps_a_prefix(tmp_path, keep, gz):
    path = build_warc(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), gz=gz)
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)])
    items = list(read_inputs([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == [uri for uri, _t, _s in PAGES[:len(articles)]]
    assert all(isinstance(i, ErrorResult) for i in items[len(articles):])


@pytest.mark.parametrize("marker", [b"twenty stalls"])
def test_ingest_warc_record_cut_in_its_body_is_reported(tmp_path, marker):
    path = build_warc(tmp_path / "cut.warc", gz=False, extra_non_html=False)
    data = path.read_bytes()
    path.write_bytes(data[:data.index(marker) + 5])
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, Article, ErrorResult]
    assert "the rest was not read" in items[-1].error


@pytest.mark.parametrize("payload", [b"this is not a warc file at all"])
def test_ingest_warc_garbage_is_one_error(tmp_path, payload):
    path = tmp_path / "bad.warc"
    path.write_bytes(payload)
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], ErrorResult)


@pytest.mark.parametrize("name", ["crawl.warc.gz"])
def test_ingest_warc_found_in_directories_by_double_suffix(tmp_path, name):
    folder = tmp_path / "crawl"
    folder.mkdir()
    build_warc(folder / name)
    (folder / "notes.gz").write_bytes(gzip.compress(b"ignored"))
    items = list(read_inputs([str(folder)]))
    assert len(items) == len(PAGES)
