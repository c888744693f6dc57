"""Text cues that refine the ACLED sub-event type of a whole text (``rules/event_acled_cues.yaml``).

ACLED codes a report, not a clause: "protesters threw stones" and "police fired
tear gas at a peaceful march" are told across several sentences, often with
nouns ("a suicide bombing", "chlorine munitions", "the handover of the base")
that no verb-centred event carries. The PLOVER events give a first label; these
cues, kept as phrase lists a domain expert can edit, confirm or correct it.

Phrase syntax (case-insensitive, matched on word boundaries):
  ``word*``  any ending ("protest*" = protest, protests, protesters)
  ``...``    up to six words in between ("set up ... base*" = "set up two new bases")
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from sitrep.extract.events_lexicon import RULES_DIR, read_rules

#: Words allowed between the two sides of a "..." gap.
GAP_WORDS = 6


@dataclass(frozen=True, slots=True)
class CueRule:
    """One ordered rule: when the event label is in ``when`` (any if empty), every
    group in ``all`` has a hit, no group in ``none`` has one, the first group of
    ``first`` is found before the second (or the second is absent) and, for ``near``
    (act, side, other), ``side`` is named nearer before the act than ``other``, the text is ``acled``."""

    acled: str
    all: tuple[re.Pattern, ...]
    none: tuple[re.Pattern, ...]
    first: tuple[re.Pattern, ...]
    near: tuple[re.Pattern, ...]
    when: frozenset[str]
    name: str

    def holds(self, label: str, text: str) -> bool:
        if self.when and label not in self.when:
            return False
        if not all(g.search(text) for g in self.all) or any(g.search(text) for g in self.none):
            return False
        if self.first and not _precedes(text, *self.first):
            return False
        return not self.near or _nearer(text, *self.near)


def _precedes(text: str, before: re.Pattern, after: re.Pattern) -> bool:
    """Whether ``before`` matches earlier than ``after`` (the actor of a report is named first)."""
    a, b = before.search(text), after.search(text)
    return a is not None and (b is None or a.start() <= b.start())


def _nearer(text: str, act: re.Pattern, side: re.Pattern, other: re.Pattern,
            clause: re.Pattern | None = None) -> bool:
    """Whether ``side`` is the subject of the first hit of ``act`` rather than ``other``: the
    first of them named in the act's clause (after the last ``clause`` break before it: "the
    army said rebels took the town" = rebels), else the nearer before it, else the first named."""
    hit = act.search(text)
    if hit is None:
        return False
    start = max((m.end() for m in clause.finditer(text, 0, hit.start())), default=0) if clause else 0
    first = {name: group.search(text, start, hit.start()) for name, group in (("side", side), ("other", other))}
    if first["side"] or first["other"]:
        return first["other"] is None or (first["side"] is not None
                                          and first["side"].start() <= first["other"].start())
    last = {name: max((m.end() for m in group.finditer(text, 0, hit.start())), default=-1)
            for name, group in (("side", side), ("other", other))}
    if last["side"] < 0 and last["other"] < 0:
        return _precedes(text, side, other)
    return last["side"] > last["other"]


def _phrase_regex(phrase: str) -> str:
    """Regex for one phrase: words joined by non-word runs, ``*`` and ``...`` expanded."""
    out: list[str] = []
    sep = r"[\W_]+"
    for word in phrase.lower().split():
        if word == "...":
            sep = rf"(?:[\W_]+[\w'-]+){{0,{GAP_WORDS}}}?[\W_]+"
            continue
        stem = re.escape(word.rstrip("*")) + (r"[\w-]*" if word.endswith("*") else "")
        out.append((sep if out else "") + stem)
        sep = r"[\W_]+"
    return "".join(out)


def _bounded(phrase: str) -> str:
    """The phrase's regex, held to word boundaries on its word edges (punctuation such as
    "." stands as it is, so "fighters." ends a clause)."""
    words = phrase.strip()
    head = r"(?<![\w-])" if re.match(r"\w", words) else ""
    tail = r"(?![\w])" if re.search(r"[\w*]$", words) else ""
    return head + _phrase_regex(phrase) + tail


def _group(phrases: list[str]) -> re.Pattern:
    alternatives = sorted((_bounded(p) for p in phrases), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _groups(names: Any, cues: dict[str, re.Pattern], rule: str) -> tuple[re.Pattern, ...]:
    if not names:
        return ()
    names = [names] if isinstance(names, str) else names
    unknown = [n for n in names if n not in cues]
    if unknown:
        raise ValueError(f"event_acled_cues.yaml: rule {rule!r} names undefined cue groups "
                         f"{unknown}; define them under 'cues:' or fix the names")
    return tuple(cues[n] for n in names)


@functools.lru_cache(maxsize=1)
def cue_rules() -> tuple[CueRule, ...]:
    """The ordered rules, compiled once."""
    raw = read_rules(RULES_DIR / "event_acled_cues.yaml")
    cues = {name: _group(phrases) for name, phrases in raw["cues"].items()}
    return tuple(_rule(r, cues) for r in raw["rules"])


def _rule(raw: dict, cues: dict[str, re.Pattern]) -> CueRule:
    name = raw.get("name") or raw["acled"]
    return CueRule(acled=raw["acled"], all=_groups(raw.get("all"), cues, name),
                   none=_groups(raw.get("none"), cues, name),
                   first=_groups(raw.get("first"), cues, name),
                   near=_groups(raw.get("near"), cues, name),
                   when=frozenset(raw.get("when") or ()), name=name)


def refine(label: str, text: str) -> tuple[str, str | None]:
    """(ACLED label, name of the cue rule that set it or None when the events' label stands)."""
    if not text:
        return label, None
    for rule in cue_rules():
        if rule.holds(label, text):
            return rule.acled, rule.name
    return label, None
