"""Scorers of the event layer: helpers on hand-built inputs, smoke runs on the gold data."""
from __future__ import annotations

import pytest

from sitrep.eval import events as ev
from sitrep.extract.events_acled import acled_label
from sitrep.model import Entity, Event, Span


def _event(event: str, mode: str | None = None, sector: str | None = None, context=()):
    return Event(event=event, mode=mode, evidence=Span("x", 0, 1), context=list(context),
                 actor=[Entity("x", 0, 1, code="SYR", sector=sector)] if sector else [])


@pytest.mark.parametrize("gold, pred, expected", [
    (["A", "A", "B"], ["A", "A", "B"], 1.0),
    (["A", "A", "B"], ["A", "B", "B"], round((2 * 0.6667 + 0.6667) / 3, 4)),
    (["A", "B"], ["C", "C"], 0.0),
])
def test_eval_events_weighted_f1(gold, pred, expected):
    assert ev.weighted_f1(gold, pred)["weighted_f1"] == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize("text, phrase, expected", [
    ("The Croatian government's request was denied.", "Croatian government 's request", (4, 33)),
    ("Nothing here.", "absent phrase", None),
])
def test_eval_events_find_tokenised_gold_span(text, phrase, expected):
    assert ev._find(text, phrase) == expected


@pytest.mark.parametrize("events, label", [
    ([_event("ASSAULT", "aerial")], "AIR_STRIKE"),
    ([_event("ASSAULT"), _event("ASSAULT", "suicide-attack")], "SUIC_BOMB"),
    ([_event("ASSAULT", None, "REB", ["territory"])], "NON_STATE_ACTOR_OVERTAKES_TER"),
    ([_event("ASSAULT", None, "MIL", ["territory"])], "GOV_REGAINS_TERIT"),
    ([_event("PROTEST", "demo")], "PEACE_PROTEST"),
    ([_event("COERCE", "arrest")], "ARREST"),
    ([], "OTHER"),
])
def test_eval_events_acled_map(events, label):
    assert acled_label(events) == label


@pytest.mark.parametrize("cameo, plover", [("0871", "RETREAT"), ("1246", "REJECT"),
                                           ("190", "ASSAULT"), ("036", "AGREE")])
def test_eval_events_cameo_to_plover(gold_dir, cameo, plover):
    table = ev.cameo_to_plover(gold_dir / ev.CAMEO2PLOVER)
    assert ev._plover_for(cameo, table) == plover


@pytest.mark.parametrize("gold, code, sector, ok", [
    ("DAGGOV", "DAG", "GOV", True), ("DAGGOV", "DAG", "MIL", False),
    ("ARN", "ARN", None, True), ("ARN", "GON", None, False),
    ("DNKMED", "DNK", "JRN", True),  # CAMEO media = PLOVER journalists
    ("---GOV", None, "GOV", True), ("---GOV", "ARN", "MIL", False),
    ("---", None, None, True),
    (None, None, None, True), (None, "ARN", None, False),  # an uncoded phrase in the gold
])
def test_eval_events_petrarch_code_match(gold, code, sector, ok):
    assert ev._code_matches(gold, Entity("x", 0, 1, code=code, sector=sector)) is ok


@pytest.mark.gold
@pytest.mark.parametrize("name, metric", [
    ("score_conflibert", "five_class_accuracy"),
    ("score_noevents", "invented_rate"),
    ("score_case2021", "weighted_f1"),
    ("score_petrarch2", "triple_recall"),
])
def test_eval_events_scorers_run_on_gold(gold_dir, name, metric):
    result = getattr(ev, name)(gold_dir, limit=15)
    assert 0.0 <= result[metric] <= 1.0
    assert result["n"] > 0
    assert len(result["fingerprint"]) == 16


@pytest.mark.parametrize("actor_text, recipient_text, label", [
    ("protesters", "the police", "VIOL_DEMONSTR"),
    ("the police", "protesters", "FORCE_AGAINST_PROTEST"),
])
def test_eval_events_acled_map_reads_participants(actor_text, recipient_text, label):
    event = Event(event="ASSAULT", evidence=Span("x", 0, 1),
                  actor=[Entity(actor_text, 0, 1, sector="COP")],
                  recipient=[Entity(recipient_text, 0, 1, sector="CVL")])
    assert acled_label([event]) == label


@pytest.mark.parametrize("rule, gold_type, quad, ok", [
    ("future SUPPORT = AGREE (about to) over verb 'restore'", "SUPPORT", False, True),
    ("verb 'agree' sense 1", "SUPPORT", False, False),
    ("verb 'agree' sense 1", "SUPPORT", True, True),
])
def test_eval_events_petrarch_tense_recoding_counts(rule, gold_type, quad, ok):
    event = Event(event="AGREE", evidence=Span("x", 0, 1), rule=rule)
    assert ev._same_event(event, gold_type, quad) is ok


@pytest.mark.parametrize("events, text, label", [
    ([], "Two suicide bombers blew themselves up at a checkpoint.", "SUIC_BOMB"),
    ([_event("ASSAULT")], "Residents fell ill after a chlorine attack on the town.", "CHEM_WEAP"),
    ([], "Thousands of teachers marched through the capital demanding higher pay.", "PEACE_PROTEST"),
    ([_event("PROTEST", "demo")], "Demonstrators hurled stones and set cars ablaze during the protest.",
     "VIOL_DEMONSTR"),
    ([], "Police fired rubber bullets at protesters, killing two of them.", "FORCE_AGAINST_PROTEST"),
    ([_event("COERCE", "arrest")], "Police detained 40 protesters at the rally outside parliament.",
     "PROTEST_WITH_INTER"),
    ([], "Engineers defused a roadside bomb found near the market.", "DISR_WEAP"),
    ([], "Soldiers set up two new military bases near the frontier.", "HQ_ESTABLISHED"),
    ([], "Dozens of fighters defected to the government side.", "CHANGE_TO_GROUP_ACT"),
    ([], "The army recaptured the town from the rebels after a week.", "GOV_REGAINS_TERIT"),
    ([], "Rebels took control of the town after the army fled.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ([_event("ASSAULT")], "An angry mob lynched a man accused of theft.", "MOB_VIOL"),
    ([_event("ASSAULT")], "Gunmen attacked the village, killing four farmers.", "ATTACK"),
])
def test_eval_events_acled_text_cues(events, text, label):
    assert acled_label(events, text=text) == label


@pytest.mark.parametrize("text", ["The minister gave a speech on the economy."])
def test_eval_events_acled_text_cues_leave_unrelated_text(text):
    assert acled_label([], text=text) == "OTHER"


@pytest.mark.parametrize("phrase, text, hit", [
    ("set up ... base*", "troops set up two new military bases", True),
    ("set up ... base*", "troops set up camp near the base", True),
    ("protest*", "protesters gathered", True),
    ("rally", "a rallying cry", False),
    ("ied", "he died", False),
])
def test_eval_events_acled_cue_phrase_syntax(phrase, text, hit):
    from sitrep.extract.events_acled_cues import _group
    assert bool(_group([phrase]).search(text)) is hit


@pytest.mark.parametrize("text, how", [
    ("Two suicide bombers blew themselves up.", "text cue 'SUIC_BOMB'"),
    ("The minister gave a speech.", "event map"),
])
def test_eval_events_acled_label_says_how(text, how):
    from sitrep.extract.events_acled import acled_explained
    assert acled_explained([], text=text)[1].startswith(how)
