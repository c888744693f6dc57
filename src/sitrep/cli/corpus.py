"""Corpus commands over the store: ingest, watch, events, articles, search, show,
export, import-plover. Each is a thin caller of ``sitrep.store`` and ``sitrep.export``;
every command takes ``--db URL`` (default ``$SITREP_DB`` or ``./sitrep.db``)."""
from __future__ import annotations

import argparse
import contextlib
import csv
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from sitrep.cli import EXIT_OK, EXIT_SOME_FAILED, report_error
from sitrep.errors import UsageError

TABLE_EVENT_COLUMNS = ("date", "event", "mode", "actor", "recipient", "place", "source", "article")
TABLE_ARTICLE_COLUMNS = ("id", "published", "source", "status", "events", "title")


def register(sub) -> None:
    _register_ingest(sub)
    _register_watch(sub)
    _register_queries(sub)
    _register_export(sub)


def _db(p) -> None:
    p.add_argument("--db", metavar="URL", help="sqlite:///path.db or postgresql://user@host/db "
                                               "(default: $SITREP_DB, else ./sitrep.db)")


def _register_ingest(sub) -> None:
    from sitrep.ingest import formats

    p = sub.add_parser("ingest", help="analyse articles into the store (idempotent, crash-safe)",
                       description="Read files, directories, URLs, feeds or archives, analyse every new "
                                   "article and store it; exact copies are skipped, near copies linked.")
    p.add_argument("inputs", nargs="+", metavar="PATH|URL")
    _db(p)
    p.add_argument("--input-format", choices=formats(), default="auto")
    p.add_argument("--workers", type=int, default=1, help="analysis processes (default 1)")
    p.add_argument("--columns", metavar="FIELD=COLUMN,...", help="CSV column mapping, "
                   "e.g. id=unit_id,text=article_content (fields: id text title published source url)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that carry none")
    p.add_argument("--fetch", action="store_true", help="for feeds: fetch and read each entry's linked page")
    p.add_argument("--batch-size", type=int, default=None, metavar="N",
                   help="articles parsed together (default 32); each is still stored in its own transaction")
    p.add_argument("--near-threshold", type=float, default=None, metavar="J",
                   help="MinHash Jaccard from which an article is a near-duplicate (default 0.8)")
    p.add_argument("--no-link", dest="link", action="store_false",
                   help="store only; link the new articles into stories later (`sitrep link`)")
    p.add_argument("--prefilter", "--fast", action="store_true", dest="prefilter",
                   help="skip parsing sentences that hold no cue of any layer (see `sitrep analyze`)")
    p.set_defaults(func=run_ingest)


def _register_watch(sub) -> None:
    p = sub.add_parser("watch", help="poll feeds and ingest what is new",
                       description="Poll every feed listed in FEEDS (one URL or path a line, # comments) "
                                   "each interval and ingest new entries.")
    p.add_argument("feeds", type=Path, metavar="FEEDS.txt")
    _db(p)
    p.add_argument("--interval", default="15m", help="time between polls: 90s, 15m, 1h (default 15m)")
    p.add_argument("--once", action="store_true", help="poll once and exit")
    p.add_argument("--fetch", action="store_true", help="fetch and read each entry's linked page")
    p.set_defaults(func=run_watch)


def _register_queries(sub) -> None:
    p = sub.add_parser("events", help="list stored events, filtered")
    _db(p)
    for flag, help_ in (("--since", "first event date (YYYY-MM-DD)"), ("--until", "last event date"),
                        ("--country", "location country (ISO alpha-2) or actor code (SYR, IGO...)"),
                        ("--actor", "actor or recipient: code, or part of a name"),
                        ("--type", "PLOVER event type"), ("--mode", "PLOVER mode"),
                        ("--place", "part of the location name"), ("--source", "part of the outlet name")):
        p.add_argument(flag, help=help_)
    p.add_argument("--unique", action="store_true", help="leave out near-duplicate articles")
    p.add_argument("--story", metavar="ID", help="only events of this story (ids from `sitrep stories`)")
    _output(p, ("table", "jsonl", "csv", "parquet"))
    p.set_defaults(func=run_events)
    p = sub.add_parser("articles", help="list stored articles, one line each with its external id")
    _db(p)
    _output(p, ("table", "jsonl", "csv"))
    p.set_defaults(func=run_articles)
    p = sub.add_parser("search", help="full-text search over stored articles")
    p.add_argument("query")
    _db(p)
    _output(p, ("table", "jsonl"), default_limit=20)
    p.set_defaults(func=run_search)
    p = sub.add_parser("show", help="print a stored article's analysis by its external id")
    p.add_argument("id")
    _db(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run_show)


def _output(p, choices: tuple[str, ...], default_limit: int | None = None) -> None:
    p.add_argument("--format", choices=choices, default=choices[0])
    p.add_argument("--output", type=Path, metavar="FILE", help="write here instead of standard output")
    p.add_argument("--limit", type=int, default=default_limit)


