"""Normalisers for amounts of time and offsets: durations, sets, "last week", "two days ago",
quarters, clock times and the vague references (PRESENT_REF, PAST_REF, FUTURE_REF)."""
from __future__ import annotations

import datetime as dt
import functools
import re

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex.lexicon import lookup, normal_key, unit_of, words
from sitrep.extract.timex.points import DEFAULT_DIRECTION
from sitrep.extract.timex.reading import Frame, Reading
from sitrep.extract.timex.tense import PAST

_AGAINST_PLAN = re.compile(r"\s+than\s+(?:originally\s+)?(?:planned|scheduled|expected)", re.IGNORECASE)
_FRACTION = re.compile(r"(?: 1/2|[ -]and[ -]a[ -]half)$", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """"48" -> 48; "twenty-five" -> 25; "two and a half" -> 2.5; "5 1/2" -> 5.5."""
    text = text.strip()
    half = 0.5 if _FRACTION.search(text) else 0.0
    text = _FRACTION.sub("", text)
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    whole = lookup("numbers", text)
    if whole is not None:
        return float(whole) + half
    total = 0.0
    for word in normal_key(text).split():
        value = lookup("numbers", word)
        if value is None:
            return None
        total = max(total, 1.0) * value if value == 100 else total + value
    return total + half


def _period(count: float | None, unit_word: str) -> str | None:
    """TIMEX3 duration: ``PT48H``, ``P2D``, ``P10Y`` (a decade), ``PXY`` when count is None."""
    unit = unit_of(unit_word)
    if unit is None:
        return None
    code, is_time = unit["code"], bool(unit.get("time"))
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{code}"
    count *= unit.get("scale", 1)
    if is_time and code == "H" and not float(count).is_integer():
        hours = f"{int(count)}H" if count >= 1 else ""
        return f"PT{hours}{round((count % 1) * 60)}M"
    return f"{prefix}{cal.number_text(count)}{code}"


def duration(frame: Frame) -> Reading | None:
    """"48-hour" -> PT48H; "the past two months" -> P2M; "several years" -> PXY; "for years" -> PXY."""
    unit_word = frame.g("unit")
    num = frame.g("num")
    if num is not None and normal_key(num) in ("a", "an") and normal_key(unit_word).startswith("sec"):
        return None  # "a second" is an ordinal
    count = None if num is None else parse_number(num)
    if num is None and not frame.g("vague") and not normal_key(unit_word).endswith("s"):
        count = 1.0  # "year-long": one unit
    value = _period(count, unit_word)
    if value is None:
        return None
    if _is_share(frame, unit_word, num):
        return None  # "a quarter of the workforce" is a share
    if num is not None and normal_key(num) in ("a", "an") and _is_rate(frame):
        return Reading("SET", value, "rate: 'a' + unit after a quantity")
    per = _PER_UNIT.match(frame.after(16))
    if per is not None and not frame.g("lead"):
        return _amount_per_unit(frame, per)
    if count is not None and _quantified().search(frame.text[max(0, frame.start - 24):frame.start]):
        return Reading("SET", _period(1, unit_word), "'each of' a number of units: every one of them (a set)")
    span = None
    if frame.g("lead"):
        span = (frame.start + frame.text[frame.start:frame.end].rfind(unit_word), frame.end)
    return Reading("DURATION", value, _duration_rule(frame, count), span=span)


#: "a day", "per week" just after an amount of time: the amount recurs ("24 hours a day").
_PER_UNIT = re.compile(r"[ ](?:a|an|per|each)[ ](?P<unit>day|night|week|month|year)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _quantified() -> re.Pattern:
    """"each of " just before "the last three years": the units one by one, not their sum
    (TIMEX3 SET with quant EACH)."""
    phrases = sorted(words()["set_quantifiers"], key=len, reverse=True)
    return re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(p) for p in phrases) + r")\s+$", re.IGNORECASE)


def _amount_per_unit(frame: Frame, per: re.Match) -> Reading:
    """"24 hours a day", "three days a week": one SET, the period it recurs in (TIMEX3 puts
    the amount in ``freq``); the rate's unit would otherwise be read as a second duration."""
    value = _period(1, per.group("unit"))
    return Reading("SET", value, "amount of time per unit: a frequency",
                   span=(frame.start, frame.end + per.end()))


def _is_share(frame: Frame, unit_word: str, num: str | None) -> bool:
    """"a quarter of", "three quarters of", "120, or about a quarter, of": a fraction.

    A word between number and unit ("three consecutive quarters of growth") makes it time.
    """
    if not normal_key(unit_word).startswith("quarter") or not re.match(r",?\s+of\b", frame.after(6)):
        return False
    return normal_key(num or "a") in ("a", "an", "one", "three") and frame.end - frame.start < 16


