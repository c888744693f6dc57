"""Stories kept in the store: link the articles not linked yet, in one transaction.

The linker (:class:`sitrep.link.StoryIndex`) is incremental; this module gives it
a memory. Its state lives in two places the store already writes per item: each
linked article's features in its ``story_members`` row, each story's summed
vectors in its ``stories`` row. A linking pass restores the index from them, adds
the articles that have no membership yet (oldest first, as ``StoryIndex.add``
orders them), then in the same transaction writes the new memberships and, for
the stories those articles touched only, the described story and its state.

So a pass rewrites what it changed and nothing else, and a kill at any moment
leaves either the whole pass or none of it: the articles it did not commit still
have no membership, and the next pass (ingest, ``sitrep link``, a story read)
links them. Passes are serialised by updating ``link_state`` first.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, delete, exists, func, insert, select, update
from sqlalchemy.exc import OperationalError

from sitrep.store import schema as s
from sitrep.store.store import Store, StoreError, _reason

#: Ids per query when reading touched stories and their members' analyses.
CHUNK = 500


@dataclass(slots=True)
class LinkSummary:
    """What one linking pass did."""

    linked: int = 0
    created: int = 0  # stories started by this pass
    changed: int = 0  # stories written (created or grown)
    seconds: float = 0.0
    stories: list[str] = field(default_factory=list)  # ids of the stories written

    def as_dict(self) -> dict:
        return asdict(self)


def pending(conn: Connection) -> int:
    """How many articles still need linking (stored, with text, and no membership)."""
    return conn.execute(select(func.count()).select_from(s.articles).where(*_unlinked())).scalar_one()


def link_pending(store: Store, *, rebuild: bool = False, redescribe: bool = False,
                 settings=None) -> LinkSummary:
    """Link every article without a story, in one transaction.

    ``rebuild`` forgets all stories and links every article again (with ``settings`` or
    the defaults); ``redescribe`` keeps every membership but describes every story again,
    for stories written by an older version of the describer (contradictions, framing).
    """
    started = time.monotonic()
    if not (rebuild or redescribe):
        with store.engine.connect() as conn:
            if not pending(conn):  # the common case for readers: nothing to do, take no lock
                return LinkSummary()
    try:
        with store.engine.begin() as conn:
            summary = _link(conn, rebuild=rebuild, redescribe=redescribe, settings=settings)
    except OperationalError as err:
        raise StoreError(f"cannot link stories in {store.url}: {_reason(err)}") from None
    summary.seconds = round(time.monotonic() - started, 3)
    return summary


def _link(conn: Connection, *, rebuild: bool, redescribe: bool, settings) -> LinkSummary:
    from sitrep.link import LinkSettings, StoryIndex, result_from_dict

    _lock(conn)
    if rebuild:
        conn.execute(delete(s.story_members))
        conn.execute(delete(s.stories))
        index = StoryIndex(settings or LinkSettings())
    else:
        index = _restore(conn, settings)
    rows = _pending_rows(conn)
    if not rows and not redescribe:
        return LinkSummary()
    known = set(index.story_of)
    copies = {ext: orig for _id, ext, _doc, orig in rows if orig}
    changes = index.add([result_from_dict(doc) for _id, _ext, doc, _orig in rows], near_duplicate_of=copies)
    by_article = {c.article: c for c in changes}
    now = _now()
    grown = {c.story for c in changes if c.action != "unchanged"}
    touched = [cid for cid in index.clusters if redescribe or cid in grown]
    created = _write_stories(conn, index, touched, now)  # before the memberships that name them
    _write_members(conn, index, rows, by_article, known, now)
    conn.execute(update(s.link_state).where(s.link_state.c.id == 1).values(
        settings_json=json.dumps(asdict(index.settings), sort_keys=True)))
    return LinkSummary(linked=len(rows), created=created, changed=len(touched), stories=touched)


def _lock(conn: Connection) -> None:
    """Bump the generation: the first write of the pass, so a second pass waits here."""
    bumped = conn.execute(update(s.link_state).where(s.link_state.c.id == 1).values(
        generation=s.link_state.c.generation + 1, updated_at=_now()))
    if bumped.rowcount == 0:
        conn.execute(insert(s.link_state).values(id=1, generation=1, updated_at=_now()))


def _restore(conn: Connection, settings):
    """The index as the last committed pass left it."""
    from sitrep.link import LinkSettings, StoryIndex

    saved = conn.execute(select(s.link_state.c.settings_json).where(s.link_state.c.id == 1)).scalar()
    if saved:  # an index grows with the settings it was built with; --rebuild changes them
        settings = LinkSettings(**json.loads(saved))
    m = s.story_members
    articles = (json.loads(raw) for raw in conn.execute(
        select(m.c.features_json).where(m.c.features_json.is_not(None)).order_by(m.c.seq)).scalars())
    stories = [json.loads(raw) for raw in conn.execute(
        select(s.stories.c.state_json).order_by(s.stories.c.seq)).scalars()]
    return StoryIndex.restore(articles, stories, settings=settings, near_duplicate_of=linked_copies(conn))


def linked_copies(conn: Connection) -> dict[str, str]:
    """External id of each linked near-duplicate -> its original's external id."""
    a, original = s.articles, s.articles.alias("original")
    query = (select(a.c.external_id, original.c.external_id)
             .join(original, original.c.id == a.c.near_duplicate_of)
             .where(exists().where(s.story_members.c.article_id == a.c.id)))
    return dict(conn.execute(query).all())


