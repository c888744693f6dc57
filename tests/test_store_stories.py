"""Stories kept in the store: linked on ingest in one transaction, ids stable across
runs, read back without re-linking, an upgraded 0001 store linked on first read;
SQLite and PostgreSQL. Documents are hand-built (no spaCy)."""
from __future__ import annotations

import json

import pytest

from link_docs import doc
from test_link_stories import FLOOD, TRUCE_A, TRUCE_B, TRUCE_C
from test_store_crash import _StoreFactory

FLOOD_B = ("Rivers burst their banks across Kerala after heavy monsoon rains, and thousands of "
           "farmers fled flooded villages, officials in the state said.")
QUAKE = ("A strong earthquake shook Nepal's Gorkha district, flattening houses in mountain villages "
         "and killing dozens, police in Kathmandu said.")


def corpus() -> list[dict]:
    """Analysed documents, oldest first: a truce told three times, a flood twice, a quake."""
    docs = [doc("truce-a", "Wire A", "2016-10-18", TRUCE_A, title="Russia to halt Aleppo strikes"),
            doc("flood-a", "Daily F", "2016-10-18", FLOOD, places=False),
            doc("truce-b", "Wire B", "2016-10-18", TRUCE_B),
            doc("truce-c", "Wire C", "2016-10-19", TRUCE_C),
            doc("flood-b", "Daily G", "2016-10-19", FLOOD_B, places=False),
            doc("quake-a", "Wire A", "2016-10-20", QUAKE, places=False)]
    return [d.to_dict() for d in docs]


def add(store, docs: list[dict]) -> None:
    from sitrep.store.dedup import content_hash
    from sitrep.store.writer import ArticleRow

    for d in docs:
        store.add(ArticleRow(doc=d, content_hash=content_hash(d["text"])))


def membership(store) -> dict[str, str]:
    """External article id -> story id, as stored."""
    from sqlalchemy import select

    from sitrep.store import schema as s

    a, m = s.articles, s.story_members
    with store.engine.connect() as conn:
        return dict(conn.execute(select(a.c.external_id, m.c.story_id).join(m, m.c.article_id == a.c.id)).all())


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request, tmp_path):
    """Fresh store URLs on one backend."""
    factory = _StoreFactory(request, tmp_path, request.param)
    yield factory
    factory.drop_all()


@pytest.mark.parametrize("split", [2, 4])
def test_store_stories_two_linking_runs_give_one_runs_ids(stores, split):
    from sitrep.store import open_store
    from sitrep.store.linker import link_pending

    docs = corpus()
    with open_store(stores.new()) as whole, open_store(stores.new()) as parts:
        add(whole, docs)
        link_pending(whole)
        add(parts, docs[:split])
        link_pending(parts)
        add(parts, docs[split:])
        link_pending(parts)
        assert membership(parts) == membership(whole)
        assert len(set(membership(whole).values())) == 3  # truce, flood, quake


@pytest.mark.parametrize("late", ["truce-c"])
def test_store_stories_id_never_changes_when_articles_join(stores, late):
    from sitrep.store import open_store, stories
    from sitrep.store.linker import link_pending

    docs = corpus()
    early = [d for d in docs if d["id"].startswith("truce") and d["id"] != late]
    with open_store(stores.new()) as store:
        add(store, early)
        first = link_pending(store)
        (story_id,) = first.stories
        add(store, [d for d in docs if d["id"] == late])
        second = link_pending(store)
        assert second.stories == [story_id] and second.created == 0
        with store.engine.connect() as conn:
            story = stories.story(conn, story_id)
            (row,) = [r for r in stories.summaries(conn) if r["id"] == story_id]
    assert story["articles"] == [d["id"] for d in early] + [late]
    assert row["articles"] == 3 and row["end"] == "2016-10-19"


@pytest.mark.parametrize("kind", ["rebuild"])
def test_store_stories_rebuild_keeps_ids_of_first_articles(stores, kind):
    from sitrep.store import open_store
    from sitrep.store.linker import link_pending

    with open_store(stores.new()) as store:
        add(store, corpus())
        link_pending(store)
        before = membership(store)
        summary = link_pending(store, rebuild=kind == "rebuild")
        assert summary.linked == len(before) and membership(store) == before


@pytest.mark.parametrize("flags,expected", [
    ([], 3), (["--since", "2016-10-20"], 1), (["--until", "2016-10-18"], 2),
    (["--place", "aleppo"], 1), (["--place", "Nairobi"], 0)])
