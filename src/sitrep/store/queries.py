"""Read-only queries over a store: events with filters, articles, full-text
search, an article by its external id. Parameterised SQL only; each returns
plain row dicts that every output format (table, JSONL, CSV, Parquet) shares."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, exists, func, or_, select, text

from sitrep.store import schema as s

EVENT_COLUMNS = ("article", "event_seq", "date", "event", "mode", "context", "quad", "status", "actor",
                 "recipient", "place", "country_code", "lat", "lon", "source", "published",
                 "near_duplicate_of", "evidence", "evidence_start", "evidence_end", "rule")
ARTICLE_COLUMNS = ("id", "title", "source", "published", "status", "near_duplicate_of", "events",
                   "url", "origin")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """``sitrep events`` options; None means no constraint."""

    since: str | None = None
    until: str | None = None
    country: str | None = None  # event location ISO alpha-2, or an actor's code (alpha-3, IGO, ...)
    actor: str | None = None  # actor or recipient: code, or part of its name or text
    type: str | None = None
    mode: str | None = None
    place: str | None = None  # part of the location's name
    source: str | None = None  # part of the outlet's name
    unique: bool = False  # leave out near-duplicate articles
    articles: tuple[str, ...] | None = None  # only these articles (external ids)
    story: str | None = None  # only the articles of this persisted story (its membership rows)


def events(engine: Engine, flt: EventFilter = EventFilter(), *,
           limit: int | None = None) -> list[dict[str, Any]]:
    """Events matching ``flt``, one dict per event (keys: EVENT_COLUMNS), by date then article."""
    a, e, o = s.articles, s.events, s.outlets
    original = s.articles.alias("original")
    query = (select(e, a.c.external_id, a.c.published, o.c.name.label("outlet"),
                    original.c.external_id.label("original_external_id"))
             .join(a, a.c.id == e.c.article_id).outerjoin(o, o.c.id == a.c.outlet_id)
             .outerjoin(original, original.c.id == a.c.near_duplicate_of)
             .where(*_conditions(flt)).order_by(e.c.date, a.c.id, e.c.seq).limit(limit))
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
        actors = _actors(conn, [r["id"] for r in rows])
    return [_event_row(r, actors.get(r["id"], {})) for r in rows]


def _conditions(flt: EventFilter) -> list:
    a, e, o, ea = s.articles, s.events, s.outlets, s.event_actors
    conds = []
    if flt.since:
        conds.append(e.c.date >= flt.since)
    if flt.until:
        conds.append(e.c.date <= flt.until + "\uffff")
    if flt.type:
        conds.append(e.c.event == flt.type.upper())
    if flt.mode:
        conds.append(func.lower(e.c.mode) == flt.mode.lower())
    if flt.place:
        conds.append(e.c.place_name.ilike(f"%{flt.place}%"))
    if flt.source:
        conds.append(o.c.name.ilike(f"%{flt.source}%"))
    if flt.unique:
        conds.append(a.c.near_duplicate_of.is_(None))
    if flt.articles is not None:
        conds.append(a.c.external_id.in_(flt.articles))
    if flt.story is not None:
        from sitrep.store.stories import member_ids

        conds.append(a.c.id.in_(member_ids(flt.story)))
    if flt.country:
        code = flt.country.upper()
        conds.append(or_(func.upper(e.c.country_code) == code,
                         exists().where(ea.c.event_id == e.c.id, func.upper(ea.c.code) == code)))
    if flt.actor:
        like = f"%{flt.actor}%"
        conds.append(exists().where(ea.c.event_id == e.c.id, or_(
            func.upper(ea.c.code) == flt.actor.upper(), ea.c.name.ilike(like), ea.c.text.ilike(like))))
    return conds


def _actors(conn, event_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """event id -> {"actor": [...], "recipient": [...]} as "name (CODE/SECTOR)" labels."""
    out: dict[int, dict[str, list[str]]] = {}
    ea = s.event_actors
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        query = select(ea).where(ea.c.event_id.in_(chunk)).order_by(ea.c.event_id, ea.c.role, ea.c.seq)
        rows = conn.execute(query)
        for r in rows.mappings():
            out.setdefault(r["event_id"], {}).setdefault(r["role"], []).append(actor_label(r))
    return out


def actor_label(r) -> str:
    code = "/".join(x for x in (r["code"], r["sector"]) if x)
    return f"{r['name'] or r['text']}" + (f" ({code})" if code else "")


def _event_row(r, actors: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "article": r["external_id"], "event_seq": r["seq"], "date": r["date"], "event": r["event"],
        "mode": r["mode"], "context": r["context"], "quad": r["quad"], "status": r["status"],
        "actor": "; ".join(actors.get("actor", [])), "recipient": "; ".join(actors.get("recipient", [])),
        "place": r["place_name"], "country_code": r["country_code"], "lat": r["lat"], "lon": r["lon"],
        "source": r["outlet"], "published": r["published"], "near_duplicate_of": r["original_external_id"],
        "evidence": r["evidence_text"], "evidence_start": r["evidence_start"],
        "evidence_end": r["evidence_end"], "rule": r["rule"],
    }


def articles(engine: Engine, *, limit: int | None = None) -> list[dict[str, Any]]:
    """One dict per stored article (keys: ARTICLE_COLUMNS), in ingest order."""
    a, o = s.articles, s.outlets
    original = s.articles.alias("original")
    n_events = select(func.count()).where(s.events.c.article_id == a.c.id).scalar_subquery()
    query = (select(a.c.external_id, a.c.title, o.c.name, a.c.published, a.c.status,
                    original.c.external_id, n_events, a.c.url, a.c.origin)
             .outerjoin(o, o.c.id == a.c.outlet_id)
             .outerjoin(original, original.c.id == a.c.near_duplicate_of)
             .order_by(a.c.id).limit(limit))
    with engine.connect() as conn:
        return [dict(zip(ARTICLE_COLUMNS, row)) for row in conn.execute(query)]


def find_articles(engine: Engine, external_id: str) -> list[int]:
    """Internal ids of the articles with this external id (an input may reuse an id)."""
    with engine.connect() as conn:
        return list(conn.execute(select(s.articles.c.id).where(
            s.articles.c.external_id == external_id).order_by(s.articles.c.id)).scalars())


_TERM = re.compile(r'"([^"]+)"|(\S+)')


def fts5_query(user_query: str) -> str:
    """A user's words as a safe FTS5 query: every word or "quoted phrase" must occur."""
    # A NUL would end the FTS5 string early ("unterminated string"): treat it as a space.
    terms = [phrase or word for phrase, word in _TERM.findall(user_query.replace("\x00", " "))]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms if t.strip())


