"""Normalisers for points on the calendar: dates, months, years, weekdays, seasons.

Each takes a :class:`Frame` and returns a :class:`Reading` (or None to drop
the match). Without a publication date, what needs one is left as X's.
"""
from __future__ import annotations

import datetime as dt
import re

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex.lexicon import lookup, normal_key, words
from sitrep.extract.timex.reading import Frame, Reading, Reference
from sitrep.extract.timex.tense import FUTURE, PAST

#: What a clause with no readable tense defaults to (news mostly reports the past).
DEFAULT_DIRECTION = PAST


def _direction(frame: Frame) -> int | None:
    """-1/0/+1 from an explicit "last"/"this"/"next", else None."""
    word = frame.g("dir")
    return None if word is None else int(lookup("directions", word))


def _tense_word(frame: Frame) -> str:
    return frame.tense or DEFAULT_DIRECTION


def _month_of(frame: Frame) -> int | None:
    if frame.g("mm"):
        return int(frame.g("mm"))
    return lookup("months", frame.g("month"))


def _ambiguous_bare_name(frame: Frame, name: str) -> bool:
    """True for "May"/"March"/"fall" with nothing before them that makes them temporal.

    The parse has the last word: "continue to fall" has a temporal-looking
    "to" before it, but the tagger reads "fall" as the verb it is.
    """
    if name.lower() not in words()["ambiguous_names"] or frame.g("dir"):
        return False
    token = frame.last_token()
    if token is not None and token.pos_ in _VERB_TAGS:
        return True
    return frame.word_before() not in words()["temporal_prepositions"]


#: Coarse part-of-speech tags under which a month or season name is a verb ("to fall", "may").
_VERB_TAGS = frozenset({"VERB", "AUX"})


def calendar_date(frame: Frame) -> Reading | None:
    """Month names and numbers with or without day and year ("Oct. 20, 2016", "20 October", "May")."""
    month = _month_of(frame)
    day = frame.g("day") or frame.g("dd")
    year = frame.g("year")
    if month is None:
        return None
    relative_year = frame.g("relyear")  # "February this year"
    bare = day is None and year is None and not relative_year
    if bare and _ambiguous_bare_name(frame, frame.g("month") or ""):
        return None
    if year is not None:
        return _explicit(int(year), month, day)
    if relative_year and frame.published is not None:
        shift = int(lookup("directions", relative_year))
        reading = _explicit(frame.published.year + shift, month, day)
        if reading is not None:
            reading.resolution, reading.anchor = f"month of the year {shift:+d} from publication", frame.anchor
        return reading
    return _yearless(frame, month, None if day is None else int(day))


def _explicit(year: int, month: int, day: str | None) -> Reading | None:
    if day is None:
        return Reading("DATE", cal.month_value(year, month), "explicit month and year")
    date = cal.safe_date(year, month, int(day))
    if date is None:
        return None
    return Reading("DATE", cal.day_value(date), "explicit date")


def _yearless(frame: Frame, month: int, day: int | None) -> Reading | None:
    """A month (and day) without a year: the year is the publication's, moved by "last"/"next" or tense."""
    if frame.published is None:
        value = f"XXXX-{month:02d}" + ("" if day is None else f"-{day:02d}")
        return Reading("DATE", value, "month without year, no publication date")
    year_num, rule = pick_year(frame, month, day)
    if day is None:
        return Reading("DATE", cal.month_value(year_num, month), rule, frame.anchor)
    date = cal.safe_date(year_num, month, day)
    return None if date is None else Reading("DATE", cal.day_value(date), rule, frame.anchor)


def pick_year(frame: Frame, month: int, day: int | None) -> tuple[int, str]:
    """The year for a yearless month/day near publication.

    "last"/"next"/"this" decide outright. Otherwise the nearest of the
    publication year and its neighbours wins, where a date on the wrong side
    for the clause's tense (after publication in a past clause, before it in
    a future one) counts as WRONG_SIDE_DAYS further away: "Jan. 14" in a
    past clause published 7 January stays in January of that year, but
    "Oct. 23" in a past clause published in May goes back a year.
    """
    pub = frame.published
    direction = _direction(frame)
    key, here = (month, day or 0), (pub.month, pub.day if day is not None else 0)
    if direction == -1:
        return pub.year - (1 if key >= here else 0), "month after 'last': latest before publication"
    if direction == 1:
        return pub.year + (1 if key <= here else 0), "month after 'next': earliest after publication"
    if direction == 0:
        return pub.year, "month after 'this': publication year"
    tense = frame.tense
    years = [pub.year + step for step in (-1, 0, 1) if cal.safe_date(pub.year + step, month, day or 1)]
    if not years:
        return pub.year, "no year and no such date near publication"
    best = min(years, key=lambda y: _distance(pub, y, month, day, tense))
    return best, f"no year, {tense or 'untensed'} clause: nearest such date to publication"


