"""Situation reports (HTML and Markdown), the SVG pictures they share with the desk, and the CLI."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

DESK = Path(__file__).parent / "data" / "web" / "desk.jsonl"
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    from sitrep.store import open_store
    from sitrep.store.dedup import content_hash
    from sitrep.store.writer import ArticleRow

    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'desk.db'}"
    with open_store(url) as store:
        for line in DESK.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            store.add(ArticleRow(doc=doc, content_hash=content_hash(doc["text"])))
    return url


@pytest.fixture(scope="module")
def harbour_story(db_url) -> str:
    from sitrep.serve.stories import StoryProvider
    from sitrep.store import open_store

    with open_store(db_url) as store:
        stories = StoryProvider(store).stories() or []
    found = [s["id"] for s in stories if {"harbour-a", "harbour-b"} <= set(s["articles"])]
    if not found:
        pytest.skip("the linker did not group the two harbour reports")
    return found[0]


@pytest.mark.parametrize("selection,articles", [
    ({"place": "Tartus"}, {"harbour-a", "harbour-b"}),
    ({"place": "homs"}, {"hostile"}),
    ({"since": "2021-03-02"}, {"harbour-b"}),
    ({}, {"harbour-a", "harbour-b", "hostile"}),
])
def test_report_gather_selects_by_place_and_dates(db_url, selection, articles):
    from sitrep.export.report import gather
    from sitrep.store import open_store

    with open_store(db_url) as store:
        report = gather(store, **selection)
    assert {s["id"] for s in report.sources} == articles
    assert report.summary and str(len(articles)) in report.summary


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_story_has_every_section(db_url, harbour_story, fmt):
    from sitrep.export.report import gather, write
    from sitrep.store import open_store

    with open_store(db_url) as store:
        text = write(gather(store, story=harbour_story), fmt)
    for heading in ("Summary", "Key events", "Who said what", "Where sources disagree",
                    "How outlets frame it", "Sources"):
        assert heading in text
    assert "2021-03-01" in text and "Coast Post" in text and "Inland Herald" in text
    assert "We heard twelve explosions" in text
    assert "https://example.org/harbour-a" in text


@pytest.mark.parametrize("payload", ["<script>", "<img src=x onerror=alert(2)>", "<b>x</b>"])
def test_report_escapes_article_text(db_url, payload):
    from sitrep.export.report import gather, render_html, render_markdown
    from sitrep.store import open_store

    with open_store(db_url) as store:
        report = gather(store, place="Homs")
    page = render_html(report)
    assert payload not in page.split("</style>", 1)[1]
    assert "javascript:" not in page
    assert payload not in render_markdown(report)


@pytest.mark.parametrize("check", ["self-contained", "print"])
def test_report_html_is_self_contained_and_printable(db_url, check):
    from sitrep.export.report import gather, render_html
    from sitrep.store import open_store

    with open_store(db_url) as store:
        page = render_html(gather(store))
    if check == "self-contained":
        assert re.findall(r'<(?:link|script|img|iframe)\b', page) == []
        assert "<style>" in page and page.count("<svg") == 3
        assert not re.search(r'(?:src|href)="(?!https?://example\.org)[a-z]+://', page)
    else:
        assert "@media print" in page and "break-inside: avoid" in page


@pytest.mark.parametrize("text,expected", [("*bold* [x](y) <b>|", r"\*bold\* \[x\](y) \<b\>\|"),
                                           ("two\nlines", "two lines")])
def test_report_markdown_escapes(text, expected):
    from sitrep.export.report import md

    assert md(text) == expected


@pytest.mark.parametrize("fmt,marker", [("md", "# Situation: Tartus"), ("html", "<!doctype html>")])
def test_report_cli_writes_file(db_url, tmp_path, capsys, fmt, marker):
    from sitrep.cli import main

    out = tmp_path / f"report.{fmt}"
    code = main(["report", "--db", db_url, "--place", "Tartus", "--format", fmt, "--output", str(out)])
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith(marker)


@pytest.mark.parametrize("argv,message", [
    (["--story", "s-none"], "no story with id"),
    (["--since", "2021-02-31"], "--since"),
])
def test_report_cli_usage_errors_are_one_line(db_url, capsys, argv, message):
    from sitrep.cli import main

    assert main(["report", "--db", db_url, *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv,host,port", [([], "127.0.0.1", 8000), (["--port", "9001"], "127.0.0.1", 9001)])
def test_report_cli_serve_binds_loopback_by_default(argv, host, port):
    from sitrep.cli import build_parser

    args = build_parser().parse_args(["serve", *argv])
    assert (args.host, args.port) == (host, port)


# -- SVG pictures ---------------------------------------------------------------------------

def _svg(markup: str) -> ET.Element:
    root = ET.fromstring(markup)
    assert root.tag == SVG_NS + "svg"
    assert "style=" not in markup  # presentation attributes only (CSP allows no inline style)
    return root


@pytest.mark.parametrize("label", ["<script>alert(1)</script>", "A & B \"quoted\""])
def test_report_svg_escapes_labels(label):
    from sitrep.export import svg

    pictures = [
        svg.timeline([{"date": "2021-03-01", "event": "ASSAULT", "label": label}]),
        svg.location_map([{"lat": 34.9, "lon": 35.9, "place": label, "event": "ASSAULT"}]),
        svg.heat_strip({(label, "2021-W09"): 2}),
    ]
    for markup in pictures:
        root = _svg(markup)
        assert label in "".join(root.itertext())
        assert "<script" not in markup


@pytest.mark.parametrize("items,dots", [
    ([{"date": "2021-03-01", "event": "ASSAULT"}, {"date": "2021-03-01", "event": "AID"},
      {"date": "2021-03-09", "event": "PROTEST"}], 3),
    ([{"date": None, "event": "ASSAULT"}, {"date": "soon", "event": "AID"}], 0),
])
def test_report_svg_timeline_one_dot_per_dated_event(items, dots):
    from sitrep.export import svg

    root = _svg(svg.timeline(items))
    circles = [c for c in root.iter(SVG_NS + "circle") if c.find(SVG_NS + "title") is not None]
    assert len(circles) == dots


@pytest.mark.parametrize("points", [[{"lat": 36.2, "lon": 37.16, "place": "A"}, {"lat": -1.29, "lon": 36.82, "place": "B"}]])
def test_report_svg_map_keeps_points_inside_frame(points):
    from sitrep.export import svg

    root = _svg(svg.location_map(points, width=600, height=300))
    for c in root.iter(SVG_NS + "circle"):
        assert 0 <= float(c.get("cx")) <= 600 and 0 <= float(c.get("cy")) <= 300


@pytest.mark.parametrize("weeks,columns", [(["2021-W01", "2021-W05"], 5), (["2016-W42", "2024-W01"], 2)])
def test_report_svg_heat_strip_columns(weeks, columns):
    from sitrep.export import svg

    assert len(svg.week_columns(weeks)) == columns


@pytest.mark.parametrize("path,status,start", [
    ("/report.md?place=Tartus", 200, "# Situation: Tartus"),
    ("/report.html?place=Tartus&since=2021-03-01", 200, "<!doctype html>"),
    ("/report.md?story=s-none", 404, None),
    ("/report.pdf", 404, None),
    ("/report.md?until=someday", 422, None),
])
def test_report_download_from_the_desk(db_url, path, status, start):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app

    with TestClient(create_app(db_url)) as client:
        response = client.get(path)
    assert response.status_code == status
    if start:
        assert response.text.startswith(start)
        assert response.headers["content-disposition"].startswith("attachment")
    else:
        assert response.json()["error"]["status"] == status
