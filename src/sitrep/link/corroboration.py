"""Independent corroboration: how many outlets reported something on their own.

Syndicated and near-duplicate copies count once. Copies are known from
ingest (``near_duplicate_of``: copy id -> original id, found by the store's
MinHash) or found here: two articles of a story whose word 5-shingles
overlap at least ``COPY_JACCARD`` are the same text under two names.
Articles are grouped into copy families (union-find); a family counts as
one independent report, credited to the outlet of its representative
(smallest id) article.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from sitrep.link import similarity

#: Shingle Jaccard at or above which two articles are one text (syndication).
COPY_JACCARD = 0.6


class _Families:
    """Union-find over article ids."""

    def __init__(self, ids: Sequence[str]):
        self.parent = {i: i for i in ids}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def copy_families(articles: Mapping[str, str], *, near_duplicate_of: Mapping[str, str] | None = None,
                  texts: Mapping[str, str] | None = None) -> dict[str, str]:
    """Article id -> family id (the smallest id of its copy family).

    ``articles`` maps article id -> outlet; ``texts`` (optional) maps id -> text
    for finding copies the store did not mark.
    """
    fam = _Families(sorted(articles))
    for copy, original in (near_duplicate_of or {}).items():
        if copy in articles and original in articles:
            fam.union(copy, original)
    if texts:
        ids = sorted(i for i in articles if i in texts)
        sh = {i: similarity.shingles(texts[i]) for i in ids}
        for n, a in enumerate(ids):
            for b in ids[n + 1:]:
                if similarity.jaccard(sh[a], sh[b]) >= COPY_JACCARD:
                    fam.union(a, b)
    return {i: fam.find(i) for i in articles}


def independent_sources(article_ids: Sequence[str], sources: Mapping[str, str],
                        families: Mapping[str, str]) -> int:
    """Distinct outlets among the articles once each copy family counts as one report.

    A family is credited to the outlet of its representative article, so an
    outlet that only republished another's text adds nothing.
    """
    return len({sources.get(families.get(a, a), sources.get(a, "unknown")) for a in article_ids})