#: Extra distance (days) for a yearless date on the side of publication its clause's tense rules out.
WRONG_SIDE_DAYS = 240


def _distance(pub: dt.date, year_num: int, month: int, day: int | None, tense: str | None) -> int:
    first = dt.date(year_num, month, day or 1)
    if day:
        last = first
    else:
        last = dt.date(*cal.shift_months(year_num, month, 1), 1) - dt.timedelta(days=1)
    if first <= pub <= last:
        return 0
    after = first > pub
    gap = (first - pub).days if after else (pub - last).days
    if (after and tense == PAST) or (not after and tense == FUTURE):
        gap += WRONG_SIDE_DAYS
    return gap


def coordinated_day(frame: Frame) -> Reading | None:
    """The "9" of "June 8 and 9": a day of the month named just before, with that date's year."""
    head = frame.text[max(0, frame.start - 30):frame.start]
    found = _MONTH_DAY_BEFORE.search(head)
    month = None if found is None else lookup("months", found.group(1))
    if month is None:
        return None
    if frame.g("year"):
        return _explicit(int(frame.g("year")), month, frame.g("day"))
    return _yearless(frame, month, int(frame.g("day")))


#: "April 24 and ", "Oct. 3-": a month and day just before a coordinated day.
_MONTH_DAY_BEFORE = re.compile(r"\b([A-Z][a-z]{2,8})\.? \d{1,2}(?:st|nd|rd|th)?(?: (?:and|or|to) |-)$")


def week_of(frame: Frame) -> Reading | None:
    """"the week of Nov. 7", "the last week of July" -> the ISO week (``2016-W45``).

    The nth week of a month is the one that holds its day 4 + 7(n-1) (most of
    its days then lie in the month); the last week holds the month's fourth-last day.
    "the weekend of March 5" is the weekend of the week that holds the day (``2016-W09-WE``).
    """
    month = _month_of(frame)
    day = frame.g("day")
    if frame.g("year"):
        year_num, rule = int(frame.g("year")), "explicit"
    elif frame.published is None:
        tail = "-WE" if frame.g("weekend") else ""
        return Reading("DATE", f"XXXX-WXX{tail}", "week of a month, no publication date")
    else:
        year_num, rule = pick_year(frame, month, int(day) if day else None)
    if day:
        date = cal.safe_date(year_num, month, int(day))
    else:
        nth = int(lookup("week_ordinals", frame.g("nth")))
        last = dt.date(*cal.shift_months(year_num, month, 1), 1) - dt.timedelta(days=1)
        date = last - dt.timedelta(days=3) if nth < 0 else cal.safe_date(year_num, month, 4 + 7 * (nth - 1))
    if date is None:
        return None
    if frame.g("weekend"):
        return Reading("DATE", cal.week_value(date) + "-WE", f"weekend of a day; year: {rule}", frame.anchor)
    return Reading("DATE", cal.week_value(date), f"week of a month; year: {rule}", frame.anchor)


def numeric_date(frame: Frame) -> Reading | None:
    """US-style ``7/8/07`` and ``10/20/2016`` (month first)."""
    yy = frame.g("yy")
    year = int(yy)
    if len(yy) == 2:
        base = frame.published.year if frame.published else 2000
        year = base - base % 100 + year
        if year > base + 10:
            year -= 100
    date = cal.safe_date(year, int(frame.g("mm")), int(frame.g("dd")))
    return None if date is None else Reading("DATE", cal.day_value(date), "numeric date, month first")


def year(frame: Frame) -> Reading | None:
    """A four-digit year ("in 2015"); "fiscal 2007"/"FY2007" becomes FY2007."""
    matched = frame.text[frame.start:frame.end]
    if frame.g("short"):
        return _short_year(frame, int(frame.g("short")))
    value = frame.g("year")
    if _counts_something(frame) or _inside_a_name(frame):
        return None
    if not matched[:1].isdigit():
        return Reading("DATE", f"FY{value}", "explicit fiscal year")
    return Reading("DATE", value, "explicit year")


#: Entity labels that mark a four-digit number as a count or amount, not a year.
_NOT_YEAR_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})


