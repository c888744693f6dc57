"""The model's attribute rules (tag -> POS, morphology, lemma exceptions), applied from a cache.

en_core_web_sm maps its fine tags to coarse POS and morphology with an
``attribute_ruler``: 179 token patterns run through spaCy's ``Matcher``. On
news text that took about 12 % of the whole spaCy pipeline, mostly in Python
predicates ("LOWER in [...]") evaluated again for every token
(``bench/bench_attributes.py`` measures both and checks they agree).

Almost every rule looks at one token, and what it looks at is four values: the
lowercase form, the tag, the dependency label and whether it is whitespace. So
the rules that fire for a token depend only on that key, which repeats endlessly
in text. The lowercase form only counts when some rule names it ("not", "'s",
"gon"); any other word stands as one placeholder, so the cache stays small (tags
x labels x a hundred words) however much text goes through. :class:`CachedAttributeRules` evaluates the model's own patterns once
per key, keeps the merged result, and applies it; the few two-token rules
("gon na", "let 's") are checked where their first token matches. Rules apply
in the ruler's order, later ones overriding earlier ones, exactly as the ruler
does; ``tests/test_nlp_attributes.py`` checks token-by-token identity with the
original on real text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
#: Stands for every lowercase form no rule names (no rule can match this string).
OTHER_WORD = "\x00"


def _predicate(attr: str, cond: Any) -> Callable[[tuple], bool]:
    """One attribute condition of a Matcher pattern as a test on a token key."""
    pos = KEY_ATTRS.index(attr)
    if isinstance(cond, dict):
        (op, arg), = cond.items()
        if op == "IN":
            values = frozenset(arg)
            return lambda key: key[pos] in values
        if op == "NOT_IN":
            values = frozenset(arg)
            return lambda key: key[pos] not in values
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda key: rx.search(key[pos]) is not None
        raise ValueError(f"attribute rule operator {op!r} is not supported")
    return lambda key: key[pos] == cond


def _token_test(spec: dict) -> Callable[[tuple], bool]:
    if not set(spec) <= set(KEY_ATTRS):
        raise ValueError(f"attribute rule reads {sorted(set(spec) - set(KEY_ATTRS))}")
    tests = [_predicate(attr, cond) for attr, cond in spec.items()]
    return lambda key: all(test(key) for test in tests)


def _lower_conditions(patterns) -> tuple[frozenset[str], list[re.Pattern]]:
    """The words and regular expressions any rule tests the lowercase form against."""
    words, regexes = set(), []
    for pattern in patterns:
        for spec in pattern:
            cond = spec.get("LOWER")
            if isinstance(cond, str):
                words.add(cond)
            elif isinstance(cond, dict):
                (op, arg), = cond.items()
                if op == "IN":
                    words.update(arg)
                elif op == "REGEX":
                    regexes.append(re.compile(arg))
                else:  # NOT_IN on words would make every word count: keep them all
                    return frozenset(), [re.compile("")]
    return frozenset(words), regexes


class _Entry(NamedTuple):
    """What the rules say about one token key, worked out once."""

    rules: tuple[int, ...]          # single-token rules that fire, in rule order
    merged: dict | None             # their attributes merged, later rules overriding
    firsts: tuple[int, ...]         # multi-token rules whose first token this key matches


class CachedAttributeRules:
    """A drop-in for the model's ``attribute_ruler``, built from its own patterns."""

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._attrs = list(ruler.attrs)  # normalised {attr id: value}, in rule order
        self._single: list[tuple[int, Callable]] = []
        self._multi: list[tuple[int, list[Callable], int]] = []
        patterns = _patterns_by_rule(ruler)
        for rule_id, (rule_patterns, index) in enumerate(zip(patterns, ruler.indices)):
            for pattern in rule_patterns:
                tests = [_token_test(spec) for spec in pattern]
                if len(tests) == 1:
                    self._single.append((rule_id, tests[0]))
                else:
                    self._multi.append((rule_id, tests, index))
        self._words, self._regexes = _lower_conditions(p for ps in patterns for p in ps)
        self._cache: dict[tuple, _Entry] = {}

    def _key(self, tok) -> tuple:
        lower = tok.lower_
        if lower not in self._words and not any(rx.search(lower) for rx in self._regexes):
            lower = OTHER_WORD
        return (lower, tok.tag_, tok.dep_, tok.is_space)

    def _entry(self, key: tuple) -> _Entry:
        entry = self._cache.get(key)
        if entry is None:
            rules = tuple(rule_id for rule_id, test in self._single if test(key))
            merged: dict = {}
            for rule_id in rules:
                merged.update(self._attrs[rule_id])
            firsts = tuple(n for n, (_, tests, _) in enumerate(self._multi) if tests[0](key))
            entry = self._cache[key] = _Entry(rules, merged or None, firsts)
        return entry

    def __call__(self, doc):
        keys = [self._key(tok) for tok in doc]
        entries = [self._entry(key) for key in keys]
        extra = self._multi_hits(keys, entries)
        for i, entry in enumerate(entries):
            if i in extra:  # interleave with the multi-token rules, in rule order
                for rule_id in sorted(entry.rules + tuple(extra[i])):
                    self._set(doc[i], self._attrs[rule_id])
            elif entry.merged:
                self._set(doc[i], entry.merged)
        return doc

    def _multi_hits(self, keys: list[tuple], entries: list[_Entry]) -> dict[int, list[int]]:
        """{token index: [rule ids]} of the multi-token rules that match."""
        hits: dict[int, list[int]] = {}
        for start, entry in enumerate(entries):
            for n in entry.firsts:
                rule_id, tests, index = self._multi[n]
                if start + len(tests) <= len(keys) and all(
                        t(keys[start + j]) for j, t in enumerate(tests[1:], 1)):
                    hits.setdefault(start + (index if index >= 0 else len(tests) + index),
                                    []).append(rule_id)
        return hits


def _patterns_by_rule(ruler) -> list[list[list[dict]]]:
    """The token patterns of each rule, in rule order (``ruler.patterns`` lists them so)."""
    rules = ruler.patterns
    if len(rules) != len(ruler.attrs):
        raise ValueError("attribute ruler patterns and attributes disagree")
    return [rule["patterns"] for rule in rules]


def install(nlp) -> None:
    """Replace the model's ``attribute_ruler`` by the cached version of the same rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory("sitrep_attribute_rules"):
        Language.factory("sitrep_attribute_rules",
                         func=lambda nlp, name: CachedAttributeRules(nlp.get_pipe("attribute_ruler")))
    nlp.add_pipe("sitrep_attribute_rules", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
