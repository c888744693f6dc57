"""Whether an event happened, and who reported it.

Status is read from the trigger's own auxiliaries and from the verbs that
govern it, in this order of precedence: negated ("did not attack", "failed
to") > hypothetical ("could", "if"/"unless" clauses, claims, wishes) > future
("will", "is to", "plans to", reported "would") > intent ("is willing to",
returned as "intent" for the caller to recode as AGREE/CONCEDE) > occurred. A refusal is not
a negation: "refused to withdraw" is coded REJECT by the wrapper rules.
"""
from __future__ import annotations

from sitrep.extract.events_triggers import is_reported, lemma

#: How far up the governing chain status cues are looked for.
_MAX_UP = 4
_CHAIN_DEPS = frozenset({"xcomp", "conj", "ccomp", "advcl", "acl", "relcl"})


def _governors(verb):
    """(token, is_governor) pairs: the trigger, verbs whose complement it is ("plans to
    attack", "is to start"), and the first conjunct when the trigger shares its subject
    ("will attack and seize": "seize" takes "will"), which is not a governor."""
    yield verb, False
    tok = verb
    for _ in range(_MAX_UP):
        if tok.head is tok:
            return
        if tok.dep_ == "xcomp":
            tok = tok.head
            yield tok, True
        elif tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            tok = tok.head
            yield tok, False
        else:
            return


def _purpose(verb) -> bool:
    """An infinitive of purpose ("moved in to attack") states an aim, not a fact."""
    return verb.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                 for c in verb.children)


def status_of(verb, cues: dict) -> tuple[str, str]:
    """(status, the cue that decided it) for the event headed by ``verb``."""
    found = {"negated": None, "hypothetical": None, "future": None, "intent": None}
    for gov, governs in _governors(verb):
        _own_cues(gov, verb, cues, found)
        if governs:
            _governor_cues(gov, cues, found)
    _clause_cues(verb, cues, found)
    claim = _claimed(verb, cues)
    if claim:
        found["hypothetical"] = found["hypothetical"] or claim
    if _purpose(verb) and lemma(verb.head) in cues["intent_governors"]:
        # "expressed its willingness to cooperate": the noun states the actor's intent
        found["intent"] = found["intent"] or f"'{verb.head.text} to'"
    elif _purpose(verb):
        found["hypothetical"] = found["hypothetical"] or "infinitive of purpose"
    for status in ("negated", "hypothetical", "future", "intent"):
        if found[status]:
            return status, found[status]
    return "occurred", "no modal, negation or condition"


def _own_cues(tok, verb, cues: dict, found: dict) -> None:
    """Auxiliaries and negation attached to ``tok`` itself."""
    for child in tok.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and word in cues["negations"]):
            found["negated"] = found["negated"] or f"negation '{child.text}'"
        elif child.dep_ == "aux" and word in cues["future_aux"]:
            found["future"] = found["future"] or f"auxiliary '{child.text}'"
        elif child.dep_ == "aux" and word in cues["hypothetical_aux"]:
            found["hypothetical"] = found["hypothetical"] or f"modal '{child.text}'"
        elif child.dep_ == "aux" and word in cues["conditional_aux"]:
            if is_reported(verb, cues["reporting_verbs"]) and not _has_condition(verb, cues):
                found["future"] = found["future"] or f"reported '{child.text}' (future in the past)"
            else:
                found["hypothetical"] = found["hypothetical"] or f"conditional '{child.text}'"
        elif child.dep_ == "aux" and word == "going":
            found["future"] = found["future"] or "'going to'"


def _governor_cues(gov, cues: dict, found: dict) -> None:
    """Cues carried by the verb governing the trigger: "was to", "plans to", "failed to"."""
    word = lemma(gov)
    if word == "be" and not found["future"]:
        found["future"] = "'be to' + infinitive"
    elif word in cues["negating_governors"]:
        found["negated"] = found["negated"] or f"'{gov.text} to'"
    elif word in cues["intent_governors"]:
        found["intent"] = found["intent"] or f"'{gov.text} to'"
    elif word in cues["hypothetical_governors"]:
        found["hypothetical"] = found["hypothetical"] or f"'{gov.text} to'"
    elif word in cues["future_governors"]:
        found["future"] = found["future"] or f"'{gov.text} to'"


def _claimed(verb, cues: dict) -> str | None:
    """An event only claimed, believed, hoped or denied by someone is not asserted by the text."""
    tok = verb
    for _ in range(_MAX_UP):
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ in ("ccomp", "xcomp") and lemma(head) in cues["hypothetical_reporting"]:
            return f"clause of '{head.text}'"
        if tok.dep_ == "pcomp" and head.dep_ == "prep" \
                and lemma(head.head) in cues["hypothetical_reporting"]:
            return f"what '{head.head.text}' alleges"  # "accused Kyiv of targeting civilians"
        if tok.dep_ in ("acl", "relcl", "ccomp") and head.pos_ == "NOUN" \
                and lemma(head) in cues["claim_nouns"]:
            return f"clause of the noun '{head.text}'"
        if tok.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "prep"):
            return None
        tok = head
    return None


def _has_condition(verb, cues: dict) -> bool:
    """True when the trigger's sentence hangs it on an "if"/"unless" clause."""
    for tok in verb.sent:
        if tok.dep_ == "mark" and tok.lower_ in cues["conditional_marks"] \
                and tok.head.dep_ == "advcl":
            return True
    return False


def _clause_cues(verb, cues: dict, found: dict) -> None:
    """The trigger inside a conditional clause ("if they attack") is hypothetical."""
    tok = verb
    for _ in range(_MAX_UP):
        mark = next((c for c in tok.children if c.dep_ == "mark"
                     and c.lower_ in cues["conditional_marks"]), None)
        if mark is not None:
            found["hypothetical"] = found["hypothetical"] or f"condition '{mark.text}'"
            return
        if tok.dep_ not in _CHAIN_DEPS or tok.head is tok:
            return
        tok = tok.head


def reporter_head(sent, cues: dict):
    """The outlet that reported a sentence's events: "..., Reuters reported", "according to Reuters"."""
    for tok in sent:
        if lemma(tok) in cues["media_verbs"] and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and _outlet_like(subj, cues):
                return subj, f"subject of '{tok.text}'"
        if tok.lower_ == "according":
            pobj = _according_object(tok)
            if pobj is not None and _outlet_like(pobj, cues):
                return pobj, "'according to'"
    return None, ""


def _according_object(tok):
    for child in tok.children:
        if child.lower_ == "to":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


def _media_like(tok, cues: dict) -> bool:
    words = {lemma(tok)} | {lemma(c) for c in tok.children if c.dep_ in ("compound", "amod")}
    return bool(words & cues["media_nouns"])


def _outlet_like(tok, cues: dict) -> bool:
    """A named organisation or a media noun; people are sources, not outlets."""
    if tok.ent_type_ == "PERSON":
        return False
    return (tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "")) or _media_like(tok, cues)
