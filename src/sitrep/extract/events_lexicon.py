"""The event lexicons (``rules/event_*.yaml``) loaded once and indexed by lemma.

Trigger lookup must cost a dict access per token, so the YAML is compiled
here into frozen :class:`Sense` rows keyed by lemma, with every ``@class``
reference expanded to a frozenset. Nothing here touches spaCy.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger word: the PLOVER event it codes and when it applies.

    ``rule`` names the lexicon entry ("verb 'halt' sense 1"), which becomes the
    event's ``rule`` so every coded event can be traced back to an editable line.
    """

    event: str
    rule: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    object: frozenset[str] | None = None
    object_not: frozenset[str] | None = None
    subject: frozenset[str] | None = None
    subject_not: frozenset[str] | None = None
    prep: frozenset[str] | None = None
    prep_not: frozenset[str] | None = None
    clause_not: str | None = None  # "ccomp" or "all"
    needs_object: bool = False
    reciprocal: bool = False
    joint_subject: bool = False  # only when the subject names two or more parties
    passive: bool | None = None
    reported: bool = False
    no_agent: bool = False
    no_actor: bool = False
    roles: str | None = None
    mode_from_object: tuple[tuple[frozenset[str], str], ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every trigger table, ready for per-token look-ups."""

    verbs: dict[str, tuple[Sense, ...]]
    phrasal: dict[tuple[str, str], tuple[Sense, ...]]
    nouns: dict[str, Sense]
    light_verbs: dict[str, frozenset[str]]
    wrappers: dict[str, dict[str, Any]]
    wrapped_modes: dict[str, dict[str, str | None]]
    frames: dict[str, dict[str, Any]]
    reciprocal_events: dict[str, frozenset]
    recipient_preps: dict[str, frozenset]
    classes: dict[str, frozenset[str]]
    assault_modes: tuple[tuple[str, frozenset[str]], ...] = ()
    #: every verb lemma that can start a trigger (verbs, phrasal heads, light verbs, wrappers)
    trigger_keys: frozenset[str] = frozenset()
    status: dict[str, Any] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)
    #: "EVENT/mode" or "EVENT" keys whose actor-naming direct object is the recipient
    patient_objects: frozenset[str] = frozenset()
    #: "EVENT/mode" or "EVENT" -> prepositions naming who held and let go ("freed from X")
    holder_preps: dict[str, frozenset] = field(default_factory=dict)
    #: "EVENT/mode" or "EVENT" keys whose road or border object stands for where it leads
    route_objects: frozenset[str] = frozenset()

    def patient_object(self, event: str, mode: str | None) -> bool:
        return f"{event}/{mode}" in self.patient_objects or event in self.patient_objects

    def route_object(self, event: str, mode: str | None) -> bool:
        return f"{event}/{mode}" in self.route_objects or event in self.route_objects


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses duplicate keys (plain YAML silently keeps the last one,
    which would hide half of an expert's edit)."""


def _mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"{node.start_mark.name}, line {key_node.start_mark.line + 1}: "
                             f"duplicate key {key!r}; merge the two entries into one")
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
# YAML 1.1 reads on/off/yes/no as booleans, which would turn the preposition in
# "prep: [on]" into True; only true/false are booleans in the rules files.
_BOOL = "tag:yaml.org,2002:bool"
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_StrictLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                    list("tTfF"))


