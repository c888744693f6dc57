"""Find, choose and normalise time expressions in one document."""
from __future__ import annotations

import datetime as dt
import functools
import re

from sitrep.extract.timex import amounts, anaphora, entities, points, titles
from sitrep.extract.timex.factors import WORD, fold
from sitrep.extract.timex.grammar import compiled, trigger_words
from sitrep.extract.timex.lexicon import words
from sitrep.extract.timex.reading import Frame, Reading
from sitrep.extract.timex.tense import clause_tense
from sitrep.model import TimeExpr

#: pattern kind (time_patterns.yaml) -> normaliser
NORMALISERS = {
    "calendar_date": points.calendar_date,
    "week_of": points.week_of,
    "coordinated_day": points.coordinated_day,
    "numeric_date": points.numeric_date,
    "year": points.year,
    "decade": points.decade,
    "century": points.century,
    "holiday": points.holiday,
    "weekday": points.weekday,
    "dayword": points.dayword,
    "this_daypart": points.this_daypart,
    "weekend": points.weekend,
    "season": points.season,
    "anaphor": points.anaphor,
    "same_period": points.same_period,
    "clock": amounts.clock,
    "relative_unit": amounts.relative_unit,
    "ago": amounts.ago,
    "quarter": amounts.quarter,
    "half_year": amounts.half_year,
    "duration": amounts.duration,
    "reference": amounts.reference,
    "set": amounts.set_word,
    "set_every": amounts.set_every,
}
_POINT_MOD_TYPES = frozenset({"DATE", "TIME"})


def find_times(text: str, doc, published: dt.date | None) -> list[TimeExpr]:
    """Every time expression in ``text`` (parsed as ``doc``), resolved against ``published``."""
    tense_of = functools.partial(_tense, doc)
    found: list[tuple[int, int, Reading]] = []
    taken: list[tuple[int, int]] = []
    for start, end, pattern, match in _candidates(text):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        frame = Frame(match.groupdict(), text, start, end, published, tense_of, doc)
        reading = NORMALISERS[pattern.kind](frame)
        if reading is None:
            continue
        taken.append((start, end))
        span = reading.span or (start, end)
        if titles.in_quoted_title(text, *span):
            continue  # ``High Noon'', "60 Minutes": the name of a work
        span = _shift_days(text, _widen(text, span, reading), reading, taken)
        taken.append(span)
        found.append((*span, reading))
    found.extend(entities.leftover_readings(doc, taken))
    found.sort(key=lambda item: item[0])
    anaphora.resolve(found, _sentence_starts(doc), published)
    return [TimeExpr(text=text[s:e], start=s, end=e, type=r.type, value=r.value,
                     resolution=r.resolution, anchor=r.anchor, mod=r.mod) for s, e, r in found]


def _tense(doc, start: int, end: int) -> str | None:
    return None if doc is None else clause_tense(doc, start, end)


_WORD = WORD
#: How far around a trigger word a match may reach (characters).
WINDOW_MARGIN = 30


def _candidates(text: str):
    """All pattern matches, longest first; on equal length the earlier-listed pattern first.

    Patterns run only in windows around trigger words and digits: most of a
    news text holds no time expression, and scanning it all costs more than
    the parse budget allows. Within those, a pattern skips each window that
    holds none of the words its every match holds (``timex.factors``).
    """
    out = []
    windows = [(w_start, w_end, _words_in(text, w_start, w_end)) for w_start, w_end in _windows(text)]
    for order, pattern in enumerate(compiled()):
        for w_start, w_end, words_here in windows:
            for needed in pattern.required:
                if needed.isdisjoint(words_here):
                    break  # a word every match of the pattern holds is missing here
            else:
                for match in pattern.regex.finditer(text, w_start, w_end):
                    if match.end() > match.start():
                        out.append((match.start(), match.end(), order, pattern, match))
    out.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    return [(s, e, p, m) for s, e, _, p, m in out]


def _words_in(text: str, start: int, end: int) -> set[str]:
    """The words of text[start:end], folded as ``timex.factors`` spells required words."""
    return {word.lower() if word.isascii() else fold(word) for word in _WORD.findall(text, start, end)}


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around words that can anchor a time expression.

    Each edge sits on white space, so no window cuts a word in two (a pattern's
    closing word-boundary check would otherwise be fooled by the cut).
    """
    triggers = trigger_words()
    spans: list[list[int]] = []
    for word in _WORD.finditer(text):
        token = word.group()
        if not token[0].isdigit() and token.lower() not in triggers:
            continue
        start = _edge(text, word.start() - WINDOW_MARGIN, -1)
        end = _edge(text, word.end() + WINDOW_MARGIN, 1)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def _edge(text: str, pos: int, step: int) -> int:
    """``pos`` moved outwards to the nearest white space (or the text's end)."""
    if pos <= 0:
        return 0
    if pos >= len(text):
        return len(text)
    while 0 < pos < len(text) and not text[pos].isspace():
        pos += step
    return max(0, min(pos, len(text)))


@functools.lru_cache(maxsize=1)
def _modifier_regexes() -> tuple[tuple[re.Pattern, dict], tuple[re.Pattern, dict]]:
    def build(table: dict) -> tuple[re.Pattern, dict]:
        alts = "|".join(re.escape(k).replace(r"\ ", " ") for k in sorted(table, key=len, reverse=True))
        return re.compile(rf"(?:^|(?<=[\s(\"]))(?P<mod>{alts})[ -]$", re.IGNORECASE), table
    w = words()
    return build(w["point_modifiers"]), build(w["duration_modifiers"])


def _widen(text: str, span: tuple[int, int], reading: Reading) -> tuple[int, int]:
    """Take in a modifier just before the span ("early 2009", "more than four decades") and set ``mod``."""
    start, end = span
    point, amount = _modifier_regexes()
    regex, table = point if reading.type in _POINT_MOD_TYPES else amount
    if reading.type == "SET" or (reading.type == "DURATION" and text[start:start + 4].lower() == "the "):
        return start, end  # "over the past two months" is "during", not "more than"
    found = regex.search(text[max(0, start - 25):start])
    if found is None:
        return start, end
    reading.mod = table[found.group("mod").lower()]
    return start - len(found.group(0)), end


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@functools.lru_cache(maxsize=1)
def _day_shift_regex() -> re.Pattern:
    phrases = sorted(words()["day_shifts"], key=len, reverse=True)
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in phrases)
    return re.compile(rf"(?:^|(?<=[\s(\"]))(?P<shift>{alts})\s+$", re.IGNORECASE)


def _shift_days(text: str, span: tuple[int, int], reading: Reading,
                taken: list[tuple[int, int]]) -> tuple[int, int]:
    """Take in "the day before" ahead of a dated day and move its value: one expression, one date."""
    start, end = span
    if reading.type != "DATE" or not _DAY_VALUE.match(reading.value or ""):
        return span
    found = _day_shift_regex().search(text[max(0, start - 25):start])
    if found is None:
        return span
    new_start = start - len(found.group(0))
    if any(new_start < t_end and t_start < start for t_start, t_end in taken):
        return span  # the words before already belong to another expression
    days = words()["day_shifts"][" ".join(found.group("shift").lower().split())]
    shifted = dt.date.fromisoformat(reading.value) + dt.timedelta(days=days)
    reading.value = shifted.isoformat()
    reading.resolution += f"; {days:+d} day(s) by '{found.group('shift')}'"
    return new_start, end


def _sentence_starts(doc) -> list[int]:
    if doc is None or not doc.has_annotation("SENT_START"):
        return [0]
    return [sent.start_char for sent in doc.sents]


