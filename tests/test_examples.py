"""The sample articles under examples/ (written for the project): what each must yield.

Each covers a different event type, country and input format; the assertions are the
facts a reader of the article would check first.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.pipeline import process_batch

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def docs() -> dict:
    results = process_batch(read_inputs([str(EXAMPLES)], published="2016-10-18"))
    return {r.article.id: r for r in results}


def events(doc, kind):
    return [e for e in doc.events if e.event == kind]


def codes(entities):
    return {(e.code, e.sector) for e in entities}


def test_examples_all_analysed(docs):
    assert len(docs) == 8 and all(r.ok for r in docs.values())


def test_examples_nairobi_police_and_protest(docs):
    d = docs["nairobi-fuel-protest"]
    assert d.article.published == "2023-07-10" and d.article.source == "Sample Daily"
    [arrest] = [e for e in events(d, "COERCE") if e.mode == "arrest"]
    assert arrest.attributes["arrested"] == 37 and ("COP" in {a.sector for a in arrest.actor})
    assert any(("KEN", "COP") in codes(e.actor) for e in events(d, "ASSAULT"))
    assert any(e.mode == "demo" for e in events(d, "PROTEST"))
    assert any(q.direct and q.speaker and q.speaker.name == "Grace Wanjiru" for q in d.quotes)
    assert {(t.text, t.value) for t in d.times} >= {("Monday", "2023-07-10")}
    assert {(p.name, p.country_code) for p in d.places} >= {("Nairobi", "KE")}


def test_examples_sahel_attack_toll_and_date(docs):
    d = docs["sahel-army-base-attack"]
    attack = next(e for e in events(d, "ASSAULT") if e.attributes.get("dead") == 23)
    assert attack.attributes.get("dead_mod") == "at least"
    assert attack.date == "2022-09-03"  # "on Saturday", published Sunday 2022-09-04
    assert {p.country_code for p in d.places} == {"BF"}
    assert any(q.direct and "under control" in q.content.text for q in d.quotes)


def test_examples_doha_talks_and_link_line(docs):
    d = docs["doha-talks"]
    assert events(d, "CONSULT")
    assert any(("UNO", None) in codes(e.actor) for e in events(d, "SUPPORT"))
    [link] = d.links
    assert link.title.startswith("Aid agencies warn of famine")
    assert not any(p.text == "Darfur" for p in d.places)
    assert any(("MIL" in {a.sector for a in e.actor}) for e in events(d, "REQUEST"))


def test_examples_eu_sanctions_html(docs):
    d = docs["eu-sanctions-iran"]
    assert d.article.title == "EU imposes sanctions on Iranian officials over drone exports"
    sanction = events(d, "SANCTION")[0]
    assert ("EUR", None) in codes(sanction.actor) and "IRN" in {r.code for r in sanction.recipient}
    assert any("IRN" in {a.code for a in e.actor} for e in events(d, "REJECT"))
    assert any(q.direct and q.speaker and q.speaker.name == "Nasser Kanaani" for q in d.quotes)
    assert ("Thursday", "2023-07-20") in {(t.text, t.value) for t in d.times}


def test_examples_prisoner_exchange_html(docs):
    d = docs["prisoner-exchange"]
    assert d.article.published == "2024-01-03" and d.article.source == "Sample Times"
    release = [e for e in events(d, "RETREAT") if e.mode == "release"]
    assert release and "RUS" in {r.code for r in release[0].recipient}
    assert any(q.direct and q.speaker and q.speaker.name == "Volodymyr Zelensky" for q in d.quotes)
    assert ("Moscow", "RU") in {(p.name, p.country_code) for p in d.places}


def test_examples_truce_reports_disagree_on_duration(docs):
    a, b = docs["wire-a-101"], docs["wire-b-207"]
    assert any(e.attributes.get("duration") == "PT8H" for e in a.events)
    pause = [e for e in b.events if e.event == "RETREAT" and e.mode == "ceasefire"]
    assert pause and pause[0].attributes.get("duration") == "PT48H"
    assert {"RUS", "SYR"} <= {x.code for x in pause[0].actor}


@pytest.mark.parametrize("sentence,event,mode", [
    ("Troops stopped shelling the town on Monday.", "RETREAT", "ceasefire"),
    ("The army ceased firing at dawn.", "RETREAT", "ceasefire"),
])
def test_examples_gerund_objects_of_ceasefire_verbs(sentence, event, mode):
    import sitrep

    found = sitrep.analyze(sentence, published="2020-01-08").events
    assert [(e.event, e.mode) for e in found] == [(event, mode)]
