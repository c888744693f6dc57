"""A story as the contract shows it: articles, dates, places, corroboration,
contradictions, updates and framing, built from its articles' analyses.

Kept apart from clustering (``stories.py``) so any caller holding a story's
member articles (the store, the web UI) can describe it without the index.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from sitrep.link import contradictions, corroboration, framing, similarity, slots
from sitrep.link.blocking import Features
from sitrep.link.model import Story, StoryEvent
from sitrep.model import DocumentResult

#: How many places a story shows.
MAX_PLACES = 5
#: Least TF-IDF cosine between two articles whose figures are compared: a story
#: can gather several incidents of one week, and only close reports are one incident.
#: On FA-KES (read by hand, 2026-11-25) 0.2 flagged 5 conflicts, 4 real; 0.1 flagged 15, 5 real.
SAME_INCIDENT_COSINE = 0.2
#: The same, for two articles of one outlet (its house style already makes them alike);
#: used to tell an outlet's revised toll (an update) from its report of another incident.
SAME_OUTLET_COSINE = 0.4
#: Least TF-IDF cosine between the two articles' leads (first sentences) that also makes
#: them one incident: outlets tell the main incident alike in their leads and differ in
#: the background below it, which pulls whole-article cosines of one incident under 0.2
#: (FA-KES, 2026-11-25: same-incident leads 0.17-0.37, different-incident leads 0.12-0.15).
SAME_INCIDENT_LEAD_COSINE = 0.16


def describe(story_id: str, members: Sequence[str], results: Mapping[str, DocumentResult],
             feats: Mapping[str, Features], *, near_duplicate_of: Mapping[str, str] | None = None,
             df: similarity.DocumentFrequencies | None = None) -> Story:
    """The full :class:`Story` for member article ids (those without a result are listed, not analysed).

    ``df`` is the document frequencies of the whole collection (the index's);
    without it, frequencies over the story's own articles are used.
    """
    sources = {a: feats[a].source for a in members}
    published = {a: feats[a].published for a in members}
    docs = [results[a] for a in members if a in results]
    families = corroboration.copy_families(sources, near_duplicate_of=near_duplicate_of,
                                           texts={r.article.id: r.article.text for r in docs})
    days = sorted(d for d in published.values() if d)
    claims = [c for r in docs for c in slots.article_claims(
        r, source=sources[r.article.id], published=published[r.article.id])]
    found, updates = contradictions.find(claims, families=families,
                                         related=_related(members, feats, df, results))
    return Story(
        id=story_id, articles=list(members), title=_title(docs, members),
        start=days[0] if days else None, end=days[-1] if days else None,
        places=_places(docs), sources=sorted(set(sources.values())),
        independent_sources=corroboration.independent_sources(members, sources, families),
        events=_events(docs, sources, families), contradictions=found, updates=updates,
        framing=framing.outlet_framing(docs, sources))


def _related(members: Sequence[str], feats: Mapping[str, Features], df,
             results: Mapping[str, DocumentResult] | None = None):
    """A test of whether two member articles are close enough to be one incident:
    the whole texts alike, or (for two outlets) their leads alike. One outlet's
    leads are alike by house style ("Terrorist attacks kill N in Aleppo" each
    day), so its own reports are only tied by their whole texts."""
    if df is None:
        df = similarity.DocumentFrequencies()
        for a in members:
            df.add(feats[a].counts)
    vecs = {a: df.vector(feats[a].counts) for a in members}
    leads = {a: df.vector(similarity.term_counts(_lead(results[a]))) for a in members
             if results and a in results}

    def related(a: str, b: str) -> bool:
        if feats[a].source == feats[b].source:
            return similarity.cosine(vecs[a], vecs[b]) >= SAME_OUTLET_COSINE
        if similarity.cosine(vecs[a], vecs[b]) >= SAME_INCIDENT_COSINE:
            return True
        return a in leads and b in leads \
            and similarity.cosine(leads[a], leads[b]) >= SAME_INCIDENT_LEAD_COSINE

    return related


def _lead(result: DocumentResult) -> str:
    text = result.article.text
    return text[:slots.lead_end(text)]


def _title(docs: Sequence[DocumentResult], members: Sequence[str]) -> str:
    """The earliest article's title, else its first line."""
    for r in docs:
        if r.article.title:
            return r.article.title
    if docs:
        return docs[0].article.text.strip().split("\n", 1)[0][:120]
    return members[0] if members else ""


def _places(docs: Sequence[DocumentResult]) -> list[str]:
    """The story's most mentioned resolved places, by how many articles name them."""
    counts: Counter[str] = Counter()
    for r in docs:
        counts.update({p.name for p in r.places if p.name})
    return [name for name, _ in counts.most_common(MAX_PLACES)]


def _events(docs: Sequence[DocumentResult], sources: Mapping[str, str],
            families: Mapping[str, str]) -> list[StoryEvent]:
    """Each event type reported in the story, with who reported it and how independently."""
    arts: dict[str, list[str]] = defaultdict(list)
    dates: dict[str, set[str]] = defaultdict(set)
    for r in docs:
        for e in r.events:
            if e.status in ("negated", "hypothetical"):
                continue
            if r.article.id not in arts[e.event]:
                arts[e.event].append(r.article.id)
            if e.date:
                dates[e.event].add(e.date)
    out = [StoryEvent(event=ev, about=ev, articles=a, sources=sorted({sources[x] for x in a}),
                      independent_sources=corroboration.independent_sources(a, sources, families),
                      dates=sorted(dates[ev])) for ev, a in arts.items()]
    return sorted(out, key=lambda e: (-e.independent_sources, -len(e.articles), e.event))