def search(engine: Engine, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching ``query`` best first: ``{"id", "title", "source", "published", "snippet"}``."""
    if not query.strip():
        return []
    if engine.dialect.name == "postgresql":
        sql = text(
            "SELECT a.external_id, a.title, o.name, a.published, "
            "ts_headline('english', a.text, q, 'MaxWords=20, MinWords=8, StartSel=[, StopSel=]') "
            "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id, "
            "websearch_to_tsquery('english', :q) q WHERE a.tsv @@ q "
            "ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT :n")
        params = {"q": query, "n": limit}
    else:
        sql = text(
            "SELECT a.external_id, a.title, o.name, a.published, "
            "snippet(article_fts, 1, '[', ']', '...', 16) FROM article_fts "
            "JOIN articles a ON a.id = article_fts.rowid LEFT JOIN outlets o ON o.id = a.outlet_id "
            "WHERE article_fts MATCH :q ORDER BY rank, a.id LIMIT :n")
        params = {"q": fts5_query(query), "n": limit}
        if not params["q"]:  # nothing searchable left (only control characters)
            return []
    with engine.connect() as conn:
        rows = conn.execute(sql, params).all()
    return [dict(zip(("id", "title", "source", "published", "snippet"), row)) for row in rows]


def documents(conn) -> list[tuple[dict[str, Any], str | None]]:
    """Every stored analysis with the external id of the article it copies (or None), in
    ingest order: what the story linker reads."""
    a = s.articles.c
    original = s.articles.alias("original")
    query = (select(a.result_json, original.c.external_id)
             .select_from(s.articles.outerjoin(original, a.near_duplicate_of == original.c.id))
             .where(a.status != "imported").order_by(a.id))
    return [(json.loads(raw), copy_of) for raw, copy_of in conn.execute(query)]