def _is_rate(frame: Frame) -> bool:
    """"three times a day", "1 million cars a year": a frequency, not an amount."""
    before = frame.word_before()
    return bool(re.search(r"\d|%|^(?:times|once|twice|percent|cent)$", before))


def _duration_rule(frame: Frame, count: float | None) -> str:
    rule = "duration" if count is not None else "duration of unstated length"
    return _with_shift(rule, frame.after(40))


def _with_shift(rule: str, tail: str) -> str:
    """Note when the words after a duration say it moves a planned date ("two days early")."""
    tail = tail.lower()
    for phrase, meaning in sorted(words()["schedule_shifts"].items(), key=lambda kv: -len(kv[0])):
        if re.match(rf"\s*{re.escape(phrase)}\b", tail):
            return f"{rule}; {meaning} (shifts a planned date)"
    return rule


def relative_unit(frame: Frame) -> Reading | None:
    """"last week" -> 2016-W41; "earlier this month" -> 2016-10; "the week before last" -> 2016-W40."""
    beyond = frame.g("beyond")
    if beyond:
        direction = -2 if beyond.lower().startswith("before") else 2
    else:
        direction = int(lookup("directions", frame.g("dir")))
    unit = normal_key(frame.g("unit"))
    if not beyond and normal_key(frame.g("dir")) == "past":
        return Reading("DURATION", _period(1, unit), "'the past' + unit: a duration of one")
    if frame.published is None:
        return Reading("DATE", "XXXX-XX-XX", "relative unit, no publication date")
    value = shifted_point(frame.published, unit, direction)
    return Reading("DATE", value, f"{unit} {direction:+d} from publication", frame.anchor)


