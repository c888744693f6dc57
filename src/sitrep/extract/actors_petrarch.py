"""Adapter for PETRARCH/TABARI actor and agent dictionaries (``*.actors.txt``, ``*.agents.txt``).

The format: a name line (``UNITED_STATES [USA]``, underscores for spaces), alias
lines starting with ``+``, and code lines in brackets, possibly restricted to
dates (``[HOBGOV 20121109-20130119]``, ``[USR <911226]``, ``[HOBELI >20130119]``).
CAMEO actor codes pack a country and roles in three-letter chunks (``ARNGOV``
is Arnor's government); the roles become PLOVER sectors through
``rules/actor_cameo.yaml``. Agent lines (``PRESIDENT [~GOV]``) become sector nouns.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from sitrep.extract.actors_lexicon import DatedCode, Lexicon, LexEntry
from sitrep.extract.actors_sources import RULES, grammar, load_yaml

#: Shortest PETRARCH stem matched as a word prefix (shorter ones hit too many words).
MIN_STEM = 4

_COMMENT_BLOCK = re.compile(r"<!.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_RANGE = re.compile(r"^(\d{6,8})\s*-\s*(\d{6,8})$")


@lru_cache(maxsize=1)
def cameo_tables() -> tuple[dict[str, str | None], dict[str, str]]:
    """CAMEO role -> PLOVER sector, and CAMEO organisation codes -> PLOVER codes."""
    data = load_yaml(RULES / "actor_cameo.yaml")
    sectors = {k.upper(): (v or None) for k, v in data["sectors"].items()}
    codes = {k.upper(): v for k, v in (data.get("codes") or {}).items()}
    return sectors, codes


def is_petrarch_file(path: Path) -> bool:
    """By name (``.actors.txt``/``.agents.txt``), else by a bracketed code in the first lines."""
    name = path.name.lower()
    if name.endswith((".actors.txt", ".agents.txt")):
        return True
    if path.suffix.lower() != ".txt":
        return False
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    return bool(re.search(r"^[A-Z][A-Z0-9_.'-]*\s*\[[~A-Z]", head, re.MULTILINE))


def split_cameo(code: str) -> tuple[str | None, str | None]:
    """``ARNGOV`` -> (``ARN``, ``GOV``); ``IGOCOPITP`` -> (``IGO``, ``COP``); ``---`` -> (None, None)."""
    code = code.strip().upper()
    agent = code.startswith("~")  # agent codes carry roles only, no country
    code = code.lstrip("~").split("/")[0]
    if not code.isalpha():
        return None, None
    sectors, renamed = cameo_tables()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = None if agent else renamed.get(chunks[0], chunks[0])
    roles = chunks if agent else chunks[1:]
    sector = next((sectors[r] for r in roles if sectors.get(r)), None)
    return country, sector


def _date(text: str) -> dt.date:
    """PETRARCH dates: ``YYYYMMDD`` or ``YYMMDD`` (years from 40 are 19xx)."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{1900 + year if year >= 40 else 2000 + year}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code(inside: str) -> DatedCode:
    """One bracket's contents: a code and an optional date restriction. Several codes
    joined by "/" ("[ELR/GAL]") name several actors at once: the first is the code, the
    others its ``joint`` actors."""
    parts = inside.split(None, 1)
    country, sector = split_cameo(parts[0]) if parts else (None, None)
    joint = _joint_codes(parts[0]) if parts else ()
    limit = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if limit.startswith("<"):
        return DatedCode(country, sector, end=_date(limit[1:]) - dt.timedelta(days=1),
                         joint=joint)
    if limit.startswith(">"):
        return DatedCode(country, sector, start=_date(limit[1:]), joint=joint)
    match = _RANGE.match(limit)
    if match:
        return DatedCode(country, sector, _date(match.group(1)), _date(match.group(2)), joint)
    return DatedCode(country, sector, joint=joint)


def _joint_codes(raw: str) -> tuple[tuple[str | None, str | None], ...]:
    """(country, sector) of every code after the first in ``FRO/BIL/SAM``."""
    found = (split_cameo(code) for code in raw.split("/")[1:] if code.strip())
    return tuple(dict.fromkeys(c for c in found if c != (None, None)))


def _entry(codes: list[DatedCode], name: str, source: str) -> LexEntry:
    """The undated code is the default; the last dated one stands in when there is none.

    A bare country code ("ISRAEL [ISR]") becomes a country entry, so it names the
    actor's country even beside an organisation ("Israeli UN envoy"); agents with
    only a role ("PRESIDENT [~GOV]") become sector nouns.
    """
    default = next((c for c in codes if c.start is None and c.end is None), codes[-1])
    dated = tuple(c for c in codes if c is not default and (c.start or c.end))
    organisations = {c.upper() for c in grammar()["organisation_codes"]}
    if default.code is None and default.sector is not None and not dated:
        kind = "noun"
    elif default.sector is None and not dated and default.code and len(default.code) == 3 \
            and default.code not in organisations:
        kind = "country"
    else:
        kind = "org"
    return LexEntry(kind=kind, code=default.code, sector=default.sector, name=name,
                    source=source, dated=dated, joint=default.joint)


def _is_stem(raw: str) -> bool:
    """PETRARCH: a one-word name without a closing underscore also matches longer words
    ("ARGENTIN" -> "Argentina", "Argentine")."""
    raw = raw.strip()
    return " " not in raw and "_" not in raw and len(raw) >= MIN_STEM


def _phrase(raw: str) -> str:
    return raw.replace("_", " ").strip()


def _blocks(text: str):
    """Yield (names, codes) per actor: a name line, its ``+`` aliases, its code brackets."""
    names: list[str] = []
    codes: list[DatedCode] = []
    for raw in _COMMENT_BLOCK.sub("", text).splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        head = _CODE.split(line)[0].strip()
        if line[0] not in " \t+[" and head:
            if names and codes:
                yield names, codes
            names, codes = [head.split("{")[0].strip()], []
        elif line.startswith("+") and head:
            names.append(head[1:].strip())
        codes.extend(parse_code(m) for m in _CODE.findall(line))
    if names and codes:
        yield names, codes


def load_petrarch(path: Path) -> Lexicon:
    """A PETRARCH actors (or agents) file as a lexicon; agents become sector nouns."""
    lexicon = Lexicon()
    text = path.read_text(encoding="utf-8", errors="replace")
    for names, codes in _blocks(text):
        if any("!" in n for n in names):
            continue  # agent substitution macros (!PERSON!) are not expanded
        entry = _entry(codes, _phrase(names[0]).title(), path.name)
        for raw in names:  # PETRARCH writes every name in capitals: not a sign of an acronym
            lexicon.add(_phrase(raw), entry, acronym_case=False)
            if _is_stem(raw):
                lexicon.add_stem(_phrase(raw), entry)
    return lexicon
