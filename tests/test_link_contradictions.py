"""Contradictions across outlets: conflicting slots, compatible ranges, same-outlet updates."""
from __future__ import annotations

from importlib import import_module

import pytest

from link_docs import doc, event
from sitrep.link import LinkSettings, StoryIndex, link_stories, similarity, stories
from sitrep.link.blocking import features
from sitrep.link.slots import casualties_in, casualty_claims, duration_hours, number_range
from sitrep.link.towns import lead_places
from sitrep.model import Place

BASE_A = "Air strikes hit a market in eastern Aleppo on Monday, {toll}, rescuers and a monitor said."
BASE_B = "Rescue workers said warplanes bombed a crowded Aleppo market on Monday, {toll} in the city's east."


def _toll_story(a_toll: str, b_toll: str, *, b_source: str = "Outlet B", b_day: str = "2016-10-18",
                attrs_a: dict | None = None, attrs_b: dict | None = None):
    ta, tb = BASE_A.format(toll=a_toll), BASE_B.format(toll=b_toll)
    da = doc("a1", "Outlet A", "2016-10-18", ta, events=[event(ta, ta, **(attrs_a or {}))])
    db = doc("b1", b_source, b_day, tb, events=[event(tb, tb, **(attrs_b or {}))])
    stories = link_stories([da, db])
    assert len(stories) == 1, "both reports describe the same strike"
    return stories[0]


@pytest.mark.parametrize("a_toll,b_toll,attrs_a,attrs_b,values", [
    ("killing 58 people", "killing 86 people", {"dead": 58}, {"dead": 86}, ["58", "86"]),
    ("killing 58 people", "killing 86 people", {}, {}, ["58", "86"]),  # fallback pattern
    ("and at least 58 people were killed", "and 20 were killed", {}, {}, ["20", "at least 58"]),
    ("killing 58 people", "killing 86 people", {"dead": 58}, {"dead": 19}, ["58", "86"]),  # 19 unconfirmed
])
def test_link_contradictions_flags_different_tolls(a_toll, b_toll, attrs_a, attrs_b, values):
    story = _toll_story(a_toll, b_toll, attrs_a=attrs_a, attrs_b=attrs_b)
    dead = [c for c in story.contradictions if c.slot == "dead"]
    assert len(dead) == 1
    assert [v.value for v in dead[0].values] == values
    assert {s for v in dead[0].values for s in v.sources} == {"Outlet A", "Outlet B"}
    for v in dead[0].values:
        for ev in v.evidence:
            assert ev.text  # every side points back into its article


@pytest.mark.parametrize("a_attrs,b_attrs", [
    ({"dead": 58, "dead_mod": "at least"}, {"dead": 60}),
    ({"dead": 58, "dead_mod": "at least"}, {"dead": 100, "dead_mod": "more than"}),
    ({"dead": 60, "dead_mod": "about"}, {"dead": 58}),
    ({"dead": 58}, {"dead": 58}),
])
def test_link_contradictions_compatible_ranges_are_not_flagged(a_attrs, b_attrs):
    def toll(attrs):
        return f"killing {attrs.get('dead_mod', '')} {attrs['dead']} people".replace("  ", " ")

    story = _toll_story(toll(a_attrs), toll(b_attrs), attrs_a=a_attrs, attrs_b=b_attrs)
    assert [c for c in story.contradictions if c.slot == "dead"] == []


@pytest.mark.parametrize("first,later", [(58, 86), (86, 58)])
def test_link_contradictions_same_outlet_later_toll_is_update(first, later):
    story = _toll_story(f"killing {first} people", f"killing {later} people", b_source="Outlet A",
                        b_day="2016-10-19", attrs_a={"dead": first}, attrs_b={"dead": later})
    assert story.contradictions == []
    assert [(u.before.value, u.after.value) for u in story.updates] == [(str(first), str(later))]


@pytest.mark.parametrize("a,b,flagged", [("PT48H", "PT8H", True), ("P2D", "PT48H", False)])
def test_link_contradictions_durations_compare_as_timex(a, b, flagged):
    ta = "Russia announced a humanitarian pause in Aleppo for the coming days, the ministry said."
    tb = "Moscow's defence ministry declared that strikes on Aleppo would stop to let civilians leave."
    da = doc("a", "Wire A", "2016-10-18", ta, events=[event(ta, ta, "CONCEDE", duration=a)])
    db = doc("b", "Wire B", "2016-10-18", tb, events=[event(tb, tb, "CONCEDE", duration=b)])
    (story,) = link_stories([da, db])
    found = [c for c in story.contradictions if c.slot == "duration"]
    assert bool(found) is flagged
    if flagged:
        assert sorted(v.value for v in found[0].values) == sorted([a, b])