def shifted_point(pub: dt.date, unit: str, delta: float) -> str | None:
    """The calendar point ``delta`` units away from ``pub``, at that unit's granularity."""
    whole = int(delta)
    if unit.startswith("day") or unit.startswith("night"):
        return cal.day_value(pub + dt.timedelta(days=whole))
    if unit.startswith("week") or unit.startswith("fortnight"):
        return cal.week_value(pub + dt.timedelta(weeks=whole * (2 if unit.startswith("fort") else 1)))
    if unit.startswith("month"):
        return cal.month_value(*cal.shift_months(pub.year, pub.month, whole))
    if unit.startswith("quarter"):
        year_num, quarter = cal.shift_quarter(pub.year, cal.quarter_of(pub), whole)
        return f"{year_num}-Q{quarter}"
    if unit.startswith("decade"):
        return str(pub.year // 10 + whole)
    if unit.startswith("centur"):
        return str(pub.year // 100 + whole)
    if unit.startswith("year"):
        return str(pub.year + whole)
    if unit.startswith(("hour", "minute", "second")):
        return cal.day_value(pub)
    return None


def ago(frame: Frame) -> Reading | None:
    """"two days ago" -> a date; "three weeks later" (no stated reference) -> a duration."""
    direction_word = frame.text[frame.start:frame.end].split()[-1].lower()
    count = parse_number(frame.g("num"))
    unit = unit_of(frame.g("unit"))
    if count is None or unit is None:
        return None
    if direction_word not in ("ago", "now") or frame.published is None:
        value = _period(count, frame.g("unit"))
        rule = "offset from an unstated reference: kept as a duration"
        if _AGAINST_PLAN.match(frame.after(40)):
            rule += f"; {direction_word} than planned (shifts a planned date)"
        return Reading("DURATION", value, rule)
    sign = -1 if direction_word == "ago" else 1
    scaled = count * unit.get("scale", 1)
    unit_name = normal_key(frame.g("unit"))
    if unit.get("scale", 1) != 1:
        unit_name = "year" if unit["code"] == "Y" else "day"  # decades, centuries; fortnights
    value = shifted_point(frame.published, unit_name, sign * scaled)
    return Reading("DATE", value, f"{cal.number_text(scaled)} {unit_name} {direction_word}, from publication",
                   frame.anchor)


def quarter(frame: Frame) -> Reading | None:
    """"the third quarter of 2009" -> 2009-Q3; "the last quarter" -> the quarter before publication."""
    number = int(lookup("ordinals", frame.g("ordinal")))
    if frame.g("year"):
        return Reading("DATE", f"{frame.g('year')}-Q{number}", "explicit quarter and year")
    if frame.published is None:
        return Reading("DATE", f"XXXX-Q{number}" if number > 0 else "XXXX-QX", "quarter, no publication date")
    pub = frame.published
    current = cal.quarter_of(pub)
    year_num = pub.year + _quarter_year_step(frame)
    if number < 0:
        year_num, number = cal.shift_quarter(pub.year, current, -1)
    elif frame.g("qdir") is None and (frame.tense or DEFAULT_DIRECTION) == PAST and number > current:
        year_num -= 1
    return Reading("DATE", f"{year_num}-Q{number}", "quarter relative to publication", frame.anchor)


def half_year(frame: Frame) -> Reading | None:
    """"the second half of 2015" -> 2015-H2; "the first half of next year" -> that year's H1."""
    number = int(lookup("ordinals", frame.g("ordinal")))
    if number not in (1, 2):
        return None  # "the last half of": no half of a year named by number
    if frame.g("year"):
        return Reading("DATE", f"{frame.g('year')}-H{number}", "explicit half and year")
    if frame.published is None:
        return Reading("DATE", f"XXXX-H{number}", "half of a year, no publication date")
    year_num = frame.published.year + _quarter_year_step(frame)
    return Reading("DATE", f"{year_num}-H{number}", "half of a year relative to publication", frame.anchor)


def _quarter_year_step(frame: Frame) -> int:
    qdir = (frame.g("qdir") or "").lower()
    return {"last": -1, "the previous": -1, "next": 1}.get(qdir, 0)


def reference(frame: Frame) -> Reading | None:
    """"now" -> PRESENT_REF, "recently" -> PAST_REF, "in the future" -> FUTURE_REF."""
    value = lookup("references", frame.g("ref"))
    if value is None:
        return None
    if lookup("discourse_openers", frame.g("ref")) and frame.opens_sentence():
        return None  # "Now the alliance's mission is ...": a discourse marker, not a time
    if "-" in frame.g("ref") and _modifies_noun(frame):
        return None  # "a long-term lease": an adjective, not "in the long term"
    if lookup("reference_blockers", frame.word_before()):
        return None  # "a future in which ...", "their most recent model": no time referred to
    return Reading("DATE", value, "reference word", frame.anchor)


def _modifies_noun(frame: Frame) -> bool:
    """True when the word after the match is a noun or adjective it qualifies ("long-term partnership")."""
    token = frame.last_token()
    if token is None or token.i + 1 >= len(token.doc):
        return False
    return token.doc[token.i + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def set_word(frame: Frame) -> Reading | None:
    """"daily" -> P1D, "every week" -> P1W (type SET)."""
    value = lookup("sets", frame.g("set"))
    if value is None or _names_a_publication(frame):
        return None
    return Reading("SET", value, "frequency word")


_NAME_AFTER = re.compile(r"^[ ]+([A-Z][\w'\u2019-]*)")


def _names_a_publication(frame: Frame) -> bool:
    """"the Communist Party daily Granma", "the Daily Telegraph", "the daily said": a newspaper.

    A publication word is a noun (or part of a name) when it is capitalised
    inside a sentence, when the parse reads it as a noun, or when it stands
    right before a proper name and hangs on a name ("daily Granma"; "daily
    White House briefings" keeps its frequency: it qualifies "briefings").
    """
    word = frame.g("set") or ""
    if normal_key(word) not in words()["publication_words"]:
        return False
    if word[:1].isupper() and not frame.opens_sentence():
        return True
    token = frame.last_token()
    if token is not None and token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("npadvmod",):
        return True
    name = _NAME_AFTER.match(frame.after(30))
    if name is None or lookup("months", name.group(1)) or lookup("weekdays", name.group(1)):
        return False
    return token is None or token.head.pos_ == "PROPN"


def set_every(frame: Frame) -> Reading | None:
    """"every two weeks" -> P2W; "every other day" -> P2D."""
    count = parse_number(frame.g("num")) if frame.g("num") else 1.0
    if frame.g("other"):
        count = 2.0
    value = _period(count, frame.g("unit"))
    return None if value is None else Reading("SET", value, "'every' + unit")


def clock(frame: Frame) -> Reading | None:
    """"8 a.m.", "0700 GMT", "18:00 UTC Monday" -> a TIME; its date comes from the match or context."""
    hour, minute = _clock_parts(frame)
    if hour is None:
        return None
    zone = "Z" if (frame.g("zone") or "") in words()["utc_zones"] else ""
    clock_text = f"T{hour:02d}:{minute:02d}{zone}"
    day = _clock_day(frame)
    if day is None:
        return Reading("TIME", clock_text, "clock time", needs_date=True)
    return Reading("TIME", day.value + clock_text, f"clock time on {day.resolution}", day.anchor)


def _clock_parts(frame: Frame) -> tuple[int | None, int]:
    if frame.g("clockword"):
        hour, minute = lookup("clock_words", frame.g("clockword")).split(":")
        return int(hour), int(minute)
    hour, minute = int(frame.g("hour")), int(frame.g("minute") or 0)
    ampm = (frame.g("ampm") or "").lower()
    if frame.g("night") or (frame.g("daypart") or "").lower() in ("afternoon", "evening"):
        ampm = "pm" if hour != 12 else "am"
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return hour, minute


def _clock_day(frame: Frame) -> Reading | None:
    from sitrep.extract.timex import points

    if frame.g("weekday"):
        return points.weekday(frame)
    if frame.g("dayword"):
        return points.dayword(frame)
    return None

