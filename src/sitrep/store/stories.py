"""Read-only queries over the stories the linker persisted (``sitrep.store.linker``).

Listing reads the ``stories`` rows only (dates, counts, places are columns), so
``sitrep stories`` on a big store neither re-links nor loads any analysis; the
full story (``Story.to_dict()``) is parsed only for the stories asked for.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from sitrep.store import schema as s

#: The columns a story listing shows, without the described story.
SUMMARY_COLUMNS = ("id", "title", "start", "end", "articles", "sources", "independent_sources",
                   "contradictions", "places", "updated_at")


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """``sitrep stories`` options; None means no constraint."""

    since: str | None = None  # stories ending on or after this date
    until: str | None = None  # stories starting on or before this date
    place: str | None = None  # one of the story's places, case-insensitive

    def matches(self, story: dict[str, Any]) -> bool:
        """The same test on a story in memory (``Story.to_dict()``), for stories not stored."""
        if self.since and (story.get("end") or "") < self.since:
            return False
        if self.until and (story.get("start") or "9999") > self.until:
            return False
        return self.place_matches(story.get("places") or [])

    def place_matches(self, places: list[str]) -> bool:
        return not self.place or self.place.lower() in {p.lower() for p in places}


def summaries(conn: Connection, flt: StoryFilter = StoryFilter()) -> list[dict[str, Any]]:
    """One dict per matching story (keys: SUMMARY_COLUMNS; ``places`` a list), in creation order."""
    st = s.stories
    query = select(*(st.c[c] for c in SUMMARY_COLUMNS)).where(*_conditions(flt)).order_by(st.c.seq)
    out = []
    for row in conn.execute(query).mappings():
        d = dict(row)
        d["places"] = json.loads(d["places"] or "[]")
        if flt.place_matches(d["places"]):
            out.append(d)
    return out


def stories(conn: Connection, flt: StoryFilter = StoryFilter()) -> list[dict[str, Any]]:
    """The full stories (``Story.to_dict()``) matching ``flt``, in creation order."""
    st = s.stories
    query = select(st.c.story_json, st.c.places).where(*_conditions(flt)).order_by(st.c.seq)
    return [json.loads(raw) for raw, places in conn.execute(query)
            if flt.place_matches(json.loads(places or "[]"))]


def story(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """One full story by id, or None."""
    raw = conn.execute(select(s.stories.c.story_json).where(s.stories.c.id == story_id)).scalar()
    return None if raw is None else json.loads(raw)


def exists(conn: Connection, story_id: str) -> bool:
    return conn.execute(select(s.stories.c.id).where(s.stories.c.id == story_id)).first() is not None


def member_ids(story_id: str):
    """A subquery of the internal ids of a story's articles (for ``EventFilter.story``)."""
    m = s.story_members
    return select(m.c.article_id).where(m.c.story_id == story_id)


def generation(conn: Connection) -> int:
    """Bumped by every linking pass: a reader's cache of stories is good while it stays."""
    return conn.execute(select(func.coalesce(func.max(s.link_state.c.generation), 0))).scalar_one()


def _conditions(flt: StoryFilter) -> list:
    st = s.stories
    conds = []
    if flt.since:
        conds.append(st.c.end >= flt.since)
    if flt.until:
        conds.append(st.c.start <= flt.until)
    if flt.place:  # a cheap pre-filter on the JSON text; the exact test is place_matches
        conds.append(func.lower(st.c.places).contains(flt.place.lower(), autoescape=True))
    return conds

