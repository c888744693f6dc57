"""Candidate blocking: which existing stories a new article could belong to.

Comparing every article with every story is quadratic; news about one event
shares a time window and usually a place, actor or a rare word. Each article
is reduced to :class:`Features` (keys, date, term counts) and stories are
looked up through an inverted index of those keys, then filtered by date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sitrep.link import similarity
from sitrep.model import DocumentResult

#: A year written in the text ("2008"); reports naming only other years are other events.
_YEAR = re.compile(r"(?<![\d,.])(?:19[5-9]\d|20[0-4]\d)(?![\d,])")

#: Entity labels whose names identify who is involved.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass(slots=True)
class Features:
    """What the linker keeps of one article (serialisable, no text)."""

    id: str
    source: str
    published: str | None
    counts: dict[str, int]
    places: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    #: Name and number term frequencies (what tells two events of one kind apart).
    names: dict[str, int] = field(default_factory=dict)
    #: Towns and cities its lead names, when the lead also gives a casualty toll (the
    #: incident it reports: see :func:`incident_towns`); empty for other articles.
    incident_towns: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "published": self.published,
                "counts": self.counts, "places": self.places, "actors": self.actors,
                "events": self.events, "years": self.years, "names": self.names,
                "incident_towns": self.incident_towns}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Features":
        return cls(**d)


def place_key(place) -> str | None:
    """A GeoNames id when resolved, else the lower-cased surface form."""
    if place is None:
        return None
    if place.geonameid:
        return f"geo:{place.geonameid}"
    return f"name:{(place.name or place.text).lower()}"


def features(result: DocumentResult, *, source: str | None = None,
             published: str | None = None) -> Features:
    """The blocking and similarity features of one analysed article."""
    a = result.article
    places = sorted({k for k in (place_key(p) for p in result.places) if k})
    actors = sorted({(e.name or e.text).lower() for e in result.entities
                     if (e.label in ACTOR_LABELS) and e.text})
    events = sorted({e.event for e in result.events if e.status != "negated"})
    years = sorted(set(_YEAR.findall(a.text)))
    return Features(id=a.id, source=source or a.source or "unknown",
                    published=report_date(a.text, published or a.published),
                    counts=similarity.term_counts(a.text, a.title), places=places, actors=actors,
                    events=events, years=years, names=similarity.name_counts(a.text),
                    incident_towns=incident_towns(result))


def report_date(text: str, published: str | None) -> str | None:
    """The day an article reports from: its publication date, unless the dateline at the
    top of its text ("Date of publication 3 October 2017", "AFP Saturday 25 Jun 2016")
    writes out a day further from it than ``dateline.tolerance_days``. Feeds and
    archives re-date pages (a crawl or label date weeks off); the article's own
    dateline is what its "on Monday" and "yesterday" count from. Without a
    publication date nothing is guessed from the text."""
    from sitrep.link import slots

    day = str(published)[:10] if published else None
    if day is None or to_date(day) is None:
        return day
    spec = slots.rules().get("dateline") or {}
    written = slots.written_date(text[:int(spec.get("chars", 0))]) if spec.get("chars") else None
    if written and abs((to_date(written) - to_date(day)).days) > int(spec.get("tolerance_days", 1)):
        return written
    return day


def incident_towns(result: DocumentResult) -> list[str]:
    """Town and city keys named in the lead of an article whose lead gives a casualty toll.

    Outlets tell one attack in their own words (their texts share little more
    than the town, the day and the kind of attack), so two such reports of one
    town within a day or so are linked more readily (``LinkSettings.incident_bonus``).
    """
    from sitrep.link import slots, towns

    text = result.article.text
    if not slots.casualties_in(text[:slots.lead_end(text)]):
        return []
    return towns.lead_places(result, slots.lead_end(text, slots.PLACE_SENTENCES))


def to_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def within(day: dt.date | None, start: dt.date | None, end: dt.date | None, window: int) -> bool:
    """True when ``day`` lies within ``window`` days of [start, end]; unknown dates never block."""
    if day is None or start is None or end is None:
        return True
    return start - dt.timedelta(days=window) <= day <= end + dt.timedelta(days=window)


class KeyIndex:
    """Inverted index from blocking keys (top terms, places) to story ids."""

    def __init__(self):
        self.postings: dict[str, set[str]] = {}

    def add(self, keys: list[str], story_id: str) -> None:
        for k in keys:
            self.postings.setdefault(k, set()).add(story_id)

    def candidates(self, keys: list[str]) -> set[str]:
        out: set[str] = set()
        for k in keys:
            out |= self.postings.get(k, set())
        return out
