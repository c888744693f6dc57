"""The time layer: TIMEX3 values for what news text says about when."""
from __future__ import annotations

import datetime as dt

import pytest

import sitrep
from sitrep.extract.timex import find_times
from sitrep.extract.times import date_of
from sitrep.model import TimeExpr

TIMES_ONLY = sitrep.Settings(layers=frozenset({"times"}))
TUESDAY = dt.date(2016, 10, 18)


def _times(nlp, text: str, published: dt.date | None = TUESDAY) -> list[TimeExpr]:
    return find_times(text, nlp(text), published)


def _only(nlp, text: str, phrase: str, published: dt.date | None = TUESDAY) -> TimeExpr:
    """The one expression overlapping the first occurrence of ``phrase``."""
    start = text.index(phrase)
    hits = [t for t in _times(nlp, text, published) if t.start < start + len(phrase) and start < t.end]
    assert len(hits) == 1, f"expected one expression over {phrase!r}, got {hits}"
    return hits[0]


# --- the seed article ------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_times(seed_text):
    return sitrep.analyze(seed_text, published="2016-10-18", settings=TIMES_ONLY).times


@pytest.mark.parametrize("phrase, occurrence, value, type_", [
    ("on Tuesday", 0, "2016-10-18", "DATE"),
    ("48-hour", 0, "PT48H", "DURATION"),
    ("would halt airstrikes on Thursday", 0, "2016-10-20", "DATE"),
    ("but on Tuesday", 0, "2016-10-18", "DATE"),
    ("was to start on Thursday", 0, "2016-10-20", "DATE"),
    ("two days early", 0, "P2D", "DURATION"),
])
def test_extract_times_seed_acceptance(seed_text, seed_times, phrase, occurrence, value, type_):
    start = seed_text.index(phrase)
    hits = [t for t in seed_times if start <= t.start < start + len(phrase)]
    assert hits, f"nothing found in {phrase!r}"
    assert (hits[occurrence].value, hits[occurrence].type) == (value, type_)
    assert hits[occurrence].resolution


@pytest.mark.parametrize("phrase", ["48-hour"])
def test_extract_times_seed_never_reads_48_hour_as_a_year(seed_times, phrase):
    assert not any(t.value in ("2048", "48", "1948") for t in seed_times)
    assert [t.value for t in seed_times if t.text == phrase] == ["PT48H"]


# --- tense-aware weekdays ----------------------------------------------------------

@pytest.mark.parametrize("text, phrase, published, value", [
    ("Rebels shelled the market on Tuesday.", "Tuesday", TUESDAY, "2016-10-18"),
    ("Rebels shelled the market on Friday.", "Friday", TUESDAY, "2016-10-14"),
    ("The envoy said the army would halt airstrikes on Thursday.", "Thursday", TUESDAY, "2016-10-20"),
    ("The two delegations will meet on Thursday.", "Thursday", TUESDAY, "2016-10-20"),
    ("The truce is to start on Thursday in the north.", "Thursday", TUESDAY, "2016-10-20"),
    ("The truce was to start on Thursday, officials said.", "Thursday", TUESDAY, "2016-10-20"),
    ("The ministers are going to vote on Monday.", "Monday", TUESDAY, "2016-10-24"),
    ("Voters went to the polls last Tuesday.", "last Tuesday", TUESDAY, "2016-10-11"),
    ("Parliament reconvenes next Monday.", "next Monday", TUESDAY, "2016-10-24"),
    ("The court's ruling issued Friday was appealed.", "Friday", TUESDAY, "2016-10-14"),
])
def test_extract_times_weekday_follows_clause_tense(nlp, text, phrase, published, value):
    found = _only(nlp, text, phrase, published)
    assert found.value == value
    assert found.anchor == published.isoformat()
    assert "weekday" in found.resolution


