"""Faults under the store: disk full, read-only database, PostgreSQL restarted
mid-ingest. Each must end in a clear one-line error or a retried write, and
never in a half-written article (checked with the crash test's consistency check)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.store.db import scratch_database

from test_store_crash import check_consistent, run_ingest, write_corpus, _wait_for_growth

DESK = Path(__file__).parent / "data" / "web" / "desk.jsonl"


def desk_rows(n: int):
    """``n`` distinct stored-document rows built from the hand-written desk documents
    (text padded at the end, so every offset stays valid)."""
    from sitrep.store.dedup import content_hash
    from sitrep.store.writer import ArticleRow

    docs = [json.loads(line) for line in DESK.read_text(encoding="utf-8").splitlines()]
    for i in range(n):
        doc = dict(docs[i % len(docs)])
        doc["id"] = f"{doc['id']}-{i}"
        doc["text"] = doc["text"] + f" (copy {i})" + " filler" * 200
        yield ArticleRow(doc=doc, content_hash=content_hash(doc["text"]))


def limit_pages(store, extra_pages: int) -> None:
    """Make the SQLite file "full" a few pages from now, for every new connection."""
    from sqlalchemy import event, text

    with store.engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + extra_pages}")

    store.engine.dispose()


@pytest.mark.parametrize("extra_pages", [8, 40])
def test_faults_disk_full_is_one_line_and_keeps_store_whole(tmp_path, extra_pages):
    from sitrep.store import open_store
    from sitrep.store.store import StoreError

    url = f"sqlite:///{tmp_path / 'full.db'}"
    written = 0
    with open_store(url) as store:
        limit_pages(store, extra_pages)
        with pytest.raises(StoreError) as caught:
            for row in desk_rows(500):
                store.add(row)
                written += 1
    message = str(caught.value)
    assert "full" in message and "\n" not in message and "INSERT" not in message
    state = check_consistent(url)
    assert len(state) == written
    with open_store(url) as store:  # space is back: writing goes on where it stopped
        store.add(list(desk_rows(written + 1))[-1])
    assert len(check_consistent(url)) == written + 1


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
@pytest.mark.parametrize("url_of", [
    lambda db: f"sqlite:///file:{db}?mode=ro&uri=true",  # opened read-only
])
def test_faults_read_only_database_is_one_clear_line(tmp_path, url_of):
    db = tmp_path / "store.db"
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 10)
    assert run_ingest(corpus, f"sqlite:///{db}") == 0
    before = check_consistent(f"sqlite:///{db}")
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "new", "text": "Troops withdrew from Herat on Friday."}) + "\n")
    done = cli("ingest", str(more), "--db", url_of(db))
    errors = [line for line in done.stderr.splitlines() if line.startswith("sitrep: error")]
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(errors) == 1 and "readonly" in errors[0].replace("-", "").replace(" ", "")
    assert check_consistent(f"sqlite:///{db}") == before


@pytest.mark.parametrize("url", ["sqlite:////nonexistent-folder/sub/store.db", "postgresql://nobody@127.0.0.1:1/none"])
def test_faults_unreachable_store_is_one_clear_line(tmp_path, url):
    done = cli("articles", "--db", url, timeout=60)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("sitrep: error: cannot open store")


def _tmpfs(path: Path, size: str) -> bool:
    """Mount a tiny tmpfs at ``path`` (root only); False when the system refuses."""
    path.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("size", ["400k"])
def test_faults_real_disk_full_during_cli_ingest(tmp_path, size):
    mount = tmp_path / "tiny"
    if not _tmpfs(mount, size):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        corpus = tmp_path / "corpus.jsonl"
        write_corpus(corpus, 100)
        url = f"sqlite:///{mount / 'store.db'}"
        done = cli("ingest", str(corpus), "--db", url)
        errors = [line for line in done.stderr.splitlines() if line.startswith("sitrep: error")]
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-500:]
        assert errors == [f"sitrep: error: cannot write to store {url}: database or disk is full"]
        assert len(check_consistent(url)) < 100
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _restart_command() -> list[str] | None:
    """The command restarting the local PostgreSQL 15 cluster, or None when not possible."""
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster"):
        return None
    listed = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    if not any(line.split()[:2] == ["15", "main"] and "online" in line for line in listed.splitlines()):
        return None
    return ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]


@pytest.mark.slow
@pytest.mark.pg_restart
@pytest.mark.parametrize("articles", [40])
def test_faults_postgres_restart_mid_ingest_never_half_writes(request, tmp_path, articles):
    restart = _restart_command()
    if restart is None:
        pytest.skip("needs root and a local PostgreSQL 15 cluster 'main' (pg_ctlcluster)")
    url, drop = scratch_database(request.getfixturevalue("pg_server"), prefix="sitrep_fault")
    corpus = tmp_path / "corpus.jsonl"
    unique = write_corpus(corpus, articles)
    try:
        cmd = [sys.executable, "-m", "sitrep", "ingest", str(corpus), "--db", url, "--batch-size", "2"]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _wait_for_growth(url, proc)
        subprocess.run(restart, check=True, capture_output=True, timeout=120)
        _, stderr = proc.communicate(timeout=600)
        assert "Traceback" not in stderr, stderr[-1500:]
        if proc.returncode != 0:  # failed cleanly: one line saying why
            assert any(line.startswith("sitrep: error: cannot write") for line in stderr.splitlines())
        check_consistent(url)
        assert run_ingest(corpus, url) == 0
        assert len(check_consistent(url)) == unique
        print(f"\npostgres restart mid-ingest: first run exit {proc.returncode}")
    finally:
        drop()


@pytest.mark.parametrize("readers", [3])
def test_faults_story_relink_does_not_block_readers(tmp_path, monkeypatch, readers):
    """A re-link running for a changed store (an ingest adding articles) must not hold
    up other requests: they get the last stories at once (found by bench/load.py,
    where waiting requests hit 30 s timeouts)."""
    import threading
    import time

    from sitrep.serve import stories
    from sitrep.store import open_store
    from sitrep.store.linker import link_pending

    release, building, calls = threading.Event(), threading.Event(), []

    def slow_linker(store):
        calls.append(store)
        if len(calls) > 1:  # the second pass: hold it until the test lets go
            building.set()
            release.wait(10)
        return link_pending(store)

    def linked(found) -> list[str]:
        return sorted(a for s in found for a in s["articles"])

    monkeypatch.setattr(stories, "find_linker", lambda: slow_linker)
    rows = desk_rows(2)
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        store.add(next(rows))
        provider = stories.StoryProvider(store)
        first = linked(provider.stories())
        assert len(first) == 1
        store.add(next(rows))
        worker = threading.Thread(target=provider.stories)
        worker.start()
        assert building.wait(10)
        start = time.monotonic()
        seen = [provider.stories() for _ in range(readers)]
        assert time.monotonic() - start < 1 and all(linked(got) == first for got in seen)
        release.set()
        worker.join(10)
        assert len(linked(provider.stories())) == 2
