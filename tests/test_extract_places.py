"""The places layer: toponym recognition, resolution in context, helpers for other layers."""
from __future__ import annotations

import pytest

import sitrep
from sitrep.extract import places
from sitrep.extract.context import Context
from sitrep.model import Article
from sitrep.settings import Settings

PLACES_ONLY = Settings(layers=frozenset({"places"}))


def _places(text: str):
    return sitrep.analyze(text, settings=PLACES_ONLY).places


def _context(nlp, text: str) -> Context:
    """A Context without the pipeline's related-story filter (the layer on its own)."""
    return Context(article=Article(id="t", text=text), doc=nlp(text), settings=PLACES_ONLY)


def _named(found, text):
    return [p for p in found if p.text == text]


@pytest.mark.parametrize("surface", ["Aleppo"])
def test_extract_places_seed_eastern_aleppo_resolves_to_aleppo(seed_result, seed_text,
                                                                surface):
    start = seed_text.index("eastern Aleppo") + len("eastern ")
    hit = [p for p in seed_result.places if p.start <= start < p.end]
    assert hit, "the toponym in 'eastern Aleppo' was not found"
    place = hit[0]
    assert place.text == surface and place.geonameid == 170063 and place.country_code == "SY"
    assert place.lat == pytest.approx(36.20, abs=0.05)
    assert place.lon == pytest.approx(37.16, abs=0.05)


@pytest.mark.parametrize("word", ["Syrian", "Russian", "Reuters", "UN"])
def test_extract_places_seed_non_places_are_skipped(seed_result, word):
    assert not _named(seed_result.places, word)


@pytest.mark.parametrize("name, country, feature", [("Moscow", "RU", "capital")])
def test_extract_places_seed_moscow_is_russias_capital(nlp, seed_text, name, country, feature):
    found = _named(places.extract(_context(nlp, seed_text)), name)
    assert found and all((p.country_code, p.feature) == (country, feature) for p in found)


@pytest.mark.parametrize("text, surface, country, admin1", [
    ("She grew up in Paris, Texas, a small town near the Oklahoma line.", "Paris", "US", "TX"),
    ("Leaders met in Paris on Monday, and France promised more aid.", "Paris", "FR", "11"),
    ("The Springfield city council voted on Tuesday. Illinois lawmakers in Chicago "
     "praised the decision.", "Springfield", "US", "IL"),
    ("A storm hit Springfield, Mass., overnight.", "Springfield", "US", "MA"),
    ("Protesters gathered in Tbilisi as Georgia accused Russia of provocations.", "Georgia",
     "GE", None),
    ("Voters in Atlanta and Savannah said Georgia would decide the election.", "Georgia",
     "US", "GA"),
])
def test_extract_places_context_disambiguates(text, surface, country, admin1):
    found = _named(_places(text), surface)
    assert found, f"{surface!r} not found"
    assert all(p.country_code == country for p in found)
    if admin1 is not None:
        assert all(p.admin1 == admin1 for p in found)


@pytest.mark.parametrize("text, qualifier", [("A storm hit Springfield, Ill., overnight.", "Ill.")])
def test_extract_places_qualifier_is_a_state(text, qualifier):
    found = _named(_places(text), qualifier)
    assert found and found[0].feature == "admin1" and found[0].name == "Illinois"


@pytest.mark.parametrize("text, town, qualifier", [
    # the gazetteer knows England's Stroud only: the writer put this one in Ontario
    ("The truck was stopped on the highway near Stroud, Ontario, late on Friday.", "Stroud",
     "Ontario"),
])
def test_extract_places_qualified_town_missing_from_the_gazetteer_stays_unresolved(
        text, town, qualifier):
    found = _places(text)
    assert [p.name for p in _named(found, qualifier)] == [qualifier]
    named = _named(found, town)
    assert named and named[0].lat is None and qualifier in named[0].resolution


