"""URLs as inputs, fetched from a local server on 127.0.0.1 (never any other address)."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.model import Article, ErrorResult

PAGE = b"""<html><head><title>Dam inspection ordered</title>
<meta property="og:site_name" content="River Courier"></head><body><article>
<h1>Dam inspection ordered</h1>
<p>Engineers began inspecting the Tabqa dam on Friday after cracks were reported, the water ministry said.</p>
<p>Residents downstream were told to stay alert while the inspection continues through the weekend.</p>
<p>The ministry said a full report would be published next month once divers have examined the base.</p>
</article></body></html>"""


class LocalSite:
    """A tiny web server: ``pages[path] = (content_type, body)``; status 404 otherwise."""

    def __init__(self):
        self.pages: dict[str, tuple[str, bytes]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                page = site.pages.get(self.path)
                self.send_response(200 if page else 404)
                body = page[1] if page else b"not found"
                self.send_header("Content-Type", page[0] if page else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"


@pytest.fixture()
def http_site():
    site = LocalSite()
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.mark.parametrize("ctype", ["text/html; charset=utf-8", "application/octet-stream"])
def test_ingest_fetch_reads_html_page(http_site, ctype):
    from sitrep.ingest.fetch import read_everything

    http_site.pages["/dam.html"] = (ctype, PAGE)
    (article,) = list(read_everything([http_site.url("/dam.html")]))
    assert isinstance(article, Article)
    assert "Tabqa dam" in article.text
    assert article.id == http_site.url("/dam.html") and article.url == http_site.url("/dam.html")


@pytest.mark.parametrize("path", ["/missing.html"])
def test_ingest_fetch_http_error_is_one_failure(http_site, path):
    from sitrep.ingest.fetch import read_everything

    (item,) = list(read_everything([http_site.url(path)]))
    assert isinstance(item, ErrorResult) and "HTTP 404" in item.error


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x"])
def test_ingest_fetch_refuses_other_schemes(url):
    from sitrep.errors import InputError
    from sitrep.ingest.fetch import fetch

    with pytest.raises(InputError):
        fetch(url)


@pytest.mark.parametrize("limit", [100])
def test_ingest_fetch_caps_response_size(http_site, limit):
    from sitrep.errors import InputError
    from sitrep.ingest.fetch import fetch

    http_site.pages["/big"] = ("text/plain", b"x" * (limit * 10))
    with pytest.raises(InputError, match="larger than"):
        fetch(http_site.url("/big"), max_bytes=limit)
