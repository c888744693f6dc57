"""Required words of the time patterns: a window without them is skipped, never a match lost."""
from __future__ import annotations

import re
import string
import sys

import pytest

from sitrep.extract.timex import scan
from sitrep.extract.timex.factors import fold, required_words
from sitrep.extract.timex.grammar import compiled


def _as_sets(found) -> set[frozenset[str]]:
    return {frozenset(words) for words in found}


@pytest.mark.parametrize("regex, expected", [
    # whole words on both sides: both parts are required
    (r"(?<!\w)(?i:last|next) week(?!\w)", [{"week"}, {"last", "next"}]),
    # case is folded
    (r"(?<!\w)(?:FRIDAY|Sat\.)(?!\w)", [{"friday", "sat"}]),
    # a word whose end no check bounds ("daysx" would match too) is not required
    (r"\d+ days", []),
    # a look-ahead's words lie after the match, still inside the window: required
    (r"(?<!\w)\d+(?= weeks(?!\w))", [{"weeks"}]),
    # a look-behind may read before the window: its words are not required
    (r"(?<=month )\d+(?!\w)", []),
    # an optional part requires nothing; the part every match holds does
    (r"(?<!\w)(?:early )?(?:19|20)\d\d(?!\w)", []),
    (r"(?<!\w)(?:early )?(?:199|200)[05](?!\w)", [{"1990", "1995", "2000", "2005"}]),
])
def test_timex_factors_required_words_of_a_pattern(regex, expected):
    assert _as_sets(required_words(re.compile(regex))) == _as_sets(map(frozenset, expected))


def test_timex_factors_fold_spells_what_case_insensitive_matching_equates():
    """Every character that a case-insensitive pattern letter matches folds to that letter."""
    letters = set(string.ascii_letters + string.digits + string.punctuation + " \u2019")
    for pattern in compiled():
        for words in pattern.required:
            letters.update("".join(words))
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    probe = re.compile("(?i)[" + re.escape("".join(sorted(letters))) + "]")
    for ch in {m.group() for m in probe.finditer(every)}:
        for letter in letters:
            if re.fullmatch(f"(?i:{re.escape(letter)})", ch):
                assert fold(ch) == letter.lower(), (ch, letter)


def _unfiltered(text: str):
    out = []
    windows = scan._windows(text)
    for order, pattern in enumerate(compiled()):
        for start, end in windows:
            out.extend((m.start(), m.end(), order) for m in pattern.regex.finditer(text, start, end)
                       if m.end() > m.start())
    return sorted(out, key=lambda c: (c[0] - c[1], c[2], c[0]))


@pytest.mark.parametrize("text", [
    "On Friday, March 12, 2015, the ministry said talks would resume the week of Nov. 7.",
    "The FRİDAY vote and the ſunday service were put off until 10:30 p.m. EST on Monday night.",
    "The 1990s and '80s, the 21st century, fiscal year 2016 and FY2017 budgets were cut.",
    "Between 30 and 45 days, two or three weeks, a few hours ago, every other week, each day.",
    "The day after the vote, the same period last year, earlier that day, the following morning.",
    "In the first half of 2015 and the second quarter of next year, at 1400 GMT, at noon Tuesday.",
    "Christmas Eve 2014, Easter week, Thanksgiving Day, New Year's Eve and the 4th of July.",
    "Since '09, in the 60s and 70s, on June 8 and 9, March 3-4, 12/25/2015 and 2015-06-01.",
    "a 3-day-long truce, decades-long war, over the years, for months, daily, per week, now.",
])
def test_timex_factors_scan_finds_what_an_unfiltered_scan_finds(text):
    found = [(s, e, compiled().index(p)) for s, e, p, _ in scan._candidates(text)]
    assert found == _unfiltered(text)
    assert found  # the sentences hold time expressions
