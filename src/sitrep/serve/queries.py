"""Read queries the web desk needs, in SQLAlchemy Core over the store's tables.

Every value a user types reaches the database as a bound parameter, never as
SQL text. Filters are one small dataclass so the API, the pages and the
CSV/JSONL downloads filter the same way.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Select, exists, func, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from sitrep.store import schema as s

#: The most rows one page of a listing may ask for; a larger ``limit`` is a 422.
MAX_LIMIT = 500
DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the events table, its API and its downloads may be narrowed by (all optional)."""

    since: str | None = None  # ISO date, inclusive, on the event's date (else the article's)
    until: str | None = None
    country: str | None = None  # ISO 3166 alpha-2 as stored, or alpha-3 / a name
    actor: str | None = None  # a code (SYR, IGO) or part of a name
    type: str | None = None  # PLOVER event type
    mode: str | None = None
    place: str | None = None  # part of the place name
    source: str | None = None  # part of the outlet's name

    def as_params(self) -> dict[str, str]:
        """The non-empty filters, for building links that keep them."""
        return {k: v for k, v in asdict(self).items() if v}


def _event_date():
    """The day an event is filed under: its own date, else its article's publication day."""
    return func.substr(func.coalesce(s.events.c.date, s.articles.c.published), 1, 10)


def _ci_equal(column, value: str):
    return func.lower(column) == value.strip().lower()


def _ci_contains(column, value: str):
    return func.lower(column).contains(value.strip().lower(), autoescape=True)


def country_code(value: str) -> str:
    """The alpha-2 code the store keeps for ``value`` ("SY", "SYR" or "Syria")."""
    value = value.strip()
    if len(value) == 2:
        return value.upper()
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=value.upper()) if len(value) == 3 else None
        found = found or pycountry.countries.search_fuzzy(value)[0]
        return found.alpha_2
    except (ImportError, LookupError):
        return value.upper()


def _event_conditions(f: EventFilter) -> list:
    day = _event_date()
    conds: list = []
    if f.since:
        conds.append(day >= f.since)
    if f.until:
        conds.append(day <= f.until)
    if f.country:
        conds.append(s.events.c.country_code == country_code(f.country))
    if f.type:
        conds.append(s.events.c.event == f.type.strip().upper())
    if f.mode:
        conds.append(_ci_equal(s.events.c.mode, f.mode))
    if f.place:
        conds.append(_ci_contains(s.events.c.place_name, f.place))
    if f.source:
        conds.append(_ci_contains(s.outlets.c.name, f.source))
    if f.actor:
        a = s.event_actors.c
        conds.append(exists().where(a.event_id == s.events.c.id, or_(
            _ci_equal(a.code, f.actor), _ci_contains(a.name, f.actor), _ci_contains(a.text, f.actor))))
    return conds


def _events_base(f: EventFilter, *columns) -> Select:
    joined = s.events.join(s.articles, s.events.c.article_id == s.articles.c.id).outerjoin(
        s.outlets, s.articles.c.outlet_id == s.outlets.c.id)
    return select(*columns).select_from(joined).where(*_event_conditions(f))


def _event_columns() -> tuple:
    e, a = s.events.c, s.articles.c
    return (e.id, e.article_id, e.seq, e.event, e.mode, e.context, e.quad, e.status, e.date,
            e.date_resolution, e.place_name, e.country_code, e.geonameid, e.lat, e.lon,
            e.evidence_text, e.evidence_start, e.evidence_end, e.rule, e.confidence,
            a.external_id, a.title, a.published, s.outlets.c.name.label("source"),
            _event_date().label("day"))


def events(conn: Connection, f: EventFilter, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict]:
    """One page of events matching ``f``, newest first, each with its actors and evidence."""
    query = (_events_base(f, *_event_columns())
             .order_by(_event_date().desc(), s.events.c.article_id, s.events.c.seq)
             .limit(min(limit, MAX_LIMIT)).offset(offset))
    rows = conn.execute(query).mappings().all()
    actors = _actors_of(conn, [r["id"] for r in rows])
    return [_event_dict(r, actors.get(r["id"], [])) for r in rows]


def iter_event_pages(conn: Connection, f: EventFilter, *, chunk: int = MAX_LIMIT):
    """Every event matching ``f`` (for downloads), one page (a list) at a time."""
    offset = 0
    while True:
        page = events(conn, f, limit=chunk, offset=offset)
        if page:
            yield page
        if len(page) < chunk:
            return
        offset += chunk


def iter_events(conn: Connection, f: EventFilter, *, chunk: int = MAX_LIMIT):
    """Every event matching ``f``, one at a time."""
    for page in iter_event_pages(conn, f, chunk=chunk):
        yield from page


def count_events(conn: Connection, f: EventFilter) -> int:
    return conn.execute(_events_base(f, func.count(s.events.c.id))).scalar_one()