def _counts_something(frame: Frame) -> bool:
    """"2048 people", "1500 fighters": a number that counts a noun is no year."""
    token = frame.last_token()
    if token is None:
        return False
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.tag_ in ("DT", "PRP$", "POS"):
        return False  # "the 1996 law", "its 2011 version"
    if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        return True  # "2048 people"
    if before is not None and before.lower_ in words()["temporal_prepositions"]:
        return False  # "in 2015", even where the tagger calls it a number
    return token.ent_type_ in _NOT_YEAR_LABELS


_NAME_BEFORE = re.compile(r"(?:^|[\s(\"])([A-Z][A-Za-z]+)[ ]$")
_NAME_AFTER = re.compile(r"^[ ]+[A-Z][a-z]")


def _inside_a_name(frame: Frame) -> bool:
    """"the Russell 2000 Index", "Windows 2000 Server": a number inside a proper name.

    The year must sit between two capitalised words, the first of which is
    no time word ("June 2000 Report" keeps its month) and, with a parse, a
    proper noun (a capitalised sentence opener such as "In" is not).
    """
    if frame.g("year") is None or not _NAME_AFTER.match(frame.after(4)):
        return False
    found = _NAME_BEFORE.search(frame.text[max(0, frame.start - 30):frame.start])
    if found is None or _is_time_word(found.group(1)):
        return False
    token = frame.last_token()
    if token is None or token.i == 0:
        return token is None
    return token.nbor(-1).pos_ == "PROPN"


def _is_time_word(word: str) -> bool:
    tables = ("months", "weekdays", "seasons", "holidays_fixed", "holidays_floating")
    return word.lower() in words()["temporal_prepositions"] or any(lookup(t, word) for t in tables)


def _short_year(frame: Frame, digits: int) -> Reading:
    """"since '82": the latest year ending in those digits not after publication."""
    base = frame.published.year if frame.published else 2000
    value = base - base % 100 + digits
    if value > base:
        value -= 100
    span = (frame.start + len(frame.g("lead") or "") + 1, frame.end) if frame.g("lead") else None
    return Reading("DATE", str(value), "two-digit year, latest not after publication", frame.anchor, span=span)


_SHIFTS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "after": 1, "before": -1}


def anaphor(frame: Frame) -> Reading | None:
    """"that day", "the same year", "the next morning": resolved from the last date named (see anaphora)."""
    unit = frame.g("unit").lower()
    if unit == "day" and _date_follows(frame):
        return None  # "during the day Friday": the day is the date named right after it
    shift = _SHIFTS.get((frame.g("rel") or "").lower(), 0)
    if frame.text[max(0, frame.start - 2):frame.start] == ", " and frame.g("rel") in ("after", "before"):
        shift = 0  # "seen Sept. 9, the day before the raid": the day just named
    part = lookup("day_parts", unit) if unit not in ("day", "week", "month", "year") else None
    if part:
        unit = "day"
    kind = "TIME" if part else "DATE"
    demonstrative = frame.g("rel") is None and _DEMONSTRATIVE.search(frame.text[frame.start:frame.end]) is not None
    return Reading(kind, "", f"{unit} named earlier in the text, {shift:+d}",
                   refers=Reference(unit, shift, part or "", demonstrative))


#: "that day", "the same day", "that same day": the time just mentioned, whatever its precision.
_DEMONSTRATIVE = re.compile(r"\b(?:that|same)\b", re.IGNORECASE)


_NEXT_WORD = re.compile(r"^[ ,]+([\w.]+)")


def _date_follows(frame: Frame) -> bool:
    """True when a weekday, a deictic day or a month is the next word ("the day Friday")."""
    found = _NEXT_WORD.match(frame.after(20))
    if found is None:
        return False
    word = found.group(1)
    if word[:1].isupper() and (lookup("weekdays", word) or lookup("months", word)):
        return True
    return lookup("day_words", word) is not None


def same_period(frame: Frame) -> Reading | None:
    """"the same period last year", "the same quarter a year earlier": the last period named, a year back.

    Results sections compare a period with its twin a year before; the period
    is whatever was last named (a month, a quarter, a day), kept at that
    precision ("the same month" keeps only its month).
    """
    if frame.g("unit").lower() == "month":
        return Reading("DATE", "", "the month named earlier in the text, a year before",
                       refers=Reference("month", -12))
    return Reading("DATE", "", "the period named earlier in the text, a year before",
                   refers=Reference("period", -1))


