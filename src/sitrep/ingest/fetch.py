"""URLs as inputs: fetch over http(s) with a timeout and a size cap, then read
the bytes with the reader their content type (or first bytes) calls for."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

from sitrep.errors import InputError
from sitrep.model import Article, ErrorResult
from sitrep.ingest.source import Source

TIMEOUT_S = 20.0
MAX_BYTES = 20_000_000
USER_AGENT = "sitrep/0.1 (+https://sitrep.invalid)"

#: content-type fragment -> input format (first match wins).
CONTENT_TYPES = (("rss", "rss"), ("atom", "rss"), ("html", "html"), ("xml", "rss"),
                 ("json", "jsonl"), ("csv", "csv"), ("warc", "warc"), ("text/plain", "text"))


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def is_url(name: str) -> bool:
    return urlparse(name).scheme in ("http", "https")


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url`` (http or https only, redirects followed) or raise :class:`InputError` saying why."""
    import httpx

    if not is_url(url):
        raise InputError(url, "only http:// and https:// URLs can be fetched")
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True,
                          headers={"User-Agent": USER_AGENT}) as response:
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(url, f"response larger than {max_bytes:,} bytes")
            return Fetched(str(response.url), bytes(body), response.headers.get("content-type", ""))
    except httpx.HTTPError as err:
        raise InputError(url, f"fetch failed ({type(err).__name__}: {err})") from None


def guess_format(fetched: Fetched) -> str:
    """The reader for fetched bytes: by content type, else by the URL's suffix, else by sniffing."""
    from sitrep.ingest import SUFFIXES, sniff

    ctype = fetched.content_type.lower()
    for fragment, fmt in CONTENT_TYPES:
        if fragment in ctype:
            return fmt
    path = urlparse(fetched.url).path.lower()
    for suffix, fmt in SUFFIXES.items():
        if path.endswith(suffix):
            return fmt
    head = fetched.content.lstrip()[:200].lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        return "rss"
    return sniff(fetched.content)


def read_url(url: str, *, input_format: str = "auto") -> Iterator[Article | ErrorResult]:
    """The articles at one URL; a failed fetch becomes one ErrorResult."""
    from sitrep.ingest import READERS

    try:
        fetched = fetch(url)
        fmt = guess_format(fetched) if input_format == "auto" else input_format
        source = Source(where=url, default_id=url, data=fetched.content)
        for item in READERS[fmt](source):
            if isinstance(item, Article) and fmt == "html":
                item.url = item.url or fetched.url
            yield item
    except InputError as err:
        yield ErrorResult(id=url, error=str(err), origin=url)


def read_everything(inputs: Iterable[str], *, input_format: str = "auto",
                    published: str | None = None) -> Iterator[Article | ErrorResult]:
    """Like :func:`sitrep.ingest.read_inputs`, with http(s) URLs allowed among the inputs."""
    from sitrep.ingest import read_inputs

    for name in inputs:
        items = read_url(name, input_format=input_format) if is_url(name) else read_inputs(
            [name], input_format=input_format, published=published)
        for item in items:
            if isinstance(item, Article) and not item.published and published:
                item.published = published
            yield item
