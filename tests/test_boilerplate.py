"""Related-story lines are links, not content."""
from __future__ import annotations

import pytest

from sitrep.extract.boilerplate import find_links


@pytest.mark.parametrize("line,label,title", [
    ("READ MORE: US & UK fire accusations at Moscow", "READ MORE", "US & UK fire accusations at Moscow"),
    ("Read also - Talks collapse in Geneva", "READ ALSO", "Talks collapse in Geneva"),
    ("RELATED: Floods hit Dhaka", "RELATED", "Floods hit Dhaka"),
])
def test_boilerplate_link_lines(line, label, title):
    text = f"First paragraph of the story.\n{line}\nLast paragraph."
    [link] = find_links(text)
    assert (link.label, link.title) == (label, title)
    assert text[link.start:link.end] == link.text


@pytest.mark.parametrize("text", ["He said more: the talks failed.", "Related talks were held in Geneva.",
                                  "Watch the river rise: officials warned of floods."])
def test_boilerplate_ordinary_sentences_are_not_links(text):
    assert find_links(text) == []


def test_boilerplate_read_more_not_coded(seed_result):
    [link] = seed_result.links
    assert link.title.startswith("US & UK fire")
    for item in seed_result.events + seed_result.places + seed_result.times:
        span = getattr(item, "evidence", item)
        assert not (link.start <= span.start < link.end)
