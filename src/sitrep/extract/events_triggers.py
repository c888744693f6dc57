"""Trigger detection: which tokens code a PLOVER event, and by which lexicon entry.

A trigger is a verb (or a light verb with an event noun as its object) whose
lexicon sense's constraints hold in the dependency parse. Wrapper verbs
("refused to withdraw") and clause frames ("would not help unless ...") take
the place of the event they govern, so each real event is coded once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.events_lexicon import Lexicon, Sense, mode_for

#: Dependencies that carry a verb's objects for lexicon constraints.
_OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_WHEN_ENTS = frozenset({"DATE", "TIME"})


@dataclass
class Trigger:
    """A detected event before its arguments are read.

    ``token`` is the verb heading the event's clause; ``noun`` the event noun
    of a light-verb construction; ``inner`` the governed verb of a wrapper.
    ``recipient_tokens`` are heads the trigger rule itself names as recipients.
    """

    token: object
    sense: Sense
    event: str
    mode: str | None
    rule: str
    noun: object | None = None
    inner: object | None = None
    roles: str | None = None
    recipient_tokens: list = field(default_factory=list)


def lemma(tok) -> str:
    return tok.lemma_.lower()


def lemma_keys(tok) -> list[str]:
    """Look-up keys for a verb: its lemma, then crude stems of its form, because the small
    model's lemmatiser misses some ("staged" -> "stag")."""
    word = tok.lower_
    keys = [lemma(tok)]
    if word.endswith("ied"):
        keys.append(word[:-3] + "y")
    if word.endswith("ed"):
        keys += [word[:-1], word[:-2]]
    elif word.endswith("ing"):
        keys += [word[:-3] + "e", word[:-3]]
    elif word.endswith("es"):
        keys += [word[:-1], word[:-2]]
    elif word.endswith("s"):
        keys.append(word[:-1])
    return keys


def with_conjuncts(tokens) -> list:
    out = []
    for tok in tokens:
        out.append(tok)
        out.extend(tok.conjuncts)
    return out


def object_heads(verb, preps: frozenset[str] | None = None) -> list:
    """Direct objects, passive subjects and (when named) prepositional objects of ``verb``."""
    heads = [c for c in verb.children if c.dep_ in _OBJ_DEPS or _gerund_object(c)]
    for child in verb.children:
        if child.dep_ in ("prep", "agent") and preps and lemma(child) in preps:
            heads.extend(p for p in child.children if p.dep_ == "pobj")
        if child.dep_ == "ccomp" and not heads:
            heads.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
    return with_conjuncts(heads)


def _gerund_object(tok) -> bool:
    """A gerund complement acts as the object: "stopped bombing", "ceased firing"."""
    return tok.dep_ == "xcomp" and tok.tag_ == "VBG"


def lemma_set(heads) -> set[str]:
    """Lemmas of the heads and of their compound modifiers ("withdrawal offer"); gerunds
    also by their form, as event classes name them ("bombing", "shelling")."""
    out = set()
    for head in heads:
        out.add(lemma(head))
        if head.tag_ == "VBG":
            out.add(head.lower_)
        out.update(lemma(c) for c in head.children if c.dep_ == "compound")
    return out


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_reported(verb, reporting: frozenset[str]) -> bool:
    """True when ``verb`` sits in the complement clause of a reporting verb."""
    tok = verb
    for _ in range(6):
        if tok.dep_ in ("ccomp", "parataxis") and lemma(tok.head) in reporting:
            return True
        if tok.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _holds(sense: Sense, verb, lex: Lexicon) -> bool:
    """Whether every constraint of ``sense`` holds for ``verb`` in its parse."""
    if sense.prep is not None and not any(
            c.dep_ == "prep" and lemma(c) in sense.prep for c in verb.children):
        return False
    if sense.prep_not is not None and any(
            c.dep_ == "prep" and lemma(c) in sense.prep_not for c in verb.children):
        return False
    if sense.clause_not and any(c.dep_ == "ccomp" or (sense.clause_not == "all" and c.dep_ == "xcomp")
                                for c in verb.children):
        return False
    objects = lemma_set(object_heads(verb, sense.prep))
    if sense.needs_object and not objects:
        return False
    if sense.object is not None and not objects & sense.object:
        return False
    if sense.object_not is not None and objects & sense.object_not:
        return False
    if sense.subject is not None or sense.subject_not is not None:
        subjects = lemma_set(with_conjuncts(_subjects(verb)))
        if sense.subject is not None and not subjects & sense.subject:
            return False
        if sense.subject_not is not None and subjects & sense.subject_not:
            return False
    if sense.joint_subject and not any(_names_parties(s) for s in _subjects(verb)):
        return False
    if sense.passive is not None and is_passive(verb) != sense.passive:
        return False
    if sense.no_agent and any(c.dep_ == "agent" for c in verb.children):
        return False
    if sense.reported and not is_reported(verb, lex.status["reporting_verbs"]):
        return False
    return True