@pytest.mark.parametrize("text, phrase, published, value", [
    ("The family has been given until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", dt.date(2016, 10, 17),
     "2016-10-18T09:00"),
    ("The monitors stayed until Friday.", "Friday", TUESDAY, "2016-10-14"),
    ("Officials postponed the vote until Friday.", "Friday", TUESDAY, "2016-10-21"),
    ("The prosecutor has scheduled a news conference Thursday.", "Thursday", TUESDAY, "2016-10-20"),
    ("The envoy met rebels on Friday. Talks resumed the next day.", "the next day", TUESDAY, "2016-10-15"),
    ("The envoy met rebels on Friday. That day, shelling stopped.", "That day", TUESDAY, "2016-10-14"),
    ("The town fell in 1998 and was retaken later that year.", "later that year", TUESDAY, "1998"),
])
def test_extract_times_deadlines_plans_and_anaphora(nlp, text, phrase, published, value):
    assert _only(nlp, text, phrase, published).value == value


@pytest.mark.parametrize("text, phrase, value", [
    ("The market rallied on Monday. Traders said the entire week had been calm.", "the entire week", "2016-W42"),
])
def test_extract_times_spacy_entities_refer_to_the_last_date(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.value) == (phrase, value)
    assert "spaCy" in found.resolution


@pytest.mark.parametrize("text, phrase", [
    ("The 6-year-old boy was returned.", "6-year-old"),
    ("Investigators searched in the weeks before the shooting.", "weeks"),
])
def test_extract_times_spacy_entities_without_a_placeable_unit_are_dropped(nlp, text, phrase):
    start = text.index(phrase)
    assert not [t for t in _times(nlp, text) if t.start < start + len(phrase) and start < t.end]


@pytest.mark.parametrize("text, phrase", [("Troops withdrew on Sunday.", "Sunday")])
def test_extract_times_weekday_without_publication_stays_open(nlp, text, phrase):
    assert _only(nlp, text, phrase, None).value == "XXXX-WXX-7"


# --- durations ------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, value", [
    ("They agreed a 48-hour pause.", "48-hour", "PT48H"),
    ("An eight-hour truce held in the east.", "eight-hour", "PT8H"),
    ("The siege lasted two days.", "two days", "P2D"),
    ("The border stayed closed for three months.", "three months", "P3M"),
    ("Talks went on for five hours.", "five hours", "PT5H"),
    ("The flight takes 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
    ("She waited half an hour.", "half an hour", "PT30M"),
    ("The war dragged on for two and a half years.", "two and a half years", "P2.5Y"),
    ("The town has been besieged for several years.", "several years", "PXY"),
    ("A 12-year programme began.", "12-year", "P12Y"),
    ("Troops stayed for two decades.", "two decades", "P20Y"),
    ("A year-long siege ended.", "year-long", "P1Y"),
    ("Aid arrived three weeks later.", "three weeks later", "P3W"),
    ("A decades-long feud ended.", "decades-long", "PXY"),
])
def test_extract_times_durations(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.type, found.value) == ("DURATION", value)


@pytest.mark.parametrize("text, phrase", [
    ("The 48-year-old commander was arrested.", "48-year-old"),
    ("Casualties rose to 2048 people.", "2048"),
    ("Up to 1500 fighters remain.", "1500"),
    ("About a quarter of the staff left.", "a quarter"),
])
def test_extract_times_ages_and_counts_are_not_times(nlp, text, phrase):
    start = text.index(phrase)
    assert not [t for t in _times(nlp, text) if t.start < start + len(phrase) and start < t.end]


@pytest.mark.parametrize("text, phrase, shift", [
    ("The ceasefire will begin two days early.", "two days", "earlier than planned"),
    ("The vote was held three days later than planned.", "three days", "later than planned"),
])
def test_extract_times_schedule_shift_is_a_duration_noting_the_shift(nlp, text, phrase, shift):
    found = _only(nlp, text, phrase)
    assert found.type == "DURATION"
    assert shift in found.resolution


# --- dates relative to publication ---------------------------------------------------

