"""Event mentions across documents: which mentions of a story name one event.

The rule is deliberately simple and measured (ECB+, ``eval.stories``): within
one story, mentions with the same head lemma corefer, except reporting,
cognition and light verbs (``extract/rules/story_coref.yaml``), which stay
alone. It needs only lemmas, so it runs on gold mentions and on our own events.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Hashable, Iterable
from importlib import resources

import yaml


@functools.lru_cache(maxsize=1)
def singleton_lemmas() -> frozenset[str]:
    raw = resources.files("sitrep.extract.rules").joinpath("story_coref.yaml").read_text("utf-8")
    groups = yaml.safe_load(raw)["singleton_lemmas"]
    return frozenset(w for words in groups.values() for w in words)


def mention_key(story: Hashable, lemma: str, mention: Hashable) -> tuple:
    """The cluster a mention falls in: (story, lemma), or its own when the lemma never links."""
    if lemma in singleton_lemmas():
        return ("alone", mention)
    return (story, lemma)


def cluster_mentions(mentions: Iterable[tuple[Hashable, Hashable, str]]) -> list[set]:
    """Clusters of mention ids from (mention id, story id, head lemma) triples."""
    clusters: dict[tuple, set] = defaultdict(set)
    for mention, story, lemma in mentions:
        clusters[mention_key(story, lemma, mention)].add(mention)
    return list(clusters.values())
