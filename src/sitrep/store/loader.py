"""Ingest: articles in, analysed rows out, exactly once each.

The order of work makes a killed run safe to repeat: an article is skipped
when its content hash is already stored, analysed otherwise, then written with
all its rows in one transaction. Re-running after a crash therefore analyses
only what never committed, and the final counts are exact. Articles that fail
(unreadable, empty, analysis error) are reported, not stored, so a later run
tries them again.

Once the articles are written, a linking pass (:mod:`sitrep.store.linker`) files
every article without a story, this run's and any a killed run left, into the
persisted stories in one more transaction.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from sitrep.batch import analyze_parallel
from sitrep.model import Article, DocumentResult, ErrorResult
from sitrep.settings import Settings
from sitrep.store import dedup
from sitrep.store.store import Store, StoreError
from sitrep.store.writer import ArticleRow

if TYPE_CHECKING:
    from sitrep.store.linker import LinkSummary


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did; ``done`` counts every input settled so far."""

    total: int = 0
    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failures: list[str] = field(default_factory=list)
    #: The linking pass after the writes (None when not asked for), or why it failed.
    link: "LinkSummary | None" = None
    link_error: str | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def done(self) -> int:
        return self.ingested + self.duplicates + self.failed

    def as_dict(self) -> dict[str, int]:
        return {"total": self.total, "ingested": self.ingested, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates, "failed": self.failed}


Progress = Callable[[IngestSummary], None]


def ingest(records: Iterable[Article | ErrorResult], store: Store, *, workers: int = 1,
           settings: Settings | None = None, near_threshold: float = dedup.DEFAULT_THRESHOLD,
           progress: Progress | None = None, link: bool = True) -> IngestSummary:
    """Analyse and store every new article of ``records``; exact copies of stored
    articles are counted as duplicates and not analysed again. Then, with ``link``,
    link every article not in a story yet (see :func:`link_after`)."""
    progress = progress or (lambda _summary: None)
    records = list(records)
    summary = IngestSummary(total=len(records))
    todo = _new_articles(records, store, summary, progress)
    if todo:  # with nothing new, the pipeline is not loaded and no workers start
        _analyse_and_store(todo, store, summary, progress, workers=workers, settings=settings,
                           near_threshold=near_threshold)
    if link:
        link_after(store, summary)
    return summary


def link_after(store: Store, summary: IngestSummary) -> None:
    """Link the unlinked articles; a linker failure is recorded, not raised: the articles
    are safely stored, and the next pass links them."""
    from sitrep.store.linker import link_pending

    try:
        summary.link = link_pending(store)
    except StoreError:
        raise
    except Exception as err:  # a linker bug must not lose an ingest that has committed
        summary.link_error = f"linking stories failed: {type(err).__name__}: {err}"


def _analyse_and_store(todo: list[tuple[Article, str]], store: Store, summary: IngestSummary,
                       progress: Progress, *, workers: int, settings: Settings | None,
                       near_threshold: float) -> None:
    index = store.near_duplicate_index(near_threshold)
    by_position = iter(todo)
    for result in analyze_parallel([a for a, _ in todo], workers=workers, settings=settings):
        article, content_hash = next(by_position)
        if isinstance(result, ErrorResult):
            summary.failures.append(result.error)
        else:
            _store_one(result, content_hash, store, index, summary)
        progress(summary)


def _new_articles(records: list[Article | ErrorResult], store: Store, summary: IngestSummary,
                  progress: Progress) -> list[tuple[Article, str]]:
    """The articles not stored yet, with their content hashes; the rest are counted."""
    todo: list[tuple[Article, str]] = []
    seen: set[str] = set()
    for record in records:
        if isinstance(record, ErrorResult):
            summary.failures.append(record.error)
            progress(summary)
            continue
        content_hash = dedup.content_hash(record.text)
        if content_hash in seen or store.has_hash(content_hash):
            summary.duplicates += 1
            progress(summary)
            continue
        seen.add(content_hash)
        todo.append((record, content_hash))
    return todo


def _store_one(result: DocumentResult, content_hash: str, store: Store,
               index: dedup.NearDuplicateIndex, summary: IngestSummary) -> None:
    mh = dedup.signature(result.article.text)
    match = index.find(mh)
    row = ArticleRow(doc=result.to_dict(), content_hash=content_hash, origin=result.article.origin,
                     minhash=dedup.to_bytes(mh), meta=result.article.meta)
    if match:
        row.status = "near_duplicate"
        row.near_duplicate_of, row.similarity = match.original_id, match.similarity
    try:
        article_id = store.add(row)
    except IntegrityError:  # stored meanwhile by another writer: the same text, so a duplicate
        summary.duplicates += 1
        return
    index.add(article_id, mh, original_id=match.original_id if match else None)
    summary.ingested += 1
    summary.near_duplicates += bool(match)


def import_documents(pairs: Iterable[tuple[dict, str]], store: Store, *, origin: str) -> IngestSummary:
    """Store event-only documents (from PLOVER JSONL) not stored yet, one transaction each."""
    summary = IngestSummary()
    for doc, content_hash in pairs:
        summary.total += 1
        if store.has_hash(content_hash):
            summary.duplicates += 1
            continue
        store.add(ArticleRow(doc=doc, content_hash=content_hash, origin=origin, status="imported"))
        summary.ingested += 1
    return summary
