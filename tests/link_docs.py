"""Hand-built analysed documents for the link tests (no spaCy needed)."""
from __future__ import annotations

from sitrep.model import Article, DocumentResult, Event, FramingCue, Place, Span

ALEPPO = dict(name="Aleppo", geonameid=170063, country_code="SY", admin1="09", feature="city")
#: Places the helper resolves wherever their name occurs (ids as in GeoNames).
KNOWN_PLACES = {
    "Aleppo": ALEPPO,
    "Homs": dict(name="Homs", geonameid=169577, country_code="SY", admin1="11", feature="city"),
    "Idlib": dict(name="Idlib", geonameid=None, country_code="SY", admin1="12", feature="province"),
}


def doc(id: str, source: str, published: str, text: str, *, title: str | None = None,
        events: list[Event] | None = None, framing: list[FramingCue] | None = None,
        places: bool = True) -> DocumentResult:
    """An analysed article; every name of ``KNOWN_PLACES`` in the text is a resolved place."""
    found = []
    for name, facts in KNOWN_PLACES.items() if places else ():
        i = text.find(name)
        while i >= 0:
            found.append(Place(text=name, start=i, end=i + len(name), resolution="test", **facts))
            i = text.find(name, i + 1)
    found.sort(key=lambda p: p.start)
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