@pytest.mark.parametrize("text, phrase, value", [
    ("Aid arrived yesterday.", "yesterday", "2016-10-17"),
    ("The convoy leaves today.", "today", "2016-10-18"),
    ("The convoy leaves tomorrow.", "tomorrow", "2016-10-19"),
    ("Fighting resumed last week.", "last week", "2016-W41"),
    ("Prices rose earlier this month.", "earlier this month", "2016-10"),
    ("Elections are due next year.", "next year", "2017"),
    ("The strike happened two days ago.", "two days ago", "2016-10-16"),
    ("The town fell in 2015.", "2015", "2015"),
    ("The summit was held on October 20.", "October 20", "2016-10-20"),
    ("The accord was signed on Oct. 20, 2016 in Geneva.", "Oct. 20, 2016", "2016-10-20"),
    ("The deal expires on 20 October.", "20 October", "2016-10-20"),
    ("The city grew in the 1990s.", "the 1990s", "199"),
    ("Shelling began this morning.", "this morning", "2016-10-18TMO"),
    ("The plant closed in March 2014.", "March 2014", "2014-03"),
    ("Profits fell in the third quarter of 2016.", "third quarter of 2016", "2016-Q3"),
    ("The camp was built last summer.", "last summer", "2016-SU"),
    ("The order was signed 7/8/07.", "7/8/07", "2007-07-08"),
    ("Wars of the 20th century shaped the region.", "20th century", "19"),
    ("Revenue fell in fiscal 2015.", "fiscal 2015", "FY2015"),
    ("Licences lapse after October of next year.", "October", "2017-10"),
])
def test_extract_times_relative_dates(nlp, text, phrase, value):
    assert _only(nlp, text, phrase).value == value


@pytest.mark.parametrize("text, phrase, published, value", [
    ("The Christmas truce ended.", "Christmas", dt.date(2017, 1, 5), "2016-12-25"),
    ("Talks resume on Jan. 14.", "Jan. 14", dt.date(2016, 12, 20), "2017-01-14"),
    ("Kopp fled after the Oct. 23 killing.", "Oct. 23", dt.date(1999, 5, 6), "1998-10-23"),
    ("Shops shut on February 29.", "February 29", dt.date(2017, 3, 1), "2016-02-29"),
])
def test_extract_times_yearless_dates_pick_the_nearest_year(nlp, text, phrase, published, value):
    assert _only(nlp, text, phrase, published).value == value


@pytest.mark.parametrize("text, phrase, value, mod", [
    ("Construction stopped in mid-2015.", "mid-2015", "2015", "MID"),
    ("The reform passed in early 2009.", "early 2009", "2009", "START"),
    ("The fighting lasted more than four decades.", "more than four decades", "P40Y", "MORE_THAN"),
])
def test_extract_times_modifiers_widen_the_span(nlp, text, phrase, value, mod):
    found = _only(nlp, text, phrase)
    assert (found.text, found.value, found.mod) == (phrase, value, mod)


@pytest.mark.parametrize("text, phrase, value", [
    ("The blast hit at 0700 GMT on Tuesday.", "0700 GMT", "2016-10-18T07:00Z"),
    ("A curfew runs from 8 a.m. to 4 p.m. on Thursday.", "8 a.m.", "2016-10-20T08:00"),
    ("A curfew runs from 8 a.m. to 4 p.m. on Thursday.", "4 p.m.", "2016-10-20T16:00"),
    ("Troops crossed at 10:35 a.m.", "10:35 a.m.", "2016-10-18T10:35"),
    ("The pause runs from 0700 GMT Thursday, the army will say.", "0700 GMT Thursday", "2016-10-20T07:00Z"),
    ("The shelling stopped at noon.", "noon", "2016-10-18T12:00"),
    ("The convoy will leave at 4 in the morning on Thursday.", "4 in the morning", "2016-10-20T04:00"),
    ("The convoy left at 11 at night.", "11 at night", "2016-10-18T23:00"),
])
def test_extract_times_clock_times_take_their_day(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.type, found.value) == ("TIME", value)