def read_rules(path: Path) -> dict[str, Any]:
    """One rules file, with duplicate keys reported as errors."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_StrictLoader) or {}  # noqa: S506 (a SafeLoader subclass)


def _read(name: str) -> dict[str, Any]:
    return read_rules(RULES_DIR / name)


def _words(value: Any, classes: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """A constraint as a lemma set: a list, one word, or an ``@class`` reference."""
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    out: set[str] = set()
    for item in items:
        item = str(item)
        if item.startswith("@"):
            if item[1:] not in classes:
                raise ValueError(f"rules/event_triggers.yaml: unknown class {item!r}; "
                                 f"define it under 'classes:'")
            out |= classes[item[1:]]
        else:
            out.add(item.lower())
    return frozenset(out)


def _sense(raw: dict[str, Any], rule: str, classes: dict[str, frozenset[str]]) -> Sense:
    by_object = tuple((_words(key, classes), mode)
                      for key, mode in (raw.get("mode_from_object") or {}).items())
    return Sense(
        event=raw["event"], rule=rule, mode=raw.get("mode"),
        context=tuple(raw.get("context") or ()),
        object=_words(raw.get("object"), classes),
        object_not=_words(raw.get("object_not"), classes),
        subject=_words(raw.get("subject"), classes),
        subject_not=_words(raw.get("subject_not"), classes),
        prep=_words(raw.get("prep"), classes), prep_not=_words(raw.get("prep_not"), classes),
        clause_not={True: "ccomp", "all": "all"}.get(raw.get("clause_not")),
        needs_object=bool(raw.get("needs_object")), reciprocal=bool(raw.get("reciprocal")),
        joint_subject=bool(raw.get("joint_subject")),
        passive=raw.get("passive"), reported=bool(raw.get("reported")),
        no_agent=bool(raw.get("no_agent")), no_actor=bool(raw.get("no_actor")),
        roles=raw.get("roles"), mode_from_object=by_object)


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read and compile the shipped event rules (once per process)."""
    raw = _read("event_triggers.yaml")
    classes = {name: frozenset(str(w).lower() for w in words)
               for name, words in (raw.get("classes") or {}).items()}
    verbs: dict[str, tuple[Sense, ...]] = {}
    phrasal: dict[tuple[str, str], tuple[Sense, ...]] = {}
    for lemma, senses in (raw.get("verbs") or {}).items():
        compiled = tuple(_sense(s, f"verb '{lemma}' sense {i + 1}", classes)
                         for i, s in enumerate(senses))
        parts = str(lemma).split()
        if len(parts) == 2:
            phrasal[(parts[0], parts[1])] = compiled
        else:
            verbs[str(lemma)] = compiled
    nouns = {str(n): _sense(s, f"noun '{n}'", classes) for n, s in (raw.get("nouns") or {}).items()}
    light = {v: frozenset(ns) for v, ns in (raw.get("light_verbs") or {}).items()}
    wrappers = {v: dict(spec, prep=_words(spec.get("prep"), classes))
                for v, spec in (raw.get("wrappers") or {}).items()}
    frames = {}
    for name, spec in (raw.get("frames") or {}).items():
        spec = dict(spec)
        spec["mode_from_clause"] = tuple((_words(k, classes), m)
                                         for k, m in (spec.get("mode_from_clause") or {}).items())
        frames[name] = spec
    return Lexicon(verbs=verbs, phrasal=phrasal, nouns=nouns, light_verbs=light,
                   wrappers=wrappers, wrapped_modes=raw.get("wrapped_modes") or {},
                   frames=frames, classes=classes,
                   recipient_preps={k: frozenset(v) for k, v in
                                    (raw.get("recipient_preps") or {}).items()},
                   patient_objects=frozenset(raw.get("patient_objects") or ()),
                   route_objects=frozenset(raw.get("route_objects") or ()),
                   holder_preps={k: frozenset(v) for k, v in
                                 (raw.get("holder_preps") or {}).items()},
                   reciprocal_events={e: frozenset((spec or {}).get("except_modes") or ())
                                      for e, spec in (raw.get("reciprocal_events") or {}).items()}, status=_status(), attributes=_attributes(),
                   trigger_keys=frozenset(verbs) | {v for v, _ in phrasal} | frozenset(light)
                   | frozenset(wrappers),
                   assault_modes=tuple((mode, frozenset(str(w).lower() for w in words))
                                       for mode, words in (raw.get("assault_modes") or {}).items()))


def _status() -> dict[str, Any]:
    raw = _read("event_status.yaml")
    # word lists are matched lower-cased; PLOVER event names (intent_as_*) stay as written
    return {k: frozenset(str(w) if k.startswith("intent_as") else str(w).lower() for w in v)
            for k, v in raw.items()}


def _attributes() -> dict[str, Any]:
    raw = _read("event_attributes.yaml")
    casualty = {}
    for key, lemmas in (raw.get("casualties") or {}).items():
        for lemma in lemmas:
            casualty[str(lemma)] = key
    modifiers = {}
    for norm, phrases in (raw.get("count_modifiers") or {}).items():
        for phrase in phrases:
            modifiers[tuple(str(phrase).lower().split())] = norm
    return {"casualty": casualty, "modifiers": modifiers,
            "numbers": {str(k).lower(): int(v) for k, v in (raw.get("number_words") or {}).items()},
            "scale": {str(k): int(v) for k, v in (raw.get("scale_words") or {}).items()},
            "units": {str(k): str(v) for k, v in (raw.get("duration_units") or {}).items()}}


def mode_for(pairs: tuple[tuple[frozenset[str], str], ...], lemmas: set[str]) -> str | None:
    """The first mode whose word set meets ``lemmas`` (used by mode_from_* tables)."""
    for words, mode in pairs:
        if words & lemmas:
            return mode
    return None
