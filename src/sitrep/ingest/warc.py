"""WARC and WARC.gz web archives: every HTML response record is an article.

The record's target URI is the article's id and URL. An archive cut short
(a truncated .gz, a damaged record) keeps every article read before the
damage and ends with one ErrorResult saying where reading stopped. (A cut
that falls inside the WARC header of the last record is, for warcio, the end
of the file: that record is lost without a message.)
"""
from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from sitrep.errors import InputError
from sitrep.ingest.source import Source
from sitrep.model import Article, ErrorResult


def read(source: Source) -> Iterator[Article | ErrorResult]:
    from warcio.archiveiterator import ArchiveIterator

    stream = io.BytesIO(source.data) if source.data is not None else _open(source)
    # Digests (written by every common crawler) are checked so that a record cut short
    # raises instead of silently yielding a shorter page.
    records, seen, html = iter(ArchiveIterator(stream, check_digests="raise")), 0, 0
    previous = None
    try:
        while True:
            record = _next_record(records, source, html)
            if previous is not None and _cut_short(previous):  # skipped records are checked here
                yield _damaged(source, html, _CutShort("a record ends before its declared length"))
                return
            if record is None:
                break
            if isinstance(record, ErrorResult):
                yield record
                return
            previous = record
            if record.format != "warc":  # warcio reads anything as a lenient ARC record
                continue
            seen += 1
            if _is_html_response(record):
                try:
                    body = _read_body(record)
                except _DAMAGE as err:
                    yield _damaged(source, html, err)
                    return
                html += 1
                yield _record_article(record, body, source)
    finally:
        stream.close()
    if not seen:
        raise InputError(source.where, "no WARC records found (not a WARC or WARC.gz file?)")


class _CutShort(EOFError):
    """A record's body ended before its declared length."""


def _read_body(record) -> bytes:
    from warcio.exceptions import ArchiveLoadFailed

    try:
        body = record.content_stream().read()
    except ArchiveLoadFailed as err:  # digest mismatch
        raise _CutShort(str(err)) from None
    if _cut_short(record):
        raise _CutShort(f"record ends {record.raw_stream.limit} bytes early")
    return body


def _cut_short(record) -> bool:
    """Whether the record's block ended before its WARC Content-Length (once read or skipped)."""
    return getattr(record.raw_stream, "limit", 0) > 0


#: What warcio raises on a cut or damaged archive (a truncated record header
#: surfaces as AttributeError inside its header parser).
_DAMAGE = (zlib.error, EOFError, OSError, ValueError, AttributeError)


def _next_record(records, source: Source, html: int):
    """The next record, None at the end, or an ErrorResult when the archive is damaged."""
    from warcio.exceptions import ArchiveLoadFailed

    try:
        return next(records, None)
    except (ArchiveLoadFailed, *_DAMAGE) as err:
        return _damaged(source, html, err)


def _damaged(source: Source, html: int, err: Exception) -> ErrorResult:
    detail = str(err).splitlines()[0] if str(err) else "truncated"
    return ErrorResult(id=source.default_id, origin=source.where, error=(
        f"{source.where}: archive damaged after {html} HTML records ({type(err).__name__}: {detail}); "
        "the rest was not read"))


def _open(source: Source):
    try:
        return open(source.path, "rb")
    except OSError as err:
        raise InputError(source.where, err.strerror or str(err)) from None


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and "html" in ctype


def _record_article(record, body: bytes, source: Source) -> Article | ErrorResult:
    from sitrep.ingest.html import article_from_html

    uri = record.rec_headers.get_header("WARC-Target-URI") or source.default_id
    where = f"{source.where}#{uri}"
    try:
        html = body.decode(_charset(record), errors="replace")
    except LookupError:
        return ErrorResult(id=uri, error=f"{where}: unknown charset {_charset(record)!r}", origin=where)
    try:
        article = article_from_html(html, id=uri, where=where, url=uri)
    except InputError as err:
        return ErrorResult(id=uri, error=str(err), origin=where)
    date = record.rec_headers.get_header("WARC-Date")
    article.meta["warc_date"] = date
    return article


def _charset(record) -> str:
    ctype = record.http_headers.get_header("Content-Type") or ""
    for part in ctype.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"\'')
    return "utf-8"
