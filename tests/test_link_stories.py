"""Story clustering: related reports join, unrelated ones do not, ids stay stable."""
from __future__ import annotations

import json

import pytest

from link_docs import cue, doc, event
from sitrep.link import LinkSettings, StoryIndex, link_stories, result_from_dict, stories

TRUCE_A = ("Russia will halt air strikes on Aleppo for eight hours on Thursday so that civilians "
           "and fighters can leave the besieged east of the city, the Russian military said.")
TRUCE_B = ("Russian and Syrian jets stopped bombing Aleppo ahead of a humanitarian pause in air "
           "strikes, letting civilians leave the besieged eastern districts, Moscow said.")
TRUCE_C = ("The Russian pause in Aleppo air strikes began as civilians waited to leave the "
           "besieged east through corridors, the military said on Thursday.")
FLOOD = ("Heavy monsoon rains flooded villages across Kerala, forcing thousands of farmers from "
         "their homes as rivers burst their banks, state officials said.")


def _truce_docs():
    return [doc("a", "Wire A", "2016-10-18", TRUCE_A), doc("b", "Wire B", "2016-10-18", TRUCE_B),
            doc("f", "Daily F", "2016-10-18", FLOOD, places=False)]


@pytest.mark.parametrize("expected", [[["a", "b"], ["f"]]])
def test_link_stories_groups_same_event(expected):
    found = sorted(sorted(s.articles) for s in link_stories(_truce_docs()))
    assert found == expected


@pytest.mark.parametrize("days_later", [30])
def test_link_stories_time_window_blocks_old_story(days_later):
    late = doc("c", "Wire C", f"2016-11-{17 + days_later - 30:02d}", TRUCE_C)
    index = StoryIndex()
    index.add(_truce_docs()[:2])
    (change,) = index.add([late])
    assert change.action == "created"


@pytest.mark.parametrize("split", [1, 2])
def test_link_stories_ids_stable_when_adding_incrementally(split):
    docs = _truce_docs() + [doc("c", "Wire C", "2016-10-19", TRUCE_C)]
    whole = StoryIndex()
    whole.add(docs)
    part = StoryIndex()
    part.add(docs[:split])
    before = dict(part.story_of)
    changes = part.add(docs[split:])
    assert all(part.story_of[a] == s for a, s in before.items())
    assert part.story_members() == whole.story_members()
    assert {c.action for c in changes} <= {"created", "joined"}


@pytest.mark.parametrize("split", [2])
def test_link_stories_state_round_trips_through_json(split):
    docs = _truce_docs() + [doc("c", "Wire C", "2016-10-19", TRUCE_C)]
    index = StoryIndex()
    index.add(docs[:split])
    restored = StoryIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    assert restored.story_members() == index.story_members()
    restored.add(docs[split:])
    index.add(docs[split:])
    assert restored.story_members() == index.story_members()


@pytest.mark.parametrize("near_dup", [True, False])
def test_link_stories_syndicated_copy_counts_once(near_dup):
    copy_text = TRUCE_A if near_dup else TRUCE_A.replace("Russian military", "army's spokesman")
    docs = _truce_docs()[:2] + [doc("a-copy", "Aggregator", "2016-10-18", copy_text)]
    mapping = {"a-copy": "a"} if near_dup else None
    (story,) = [s for s in link_stories(docs, near_duplicate_of=mapping) if "a" in s.articles]
    assert story.sources == ["Aggregator", "Wire A", "Wire B"]
    assert story.independent_sources == 2


@pytest.mark.parametrize("word_a,word_b", [("terrorists", "rebels")])
def test_link_stories_framing_side_by_side(word_a, word_b):
    ta = TRUCE_A + f" The {word_a} refused."
    tb = TRUCE_B + f" The {word_b} refused."
    docs = [doc("a", "Wire A", "2016-10-18", ta, framing=[cue(ta, word_a, target="armed groups", label="terrorist")]),
            doc("b", "Wire B", "2016-10-18", tb, framing=[cue(tb, word_b, target="armed groups", label="rebel")])]
    (story,) = link_stories(docs)
    assert story.framing["actor_labels"]["armed groups"] == {"Wire A": ["terrorist"], "Wire B": ["rebel"]}
    assert story.framing["differs"] == ["armed groups"]