@pytest.mark.parametrize("text, phrase, type_, value", [
    ("Convoys cross every week.", "every week", "SET", "P1W"),
    ("Patrols run daily.", "daily", "SET", "P1D"),
    ("Trucks come twice a month.", "a month", "SET", "P1M"),
    ("Japan posted two consecutive quarters of decline.", "two consecutive quarters", "DURATION", "P2Q"),
    ("The city is quiet now.", "now", "DATE", "PRESENT_REF"),
    ("The camp was recently expanded.", "recently", "DATE", "PAST_REF"),
    ("More aid may come in the future.", "in the future", "DATE", "FUTURE_REF"),
])
def test_extract_times_sets_and_references(nlp, text, phrase, type_, value):
    found = _only(nlp, text, phrase)
    assert (found.type, found.value) == (type_, value)


@pytest.mark.parametrize("text", [
    "You may go now, but they march in May and fall back in the fall of 2016.",
])
def test_extract_times_ambiguous_words_need_temporal_context(nlp, text):
    texts = [t.text for t in _times(nlp, text)]
    assert "May" in texts and "the fall of 2016" in texts
    assert "may" not in texts and "march" not in texts and "fall" not in texts


@pytest.mark.parametrize("text, word", [
    ("Shares continued to fall on Monday after the report.", "fall"),
    ("Exports may fall sharply, the minister warned on Friday.", "fall"),
])
def test_extract_times_verbs_spelled_like_seasons_are_not_times(nlp, text, word):
    start = text.index(word)
    assert not [t for t in _times(nlp, text) if t.start <= start < t.end]


@pytest.mark.parametrize("text, phrase, expected", [
    ("Now the mission of the force is less clear.", "Now", None),
    ("\"Now we wait,\" the spokesman said.", "Now", None),
    ("The mission of the force is now less clear.", "now", "PRESENT_REF"),
])
def test_extract_times_sentence_opening_now_is_a_discourse_marker(nlp, text, phrase, expected):
    start = text.index(phrase)
    values = [t.value for t in _times(nlp, text) if t.start <= start < t.end]
    assert values == ([] if expected is None else [expected])


@pytest.mark.parametrize("text, phrase, value", [
    ("The ratification began in February this year with Canada.", "February this year", "2016-02"),
    ("The plant closed in early March last year.", "early March last year", "2015-03"),
    ("Deliveries resume in October of next year.", "October of next year", "2017-10"),
    ("Talks opened on May 4 this year in Geneva.", "May 4 this year", "2016-05-04"),
])
def test_extract_times_month_with_relative_year_is_one_expression(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.value) == (phrase, value)


@pytest.mark.parametrize("text, phrase, value", [
    # published Tuesday 2016-10-18: a plan reported in the past may be for a day still ahead
    ("Protesters planned a large march in the capital on Wednesday.", "Wednesday", "2016-10-19"),
    ("The union scheduled a strike for Monday.", "Monday", "2016-10-17"),
    ("On Monday, the ministry planned to reopen the road.", "Monday", "2016-10-17"),
])
def test_extract_times_planned_day_is_the_nearest_one(nlp, text, phrase, value):
    assert _only(nlp, text, phrase).value == value


@pytest.mark.parametrize("text, phrase, value", [
    # published Tuesday 2016-10-18
    ("The day before last Friday's vote, talks collapsed.", "The day before last Friday", "2016-10-13"),
    ("Crowds gathered the day after Christmas.", "the day after Christmas", "2015-12-26"),
])
def test_extract_times_day_before_a_date_is_one_shifted_expression(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.value) == (phrase, value)


@pytest.mark.parametrize("text, phrase, kept", [
    ("The poster showed a scene from the film ``High Noon.''", "Noon", False),
    ("He said so on the programme \u201c60 Minutes\u201d last night.", "60 Minutes", False),
    ("Activists staged ``Spring of Life'' protests across the state.", "Spring", False),
    ("``We will meet again at noon,'' she said.", "noon", True),
    ("The ceasefire ``will begin on Thursday,'' he said.", "Thursday", True),
])
def test_extract_times_time_words_in_quoted_titles_are_not_times(nlp, text, phrase, kept):
    start = text.index(phrase)
    assert bool([t for t in _times(nlp, text) if t.start <= start < t.end]) is kept


