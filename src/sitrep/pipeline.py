"""The two entry points everything uses: ``analyze`` and ``process_batch``.

One article flows down one river: check -> find boilerplate links -> (prefilter)
-> parse -> entities -> times -> places -> quotes -> events -> framing. Each layer
adds to a shared :class:`Context`; none of them prints or writes.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep import nlp as nlp_loader
from sitrep.errors import InputError
from sitrep.extract import boilerplate, entities, events, framing, places, quotes, times
from sitrep.extract.context import Context
from sitrep.model import Article, DocumentResult, ErrorResult
from sitrep.nlp import prefilter
from sitrep.settings import Settings

Result = DocumentResult | ErrorResult

#: The layers after parsing, in order. Each is ``extract(ctx) -> list`` stored on ``ctx.<name>``.
LAYERS = (
    ("entities", entities.extract),
    ("times", times.extract),
    ("places", places.extract),
    ("quotes", quotes.extract),
    ("events", events.extract),
    ("framing", framing.extract),
)


def analyze(text: str, *, published: str | dt.date | None = None, id: str = "doc",
            title: str | None = None, source: str | None = None, url: str | None = None,
            settings: Settings | None = None) -> DocumentResult:
    """Analyse one article's text; raises :class:`InputError` when it cannot be analysed."""
    if isinstance(published, dt.date):
        published = published.isoformat()
    article = Article(id=id, text=text, published=published, title=title, source=source, url=url)
    result = next(process_batch([article], settings=settings))
    if isinstance(result, ErrorResult):
        raise InputError(id, result.error)
    return result


def process_batch(records: Iterable[Article | dict[str, Any] | ErrorResult], *,
                  settings: Settings | None = None) -> Iterator[Result]:
    """Analyse many articles, yielding one result per record in input order.

    Records may be :class:`Article` objects, ``{"id", "text", ...}`` dicts, or
    :class:`ErrorResult` items from a reader (passed through, so a batch keeps
    its order and its failures). A record that cannot be analysed becomes an
    ``ErrorResult`` with a one-line reason; the batch goes on.
    """
    settings = settings or Settings()
    nlp = nlp_loader.load(settings.model)
    records = iter(records)
    while True:
        chunk = list(itertools.islice(records, settings.batch_size))
        if not chunk:
            return
        checked = [_check(r, settings) for r in chunk]
        good = [c for c in checked if isinstance(c, tuple)]
        docs = iter(nlp.pipe(_texts_to_parse([article for article, _ in good], settings),
                             batch_size=settings.batch_size))
        for item in checked:
            if isinstance(item, ErrorResult):
                yield item
                continue
            article, published = item
            doc = next(docs)
            try:
                yield _run_layers(article, published, doc, settings)
            except Exception as err:  # a batch never dies of one article
                if settings.debug:
                    raise
                yield ErrorResult(id=article.id, origin=article.origin, error=(
                    f"{article.origin or article.id}: analysis failed "
                    f"({type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}); "
                    "rerun with --debug for the traceback"))


def _texts_to_parse(articles: list[Article], settings: Settings) -> list[str]:
    """The texts handed to spaCy: the articles' own, or with the prefilter's dropped
    sentences blanked (same length, so every offset still points into ``article.text``)."""
    if not settings.prefilter:
        return [article.text for article in articles]
    keep = prefilter.for_layers(settings.layers, settings.model)
    return [keep.apply(article.text) for article in articles]


def _run_layers(article: Article, published: dt.date | None, doc, settings: Settings) -> Result:
    ctx = Context(article=article, doc=doc, settings=settings, published=published)
    ctx.links = boilerplate.find_links(article.text)
    for name, extract in LAYERS:
        if name != "entities" and name not in settings.layers:
            continue
        found = extract(ctx)
        setattr(ctx, name, [item for item in found if not _inside_links(ctx, item)])
    return DocumentResult(article=article, events=ctx.events, quotes=ctx.quotes, times=ctx.times,
                          places=ctx.places, entities=ctx.entities, links=ctx.links,
                          framing=ctx.framing)


def _inside_links(ctx: Context, item) -> bool:
    span = getattr(item, "evidence", None) or getattr(item, "content", None) or item
    return ctx.in_links(span.start, span.end)


def _check(record, settings: Settings) -> tuple[Article, dt.date | None] | ErrorResult:
    """Turn a record into an article ready to parse, or an ErrorResult saying why not."""
    if isinstance(record, ErrorResult):
        return record
    if isinstance(record, dict):
        try:
            record = article_from_dict(record)
        except InputError as err:
            return ErrorResult(id=str(record.get("id") or "?"), error=err.cause)
    where = record.origin or record.id
    text = record.text
    if not isinstance(text, str) or not text.strip():
        return ErrorResult(id=record.id, error=f"{where}: empty text", origin=record.origin)
    if len(text) > settings.max_chars:
        return ErrorResult(id=record.id, origin=record.origin, error=(
            f"{where}: text too large ({len(text):,} characters; the limit is "
            f"{settings.max_chars:,}, raise it with --max-chars)"))
    if "\x00" in text:
        return ErrorResult(id=record.id, error=f"{where}: binary content (NUL bytes) in text",
                           origin=record.origin)
    try:
        published = parse_published(record.published)
    except ValueError:
        return ErrorResult(id=record.id, origin=record.origin,
                           error=f"{where}: published date {record.published!r} is not ISO 8601")
    return record, published


def parse_published(value: str | None) -> dt.date | None:
    """The publication date of an ISO date or datetime string (None stays None)."""
    if value is None or value == "":
        return None
    value = str(value).strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def article_from_dict(record: dict[str, Any]) -> Article:
    """An Article from a ``{"id", "text", "published"?, "title"?, "source"?, "url"?}`` mapping."""
    if "text" not in record:
        raise InputError(str(record.get("id", "?")), "record has no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(str(record.get("id", "?")), "'text' is not a string")
    published = record.get("published")
    return Article(id=str(record.get("id") or ""), text=text,
                   published=None if published is None else str(published),
                   title=record.get("title"), source=record.get("source"), url=record.get("url"),
                   origin=record.get("origin"))
