"""Crash safety: SIGKILL an ingest at random moments, check the store is consistent
after every kill, then let a run finish and compare with an uninterrupted run."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import pg_database

TOWNS = ["Azaz", "Manbij", "Jarabulus", "Tal Abyad", "Kobani", "Afrin", "Saraqib", "Ariha", "Maarat",
         "Khan Shaykhun", "Hama", "Salamiyah", "Tadmur", "Qusayr", "Yabrud", "Douma", "Harasta", "Zabadani",
         "Bosra", "Nawa"]
ACTIONS = [
    "Government aircraft struck a market in {town} on {day}, killing {n} people, a monitoring group said.",
    "Rebels and army units clashed near {town} on {day}; {n} fighters were reported dead.",
    "An aid convoy of {n} trucks reached {town} on {day}, the Red Crescent said.",
    "Hundreds protested in {town} on {day} demanding the release of {n} detainees.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_corpus(path: Path, n: int, seed: int = 7) -> int:
    """``n`` short hand-written-template articles (a few exact copies among them)."""
    rnd = random.Random(seed)
    lines = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        body = " ".join(t.format(town=town, day=rnd.choice(DAYS), n=rnd.randint(2, 90))
                        for t in rnd.sample(ACTIONS, 3))
        lines.append({"id": f"c{i:03d}", "text": body, "published": "2016-05-0" + str(1 + i % 9),
                      "source": f"Outlet {i % 4}"})
    lines += [dict(lines[3], id="copy-of-c003"), dict(lines[8], id="copy-of-c008")]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return n


def run_ingest(corpus: Path, url: str, *, kill_after: float | None = None,
               after_first_commit: bool = False) -> int | None:
    """The exit code of ``sitrep ingest``, or None when it was killed first: ``kill_after``
    seconds after start, or after the store gained its first new article."""
    # Small parse batches interleave commits with analysis, so kills land between writes too.
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(corpus), "--db", url, "--batch-size", "2"]
    log = corpus.with_suffix(".log")
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    if kill_after is None:
        code = proc.wait(timeout=600)
        assert code == 0, log.read_text(encoding="utf-8", errors="replace")[-2000:]
        return code
    if after_first_commit:
        _wait_for_growth(url, proc)
    try:
        return proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def _wait_for_growth(url: str, proc, timeout: float = 120.0) -> None:
    """Return once the store holds more articles than now (or the process ended)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError

    from sitrep.store.db import resolve_url

    engine = create_engine(resolve_url(url))

    def count() -> int:
        try:
            with engine.connect() as conn:
                return conn.execute(text("SELECT count(*) FROM articles")).scalar()
        except DBAPIError:  # not created yet
            return 0

    start, deadline = count(), time.monotonic() + timeout
    while proc.poll() is None and count() <= start and time.monotonic() < deadline:
        time.sleep(0.02)
    engine.dispose()


def check_consistent(url: str) -> dict[str, str]:
    """Assert every stored article is whole; returns external id -> status (and original)."""
    from sqlalchemy import func, select, text

    from sitrep.store import open_store, schema as s
    from sitrep.store.writer import evidence_spans

    with open_store(url) as store, store.engine.connect() as conn:
        if store.dialect == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"))
        counts = {}
        for table in (s.events, s.quotes, s.times, s.places, s.entities, s.evidence_spans):
            counts[table.name] = dict(conn.execute(select(table.c.article_id, func.count())
                                                   .group_by(table.c.article_id)).all())
        state = {}
        for row in conn.execute(select(s.articles)):
            doc = json.loads(row.result_json)
            for key in ("events", "quotes", "times", "places", "entities"):
                assert counts[key].get(row.id, 0) == len(doc[key]), (row.external_id, key)
            assert counts["evidence_spans"].get(row.id, 0) == len(list(evidence_spans(doc)))
            state[row.external_id] = (row.status, row.near_duplicate_of is not None)
        n_links = conn.execute(select(func.count()).select_from(s.near_duplicates)).scalar()
        assert n_links == sum(1 for status, linked in state.values() if linked)
        _check_stories(conn)
    return state


def _check_stories(conn) -> None:
    """Every story row counts exactly the memberships naming it (a linking pass is whole)."""
    from sqlalchemy import func, select

    from sitrep.store import schema as s

    m = s.story_members
    members = dict(conn.execute(select(m.c.story_id, func.count()).group_by(m.c.story_id)).all())
    rows = dict(conn.execute(select(s.stories.c.id, s.stories.c.articles)).all())
    assert set(members) == set(rows)
    assert all(rows[sid] == n for sid, n in members.items())


def check_linked(url: str) -> None:
    """Every stored article is in exactly one story."""
    from sqlalchemy import func, select

    from sitrep.store import open_store, schema as s

    m = s.story_members
    with open_store(url) as store, store.engine.connect() as conn:
        per_article = dict(conn.execute(select(s.articles.c.id, func.count(m.c.story_id))
                                        .outerjoin(m, m.c.article_id == s.articles.c.id)
                                        .group_by(s.articles.c.id)).all())
    assert per_article and set(per_article.values()) == {1}


#: Kills per backend; ``SITREP_CRASH_KILLS=50`` runs the long trial (docs/reliability.md).
KILLS = int(os.environ.get("SITREP_CRASH_KILLS", "0")) or None


@pytest.mark.slow
@pytest.mark.parametrize("backend,kills", [("sqlite", KILLS or 20), ("postgresql", KILLS or 5)])
def test_store_crash_sigkill_leaves_consistent_store(request, tmp_path, backend, kills):
    corpus = tmp_path / "corpus.jsonl"
    unique = write_corpus(corpus, 100)
    stores = _StoreFactory(request, tmp_path, backend)
    try:
        reference = stores.new()
        assert run_ingest(corpus, reference) == 0
        expected = check_consistent(reference)
        assert len(expected) == unique
        rnd, done, stored, url = random.Random(11), 0, [], stores.new()
        while done < kills:
            # Three kills in four land while articles are being analysed and written,
            # the rest anywhere from process start (imports, migrations, reading).
            during_writes = rnd.random() < 0.75
            code = run_ingest(corpus, url, kill_after=rnd.uniform(0.0, 2.0) if during_writes else
                              rnd.uniform(0.2, 3.0), after_first_commit=during_writes)
            state = check_consistent(url)
            if code is None:
                done += 1
                stored.append(len(state))
            else:  # this store is complete: later kills need a new one to interrupt
                assert state == expected
                url = stores.new()
        assert run_ingest(corpus, url) == 0
        assert check_consistent(url) == expected
        check_linked(url)
        assert run_ingest(corpus, url) == 0 and len(check_consistent(url)) == unique
        assert max(stored) > 0, "no kill happened after the first commit; the test proved nothing"
        print(f"\n{backend}: {kills} SIGKILLs; articles stored when killed: {stored}")
    finally:
        stores.drop_all()


class _StoreFactory:
    """Fresh store URLs on one backend, all removed at the end."""

    def __init__(self, request, tmp_path: Path, backend: str):
        self.request, self.tmp_path, self.backend = request, tmp_path, backend
        self.drops: list = []

    def new(self) -> str:
        if self.backend == "sqlite":
            self.drops.append(None)
            return f"sqlite:///{self.tmp_path / f'store{len(self.drops)}.db'}"
        url, drop = pg_database(self.request.getfixturevalue("pg_server"))
        self.drops.append(drop)
        return url

    def drop_all(self) -> None:
        for drop in self.drops:
            if drop:
                drop()
