"""The pages: hostile text stays inert, highlights are well-formed, filters and downloads agree."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

DESK = Path(__file__).parent / "data" / "web" / "desk.jsonl"
PAGES = ["/", "/stories", "/events", "/events?type=ASSAULT", "/search?q=harbour", "/articles/harbour-a",
         "/articles/hostile", "/docs"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app
    from sitrep.store import open_store
    from sitrep.store.dedup import content_hash
    from sitrep.store.writer import ArticleRow

    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'desk.db'}"
    with open_store(url) as store:
        for line in DESK.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            store.add(ArticleRow(doc=doc, content_hash=content_hash(doc["text"])))
    with TestClient(create_app(url), raise_server_exceptions=False,
                    headers={"accept": "text/html"}) as test_client:
        yield test_client


class Tags(HTMLParser):
    """Collects start tags with their attributes, and checks tags are balanced."""

    VOID = {"meta", "link", "input", "br", "img", "hr"}

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def parse(markup: str) -> Tags:
    tags = Tags()
    tags.feed(markup)
    return tags


@pytest.mark.parametrize("path", PAGES + ["/stories/{story}"])
def test_serve_pages_render_without_inline_script_or_style(client, path):
    if "{story}" in path:
        story = client.get("/api/stories").json()["stories"][0]["id"]
        path = path.format(story=story)
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    tags = parse(response.text)
    assert tags.errors == [] and tags.stack == []
    scripts = [attrs for tag, attrs in tags.tags if tag == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]
    assert not [t for t, attrs in tags.tags if "style" in attrs or t == "style"]
    assert not [t for t, attrs in tags.tags if any(a.startswith("on") for a in attrs)]


@pytest.mark.parametrize("path,payload", [
    ("/articles/hostile", '<script>alert("xss")</script>'),
    ("/articles/hostile", "<img src=x onerror=alert(2)>"),
    ("/articles/hostile", "<b>x</b><script>alert(1)</script>"),
    ("/articles/hostile", "Test <i>Wire</i>"),
    ("/events?place=Homs", '<script>alert("xss")</script>'),
    ("/search?q=protesters", "<script>alert"),
    ("/", "<b>x</b><script>alert(1)</script>"),
    ("/search?q=%3Cscript%3Ealert(9)%3C/script%3E", "<script>alert(9)</script>"),
])
def test_serve_pages_article_text_is_escaped(client, path, payload):
    page = client.get(path).text
    assert payload not in page
    if not path.startswith("/search?q=%3C"):
        assert payload in html.unescape(page)  # shown as text


@pytest.mark.parametrize("url", ["javascript:alert(3)"])
def test_serve_pages_unsafe_urls_are_not_links(client, url):
    page = client.get("/articles/hostile").text
    assert f'href="{url}"' not in page and "javascript:" not in page


@pytest.mark.parametrize("article_id", ["harbour-a", "harbour-b", "hostile"])
def test_serve_pages_highlighted_text_keeps_the_article_text(client, article_id):
    doc = client.get(f"/api/articles/{article_id}").json()["document"]
    page = client.get(f"/articles/{article_id}").text
    body = re.search(r'<article class="text" id="text">(.*?)</article>', page, re.S).group(1)
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", body)) == doc["text"]
    refs = set(re.findall(r'data-ref="([a-z]\d+)"', body))
    for ref in refs:
        assert f'id="ann-{ref}"' in page  # every highlight has its details, readable without JS


@pytest.mark.parametrize("spans", [
    [("event", 0, 10), ("actor", 0, 3)],             # nested, same start
    [("quote", 2, 8), ("event", 5, 12)],             # crossing
    [("time", 0, 4), ("place", 4, 9), ("event", 1, 12)],
    [("actor", 3, 3), ("place", 20, 40)],             # empty and out of range: ignored
])
def test_serve_pages_highlight_marks_are_nested_and_escaped(spans):
    from sitrep.serve.highlight import Annotation, annotations, render

    text = "<a>&b said \"x\" at <Homs>"
    anns = [Annotation(ref=f"{k[0]}{i}", kind=k, start=s, end=e, title=k) for i, (k, s, e) in enumerate(spans)]
    doc = {"text": text, "events": [], "quotes": [], "times": [], "places": []}
    assert annotations(doc) == []
    valid = [a for a in anns if 0 <= a.start < a.end <= len(text)]
    markup = str(render(text, valid))
    tags = parse(markup)
    assert tags.errors == [] and tags.stack == []
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", markup)) == text
    assert "<a>" not in markup and "<Homs>" not in markup
    for a in valid:
        covered = "".join(html.unescape(m) for m in re.findall(
            rf'<mark[^>]*data-ref="{a.ref}"[^>]*>([^<]*)', markup))
        assert text[a.start:a.end].startswith(covered[:1])


@pytest.mark.parametrize("query,expected", [("", 5), ("type=ASSAULT", 2), ("place=tartus&source=coast+post", 1)])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_serve_pages_downloads_follow_filters(client, query, expected, fmt):
    response = client.get(f"/events.{fmt}?{query}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
    else:
        rows = [json.loads(line) for line in response.text.splitlines()]
    assert len(rows) == expected
    page = client.get(f"/events?{query}").text
    assert f"{expected} event" in page
    assert f'href="/events.{fmt}' in page


@pytest.mark.parametrize("prefix", ["=HYPERLINK"])
def test_serve_pages_csv_defuses_spreadsheet_formulas(client, prefix):
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv?type=ACCUSE").text)))
    assert rows and rows[0]["evidence"].startswith("'" + prefix)


@pytest.mark.parametrize("path,status", [("/articles/nothing", 404), ("/events?since=soon", 422),
                                         ("/stories/none", 404)])
def test_serve_pages_errors_render_as_pages_for_browsers(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{status}" in response.text
    assert client.get(path, headers={"accept": "application/json"}).json()["error"]["status"] == status


@pytest.mark.parametrize("filters", [{"type": "ASSAULT", "place": "Tartus"}])
def test_serve_pages_events_form_keeps_filters(client, filters):
    page = client.get("/events", params=filters).text
    assert '<option value="ASSAULT" selected>' in page
    assert 'name="place" size="10" value="Tartus"' in page
    assert "/events.csv?type=ASSAULT&amp;place=Tartus" in page


PAYLOADS = (Path(__file__).parent / "data" / "web" / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()


def payload_doc() -> dict:
    """An analysed document with an XSS payload in every field a page shows."""
    text = "\n".join(f"Police arrested {p} near Homs." for p in PAYLOADS)

    def at(part: str, after: int = 0) -> dict:
        start = text.index(part, after)
        return {"text": part, "start": start, "end": start + len(part)}

    events, places = [], []
    for i, p in enumerate(PAYLOADS):
        clause = at(f"Police arrested {p} near Homs")
        place = {**at("Homs", clause["start"]), "name": p, "geonameid": None, "lat": 34.7, "lon": 36.7,
                 "country_code": "SY", "admin1": None, "feature": "city", "resolution": p}
        actor = {**at(p, clause["start"]), "label": None, "name": p, "code": "SYR", "sector": p, "resolution": p}
        places.append(place)
        events.append({"event": "COERCE", "mode": p, "context": [p], "actor": [actor], "recipient": [actor],
                       "date": "2021-04-0%d" % (1 + i % 9), "date_resolution": p, "time": None, "location": place,
                       "location_resolution": p, "status": "occurred", "reported_by": None, "attributes": {},
                       "evidence": clause, "trigger": at("arrested", clause["start"]), "mentions": [], "quad": 4,
                       "rule": p, "confidence": 0.5})
    quotes = [{"speaker": {**at(p), "name": p, "code": None, "sector": None, "chain": [], "resolution": p},
               "cue": None, "content": at(f"{p} near Homs"), "direct": False, "rule": p} for p in PAYLOADS[:3]]
    return {"schema_version": "1.0", "id": "payloads", "text": text, "published": "2021-04-09",
            "title": PAYLOADS[0] + PAYLOADS[1], "source": PAYLOADS[3], "url": "javascript:window.__xss=12",
            "events": events, "quotes": quotes, "times": [], "places": places,
            "entities": [], "links": [], "framing": [{"kind": "loaded", "text": "Police", "start": 0, "end": 6,
                                                      "label": PAYLOADS[2], "target": PAYLOADS[4], "stance": None}]}


@pytest.fixture(scope="module")
def payload_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app
    from sitrep.store import open_store
    from sitrep.store.dedup import content_hash
    from sitrep.store.writer import ArticleRow

    url = f"sqlite:///{tmp_path_factory.mktemp('xss') / 'x.db'}"
    doc = payload_doc()
    with open_store(url) as store:
        store.add(ArticleRow(doc=doc, content_hash=content_hash(doc["text"])))
    with TestClient(create_app(url), raise_server_exceptions=False,
                    headers={"accept": "text/html"}) as test_client:
        yield test_client


#: Tags no page of ours contains; any of them would have come from a payload.
FORBIDDEN_TAGS = {"iframe", "img", "style", "math", "mglyph", "mtext"}


@pytest.mark.parametrize("path", ["/", "/articles/payloads", "/events", "/events?type=COERCE", "/search?q=Police",
                                  "/stories/{story}", "/report.html"])
def test_serve_pages_payload_corpus_renders_inert(payload_client, path):
    if "{story}" in path:
        stories = payload_client.get("/api/stories").json()["stories"]
        if not stories:
            pytest.skip("no story linked")
        path = path.format(story=stories[0]["id"])
    response = payload_client.get(path)
    assert response.status_code == 200
    page = response.text
    if path.startswith("/report"):
        page = page.split("</style>", 1)[1]  # the report's own stylesheet comes first
    tags = parse(page)
    assert [t for t, _ in tags.tags if t in FORBIDDEN_TAGS] == []
    assert [t for t, _ in tags.tags if t == "body"] == ["body"]
    assert all(attrs.get("class") == "chart" for t, attrs in tags.tags if t == "svg")
    assert [attrs for t, attrs in tags.tags if t == "script"] in ([], [{"src": "/static/app.js", "defer": None}])
    assert not [a for _, attrs in tags.tags for a in attrs if a.startswith("on")]
    assert not [attrs for t, attrs in tags.tags if (attrs.get("href") or "").startswith("javascript")]
    if path == "/articles/payloads":
        assert "{{ 7*7 }}" in html.unescape(page) and "${7*7}" in html.unescape(page)


@pytest.mark.parametrize("text,words,marked", [
    ("The navy shelled the harbour near Tartus", ["navy", "tartus"], ["navy", "Tartus"]),
    ("<b>Navy</b> navy", ["navy"], ["Navy", "navy"]),
    ("nothing here", ["absent"], []),
])
def test_serve_pages_search_snippet_marks_every_word(text, words, marked):
    from sitrep.serve.queries import snippet

    s = snippet(text, words)
    assert "".join(seg["text"] for seg in s["segments"]) == s["text"]
    assert [seg["text"] for seg in s["segments"] if seg["match"]] == marked