@pytest.mark.parametrize("text,expected", [
    ("At least 58 people were killed in the raid.", [("dead", 58, "at least")]),
    ("The blast killed twelve and wounded 30 others.", [("dead", 12, None), ("injured", 30, None)]),
    ("Police arrested more than 200 protesters.", [("arrested", 200, "more than")]),
    ("The war began in 2011 and was discussed by 40 delegates.", []),
])
def test_link_slots_casualty_pattern(text, expected):
    assert [(s, n, m) for s, n, m, _, _ in casualties_in(text)] == expected


@pytest.mark.parametrize("n,mod,expected", [
    (58, "at least", (58, float("inf"))), (100, "more than", (101, float("inf"))),
    (60, None, (60, 60)), (10, "fewer than", (0, 9)),
])
def test_link_slots_number_range(n, mod, expected):
    assert number_range(n, mod) == expected


@pytest.mark.parametrize("value,hours", [("PT48H", 48), ("PT8H", 8), ("P2D", 48), ("P1W", 168),
                                         ("2016-10-20", None)])
def test_link_slots_duration_hours(value, hours):
    assert duration_hours(value) == hours


@pytest.mark.parametrize("a,b,flagged", [(2, 4, True), (2, 2, False)])
def test_link_contradictions_counts_of_same_thing(a, b, flagged):
    ta = "The army opened humanitarian corridors out of eastern Aleppo on Thursday, officials said."
    tb = "Syrian troops in Aleppo let civilians leave through corridors opened by the army on Thursday."
    da = doc("a", "Wire A", "2016-10-20", ta, events=[event(ta, ta, "AID", count=a, count_of="corridors")])
    db = doc("b", "Wire B", "2016-10-20", tb, events=[event(tb, tb, "AID", count=b, count_of="corridor")])
    (story,) = link_stories([da, db])
    assert bool([c for c in story.contradictions if c.slot == "count"]) is flagged


@pytest.mark.parametrize("a_toll,b_toll", [("killing 12 civilians", "killing 30 fighters"),
                                           ("killing 22 children", "killing at least 26 civilians")])
def test_link_contradictions_different_victims_not_compared(a_toll, b_toll):
    story = _toll_story(a_toll, b_toll)
    assert [c for c in story.contradictions if c.slot == "dead"] == []


@pytest.mark.parametrize("days", ["2016-10-25"])
def test_link_contradictions_reports_days_apart_not_compared(days):
    ta, tb = BASE_A.format(toll="killing 58 people"), BASE_B.format(toll="killing 86 people")
    da = doc("a1", "Outlet A", "2016-10-18", ta)
    db = doc("b1", "Outlet B", days, tb)
    index = StoryIndex(LinkSettings(window_days=10, max_span_days=10))
    index.add([da, db])
    (story,) = stories(index)
    assert story.contradictions == []


@pytest.mark.parametrize("headline", ["40 dead in clashes near the capital."])
def test_link_contradictions_headline_figure_takes_lead_hedge(headline):
    ta = headline + " Fierce clashes between armed groups near the capital left at least 40 dead, a monitor said."
    tb = "More than 100 fighters were killed in clashes between armed groups near the capital, media said."
    (story,) = link_stories([doc("a", "Outlet A", "2017-04-28", ta), doc("b", "Outlet B", "2017-04-28", tb)])
    assert [c for c in story.contradictions if c.slot == "dead"] == []


def _pair_story(ta: str, tb: str, attrs_a: dict, attrs_b: dict):
    """Two outlets' reports of one day, linked into one story whatever their scores."""
    da = doc("a1", "Outlet A", "2016-10-18", ta, events=[event(ta, ta, **attrs_a)])
    db = doc("b1", "Outlet B", "2016-10-18", tb, events=[event(tb, tb, **attrs_b)])
    index = StoryIndex(LinkSettings(threshold=-1.0))
    index.add([da, db])
    (story,) = stories(index)
    return story


