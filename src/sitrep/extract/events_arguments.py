"""Who did it and to whom: the actor and recipient spans of a trigger.

The event layer decides WHICH spans are actors and recipients; the actor
resolver (:mod:`sitrep.extract.actors`) decides their country and sector.
Rules, each named in the entity's ``resolution``:

* actor = grammatical subject; passive "by" agent; subject inherited through
  xcomp/conj chains and purpose clauses ("signed an accord to supply X"); the noun a
  relative clause modifies ("troops, which ...");
* a passive without an agent has no actor: its subject, or the subject it shares with a
  conjoined verb ("fishermen, held in Libya, were freed"), is the recipient; where the
  lexicon names holder prepositions, a coded "from X" is the actor ("were freed from
  Iran"); "Y received aid from X" is X's aid to Y;
* a pronoun subject inside reported speech is the speaker ("X said it would ...");
* compounds split into conjuncts (:mod:`sitrep.extract.events_conjuncts`: "Russian and
  Syrian air forces" -> two actors; "some of the groups, including A and B" -> A and B);
* recipient = the object (shared with the next conjoined verb when the verb has none:
  "rejected and condemned X"), the "on/against/with/to" object, the passive subject, or
  for a rejected/backed proposal the proposal's owner ("Russia's proposed ceasefire");
  a closed road or border stands for where it leads ("cordoned off the roads into X");
  for giving events (AID, SUPPORT, ...) an object that names no actor is the thing given,
  and the recipient is its "to/for" object ("donated ventilators to Ethiopia"); an
  endorsed message stands for its author ("welcomed memos from X").
"""
from __future__ import annotations

from sitrep.extract.events_conjuncts import (QUANTIFIERS, Argument, np_bounds,  # noqa: F401
                                             quantified, split_arguments)
from sitrep.extract.events_triggers import Trigger, lemma
from sitrep.model import Entity

DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it", "which", "what"})
RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "him", "her"})
#: Events whose direct object is the thing given, moved or cut, not the recipient.
GIVING_EVENTS = frozenset({"AID", "MOBILIZE", "SANCTION", "COOPERATE", "AGREE", "RETREAT",
                           "CONCEDE", "CONSULT", "SUPPORT"})
#: Events whose non-actor object is endorsed as someone's word ("welcomed memos from X").
AUTHORED_EVENTS = frozenset({"SUPPORT"})
#: "... to help X": the purpose verb's object is who benefits from aid or support.
BENEFIT_VERBS = frozenset({"help", "assist", "support", "benefit", "aid", "feed", "protect"})
RECIPIENT_PREPS = frozenset({"against", "on", "upon", "at", "with", "to", "toward", "towards"})
#: Particles the parser reads as prepositions right after the verb ("cordoned off the
#: roads", "sealed off the city"): their object is the verb's direct object.
PARTICLE_PREPS = frozenset({"off"})
#: How a road, border or crossing names the place it leads to ("the roads leading into X",
#: "the border with X", "crossings to X").
ROUTE_PREPS = frozenset({"into", "to", "with", "toward", "towards"})
#: Edge tokens dropped from argument spans.
_TRIM_DEPS = frozenset({"punct", "cc", "relcl", "acl", "appos", "advcl", "prep_including"})
#: Fixed phrases whose noun is no participant: "in order to", "in return", "at least".
IDIOM_OBJECTS = frozenset({
    ("in", "order"), ("in", "return"), ("in", "turn"), ("in", "response"), ("in", "addition"),
    ("in", "fact"), ("in", "particular"), ("in", "general"), ("in", "part"), ("in", "effect"),
    ("in", "time"), ("in", "advance"), ("in", "vain"), ("in", "principle"), ("in", "practice"),
    ("in", "theory"), ("in", "total"), ("in", "case"), ("in", "retaliation"), ("in", "protest"),
    ("in", "line"), ("in", "exchange"), ("in", "contrast"), ("in", "short"), ("in", "public"),
    ("in", "private"), ("in", "secret"), ("at", "least"), ("at", "most"), ("at", "once"),
    ("at", "all"), ("at", "last"), ("at", "times"), ("at", "risk"), ("at", "odds"),
    ("on", "time"), ("on", "purpose"), ("on", "average"), ("on", "hold"), ("on", "alert"),
    ("on", "patrol"), ("on", "duty"),
    ("for", "example"), ("for", "instance"), ("for", "now"), ("for", "good"), ("with", "regard"),
    ("with", "respect"), ("to", "date"),
})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY",
                             "QUANTITY"})


