"""Turn ``time_patterns.yaml`` into compiled regular expressions (once per process).

Each ``{name}`` in a pattern becomes a named group built from a word list of
``time_words.yaml`` (or a small fixed block such as ``{day}``), so editing a
word list changes every pattern that uses it. The blocks live here because
they are regular-expression syntax, not vocabulary.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.extract.timex.factors import WordSets, required_words
from sitrep.extract.timex.lexicon import pattern_specs, words

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_APOSTROPHE = "['\u2019]"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled rule: ``kind`` names the normaliser that reads its groups; every
    match holds a word of each set in ``required`` (folded, see ``timex.factors``)."""

    id: str
    kind: str
    regex: re.Pattern
    required: WordSets = ()


def _escape(phrase: str) -> str:
    """A phrase as regex: spaces and hyphens interchangeable, either apostrophe."""
    parts = re.split(r"[ -]", phrase)
    body = "[ -]".join(re.escape(p) for p in parts)
    return body.replace("'", _APOSTROPHE)


def _any_case(phrases) -> str:
    alts = sorted(set(phrases), key=len, reverse=True)
    return "(?i:" + "|".join(_escape(p) for p in alts) + ")"


def _title_case(phrases, *, abbreviations: bool) -> str:
    """Capitalised (or all-caps) names; short abbreviations must carry their dot."""
    alts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        full = len(phrase) > 4 or phrase in {"may", "june", "july"}
        if not full and not abbreviations:
            continue
        for form in {phrase.title(), phrase.upper()}:
            body = _escape(form).replace(_APOSTROPHE + "S", _APOSTROPHE + "s")
            alts.append(body if full else body + r"\.")
    return "(?:" + "|".join(alts) + ")"


def _month_block() -> str:
    names = words()["months"]
    bare_abbrev = "|".join(_escape(n.title()) for n in names if len(n) <= 4 and n != "may")
    return rf"(?P<month>{_title_case(names, abbreviations=True)}|(?:{bare_abbrev})(?= \d))"


def _units_block() -> str:
    alts = []
    for unit in words()["units"]:
        if unit.endswith("y") and unit != "day":
            alts.append(rf"{unit[:-1]}(?:y|ies)")
        else:
            alts.append(rf"{unit}s?")
    return "(?P<unit>(?i:" + "|".join(sorted(alts, key=len, reverse=True)) + "))"


def _number_block() -> str:
    article = {"a", "an"}
    word = _any_case(w for w in words()["numbers"] if w not in article)
    digits = r"\d+(?:\.\d+)?(?: 1/2)?"
    half = r"(?:(?i: and a half|-and-a-half))?"
    return rf"(?P<num>(?:{digits}|{word}(?:[ -]{word})*|(?i:an?)){half})"


def _zone_block() -> str:
    zones = list(words()["utc_zones"]) + list(words()["local_zones"])
    alts = "|".join(re.escape(z).replace(r"\ ", " ") for z in sorted(zones, key=len, reverse=True))
    return rf"(?P<zone>{alts})"


@functools.lru_cache(maxsize=1)
def blocks() -> dict[str, str]:
    """Placeholder name -> regex with a named group."""
    w = words()
    return {
        "month": _month_block(),
        "weekday": rf"(?P<weekday>{_title_case(w['weekdays'], abbreviations=True)})",
        "day": r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "year": r"(?P<year>(?:1[6-9]|20)[0-9]{2})(?!\d)",
        "num": _number_block(),
        "units": _units_block(),
        "vague": rf"(?P<vague>{_any_case(w['vague_numbers'])})",
        "dir": rf"(?P<dir>{_any_case(w['directions'])})",
        "dayword": rf"(?P<dayword>{_any_case(w['day_words'])})",
        "daypart": rf"(?P<daypart>{_any_case(w['day_parts'])})",
        "season": rf"(?P<season>{_any_case(w['seasons'])})",
        "ordinal": rf"(?P<ordinal>{_any_case(w['ordinals'])})",
        "week_ordinal": rf"(?P<nth>{_any_case(w['week_ordinals'])})",
        "ref": rf"(?P<ref>{_any_case(w['references'])})",
        "set": rf"(?P<set>{_any_case(w['sets'])})",
        "holiday": rf"(?P<holiday>{_title_case(list(w['holidays_fixed']) + list(w['holidays_floating']), abbreviations=False)})",
        "clock": (r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5][0-9]))? ?"
                  r"(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm)(?!\w))"),
        "hhmm": r"(?P<hour>[01]?[0-9]|2[0-3]):(?P<minute>[0-5][0-9])(?!\d)",
        "mil": r"(?P<hour>[01][0-9]|2[0-3])(?P<minute>[0-5][0-9])",
        "zone": _zone_block(),
        "clockword": rf"(?P<clockword>{_any_case(w['clock_words'])})",
        "decade": r"(?:(?P<decade>(?:1[5-9]|20)[0-9]0)['\u2019]?s|['\u2019](?P<decade2>[0-9]0)s)",
    }


def expand(template: str) -> str:
    """The template with each ``{name}`` replaced by its block."""
    table = blocks()

    def swap(match: re.Match) -> str:
        name = match.group(1)
        if name not in table:
            raise KeyError(f"time pattern uses unknown placeholder {{{name}}}; "
                           f"known: {', '.join(sorted(table))}")
        return table[name]

    return _PLACEHOLDER.sub(swap, template)


@functools.lru_cache(maxsize=1)
def compiled() -> tuple[Pattern, ...]:
    """Every pattern of ``time_patterns.yaml``, bounded so it never starts or ends inside a word."""
    out = []
    for spec in pattern_specs():
        body = expand(spec["regex"])
        regex = re.compile(rf"(?<![\w$\u00a3\u20ac])(?:{body})(?!\w)")
        out.append(Pattern(id=spec["id"], kind=spec["kind"], regex=regex,
                           required=required_words(regex, prefer=trigger_words())))
    return tuple(out)


#: Words the patterns spell out themselves (not drawn from a word list).
_PATTERN_WORDS = ("weekend", "quarter", "day", "ago", "fiscal", "fy", "week", "month", "year",
                  "decade", "century", "night", "morning", "later", "earlier")


@functools.lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lower-case words at least one of which every time expression contains (besides digits).

    The scanner runs the patterns only around these words, so a list entry's
    last word (its head: "future" in "the near future") must be among them.
    """
    w = words()
    heads = set(_PATTERN_WORDS)
    for table in ("months", "weekdays", "day_words", "day_parts", "seasons", "references", "sets",
                  "holidays_fixed", "holidays_floating", "clock_words"):
        heads.update(re.split(r"[ -]", key)[-1].replace("\u2019", "'") for key in w[table])
    for unit in w["units"]:
        heads.update({unit, unit + "s", unit[:-1] + "ies"})
    heads.update(z.lower() for z in list(w["utc_zones"]) + list(w["local_zones"]))
    return frozenset(heads)

