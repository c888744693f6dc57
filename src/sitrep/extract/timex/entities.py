"""A second look at spaCy's DATE/TIME entities that the patterns left alone.

The statistical tagger finds phrases no pattern covers ("the weeks before
the shooting", "their best week", "the entire year"), but also ages and bare
numbers ("a 6-year-old", "44"). Only entities built around a calendar unit
are kept, and only singular ones with a determiner ("the week", "the entire
year"): they refer to the period of the last date named. Plural ones ("the
weeks before the shooting") name vague points no rule can place; they are left out.
"""
from __future__ import annotations

from sitrep.extract.timex.lexicon import normal_key, unit_of
from sitrep.extract.timex.reading import Reading, Reference

_LABELS = frozenset({"DATE", "TIME"})
_AGE_WORDS = frozenset({"old", "age", "aged", "ages"})
_REFERRING_UNITS = frozenset({"day", "week", "month", "year"})
_RELATIVE_TAILS = frozenset({"before", "after", "earlier", "later", "ago"})
#: Words before the unit that make it "the" period of the last date named. A bare possessive
#: pronoun is not among them: "his year in kindergarten" is the possessor's own period.
_DETERMINERS = frozenset({"DT", "POS", "JJ", "JJS", "CD"})


def leftover_readings(doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, Reading]]:
    """Readings for unit-bearing DATE/TIME entities that overlap nothing already found."""
    out = []
    for ent in getattr(doc, "ents", ()):
        if ent.label_ not in _LABELS or any(ent.start_char < e and s < ent.end_char for s, e in taken):
            continue
        reading = _reading(ent)
        if reading is not None:
            out.append((ent.start_char, ent.end_char, reading))
    return out


def _reading(ent) -> Reading | None:
    if any(t.lower_ in _AGE_WORDS or t.lower_.endswith("-old") for t in ent):
        return None
    if ent[-1].lower_ in _RELATIVE_TAILS:
        return None  # "the year before": counted from an event, not from the last date named
    units = [t for t in ent if unit_of(t.lower_) and not t.like_num]
    if not units:
        return None
    head = units[-1]
    word = normal_key(head.text)
    if word.endswith("s") and unit_of(word[:-1]) is not None:
        return None  # "the weeks before the shooting": a vague point we cannot place
    singular = normal_key(head.lemma_)
    if singular in _REFERRING_UNITS and head.i > ent.start and ent.doc[head.i - 1].tag_ in _DETERMINERS:
        return Reading("DATE", "", f"spaCy DATE entity: the {singular} of the last date named",
                       refers=Reference(singular))
    return None
