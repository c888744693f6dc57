"""Hand-built analysed documents for the link tests (no spaCy needed)."""
from __future__ import annotations

from sitrep.model import Article, DocumentResult, Event, FramingCue, Place, Span

ALEPPO = dict(name="Aleppo", geonameid=170063, country_code="SY", admin1="09", feature="city")


def doc(id: str, source: str, published: str, text: str, *, title: str | None = None,
        events: list[Event] | None = None, framing: list[FramingCue] | None = None,
        places: bool = True) -> DocumentResult:
    """An analysed article; every place named "Aleppo" in the text is resolved."""
    found = []
    if places:
        i = text.find("Aleppo")
        while i >= 0:
            found.append(Place(text="Aleppo", start=i, end=i + 6, resolution="test", **ALEPPO))
            i = text.find("Aleppo", i + 1)
    return DocumentResult(article=Article(id=id, text=text, published=published, title=title,
                                          source=source),
                          events=events or [], places=found, framing=framing or [])


def event(text: str, phrase: str, kind: str = "ASSAULT", **attributes) -> Event:
    """An event whose evidence is ``phrase`` inside ``text``."""
    start = text.index(phrase)
    return Event(event=kind, evidence=Span(phrase, start, start + len(phrase)),
                 attributes=attributes, rule="test")


def cue(text: str, word: str, kind: str = "actor_label", label: str | None = None,
        target: str | None = None, stance: str | None = None) -> FramingCue:
    start = text.index(word)
    return FramingCue(kind=kind, text=word, start=start, end=start + len(word),
                      label=label or word.lower(), target=target, stance=stance)