def _register_export(sub) -> None:
    p = sub.add_parser("export", help="export stored events as PLOVER JSONL, ACLED-style CSV or Parquet")
    _db(p)
    p.add_argument("--format", choices=("plover", "csv", "parquet"), required=True)
    p.add_argument("out", type=Path, metavar="OUT")
    p.set_defaults(func=run_export)
    p = sub.add_parser("import-plover", help="load PLOVER JSONL events into the store")
    p.add_argument("file", type=Path)
    _db(p)
    p.set_defaults(func=run_import_plover)


# --- ingest and watch -----------------------------------------------------------------------

def run_ingest(args: argparse.Namespace) -> int:
    from sitrep.ingest import csv as csv_reader, rss
    from sitrep.ingest.fetch import read_everything
    from sitrep.pipeline import parse_published
    from sitrep.settings import Settings
    from sitrep.store import open_store
    from sitrep.store.loader import ingest

    if args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if args.batch_size is not None and args.batch_size < 1:
        raise UsageError("--batch-size must be 1 or more")
    settings = Settings(debug=args.debug, prefilter=args.prefilter)
    if args.batch_size:
        settings = settings.with_(batch_size=args.batch_size)
    if args.published:
        try:
            parse_published(args.published)
        except ValueError:
            raise UsageError(f"--published {args.published!r} is not a date (YYYY-MM-DD)") from None
    columns = csv_reader.parse_columns(args.columns) if args.columns else None
    with open_store(args.db) as store, csv_reader.using_columns(columns), rss.fetching_pages(args.fetch):
        records = read_everything(args.inputs, input_format=args.input_format, published=args.published)
        summary = ingest(records, store, workers=args.workers, settings=settings,
                         progress=ProgressLine(sys.stderr), link=args.link, **_threshold(args))
    return _finish(summary)


def _threshold(args) -> dict[str, float]:
    if args.near_threshold is None:
        return {}
    if not 0 < args.near_threshold <= 1:
        raise UsageError("--near-threshold must be in (0, 1]")
    return {"near_threshold": args.near_threshold}


def _finish(summary) -> int:
    for reason in summary.failures:
        report_error(reason)
    print(f"ingested {summary.ingested} (near-duplicates {summary.near_duplicates}), "
          f"duplicates {summary.duplicates}, failed {summary.failed}, of {summary.total} read "
          f"in {time.monotonic() - summary.started:.1f}s", file=sys.stderr)
    if summary.link and summary.link.linked:
        print(f"linked {summary.link.linked} into stories ({summary.link.created} new, "
              f"{summary.link.changed - summary.link.created} grown) in {summary.link.seconds:.1f}s",
              file=sys.stderr)
    if summary.link_error:
        report_error(f"{summary.link_error} (the articles are stored; `sitrep link` retries)")
    if summary.total == 0:
        report_error("no input articles found")
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if summary.failed or summary.link_error else EXIT_OK


