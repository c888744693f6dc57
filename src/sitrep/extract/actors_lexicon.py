"""The actor lexicon: normalised token n-grams mapped to what they say about an actor.

Every source (the shipped ``rules/actor_*.yaml`` files, a user's CSV or YAML, a
PETRARCH actor dictionary) is turned into :class:`LexEntry` rows keyed by the
phrase's normalised tokens, so matching a mention is a handful of dict look-ups
instead of a scan over the lexicon. Later sources override earlier ones, which
is how user dictionaries win over the shipped data.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace

try:  # the fuzzy fallback only; resolution works without it (exact matching)
    from rapidfuzz import fuzz, process
except ImportError:  # pragma: no cover - RapidFuzz is pinned in requirements.lock
    fuzz = process = None

#: What an entry is, which decides how it combines with its neighbours:
#: ``country`` a country's name, ``demonym`` its adjective or people, ``capital`` a
#: capital city (metonymy for the government when it stands alone), ``place`` a region
#: or large city that only tells the country, ``town`` a smaller city that counts only
#: next to other actor words, ``org`` a named organisation or armed group, ``person`` a
#: named person, ``noun`` a common noun or title that gives a sector.
KINDS = frozenset({"country", "demonym", "capital", "place", "town", "org", "person", "noun"})

#: Fuzzy fallback: phrases shorter than this are never fuzzy-matched (too many near misses).
FUZZY_MIN_CHARS = 8
#: Fuzzy fallback: longer phrases are clauses, not spelling variants of a name.
FUZZY_MAX_TOKENS = 6
#: Fuzzy fallback: least rapidfuzz ratio (0-100) for a spelling variant to count.
FUZZY_MIN_SCORE = 90.0

#: Longest all-capitals name treated as an acronym that must be written in capitals.
ACRONYM_MAX_LEN = 5

#: Kinds that only tell which country an actor belongs to.
COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "place", "town"})


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid only between two dates (PETRARCH ``[CODE 20080120-20121109]``)."""

    code: str | None
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    joint: tuple[tuple[str | None, str | None], ...] = ()  # see LexEntry.joint

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One dictionary row: what a phrase tells about the actor it names.

    ``alt_codes`` lists further home countries picked by the context country
    (an armed group active in two states). ``defers`` marks a title such as
    "president" or "members" whose sector yields to the organisation it belongs
    to ("president of the parliament" is a legislator). ``dated`` holds codes
    restricted to periods, tried before ``code`` when a date is known.
    ``joint`` lists further actors, as (code, sector), that the same name stands
    for at once: a name covering several parties (PETRARCH's ``[ELR/GAL]``) is one
    participant per code.
    """

    kind: str
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    source: str = ""
    alt_codes: tuple[str, ...] = ()
    defers: bool = False
    dated: tuple[DatedCode, ...] = field(default=())
    joint: tuple[tuple[str | None, str | None], ...] = ()

    def on(self, day: dt.date | None) -> "LexEntry":
        """This entry with the code valid on ``day`` (unchanged when no dated code applies)."""
        if day is None or not self.dated:
            return self
        for dated in self.dated:
            if dated.covers(day):
                return replace(self, code=dated.code, sector=dated.sector, joint=dated.joint)
        return self


_ABBREVIATION = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019](?:s\b|(?=\s|$))", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def strip_accents(text: str) -> str:
    """"Khürelsükh" and "Khurelsukh" must meet in one key."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_name_word(token: str) -> bool:
    return len(token) > 1 and token[0].isupper()


def _drop_middle_initials(raw: list[str]) -> list[str]:
    """"George W. Bush" and "George Bush" must meet: a lone capital between two names goes.

    Only a one-letter capital with a capitalised word of two or more letters on
    both sides counts, so "U. S. Army" and "Plan B" keep their letters.
    """
    if len(raw) < 3:
        return raw
    return [t for i, t in enumerate(raw)
            if not (len(t) == 1 and t.isupper() and 0 < i < len(raw) - 1
                    and _is_name_word(raw[i - 1]) and _is_name_word(raw[i + 1]))]


def _raw_tokens(text: str) -> list[str]:
    text = strip_accents(text)
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _POSSESSIVE.sub("", text)
    return _drop_middle_initials(_WORD.findall(text))


def normalise(text: str) -> list[str]:
    """Tokens a phrase is looked up by: casefolded, unaccented, without possessives.

    "U.S." and "US" both become ``us``; "Syria's" becomes ``syria``; hyphens and
    punctuation split words, so "al-Sham" and "al Sham" meet; a middle initial
    between two names is dropped ("George W. Bush" -> ``george bush``).
    """
    return [token.casefold() for token in _raw_tokens(text)]


def normalise_cased(text: str) -> tuple[list[str], list[bool]]:
    """:func:`normalise` plus, per token, whether it was written in capitals ("WHO", "CAR")."""
    raw = _raw_tokens(text)
    return [t.casefold() for t in raw], [t.isupper() and len(t) > 1 for t in raw]


def singular(token: str) -> str | None:
    """A best-guess singular for a plural noun (lookup fallback), or None."""
    if token.endswith("men") and len(token) > 4:
        return token[:-3] + "man"
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "sses", "xes")):
        return token[:-2]
    if token.endswith("s") and not token.endswith("ss") and len(token) > 3:
        return token[:-1]
    return None


