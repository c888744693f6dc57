"""Lines that are not content of this article: links to other stories.

``READ MORE: <headline>`` and its kin are navigation; they are reported as
related links and nothing inside them is coded as this article's event.
The markers are data (``rules/link_markers.txt``).
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from sitrep.model import Link


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    raw = resources.files("sitrep.extract.rules").joinpath("link_markers.txt").read_text("utf-8")
    markers = [line.strip() for line in raw.splitlines()
               if line.strip() and not line.lstrip().startswith("#")]
    alternatives = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers)
    # A marker at the start of a line, a colon or dash (or the marker alone in capitals), a headline.
    return re.compile(rf"^[ \t]*(?P<label>{alternatives})[ \t]*[:\-–—|»>]+[ \t]*(?P<title>[^\n]*\S)[ \t]*$",
                      re.IGNORECASE | re.MULTILINE)


def find_links(text: str) -> list[Link]:
    links = []
    for m in _pattern().finditer(text):
        start = m.start("label")
        links.append(Link(text=text[start:m.end("title")], start=start, end=m.end("title"),
                          label=" ".join(m.group("label").upper().split()), title=m.group("title")))
    return links