def test_store_stories_cli_filters_read_persisted_rows(tmp_path, capsys, flags, expected):
    from sitrep.cli import main
    from sitrep.store import open_store

    url = f"sqlite:///{tmp_path / 's.db'}"
    with open_store(url) as store:
        add(store, corpus())  # stored unlinked: the first read links them
    assert main(["stories", "--db", url, "--format", "jsonl", *flags]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(found) == expected
    assert main(["stories", "--db", url, "--format", "table", *flags]) == 0
    assert len(capsys.readouterr().out.splitlines()) == expected + 1


@pytest.mark.parametrize("fmt,needle", [("text", "Contradictions:"), ("json", '"articles"')])
def test_store_stories_cli_story_and_events_use_membership(tmp_path, capsys, fmt, needle):
    from sitrep.cli import main
    from sitrep.store import open_store
    from sitrep.store.linker import link_pending

    url = f"sqlite:///{tmp_path / 's.db'}"
    with open_store(url) as store:
        add(store, corpus())
        link_pending(store)
        story_id = membership(store)["truce-a"]
    assert main(["story", story_id, "--db", url, "--format", fmt]) == 0
    assert needle in capsys.readouterr().out
    assert main(["events", "--db", url, "--story", story_id, "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""  # the hand-built truce documents carry no events
    assert main(["events", "--db", url, "--story", "s000000000000"]) == 2


@pytest.mark.parametrize("revision", ["0001"])
def test_store_stories_upgraded_store_links_on_first_read(stores, revision):
    """A store written at revision 0001 upgrades in place and gets its stories."""
    from alembic import command
    from alembic.config import Config

    from sitrep.cli.stories import stories_in_store
    from sitrep.store import open_store
    from sitrep.store.db import MIGRATIONS, make_engine
    from sitrep.store.dedup import content_hash
    from sitrep.store.writer import ArticleRow, write_article

    url = stores.new()
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    with engine.begin() as conn:  # the 0001 tables only: the writer touches no story table
        for d in corpus():
            write_article(conn, ArticleRow(doc=d, content_hash=content_hash(d["text"])))
    engine.dispose()
    found = stories_in_store(url)
    assert sorted(a for s in found for a in s["articles"]) == sorted(d["id"] for d in corpus())
    with open_store(url) as store:
        assert len(membership(store)) == len(corpus())


@pytest.mark.parametrize("stage", ["describe"])
def test_store_stories_failed_pass_leaves_nothing_half_written(tmp_path, monkeypatch, stage):
    import sitrep.link as link

    from sitrep.store import open_store, stories
    from sitrep.store.linker import link_pending, pending

    def broken(*_args, **_kwargs):
        raise RuntimeError(f"{stage} failed")

    url = f"sqlite:///{tmp_path / 's.db'}"
    with open_store(url) as store:
        add(store, corpus()[:2])
        link_pending(store)
        add(store, corpus()[2:])
        monkeypatch.setattr(link, stage, broken)
        with pytest.raises(RuntimeError):
            link_pending(store)
        with store.engine.connect() as conn:
            assert pending(conn) == 4 and len(stories.summaries(conn)) == 2
            assert stories.generation(conn) == 1
        monkeypatch.undo()
        assert link_pending(store).linked == 4
        assert len(membership(store)) == 6


@pytest.mark.parametrize("reused", ["truce-a"])
def test_store_stories_reused_external_id_is_one_member(tmp_path, reused):
    """Two stored articles under one external id: both get a membership, the linker sees one."""
    from sqlalchemy import func, select

    from sitrep.store import open_store, schema as s
    from sitrep.store.linker import link_pending

    docs = corpus()
    again = dict(next(d for d in docs if d["id"] == reused), text=TRUCE_A + " Updated.")
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        add(store, docs)
        link_pending(store)
        add(store, [again])
        assert link_pending(store).linked == 1
        with store.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(s.story_members)).scalar_one()
            actions = conn.execute(select(s.story_members.c.action).order_by(s.story_members.c.seq)).scalars().all()
    assert n == len(docs) + 1 and actions[-1] == "unchanged"


@pytest.mark.slow
@pytest.mark.parametrize("split", [5])
def test_store_stories_ingest_in_two_runs_matches_one_run(tmp_path, nlp, split):
    """Through ``sitrep ingest`` (analysis and linking), date-ordered input split in two."""
    from sitrep.cli import main
    from sitrep.store import open_store
    from test_store_crash import write_corpus

    corpus_file = tmp_path / "corpus.jsonl"
    write_corpus(corpus_file, 9)
    lines = corpus_file.read_text(encoding="utf-8").splitlines()[:9]  # days 1..9, oldest first
    parts = [tmp_path / "first.jsonl", tmp_path / "second.jsonl"]
    parts[0].write_text("\n".join(lines[:split]) + "\n", encoding="utf-8")
    parts[1].write_text("\n".join(lines[split:]) + "\n", encoding="utf-8")
    whole, split_url = (f"sqlite:///{tmp_path / name}" for name in ("whole.db", "split.db"))
    assert main(["ingest", str(corpus_file), "--db", whole]) == 0
    assert all(main(["ingest", str(p), "--db", split_url]) == 0 for p in parts)
    with open_store(whole) as a, open_store(split_url) as b:
        assert membership(a) == membership(b) and len(membership(a)) == 9


@pytest.mark.parametrize("passes", [3])
def test_store_stories_concurrent_passes_link_each_article_once(stores, passes):
    """Passes started together queue on the link_state row; each article gets one story."""
    import threading

    from sitrep.store import open_store
    from sitrep.store.linker import link_pending

    with open_store(stores.new()) as store:
        add(store, corpus())
        results, errors = [], []

        def run():
            try:
                results.append(link_pending(store).linked)
            except Exception as err:  # noqa: BLE001 - reported by the assertion below
                errors.append(err)

        threads = [threading.Thread(target=run) for _ in range(passes)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == [] and sorted(results)[-1] == len(corpus()) and sum(results) == len(corpus())
        assert len(membership(store)) == len(corpus())


@pytest.mark.parametrize("flag", ["--redescribe"])
def test_store_stories_redescribe_rewrites_rows_and_keeps_members(tmp_path, capsys, flag):
    from sqlalchemy import update

    from sitrep.cli import main
    from sitrep.store import open_store, schema as s, stories
    from sitrep.store.linker import link_pending

    url = f"sqlite:///{tmp_path / 's.db'}"
    with open_store(url) as store:
        add(store, corpus())
        link_pending(store)
        before = membership(store)
        with store.engine.begin() as conn:  # a description an older version wrote
            conn.execute(update(s.stories).values(title="stale", contradictions=99))
    assert main(["link", "--db", url, flag]) == 0
    assert "0 new stories, 3 rewritten" in capsys.readouterr().err
    with open_store(url) as store, store.engine.connect() as conn:
        rows = stories.summaries(conn)
        assert membership(store) == before
    assert all(r["title"] != "stale" and r["contradictions"] == 0 for r in rows)