@pytest.mark.parametrize("text", [
    "On Tuesday, 12 Oct. 2016, at 0700 GMT, two days after the 48-hour truce, fighting resumed; "
    "it will stop next week, officials said yesterday.",
])
def test_extract_times_items_point_into_the_text(nlp, text):
    found = _times(nlp, text)
    assert found
    for item in found:
        assert text[item.start:item.end] == item.text
        assert item.resolution
        assert item.type in ("DATE", "TIME", "DURATION", "SET")


# --- date_of --------------------------------------------------------------------------

@pytest.mark.parametrize("type_, value, expected", [
    ("DATE", "2016-10-20", "2016-10-20"),
    ("TIME", "2016-10-20T08:00", "2016-10-20"),
    ("TIME", "2016-10-20TMO", "2016-10-20"),
    ("DATE", "2016-10", "2016-10"),
    ("DATE", "2016", "2016"),
    ("DATE", "2016-W42", "2016"),
    ("DATE", "2016-Q3", "2016"),
    ("DATE", "PRESENT_REF", None),
    ("DATE", "XXXX-XX-XX", None),
    ("DURATION", "P2D", None),
    ("SET", "P1W", None),
])
def test_extract_times_date_of_gives_calendar_values(type_, value, expected):
    assert date_of(TimeExpr(text="x", start=0, end=1, type=type_, value=value)) == expected


# --- tense: perfects look back, only a completing infinitive plans ---------------------

@pytest.mark.parametrize("text, phrase, published, value", [
    # a perfect progressive looks back: the yearless date lies before publication
    ("Police have been hunting the gunman since the Nov. 20 shooting.", "Nov. 20", dt.date(2016, 5, 4),
     "2015-11-20"),
    # an infinitive that is the subject ("the first ... to join") plans nothing
    ("Among the first states to join the pact on Friday were Chile and Peru.", "Friday", TUESDAY, "2016-10-14"),
])
def test_extract_times_tense_of_perfects_and_subject_infinitives(nlp, text, phrase, published, value):
    assert _only(nlp, text, phrase, published).value == value


# --- weeks of a month, a year-earlier twin, ranges, coordinated decades ------------------

@pytest.mark.parametrize("text, phrase, value", [
    ("The inquiry opens the week of Nov. 7.", "the week of Nov. 7", "2016-W45"),
    ("Exports slumped in the first week of August.", "the first week of August", "2016-W31"),
    ("Prices peaked in the last week of July 2015.", "the last week of July 2015", "2015-W31"),  # 27 Jul-2 Aug
])
def test_extract_times_week_of_a_month_is_an_iso_week(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.type, found.value) == (phrase, "DATE", value)


@pytest.mark.parametrize("text, phrase, value", [
    ("She was arrested last Sept. 9 in Lyon.", "last Sept. 9", "2016-09-09"),
    ("She was arrested last Dec. 9 in Lyon.", "last Dec. 9", "2015-12-09"),
    ("The talks resume next Jan. 12 in Geneva.", "next Jan. 12", "2017-01-12"),
])
def test_extract_times_direction_before_month_and_day_picks_the_year(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.value) == (phrase, value)


@pytest.mark.parametrize("text, phrase, value", [
    ("Exports fell 4% in August compared with the same period last year.", "the same period last year", "2015-08"),
    ("Output rose in the third quarter of 2015, more than in the same quarter a year earlier.",
     "the same quarter a year earlier", "2014-Q3"),
    ("Rents rose in March against the same month a year before.", "the same month a year before", "2015-03"),
])
def test_extract_times_same_period_a_year_back_takes_the_last_period_named(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.value) == (phrase, value)
    assert "a year before" in found.resolution


