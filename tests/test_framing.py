"""Framing cues: scare quotes and the labels an outlet gives actors."""
from __future__ import annotations

import pytest

import sitrep


def cues(text: str, kind: str):
    return [c for c in sitrep.analyze(text).framing if c.kind == kind]


@pytest.mark.parametrize("text,phrase", [
    ("The army says it is fighting the ‘moderate opposition’ in the east.", "moderate opposition"),
    ('Officials called the vote a "technical adjustment" of the border.', "technical adjustment"),
    ("The group described the raid as 'self-defence' against settlers.", "self-defence"),
])
def test_framing_scare_quotes(text, phrase):
    assert [c.label for c in cues(text, "scare_quote")] == [phrase]


@pytest.mark.parametrize("text", [
    "The ministry's statement and the rebels' reply came late.",
    '"We will not leave our homes, whatever the cost to our families," a resident of the town said.',
])
def test_framing_apostrophes_and_real_quotes_are_not_scare_quotes(text):
    assert cues(text, "scare_quote") == []


@pytest.mark.parametrize("text,label,target,stance", [
    ("Terrorists shelled the government-held district.", "terrorist", "armed groups", "delegitimising"),
    ("Rebels shelled the government-held district.", "rebel", "armed groups", "neutral"),
    ("Regime forces advanced on the town.", "regime", "government", "delegitimising"),
])
def test_framing_actor_labels(text, label, target, stance):
    first = cues(text, "actor_label")[0]
    assert (first.label, first.target, first.stance) == (label, target, stance)


def test_framing_words_inside_names_are_not_loaded():
    text = "Fighters of Ahrar al-Sham withdrew from the town."
    assert cues(text, "loaded") == []


def test_framing_seed_terrorist_label_and_scare_quotes(seed_result):
    scare = [c for c in seed_result.framing if c.kind == "scare_quote"]
    assert any(c.label == "moderate opposition" for c in scare)
    labels = [c for c in seed_result.framing if c.kind == "actor_label" and c.label == "terrorist"]
    assert len(labels) >= 2 and all(c.target == "armed groups" for c in labels)