def _actors_of(conn: Connection, event_ids: list[int]) -> dict[int, list[dict]]:
    if not event_ids:
        return {}
    a = s.event_actors.c
    query = (select(a.event_id, a.role, a.text, a.name, a.code, a.sector, a.start, a.end, a.resolution)
             .where(a.event_id.in_(event_ids)).order_by(a.event_id, a.role, a.seq))
    found: dict[int, list[dict]] = {}
    for row in conn.execute(query).mappings():
        found.setdefault(row["event_id"], []).append(dict(row))
    return found


def _event_dict(r, actors: list[dict]) -> dict[str, Any]:
    def people(role: str) -> list[dict]:
        return [{k: a[k] for k in ("text", "name", "code", "sector", "start", "end", "resolution")}
                for a in actors if a["role"] == role]

    return {
        "id": r["id"], "article": r["external_id"], "article_title": r["title"],
        "source": r["source"], "published": r["published"], "seq": r["seq"],
        "event": r["event"], "mode": r["mode"], "context": [c for c in (r["context"] or "").split(";") if c],
        "quad": r["quad"], "status": r["status"], "date": r["date"], "day": r["day"],
        "date_resolution": r["date_resolution"],
        "place": r["place_name"], "country": r["country_code"], "geonameid": r["geonameid"],
        "lat": r["lat"], "lon": r["lon"],
        "actor": people("actor"), "recipient": people("recipient"),
        "evidence": {"text": r["evidence_text"], "start": r["evidence_start"], "end": r["evidence_end"]},
        "rule": r["rule"], "confidence": r["confidence"],
    }


# -- articles -------------------------------------------------------------------------------

def _article_columns() -> tuple:
    a = s.articles.c
    n_events = (select(func.count(s.events.c.id)).where(s.events.c.article_id == a.id)
                .scalar_subquery().label("n_events"))
    return (a.id, a.external_id, a.title, a.url, a.published, a.status, a.near_duplicate_of,
            a.ingested_at, s.outlets.c.name.label("source"), n_events)


def _articles_base(*columns, source: str | None = None, since: str | None = None,
                   until: str | None = None) -> Select:
    a = s.articles.c
    query = select(*columns).select_from(s.articles.outerjoin(s.outlets, a.outlet_id == s.outlets.c.id))
    if source:
        query = query.where(_ci_contains(s.outlets.c.name, source))
    if since:
        query = query.where(func.substr(a.published, 1, 10) >= since)
    if until:
        query = query.where(func.substr(a.published, 1, 10) <= until)
    return query


def articles(conn: Connection, *, limit: int = DEFAULT_LIMIT, offset: int = 0, source: str | None = None,
             since: str | None = None, until: str | None = None) -> list[dict]:
    """One page of stored articles, newest publication first."""
    query = (_articles_base(*_article_columns(), source=source, since=since, until=until)
             .order_by(s.articles.c.published.desc(), s.articles.c.id)
             .limit(min(limit, MAX_LIMIT)).offset(offset))
    return [_article_dict(r) for r in conn.execute(query).mappings()]


def count_articles(conn: Connection, *, source: str | None = None, since: str | None = None,
                   until: str | None = None) -> int:
    query = _articles_base(func.count(s.articles.c.id), source=source, since=since, until=until)
    return conn.execute(query).scalar_one()


def _article_dict(r) -> dict[str, Any]:
    return {"id": r["external_id"], "title": r["title"], "source": r["source"], "url": r["url"],
            "published": r["published"], "status": r["status"], "events": r["n_events"],
            "internal_id": r["id"], "near_duplicate_of": r["near_duplicate_of"],
            "ingested_at": r["ingested_at"]}


def article(conn: Connection, external_id: str) -> dict[str, Any] | None:
    """The article stored under ``external_id`` (the first one, when a feed reused an id),
    with its full analysis under ``"document"``; None when there is none."""
    a = s.articles.c
    query = (select(*_article_columns(), a.result_json)
             .select_from(s.articles.outerjoin(s.outlets, a.outlet_id == s.outlets.c.id))
             .where(a.external_id == external_id).order_by(a.id).limit(1))
    row = conn.execute(query).mappings().first()
    if row is None:
        return None
    found = _article_dict(row)
    found["document"] = json.loads(row["result_json"])
    return found


def fingerprint(conn: Connection) -> tuple[int, int]:
    """Changes whenever an article is added or removed (count and highest id)."""
    return tuple(conn.execute(select(func.count(s.articles.c.id), func.max(s.articles.c.id))).one())


# -- search ---------------------------------------------------------------------------------

def search(conn: Connection, q: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict]:
    """Articles matching every word of ``q``: ranked by the store's full-text index (SQLite
    FTS5, PostgreSQL tsvector) when it has one and finds something, else every article
    containing each word as a case-insensitive substring, newest first."""
    words = [w for w in q.split() if w][:10]
    if not words:
        return []
    limit = min(limit, MAX_LIMIT)
    ranked = _full_text_ids(conn, q, limit, offset)
    if ranked == [] and (offset == 0 or not _full_text_ids(conn, q, 1, 0)):
        ranked = None  # the index's tokens missed it (markup, symbols): try a plain substring match
    a = s.articles.c
    query = (select(*_article_columns(), a.text)
             .select_from(s.articles.outerjoin(s.outlets, a.outlet_id == s.outlets.c.id)))
    if ranked is None:
        conds = [or_(_ci_contains(a.title, w), _ci_contains(a.text, w)) for w in words]
        query = query.where(*conds).order_by(a.published.desc(), a.id).limit(limit).offset(offset)
    else:
        query = query.where(a.id.in_(ranked))
    rows = list(conn.execute(query).mappings())
    if ranked is not None:
        rows.sort(key=lambda r: ranked.index(r["id"]))
    return [dict(_article_dict(r), snippet=snippet(r["text"], words)) for r in rows]