def subject_head(verb):
    """The subject of ``verb``, following xcomp/conj/relcl chains when it has none."""
    tok = verb
    for _ in range(5):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        # two subjects is a misparse of an apposition ("old foes Gondor and Osgiliath"):
        # the one nearest the verb names the sides
        subj = subjects[-1] if subjects else None
        if subj is None and not _is_passive(tok):
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            if lemma(subj) in RELATIVE and tok.dep_ == "relcl":
                return tok.head, "relative pronoun -> the noun its clause modifies"
            return subj, "subject"
        if tok.pos_ == "PROPN" and tok.lower_.endswith("s"):
            # a title-case headline verb tagged as a plural name ("Armenia Government Rejects
            # Request"): the parser hangs the subject on it as a compound name
            left = [c for c in tok.children
                    if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
            if left:
                return left[-1], "name before a noun-tagged headline verb"
        if tok.dep_ == "relcl":
            return tok.head, "relative clause -> the noun it modifies"
        if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBG", "VBZ", "VBP"):
            return tok.head, "the noun this verb is attached to"
        if tok.dep_ == "acl" and _infinitive(tok) and tok.head.dep_ == "dobj" \
                and not _addressed(tok.head.head):
            tok = tok.head.head  # "signed an accord to supply X": whoever signed supplies
            continue
        if tok.dep_ == "advcl" and _infinitive(tok) and _addressed(tok.head):
            return None, ""  # "put pressure on them to cease": the purpose's doer is unclear
        if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head is not tok:
            if tok.dep_ == "xcomp":
                obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
                if obj is not None and lemma(tok.head) not in ("try", "attempt", "want"):
                    return obj, "object of the governing verb (object control)"
            tok = tok.head
            continue
        return None, ""
    return None, ""


def _infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _addressed(verb) -> bool:
    """Whether ``verb`` names someone besides its subject who might do what it is for:
    "put pressure on them (to cease)" does, "signed an accord (to supply X)" does not."""
    for child in verb.children:
        heads = [child] if child.dep_ in ("dobj", "dative") else [
            p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "prep" else []
        for head in heads:
            for tok in (head, *(p for c in head.children if c.dep_ == "prep"
                                for p in c.children if p.dep_ == "pobj")):
                if tok.ent_type_ in _NON_ACTOR_ENTS:
                    continue  # "signed an accord on Thursday"
                if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in _ACTOR_ENTS:
                    return True
    return False


def _agentless_passive(verb) -> bool:
    """A passive verb with neither a "by" agent nor an active subject of its own."""
    return _is_passive(verb) and agent_head(verb) is None and not any(
        c.dep_ in ("nsubj", "csubj") for c in verb.children)


def _is_passive(verb) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def agent_head(verb):
    for child in verb.children:
        if child.dep_ == "agent":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


def speaker_of(verb, reporting: frozenset[str]):
    """The subject of the reporting verb whose complement holds ``verb``, if any."""
    tok = verb
    for _ in range(6):
        if tok.dep_ in ("ccomp", "parataxis") and lemma(tok.head) in reporting:
            return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if tok.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or tok.head is tok:
            return None
        tok = tok.head
    return None


def antecedent(pron, verb, reporting: frozenset[str]):
    """A cheap antecedent for a pronoun subject: the reporting speaker, else the last subject."""
    speaker = speaker_of(verb, reporting)
    if speaker is not None and speaker.i != pron.i and lemma(speaker) not in PRONOUNS:
        return speaker, f"pronoun '{pron.text}' -> speaker of the reporting verb"
    sent = pron.sent
    if sent.start > 0:
        prev = pron.doc[sent.start - 1].sent
        subj = next((t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
                     and lemma(t) not in PRONOUNS and lemma(t) not in RELATIVE), None)
        if subj is not None and pron.lower_ in ("it", "they"):
            return subj, f"pronoun '{pron.text}' -> subject of the previous sentence"
    return None, ""


def _not_an_actor(head) -> bool:
    """Dates, sums and percentages name no actor; a count does when it counts a group
    ("thousands of workers", "45 protesters"); nor do fixed phrases ("in order to")."""
    if head.dep_ == "pobj" and (lemma(head.head), head.lower_) in IDIOM_OBJECTS:
        return True
    if head.ent_type_ not in _NON_ACTOR_ENTS:
        return False
    if head.ent_type_ != "CARDINAL":
        return True
    return lemma(head) not in QUANTIFIERS and not _has_of(head)


def _has_of(head) -> bool:
    return any(c.dep_ == "prep" and lemma(c) == "of" for c in head.children)


def actor_arguments(trig: Trigger, reporting: frozenset[str],
                    proposal_words: frozenset[str] = frozenset(),
                    things: frozenset[str] = frozenset(), *,
                    holder_preps: frozenset[str] = frozenset(),
                    is_coded=lambda tok: False) -> list[Argument]:
    """The actor spans of a trigger (empty when none can be named).

    A proposal that "backed" or "would see" something acts for its owner. The object of a
    ``holder_preps`` preposition that names a coded actor is the actor of an agentless
    passive ("were freed from Iran": Iran let them go) and of a receiving verb ("received
    aid from Japan": Japan gave it).
    """
    verb = trig.token
    if trig.roles == "speaker_subject":
        speaker = speaker_of(verb, reporting)
        return split_arguments(speaker, "speaker of the ultimatum") if speaker is not None else []
    if trig.roles == "giver_from":
        return _holders(verb, frozenset({"from"}), is_coded, "giver ('received ... from X')")
    agent = agent_head(verb)
    if agent is not None:
        return split_arguments(agent, "passive agent ('by ...')")
    patient = any(c.dep_ == "nsubjpass" for c in verb.children)
    if _agentless_passive(verb) and (not _infinitive(verb) if patient else verb.dep_ == "conj"):
        # "since protesters were crushed": no agent; "X attacked and were repelled": the
        # shared subject is the patient (a recipient), not the doer; but "authorised X to
        # be extradited" keeps the governing subject; "were freed from Iran": the holder
        return _holders(verb, holder_preps, is_coded, "holder named by the passive ('from X')")
    head, why = subject_head(verb)
    if head is None or (_is_passive(verb) and head.dep_ == "nsubjpass"):
        return []
    if trig.sense.no_actor and (lemma(head) in things or lemma(head) in (trig.sense.subject or ())):
        return []  # the subject is the event or the thing itself ("the truce began")
    if _not_an_actor(head):
        return []
    if lemma(head) in proposal_words:
        owner, how = owner_of(head, proposal_words)
        return split_arguments(owner, f"{why}: owner of the {head.text} ({how})") if owner else []
    if lemma(head) in PRONOUNS:
        ante, why2 = antecedent(head, verb, reporting)
        if ante is None:
            return [Argument(head.i, head.i + 1, "pronoun, antecedent not found")]
        return split_arguments(ante, why2)
    return split_arguments(head, why)


def _holders(verb, preps: frozenset[str], is_coded, why: str) -> list[Argument]:
    """Coded actors named by ``preps`` on the verb or on its direct object ("freed from X",
    "received weapons from X"); a place with no code ("from prison") names nobody."""
    if not preps:
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    found = [p for h in heads for c in h.children if c.dep_ == "prep" and lemma(c) in preps
             for p in c.children if p.dep_ == "pobj" and is_coded(p)]
    return [a for p in found[:1] for a in split_arguments(p, why)]


def recipient_arguments(trig: Trigger, proposal_words: frozenset[str],
                        event_nouns: frozenset[str],
                        things: frozenset[str] = frozenset(),
                        is_actor=lambda tok: True,
                        extra_preps: frozenset[str] = frozenset(),
                        instruments: frozenset[str] = frozenset(), *,
                        patient: bool = False, routes: bool = False) -> list[Argument]:
    """The recipient spans of a trigger, by the rules in the module docstring; with
    ``patient`` a direct object that names an actor is the recipient even when it would
    otherwise be a thing given or withdrawn ("freed 280 child soldiers"); with ``routes``
    a closed road or border stands for the place it leads into ("the roads into X")."""
    verb = trig.token
    heads: list[tuple[object, str]] = [(t, "addressee of the request") for t in trig.recipient_tokens]
    if trig.roles == "speaker_subject":
        subj, _ = subject_head(verb)
        if subj is not None:
            heads.append((subj, "subject of the ultimatum"))
    elif trig.roles == "giver_from":
        subj, _ = subject_head(verb)
        return split_arguments(subj, "receiver (the subject of 'received')") if subj is not None else []
    elif _is_passive(verb):
        # "the militia was freed": with ``patient`` a released group is the recipient even
        # where its noun would be a thing moved ("troops were withdrawn")
        heads.extend((c, "passive subject") for c in verb.children
                     if c.dep_ == "nsubjpass"
                     and not (lemma(c) in things and (trig.sense.no_actor or trig.event in GIVING_EVENTS)
                              and not (patient and is_actor(c))))
        if not heads and verb.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "csubj") for c in verb.children):
            # "fishermen, held in Libya, have been freed": the first verb's own subject
            heads.extend((c, "subject shared by a conjoined passive (its patient)")
                         for c in verb.head.children if c.dep_ == "nsubj")
    if trig.inner is None or trig.recipient_tokens == []:
        heads.extend(_object_recipients(verb, trig, event_nouns, proposal_words, things, is_actor,
                                        instruments, patient, routes))
    heads = [(h, why) for h, why in heads if h is not None and not _not_an_actor(h)]
    if trig.inner is not None and trig.inner.pos_ in ("VERB", "AUX") and not heads:
        # "agreed to lift the ban on X": the wrapped event's recipient
        heads.extend(_object_recipients(trig.inner, trig, event_nouns, proposal_words, things,
                                        is_actor))
    out = _head_arguments(heads, proposal_words, event_nouns, things)
    if extra_preps and not out:
        out = _head_arguments(_place_objects(verb, trig, extra_preps), proposal_words,
                              event_nouns, things)
    return out


