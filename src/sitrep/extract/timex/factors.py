"""Words a time pattern cannot match without, read from its compiled syntax tree.

The scanner runs every pattern in every window around a trigger word, yet most
windows hold nothing a given pattern could match: no weekday name for the weekday
pattern, no unit word for a duration. :func:`required_words` returns sets of folded
words (whole words in the sense of :data:`WORD`) such that every match holds a word
of each set, so a window that lacks all the words of one set is skipped without
running the pattern. It only ever skips work that would find nothing: a pattern
whose shape the analysis cannot bound gets no set and always runs.

How: each part of the pattern that can match only a few strings is expanded to
them (``(?i:last|next) week`` is four strings), with :data:`BOUNDARY` standing for a
``(?<!\\w)``/``(?!\\w)`` check; a run of letters or of digits with something known on
both sides in such a string is a whole word of every text the string occurs in.
Case is folded (:func:`fold`), and only ASCII and caseless characters are read.
"""
from __future__ import annotations

import itertools
import math
import re
from collections.abc import Collection

try:  # the parser behind ``re.compile``; its tree is what the engine runs
    from re import _constants as _c, _parser as _sre
except ImportError:  # pragma: no cover - another Python: no words, every pattern runs
    _sre = _c = None

#: A word as the scanner splits text: a run of digits or a run of letters.
WORD = re.compile(r"\d+|[^\W\d_]+")
#: Stands, inside an expanded string, for a position next to no word character.
BOUNDARY = "\x00"
#: Most strings one stretch of a pattern may expand to before it counts as open.
MAX_STRINGS = 2048
#: Most word sets kept per pattern (each costs one set test per window).
MAX_SETS = 3
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_EMPTY = frozenset({""})
WordSets = tuple[frozenset[str], ...]
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def fold(text: str) -> str:
    """A word as the required words are spelled: lower case, with the few letters that
    Python's case-insensitive matching equates with ASCII ones ("İ", "ı", "ſ") folded."""
    return text.translate(_FOLD).lower()


def required_words(regex: re.Pattern, *, prefer: Collection[str] = ()) -> WordSets:
    """Sets of folded words such that every match of ``regex`` holds a word of each set;
    ``prefer`` names rare words worth testing first (besides numbers). Empty when unknown."""
    if _sre is None:
        return ()
    try:
        tree = _sre.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an unreadable tree only costs the shortcut
        return ()
    reader = _Reader(frozenset(prefer))
    ranked = sorted(set(reader.candidates(list(tree), _EMPTY, _EMPTY)), key=reader.rank, reverse=True)
    kept: list[frozenset[str]] = []
    for words in ranked:  # a set holding a kept one tests nothing more
        if len(kept) < MAX_SETS and not any(k <= words for k in kept):
            kept.append(words)
    return tuple(kept)


def _op(name: str):
    return getattr(_c, name, None)


def _char(code: int) -> str | None:
    ch = chr(code)
    if ch.isascii() or ch.lower() == ch == ch.upper():
        return ch.lower()
    return None


def _product(parts) -> frozenset[str] | None:
    size = 1
    for part in parts:
        size *= len(part)
    if size > MAX_STRINGS:
        return None
    return frozenset("".join(p) for p in itertools.product(*parts))