@pytest.mark.parametrize("text, phrase, value", [
    ("The repairs will take between 30 and 45 days.", "30", "P30D"),
    ("The repairs will take between 30 and 45 days.", "45 days", "P45D"),
    ("Talks could last two or three weeks.", "two", "P2W"),
])
def test_extract_times_number_range_shares_its_unit(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.type, found.value) == (phrase, "DURATION", value)


@pytest.mark.parametrize("text, phrase, value", [
    ("Music of the 60s and 70s filled the hall.", "70s", "197"),
    ("Output grew through the 1980s and 90s.", "90s", "199"),
])
def test_extract_times_coordinated_bare_decade(nlp, text, phrase, value):
    assert _only(nlp, text, phrase).value == value


@pytest.mark.parametrize("text", [
    "Most patients were in their 60s and 70s.",
])
def test_extract_times_ages_in_the_seventies_are_not_decades(nlp, text):
    assert _times(nlp, text) == []


@pytest.mark.parametrize("text, phrase, value", [
    ("The index lost a third of its value in minutes.", "minutes", "PTXM"),
    ("Unemployment hit a low not seen in years.", "years", "PXY"),
    ("The village has changed through the decades.", "decades", "PXY"),
])
def test_extract_times_bare_plural_units_after_a_preposition_are_vague_durations(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.type, found.value) == ("DURATION", value)


# --- words that look like times but are not ----------------------------------------

@pytest.mark.parametrize("text", [
    "Markets remembered Black Monday with unease.",
    "The firm signed a long-term lease for the depot.",
    "The bank closed 120, or about a quarter, of its branches.",
])
def test_extract_times_names_adjectives_and_shares_are_not_times(nlp, text):
    assert _times(nlp, text) == []


@pytest.mark.parametrize("text, phrase, value", [
    ("The alliance will hold in the long term.", "the long term", "FUTURE_REF"),
])
def test_extract_times_the_long_term_as_a_noun_is_still_a_reference(nlp, text, phrase, value):
    assert _only(nlp, text, phrase).value == value


@pytest.mark.parametrize("text, phrase, value", [
    ("The summit will meet on June 8 and 9.", "9", "2017-06-09"),
    ("Polls open on Nov. 3-4, 2015.", "4, 2015", "2015-11-04"),
])
def test_extract_times_coordinated_day_takes_the_month_before(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.type, found.value) == ("DATE", value)


@pytest.mark.parametrize("text", [
    "The council voted 4-2 and 3 members abstained.",
])
def test_extract_times_coordinated_number_without_a_month_is_no_day(nlp, text):
    assert _times(nlp, text) == []


@pytest.mark.parametrize("text, phrase, value", [
    ("The vote was held on Oct. 2. Riots broke out the day after the count.", "the day after", "2016-10-03"),
    ("She was last seen Sept. 9, the day before the raid began.", "the day before", "2016-09-09"),
])
def test_extract_times_day_around_an_event_counts_from_the_last_date(nlp, text, phrase, value):
    assert _only(nlp, text, phrase).value == value


@pytest.mark.parametrize("text, phrase, published, value", [
    ("Churches filled on Good Friday.", "Good Friday", dt.date(2016, 4, 5), "2016-03-25"),
    ("Pilgrims arrived as Easter week began.", "Easter week", dt.date(2000, 4, 17), "2000-W16"),
    ("Crowds gathered on Easter Monday, 2019.", "Easter Monday, 2019", TUESDAY, "2019-04-22"),
])
def test_extract_times_easter_holidays_follow_the_computus(nlp, text, phrase, published, value):
    found = _only(nlp, text, phrase, published)
    assert (found.text, found.value) == (phrase, value)


# --- what TIMEX3 does not mark (issue #4) -----------------------------------------

@pytest.mark.parametrize("text, word", [
    ("The Communist Party daily Granma printed the letter on Friday.", "daily"),
    ("A columnist in the Daily Telegraph disagreed on Friday.", "Daily"),
])
def test_extract_times_publication_words_name_newspapers(nlp, text, word):
    start = text.index(word)
    assert not [t for t in _times(nlp, text) if t.start <= start < t.end]
    assert [t.value for t in _times(nlp, text) if t.text == "Friday"] == ["2016-10-14"]