class ProgressLine:
    """Progress with rate and ETA: one redrawn line on a terminal, plain lines every 10% otherwise."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = stream.isatty()
        self.last_step = -1

    def __call__(self, summary) -> None:
        done, total = summary.done, max(summary.total, 1)
        elapsed = max(time.monotonic() - summary.started, 1e-6)
        rate = done / elapsed
        eta = (total - done) / rate if rate > 0 else 0
        line = f"{done}/{summary.total} articles, {rate:.1f}/s, ETA {_clock(eta)}"
        if self.tty:
            bar = "#" * int(30 * done / total)
            self.stream.write(f"\r[{bar:<30}] {line}" + ("\n" if done >= total else ""))
            self.stream.flush()
        elif (step := 10 * done // total) != self.last_step:
            self.last_step = step
            print(f"ingest: {line}", file=self.stream, flush=True)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$")


def parse_interval(value: str) -> float:
    """``90s``, ``15m``, ``1h`` or plain seconds -> seconds."""
    m = _INTERVAL.match(value)
    if not m or float(m.group(1)) <= 0:
        raise UsageError(f"--interval {value!r}: write a number with s, m or h, e.g. 15m")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


def run_watch(args: argparse.Namespace) -> int:
    from sitrep.ingest import rss
    from sitrep.ingest.fetch import read_everything
    from sitrep.settings import Settings
    from sitrep.store import open_store
    from sitrep.store.loader import ingest

    interval = parse_interval(args.interval)
    feeds = _feed_list(args.feeds)
    code = EXIT_OK
    with open_store(args.db) as store, rss.fetching_pages(args.fetch):
        while True:
            records = read_everything(feeds, input_format="auto")
            summary = ingest(records, store, settings=Settings(debug=args.debug))
            code = _finish(summary)
            if args.once:
                return code
            time.sleep(interval)


def _feed_list(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from None
    feeds = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not feeds:
        raise UsageError(f"{path}: no feeds listed (one URL or path a line)")
    return feeds


# --- queries --------------------------------------------------------------------------------

def run_events(args: argparse.Namespace) -> int:
    from sitrep.store import open_store, queries

    flt = queries.EventFilter(since=args.since, until=args.until, country=args.country, actor=args.actor,
                              type=args.type, mode=args.mode, place=args.place, source=args.source,
                              unique=args.unique, story=args.story)
    with open_store(args.db) as store:
        if args.story is not None:
            _check_story(store, args.story)
        rows = queries.events(store.engine, flt, limit=args.limit)
    write_rows(rows, queries.EVENT_COLUMNS, args.format, args.output, table_columns=TABLE_EVENT_COLUMNS)
    return EXIT_OK


def _check_story(store, story_id: str) -> None:
    """Stories brought up to date, then ``story_id`` must be one of them."""
    from sitrep.store import stories
    from sitrep.store.linker import link_pending

    link_pending(store)
    with store.engine.connect() as conn:
        if not stories.exists(conn, story_id):
            raise UsageError(f"no story {story_id!r} in the store (list them with `sitrep stories`)")


def run_articles(args: argparse.Namespace) -> int:
    from sitrep.store import open_store, queries

    with open_store(args.db) as store:
        rows = queries.articles(store.engine, limit=args.limit)
    write_rows(rows, queries.ARTICLE_COLUMNS, args.format, args.output, table_columns=TABLE_ARTICLE_COLUMNS)
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    from sitrep.store import open_store, queries

    with open_store(args.db) as store:
        rows = queries.search(store.engine, args.query, limit=args.limit or 20)
    write_rows(rows, ("id", "published", "source", "title", "snippet"), args.format, args.output)
    return EXIT_OK if rows else EXIT_SOME_FAILED


def run_show(args: argparse.Namespace) -> int:
    from sitrep.export.text import render_text
    from sitrep.store import open_store, queries
    from sitrep.model.convert import document_from_dict

    with open_store(args.db) as store:
        ids = queries.find_articles(store.engine, args.id)
        if not ids:
            report_error(f"no article with id {args.id!r} in {store.url} (list them with: sitrep articles)")
            return EXIT_SOME_FAILED
        for article_id in ids:
            doc = store.document(article_id)
            if args.format == "json":
                print(json.dumps(doc, ensure_ascii=False))
            else:
                sys.stdout.write(render_text(document_from_dict(doc)) + "\n")
    return EXIT_OK


def write_rows(rows: list[dict[str, Any]], columns, fmt: str, output: Path | None, *,
               table_columns=None) -> None:
    """Rows as an aligned table, JSON Lines, CSV or Parquet, to ``output`` or standard output."""
    if fmt == "parquet":
        from sitrep.export.parquet import write_parquet

        if output is None:
            raise UsageError("--format parquet needs --output FILE")
        write_parquet(rows, columns, output)
        return
    with _open_out(output) as out:
        if fmt == "jsonl":
            for row in rows:
                out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        else:
            out.write(format_table(rows, table_columns or columns))


@contextlib.contextmanager
def _open_out(output: Path | None):
    if output is None:
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as fh:
        yield fh


def format_table(rows: list[dict[str, Any]], columns, width: int = 32) -> str:
    """A plain aligned table, cells clipped to ``width`` characters."""
    def cell(value) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= width else text[:width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


# --- export and re-import -------------------------------------------------------------------

def run_export(args: argparse.Namespace) -> int:
    from sitrep.store import open_store

    with open_store(args.db) as store:
        if args.format == "plover":
            n = export_plover(store, args.out)
        elif args.format == "csv":
            from sitrep.export.acled import write_acled_csv

            with open(args.out, "w", encoding="utf-8", newline="") as out:
                n = write_acled_csv(((e, doc) for _id, _h, doc in store.iter_documents(with_events=True)
                                     for e in doc["events"]), out)
        else:
            from sitrep.export.parquet import EVENT_SCHEMA, event_rows, write_table
            from sitrep.model.convert import document_from_dict

            n = write_table((row for _id, _h, doc in store.iter_documents(with_events=True)
                             for row in event_rows(document_from_dict(doc))), EVENT_SCHEMA, args.out)
    print(f"exported {n} events to {args.out}", file=sys.stderr)
    return EXIT_OK


def export_plover(store, path: Path) -> int:
    """Every stored event as validated PLOVER JSONL; returns the count."""
    from sitrep.export.plover import plover_records, validate

    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for _id, content_hash, doc in store.iter_documents(with_events=True):
            for record in plover_records(doc, content_hash):
                validate(record)
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
    return n


def run_import_plover(args: argparse.Namespace) -> int:
    from sitrep.errors import InputError
    from sitrep.export.plover import documents_from_plover, read_plover
    from sitrep.store import open_store
    from sitrep.store.loader import import_documents

    try:
        with open(args.file, encoding="utf-8") as fh, open_store(args.db) as store:
            summary = import_documents(documents_from_plover(read_plover(fh, where=str(args.file))), store,
                                       origin=str(args.file))
    except OSError as err:
        raise UsageError(f"{args.file}: {err.strerror or err}") from None
    except InputError as err:
        report_error(str(err))
        return EXIT_SOME_FAILED
    print(f"imported {summary.ingested} articles' events, {summary.duplicates} already stored",
          file=sys.stderr)
    return EXIT_OK