def century(frame: Frame) -> Reading | None:
    """"the 20th century" -> 19 (TIMEX3 names a century by its first two digits)."""
    number = int(frame.g("cent"))
    return None if number < 1 else Reading("DATE", f"{number - 1:02d}", "explicit century")


#: The decade before "and 70s" in "the 60s and 70s", "the 1960s and 70s", "'60s and 70s".
_FIRST_DECADE = re.compile(r"(?:\b[Tt]he (?:1[5-9]|20)?\d0s|\b(?:1[5-9]|20)\d0s|['\u2019]\d0s) (?:and|or|to) $")


def decade(frame: Frame) -> Reading | None:
    """"the 1990s" -> 199; "the '80s" -> the latest such decade not after publication."""
    if frame.g("decade"):
        return Reading("DATE", frame.g("decade")[:3], "explicit decade")
    if frame.g("coord") and not _FIRST_DECADE.search(frame.text[max(0, frame.start - 20):frame.start]):
        return None  # "in their 60s and 70s": ages, not decades
    tens = frame.g("decade2")[0]
    base = frame.published.year if frame.published else 2000
    century = base // 100
    if int(f"{century}{tens}0") > base:
        century -= 1
    return Reading("DATE", f"{century}{tens}", "two-digit decade, latest before publication", frame.anchor)


def holiday(frame: Frame) -> Reading | None:
    """Fixed and floating holidays, with the year from the text or the publication date."""
    name = frame.g("holiday")
    year_text = frame.g("year")
    if year_text is None and frame.published is None:
        return None
    year_num = int(year_text) if year_text else frame.published.year
    date = _holiday_date(name, year_num)
    value = cal.week_value if frame.g("hweek") else cal.day_value
    if year_text is None and date is not None:
        picked, rule = pick_year(frame, date.month, date.day)
        date = _holiday_date(name, picked)
        return Reading("DATE", value(date), f"holiday; {rule}", frame.anchor)
    return None if date is None else Reading("DATE", value(date), "holiday with year")


def _holiday_date(name: str, year_num: int) -> dt.date | None:
    fixed = lookup("holidays_fixed", name)
    if fixed:
        month, day = (int(x) for x in fixed.split("-"))
        return dt.date(year_num, month, day)
    rule = lookup("holidays_floating", name)
    if not rule:
        return None
    if "easter" in rule:
        return cal.easter_sunday(year_num) + dt.timedelta(days=rule["easter"])
    if rule.get("after_monday"):
        return cal.nth_weekday(year_num, rule["month"], 1, 1) + dt.timedelta(days=1)
    return cal.nth_weekday(year_num, rule["month"], rule["weekday"], rule["nth"])


def weekday(frame: Frame) -> Reading | None:
    """A weekday resolved against publication: "last"/"next"/"this" first, else the clause's tense."""
    number = lookup("weekdays", frame.g("weekday"))
    part = lookup("day_parts", frame.g("daypart"))
    if frame.g("dir") is None and _names_the_day(frame):
        return None  # "Black Monday", "Good Friday": a named day, not the nearest Monday
    if frame.published is None:
        return _with_part(Reading("DATE", f"XXXX-WXX-{number}", "weekday, no publication date"), part)
    date, rule = resolve_weekday(frame, number)
    return _with_part(Reading("DATE", cal.day_value(date), rule, frame.anchor), part)


def _names_the_day(frame: Frame) -> bool:
    """True after a capitalised word of ``weekday_name_words`` ("Black Monday", "Super Tuesday")."""
    head = frame.text[max(0, frame.start - 20):frame.start]
    found = re.search(r"([A-Z][a-z]+)[ -]$", head)
    return found is not None and found.group(1).lower() in words()["weekday_name_words"]


def resolve_weekday(frame: Frame, number: int) -> tuple[dt.date, str]:
    pub = frame.published
    direction = _direction(frame)
    if direction == -1:
        return cal.weekday_on_or_before(pub, number, strict=True), "weekday after 'last': latest before publication"
    if direction == 1:
        return cal.weekday_on_or_after(pub, number, strict=True), "weekday after 'next': earliest after publication"
    if direction == 0:
        return cal.weekday_in_week(pub, number), "weekday after 'this': publication week"
    tense = frame.tense
    if tense == FUTURE:
        return cal.weekday_on_or_after(pub, number), "weekday, future clause: next on/after publication"
    before = cal.weekday_on_or_before(pub, number)
    if tense != PAST:
        after = cal.weekday_on_or_after(pub, number)
        if (after - pub) < (pub - before):
            return after, f"weekday, {tense or 'untensed'} clause: nearest to publication"
    return before, f"weekday, {tense or 'untensed'} clause: latest on/before publication"


