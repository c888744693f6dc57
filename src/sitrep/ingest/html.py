"""HTML pages: main text and metadata (title, date, outlet) via trafilatura."""
from __future__ import annotations

from collections.abc import Iterator

from sitrep.errors import InputError
from sitrep.ingest.decode import decode
from sitrep.ingest.source import Source
from sitrep.model import Article

#: Fewer words than this is navigation or a stub, not an article.
MIN_WORDS = 6


def read(source: Source) -> Iterator[Article]:
    html = decode(source.read_bytes(), source.where)
    yield article_from_html(html, id=source.default_id, where=source.where)


def article_from_html(html: str, *, id: str, where: str, url: str | None = None) -> Article:
    """Extract the article body and metadata from one HTML page."""
    import trafilatura  # imported here: only HTML inputs pay for it

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise InputError(where, "HTML page has no article text"
                         + (f" (only {text[:40]!r})" if text else ""))
    return Article(id=id, text=text, origin=where, title=getattr(doc, "title", None),
                   published=getattr(doc, "date", None), source=getattr(doc, "sitename", None)
                   or getattr(doc, "hostname", None), url=url or getattr(doc, "url", None))
