"""RSS/Atom reader: entries as articles, linked pages with --fetch, entity bombs refused."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.ingest import rss
from sitrep.model import Article, ErrorResult
from test_ingest_fetch import PAGE, http_site  # noqa: F401 (fixture)

DATA = Path(__file__).parent / "data" / "store"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>t</title><guid>b1</guid><description>Before &lol9; after the blast.</description></item>
</channel></rss>"""


@pytest.mark.parametrize("name,ids,outlet", [
    ("feed.rss", ["harbour-1", "harbour-2"], "Harbour Gazette"),
    ("feed.atom", ["urn:sitrep:test:valley:1"], "Valley Monitor"),
])
def test_ingest_rss_entries_become_articles(name, ids, outlet):
    items = list(read_inputs([str(DATA / name)]))
    assert [a.id for a in items] == ids
    assert all(isinstance(a, Article) and a.source == outlet and a.text for a in items)


@pytest.mark.parametrize("field,expected", [
    ("published", "2016-04-05"), ("title", "Port workers strike in Latakia"),
    ("url", "http://127.0.0.1/news/strike.html"),
    ("text", "Port workers in Latakia went on strike on Monday to demand higher wages.\n"
             "The port authority said talks would resume on Wednesday."),
])
def test_ingest_rss_entry_fields(field, expected):
    first = next(iter(read_inputs([str(DATA / "feed.rss")])))
    assert getattr(first, field) == expected


@pytest.mark.parametrize("payload", [BILLION_LAUGHS])
def test_ingest_rss_billion_laughs_does_not_expand(tmp_path, payload):
    path = tmp_path / "bomb.rss"
    path.write_bytes(payload)
    started = time.monotonic()
    items = list(read_inputs([str(path)]))
    assert time.monotonic() - started < 5
    assert all(len(getattr(i, "text", "")) < 1000 for i in items)
    assert "lollol" not in "".join(getattr(i, "text", "") for i in items)


@pytest.mark.parametrize("payload", [b"<html><body>not a feed</body></html>", b"\x00\x01binary"])
def test_ingest_rss_non_feed_is_one_error(tmp_path, payload):
    path = tmp_path / "x.rss"
    path.write_bytes(payload)
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, ErrorResult)


@pytest.mark.parametrize("entries", [1])
def test_ingest_rss_fetch_reads_linked_pages(http_site, tmp_path, entries):
    http_site.pages["/dam.html"] = ("text/html", PAGE)
    feed = (f'<rss version="2.0"><channel><title>Courier</title><item><title>Dam</title>'
            f'<link>{http_site.url("/dam.html")}</link><guid>dam-1</guid><description>short</description>'
            f'</item></channel></rss>').encode()
    path = tmp_path / "courier.rss"
    path.write_bytes(feed)
    with rss.fetching_pages(True):
        items = list(read_inputs([str(path)]))
    assert len(items) == entries
    assert "Engineers began inspecting" in items[0].text and items[0].id == "dam-1"


@pytest.mark.parametrize("link", ["file:///etc/passwd"])
def test_ingest_rss_fetch_refuses_non_http_links(tmp_path, link):
    path = tmp_path / "f.rss"
    path.write_bytes(f'<rss version="2.0"><channel><title>F</title><item><title>x</title><link>{link}</link>'
                     f'<description>d</description></item></channel></rss>'.encode())
    with rss.fetching_pages(True):
        (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, ErrorResult) and "not an http(s) URL" in item.error