@pytest.mark.parametrize("town_a,town_b,flagged", [
    ("Aleppo", "Homs", False),   # two towns: two incidents of one day
    ("Aleppo", "Aleppo", True),
    ("Idlib", "Idlib", False),   # a province alone does not place an incident
])
def test_link_contradictions_tolls_need_same_town(town_a, town_b, flagged):
    ta = f"Air strikes hit a market in {town_a} on Monday, killing 20 people, a monitor said."
    tb = f"Warplanes bombed a crowded market in {town_b} on Monday, killing 35 people, rescuers said."
    story = _pair_story(ta, tb, {"dead": 20}, {"dead": 35})
    assert bool([c for c in story.contradictions if c.slot == "dead"]) is flagged


@pytest.mark.parametrize("a,b,flagged", [(20, 35, True), (3, 45, False), (45, 3, False)])
def test_link_contradictions_tolls_far_apart_are_two_incidents(a, b, flagged):
    ta = f"Rebel rockets hit Aleppo on Thursday, killing {a} people, state media said."
    tb = f"Rocket fire on Aleppo on Thursday killed {b} people, a monitor said."
    story = _pair_story(ta, tb, {"dead": a}, {"dead": b})
    assert bool([c for c in story.contradictions if c.slot == "dead"]) is flagged


@pytest.mark.parametrize("day_a,day_b,flagged", [("2016-10-17", "2016-10-17", True),
                                                 ("2016-10-17", "2016-10-18", True),
                                                 ("2016-10-14", "2016-10-17", False)])
def test_link_contradictions_tolls_need_close_event_dates(day_a, day_b, flagged):
    ta = "Air strikes hit a market in Aleppo, killing 20 people, a monitor said."
    tb = "Warplanes bombed a crowded market in Aleppo, killing 35 people, rescuers said."
    da = doc("a1", "Outlet A", "2016-10-18", ta, events=[event(ta, ta, dead=20)])
    db = doc("b1", "Outlet B", "2016-10-18", tb, events=[event(tb, tb, dead=35)])
    for d, day in ((da, day_a), (db, day_b)):
        d.events[0].date, d.events[0].date_resolution = day, "own time expression 'Monday'"
    index = StoryIndex(LinkSettings(threshold=-1.0))
    index.add([da, db])
    (story,) = stories(index)
    assert bool([c for c in story.contradictions if c.slot == "dead"]) is flagged


@pytest.mark.parametrize("name,geonameid,feature,expected", [
    ("Aleppo", 170063, "city", ["geo:170063", "name:aleppo", "sk:lp"]),
    ("Tal Rifaat", None, None, ["name:tal rifaat", "sk:tlrft"]),  # a town the gazetteer lacks still places it
    ("Syrian Observatory for Human Rights", None, None, []),  # an organisation taken for a place
    ("Idlib", None, "province", []),  # too broad to tell two incidents apart
])
def test_link_slots_lead_places_keys(name, geonameid, feature, expected):
    text = f"Shelling hit {name} on Monday, killing 20 people."
    d = doc("a", "Outlet A", "2016-10-18", text, places=False)
    start = text.index(name)
    d.places.append(Place(text=name, start=start, end=start + len(name), geonameid=geonameid,
                          feature=feature, resolution="test"))
    assert lead_places(d, len(text)) == expected



#: The module (``sitrep.link.describe`` the attribute is its function of the same name).
describe = import_module("sitrep.link.describe")
BUS_LEAD = ("A bomb tore through a bus in the Jamiliyeh district of Aleppo on Sunday, {toll}, "
            "state television said.")
BACKGROUNDS = [
    "Talks in Geneva stalled over prisoner releases and sanctions relief. Envoys blamed each other for "
    "the delay and the opposition said it would not return before the siege of Madaya was lifted. "
    "Diplomats expect another round in March, though few see a breakthrough before the summer. "
    "Relief agencies warned that winter fuel shortages threaten hundreds of thousands in camps.",
    "Pilgrims from Lebanon often visit the shrine of Sayyeda Zeinab south of the capital. Hezbollah "
    "fighters guard the road and the interior ministry promised tighter checks at the bus depots. "
    "Travel agencies in Beirut suspended tours until further notice, according to their union. "
    "Families gathered at the border crossing of Masnaa awaiting news of relatives on the trip.",
]


@pytest.mark.parametrize("toll_a,toll_b", [("killing six people and wounding 19",
                                            "killing six and wounding 22")])