@pytest.mark.parametrize("text, phrase, value", [
    ("Volunteers gather daily outside the house.", "daily", "P1D"),
    ("He spoke in his weekly radio address.", "weekly", "P1W"),
])
def test_extract_times_publication_words_keep_their_frequency_elsewhere(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.type, found.value) == ("SET", value)


@pytest.mark.parametrize("text, word", [
    ("We face a future in which weapons will be more destructive.", "future"),
    ("The antenna of their most recent model drew complaints.", "recent"),
    ("Doctors were killed, most recently in a sniper attack.", "recently"),
])
def test_extract_times_references_after_an_article_or_superlative_are_not_times(nlp, text, word):
    start = text.index(word)
    assert not [t for t in _times(nlp, text) if t.start <= start < t.end]


@pytest.mark.parametrize("text, phrase, value", [
    ("Nobody can say what the future holds for the camp.", "the future", "FUTURE_REF"),
    ("The camp was recently expanded.", "recently", "PAST_REF"),
])
def test_extract_times_references_with_the_article_are_still_times(nlp, text, phrase, value):
    assert _only(nlp, text, phrase).value == value


@pytest.mark.parametrize("text, phrase", [
    ("The Russell 2000 Index of smaller companies dropped.", "2000"),
    ("The firm still runs Windows 2000 Server on its tills.", "2000"),
])
def test_extract_times_years_inside_names_are_not_times(nlp, text, phrase):
    start = text.index(phrase)
    assert not [t for t in _times(nlp, text) if t.start <= start < t.end]


@pytest.mark.parametrize("text, phrase, value", [
    ("In 2000 Congress passed the law.", "2000", "2000"),
    ("The June 2000 Report was cited.", "June 2000", "2000-06"),
])
def test_extract_times_years_beside_capitalised_words_stay_years(nlp, text, phrase, value):
    assert _only(nlp, text, phrase).value == value


@pytest.mark.parametrize("text, day", [
    ("The hearing was on Monday. During the day Friday, the boy played outside.", "Friday"),
])
def test_extract_times_the_day_before_a_named_day_is_that_day(nlp, text, day):
    found = [t for t in _times(nlp, text) if "day" in t.text.lower() and t.start > text.index("During")]
    assert [t.text for t in found] == [day]


@pytest.mark.parametrize("text", [
    "Elian's teacher from his year in kindergarten came to the hearing.",
])
def test_extract_times_a_possessors_own_year_is_not_the_last_date(nlp, text):
    assert [t for t in _times(nlp, text) if "year" in t.text] == []


@pytest.mark.parametrize("text, phrase, value", [
    ("Guards should stand outside every clinic, 24 hours a day.", "24 hours a day", "P1D"),
    ("The clinic opens three days a week.", "three days a week", "P1W"),
])
def test_extract_times_amount_per_unit_is_one_set(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.type, found.value) == (phrase, "SET", value)


@pytest.mark.parametrize("text, value", [
    ("The plant closed last March. Its owner left town that same day.", "2016-03-XX"),
    ("The plant closed on March 3. Its owner left town that same day.", "2016-03-03"),
    ("The plant closed on March 3. In April it was sold. Later that day the buyer spoke.", "2016-04-XX"),
    ("The plant closed on March 3, having opened in June 1961. Later that day the staff left.", "2016-03-03"),
])
def test_extract_times_that_day_is_a_day_of_the_time_last_named(nlp, text, value):
    assert _only(nlp, text, "that").value == value


@pytest.mark.parametrize("text, phrase, present", [
    ("For the small parties, high noon comes today.", "noon", False),
    ("For the small parties, the count ends at noon today.", "noon", True),
])
def test_extract_times_high_noon_is_an_idiom_not_a_clock_time(nlp, text, phrase, present):
    start = text.index(phrase)
    assert bool([t for t in _times(nlp, text) if t.start <= start < t.end]) is present