def _unlinked() -> list:
    a = s.articles
    return [a.c.status != "imported", ~exists().where(s.story_members.c.article_id == a.c.id)]


def _pending_rows(conn: Connection) -> list[tuple[int, str, dict, str | None]]:
    """(internal id, external id, analysis, original's external id) of each unlinked article."""
    a, original = s.articles, s.articles.alias("original")
    query = (select(a.c.id, a.c.external_id, a.c.result_json, original.c.external_id)
             .select_from(a.outerjoin(original, original.c.id == a.c.near_duplicate_of))
             .where(*_unlinked()).order_by(a.c.id))
    return [(i, ext, json.loads(raw), orig) for i, ext, raw, orig in conn.execute(query)]


def _write_members(conn: Connection, index, rows, by_article, known: set[str], now: str) -> None:
    """One membership per pending article; the linker's record goes with the first article
    under an external id (a reused id is one article to the linker)."""
    m = s.story_members
    seq = conn.execute(select(func.coalesce(func.max(m.c.seq), -1))).scalar_one()
    recorded = set(known)
    values = []
    for article_id, ext, _doc, _orig in rows:
        change = by_article[ext]
        first = ext not in recorded
        recorded.add(ext)
        seq += 1
        values.append({"article_id": article_id, "story_id": change.story, "seq": seq,
                       "action": change.action if first else "unchanged",
                       "score": change.score if first else None, "linked_at": now,
                       "features_json": json.dumps(index.article_state(ext), ensure_ascii=False)
                       if first else None})
    if values:
        conn.execute(insert(m), values)


def _write_stories(conn: Connection, index, touched: list[str], now: str) -> int:
    """Describe each touched story from its members' analyses and upsert its row; returns
    how many rows were new."""
    from sitrep.link import describe

    st = s.stories
    existing = {sid for start in range(0, len(touched), CHUNK)  # bounded IN lists: --redescribe
                for sid in conn.execute(select(st.c.id).where(  # touches every story
                    st.c.id.in_(touched[start:start + CHUNK]))).scalars()}
    seq = conn.execute(select(func.coalesce(func.max(st.c.seq), -1))).scalar_one()
    docs = _member_documents(conn, index, touched)
    for cid in touched:
        members = index.clusters[cid].members
        story = describe(cid, members, docs, index.features, near_duplicate_of=index.near_duplicate_of,
                         df=index.df)
        row = story_row(story.to_dict(), index.story_state(cid), now)
        if cid in existing:
            conn.execute(update(st).where(st.c.id == cid).values(**row))
        else:
            seq += 1
            conn.execute(insert(st).values(id=cid, seq=seq, **row))
    return len(touched) - len(existing)


def story_row(story: dict, state: dict, now: str) -> dict:
    """The ``stories`` columns of one described story (``Story.to_dict()``)."""
    return {"title": story.get("title"), "start": story.get("start"), "end": story.get("end"),
            "articles": len(story.get("articles") or []), "sources": len(story.get("sources") or []),
            "independent_sources": story.get("independent_sources") or 0,
            "contradictions": len(story.get("contradictions") or []),
            "places": json.dumps(story.get("places") or [], ensure_ascii=False), "updated_at": now,
            "story_json": json.dumps(story, ensure_ascii=False),
            "state_json": json.dumps(state, ensure_ascii=False)}


def _member_documents(conn: Connection, index, touched: Iterable[str]) -> dict:
    """Analyses of the touched stories' members: this pass's from memory, the rest read
    from the store (only those stories' members, never the whole corpus)."""
    from sitrep.link import result_from_dict

    docs = dict(index.results)
    wanted = sorted({a for cid in touched for a in index.clusters[cid].members} - set(docs))
    a = s.articles
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        query = select(a.c.external_id, a.c.result_json).where(
            a.c.external_id.in_(chunk), a.c.status != "imported").order_by(a.c.id)
        for ext, raw in conn.execute(query):
            if ext not in docs:  # a reused external id: the first article stands for it
                docs[ext] = result_from_dict(json.loads(raw))
    return docs


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
