"""Scorers of the time layer: gold readers, matching, and the figures on the dev gold."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.time import (GoldTimex, _match, canonical_value, read_meantime, read_tml, same_value,
                              score_meantime, score_tempeval3)
from sitrep.model import TimeExpr

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2016-10-18" functionInDocument="CREATION_TIME">2016-10-18</TIMEX3></DCT>
<TITLE>Not scored <TIMEX3 tid="t9" type="DATE" value="2016">2016</TIMEX3></TITLE>
<TEXT>
Aid &amp; food <EVENT eid="e1">arrived</EVENT> <TIMEX3 tid="t1" type="DATE" value="2016-10-18">Tuesday</TIMEX3> for a <TIMEX3 tid="t2" type="DURATION" value="PT48H">48-hour</TIMEX3> pause.
</TEXT>
</TimeML>
"""

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Truce</token>
<token number="1" sentence="0" t_id="2">holds</token>
<token number="2" sentence="1" t_id="3">October</token>
<token number="3" sentence="1" t_id="4">18</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2016</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">began</token>
<token number="8" sentence="2" t_id="9">Tuesday</token>
<token number="9" sentence="2" t_id="10">.</token>
<token number="10" sentence="6" t_id="11">Later</token>
<token number="11" sentence="6" t_id="12">today</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2016-10-18">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2016-10-18"><token_anchor t_id="9"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="2016-10-18"><token_anchor t_id="12"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="2016" TAG_DESCRIPTOR="x"/>
</Markables>
</Document>
"""


@pytest.mark.parametrize("name", ["X1.tml"])
def test_eval_time_read_tml_maps_timex_offsets_into_plain_text(tmp_path: Path, name):
    path = tmp_path / name
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.published == "2016-10-18"
    assert "<" not in doc.text and "Aid & food arrived" in doc.text
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2016-10-18"), ("48-hour", "DURATION", "PT48H")]


@pytest.mark.parametrize("name", ["1_x.xml"])
def test_eval_time_read_meantime_scores_title_and_body_sentences_only(tmp_path: Path, name):
    path = tmp_path / name
    path.write_text(CAT, encoding="utf-8")
    doc = read_meantime(path)
    assert doc.published == "2016-10-18"
    assert doc.text.startswith("Truce holds\nOctober 18, 2016\nIt began Tuesday.")
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["Tuesday"]  # not the dateline, not sentence 6
    scored_text = [doc.text[s:e] for s, e in doc.scored]
    assert scored_text == ["Truce holds", "It began Tuesday."]


def _pred(start: int, end: int, value: str) -> TimeExpr:
    return TimeExpr(text="x" * (end - start), start=start, end=end, type="DATE", value=value)


@pytest.mark.parametrize("gold, pred, expected", [
    ([GoldTimex(0, 5, "DATE", "A")], [_pred(3, 8, "A")], [("A", "A")]),
    ([GoldTimex(0, 5, "DATE", "A")], [_pred(5, 8, "A")], []),
    ([GoldTimex(0, 10, "DATE", "A")], [_pred(0, 4, "B"), _pred(5, 10, "A")], [("A", "A")]),
    ([GoldTimex(0, 5, "DATE", "A"), GoldTimex(6, 9, "DATE", "B")], [_pred(0, 9, "A")], [("A", "A")]),
    # nested gold: the inner same-value gold keeps its partner, the outer range goes unmatched
    ([GoldTimex(0, 17, "DURATION", "P5Y"), GoldTimex(5, 9, "DATE", "1990")], [_pred(5, 9, "1990")],
     [("1990", "1990")]),
])
def test_eval_time_match_is_one_to_one_and_prefers_same_value(gold, pred, expected):
    assert [(g.value, p.value) for g, p in _match(gold, pred)] == expected


@pytest.mark.parametrize("value, expected", [
    ("2000-W7", "2000-W07"),
    ("2000-W7-WE", "2000-W07-WE"),
    ("2000-W14", "2000-W14"),
    ("198X", "198"),
    ("1968-XX", "1968"),
    ("1994-XX-XX", "1994"),
    ("1998-10-XX", "1998-10"),
    ("1998-10-23T22:00", "1998-10-23T22:00"),
    ("P2W", "P2W"),
    ("PRESENT_REF", "PRESENT_REF"),
])
def test_eval_time_canonical_value_merges_spellings_of_one_value(value, expected):
    assert canonical_value(value) == expected


@pytest.mark.parametrize("gold, pred, expected", [
    # TIMEX3 weeks are ISO "Www": an unpadded week number has no other reading
    ("2000-W7", "2000-W07", True),
    ("2000-W7-WE", "2000-W07-WE", True),
    ("2000-W14", "2000-W14", True),
    ("2000-W7", "2000-W17", False),
    # other granularities, other values (these count only in the lenient figure)
    ("1968-XX", "1968", False),
    ("198X", "198", False),
    ("P1D", "PT24H", False),
    ("PRESENT_REF", None, False),
])
def test_eval_time_same_value_pads_week_numbers_only(gold, pred, expected):
    assert same_value(gold, pred) is expected


@pytest.mark.parametrize("gold, pred, expected", [
    ([GoldTimex(0, 9, "DATE", "2000-W7")], [_pred(0, 9, "2000-W07")], [("2000-W7", "2000-W07")]),
])
def test_eval_time_match_prefers_week_spelled_either_way(gold, pred, expected):
    assert [(g.value, p.value) for g, p in _match(gold, pred)] == expected


KEYS = {"span_f1", "span_precision", "span_recall", "strict_span_f1", "value_f1", "value_precision",
        "value_recall", "value_f1_lenient", "type_accuracy", "n", "fingerprint"}


@pytest.mark.gold
@pytest.mark.slow
@pytest.mark.parametrize("scorer, limit, floor", [
    # floors: measured value F1 on these subsets (0.722 and 0.803) minus a small margin
    (score_tempeval3, 20, 0.68),
    (score_meantime, 30, 0.77),
])
def test_eval_time_scorers_report_metrics_above_floor(gold_dir, scorer, limit, floor):
    result = scorer(gold_dir, limit=limit)
    assert KEYS <= set(result)
    assert result["n"] > 0
    assert result["value_f1"] >= floor
    assert result["span_f1"] >= result["strict_span_f1"]
    assert result["value_f1_lenient"] >= result["value_f1"]