@pytest.mark.parametrize("text, phrase, value", [
    ("The dam was finished in 1961. In the years that followed, the valley flooded.", "years", "PXY"),
    ("The strike began in May. The months that came after were hard for the miners.", "months", "PXM"),
])
def test_extract_times_the_units_that_followed_are_a_vague_duration(nlp, text, phrase, value):
    found = _only(nlp, text, f"{phrase} that")
    assert (found.text, found.type, found.value) == (phrase, "DURATION", value)


@pytest.mark.parametrize("text, phrase, type_, value", [
    ("The union struck in each of the last three years.", "the last three years", "SET", "P1Y"),
    ("Sales fell in every one of the past two months.", "the past two months", "SET", "P1M"),
    ("Sales fell over the past two months.", "the past two months", "DURATION", "P2M"),
])
def test_extract_times_each_of_the_last_units_is_a_set_of_single_units(nlp, text, phrase, type_, value):
    found = _only(nlp, text, phrase)
    assert (found.type, found.value) == (type_, value)


@pytest.mark.parametrize("text, value", [
    ("The strike is for today's youth what the war was for their parents.", "PRESENT_REF"),
    ("In today's world, a rumour crosses the border in minutes.", "PRESENT_REF"),
    ("Today's vote in the council was close.", "2016-10-18"),
])
def test_extract_times_todays_people_or_era_is_the_present(nlp, text, value):
    assert _only(nlp, text, "oday").value == value


@pytest.mark.parametrize("text, phrase, published, value", [
    ("Rallies are planned for the weekend of March 5.", "the weekend of March 5", dt.date(2016, 2, 20),
     "2016-W09-WE"),
    ("The market opened on the weekend of Dec. 12, 2015.", "the weekend of Dec. 12, 2015", TUESDAY,
     "2015-W50-WE"),
    ("Rallies are planned for the weekend of March 5.", "the weekend of March 5", None, "XXXX-WXX-WE"),
])
def test_extract_times_weekend_of_a_day_is_that_weeks_weekend(nlp, text, phrase, published, value):
    found = _only(nlp, text, phrase, published)
    assert (found.text, found.value) == (phrase, value)


@pytest.mark.parametrize("text, phrase, published, value", [
    ("The deal was signed in the second half of 2015.", "the second half of 2015", TUESDAY, "2015-H2"),
    ("Growth will slow in the first half of next year.", "the first half of next year", TUESDAY, "2017-H1"),
    ("Sales rose in the first half of this year.", "the first half of this year", None, "XXXX-H1"),
])
def test_extract_times_half_of_a_year_is_h1_or_h2(nlp, text, phrase, published, value):
    found = _only(nlp, text, phrase, published)
    assert (found.text, found.type, found.value) == (phrase, "DATE", value)


@pytest.mark.parametrize("text", ["He scored twice in the first half of the match."])
def test_extract_times_half_of_a_game_is_not_a_time(nlp, text):
    assert _times(nlp, text) == []


@pytest.mark.parametrize("text, phrase, value", [
    ("Talks resumed the week before last.", "the week before last", "2016-W40"),
    ("The vote is due the month after next.", "the month after next", "2016-12"),
    ("Exports fell the year before last.", "the year before last", "2014"),
])
def test_extract_times_unit_before_last_or_after_next_is_two_units_away(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.type, found.value) == (phrase, "DATE", value)


@pytest.mark.parametrize("text, phrase, value", [
    ("Protesters gathered this past weekend.", "this past weekend", "2016-W41-WE"),
    ("The past weekend was calm in the capital.", "The past weekend", "2016-W41-WE"),
    ("Voters go to the polls this coming weekend.", "this coming weekend", "2016-W42-WE"),
])
def test_extract_times_weekend_takes_in_its_article_or_this(nlp, text, phrase, value):
    found = _only(nlp, text, phrase)
    assert (found.text, found.value) == (phrase, value)