def _repeat_ops() -> tuple:
    return tuple(op for op in map(_op, ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)


def _strings(node) -> frozenset[str] | None:
    """Every string the node can match (BOUNDARY marking word edges it checks), when few."""
    op, av = node
    if op is _c.LITERAL:
        ch = _char(av)
        return None if ch is None else frozenset({ch})
    if op is _c.IN:
        return _class(av)
    if op is _c.ASSERT_NOT:
        return frozenset({BOUNDARY}) if _excludes_word_chars(av[1]) else _EMPTY
    if op in (_c.AT, _c.ASSERT):
        return _EMPTY  # consumes nothing
    if op is _c.SUBPATTERN:
        return _seq_strings(list(av[3]))
    if op is _op("ATOMIC_GROUP"):
        return _seq_strings(list(av))
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            part = _seq_strings(list(alt))
            if part is None:
                return None
            out |= part
        return frozenset(out) if len(out) <= MAX_STRINGS else None
    if op in _repeat_ops():
        low, high, item = av
        body = _seq_strings(list(item))
        if body is None or high > 3:
            return None
        counts = [_product([body] * count) for count in range(low, high + 1)]
        if any(c is None for c in counts) or sum(map(len, counts)) > MAX_STRINGS:
            return None
        return frozenset().union(*counts)
    return None


def _excludes_word_chars(seq) -> bool:
    """Whether a negative look-around's content is one character class holding ``\\w``."""
    seq = list(seq)
    if len(seq) != 1 or seq[0][0] is not _c.IN or any(op is _c.NEGATE for op, _ in seq[0][1]):
        return False
    return any(op is _c.CATEGORY and av in (_c.CATEGORY_WORD, _c.CATEGORY_UNI_WORD)
               for op, av in seq[0][1])


def _class(items) -> frozenset[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            codes = [av]
        elif op is _c.RANGE and av[1] - av[0] < 64:
            codes = range(av[0], av[1] + 1)
        else:
            return None  # a negation, a category (\d is any Unicode digit) or a wide range
        for code in codes:
            ch = _char(code)
            if ch is None:
                return None
            out.add(ch)
    return frozenset(out)


def _seq_strings(seq) -> frozenset[str] | None:
    parts = [_strings(node) for node in seq]
    return None if any(p is None for p in parts) else _product(parts)


def _last_chars(parts) -> frozenset[str]:
    """The last character of what ``parts`` (in order) match; "" where it may be unknown."""
    out: set[str] = set()
    for part in reversed(parts):
        if part is None:
            return frozenset(out | {""})
        out |= {s[-1] for s in part if s}
        if "" not in part:
            return frozenset(out)
    return frozenset(out | {""})


def _first_chars(parts) -> frozenset[str]:
    return _last_chars([None if p is None else frozenset(s[::-1] for s in p)
                        for p in reversed(parts)])


def _merged(seq) -> tuple[list, list]:
    """The nodes of ``seq`` with their strings; a run of nodes that each match one string
    (the letters of a word) becomes one part."""
    nodes, parts = [], []
    for node in seq:
        strings = _strings(node)
        if strings is not None and len(strings) == 1 and parts and parts[-1] is not None \
                and len(parts[-1]) == 1:
            parts[-1] = frozenset({next(iter(parts[-1])) + next(iter(strings))})
            continue
        nodes.append(node)
        parts.append(strings)
    return nodes, parts


class _Reader:
    """The analysis, ranking words by how rarely a window holds them."""

    def __init__(self, prefer: frozenset[str]) -> None:
        self.prefer = prefer

    def word_rank(self, word: str) -> tuple[bool, int]:
        return word in self.prefer or word.isdigit(), len(word)

    def rank(self, words: frozenset[str]) -> tuple:
        """Sets whose commonest word is rarest first, then smaller ones."""
        return min(map(self.word_rank, words)), -len(words), sorted(words)

    def best(self, candidates) -> frozenset[str] | None:
        return max(candidates, key=self.rank, default=None)

    def candidates(self, seq, before: frozenset[str], after: frozenset[str]) -> list[frozenset[str]]:
        """Word sets, each of which every match of ``seq`` holds a word of; ``before`` and
        ``after`` are the characters next to it ("" where unknown)."""
        nodes, parts = _merged(seq)
        full = [before] + parts + [after]

        def beside(start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
            return _last_chars(full[:start + 1]), _first_chars(full[end + 1:])

        found = []
        for k, part in enumerate(parts):
            if part is None:
                found.extend(self.node_candidates(nodes[k], *beside(k, k + 1)))
            else:
                found.append(self.words_of(part, *beside(k, k + 1)))
        k = 0
        while k < len(parts):  # stretches of parts, as long as their strings stay few
            end = k + 1
            while parts[k] is not None and end < len(parts) and parts[end] is not None \
                    and math.prod(map(len, parts[k:end + 1])) <= MAX_STRINGS:
                end += 1
            if end - k > 1:
                found.append(self.words_of(_product(parts[k:end]), *beside(k, end)))
            k = end
        for node in seq:  # a look-ahead reads text after the match, still inside the window
            if node[0] is _c.ASSERT and node[1][0] == 1:
                found.extend(self.candidates(list(node[1][1]), _EMPTY, _EMPTY))
        return [c for c in found if c]

    def node_candidates(self, node, before, after) -> list[frozenset[str]]:
        op, av = node
        if op is _c.SUBPATTERN:
            return self.candidates(list(av[3]), before, after)
        if op is _op("ATOMIC_GROUP"):
            return self.candidates(list(av), before, after)
        if op is _c.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                words = self.best(self.candidates(list(alt), before, after))
                if words is None:
                    return []
                out |= words
            return [frozenset(out)]
        if op in _repeat_ops() and av[0] >= 1:
            return self.candidates(list(av[2]), _EMPTY, _EMPTY)
        return []

    def words_of(self, strings, before, after) -> frozenset[str] | None:
        """The rarest whole word of each string (standing between ``before`` and ``after``),
        or None when some string has none. A word is whole when what stands on either
        side of it, in the string or beside it, cannot continue it."""
        free = {(kind, side): all(c and not kind.fullmatch(c) for c in context)
                for kind in (_DIGIT, _LETTER) for side, context in (("<", before), (">", after))}
        out = set()
        for s in strings:
            whole = []
            for m in WORD.finditer(s):
                kind = _DIGIT if _DIGIT.match(s, m.start()) else _LETTER
                if (m.start() > 0 or free[kind, "<"]) and (m.end() < len(s) or free[kind, ">"]):
                    whole.append(m.group())
            if not whole:
                return None
            out.add(whole[0] if len(whole) == 1 else max(sorted(whole), key=self.word_rank))
        return frozenset(out)