@pytest.mark.parametrize("text, town, state", [
    # "Panama" opens "Panama City", the next name of the list: no qualifier of Pensacola
    ("The team toured Tampa, Orlando, Pensacola, Panama City and Gainesville.", "Pensacola",
     "FL"),
])
def test_extract_places_list_word_before_a_longer_name_is_no_qualifier(text, town, state):
    named = _named(_places(text), town)
    assert named and named[0].country_code == "US" and named[0].lat is not None


@pytest.mark.parametrize("text, surface, country", [
    # a big city the gazetteer knows by another spelling, after words that only a place fits
    ("Twenty people were killed in the city of Hasakah on Monday.", "Hasakah", "SY"),
])
def test_extract_places_big_city_by_another_spelling_after_a_place_word(text, surface, country):
    named = _named(_places(text), surface)
    assert named and named[0].country_code == country


@pytest.mark.parametrize("text, absent", [
    ("Police said the fire started at night.", "Police"),
    ("Syrian and Russian officials met on Monday.", "Syrian"),
    ("Jordan Smith scored twice for the visitors.", "Jordan"),
])
def test_extract_places_guards_reject_non_places(text, absent):
    assert not [p for p in _places(text) if absent in p.text]


@pytest.mark.parametrize("text", [
    "Aid reached eastern Aleppo and Idlib, Syria, on Tuesday, officials in Damascus said.",
    "The mayor of Gainesville, Fla., met officials from Alachua County and Ocala.",
])
def test_extract_places_items_point_into_text_with_a_reason(text):
    found = _places(text)
    assert found
    for p in found:
        assert text[p.start:p.end] == p.text
        assert p.resolution


@pytest.mark.parametrize("text, clause, expected", [
    ("Fighting in Aleppo, Syria, went on. Talks were held in Geneva.",
     "Talks were held in Geneva.", "Geneva"),
    ("Fighting in Aleppo, Syria, went on.", "Fighting in Aleppo, Syria, went on.", "Aleppo"),
])
def test_extract_places_place_for_span_prefers_the_most_specific(nlp, text, clause, expected):
    ctx = _context(nlp, text)
    ctx.places = places.extract(ctx)
    start = text.index(clause)
    place = places.place_for_span(ctx, start, start + len(clause))
    assert place is not None and place.name == expected


@pytest.mark.parametrize("text, expected", [
    ("Shelling hit Aleppo again. Aleppo residents fled toward Turkey, Syria's neighbour.",
     "Aleppo"),
    ("Syria and Turkey traded accusations; Syria denied it.", "Syria"),
])
def test_extract_places_document_place_is_the_most_mentioned(nlp, text, expected):
    ctx = _context(nlp, text)
    ctx.places = places.extract(ctx)
    assert places.document_place(ctx).name == expected


@pytest.mark.parametrize("a, b, km", [((36.20, 37.16), (33.51, 36.29), 308)])
def test_extract_places_distance_km_is_great_circle(a, b, km):
    assert places.distance_km(*a, *b) == pytest.approx(km, rel=0.02)


@pytest.mark.parametrize("text, surface, country", [
    ("BEIRUT: Protesters gathered outside parliament on Sunday.", "BEIRUT", "LB"),
    ("Officials of the Ohio Department of Transportation closed the road.", "Ohio", "US"),
    ("She finished medical school at the University of Pennsylvania last year.", "Pennsylvania",
     "US"),
])
def test_extract_places_finds_datelines_and_places_inside_names(text, surface, country):
    found = _named(_places(text), surface)
    assert found and found[0].country_code == country


@pytest.mark.parametrize("text, surface, admin1", [
    ("Deputies from Henry County searched a farm outside Paris on Friday.", "Paris", "TN"),
])
def test_extract_places_names_sharing_a_state_support_each_other(text, surface, admin1):
    found = _named(_places(text), surface)
    assert found and (found[0].country_code, found[0].admin1) == ("US", admin1)


@pytest.mark.parametrize("text, absent", [
    ("UN officials met in Geneva on Monday to discuss the truce.", "UN"),
    ("The U.N. envoy arrived in Damascus on Tuesday.", "U.N."),
    ("NATO ministers gathered in Brussels.", "NATO"),
])
def test_extract_places_organisation_acronyms_are_never_places(text, absent):
    found = _places(text)
    assert not [p for p in found if p.text == absent]
    assert found, "the real place of the sentence was lost too"


