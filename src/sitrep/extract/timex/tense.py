"""Which way a clause points in time, read from the dependency parse.

A bare weekday or month is resolved backwards in a past-tense clause ("struck
on Tuesday") and forwards in a future or planned one ("will meet on Thursday",
"would halt airstrikes on Thursday", "was to start on Thursday"). The
auxiliaries and plan words that decide it are data in ``time_words.yaml``.
"""
from __future__ import annotations

import functools

from sitrep.extract.timex.lexicon import words

PAST, PRESENT, FUTURE = "past", "present", "future"
_VERBAL = frozenset({"VERB", "AUX"})
_MAX_STEPS = 8


@functools.lru_cache(maxsize=1)
def _future_aux() -> frozenset[str]:
    return frozenset(w.lower() for w in words()["future_auxiliaries"])


@functools.lru_cache(maxsize=1)
def _plan_words() -> frozenset[str]:
    return frozenset(w.lower() for w in words()["plan_words"])


def clause_tense(doc, start: int, end: int) -> str | None:
    """PAST, PRESENT or FUTURE for the clause around text[start:end]; None when no verb governs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span.root.dep_ == "poss":
        return None  # "Wednesday's ruling": the clause's verb says nothing about the day
    verb = governing_verb(span.root)
    if verb is None:
        return None
    tense = verb_tense(verb)
    deadline = _after_deadline_word(span)
    if deadline and verb.lemma_.lower() in _listed("deferral_verbs"):
        return FUTURE  # "postponed until Tuesday"
    planned = verb.lemma_.lower() in _listed("plan_verbs")
    if not _plain_past(verb):
        if planned:
            return FUTURE  # "has scheduled a news conference Thursday"
        if deadline:
            return FUTURE  # "has until Friday to sign"; "stayed until Friday" keeps its past
    elif planned and span.start > verb.i:
        # "planned a rally on Saturday": a day named after the plan verb is the planned
        # event's, which may lie on either side of publication ("On Friday, they planned
        # to pay ..." dates the planning and keeps its past)
        return None
    return tense


def _plain_past(verb) -> bool:
    """Simple past or past perfect ("stayed", "had called"), as opposed to "has stayed"."""
    if verb.tag_ == "VBD" or any(c.lower_ == "had" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod")


def _after_deadline_word(span) -> bool:
    doc, i = span.doc, span.start
    if i > 0 and doc[i - 1].lower_ == "on":
        i -= 1
    preceding = " ".join(t.lower_ for t in doc[max(0, i - 3):i])
    return any(preceding == w or preceding.endswith(" " + w) for w in _listed("deadline_prepositions"))


@functools.lru_cache(maxsize=8)
def _listed(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words()[name])


def governing_verb(token):
    """The first verb up the head chain from ``token`` (itself included)."""
    for _ in range(_MAX_STEPS):
        if token.pos_ in _VERBAL and token.tag_ != "MD":
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def verb_tense(verb, depth: int = 0) -> str | None:
    """Tense of one verb from its auxiliaries, its tag, and for participles its head's tense."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if verb.tag_ == "VBN" and lowers & {"has", "have", "'ve", "had", "'s"}:
        return PAST
    if verb.tag_ == "VBG" and "been" in lowers and lowers & {"has", "have", "'ve", "had"}:
        return PAST  # "have been hunting him since Nov. 20": the perfect looks back
    if lowers & _future_aux() or _is_going_to(verb):
        return FUTURE
    if "to" in lowers and _is_plan(verb):
        return FUTURE
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags:
        return PAST
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod", "relcl", "advcl"):
        return PAST  # "the ruling issued Thursday": a participle naming a done deed
    if tags & {"VBZ", "VBP"}:
        return PRESENT
    if verb.tag_ in ("VBN", "VBG", "VB") and depth < 2 and verb.head is not verb:
        head = governing_verb(verb.head)
        if head is not None and head is not verb:
            return verb_tense(head, depth + 1)
    return None


def _is_going_to(verb) -> bool:
    head = verb.head
    return head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)


def _is_plan(verb) -> bool:
    """An infinitive under a plan word ("plans to", "is to", "was due to") points forwards.

    Only an infinitive that completes its head counts: in "the first states
    to join the pact on Friday were Chile and Peru" the infinitive is the
    subject of "were", which plans nothing.
    """
    head = verb.head
    if head is verb:
        return True
    return verb.dep_ == "xcomp" and head.lemma_.lower() in _plan_words()