def test_link_contradictions_alike_leads_make_one_incident(toll_a, toll_b):
    """Outlets tell one attack alike in the lead and differ in the background below it."""
    ta = BUS_LEAD.format(toll=toll_a) + " " + BACKGROUNDS[0]
    tb = BUS_LEAD.format(toll=toll_b) + " " + BACKGROUNDS[1]
    da, db = doc("a1", "Outlet A", "2015-02-01", ta), doc("b1", "Outlet B", "2015-02-01", tb)
    feats = {d.article.id: features(d) for d in (da, db)}
    df = similarity.DocumentFrequencies()
    for f in feats.values():
        df.add(f.counts)
    whole = similarity.cosine(df.vector(feats["a1"].counts), df.vector(feats["b1"].counts))
    assert whole < describe.SAME_INCIDENT_COSINE, "the whole texts alone would keep them apart"
    assert describe._related(["a1", "b1"], feats, df, {"a1": da, "b1": db})("a1", "b1")
    story = _pair_story(ta, tb, {}, {})
    assert [sorted(v.value for v in c.values) for c in story.contradictions if c.slot == "injured"] \
        == [["19", "22"]]


@pytest.mark.parametrize("town", ["Kallaseh"])
def test_link_contradictions_town_missed_by_place_layer_still_shared(town):
    """One lead's town, unresolved in the other article, is found written out in its lead."""
    ta = f"Rebel rockets hit {town} on Thursday, killing 20 people, state media said."
    tb = f"Shells fell on the {town} district on Thursday and 35 people were killed, a monitor said."
    da, db = doc("a1", "Outlet A", "2016-10-18", ta), doc("b1", "Outlet B", "2016-10-18", tb)
    start = ta.index(town)
    da.places.append(Place(text=town, start=start, end=start + len(town), resolution="test"))
    index = StoryIndex(LinkSettings(threshold=-1.0))
    index.add([da, db])
    (story,) = stories(index)
    assert [sorted(v.value for v in c.values) for c in story.contradictions if c.slot == "dead"] \
        == [["20", "35"]]


@pytest.mark.parametrize("later", ["Rebel shelling of Homs on Tuesday killed 3 people, state media said."])
def test_link_contradictions_outlet_report_of_other_incident_keeps_first_claim(later):
    """An outlet's later article about another incident of the story does not replace its toll."""
    ta = "Air strikes hit a market in Aleppo on Monday, killing 20 people, a monitor said."
    tb = "Warplanes bombed a crowded market in Aleppo on Monday, killing 35 people, rescuers said."
    docs = [doc("a1", "Outlet A", "2016-10-18", ta), doc("b1", "Outlet B", "2016-10-18", tb),
            doc("a2", "Outlet A", "2016-10-19", later)]
    index = StoryIndex(LinkSettings(threshold=-1.0))
    index.add(docs)
    (story,) = stories(index)
    dead = [c for c in story.contradictions if c.slot == "dead"]
    assert [sorted(v.value for v in c.values) for c in dead] == [["20", "35"]]
    assert story.updates == []


@pytest.mark.parametrize("lead,value,victims", [
    ("At least 11 civilians among them three children were killed in raids on Monday.", "at least 11",
     "civilians"),
    ("Sixteen civilians - including three children - were killed on Monday, a monitor said.", "16",
     "civilians"),
    ("Among the dead, five of them children were killed in the raid, a monitor said.", None, None),
])
def test_link_slots_part_of_toll_stands_for_whole(lead, value, victims):
    """"Three children" inside "11 civilians, among them three children" is not the article's toll."""
    claims = [c for c in casualty_claims(doc("a", "Outlet A", "2016-10-18", lead), "Outlet A", "2016-10-18")
              if c.slot == "dead"]
    assert [(c.value, c.detail["victims"]) for c in claims] == ([(value, victims)] if value else [])


@pytest.mark.parametrize("attrs", [{"dead": 7}])
def test_link_slots_lead_figure_before_event_attribute_is_the_claim(attrs):
    """The lead's toll comes before a partial figure an event carries further on."""
    text = ("Sixteen civilians were killed on Monday in raids across Idlib, a monitor said. "
            "In Khan Sheikhun air strikes killed seven people.")
    d = doc("a", "Outlet A", "2016-10-24", text,
            events=[event(text, "air strikes killed seven people", **attrs)])
    claims = sorted((c for c in casualty_claims(d, "Outlet A", "2016-10-24") if c.slot == "dead"),
                    key=lambda c: c.evidence.start)
    assert [c.value for c in claims] == ["16", "7"]