def _names_parties(subject) -> bool:
    """Whether a subject names two or more parties: "Kenya and Uganda", or sides sharing
    a head noun ("Kenyan and Ugandan officials")."""
    if subject.conjuncts:
        return True
    return any(c.dep_ in ("amod", "compound", "nmod") and c.i < subject.i and c.conjuncts
               and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
               for c in subject.children)


def _subjects(verb) -> list:
    """The verb's subjects, or those of the verb it complements ("the truce was to start")."""
    tok = verb
    for _ in range(3):
        subj = [c for c in tok.children if c.dep_ in _SUBJ_DEPS]
        if subj or tok.dep_ not in ("xcomp", "conj"):
            return subj
        tok = tok.head
    return []


def _verb_senses(verb, lex: Lexicon) -> tuple[Sense, ...]:
    """Senses of a phrasal verb ("pull out", "open fire") first, then of the lemma."""
    keys = lemma_keys(verb)
    for child in verb.children:
        for lem in keys:
            if child.dep_ in ("prt", "dobj", "advmod") and (lem, lemma(child)) in lex.phrasal:
                return lex.phrasal[(lem, lemma(child))]
    for lem in keys:
        if lem in lex.verbs:
            return lex.verbs[lem]
    return ()


def match_verb(verb, lex: Lexicon) -> Trigger | None:
    """The first sense of ``verb`` whose constraints hold, as a trigger."""
    for sense in _verb_senses(verb, lex):
        if _holds(sense, verb, lex):
            mode = mode_for(sense.mode_from_object,
                            lemma_set(object_heads(verb, sense.prep))) or sense.mode
            return Trigger(verb, sense, sense.event, mode, sense.rule, roles=sense.roles)
    return _match_light(verb, lex)


def _match_light(verb, lex: Lexicon) -> Trigger | None:
    """A light verb takes the event of its object noun ("launched an offensive")."""
    nouns = next((lex.light_verbs[k] for k in lemma_keys(verb) if k in lex.light_verbs), None)
    if not nouns:
        return None
    for obj in object_heads(verb):
        names = [lemma(obj)] + [lemma(c) for c in obj.children if c.dep_ == "compound"]
        name = next((n for n in names if n in nouns and n in lex.nouns), None)
        if name is not None:
            sense = lex.nouns[name]
            return Trigger(verb, sense, sense.event, sense.mode,
                           f"light verb '{lemma(verb)}' + {sense.rule}", noun=obj)
    return None


def _inner_verb(verb) -> object | None:
    """The verb a wrapper governs: its to-infinitive, or the clause after its preposition."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl") and child.pos_ in ("VERB", "AUX") \
                and child.i > verb.i:
            return child
    return None


def _wrapper_recipients(verb) -> list:
    """"urged Russia to ...", "called on Russia to ...": the addressee is the recipient."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    for child in verb.children:
        if child.dep_ == "prep" and lemma(child) in ("on", "upon"):
            heads.extend(p for p in child.children if p.dep_ == "pobj")
    return [h for h in heads if h.ent_type_ not in _WHEN_ENTS]  # not "vowed on Thursday to"