def _head_arguments(heads, proposal_words: frozenset[str], event_nouns: frozenset[str],
                    things: frozenset[str]) -> list[Argument]:
    """Arguments for candidate recipient heads: a proposal stands for its owner, pronouns
    and relatives are dropped, conjuncts are split."""
    out: list[Argument] = []
    seen: set[int] = set()
    for head, why in heads:
        if head is None or head.i in seen or _not_an_actor(head):
            continue
        seen.add(head.i)
        if lemma(head) in proposal_words:
            owner, how = owner_of(head, proposal_words)
            if owner is not None:
                out.extend(split_arguments(owner, f"owner of the {head.text} ({how})"))
            else:  # "a ceasefire with the Taliban", "an offer to Iran"
                out.extend(a for p in _prep_objects(head, deep=True) if p.i not in seen
                           for a in split_arguments(p, f"object of '{head.text}'"))
            continue
        if lemma(head) in RELATIVE or lemma(head) in DEMONSTRATIVES or (
                lemma(head) in PRONOUNS and head.dep_ != "nsubjpass"):
            continue
        if head.dep_ == "pobj" and lemma(head) in event_nouns:
            continue  # "a state of emergency": what is lifted, not who
        out.extend(split_arguments(head, why))
    return out


def _place_objects(verb, trig: Trigger, preps: frozenset[str]) -> list[tuple[object, str]]:
    """Objects of the event-specific prepositions (``recipient_preps``): on the verb
    ("arrived in Mali", "withdrew from Iraq"), else on its object or event noun
    ("declared a ceasefire in Yemen", "lifted the state of emergency in four states")."""
    found = [(p, "host, place or party named by a preposition of the verb") for c in verb.children
             if c.dep_ == "prep" and lemma(c) in preps for p in c.children if p.dep_ == "pobj"]
    if found:
        return found
    objs = [trig.noun] if trig.noun is not None else [c for c in verb.children if c.dep_ == "dobj"]
    for obj in objs:
        for tok in (obj, *(p for c in obj.children if c.dep_ == "prep" and lemma(c) == "of"
                           for p in c.children if p.dep_ == "pobj")):
            found.extend((p, f"place or party of '{obj.text}'") for c in tok.children
                         if c.dep_ == "prep" and lemma(c) in preps
                         for p in c.children if p.dep_ == "pobj")
    return found