@pytest.mark.parametrize("later_a,flagged", [
    ("Rescuers pulled more bodies from the rubble on Tuesday.", True),
    ("An earlier toll said 20 people were killed before more bodies were found.", False),
])
def test_link_contradictions_report_giving_other_figure_is_not_rival(later_a, flagged):
    """An article that itself gives the other outlet's figure (an earlier toll) reports the gap."""
    ta = "Air strikes hit a market in Aleppo on Monday, killing 35 people, a monitor said. " + later_a
    tb = "Warplanes bombed a crowded market in Aleppo on Monday, killing 20 people, rescuers said."
    story = _pair_story(ta, tb, {}, {})
    assert bool([c for c in story.contradictions if c.slot == "dead"]) is flagged


@pytest.mark.parametrize("toll_b,flagged", [("killed 15 civilians", True), ("killed 19 civilians", False)])
def test_link_contradictions_same_number_other_hedge_is_not_rival(toll_b, flagged):
    """"More than 19" against "19" is one figure told loosely, not two tolls."""
    ta = "More than 19 civilians were killed in Aleppo on Sunday as air raids hit a market."
    tb = f"Air raids on a market in Aleppo {toll_b} on Sunday, a monitor said."
    story = _pair_story(ta, tb, {}, {})
    assert bool([c for c in story.contradictions if c.slot == "dead"]) is flagged


def _claim(article, source, n, *, towns=("geo:1",), kinds=("air",), day="2016-10-18"):
    from sitrep.link.model import Claim, Evidence

    ev = Evidence(article=article, text=f"killing {n}", start=0, end=10)
    return Claim(slot="dead", about="casualties", value=str(n), article=article, source=source,
                 published=day, evidence=ev, low=float(n), high=float(n),
                 detail={"n": n, "lead_places": list(towns), "kinds": list(kinds), "stated": [n]})


def test_link_contradictions_one_per_incident_of_a_story():
    from sitrep.link.contradictions import find

    claims = [_claim("a1", "Outlet A", 10, towns=("geo:1",)), _claim("b1", "Outlet B", 20, towns=("geo:1",)),
              _claim("a2", "Outlet A", 5, towns=("geo:2",)), _claim("b2", "Outlet B", 8, towns=("geo:2",))]
    found, _ = find(claims, related=lambda a, b: a[1] == b[1])
    assert sorted(sorted(a for v in c.values for a in v.articles) for c in found) == [["a1", "b1"], ["a2", "b2"]]


@pytest.mark.parametrize("kinds_a,kinds_b,flagged", [
    (("air",), ("air", "blast"), True),
    (("air",), ("shelling",), False),   # an air raid's toll is not a rocket barrage's
    ((), ("shelling",), True),          # a lead naming no kind of attack does not rule one out
])
def test_link_contradictions_kind_of_attack_must_meet(kinds_a, kinds_b, flagged):
    from sitrep.link.contradictions import find

    found, _ = find([_claim("a", "Outlet A", 10, kinds=kinds_a), _claim("b", "Outlet B", 15, kinds=kinds_b)],
                    related=lambda a, b: True)
    assert bool(found) is flagged


@pytest.mark.parametrize("b_toll,b_town,b_day,flagged", [
    (15, "geo:1", "2016-10-18", True),    # one town, day and kind: one incident though worded apart
    (40, "geo:1", "2016-10-18", False),   # tolls too far apart for that
    (15, "geo:2", "2016-10-18", False),   # another town
    (15, "geo:1", "2016-10-21", False),   # days apart
])
def test_link_contradictions_same_kind_town_and_day_is_one_incident(b_toll, b_town, b_day, flagged):
    from sitrep.link.contradictions import find

    found, _ = find([_claim("a", "Outlet A", 10), _claim("b", "Outlet B", b_toll, towns=(b_town,), day=b_day)],
                    related=lambda a, b: False)
    assert bool(found) is flagged


def test_link_slots_attack_kinds_of_a_lead():
    from sitrep.link.slots import attack_kinds

    assert attack_kinds("Warplanes pounded the town and a car bomb went off") == ["air", "blast"]
    assert attack_kinds("Talks resumed in Geneva on Monday") == []


