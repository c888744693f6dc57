"""Inputs -> Articles. One small module per format; this module finds the inputs
and picks the reader. Readers never see a parse: they yield :class:`Article`
or, for an input that cannot be read, an :class:`ErrorResult` with one line.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError, UsageError
from sitrep.ingest import csv, html, jsonl, rss, text, warc
from sitrep.ingest.source import Source
from sitrep.model import Article, ErrorResult

Reader = Callable[[Source], Iterable[Article | ErrorResult]]

#: format name -> reader. Add a format by adding a module and a line here.
READERS: dict[str, Reader] = {
    "text": text.read,
    "html": html.read,
    "jsonl": jsonl.read,
    "csv": csv.read,
    "rss": rss.read,
    "warc": warc.read,
}

#: file suffix -> format, for ``--input-format auto`` (files with other suffixes
#: inside a directory are skipped; named explicitly they are read as text).
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "rss", ".atom": "rss",
    ".warc": "warc", ".warc.gz": "warc",
}


def suffix_format(path: Path) -> str | None:
    """The format for a file name by its suffix, two-part suffixes (``.warc.gz``) first."""
    name = path.name.lower()
    two = "".join(path.suffixes[-2:]).lower()
    return SUFFIXES.get(two) if two in SUFFIXES and name.endswith(two) else SUFFIXES.get(path.suffix.lower())


def formats() -> list[str]:
    return ["auto", *READERS]


def read_inputs(inputs: Iterable[str], *, input_format: str = "auto",
                published: str | None = None) -> Iterator[Article | ErrorResult]:
    """Every article in ``inputs`` (paths, directories, or ``-`` for stdin), in order.

    ``published`` is the default publication date for articles that carry none.
    """
    if input_format != "auto" and input_format not in READERS:
        raise UsageError(f"unknown input format {input_format!r}; choose from {', '.join(formats())}")
    for source, fmt in _sources(inputs, input_format):
        if fmt is None:
            yield ErrorResult(id=source.default_id, origin=source.where,
                              error=f"{source.where}: no such file or directory")
            continue
        try:
            for item in READERS[fmt](source):
                if isinstance(item, Article) and not item.published and published:
                    item.published = published
                yield item
        except InputError as err:
            yield ErrorResult(id=source.default_id, error=str(err), origin=source.where)


def _sources(inputs: Iterable[str], input_format: str) -> Iterator[tuple[Source, str | None]]:
    """Each input with its format; a missing path comes with format None."""
    for name in inputs:
        if name == "-":
            source = Source.stdin()
            yield source, input_format if input_format != "auto" else sniff(source.data or b"")
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                fmt = input_format if input_format != "auto" else suffix_format(child)
                if fmt:
                    yield Source.from_path(child), fmt
        elif not path.exists():
            yield Source(where=name, default_id=path.stem or name, path=path), None
        else:
            fmt = input_format if input_format != "auto" else (suffix_format(path) or "text")
            yield Source.from_path(path), fmt


def sniff(data: bytes) -> str:
    """Guess the format of standard input from its first non-blank byte."""
    head = data.lstrip()[:1]
    if head == b"{":
        return "jsonl"
    if head == b"<":
        return "html"
    return "text"