def _object_recipients(verb, trig: Trigger, event_nouns: frozenset[str],
                       proposal_words: frozenset[str], things: frozenset[str], is_actor,
                       instruments: frozenset[str] = frozenset(), patient: bool = False,
                       routes: bool = False):
    """Objects and prepositional objects; an event noun passes on its own "on X" object;
    with ``routes`` a road or border that names no actor stands for where it leads."""
    objs = ([c for c in verb.children if c.dep_ == "dobj"] or _raised_objects(verb)
            or _particle_objects(verb)) + _sense_prep_objects(verb, trig)
    if trig.noun is not None:
        objs = [trig.noun]
    out = []
    for obj in objs:
        if lemma(obj) in event_nouns and lemma(obj) not in proposal_words:
            # "condemned an attack by X": the attacker; else "a boycott against X": its target
            by = [(p, f"agent of '{obj.text}'") for p in _prep_objects(obj, only=frozenset({"by"}))]
            out.extend(by or ((p, f"object of '{obj.text}'")
                              for p in _prep_objects(obj, deep=True, extra=frozenset({"of"}))))
        elif patient and obj.dep_ == "dobj" and is_actor(obj):
            out.append((obj, "direct object (the one it was done to)"))
        elif routes and not is_actor(obj) and _route_ends(obj):
            out.extend((p, f"where '{obj.text}' leads") for p in _route_ends(obj))
        elif (trig.event in GIVING_EVENTS and (lemma(quantified(obj)) in things
                                               or not is_actor(obj))) or (
                lemma(obj) in instruments):
            # "fired tear gas at X", "fired two shells near a vessel": the weapon is no recipient
            # what is given, moved or cut ("provided two corridors to X"): X is the recipient;
            # "welcomed the resumption of ties with X": followed through "of";
            # "welcomed memos (sent) by X": an endorsed message stands for its author
            authors = _authors(obj, verb) if trig.event in AUTHORED_EVENTS else []
            out.extend((p, f"author of '{obj.text}'") for p in authors)
            out.extend((p, f"object of '{obj.text}'") for p in ([] if authors else
                                                               _nested_objects(obj)))
        else:
            out.append((obj, "direct object"))
    named = (trig.sense.object or frozenset()) if trig.sense.prep else frozenset()
    out.extend((p, "prepositional object") for p in _prep_objects(verb)
               if lemma(p) not in named)  # "remained on alert": the sense's own words
    if trig.event in GIVING_EVENTS and not out:
        out.extend((o, f"beneficiary of '{c.text}'") for c in verb.children
                   if c.dep_ in ("advcl", "xcomp") and lemma(c) in BENEFIT_VERBS
                   for o in c.children if o.dep_ == "dobj")
    return out