@pytest.mark.parametrize("text, surface, name", [
    ("Talks between Moscow and the EU stalled.", "EU", "European Union"),
    ("The mayor of Sydney, NSW, welcomed the rain.", "NSW", "New South Wales"),
])
def test_extract_places_listed_acronyms_stay_places(text, surface, name):
    found = _named(_places(text), surface)
    assert found and found[0].name == name


@pytest.mark.parametrize("text, surface, expected", [
    ("A fire destroyed a barn near Cottonport, Louisiana, on Friday. Later, Cottonport "
     "firefighters said nobody was hurt.", "Cottonport", 2),
])
def test_extract_places_repeated_name_keeps_its_place_reading(text, surface, expected):
    found = _named(_places(text), surface)
    assert len(found) == expected
    assert len({(p.lat, p.lon) for p in found}) == 1


@pytest.mark.parametrize("text, surface", [
    ("Kristina Brown moved to Kristina, a village, last year. Later Kristina said she "
     "liked it.", "Kristina"),
])
def test_extract_places_repeated_name_skips_people(text, surface):
    later = text.index("Later") + len("Later ")
    assert not [p for p in _places(text) if p.start == later]


@pytest.mark.parametrize("text, absent", [
    ("Officials in KwaZulu-Natal said the outbreak had spread to two more districts.", "Natal"),
])
def test_extract_places_second_half_of_a_hyphenated_name_is_no_place(text, absent):
    assert not _named(_places(text), absent)


@pytest.mark.parametrize("text, surface, feature", [
    ("Illinois troopers from Rockford and Chicago drove to Oregon to return the fugitive.",
     "Oregon", "admin1"),
    ("Floods on Java displaced thousands, officials in Jakarta said.", "Java", "region"),
])
def test_extract_places_big_places_beat_small_namesakes_in_context(text, surface, feature):
    found = _named(_places(text), surface)
    assert found and found[0].feature == feature


@pytest.mark.parametrize("text, surface, country", [
    ("Pilgrims returned from Mecca on Sunday after the hajj.", "Mecca", "SA"),
])
def test_extract_places_world_city_exonym_beats_small_namesake(text, surface, country):
    found = _named(_places(text), surface)
    assert found and found[0].country_code == country


@pytest.mark.parametrize("text, name, country", [
    ("Fighting spread in the Democratic Republic of the Congo on Monday.",
     "Democratic Republic of the Congo", "CD"),
    ("Aid went to Uganda, Zambia and the Democratic Republic of the Congo last year.",
     "Democratic Republic of the Congo", "CD"),
])
def test_extract_places_entities_split_at_of_are_joined(text, name, country):
    found = [p for p in _places(text) if p.country_code == country]
    assert found and found[0].text == name


@pytest.mark.parametrize("text, surface, country", [
    ("Aid reached Guinea-Bissau on Monday, the ministry said.", "Guinea-Bissau", "GW"),
    ("Cholera spread in the Republic of Congo last week.", "Republic of Congo", "CG"),
])
def test_extract_places_entities_widen_to_the_known_name(text, surface, country):
    found = [p for p in _places(text) if p.country_code == country]
    assert found and found[0].text == surface


@pytest.mark.parametrize("text, city", [
    ("Mexico reported new cases. Officials in Mexico City closed schools.", "Mexico City"),
])
def test_extract_places_repeated_name_is_not_cut_from_a_longer_name(text, city):
    start = text.index(city)
    assert not [p for p in _places(text) if p.start == start and p.feature == "country"]


@pytest.mark.parametrize("text, surface, near", [
    ("Floods hit Anhui province, officials in Beijing said.", "Anhui", (31.86, 117.28)),
    ("Police in Surrey, England, said the road was closed.", "Surrey", (51.24, -0.57)),
])
def test_extract_places_provinces_are_located_at_their_seat(text, surface, near):
    found = _named(_places(text), surface)
    assert found and found[0].lat is not None
    assert places.distance_km(found[0].lat, found[0].lon, *near) < 161