def _singular_key(key: tuple[str, ...]) -> tuple[str, ...] | None:
    base = singular(key[-1])
    return None if base is None else key[:-1] + (base,)


class Lexicon:
    """Normalised n-grams -> :class:`LexEntry`; later additions override earlier ones."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], LexEntry] = {}
        #: Keys known only as acronyms: they match only text written in capitals,
        #: so "who" is not the WHO and "car" not the Central African Republic.
        self._acronym_only: set[tuple[str, ...]] = set()
        self._any_case: set[tuple[str, ...]] = set()
        self.max_len = 1
        #: Fuzzy-match candidates by first letter, built lazily.
        self._named: dict[str, dict[str, LexEntry]] | None = None
        self._stems: dict[str, LexEntry] = {}  # word prefixes (PETRARCH stems)
        #: ISO3 -> country name, for naming actors found through a place.
        self.country_names: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, phrase: str, entry: LexEntry, *, acronym_case: bool = True) -> None:
        """Register ``phrase``; with ``acronym_case`` an all-capitals acronym stays case-sensitive."""
        raw = _raw_tokens(phrase)
        key = tuple(t.casefold() for t in raw)
        if not key:
            return
        self._entries[key] = entry
        self._named = None
        self.max_len = max(self.max_len, len(key))
        acronym = len(raw) == 1 and raw[0].isupper() and len(raw[0]) <= ACRONYM_MAX_LEN
        if acronym_case and acronym and key not in self._any_case:
            self._acronym_only.add(key)
        else:
            self._any_case.add(key)
            self._acronym_only.discard(key)

    def add_stem(self, stem: str, entry: LexEntry) -> None:
        """Let one word match every word it begins ("arnor" -> "Arnorian"), as PETRARCH does."""
        key = normalise(stem)
        if len(key) == 1:
            self._stems[key[0]] = entry

    def stem(self, token: str) -> LexEntry | None:
        """The entry whose stem begins ``token``, longest stem first; None when none does."""
        if not self._stems:
            return None
        for end in range(len(token), 3, -1):
            entry = self._stems.get(token[:end])
            if entry is not None:
                return entry
        return None

    def get(self, key: tuple[str, ...], upper: tuple[bool, ...] | None = None) -> LexEntry | None:
        """The entry for ``key``, trying the last token's singular when the plural is absent.

        ``upper`` says which tokens were written in capitals; acronym-only keys need it.
        """
        for candidate in (key, _singular_key(key)):
            if candidate is None or candidate not in self._entries:
                continue
            if candidate in self._acronym_only and upper is not None and not all(upper):
                continue
            return self._entries[candidate]
        return None

    def fuzzy_named(self, tokens: list[str]) -> tuple[str, LexEntry] | None:
        """The named organisation or person spelt almost like ``tokens`` ("Zelenskiy").

        Only for phrases of at least :data:`FUZZY_MIN_CHARS` characters and at most
        :data:`FUZZY_MAX_TOKENS` words, at a similarity of :data:`FUZZY_MIN_SCORE` or
        more (rapidfuzz ratio, 0-100).
        """
        text = " ".join(tokens)
        if process is None or len(text) < FUZZY_MIN_CHARS or len(tokens) > FUZZY_MAX_TOKENS:
            return None
        if self._named is None:
            self._named = {}
            for key, entry in self._entries.items():
                name = " ".join(key)
                if entry.kind in ("org", "person") and len(name) >= FUZZY_MIN_CHARS:
                    self._named.setdefault(name[0], {})[name] = entry
        # spelling variants keep their first letter ("Zelenskiy", "Hizballah"): compare those only
        candidates = self._named.get(text[0], {})
        found = process.extractOne(text, candidates.keys(), scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_MIN_SCORE)
        return (found[0], candidates[found[0]]) if found else None

    def lookup(self, phrase: str) -> LexEntry | None:
        key = tuple(normalise(phrase))
        return self.get(key) if key else None

    def merge(self, other: "Lexicon") -> None:
        """Add every entry of ``other``, overriding entries with the same key."""
        self._entries.update(other._entries)
        self._stems.update(other._stems)
        self._named = None
        self._any_case -= other._acronym_only
        self._acronym_only = (self._acronym_only - other._any_case) | other._acronym_only
        self._any_case |= other._any_case
        self.max_len = max(self.max_len, other.max_len)
        self.country_names.update(other.country_names)