def _particle_objects(verb) -> list:
    """"cordoned off the roads": the object of a particle parsed as a preposition."""
    return [p for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1
            and lemma(c) in PARTICLE_PREPS for p in c.children if p.dep_ == "pobj"]


def _route_ends(obj) -> list:
    """Where a road, border or crossing leads, on the noun or on its participle ("the roads
    leading into X", "the border with X")."""
    holders = [obj, *(c for c in obj.children if c.dep_ == "acl")]
    return [p for h in holders for c in h.children if c.dep_ == "prep" and lemma(c) in ROUTE_PREPS
            for p in c.children if p.dep_ == "pobj"]


def _raised_objects(verb) -> list:
    """"rejected and condemned the decision": a verb followed at once by a conjoined verb
    (only "and", commas or adverbs between) shares that verb's direct object."""
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                and c.i > verb.i), None)
    if nxt is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children):
        return []
    if not all(t.dep_ in ("cc", "punct", "advmod") for t in verb.doc[verb.i + 1:nxt.i]):
        return []
    return [c for c in nxt.children if c.dep_ == "dobj"]


def _authors(obj, verb) -> list:
    """Who a message or document comes from: "memos from X", "a letter sent by X"
    ("from X" may hang on the verb: "welcomed memos from X")."""
    found = _prep_objects(obj, only=frozenset({"from", "by"}))
    found += [p for c in verb.children if c.dep_ == "prep" and lemma(c) == "from" and c.i > obj.i
              for p in c.children if p.dep_ == "pobj"]
    for acl in (c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        found.extend(p for a in acl.children if a.dep_ == "agent"
                     for p in a.children if p.dep_ == "pobj")
    return found


def _sense_prep_objects(verb, trig: Trigger) -> list:
    """Objects of the prepositions the sense names ("called for a boycott", "objected to X"):
    they play the direct object's part."""
    preps = trig.sense.prep
    if not preps:
        return []
    return [p for c in verb.children if c.dep_ == "prep" and lemma(c) in preps
            and lemma(c) not in RECIPIENT_PREPS for p in c.children if p.dep_ == "pobj"]


def _nested_objects(tok, depth: int = 3) -> list:
    """Recipient-like prepositional objects of ``tok``, looking through "of" phrases
    ("welcomed the resumption of ties between X and Y"), other prepositional phrases and
    conjuncts of the thing given, where the parser often hangs "to X" ("sent vehicles and
    a team of paratroopers to Lebanon", "10 million euros in aid to the refugees")."""
    found = _prep_objects(tok, deep=True, extra=frozenset({"between"}))
    if found or depth == 0:
        return found
    for prep in tok.children:
        if prep.dep_ == "prep" and lemma(prep) not in RECIPIENT_PREPS | {"for", "between"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found.extend(_nested_objects(pobj, depth - 1))
    for conj in tok.conjuncts if not found else ():
        found.extend(_prep_objects(conj, extra=frozenset({"between"}))
                     or _nested_objects(conj, depth - 1))
    return found


def _prep_objects(tok, deep: bool = False, extra: frozenset[str] = frozenset(),
                  only: frozenset[str] | None = None) -> list:
    """Objects of "on/against/with/to ..." (or of the ``only`` prepositions) under ``tok``;
    ``deep`` also looks through a participle ("a ban imposed on X") and "for" ("aid for X")."""
    preps = only if only is not None else RECIPIENT_PREPS | ({"for"} if deep else set()) | extra
    out = [p for c in tok.children if c.dep_ in ("prep", "dative") and lemma(c) in preps
           for p in c.children if p.dep_ == "pobj"]
    if only is None:
        out += [c for c in tok.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    if deep and not out:
        for acl in (c for c in tok.children if c.dep_ == "acl"):
            out.extend(_prep_objects(acl))
    return out


def owner_of(noun, proposal_words: frozenset[str], lookback: int = 3):
    """Whose proposal/offer/plan a noun is: possessor, nationality, relative-clause subject,
    "by"/"from" object; a bare definite noun looks back for an owned earlier mention."""
    owner = _own_owner(noun)
    if owner is not None:
        return owner, "possessor"
    for conj in noun.conjuncts:
        owner = _own_owner(conj)
        if owner is not None:
            return owner, "possessor of the conjunct"
    if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        sents = 0
        for tok in reversed(noun.doc[:noun.i]):
            if tok.is_sent_start:
                sents += 1
                if sents > lookback:
                    break
            if lemma(tok) == lemma(noun) and tok.pos_ == "NOUN":
                owner = _own_owner(tok)
                if owner is not None:
                    return owner, f"earlier mention '{tok.text}' at offset {tok.idx}"
    return None, ""


def _own_owner(noun):
    for child in noun.children:
        if child.dep_ == "poss" and lemma(child) not in PRONOUNS and child.tag_ != "PRP$":
            return child
    for child in noun.children:
        if child.dep_ == "relcl":
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None and lemma(subj) not in RELATIVE:
                return subj
        if child.dep_ in ("prep", "agent") and lemma(child) in ("by", "from", "of"):
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return child
    return None


def to_entities(args: list[Argument], doc, resolve) -> list[Entity]:
    """Entities for argument spans, each resolved to a code by ``resolve(span, name_text)``,
    which returns the span's entity and one more per joint actor its name stands for."""
    out: list[Entity] = []
    for arg in args:
        span = doc[arg.start:arg.end]
        if not span.text.strip():
            continue
        found = resolve(span, arg.name_text)
        if any(e.start == found[0].start and e.end == found[0].end for e in out):
            continue
        for ent in found:
            ent.resolution = f"{arg.why}; {ent.resolution}" if ent.resolution else arg.why
            out.append(ent)
    return out