def _with_part(reading: Reading, part: str | None) -> Reading:
    if part is None:
        return reading
    reading.type = "TIME"
    reading.value = f"{reading.value}T{part}"
    return reading


def dayword(frame: Frame) -> Reading | None:
    """"today", "yesterday", "tomorrow" (with an optional part of day)."""
    offset = lookup("day_words", frame.g("dayword"))
    part = lookup("day_parts", frame.g("daypart"))
    if part is None and _era_possessive(frame):
        return Reading("DATE", "PRESENT_REF", "'today's' + a people or era noun: the present, not the day",
                       frame.anchor)
    if frame.g("dayword").lower() == "tonight":
        part = part or "NI"
    if frame.published is None:
        return _with_part(Reading("DATE", "XXXX-XX-XX", "deictic day, no publication date"), part)
    date = frame.published + dt.timedelta(days=offset)
    return _with_part(Reading("DATE", cal.day_value(date), f"deictic day, {offset:+d} from publication",
                              frame.anchor), part)


_POSSESSED = re.compile(r"^['\u2019]s\s+([a-z]+(?:[ -][a-z]+)?)")


def _era_possessive(frame: Frame) -> bool:
    """"today's youth", "today's world": the present age, not the day of publication."""
    if frame.g("dayword").lower() != "today":
        return False
    found = _POSSESSED.match(frame.after(30))
    if found is None:
        return False
    nouns = words()["era_nouns"]
    return found.group(1).split()[0] in nouns or found.group(1).replace("-", " ") in nouns


def this_daypart(frame: Frame) -> Reading | None:
    """"this morning" (publication day), "last night" (the day before)."""
    part = lookup("day_parts", frame.g("daypart"))
    back = frame.text[frame.start:frame.end].lower().startswith("last")
    if frame.published is None:
        return Reading("TIME", f"XXXX-XX-XXT{part}", "part of day, no publication date")
    date = frame.published - dt.timedelta(days=1 if back else 0)
    return Reading("TIME", f"{cal.day_value(date)}T{part}", "part of day relative to publication", frame.anchor)


def weekend(frame: Frame) -> Reading | None:
    """A weekend: ``2016-W42-WE``, the one before or after publication by direction or tense."""
    if frame.published is None:
        return Reading("DATE", "XXXX-WXX-WE", "weekend, no publication date")
    direction = _direction(frame)
    if direction is None or normal_key(frame.g("dir")) in words()["upcoming_directions"]:
        # no direction word: the clause's tense picks the side; "the coming weekend" is the nearest ahead
        forward = direction == 1 or _tense_word(frame) == FUTURE
        saturday = (cal.weekday_on_or_after(frame.published, 6) if forward
                    else cal.weekday_on_or_before(frame.published, 6))
    else:
        saturday = cal.weekday_in_week(frame.published, 6) + dt.timedelta(weeks=direction)
    return Reading("DATE", cal.week_value(saturday) + "-WE", "weekend relative to publication", frame.anchor)


def season(frame: Frame) -> Reading | None:
    """"last fall" -> 2015-FA; "spring 2009" -> 2009-SP."""
    code = lookup("seasons", frame.g("season"))
    if frame.g("year"):
        return Reading("DATE", f"{frame.g('year')}-{code}", "explicit season and year")
    if frame.g("dir") is None and _ambiguous_bare_name(frame, frame.g("season")):
        return None
    if frame.g("dir") is None and frame.word_before() == "the":
        return None  # "the fall" was judged as a whole (with its article) and refused
    if frame.published is None:
        return Reading("DATE", f"XXXX-{code}", "season, no publication date")
    direction = _direction(frame)
    year_num = frame.published.year
    if direction:
        year_num = _season_year(frame.published, code, direction)
    return Reading("DATE", f"{year_num}-{code}", "season relative to publication", frame.anchor)


#: Month each season starts in (northern hemisphere); a season lasts three months.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_year(pub: dt.date, code: str, direction: int) -> int:
    """"last summer": the latest one over before publication; "next summer": the first not yet begun."""
    start = SEASON_START[code]
    if direction < 0:
        over = [y for y in (pub.year, pub.year - 1, pub.year - 2)
                if dt.date(*cal.shift_months(y, start, 3), 1) <= pub]
        return over[0]
    return pub.year if dt.date(pub.year, start, 1) > pub else pub.year + 1