@pytest.mark.parametrize("attrs", [{"dead": 58, "dead_mod": "at least"}])
def test_link_convert_round_trips_document_json(attrs):
    d = doc("a", "Wire A", "2016-10-18", TRUCE_A, events=[event(TRUCE_A, "halt air strikes", "RETREAT", **attrs)])
    back = result_from_dict(json.loads(json.dumps(d.to_dict())))
    assert back.to_dict() == d.to_dict()


@pytest.mark.parametrize("field", ["id", "title", "start", "end", "places", "articles", "sources",
                                   "independent_sources", "events", "contradictions", "framing"])
def test_link_stories_output_has_contract_fields(field):
    index = StoryIndex()
    index.add(_truce_docs())
    for story in stories(index):
        assert field in story.to_dict()


@pytest.mark.parametrize("linkage,threshold", [("centroid", 0.26), ("average", 0.1)])
def test_link_stories_linkage_options_group_same_event(linkage, threshold):
    found = sorted(sorted(s.articles) for s in link_stories(
        _truce_docs(), settings=LinkSettings(linkage=linkage, threshold=threshold)))
    assert found == [["a", "b"], ["f"]]


@pytest.mark.parametrize("day_b,bonus,joined", [
    ("2016-10-19", None, True),      # two outlets' tolls of one town a day apart: one incident
    ("2016-10-19", 0.0, False),      # their wording alone does not link them
    ("2016-10-24", None, False),     # the town's toll of another week is another incident
])
def test_link_stories_tolls_of_one_town_and_day_link_across_outlets(day_b, bonus, joined):
    ta = ("Warplanes struck a crowded bakery queue in Aleppo's Bustan district on Tuesday, killing 12 people, "
          "Civil Defence medics said.")
    tb = "Barrel bombs dropped on Aleppo neighbourhoods by Assad forces left 19 dead, the Observatory reported."
    filler = [doc(f"x{i}", "Other", "2016-10-10", f"Officials in Geneva discussed grain prices and ports {i}.")
              for i in range(3)]
    settings = LinkSettings() if bonus is None else LinkSettings(incident_bonus=bonus)
    index = StoryIndex(settings)
    index.add(filler + [doc("a", "Outlet A", "2016-10-18", ta), doc("b", "Outlet B", day_b, tb)])
    assert (index.story_of["a"] == index.story_of["b"]) is joined


#: Words found in one report only: a long report's rarest terms, which outrank what
#: it shares with the story among its highest TF-IDF terms.
_OWN_WORDS = ("alder birch cedar dogwood elm fir ginkgo hazel juniper larch maple oak pine "
              "quince rowan spruce tamarack walnut willow yew acacia baobab cypress").split()


@pytest.mark.parametrize("extra", [len(_OWN_WORDS)])
def test_link_stories_long_report_still_meets_its_story(extra):
    short = ("Firefighters contained a warehouse fire at the river docks after night "
             "guards reported smoke.")
    long = short + " Inspectors listed the stored timber: " + ", ".join(_OWN_WORDS[:extra]) + "."
    filler = [doc(f"n{i}", "Wire N", "2016-10-18", f"Farmers in district {w} harvested early.",
                  places=False) for i, w in enumerate(("north", "south", "east"))]
    found = link_stories([doc("a", "Wire A", "2016-10-18", short, places=False), *filler,
                          doc("b", "Wire B", "2016-10-18", long, places=False)])
    assert ["a", "b"] in [sorted(s.articles) for s in found]


@pytest.mark.parametrize("text,published,expected", [
    ("Date of publication 3 October 2017 A double bomb attack hit a police station.", "2017-10-14", "2017-10-03"),
    ("Published October 2, 2017 A double bomb attack hit a police station.", "2017-10-03", "2017-10-03"),
    ("Date of publication 3 October 2017 A double bomb attack hit a police station.", None, None),
    ("A bomb hit a police station. " + "Rescuers worked through the night. " * 8
     + "The last such attack was on 3 October 2015.", "2017-10-14", "2017-10-14"),
])
def test_link_stories_dateline_overrides_a_feed_date_days_off(text, published, expected):
    """An article's own dateline is the day it reports from when the feed's date is days off;
    a date further down the text is not its dateline, and no date is guessed without one."""
    from sitrep.link.blocking import report_date

    assert report_date(text, published) == expected
