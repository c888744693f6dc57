"""Analyse articles in N local processes, each loading the spaCy pipeline once.

Results come back in input order (``Pool.imap``), so a single writer can
store them as they arrive. With ``workers=1`` nothing is forked.
"""
from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from sitrep.model import Article, DocumentResult, ErrorResult
from sitrep.pipeline import process_batch
from sitrep.settings import Settings

Result = DocumentResult | ErrorResult

_settings: Settings | None = None


def analyze_parallel(articles: Iterable[Article], *, workers: int = 1, settings: Settings | None = None,
                     chunk_size: int = 8) -> Iterator[Result]:
    """``process_batch`` spread over ``workers`` processes; one result per article, in order."""
    settings = settings or Settings()
    if workers <= 1:
        yield from process_batch(articles, settings=settings)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.imap(_analyze_chunk, _chunks(articles, chunk_size)):
            yield from results


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _init_worker(settings: Settings) -> None:
    """Load the pipeline once per worker process, before the first chunk arrives."""
    global _settings
    from sitrep import nlp as nlp_loader

    _settings = settings
    nlp_loader.load(settings.model)


def _analyze_chunk(chunk: list[Article]) -> list[Result]:
    return list(process_batch(chunk, settings=_settings))
