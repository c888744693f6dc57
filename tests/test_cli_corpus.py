"""The corpus commands end to end: ingest, watch, events, articles, search, show, export."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sitrep.cli import main
from test_ingest_fetch import http_site  # noqa: F401 (fixture)

DATA = Path(__file__).parent / "data" / "store"
COLUMNS = "id=story_id,text=body,title=headline,source=outlet,published=pubdate"
IDS = ["n-001", "n-002", "n-003", "n-004"]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    """A SQLite store holding the four hand-written CSV articles, ingested once."""
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    assert main(["ingest", str(DATA / "articles.csv"), "--db", url, "--columns", COLUMNS]) == 0
    return url


@pytest.mark.parametrize("runs", [2])
def test_cli_corpus_ingest_is_idempotent(store_url, capsys, runs):
    for run in range(runs):
        assert main(["ingest", str(DATA / "articles.csv"), "--db", store_url, "--columns", COLUMNS]) == 0
        err = capsys.readouterr().err
        assert (f"ingested 4 " if run == 0 else "ingested 0 ") in err
    assert "duplicates 4" in err


@pytest.mark.parametrize("extra,code,message", [
    (["--workers", "0"], 2, "--workers"),
    (["--columns", "author=x"], 2, "--columns"),
    (["--published", "yesterday"], 2, "--published"),
    (["--db", "mysql://u@h/db"], 2, "sqlite://"),
    (["--near-threshold", "1.5"], 2, "--near-threshold"),
])
def test_cli_corpus_ingest_usage_errors(tmp_path, capsys, extra, code, message):
    args = ["ingest", str(DATA / "articles.csv")] + extra
    if "--db" not in extra:
        args += ["--db", f"sqlite:///{tmp_path / 'x.db'}"]
    assert main(args) == code
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("missing", ["no-such-file.txt"])
def test_cli_corpus_ingest_failure_is_reported_and_rest_stored(tmp_path, capsys, missing):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["ingest", str(tmp_path / missing), str(DATA / "feed.rss"), "--db", url]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "ingested 2 " in err and "failed 1" in err


@pytest.mark.parametrize("workers", [2])
def test_cli_corpus_ingest_workers_store_the_same(tmp_path, corpus_db, workers):
    from sitrep.store import open_store

    url = f"sqlite:///{tmp_path / 'parallel.db'}"
    assert main(["ingest", str(DATA / "articles.csv"), "--db", url, "--columns", COLUMNS,
                 "--workers", str(workers)]) == 0
    with open_store(url) as a, open_store(corpus_db) as b:
        assert [d for _i, _h, d in a.iter_documents()] == [d for _i, _h, d in b.iter_documents()]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_cli_corpus_articles_one_line_each_with_external_id(corpus_db, capsys, fmt):
    assert main(["articles", "--db", corpus_db, "--format", fmt]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in lines] == IDS
    else:
        assert len(lines) == len(IDS) + 1 and all(i in "".join(lines) for i in IDS)


@pytest.mark.parametrize("args,check", [
    (["--format", "jsonl"], lambda rows: rows and all(r["article"] in IDS for r in rows)),
    (["--format", "jsonl", "--source", "city ledger"], lambda rows: {r["article"] for r in rows} == {"n-003"}),
    (["--format", "jsonl", "--type", "NOSUCH"], lambda rows: rows == []),
])
def test_cli_corpus_events_filters(corpus_db, capsys, args, check):
    assert main(["events", "--db", corpus_db] + args) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert check(rows)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_corpus_events_files(corpus_db, tmp_path, fmt):
    from sitrep.store.queries import EVENT_COLUMNS

    out = tmp_path / f"events.{fmt}"
    assert main(["events", "--db", corpus_db, "--format", fmt, "--output", str(out)]) == 0
    if fmt == "csv":
        with open(out, encoding="utf-8") as fh:
            header = next(csv.reader(fh))
    else:
        import pyarrow.parquet as pq

        header = pq.read_table(out).column_names
    assert tuple(header) == EVENT_COLUMNS


@pytest.mark.parametrize("fmt", ["parquet"])
def test_cli_corpus_parquet_needs_output(corpus_db, fmt):
    assert main(["events", "--db", corpus_db, "--format", fmt]) == 2


@pytest.mark.parametrize("query,hit,code", [("bread prices", "n-003", 0), ("zeppelin", None, 1)])
def test_cli_corpus_search(corpus_db, capsys, query, hit, code):
    assert main(["search", query, "--db", corpus_db, "--format", "jsonl"]) == code
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows][:1] == ([hit] if hit else [])


@pytest.mark.parametrize("article_id", ["n-002"])
def test_cli_corpus_show_renders_like_analyze(corpus_db, capsys, article_id):
    from sitrep.export.text import render_text
    from sitrep.store import open_store, queries
    from sitrep.model.convert import document_from_dict

    assert main(["show", article_id, "--db", corpus_db]) == 0
    out = capsys.readouterr().out
    with open_store(corpus_db) as st:
        (internal,) = queries.find_articles(st.engine, article_id)
        expected = render_text(document_from_dict(st.document(internal)))
    assert out == expected + "\n" and out.startswith("== Ministers meet in Geneva ==")


@pytest.mark.parametrize("article_id", ["n-999"])
def test_cli_corpus_show_unknown_id(corpus_db, capsys, article_id):
    assert main(["show", article_id, "--db", corpus_db]) == 1
    assert "sitrep articles" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["plover", "csv", "parquet"])
def test_cli_corpus_export(corpus_db, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    assert main(["export", "--db", corpus_db, "--format", fmt, str(out)]) == 0
    assert out.stat().st_size > 0


@pytest.mark.parametrize("times", [2])
def test_cli_corpus_import_plover_round_trip(corpus_db, tmp_path, times):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    url = f"sqlite:///{tmp_path / 'reimported.db'}"
    assert main(["export", "--db", corpus_db, "--format", "plover", str(first)]) == 0
    for _ in range(times):
        assert main(["import-plover", str(first), "--db", url]) == 0
    assert main(["export", "--db", url, "--format", "plover", str(second)]) == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


@pytest.mark.parametrize("env_name", ["SITREP_DB"])
def test_cli_corpus_db_from_environment(tmp_path, monkeypatch, capsys, env_name):
    monkeypatch.setenv(env_name, f"sqlite:///{tmp_path / 'env.db'}")
    assert main(["ingest", str(DATA / "feed.atom")]) == 0
    capsys.readouterr()
    assert main(["articles", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "urn:sitrep:test:valley:1"


NEW_ITEM = ("<item><title>Curfew lifted in Baniyas</title><guid>harbour-3</guid>"
            "<description>Authorities lifted the night curfew in Baniyas on Thursday.</description></item>")


@pytest.mark.parametrize("interval", ["15m"])
def test_cli_corpus_watch_once_ingests_only_new_entries(http_site, tmp_path, capsys, interval):
    feed = (DATA / "feed.rss").read_bytes()
    http_site.pages["/feed.rss"] = ("application/rss+xml", feed)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{http_site.url('/feed.rss')}\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'watch.db'}"
    watch = ["watch", str(feeds), "--db", url, "--once", "--interval", interval]
    assert main(watch) == 0 and "ingested 2 " in capsys.readouterr().err
    assert main(watch) == 0 and "ingested 0 " in capsys.readouterr().err
    http_site.pages["/feed.rss"] = ("application/rss+xml", feed.replace(b"</channel>", NEW_ITEM.encode() +
                                                                        b"</channel>"))
    assert main(watch) == 0 and "ingested 1 " in capsys.readouterr().err


@pytest.mark.parametrize("value,seconds", [("90s", 90), ("15m", 900), ("1h", 3600), ("30", 30)])
def test_cli_corpus_parse_interval(value, seconds):
    from sitrep.cli.corpus import parse_interval

    assert parse_interval(value) == seconds


@pytest.mark.parametrize("value", ["soon", "0m", "-5s"])
def test_cli_corpus_parse_interval_rejects(value):
    from sitrep.cli.corpus import parse_interval
    from sitrep.errors import UsageError

    with pytest.raises(UsageError):
        parse_interval(value)


@pytest.mark.parametrize("path", ["/page.html"])
def test_cli_corpus_ingest_url(http_site, tmp_path, capsys, path):
    from test_ingest_fetch import PAGE

    http_site.pages[path] = ("text/html", PAGE)
    url = f"sqlite:///{tmp_path / 'u.db'}"
    assert main(["ingest", http_site.url(path), "--db", url]) == 0
    assert "ingested 1 " in capsys.readouterr().err
