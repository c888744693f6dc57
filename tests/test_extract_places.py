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