def match_wrapper(verb, lex: Lexicon) -> Trigger | None:
    """A wrapper verb over a coded inner event: REJECT/REQUEST/THREATEN/AGREE with its mode."""
    spec = next((lex.wrappers[k] for k in lemma_keys(verb) if k in lex.wrappers), None)
    if spec is None:
        return None
    if spec.get("prep") and not any(c.dep_ == "prep" and lemma(c) in spec["prep"]
                                    for c in verb.children):
        return None
    inner_verb = _inner_verb(verb)
    if inner_verb is None:
        return None
    inner = match_verb(inner_verb, lex)
    if inner is None:
        return None
    event = _wrapped_event(spec["event"], inner, lex)
    modes = lex.wrapped_modes.get(event, {})
    mode = modes.get(inner.event, modes.get("default"))
    if inner.event == "RETREAT" and inner.mode == "ceasefire" and event == "AGREE":
        mode = None
    sense = Sense(event=event, rule=f"wrapper '{lemma(verb)}' over {inner.rule}", mode=mode)
    return Trigger(verb, sense, event, mode, sense.rule, inner=inner_verb,
                   recipient_tokens=_wrapper_recipients(verb))


def _wrapped_event(event: str, inner: Trigger, lex: Lexicon) -> str:
    """A promise ("agreed to", "pledged to") of a retreat or a concession is a CONCEDE (PLOVER
    v0.8: future concessions "do not reduce to AGREE"; announced retreats are CONCEDE); a
    ceasefire agreed to stays AGREE."""
    concessions = set(lex.status.get("intent_as_concede", ())) | {"CONCEDE"}
    if event == "AGREE" and inner.event in concessions \
            and not (inner.event == "RETREAT" and inner.mode == "ceasefire"):
        return "CONCEDE"
    return event


def _negated(verb, negations: frozenset[str]) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and lemma(c) in negations)
               for c in verb.children)


def match_conditional_demand(verb, lex: Lexicon) -> Trigger | None:
    """"X would not act unless Y": a refusal with a condition is X's demand for Y."""
    frame = lex.frames.get("conditional_demand")
    if not frame or not _negated(verb, lex.status["negations"]):
        return None
    chain = [verb] + [t for t in verb.subtree if t.dep_ == "xcomp"]
    for tok in chain:
        for clause in tok.children:
            if clause.dep_ == "advcl" and any(
                    m.dep_ == "mark" and lemma(m) in frame["marks"] for m in clause.children):
                words = {lemma(t) for t in clause.subtree}
                mode = mode_for(frame["mode_from_clause"], words) or frame.get("mode")
                sense = Sense(event=frame["event"], mode=mode,
                              rule=f"frame conditional_demand ('not ... {_mark(clause)}')")
                recips = [c for c in clause.children if c.dep_ == "agent"]
                recips = [p for a in recips for p in a.children if p.dep_ == "pobj"]
                return Trigger(verb, sense, sense.event, mode, sense.rule, inner=clause,
                               recipient_tokens=recips)
    return None


def _mark(clause) -> str:
    return next((m.text for m in clause.children if m.dep_ == "mark"), "")


def find_triggers(doc, lex: Lexicon, skip=lambda tok: False) -> list[Trigger]:
    """Every trigger in ``doc``; wrapped and framed verbs are consumed by their wrapper."""
    found: dict[int, Trigger] = {}
    consumed: set[int] = set()
    frame = lex.frames.get("conditional_demand")
    has_condition = bool(frame) and any(t.lower_ in frame["marks"] for t in doc)
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "NOUN", "PROPN") or skip(tok):
            continue
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("ROOT", "conj", "ccomp", "xcomp"):
            continue  # nouns parsed as verbs in headlines only
        trig = match_conditional_demand(tok, lex) if has_condition else None
        if trig is None and any(k in lex.trigger_keys for k in lemma_keys(tok)):
            trig = match_wrapper(tok, lex) or match_verb(tok, lex)
        if trig is None:
            continue
        found[tok.i] = trig
        if trig.sense.object:  # "halted shelling": the gerund is the object, not an event
            consumed.update(c.i for c in tok.children
                            if _gerund_object(c) and lemma_set([c]) & trig.sense.object)
        if trig.inner is not None:
            consumed.update(t.i for t in trig.inner.subtree if t.pos_ in ("VERB", "AUX"))
    return [t for i, t in sorted(found.items()) if i not in consumed]
