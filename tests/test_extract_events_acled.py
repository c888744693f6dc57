"""PLOVER events and text cues -> ACLED sub-event types (rules/event_acled_map.yaml, event_acled_cues.yaml).

Each case is a sentence written for these tests from ACLED's codebook definitions."""
from __future__ import annotations

import pytest

from sitrep.extract.events_acled import acled_label
from sitrep.model import Entity, Event, Span


def _event(event: str, mode: str | None = None, sector: str | None = None, context=(), *,
           rule: str = "", actor: str = "x", recipient: tuple[str, str | None] | None = None) -> Event:
    return Event(event=event, mode=mode, evidence=Span("x", 0, 1), context=list(context), rule=rule,
                 actor=[Entity(actor, 0, 1, sector=sector)] if sector or actor != "x" else [],
                 recipient=[Entity(recipient[0], 0, 1, sector=recipient[1])] if recipient else [])


@pytest.mark.parametrize("event, label", [
    (_event("COERCE", "seize", "REB", rule="verb 'seize' sense 3", recipient=("the district capital", None)),
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    (_event("COERCE", "arrest", "MIL", rule="verb 'capture' sense 2", recipient=("two rebel camps", None)),
     "GOV_REGAINS_TERIT"),
    (_event("COERCE", "arrest", rule="verb 'capture' sense 2", recipient=("forty pistols", None)), "DISR_WEAP"),
    (_event("COERCE", "seize", "REB", rule="verb 'raid' sense 1", recipient=("a farming village", None)), "ATTACK"),
    (_event("COERCE", "seize", "REB", rule="verb 'raid' sense 1", recipient=("an army base", "MIL")),
     "ARMED_CLASH"),
    (_event("COERCE", "seize", rule="verb 'seize' sense 2", recipient=("a cache of rifles", None)), "DISR_WEAP"),
    (_event("ASSAULT", rule="verb 'clash' sense 1", actor="rival villagers"), "MOB_VIOL"),
    (_event("ASSAULT", "beat", actor="an angry mob"), "MOB_VIOL"),
    (_event("ASSAULT", "aerial", "MIL", ["territory"]), "GOV_REGAINS_TERIT"),
    (_event("ASSAULT", "unconventional", "MIL", ["territory"]), "GOV_REGAINS_TERIT"),
])
def test_extract_events_acled_map_reads_what_was_taken(event, label):
    assert acled_label([event]) == label


@pytest.mark.parametrize("events, text, label", [
    # territory: the subject of the capture, not the source of the report, took it
    ([], "An army spokesman said rebels took control of the town on Monday.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ([], "Government troops recaptured the village, rebel sources said.", "GOV_REGAINS_TERIT"),
    ([], "The insurgents were pushed back from the hills around the city.", "GOV_REGAINS_TERIT"),
    ([_event("ASSAULT", None, "REB", ["territory"])], "The militants seized a deserted army post.",
     "NON_VIOL_TERRIT_TRANSFER"),
    ([_event("ASSAULT", None, "REB", ["territory"])], "Rebels took control of the town after the army pulled out.",
     "NON_VIOL_TERRIT_TRANSFER"),
    ([_event("RETREAT", "withdraw", "MIL")], "Foreign troops withdrew from the air base on Monday.",
     "CHANGE_TO_GROUP_ACT"),
    ([_event("ASSAULT", None, "REB", ["territory"])], "The rebels' attack to capture the hill was repelled.",
     "ARMED_CLASH"),
    # demonstrations: who used force, and whether it was lethal or harmful
    ([], "The rally descended into street violence late at night.", "VIOL_DEMONSTR"),
    ([], "Soldiers fired live rounds to clear the sit-in outside the ministry.", "FORCE_AGAINST_PROTEST"),
    ([], "Police broke up the demonstration and two people died.", "FORCE_AGAINST_PROTEST"),
    ([_event("PROTEST", "demo")], "Students marched to mourn classmates killed by police last month.",
     "PEACE_PROTEST"),
    ([_event("COERCE", "arrest")], "Police arrested three activists ahead of planned protests next week.", "ARREST"),
    ([_event("MOBILIZE", "troops")], "Police were deployed in anticipation of protests after Friday prayers.",
     "CHANGE_TO_GROUP_ACT"),
    ([_event("ASSAULT", "grenade")], "A man hurled a grenade at police guarding the protest.", "GRENADE"),
    ([_event("PROTEST", "demo")], "The party is mobilising hundreds of supporters to protest next week.",
     "CHANGE_TO_GROUP_ACT"),
    ([_event("PROTEST", "vandalize")], "An angry mob vandalised three shops in the market.", "MOB_VIOL"),
    ([_event("PROTEST", "vandalize")], "A large crowd looted the warehouse and made away with food.",
     "PROPERTY_DISTRUCT"),
    # remote violence by the platform that fired it
    ([_event("ASSAULT", "heavy-weapons")], "Two missiles were fired by enemy jets at the depot.", "AIR_STRIKE"),
    ([_event("ASSAULT", "aerial")], "Militants attacked the base with mortars and anti-aircraft guns.",
     "ART_MISS_ATTACK"),
    ([], "A rocket-propelled grenade hit the patrol vehicle.", "ART_MISS_ATTACK"),
    ([_event("ASSAULT", "explosives")], "Two gunmen detonated explosives, killing themselves.", "SUIC_BOMB"),
    ([_event("ASSAULT", "destroy")], "Warplanes destroyed an arms depot outside the city.", "AIR_STRIKE"),
    ([_event("ASSAULT", "aerial")], "The two sides agreed a ceasefire on Sunday after weeks of air strikes.",
     "AGREEMENT"),
    # a chemical attack recalled or retaliated for, or chemicals seized, is not a chemical attack
    ([], "Warplanes struck rebel bases in retaliation for a chlorine attack on the city.", "AIR_STRIKE"),
    ([_event("ASSAULT", "unconventional")], "Airstrikes hit the rebels accused of carrying out a sarin attack.",
     "AIR_STRIKE"),
    ([], "Police seized a cache of chemical agents in a raid on a farm.", "DISR_WEAP"),
    # other types told by nouns
    ([], "Fighter jets held drills near the border.", "CHANGE_TO_GROUP_ACT"),
    ([], "The wanton destruction of public property was condemned.", "PROPERTY_DISTRUCT"),
    ([], "Gun attacks on two villages left nine people dead.", "ATTACK"),
])
def test_extract_events_acled_text_cues(events, text, label):
    assert acled_label(events, text=text) == label


@pytest.mark.parametrize("phrase, text, hit", [
    (".", "the fighters. The army", True),
    ("established ... points", "established a total of 56 military observation points", True),
    ("rioted", "the rioters", False),
])
def test_extract_events_acled_cue_phrase_boundaries(phrase, text, hit):
    from sitrep.extract.events_acled_cues import _group
    assert bool(_group([phrase]).search(text)) is hit
