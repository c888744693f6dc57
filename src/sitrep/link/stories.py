"""Stories: articles clustered incrementally, with ids that never change.

:class:`StoryIndex` takes analysed articles as they arrive. Each new article
is compared with the stories its blocking keys and date point to; it joins
the most similar one above a threshold or starts a new story. A story's id
is derived from its first article's id, so re-running over the same stream,
or adding articles later, never renames a story; stories are never split or
renumbered, only grown. The state is plain JSON, whole (``to_dict``/``from_dict``)
or in parts (``article_state``/``story_state``/``restore``: one record per article
and per story, so a store rewrites only what an added article touched).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Mapping

from sitrep.link import similarity
from sitrep.link.blocking import Features, KeyIndex, features, to_date, within
from sitrep.model import DocumentResult

STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """Thresholds of the linker, in one place (measured on ECB+ and FA-KES, see eval.stories)."""

    #: Least combined similarity for an article to join a story.
    threshold: float = 0.26
    #: Articles more than this many days outside a story's date range never join it.
    window_days: int = 3
    #: A story never grows past this many days from its first article (stops slow drift).
    max_span_days: int = 7
    #: How many of an article's highest TF-IDF terms serve as blocking keys. Too few
    #: and a long report of a story never meets it (12 left same-event ECB+ documents
    #: in separate stories: B-cubed F1 0.909; 30 gave 0.911, cross-validated 0.900 -> 0.911).
    block_terms: int = 30
    #: Added to the text cosine per shared resolved place (Jaccard of place keys).
    place_bonus: float = 0.1
    #: Added when the article and story share a PLOVER event type.
    event_bonus: float = 0.03
    #: Subtracted when both name years in their text and share none (2008 flood vs 2013 flood).
    year_penalty: float = 0.15
    #: Added when the article's lead gives a casualty toll in a town or city whose toll
    #: another member's lead gave within ``incident_days`` days (one attack told by
    #: several outlets in their own words). Needs publication dates: text-only
    #: collections (ECB+) are unaffected.
    incident_bonus: float = 0.3
    incident_days: int = 1
    #: Weight of the names-and-numbers cosine, against 1 - weight for the all-words cosine.
    #: On ECB+ names carry most of the signal (0 gave B-cubed F1 0.86; 0.85 gives 0.911 with
    #: the true cosine of similarity.cosine, and 0.8 or 0.9 drop one ECB+ figure under 0.91).
    name_weight: float = 0.85
    #: "centroid": cosine to the sum of members; "average": mean cosine to each member
    #: (average linkage: stricter with mixed stories, but 0.87 on ECB+ against 0.90).
    linkage: str = "centroid"


@dataclass(slots=True)
class Change:
    """What ``StoryIndex.add`` did with one article."""

    article: str
    story: str
    action: str  # "created", "joined", "copy", "unchanged"
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class _Cluster:
    id: str
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    years: dict[str, int] = field(default_factory=dict)
    #: Town key -> publication days of members whose lead gave a toll there.
    towns: dict[str, list[str]] = field(default_factory=dict)
    start: str | None = None
    end: str | None = None


def story_id(first_article: str) -> str:
    """The stable id of the story an article started."""
    return "s" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


class StoryIndex:
    """Incremental story clustering over analysed articles."""

    def __init__(self, settings: LinkSettings | None = None):
        self.settings = settings or LinkSettings()
        self.clusters: dict[str, _Cluster] = {}
        self.features: dict[str, Features] = {}
        self.story_of: dict[str, str] = {}
        self.near_duplicate_of: dict[str, str] = {}
        self.df = similarity.DocumentFrequencies()
        self.keys = KeyIndex()
        #: Article id -> the blocking keys it was filed under when it joined (kept so a
        #: restored index finds exactly the candidates the live one would).
        self.block_keys: dict[str, list[str]] = {}
        #: Analysed documents seen in this process (not persisted; pass them again after from_dict).
        self.results: dict[str, DocumentResult] = {}

    def add(self, results: Iterable[DocumentResult], *,
            near_duplicate_of: Mapping[str, str] | None = None,
            sources: Mapping[str, str] | None = None,
            published: Mapping[str, str] | None = None) -> list[Change]:
        """Link new articles, oldest first; returns one :class:`Change` per article.

        ``near_duplicate_of`` maps a syndicated copy's id to its original's id;
        ``sources``/``published`` override an article's outlet and date when
        the analysed document lacks them (the store knows them from ingest).
        """
        self.near_duplicate_of.update(near_duplicate_of or {})
        batch = [r for r in results if getattr(r, "ok", True)]
        feats = {r.article.id: features(r, source=(sources or {}).get(r.article.id),
                                        published=(published or {}).get(r.article.id)) for r in batch}
        for r in batch:
            self.results[r.article.id] = r
        order = sorted(feats.values(), key=lambda f: (f.published or "", f.id))
        return [self._add_one(f) for f in order]

    def _add_one(self, feat: Features) -> Change:
        if feat.id in self.story_of:
            return Change(feat.id, self.story_of[feat.id], "unchanged")
        self.df.add(feat.counts)
        vec = self.df.vector(feat.counts)
        original = self.near_duplicate_of.get(feat.id)
        if original in self.story_of:
            return self._join(feat, vec, self.story_of[original], "copy", 1.0)
        keys = self._block_keys(feat, vec)
        best, score = self._best(feat, vec, self.keys.candidates(keys))
        if best is not None and score >= self.settings.threshold:
            return self._join(feat, vec, best, "joined", score)
        cluster = _Cluster(id=story_id(feat.id))
        self.clusters[cluster.id] = cluster
        return self._join(feat, vec, cluster.id, "created", None)

    def _block_keys(self, feat: Features, vec: dict[str, float]) -> list[str]:
        return [f"t:{t}" for t in similarity.top_terms(vec, self.settings.block_terms)] + \
               [f"p:{p}" for p in feat.places]

    def _best(self, feat: Features, vec: dict[str, float], candidates: set[str]):
        day = to_date(feat.published)
        best, best_score = None, -1.0
        for cid in sorted(candidates):
            c = self.clusters[cid]
            if not within(day, to_date(c.start), to_date(c.end), self.settings.window_days):
                continue
            if not within(day, to_date(c.start), to_date(c.start), self.settings.max_span_days):
                continue
            score = self.score(feat, vec, c)
            if score > best_score:
                best, best_score = cid, score
        return best, best_score

    def score(self, feat: Features, vec: dict[str, float], c: _Cluster) -> float:
        """Text and name cosines to the story, plus small bonuses for shared places and event types."""
        named = similarity.has_names(feat.names) and similarity.has_names(c.names)
        w = self.settings.name_weight if named else 0.0  # no names on one side: words alone
        s = (1.0 - w) * self._linkage(vec, c.centroid, len(c.members))
        if w:
            s += w * self._linkage(self.df.vector(feat.names), c.names, len(c.members))
        if feat.places and c.places:
            s += self.settings.place_bonus * similarity.overlap(feat.places, c.places)
        if set(feat.events) & set(c.events):
            s += self.settings.event_bonus
        if feat.years and c.years and not set(feat.years) & set(c.years):
            s -= self.settings.year_penalty
        if self._same_incident_town(feat, c):
            s += self.settings.incident_bonus
        return s

    def _same_incident_town(self, feat: Features, c: _Cluster) -> bool:
        """Whether a member reported a toll in one of the article's toll towns within a few days."""
        day = to_date(feat.published)
        if day is None or not self.settings.incident_bonus:
            return False
        return any(within(day, d, d, self.settings.incident_days)
                   for t in feat.incident_towns for d in map(to_date, c.towns.get(t, ())) if d)

    def _linkage(self, vec: dict[str, float], total: dict[str, float], n: int) -> float:
        """Cosine to the members' summed unit vectors, or their mean cosine (average linkage)."""
        if self.settings.linkage == "average":
            return similarity.dot(vec, total) / max(n, 1)
        return similarity.cosine(vec, total)

    def _join(self, feat: Features, vec: dict[str, float], cid: str, action: str,
              score: float | None) -> Change:
        c = self.clusters[cid]
        for t, v in vec.items():
            c.centroid[t] = c.centroid.get(t, 0.0) + v
        if self.settings.name_weight:
            for t, v in self.df.vector(feat.names).items():
                c.names[t] = c.names.get(t, 0.0) + v
        self._file(feat, c, self._block_keys(feat, vec))
        return Change(feat.id, cid, action, None if score is None else round(score, 4))

    def _file(self, feat: Features, c: _Cluster, keys: list[str]) -> None:
        """Everything joining does besides the summed vectors: members, counts, dates, keys."""
        c.members.append(feat.id)
        for p in feat.places:
            c.places[p] = c.places.get(p, 0) + 1
        for e in feat.events:
            c.events[e] = c.events.get(e, 0) + 1
        for y in feat.years:
            c.years[y] = c.years.get(y, 0) + 1
        if feat.published:
            for t in feat.incident_towns:
                c.towns.setdefault(t, []).append(feat.published)
        if feat.published:
            c.start = min(c.start or feat.published, feat.published)
            c.end = max(c.end or feat.published, feat.published)
        self.features[feat.id] = feat
        self.story_of[feat.id] = c.id
        self.block_keys[feat.id] = list(keys)
        self.keys.add(keys, c.id)

    def story_members(self) -> dict[str, list[str]]:
        """Story id -> article ids, in the order the stories were created."""
        return {cid: list(c.members) for cid, c in self.clusters.items()}

    def article_state(self, article_id: str) -> dict[str, Any]:
        """One linked article's part of the state: its features and blocking keys."""
        return {**self.features[article_id].to_dict(), "keys": list(self.block_keys[article_id])}

    def story_state(self, cid: str, *, digits: int | None = None) -> dict[str, Any]:
        """One story's part of the state: members in joining order and summed vectors
        (exact unless ``digits`` rounds them)."""
        c = self.clusters[cid]

        def vec(v: dict[str, float]) -> dict[str, float]:
            return dict(v) if digits is None else {t: round(x, digits) for t, x in v.items()}

        return {"id": c.id, "members": list(c.members), "centroid": vec(c.centroid), "names": vec(c.names)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state: settings, article features, clusters, copies."""
        return {
            "version": STATE_VERSION, "settings": asdict(self.settings),
            "articles": [self.article_state(a) for a in self.features],
            "stories": [self.story_state(cid, digits=6) for cid in self.clusters],
            "near_duplicate_of": dict(self.near_duplicate_of),
        }

    @classmethod
    def from_dict(cls, state: dict[str, Any]) -> "StoryIndex":
        """Rebuild an index saved with :meth:`to_dict`; adding to it continues where it left off."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story index state version {state.get('version')!r} is not "
                             f"{STATE_VERSION}; rebuild the index from the stored articles")
        return cls.restore(state["articles"], state["stories"],
                           settings=LinkSettings(**state.get("settings", {})),
                           near_duplicate_of=state.get("near_duplicate_of"))

    @classmethod
    def restore(cls, articles: Iterable[dict[str, Any]], stories: Iterable[dict[str, Any]], *,
                settings: LinkSettings | None = None,
                near_duplicate_of: Mapping[str, str] | None = None) -> "StoryIndex":
        """An index from its parts (:meth:`article_state` and :meth:`story_state` records,
        stories in the order they were created). Blocking keys saved with an article are
        reused; state saved without them gets keys from today's frequencies."""
        index = cls(settings)
        index.near_duplicate_of = dict(near_duplicate_of or {})
        feats, keys = {}, {}
        for d in articles:
            d = dict(d)
            keys[d["id"]] = d.pop("keys", None)
            feats[d["id"]] = Features.from_dict(d)
        for f in feats.values():
            index.df.add(f.counts)
        for s in stories:
            index._restore(s, feats, keys)
        return index

    def _restore(self, s: dict[str, Any], feats: dict[str, Features],
                 keys: Mapping[str, list[str] | None]) -> None:
        c = _Cluster(id=s["id"])
        self.clusters[c.id] = c
        for aid in s["members"]:
            f = feats[aid]
            saved = keys.get(aid)  # older state has none: file under today's top terms
            self._file(f, c, saved if saved is not None else self._block_keys(f, self.df.vector(f.counts)))
        c.centroid = dict(s["centroid"])
        c.names = dict(s.get("names") or {})
