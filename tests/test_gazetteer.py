"""The offline gazetteer index: names, look-ups, lexicons and the cache file."""
from __future__ import annotations

import pytest

from sitrep.extract import gazetteer


@pytest.mark.parametrize("name, key", [
    ("U.S.", "us"),
    ("Québec", "quebec"),
    ("St. Louis", "saint louis"),
    ("Al-Raqqa", "al raqqa"),
    ("the Gambia", "gambia"),
])
def test_gazetteer_name_key_normalises(name, key):
    assert gazetteer.name_key(name) == key


@pytest.mark.parametrize("name, geonameid, country, feature", [
    ("Aleppo", 170063, "SY", "city"),
    ("Halab", 170063, "SY", "city"),
    ("Moscow", 524901, "RU", "capital"),
    ("U.S.", 6252001, "US", "country"),
    ("Britain", None, "GB", "country"),
    ("Illinois", None, "US", "admin1"),
])
def test_gazetteer_lookup_ranks_the_expected_place_first(name, geonameid, country, feature):
    first = gazetteer.load().lookup(name)[0]
    assert (first.country_code, first.feature) == (country, feature)
    if geonameid is not None:
        assert first.geonameid == geonameid


@pytest.mark.parametrize("spellings", [
    ["Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Deir el-Zour"],
    ["Al-Raqqa", "ar-Raqqa", "Raqqa"],
    ["Hasakah", "Hasakeh"],
])
def test_gazetteer_arabic_key_brings_spellings_together(spellings):
    keys = {gazetteer.arabic_key(gazetteer.name_key(s)) for s in spellings}
    assert len(keys) == 1


@pytest.mark.parametrize("name, place", [
    ("Deir Ezzor", "Deir ez-Zor"),      # the article joined to a doubled letter
    ("Deir el-Zour", "Deir ez-Zor"),
    ("Al-Raqqa", "Ar Raqqah"),          # another article, another final letter
    ("Qamishli", "Al Qāmishlī"),        # the article left off
])
def test_gazetteer_lookup_reads_other_spellings_of_arabic_names(name, place):
    found = gazetteer.load().lookup(name)
    assert found and found[0].name == place and found[0].country_code == "SY"
    assert found[0].kind == gazetteer.ALTERNATE


@pytest.mark.parametrize("name", [
    "An Alexandria",  # "An" opens an English phrase, not an Arabic name
    "Al Gore",        # a first name, not the article
    "Ittihad",        # the village of that name is too small to read through a spelling
])
def test_gazetteer_lookup_keeps_english_words_out_of_arabic_spellings(name):
    assert not gazetteer.load().lookup(name)


@pytest.mark.parametrize("name", ["Ill.", "Calif."])
def test_gazetteer_qualifiers_only_when_asked(name):
    gaz = gazetteer.load()
    assert not any(c.feature == "admin1" for c in gaz.lookup(name))
    assert gaz.lookup(name, qualifiers=True)[0].feature == "admin1"


@pytest.mark.parametrize("code, lat, lon", [("SY", 35.0, 38.0), ("US", 39.76, -98.5)])
def test_gazetteer_country_has_reference_point(code, lat, lon):
    country = gazetteer.load().country(code)
    assert country is not None and (country.lat, country.lon) == (lat, lon)


@pytest.mark.parametrize("country, code, name", [("US", "IL", "Illinois"), ("CA", "08", "Ontario")])
def test_gazetteer_admin1_is_placed_inside_its_towns(country, code, name):
    state = gazetteer.load().admin1(country, code)
    assert state is not None and state.name == name and state.lat is not None


@pytest.mark.parametrize("word, code", [("Syrian", "SY"), ("russian", "RU"), ("Kurdish", "")])
def test_gazetteer_demonyms_map_to_countries(word, code):
    assert gazetteer.demonyms()[word.casefold()] == code


@pytest.mark.parametrize("min_population", [15000])
def test_gazetteer_cache_rebuilds_when_missing(tmp_path, monkeypatch, min_population):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer.load.cache_clear()
    try:
        path = gazetteer.index_path(min_population)
        assert not path.exists()
        assert gazetteer.load(min_population).lookup("Aleppo")[0].geonameid == 170063
        assert path.exists() and path.parent == tmp_path / "sitrep"
        path.unlink()
        stale = path.with_name(f"gazetteer-{min_population}-000000000000.sqlite")
        stale.write_bytes(b"an index built from older rules")
        gazetteer.load.cache_clear()
        assert gazetteer.load(min_population).lookup("Moscow")[0].country_code == "RU"
        assert path.exists() and not stale.exists()
    finally:
        gazetteer.load.cache_clear()