@pytest.mark.parametrize("text", [
    "Several armed groups, including Fastaqim and the Islamists of Ahrar al-Sham, rejected the offer "
    "in Aleppo on Monday.",
    "Rebels from Fastaqim rejected the plan, the group said in Aleppo.",
])
def test_extract_places_armed_groups_the_tagger_calls_places_are_not_places(nlp, text):
    """An unknown "place" that the actor dictionary knows as an organisation is an actor."""
    places = sitrep.analyze(text, published="2016-10-18").places
    assert [p.name for p in places] == ["Aleppo"]


@pytest.mark.parametrize("text, surface, name, fires", [
    ("Enrollment slowed in Jackson and Barrow counties, Georgia officials said.", "Barrow",
     "Barrow County", True),
    ("Harper said the list of bridges was long.", "Harper", None, False),
])
def test_extract_places_county_list_reads_each_name_as_a_county(text, surface, name, fires):
    found = _named(_places(text), surface)
    assert bool(found) is fires
    if fires:
        assert found[0].name == name and found[0].feature == "admin2"


@pytest.mark.parametrize("text, surface, admin1, fires", [
    ("Delegate Carrie Webster, D-Kanawha, spoke in Charleston, W.Va.", "Kanawha", "WV", True),
    ("The D-Day landings began at dawn.", "Day", None, False),
])
def test_extract_places_party_tag_names_a_home_in_the_us(text, surface, admin1, fires):
    found = _named(_places(text), surface)
    assert bool(found) is fires
    if fires:
        assert found[0].country_code == "US" and found[0].admin1 == admin1


@pytest.mark.parametrize("text, surface, fires", [
    ("Home hit by fire. BYESVILLE -- Firefighters searched the house in Ohio.", "BYESVILLE",
     True),
    ("It is part of Xenophobii.NET, or the No to Xenophobia camp.", "NET", False),
])
def test_extract_places_dateline_town_of_any_size(text, surface, fires):
    assert bool(_named(_places(text), surface)) is fires


@pytest.mark.parametrize("text, surface, fires", [
    ("The crash was reported by Grand Ledge Police Chief Martin Underhill in Michigan.",
     "Grand Ledge", True),
    ("Superior Court Judge Rene Navarro ruled on Tuesday.", "Superior", False),
    ("The fence on Elkview Court in Charleston, W.Va., was closed.", "Elkview", False),
])
def test_extract_places_town_before_a_civic_word(text, surface, fires):
    assert bool(_named(_places(text), surface)) is fires


@pytest.mark.parametrize("text, surface, fires", [
    ("Authorities said Rebecca Sears, 41, of Grovetown, planned the trip. Georgia police agreed.",
     "Grovetown", True),
    ("The session will be held in Talla 2 at the community centre in Dublin, Ohio.", "Talla",
     False),
])
def test_extract_places_small_town_after_home_or_locative(text, surface, fires):
    assert bool(_named(_places(text), surface)) is fires


@pytest.mark.parametrize("text, surface, fires", [
    ("Dr. Julie Gerberding, head of the US Centers for Disease Control, said so.", "US", True),
    ("Let us go, he told the crowd.", "us", False),
])
def test_extract_places_capitalised_us_is_no_stop_word(text, surface, fires):
    assert bool(_named(_places(text), surface)) is fires


# ---------------------------------------------------------------- whole names, lists, cues

@pytest.mark.parametrize("text, surface, name, country", [
    ("North Korea's state media reported a new outbreak among poultry farms.",
     "North Korea", "North Korea", "KP"),
    ("Floods hit Rio Grande do Sul after days of rain in Brazil.",
     "Rio Grande do Sul", "Rio Grande do Sul", "BR"),
    ("Aid poured into South Asia Earthquake zones in Pakistan.", "South Asia", "South Asia",
     None),
])
def test_extract_places_multi_word_names_resolve_whole(text, surface, name, country):
    found = _named(_places(text), surface)
    assert found and all(p.name == name and p.country_code == country for p in found)


