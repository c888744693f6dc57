"""The desk as a person uses it: a real server, a real (headless) Chromium.

Starts uvicorn on 127.0.0.1 with a free port over a temporary SQLite store
filled by ingesting ``examples/``, then clicks through the overview, a story,
an article (a highlighted event shows its evidence), the events filters and
the CSV download. Screenshots go to ``test-artifacts/`` (git-ignored).
Skips with a reason when Debian's chromium or Playwright is absent.
"""
from __future__ import annotations

import csv
import io
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
TOKEN = "browser-test-token"
XSS_TEXT = ("Officials said <script>window.__xss = 1</script> the convoy was attacked near Homs on Monday. "
            "<img src=x onerror=\"window.__xss = 2\"> Residents protested in the city.")
PAYLOADS = (ROOT / "tests" / "data" / "web" / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed at /usr/bin/chromium "
                                 "(apt-get install chromium)")]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A live server on a store holding examples/ and one hostile article; yields its base URL."""
    import uvicorn
    from fastapi.testclient import TestClient

    from sitrep.ingest import read_inputs
    from sitrep.serve import create_app
    from sitrep.store import open_store
    from sitrep.store.loader import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'desk.db'}"
    with open_store(url) as store:
        summary = ingest(read_inputs([str(ROOT / "examples")], published="2016-10-18"), store)
    assert summary.ingested >= 6, summary.as_dict()
    app = create_app(url, token=TOKEN)
    with TestClient(app) as client:
        posted = client.post("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                             json={"id": "hostile", "text": XSS_TEXT, "title": "<b>x</b><script>1</script>",
                                   "published": "2016-10-17", "source": "Test <i>Wire</i>"})
        assert posted.status_code == 201, posted.text
        corpus = client.post("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                             json={"id": "payloads", "published": "2016-10-16", "title": PAYLOADS[1],
                                   "source": PAYLOADS[3], "url": "javascript:window.__xss=12",
                                   "text": "\n".join(f"Police arrested {p} in Homs on Sunday." for p in PAYLOADS)})
        assert corpus.status_code == 201, corpus.text
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records CSP violations, page errors and dialogs (none may happen)."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("path", ["/"])
def test_browser_overview_lists_stories_and_pictures(server, page, path):
    page.goto(server + path)
    assert page.locator("h1").first.inner_text() == "Overview"
    assert page.locator(".story-card").count() >= 3
    assert page.locator("svg.chart").count() >= 3
    assert page.locator(".badge").count() >= 2
    shot(page, "overview")
    assert page.problems == []


@pytest.mark.parametrize("card", [".story-card:has(.badge.conflict)"])
def test_browser_open_story_from_overview(server, page, card):
    """The truce reports (two wires, 8-hour vs 48-hour pause) make a story with contradictions."""
    page.goto(server + "/")
    title = page.locator(f"{card} .story-title").first
    expected = title.inner_text()
    title.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("h1").inner_text() == expected
    assert page.locator("#timeline svg.chart").count() == 1
    assert page.locator("#outlets .outlet").count() >= 2
    assert page.locator("#contradictions .contradiction").count() >= 1
    shot(page, "story")
    with page.expect_download() as info:
        page.click("#report-md")
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert report.startswith(f"# {expected}") and "## Where sources disagree" in report
    assert page.problems == []


@pytest.mark.parametrize("article", ["aleppo-humanitarian-pause"])
def test_browser_click_event_shows_evidence(server, page, article):
    page.goto(f"{server}/articles/{article}")
    panel = page.locator("#panel-current")
    assert panel.is_hidden()
    trigger = page.locator("#text mark.hl-trigger").first  # an event's trigger word, inside its clause
    ref = trigger.get_attribute("data-ref")
    trigger.click()
    assert panel.is_visible()
    evidence = page.locator(f"#ann-{ref} blockquote.evidence").inner_text()
    assert len(evidence) > 5
    assert panel.locator(f'.ann-copy[data-ref="{ref}"] blockquote.evidence').inner_text() == evidence
    assert page.locator(f'#text mark.hl-event.active[data-ref="{ref}"]').count() >= 1
    shot(page, "article")
    assert page.problems == []


@pytest.mark.parametrize("event_type", ["ASSAULT"])
def test_browser_filter_events_and_download_csv(server, page, event_type):
    page.goto(server + "/events")
    everything = page.locator("#events-table tbody tr").count()
    page.select_option("select[name=type]", event_type)
    page.click("#filters button[type=submit]")
    page.wait_for_url(f"**/events?*type={event_type}*")
    types = page.locator("#events-table tbody .type").all_inner_texts()
    assert types and set(types) == {event_type}
    assert len(types) < everything
    shot(page, "events-filtered")
    with page.expect_download() as info:
        page.click("#download-csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == len(types)
    assert {r["event"] for r in rows} == {event_type}
    assert page.problems == []


@pytest.mark.parametrize("path", ["/articles/hostile", "/search?q=convoy", "/events?place=Homs",
                                  "/articles/payloads", "/search?q=arrested", "/"])
def test_browser_hostile_article_renders_inert(server, page, path):
    page.goto(server + path)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__xss") == "undefined"
    for mark in page.locator("#text mark.hl").all()[:40]:  # opening details must not run anything either
        mark.dispatch_event("click")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("main script, main img, main iframe, main style, main [onerror], main [onload]").count() == 0
    if path == "/articles/hostile":
        assert "<script>window.__xss = 1</script>" in page.locator("#text").inner_text()
        shot(page, "hostile-article")
    if path == "/articles/payloads":
        assert all(p in page.locator("#text").inner_text() for p in PAYLOADS)
        shot(page, "payload-article")
    assert not [p for p in page.problems if p.startswith("dialog")]


@pytest.mark.parametrize("article", ["aleppo-humanitarian-pause"])
def test_browser_article_readable_without_javascript(server, browser, article):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1360, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server}/articles/{article}")
        assert len(page.locator("#text").inner_text()) > 200
        assert page.locator("#text mark.hl-event").count() >= 3
        assert page.locator("aside .ann-event").first.is_visible()  # the findings list stands in for the panel
        assert page.locator("#panel-current").is_hidden()
        shot(page, "article-no-js")
    finally:
        context.close()