#: Full-text queries by dialect: ids of matching articles, best first (``:q`` the query,
#: ``:n``/``:o`` limit and offset). The tables come from the store's migrations.
FULL_TEXT = {
    "sqlite": "SELECT rowid FROM article_fts WHERE article_fts MATCH :q ORDER BY rank, rowid LIMIT :n OFFSET :o",
    "postgresql": ("SELECT a.id FROM articles a, websearch_to_tsquery('english', :q) q WHERE a.tsv @@ q "
                   "ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT :n OFFSET :o"),
}


def _full_text_ids(conn: Connection, q: str, limit: int, offset: int) -> list[int] | None:
    """Ranked ids from the full-text index, or None when the store has no usable index."""
    sql = FULL_TEXT.get(conn.dialect.name)
    if sql is None:
        return None
    if conn.dialect.name == "sqlite":
        from sitrep.store.queries import fts5_query

        q = fts5_query(q)
        if not q:
            return None
    try:
        return [row[0] for row in conn.execute(text(sql), {"q": q, "n": limit, "o": offset})]
    except DBAPIError:  # an older store without the index: fall back to substring search
        conn.rollback()
        return None


def snippet(body: str, words: list[str], *, width: int = 90) -> dict[str, Any]:
    """The stretch of ``body`` around the first matched word, with the first match's offsets
    in it and ``segments`` (``{"text", "match"}``) marking every query word it shows."""
    lower = body.lower()
    found = [(lower.find(w.lower()), w) for w in words if lower.find(w.lower()) >= 0]
    pos, word = min(found, default=(0, ""))
    start, end = max(0, pos - width), min(len(body), pos + len(word) + width)
    return {"text": body[start:end], "start": start, "end": end,
            "match_start": pos - start, "match_end": pos - start + len(word),
            "segments": _segments(body[start:end], words),
            "clipped_left": start > 0, "clipped_right": end < len(body)}


def _segments(text_: str, words: list[str]) -> list[dict[str, Any]]:
    """``text_`` cut into plain and matching pieces (case-insensitive, longest word first)."""
    lower, marks = text_.lower(), [False] * len(text_)
    for w in sorted({w.lower() for w in words if w}, key=len, reverse=True):
        at = lower.find(w)
        while at >= 0:
            marks[at:at + len(w)] = [True] * len(w)
            at = lower.find(w, at + len(w))
    out: list[dict[str, Any]] = []
    for ch, match in zip(text_, marks):
        if out and out[-1]["match"] == match:
            out[-1]["text"] += ch
        else:
            out.append({"text": ch, "match": match})
    return out


# -- aggregates for the overview ------------------------------------------------------------

def iso_week(day: str | None) -> str | None:
    """``2016-10-18`` -> ``2016-W42``; None for a missing or partial date."""
    try:
        year, week, _ = dt.date.fromisoformat((day or "")[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def counts_by_week(conn: Connection, dimension: str, f: EventFilter | None = None) -> Counter:
    """Events per (``dimension`` value, ISO week); ``dimension`` is "event" or "country_code"."""
    column, date, published = s.events.c[dimension], s.events.c.date, s.articles.c.published
    query = (_events_base(f or EventFilter(), column, date, published, func.count())
             .group_by(column, date, published))  # plain columns: PostgreSQL cannot match bound expressions
    counts: Counter = Counter()
    for key, day, pub, n in conn.execute(query):
        week = iso_week(day or pub)
        if week:
            counts[(key or "unknown", week)] += n
    return counts


def totals(conn: Connection) -> dict[str, int]:
    """How much the store holds, for the overview's header."""
    def count(table) -> int:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()

    return {"articles": count(s.articles), "events": count(s.events), "quotes": count(s.quotes),
            "outlets": count(s.outlets), "places": count(s.places)}


def event_points(conn: Connection, f: EventFilter | None = None, *, limit: int = 2000) -> list[dict]:
    """Located events for the map: lat, lon, type, place name."""
    e = s.events.c
    query = (_events_base(f or EventFilter(), e.lat, e.lon, e.event, e.place_name, func.count())
             .where(e.lat.is_not(None), e.lon.is_not(None))
             .group_by(e.lat, e.lon, e.event, e.place_name).limit(limit))
    return [{"lat": lat, "lon": lon, "event": kind, "place": place, "n": n}
            for lat, lon, kind, place, n in conn.execute(query)]


def ping(conn: Connection) -> None:
    conn.execute(text("SELECT 1"))