def _dated(article, source, n, *, published="2016-10-18", weekdays=(), written=None):
    c = _claim(article, source, n, day=published)
    c.detail.update(weekdays=list(weekdays), written_day=written)
    return c


@pytest.mark.parametrize("a,b,flagged", [
    (dict(weekdays=("friday",)), dict(weekdays=("friday",)), True),
    (dict(weekdays=("thursday",)), dict(weekdays=("friday",)), False),   # two days' tolls
    # a Friday incident (2016-10-21) cannot be what a report out on Thursday told
    (dict(published="2016-10-21", weekdays=("friday",)), dict(published="2016-10-20"), False),
    # the lead's own dateline (a month later) outweighs the date the report was filed under
    (dict(written="2016-11-18"), dict(), False),
])
def test_link_contradictions_days_the_leads_name(a, b, flagged):
    from sitrep.link.contradictions import find

    found, _ = find([_dated("a", "Outlet A", 10, **a), _dated("b", "Outlet B", 15, **b)],
                    related=lambda x, y: True)
    assert bool(found) is flagged


def test_link_contradictions_total_over_several_places_is_no_claim():
    from sitrep.link.contradictions import find

    total = _claim("a", "Outlet A", 10)
    total.detail["total"] = True
    found, _ = find([total, _claim("b", "Outlet B", 15)], related=lambda x, y: True)
    assert found == []


def test_link_slots_toll_spread_over_two_places_is_marked_total():
    text = ("Seven people were killed in rocket attacks in Aleppo and Homs on Monday, officials said. "
            "Rescuers searched the rubble.")
    (c,) = [c for c in casualty_claims(doc("a", "Outlet A", "2016-10-18", text), "Outlet A", "2016-10-18")
            if c.slot == "dead"]
    assert c.detail["total"] is True
    text = "Seven people were killed in rocket attacks on Aleppo on Monday, officials said."
    (c,) = [c for c in casualty_claims(doc("a", "Outlet A", "2016-10-18", text), "Outlet A", "2016-10-18")
            if c.slot == "dead"]
    assert c.detail["total"] is False


def test_link_slots_count_bound_to_the_word_after_it():
    found = [(s, n) for s, n, _, _, _ in casualties_in("Child killed 9 civilians injured in shelling")]
    assert ("dead", 9) not in found and ("injured", 9) in found


@pytest.mark.parametrize("a,b", [("Raqa", "ar Raqqah"), ("Deir az-Zour", "Deir ezzor"),
                                 ("Syrias Hasakeh", "al-Hasaka"), ("Raqqa province", "Raqqa"),
                                 ("Deir al-Zor", "Deir ez-Zor"), ("Urum al-Joz", "Urom al Joz")])
def test_link_slots_place_spellings_meet(a, b):
    from sitrep.link.towns import name_skeleton

    assert name_skeleton(a) == name_skeleton(b)
    assert name_skeleton("Homs") != name_skeleton("Hama")


def test_link_slots_written_date_of_a_lead():
    from sitrep.link.slots import written_date

    assert written_date("AFP Friday 28 Oct 2016 Rebels fired") == "2016-10-28"
    assert written_date("Published August 2, 2016 Ten civilians") == "2016-08-02"
    assert written_date("The war began in 2011") is None


@pytest.mark.parametrize("text,expected", [
    ("The death toll from the car bomb on the crowded market has risen to at least 112, a monitor said.",
     [("dead", 112, "at least")]),
    ("Local police put the death toll at 16 on Tuesday.", [("dead", 16, None)]),
    ("The number of victims is at least 70, the source said.", [("dead", 70, "at least")]),
    ("At least 35 ISIS fighters were killed in the raids.", [("dead", 35, "at least")]),
    ("Town 20 Civilians Killed Scores Injured in Shelling", [("dead", 20, None)]),
    ("01.05.2016 Twelve people died in the blast.", [("dead", 12, None)]),
    ("A bomber killed 30 people injured 90 on Monday", [("dead", 30, None), ("injured", 90, None)]),
    ("Three killed 12 others injured in shelling", [("dead", 3, None), ("injured", 12, None)]),
])
def test_link_slots_casualty_phrasings(text, expected):
    """Tolls stated as a level reached, names between the number and the verb, and
    capitalised headline words that are not a count's filler."""
    assert [(s, n, m) for s, n, m, _, _ in casualties_in(text)] == expected


