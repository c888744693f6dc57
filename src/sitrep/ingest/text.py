"""Plain-text articles: the whole file is the article.

A file may open with a front-matter block of ``key: value`` lines between
``---`` lines (title, published, source, url, id); the analysed text is what
follows it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from sitrep.ingest.decode import decode
from sitrep.ingest.source import Source
from sitrep.model import Article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:[^\n]*\n){0,30}?)---[ \t]*\n")
_FIELDS = ("id", "title", "published", "source", "url")


def read(source: Source) -> Iterator[Article]:
    text = decode(source.read_bytes(), source.where)
    meta, text = split_front_matter(text)
    article = Article(id=meta.pop("id", None) or source.default_id, text=text, origin=source.where)
    for key in ("title", "published", "source", "url"):
        setattr(article, key, meta.get(key) or None)
    yield article


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` header (known keys only) and the text after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group("body").splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in _FIELDS:
            meta[key] = value.strip().strip('"')
    if not meta:
        return {}, text
    return meta, text[m.end():]
