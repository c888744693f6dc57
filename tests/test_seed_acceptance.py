"""The user's article (examples/aleppo-humanitarian-pause.txt, published 2016-10-18): the ten
acceptance points of the foundation issue, one test each. The same general rules serve any
article; nothing here is special-cased in the code."""
from __future__ import annotations

from pathlib import Path

import pytest

import sitrep

SEED = Path(__file__).resolve().parents[1] / "examples" / "aleppo-humanitarian-pause.txt"


@pytest.fixture(scope="module")
def seed():
    return sitrep.analyze(SEED.read_text(encoding="utf-8"), published="2016-10-18", id="aleppo")


def codes(entities) -> set[str]:
    return {e.code for e in entities if e.code}


def test_seed_1_ceasefire_by_russia_and_syria_in_aleppo_with_duration(seed):
    found = [e for e in seed.events
             if (e.event == "RETREAT" and e.mode == "ceasefire") or e.event == "CONCEDE"]
    good = [e for e in found if {"RUS", "SYR"} <= codes(e.actor) and e.date == "2016-10-18"
            and e.attributes.get("duration") == "PT48H"]
    assert good, [e.to_dict() for e in found]
    loc = good[0].location
    assert loc is not None and loc.name == "Aleppo"
    assert loc.lat == pytest.approx(36.2, abs=0.05) and loc.lon == pytest.approx(37.16, abs=0.05)


def test_seed_2_planned_halt_on_thursday_is_future(seed):
    future = [e for e in seed.events if e.status == "future" and e.date == "2016-10-20"
              and "halt airstrikes" in seed.article.text[e.evidence.start:e.evidence.end]]
    assert future, [(e.event, e.status, e.date, e.evidence.text) for e in seed.events]


def test_seed_3_armed_groups_reject_russian_offer_reported_by_reuters(seed):
    rejects = [e for e in seed.events if e.event == "REJECT" and "RUS" in codes(e.recipient)]
    good = [e for e in rejects
            if {"Fastaqim", "Ahrar al-Sham"} <= {a.name or a.text for a in e.actor}
            and all(a.code == "SYR" and a.sector == "REB" for a in e.actor
                    if (a.name or a.text) in {"Fastaqim", "Ahrar al-Sham"})]
    assert good, [e.to_dict()["actor"] for e in rejects]
    assert good[0].reported_by is not None and "Reuters" in good[0].reported_by.text


def test_seed_4_churkin_threatens_nusra(seed):
    threats = [e for e in seed.events if e.event == "THREATEN"]
    good = [e for e in threats
            if any("Churkin" in a.text and a.code == "RUS" and a.sector == "GOV" for a in e.actor)
            and any("Nusra" in r.text for r in e.recipient)]
    assert good, [e.to_dict() for e in threats]


def test_seed_5_un_conditions_humanitarian_work(seed):
    good = [e for e in seed.events if e.event in {"REQUEST", "REJECT"}
            and codes(e.actor) & {"UNO", "IGO"} and "humanitarian" in e.evidence.text]
    assert good, [(e.event, codes(e.actor), e.evidence.text) for e in seed.events]


def test_seed_6_security_council_rejects_russian_proposal(seed):
    good = [e for e in seed.events if e.event == "REJECT" and "RUS" in codes(e.recipient)
            and "proposal was defeated" in e.evidence.text]
    assert good, [(e.event, codes(e.recipient), e.evidence.text) for e in seed.events]


def test_seed_7_quotes_attributed_through_the_minister(seed):
    direct = [q for q in seed.quotes if q.direct]
    assert len(direct) >= 2
    assert all(q.speaker and q.speaker.name == "Sergey Shoigu" for q in direct[:2])
    first = direct[0]
    assert first.speaker.text == "the minister" and "separate the terrorist" in first.content.text
    assert any(s.text in ("Sergey Shoigu", "Shoigu") for s in first.speaker.chain)
    reported = [q for q in seed.quotes if not q.direct and q.speaker]
    assert any("Churkin" in (q.speaker.name or "") and "two options" in q.content.text for q in reported)
    assert any(q.speaker.text in ("The UN", "UN") and "humanitarian effort" in q.content.text for q in reported)


def test_seed_8_times_and_places_grounded(seed):
    values = {t.text: t.value for t in seed.times}
    assert values.get("two days") == "P2D" or values.get("two days early") == "P2D"
    thursdays = [t for t in seed.times if t.text.endswith("Thursday")]
    assert thursdays and all(t.value == "2016-10-20" for t in thursdays)
    text = seed.article.text
    east = text.index("eastern Aleppo")
    places = [p for p in seed.places if p.start <= east + len("eastern ") < p.end]
    assert places and places[0].name == "Aleppo" and places[0].country_code == "SY"


def test_seed_9_read_more_is_a_link_not_coded(seed):
    [link] = seed.links
    assert link.label == "READ MORE" and "war crimes" in link.title
    for item in seed.events + seed.quotes:
        span = getattr(item, "evidence", None) or item.content
        assert not (link.start <= span.start < link.end)


def test_seed_10_framing_scare_quotes_and_terrorist_label(seed):
    assert any(c.kind == "scare_quote" and c.label == "moderate opposition" for c in seed.framing)
    assert any(c.kind == "actor_label" and c.label == "terrorist" and c.target == "armed groups"
               for c in seed.framing)


def test_seed_11_no_quotes_from_proposals_or_relative_clauses(seed):
    text = seed.article.text
    for q in seed.quotes:
        assert not (q.speaker and q.speaker.name == "a proposal"), q
        assert not text[q.content.start:q.content.end].startswith("The proposal was defeated"), q


def test_seed_12_event_arguments_of_the_envoy_and_the_corridors(seed):
    text = seed.article.text
    backed = [e for e in seed.events if e.event == "SUPPORT"]
    assert backed and all(not r.text.startswith("Syria") for e in backed for r in e.recipient)
    corridors = [e for e in seed.events if "provide" in text[e.evidence.start:e.evidence.end]]
    assert corridors and {e.event for e in corridors} == {"CONCEDE"}, corridors
    assert all(e.actor for e in seed.events if e.event == "CONCEDE"), seed.events
