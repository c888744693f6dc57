"""Reading actor dictionaries into a :class:`Lexicon`: the shipped rules and users' files.

Shipped data lives in ``rules/actor_*.yaml`` (countries, organisations, people,
sector nouns) and ``rules/actor_places.tsv`` (regions and large cities). People are
split by kind of office: ``actor_people_leaders.yaml`` (heads of state and
government of every country since about 2000) and ``actor_people_officials.yaml``
(ministers, commanders, opposition and armed-group leaders) load before the
hand-kept ``actor_people.yaml``, which wins any clash. Users extend or override
it with CSV (header ``name,code,sector`` plus, optionally, ``aliases``, ``kind``,
``until``, ``alt_codes``; several aliases or codes in one cell are separated by
``|`` or ``;``), YAML of the same shape (YAML entries may also list earlier
offices under ``roles``), or a PETRARCH actor dictionary (``*.actors.txt``, see
:mod:`sitrep.extract.actors_petrarch`).
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import SitrepError
from sitrep.extract.actors_lexicon import KINDS, DatedCode, Lexicon, LexEntry

RULES = Path(__file__).resolve().parent / "rules"

#: Shipped files in load order: later files override earlier ones on the same phrase.
SHIPPED = ("actor_places.tsv", "actor_countries.yaml", "actor_sectors.yaml",
           "actor_organisations.yaml", "actor_armed_groups.yaml",
           "actor_people_leaders.yaml", "actor_people_officials.yaml", "actor_people.yaml")

#: libyaml's C loader when present (the shipped files load ~5x faster), else pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Separators accepted between aliases in one CSV cell.
ALIAS_SEPARATORS = ("|", ";")


class ActorDictionaryError(SitrepError):
    """An actor dictionary file cannot be read; the message names the file and the fix."""


def _blank(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _aliases(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        for sep in ALIAS_SEPARATORS:
            value = value.replace(sep, "\n")
        return [a.strip() for a in value.split("\n") if a.strip()]
    return [str(a).strip() for a in value if str(a).strip()]


def add_record(lexicon: Lexicon, record: Mapping[str, Any], *, source: str,
               kind: str = "org") -> None:
    """Add one ``{name, code, sector, aliases, kind, alt_codes, until, roles}`` record.

    The record is registered under its name and every alias.
    """
    name = _blank(record.get("name"))
    if name is None:
        raise ActorDictionaryError(f"{source}: an entry has no 'name' ({dict(record)!r}); "
                                   "give every entry a name")
    kind = _blank(record.get("kind")) or kind
    if kind not in KINDS:
        raise ActorDictionaryError(f"{source}: entry {name!r} has unknown kind {kind!r}; "
                                   f"use one of {', '.join(sorted(KINDS))}")
    code = _blank(record.get("code"))
    entry = LexEntry(kind=kind, code=code, sector=_blank(record.get("sector")), name=name,
                     source=source, alt_codes=tuple(_aliases(record.get("alt_codes"))),
                     defers=bool(record.get("defers", False)),
                     dated=_roles(code, record.get("roles"), source, name)
                     + _former(code, record.get("until"), source, name))
    for phrase in [name, *_aliases(record.get("aliases"))]:
        lexicon.add(phrase, entry)


def _date(value: Any, field: str, source: str, name: str) -> dt.date | None:
    """A YAML date or ``YYYY-MM-DD`` text; None when blank."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ActorDictionaryError(f"{source}: entry {name!r} has {field!r} {value!r}, "
                                   "not a YYYY-MM-DD date") from exc


def _former(code: str | None, until: Any, source: str, name: str) -> tuple[DatedCode, ...]:
    """After an office ends (``until``), its holder is a former official: PLOVER ELI."""
    end = _date(until, "until", source, name)
    return () if end is None else (DatedCode(code, "ELI", start=end + dt.timedelta(days=1)),)


def _roles(code: str | None, roles: Any, source: str, name: str) -> tuple[DatedCode, ...]:
    """Earlier or other offices, ``[{sector, since, until, code?}]``, each valid in its span.

    "Vladimir Putin" was prime minister and head of the FSB before he was
    president; a role covering the mention's date beats the entry's own sector.
    """
    if roles in (None, ""):
        return ()
    if not isinstance(roles, list) or not all(isinstance(r, Mapping) for r in roles):
        raise ActorDictionaryError(f"{source}: entry {name!r} has 'roles' that is not a list "
                                   "of {sector, since, until} mappings")
    return tuple(DatedCode(_blank(r.get("code")) or code, _blank(r.get("sector")),
                           start=_date(r.get("since"), "since", source, name),
                           end=_date(r.get("until"), "until", source, name))
                 for r in roles)