@pytest.mark.parametrize("text, part", [
    ("Heavy rains flooded villages across the Central Plateau of the island on Monday.",
     "Plateau"),
    ("Farmers in West Prince reported sick geese to the province on Monday.", "Prince"),
    ("Nurses from Ceamurlia de Jos and Maliuc treated the sick.", "Jos"),
    ("Rebels attacked the American South in the film, which was shot in Toronto.", "South"),
])
def test_extract_places_never_resolve_a_name_through_one_of_its_words(text, part):
    """A multi-word toponym the gazetteer does not know stays unresolved (or unfound):
    never Nigeria's Plateau State for "Central Plateau", nor Jos for "Ceamurlia de Jos"."""
    assert not [p for p in _places(text) if p.name and p.text == part]


def test_extract_places_direction_word_before_a_place_named_alone_elsewhere():
    text = ("Drilling is planned in north Arlington, Texas. The North Arlington Neighbors "
            "association met in Arlington on Tuesday.")
    found = [p for p in _places(text) if "Arlington" in p.text]
    assert found and all((p.country_code, p.admin1) == ("US", "TX") for p in found)


@pytest.mark.parametrize("text, surface, admin1", [
    ("Cases were reported in Georgia, Oklahoma, Pennsylvania, Wisconsin and California.",
     "Oklahoma", "OK"),
    ("Outbreaks were confirmed in Michigan, Ohio, Texas and Wyoming last week.",
     "Wyoming", "WY"),
])
def test_extract_places_names_in_a_list_of_states_are_states(text, surface, admin1):
    found = _named(_places(text), surface)
    assert found and all((p.feature, p.admin1) == ("admin1", admin1) for p in found)


def test_extract_places_town_comma_state_still_qualifies():
    found = _named(_places("Rain fell on Washington, D.C., and on Boston."), "Washington")
    assert found and found[0].admin1 == "DC"


@pytest.mark.parametrize("text", [
    "The infected cow was found at a Washington state farm last month.",
    "Officials in the state of Washington said the farm was quarantined.",
])
def test_extract_places_state_word_picks_the_state(text):
    found = _named(_places(text), "Washington")
    assert found and all((p.feature, p.admin1) == ("admin1", "WA") for p in found)


def test_extract_places_iso_short_name_of_a_country():
    found = _named(_places("Fighting spread across Congo and into Gabon in May."), "Congo")
    assert found and found[0].feature == "country" and found[0].country_code == "CG"


def test_extract_places_loc_entity_prefers_the_sea_to_a_town():
    text = "Officials in Virginia and Ohio watch the Atlantic flyway, which carries birds."
    found = _named(_places(text), "Atlantic")
    assert found and found[0].feature == "sea"


def test_extract_places_small_town_abroad_without_support_is_left_unresolved(nlp):
    """The only bearers of a name are small towns in a country the article never names:
    better unresolved than on another continent; with support the same town stays."""
    from sitrep.extract.gazetteer import Candidate
    from sitrep.extract.places_resolve import Mention, resolve

    doc = nlp("Crowds filled Tallow Cross as France and Spain reported calm.")
    town = Candidate(1, 1, "Tallow Cross", -30.0, 150.0, "AU", "02", "city", 2_000)
    france = Candidate(2, 2, "France", 46.0, 2.0, "FR", None, "country", 67_000_000)
    spain = Candidate(3, 3, "Spain", 40.0, -4.0, "ES", None, "country", 47_000_000)
    australia = Candidate(4, 4, "Australia", -25.0, 134.0, "AU", None, "country", 25_000_000)

    def mention(i, text, cand):
        start = doc.text.index(text)
        return Mention(i, i + 1, text, start, start + len(text), [cand], "test")

    found = resolve([mention(2, "Tallow Cross", town), mention(6, "France", france),
                     mention(8, "Spain", spain)], doc)
    assert found[0].name is None and "abroad" in found[0].resolution
    found = resolve([mention(2, "Tallow Cross", town), mention(6, "France", australia)], doc)
    assert found[0].name == "Tallow Cross"
