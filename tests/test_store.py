"""The store on both backends: exact round-trip, idempotent ingest, near-duplicates,
normalised rows, search and event filters. The PostgreSQL variants need a server
(``$SITREP_TEST_PG``, default postgresql://postgres@127.0.0.1:5432) and skip without one."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.model import Article

DATA = Path(__file__).parent / "data" / "store"

ARTICLES = [
    Article(id="a1", published="2016-03-14", title="Troops shell border town", source="Northern Wire",
            text="Government troops shelled the border town of Qamishli on Monday, killing four civilians, "
                 "local officials said. \"We will not leave,\" a resident told reporters."),
    Article(id="a2", published="2016-03-15", title="Ministers meet", source="Lake Post",
            text="Foreign ministers of Russia and Turkey met in Geneva on Tuesday to discuss a ceasefire "
                 "in Aleppo. The United Nations envoy said the talks were constructive."),
    Article(id="a3", published="2016-03-16", source="City Ledger",
            text="Hundreds of people protested in Damascus on Wednesday against rising bread prices. "
                 "Police arrested twelve protesters near the central market, witnesses said."),
]


@pytest.fixture()
def store(store_url):
    from sitrep.store import open_store

    with open_store(store_url) as st:
        yield st


@pytest.fixture(scope="module")
def analysed():
    """The hand-written articles analysed once for the module."""
    import sitrep

    return list(sitrep.process_batch(ARTICLES))


def _ingest(store, articles, **kwargs):
    from sitrep.store.loader import ingest

    return ingest(list(articles), store, **kwargs)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_store_document_round_trips_exactly(store, analysed, index):
    from sitrep.store.dedup import content_hash
    from sitrep.model.convert import document_from_dict
    from sitrep.store.writer import ArticleRow

    result = analysed[index]
    article_id = store.add(ArticleRow(doc=result.to_dict(), content_hash=content_hash(result.article.text)))
    stored = store.document(article_id)
    assert stored == result.to_dict()
    assert document_from_dict(stored).to_dict() == result.to_dict()


@pytest.mark.parametrize("runs", [2])
def test_store_ingest_twice_adds_nothing(store, runs):
    first = _ingest(store, ARTICLES)
    assert (first.ingested, first.duplicates, first.failed) == (3, 0, 0)
    for _ in range(runs - 1):
        again = _ingest(store, ARTICLES)
        assert (again.ingested, again.duplicates) == (0, 3)
    assert store.count("articles") == 3


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("Monday", "Monday morning"),
    lambda t: "By a staff reporter. " + t,
])
def test_store_near_duplicate_is_stored_and_linked(store, edit):
    from sqlalchemy import select

    from sitrep.store import schema as s

    original = ARTICLES[0]
    copy = Article(id="copy", text=edit(original.text), published=original.published, source="Syndicate")
    summary = _ingest(store, [original, ARTICLES[1], copy])
    assert (summary.ingested, summary.near_duplicates) == (3, 1)
    with store.engine.connect() as conn:
        rows = {r.external_id: r for r in conn.execute(select(s.articles))}
        link = conn.execute(select(s.near_duplicates)).one()
    assert rows["copy"].status == "near_duplicate"
    assert rows["copy"].near_duplicate_of == rows["a1"].id == link.original_id
    assert rows["a2"].near_duplicate_of is None


@pytest.mark.parametrize("table,key", [("events", "events"), ("quotes", "quotes"), ("times", "times"),
                                       ("places", "places"), ("entities", "entities")])
def test_store_normalised_rows_match_document(store, table, key):
    _ingest(store, ARTICLES)
    total = sum(len(doc[key]) for _id, _h, doc in store.iter_documents())
    assert store.count(table) == total
    assert total > 0


@pytest.mark.parametrize("kind", ["event", "time", "place", "entity", "quote_content"])
def test_store_evidence_spans_point_into_text(store, kind):
    from sqlalchemy import select

    from sitrep.store import schema as s

    _ingest(store, ARTICLES)
    e, a = s.evidence_spans, s.articles
    with store.engine.connect() as conn:
        rows = conn.execute(select(e.c.text, e.c.start, e.c.end, a.c.text.label("article"))
                            .join(a, a.c.id == e.c.article_id).where(e.c.kind == kind)).all()
    assert rows
    assert all(r.article[r.start:r.end] == r.text for r in rows)


@pytest.mark.parametrize("query,expected", [("bread prices", "a3"), ("Geneva ceasefire", "a2"),
                                            ('"border town"', "a1")])
def test_store_search_finds_article(store, query, expected):
    from sitrep.store import queries

    _ingest(store, ARTICLES)
    hits = queries.search(store.engine, query)
    assert hits and hits[0]["id"] == expected


@pytest.mark.parametrize("query", ['bread AND "', "NEAR(", "*", "-"])
def test_store_search_survives_odd_syntax(store, query):
    from sitrep.store import queries

    _ingest(store, ARTICLES[:1])
    assert isinstance(queries.search(store.engine, query), list)


@pytest.mark.parametrize("flt,expected", [
    ({"source": "city ledger"}, {"a3"}),
    ({"since": "2016-03-15", "until": "2016-03-15"}, {"a2"}),
    ({"type": "NOSUCH"}, set()),
])
def test_store_event_filters(store, flt, expected):
    from sitrep.store import queries

    _ingest(store, ARTICLES)
    rows = queries.events(store.engine, queries.EventFilter(**flt))
    assert {r["article"] for r in rows} == expected


@pytest.mark.parametrize("times,head", [(2, "0002")])
def test_store_open_is_idempotent(store_url, times, head):
    from sqlalchemy import text

    from sitrep.store import open_store

    for _ in range(times):
        with open_store(store_url) as st:
            with st.engine.connect() as conn:
                assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head


@pytest.mark.parametrize("given,expected", [
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("corpus.db", "sqlite:///corpus.db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_store_resolve_url(given, expected):
    from sitrep.store import resolve_url

    assert resolve_url(given) == expected


@pytest.mark.parametrize("url", ["mysql://u@h/db", "notaurl://"])
def test_store_refuses_other_backends(url):
    from sitrep.errors import UsageError
    from sitrep.store import open_store

    with pytest.raises(UsageError):
        open_store(url)


@pytest.mark.parametrize("a,b,same", [("one  two\nthree", "one two three", True), ("one", "two", False)])
def test_store_content_hash_ignores_whitespace_only(a, b, same):
    from sitrep.store.dedup import content_hash

    assert (content_hash(a) == content_hash(b)) is same