def _load_countries(lexicon: Lexicon, data: Mapping[str, Any], source: str) -> None:
    """Names, demonyms and capitals; capitals go first so a country's own name wins a clash."""
    countries = data.get("countries", [])
    for country in countries:
        for capital in _aliases(country.get("capitals")):
            lexicon.add(capital, LexEntry(kind="capital", code=_sovereign(country), sector="GOV",
                                          name=country["name"], source=source))
    for country in countries:
        code, name = _sovereign(country), country["name"]
        if not country.get("part_of"):
            lexicon.country_names[code] = name
        add_record(lexicon, {"name": name, "code": code, "aliases": country.get("aliases")},
                   source=source, kind="country")
        for demonym in _aliases(country.get("demonyms")):
            lexicon.add(demonym, LexEntry(kind="demonym", code=code, name=name, source=source))


def _sovereign(country: Mapping[str, Any]) -> str:
    """The code an actor gets: a dependency's controlling state (``part_of``), else its own."""
    return country.get("part_of") or country["code"]


def _load_sectors(lexicon: Lexicon, data: Mapping[str, Any], source: str) -> None:
    """Common nouns and titles; ``deferring`` ones yield to a named organisation's sector."""
    for group, defers in (("nouns", False), ("deferring", True)):
        for sector, nouns in (data.get(group) or {}).items():
            sector = None if sector in (None, "ANY", "NONE") else sector
            for noun in _aliases(nouns):
                lexicon.add(noun, LexEntry(kind="noun", sector=sector, name=noun,
                                           source=source, defers=defers))
    for phrase in _aliases(data.get("not_actors")):  # matched so their country words are not
        lexicon.add(phrase, LexEntry(kind="noun", name=phrase, source=f"{source}#not_actors"))


def _load_records(lexicon: Lexicon, data: Any, source: str, kind: str) -> None:
    """A list of records, or sections (any key) each holding a list of records."""
    if isinstance(data, Mapping):
        for section, records in data.items():
            _load_records(lexicon, records or [], f"{source}#{section}", kind)
        return
    if not isinstance(data, list):
        raise ActorDictionaryError(f"{source}: expected a list of entries or sections of "
                                   f"lists, got {type(data).__name__}")
    for record in data:
        add_record(lexicon, record, source=source, kind=kind)


def _load_places(lexicon: Lexicon, path: Path) -> None:
    """``name<TAB>ISO3<TAB>kind`` lines: regions and cities that only tell the country."""
    source = path.name
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, *rest = line.split("\t")
        kind = rest[0] if rest and rest[0] in ("place", "town") else "place"
        lexicon.add(name, LexEntry(kind=kind, code=code, name=name, source=source))


def load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ActorDictionaryError(f"{path}: not valid YAML ({exc}); fix the file's syntax") from exc


def _load_shipped_file(lexicon: Lexicon, path: Path) -> None:
    if path.suffix == ".tsv":
        _load_places(lexicon, path)
        return
    data = load_yaml(path)
    if path.name == "actor_countries.yaml":
        _load_countries(lexicon, data, path.name)
    elif path.name == "actor_sectors.yaml":
        _load_sectors(lexicon, data, path.name)
    else:
        kind = "person" if path.name.startswith("actor_people") else "org"
        _load_records(lexicon, data, path.name, kind)


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The lexicon built from the shipped rule files (built once per process)."""
    lexicon = Lexicon()
    for name in SHIPPED:
        _load_shipped_file(lexicon, RULES / name)
    return lexicon


@lru_cache(maxsize=1)
def grammar() -> dict[str, frozenset[str]]:
    """Word lists that steer combination (prepositions, patron words); see actor_grammar.yaml."""
    data = load_yaml(RULES / "actor_grammar.yaml")
    return {key: frozenset(str(w).casefold() for w in words) for key, words in data.items()}


def _load_csv(path: Path) -> Lexicon:
    lexicon = Lexicon()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"name", "code"} - set(reader.fieldnames or [])
        if missing:
            raise ActorDictionaryError(f"{path}: CSV header lacks {', '.join(sorted(missing))}; "
                                       "the first line must read name,code,sector[,aliases]")
        for row in reader:
            add_record(lexicon, row, source=path.name)
    return lexicon


def load_user_dictionary(path: Path) -> Lexicon:
    """A user's dictionary as a lexicon, by format: PETRARCH, CSV or YAML."""
    from sitrep.extract.actors_petrarch import is_petrarch_file, load_petrarch

    path = Path(path)
    if not path.is_file():
        raise ActorDictionaryError(f"actor dictionary {path} not found; check the path given "
                                   "in Settings.actor_dictionaries")
    if is_petrarch_file(path):
        return load_petrarch(path)
    if path.suffix.lower() == ".csv":
        return _load_csv(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        lexicon = Lexicon()
        _load_records(lexicon, load_yaml(path), path.name, "org")
        return lexicon
    raise ActorDictionaryError(f"{path}: unknown actor dictionary format; use .csv, .yaml "
                               "or a PETRARCH .actors.txt file")


def build_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    """The shipped lexicon overridden, in order, by each extra dictionary."""
    lexicon = Lexicon()
    lexicon.merge(shipped_lexicon())
    for path in extra:
        lexicon.merge(load_user_dictionary(Path(path)))
    return lexicon
