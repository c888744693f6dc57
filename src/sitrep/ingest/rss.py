"""RSS and Atom feeds: each entry is an article (its content, else its summary).

With :func:`fetching_pages` on (``--fetch``), each entry's linked page is
fetched instead (http/https only, with a timeout) and its main text extracted.

Feeds are untrusted XML: a document type declaration with entities (the
"billion laughs" bomb and its cousins) is removed before parsing, so no
entity is ever expanded.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from contextvars import ContextVar

from sitrep.errors import InputError
from sitrep.ingest.source import Source
from sitrep.model import Article, ErrorResult

#: Whether entries' linked pages are fetched (set with :func:`fetching_pages`).
FETCH_PAGES: ContextVar[bool] = ContextVar("sitrep_rss_fetch", default=False)

_DOCTYPE = re.compile(rb"<!DOCTYPE\b(?:[^\[>]|\[.*?\])*>", re.IGNORECASE | re.DOTALL)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
#: Control characters XML cannot hold: lxml refuses to set them as element text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@contextlib.contextmanager
def fetching_pages(enabled: bool = True):
    token = FETCH_PAGES.set(enabled)
    try:
        yield
    finally:
        FETCH_PAGES.reset(token)


def read(source: Source) -> Iterator[Article | ErrorResult]:
    import feedparser

    feed = feedparser.parse(strip_doctype(source.read_bytes(), source.where))
    if not feed.entries and (feed.get("bozo") or not feed.get("version")):
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        raise InputError(source.where, f"not an RSS/Atom feed ({reason})")
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{source.where}#{n}"
        try:
            yield entry_article(entry, outlet=outlet, where=where, default_id=f"{source.default_id}:{n}")
        except InputError as err:
            yield ErrorResult(id=entry.get("id") or where, error=str(err), origin=where)


def strip_doctype(data: bytes, where: str) -> bytes:
    """The feed without its document type declaration (where entities are declared)."""
    head, rest = data[:65536], data[65536:]
    head = _DOCTYPE.sub(b"", head, count=1)
    if b"<!ENTITY" in head.upper():
        raise InputError(where, "feed declares XML entities outside a DOCTYPE; refused")
    return head + rest


def entry_article(entry, *, outlet: str | None, where: str, default_id: str) -> Article:
    """One feed entry as an article; with page fetching on, the linked page's text."""
    link = entry.get("link") or None
    article_id = entry.get("id") or link or default_id
    published = _entry_date(entry)
    if FETCH_PAGES.get() and link:
        from sitrep.ingest.fetch import fetch, is_url
        from sitrep.ingest.decode import decode
        from sitrep.ingest.html import article_from_html

        if not is_url(link):
            raise InputError(where, f"entry link {link!r} is not an http(s) URL; not fetched")
        page = fetch(link)
        article = article_from_html(decode(page.content, link), id=article_id, where=link, url=page.url)
        article.title = article.title or entry.get("title")
        article.published = article.published or published
        article.source = article.source or outlet
        return article
    text = html_to_text(_entry_html(entry))
    if not text:
        raise InputError(where, "feed entry has no text (try --fetch to read the linked page)")
    return Article(id=article_id, text=text, title=entry.get("title") or None, published=published,
                   source=outlet, url=link, origin=where)


def _entry_html(entry) -> str:
    contents = entry.get("content") or []
    if contents and contents[0].get("value"):
        return contents[0]["value"]
    return entry.get("summary") or ""


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()


def html_to_text(html: str) -> str:
    """Paragraph-preserving plain text of a feed entry's HTML fragment."""
    html = _CONTROL.sub(" ", html)
    if "<" not in html:
        return html.strip()
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):  # broken markup
        return re.sub(r"<[^>]+>", " ", html).strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
