"""The store's tables (SQLAlchemy Core). Alembic migrations create them; this
module is what queries and the writer import, and what a test compares the
migrated database against.

Every article keeps its full analysis as JSON (``result_json``) so that
``DocumentResult.to_dict()`` comes back byte-for-byte; the other tables are
normalised, queryable copies of the same facts, written in the same
transaction as the article row.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text, UniqueConstraint)

metadata = MetaData()

#: Article status values: analysed and stored; a near-copy of an earlier article;
#: an event-only stub re-imported from PLOVER JSONL (no text).
STATUSES = ("ok", "near_duplicate", "imported")

outlets = Table(
    "outlets", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False, unique=True),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("external_id", String(500), nullable=False, index=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), index=True),
    Column("url", Text),
    Column("published", String(40), index=True),
    Column("text", Text, nullable=False),
    Column("origin", Text),
    Column("ingested_at", String(40), nullable=False),
    Column("near_duplicate_of", Integer, ForeignKey("articles.id"), index=True),
    Column("status", String(20), nullable=False),
    Column("minhash", LargeBinary),
    Column("meta_json", Text),  # reader extras (CSV columns without a field, WARC date, ...)
    Column("result_json", Text, nullable=False),
)

near_duplicates = Table(
    "near_duplicates", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("original_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("similarity", Float, nullable=False),
)


def _child(name: str, *columns: Column) -> Table:
    """A per-article table: (article_id, seq) identifies a row, in result order."""
    return Table(
        name, metadata,
        Column("id", Integer, primary_key=True),
        Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        Column("seq", Integer, nullable=False),
        *columns,
        UniqueConstraint("article_id", "seq", name=f"uq_{name}_article_seq"),
    )


entities = _child(
    "entities",
    Column("text", Text, nullable=False), Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False), Column("label", String(40)),
)

events = _child(
    "events",
    Column("event", String(20), nullable=False, index=True),
    Column("mode", String(60), index=True),
    Column("context", Text),  # ";"-joined PLOVER contexts
    Column("quad", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("date", String(40), index=True),
    Column("date_resolution", Text),
    Column("place_name", Text),
    Column("country_code", String(8), index=True),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("rule", Text, nullable=False),
    Column("confidence", Float),
)

event_actors = Table(
    "event_actors", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("role", String(10), nullable=False),  # "actor" or "recipient"
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("code", String(20), index=True),
    Column("sector", String(20)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("resolution", Text),
)

quotes = _child(
    "quotes",
    Column("content_text", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("speaker_text", Text),
    Column("speaker_name", Text),
    Column("speaker_code", String(20)),
    Column("rule", Text, nullable=False),
)

times = _child(
    "times",
    Column("text", Text, nullable=False), Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False), Column("type", String(12), nullable=False),
    Column("value", String(60)), Column("resolution", Text, nullable=False),
)

places = _child(
    "places",
    Column("text", Text, nullable=False), Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False), Column("name", Text), Column("geonameid", Integer),
    Column("lat", Float), Column("lon", Float), Column("country_code", String(8)),
    Column("feature", String(20)), Column("resolution", Text, nullable=False),
)

#: Every offset-bearing span of an article, by kind ("event", "event_trigger", "event_mention",
#: "quote_content", "quote_cue", "speaker", "time", "place", "entity", "link", "framing"):
#: the one table a reviewer queries to check ``text[start:end]``.
evidence_spans = _child(
    "evidence_spans",
    Column("kind", String(20), nullable=False),
    Column("item_seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

Index("ix_evidence_spans_article_kind", evidence_spans.c.article_id, evidence_spans.c.kind)

#: Tables holding one article's analysis, deleted with it (children first).
ARTICLE_CHILDREN = (evidence_spans, places, times, quotes, events, entities)

# -- stories (revision 0002) -----------------------------------------------------------------
# The story linker's results and state, written by ``sitrep.store.linker`` in one
# transaction per linking pass: an article has a membership row once linked, and
# only then (so "articles without a membership" is exactly the work left to do).

#: One row per story: what ``sitrep stories`` lists and filters on, the described story
#: (``Story.to_dict()``) and the linker's state for it (members' summed vectors).
stories = Table(
    "stories", metadata,
    Column("id", String(20), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # creation order (the index's)
    Column("title", Text),
    Column("start", String(40), index=True),
    Column("end", String(40), index=True),
    Column("articles", Integer, nullable=False),
    Column("sources", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("contradictions", Integer, nullable=False),
    Column("places", Text),  # JSON list of the story's place names (what --place matches)
    Column("updated_at", String(40), nullable=False),
    Column("story_json", Text, nullable=False),
    Column("state_json", Text, nullable=False),
)

#: Article -> story, one row per linked article. ``features_json`` is the linker's
#: record of the article (term counts, keys); NULL for a second article under an
#: external id already linked (the linker knows articles by external id).
story_members = Table(
    "story_members", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(20), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("seq", Integer, nullable=False),  # joining order across the whole index
    Column("action", String(12), nullable=False),  # created, joined, copy, unchanged
    Column("score", Float),
    Column("linked_at", String(40), nullable=False),
    Column("features_json", Text),
)

#: The single row (id 1) of linker-wide state: the settings the index was built with
#: and a generation counter bumped by every linking pass (readers cache on it). Updating
#: it first also serialises linking passes: the second waits for the first to commit.
link_state = Table(
    "link_state", metadata,
    Column("id", Integer, primary_key=True),
    Column("generation", Integer, nullable=False),
    Column("settings_json", Text),
    Column("updated_at", String(40)),
)