def test_link_slots_bare_lead_figure_takes_body_hedge():
    """"Toll rises to 70" in the headline is the body's "at least 70": a range, not an exact toll."""
    text = ("Blast toll in Aleppo rises to 70. Buses were hit at a crossing on Saturday. Rescuers "
            "were still at work. A source said the number of victims is at least 70 and many more were hurt.")
    (c,) = [c for c in casualty_claims(doc("a", "Outlet A", "2017-04-15", text), "Outlet A", "2017-04-15")
            if c.slot == "dead"]
    assert (c.value, c.low, c.high) == ("at least 70", 70, float("inf"))


def test_link_slots_hedged_twin_keeps_victims_of_bare_figure():
    """"Killing 40 attackers" names whom the lead's "at least 40 people" counts."""
    text = ("Troops repelled an assault on a town near Homs on Tuesday, killing 40 attackers. "
            "At least 40 people were killed in the fighting, the ministry said.")
    (c,) = [c for c in casualty_claims(doc("a", "Outlet A", "2016-09-20", text), "Outlet A", "2016-09-20")
            if c.slot == "dead"]
    assert (c.value, c.detail["victims"]) == ("at least 40", "combatants")


@pytest.mark.parametrize("sentence,total", [
    ("Some 120 fighters were killed in strikes over the past 24 hours, the ministry said.", True),
    ("Rebel rockets killed 84 people in three days, the army said.", True),
    ("38 civilians have been killed in a two-day offensive on the city.", True),
    ("57 civilians were killed in continued attacks on the city.", True),
    ("Twelve people were killed in a second blast within hours.", False),
    ("Twelve people were killed in a market blast on Monday.", False),
])
def test_link_slots_toll_over_a_period_is_a_total(sentence, total):
    """A toll summed over days or a running campaign is no single incident's figure."""
    text = sentence + " Rescuers searched the rubble."
    (c,) = [c for c in casualty_claims(doc("a", "Outlet A", "2016-10-18", text), "Outlet A", "2016-10-18")
            if c.slot == "dead"]
    assert c.detail["total"] is total


@pytest.mark.parametrize("text,name,town", [
    ("Troops ambushed rebels in Daraa province on Sunday.", "Daraa", False),
    ("Jets struck the province of Daraa on Sunday.", "Daraa", False),
    ("Shells fell on rural Aleppo overnight.", "Aleppo", False),
    ("Shells fell on Aleppo overnight.", "Aleppo", True),
    ("A blast hit Daraa province and the city of Daraa itself.", "Daraa", True),
])
def test_link_slots_province_named_like_its_town_is_no_town(text, name, town):
    """Most Syrian provinces share their capital's name: "Daraa province" places no incident in the town."""
    from sitrep.link.towns import names_town

    assert names_town(text, name) is town


@pytest.mark.parametrize("where_a,flagged", [("in Aleppo province", False), ("in Aleppo", True)])
def test_link_contradictions_province_toll_not_set_against_town_toll(where_a, flagged):
    """A toll "in Aleppo province" and one in the city of Aleppo are not read as one incident."""
    ta = f"Warplanes killed 32 people {where_a} on Sunday, a monitor said of the raids."
    tb = "Warplanes killed 50 people in the city of Aleppo on Sunday, state media said of the raids."
    found = [c for s in link_stories([doc("a", "Outlet A", "2016-08-24", ta),
                                      doc("b", "Outlet B", "2016-08-24", tb)])
             for c in s.contradictions if c.slot == "dead"]
    assert bool(found) is flagged


@pytest.mark.parametrize("published,event_day", [("2016-10-04", "2016-10-03"), ("2016-10-12", None)])
def test_link_slots_relative_event_day_needs_the_day_it_counted_from(published, event_day):
    """"On Monday" resolved from a feed date the dateline contradicts is not the incident's day."""
    from sitrep.model import Event, Span

    text = "Published October 4 2016 A bomber killed 30 people on Monday at a wedding in Hasakeh."
    e = Event(event="ASSAULT", evidence=Span(text[26:], 26, len(text)), rule="test",
              date="2016-10-03" if published == "2016-10-04" else "2016-10-10",
              date_resolution="own time expression 'Monday'")
    d = doc("a", "Outlet A", published, text, events=[e])
    (c,) = [c for c in casualty_claims(d, "Outlet A", "2016-10-04") if c.slot == "dead"]
    assert c.detail["event_day"] == event_day