@pytest.mark.parametrize("min_population", [15000])
def test_gazetteer_falls_back_to_temp_when_cache_is_unwritable(tmp_path, monkeypatch,
                                                               min_population):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(gazetteer.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    gazetteer.load.cache_clear()
    try:
        gaz = gazetteer.load(min_population)
        assert gaz.path.is_relative_to(tmp_path / "tmp")
        assert gaz.lookup("Aleppo")[0].country_code == "SY"
    finally:
        gazetteer.load.cache_clear()


@pytest.mark.parametrize("points, lat, lon", [
    # a crowded corner and three lone towns: the middle of the territory, not of the crowd
    ([(0.5, 0.5)] * 50 + [(4.5, 0.5), (0.5, 4.5), (4.5, 4.5)], 2.5, 2.5),
    # one town: its own point
    ([(10.0, 20.0)], 10.0, 20.0),
])
def test_gazetteer_hull_centre_weighs_territory_not_towns(points, lat, lon):
    got_lat, got_lon = gazetteer._hull_centre(points)
    assert got_lat == pytest.approx(lat, abs=0.1)
    assert got_lon == pytest.approx(lon, abs=0.1)


@pytest.mark.parametrize("points, lat, lon", [
    # a province's towns and one village GeoNames files under it 2,500 km away
    ([(38.0 + i, 114.0 + j) for i in range(3) for j in range(3)] + [(33.3, 87.7)], 39.0, 115.0),
    # towns along one road: their middle (the hull has no area)
    ([(38.0 + i / 10, 114.0 + i / 10) for i in range(30)], 39.45, 115.45),
])
def test_gazetteer_hull_centre_ignores_a_stray_town_far_from_the_rest(points, lat, lon):
    got_lat, got_lon = gazetteer._hull_centre(points)
    assert got_lat == pytest.approx(lat, abs=0.2)
    assert got_lon == pytest.approx(lon, abs=0.2)


@pytest.mark.parametrize("name, country, near", [
    ("Sichuan", "CN", (30.66, 104.06)),       # ISO subdivision, no namesake town: at Chengdu
    ("Surrey", "GB", (51.24, -0.57)),         # a county: at its county town, Guildford
    ("Rift Valley Province", "KE", (-0.30, 36.07)),  # a former province ISO no longer lists
    ("Bavaria", "DE", (48.8, 11.4)),          # English name of "Bayern", at its area centre
])
def test_gazetteer_divisions_are_placed_at_their_seat_or_centre(name, country, near):
    found = [c for c in gazetteer.load().lookup(name)
             if c.country_code == country and c.feature == "province"]
    assert found and found[0].lat is not None
    assert gazetteer.distance_km(found[0].lat, found[0].lon, *near) < 161


@pytest.mark.parametrize("seat", ["Nowhere-on-Sea"])
def test_gazetteer_unknown_seat_is_an_error_that_names_the_row(seat, monkeypatch):
    row = {"country": "GB", "name": "Testshire", "seat": seat, "aliases": ""}
    monkeypatch.setattr(gazetteer, "read_table", lambda name: [row])
    with pytest.raises(ValueError, match=seat):
        gazetteer._seats({})


@pytest.mark.parametrize("name, feature, country", [
    ("Java", "region", "ID"),
    ("EU", "region", None),
    ("Soviet Union", "region", None),
    ("South Ossetia", "region", "GE"),
])
def test_gazetteer_lists_islands_and_unions(name, feature, country):
    first = gazetteer.load().lookup(name)[0]
    assert (first.feature, first.country_code) == (feature, country)


@pytest.mark.parametrize("name", ["United Nations", "UN"])
def test_gazetteer_united_nations_is_no_listed_place(name):
    assert all(c.kind != gazetteer.ALIAS and c.feature not in ("region", "country")
               for c in gazetteer.load().lookup(name))


@pytest.mark.parametrize("name, code", [("Congo", "CG"), ("Kingdom of Spain", "ES"),
                                        ("Republic of Kenya", "KE")])
def test_gazetteer_iso_country_names_are_aliases(name, code):
    best = [c for c in gazetteer.load().lookup(name) if c.feature == "country"]
    assert best and best[0].country_code == code and best[0].kind == gazetteer.ALIAS
