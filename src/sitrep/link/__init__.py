"""Across articles: stories, corroboration, contradictions and framing.

Works on analysed documents (:class:`sitrep.model.DocumentResult`, or their
JSON via :func:`result_from_dict`), independent of any database::

    index = StoryIndex()
    index.add(results, near_duplicate_of={"copy-1": "orig-1"})
    for story in stories(index):
        print(story.to_dict())
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from sitrep.model.convert import document_from_dict as result_from_dict
from sitrep.link.describe import describe
from sitrep.link.model import SLOTS, Contradiction, SlotValue, Story, StoryEvent, Update
from sitrep.link.stories import Change, LinkSettings, StoryIndex, story_id
from sitrep.model import DocumentResult

__all__ = ["StoryIndex", "LinkSettings", "Change", "Story", "StoryEvent", "Contradiction",
           "SlotValue", "Update", "SLOTS", "result_from_dict", "describe", "stories",
           "link_stories", "story_id"]


def stories(index: StoryIndex, results: Mapping[str, DocumentResult] | None = None) -> list[Story]:
    """Every story of ``index`` described (``results`` add to the analyses the index holds)."""
    docs = {**index.results, **(results or {})}
    return [describe(cid, members, docs, index.features, near_duplicate_of=index.near_duplicate_of,
                     df=index.df)
            for cid, members in index.story_members().items()]


def link_stories(results: Iterable[DocumentResult], *, near_duplicate_of: Mapping[str, str] | None = None,
                 settings: LinkSettings | None = None) -> list[Story]:
    """One-shot: cluster analysed articles into stories and describe each."""
    index = StoryIndex(settings)
    index.add(results, near_duplicate_of=near_duplicate_of)
    return stories(index)
