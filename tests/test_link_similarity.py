"""Text similarity helpers: names tell two events of one kind apart."""
from __future__ import annotations

import pytest

from link_docs import doc
from sitrep.link import link_stories
from sitrep.link.similarity import has_names, name_counts, name_terms


@pytest.mark.parametrize("text,expected", [
    ("The singer Mara Quill checked into a clinic in 2009.", ["mara", "quill", "2009"]),
    ("Police said 14 people were hurt.", ["14"]),
    ("Storms hit the coast. Nobody was hurt.", []),  # capitals that only start sentences
])
def test_link_similarity_name_terms(text, expected):
    assert name_terms(text) == expected


@pytest.mark.parametrize("counts,expected", [({"14": 1}, False), ({"quill": 1, "14": 2}, True), ({}, False)])
def test_link_similarity_has_names_ignores_numbers_alone(counts, expected):
    assert has_names(counts) is expected


REHAB = ("The actress {name} checked into a rehab clinic in Malibu on Tuesday, her publicist "
         "told reporters, asking for privacy for {name} and her family.")


@pytest.mark.parametrize("a,b,together", [("Mara Quill", "Mara Quill", True),
                                          ("Mara Quill", "Dora Blenk", False)])
def test_link_stories_same_kind_other_people_stay_apart(a, b, together):
    docs = [doc("x", "Wire X", "2016-10-18", REHAB.format(name=a)),
            doc("y", "Wire Y", "2016-10-18", REHAB.format(name=b).replace("Tuesday", "Monday")),
            doc("z", "Wire Z", "2016-10-18", "Heavy rain flooded farms across the valley, officials said.")]
    found = [sorted(s.articles) for s in link_stories(docs)]
    assert (["x", "y"] in found) is together


@pytest.mark.parametrize("text", ["Quill met Blenk in Malibu."])
def test_link_similarity_name_counts_are_counts(text):
    assert name_counts(text + " " + text) == {"blenk": 2, "malibu": 2}


@pytest.mark.parametrize("text,expected", [
    ("Rescuers reached Quill on Tuesday in Malibu.", ["quill", "malibu"]),
    ("Officers arrested Blenk on Sunday, March 14.", ["blenk", "march", "14"]),
])
def test_link_similarity_weekdays_are_not_names(text, expected):
    assert name_terms(text) == expected


@pytest.mark.parametrize("article,story", [
    # A long article against a story whose summed vector holds fewer terms than it.
    ({"quill": 0.8, "blenk": 0.4, "malibu": 0.3, "clinic": 0.3}, {"quill": 2.0}),
    ({"quill": 0.6, "blenk": 0.8}, {"quill": 1.5, "blenk": 0.5, "malibu": 1.0}),
])
def test_link_similarity_cosine_is_a_true_cosine_either_way(article, story):
    from sitrep.link.similarity import cosine, dot

    expected = dot(article, story) / (dot(article, article) ** 0.5 * dot(story, story) ** 0.5)
    assert cosine(article, story) == pytest.approx(expected)
    assert cosine(story, article) == pytest.approx(expected)
    assert cosine(article, story) <= 1.0
