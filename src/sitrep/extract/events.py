"""The event layer: PLOVER v0.8 events with actors, status, date, place and size.

The river inside the layer: triggers (lexicon senses over the parse) ->
arguments (actor/recipient spans, resolved by the actor resolver) -> status
and reporter -> date, location, attributes -> document-level dedup. Every
event names the lexicon entry that produced it in ``rule``; the rules
themselves are data in ``rules/event_*.yaml``.

Also fills ``code``/``sector``/``name`` of the quote layer's speakers, which
that layer leaves empty for the resolver to decide.
"""
from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from sitrep.extract import events_attributes as attributes
from sitrep.extract import events_headline, events_lexicon
from sitrep.extract.events_arguments import (actor_arguments, recipient_arguments, to_entities,
                                             np_bounds, subject_head)
from sitrep.extract.events_conjuncts import quantified
from sitrep.extract.events_dedup import merge
from sitrep.extract.events_status import reporter_head, status_of
from sitrep.extract.events_triggers import Trigger, find_triggers
from sitrep.model import EVENT_TYPES, Entity, Event, Span


def extract(ctx) -> list[Event]:
    """All events of the document in ``ctx`` (see the module docstring)."""
    lex = events_lexicon.load()
    resolve = _resolver_for(ctx)
    events = _events(ctx, lex, resolve)
    resolver = _actor_resolver(tuple(ctx.settings.actor_dictionaries))
    events = events_headline.reread(ctx, events, lambda sub: _events(sub, lex, resolve), resolver)
    _code_speakers(ctx, resolve)
    return merge(events)


def _events(ctx, lex, resolve) -> list[Event]:
    """The events of the triggers in ``ctx.doc``, in text order, before dedup."""
    triggers = find_triggers(ctx.doc, lex, skip=lambda tok: _in_links(ctx, tok))
    main = attributes.main_place(ctx.places)
    reporters: dict = {}  # sentence start -> reporter entity, found once per sentence
    events = []
    for trig in triggers:
        event = _build(ctx, trig, lex, resolve, main, reporters)
        if event is not None:
            if trig.sense.no_actor and not event.actor:
                event.actor = _earlier_actors(ctx.doc, trig, events)
            events.append(event)
    return events


#: Determiners that make an event noun point back to an event already told.
_ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})


def _earlier_actors(doc, trig: Trigger, earlier: list[Event]) -> list[Entity]:
    """``X halted strikes for a pause. ... The pause was to start on Thursday``: an event
    whose subject is the event itself ("the truce began") has no actor of its own, but a
    definite event noun names an event told before; when an earlier event's clause holds
    the same noun, its actors are this event's actors."""
    subject, _ = subject_head(trig.token)
    if subject is None or not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS
                                  for c in subject.children):
        return []
    noun = subject.lemma_.lower()
    for ev in reversed(earlier):
        if not ev.actor or ev.evidence.start >= subject.idx:
            continue
        mention = next((t for t in doc.char_span(ev.evidence.start, ev.evidence.end,
                                                  alignment_mode="expand") or ()
                        if t.lemma_.lower() == noun and t.pos_ == "NOUN"), None)
        if mention is not None:
            why = f"actor of the earlier '{mention.text}' (offset {mention.idx}); "
            return [replace(a, resolution=why + (a.resolution or "")) for a in ev.actor]
    return []


def _in_links(ctx, tok) -> bool:
    return bool(ctx.links) and ctx.in_links(tok.idx, tok.idx + len(tok.text))


def _build(ctx, trig: Trigger, lex, resolve, main_place, reporters: dict) -> Event | None:
    """One Event for a trigger, or None when it names neither actor nor recipient."""
    verb = trig.token
    actors, recipients = _participants(ctx.doc, trig, lex, resolve)
    if not actors and not recipients and not trig.sense.no_actor:
        return None
    tokens = attributes.clause_tokens(verb)
    ranges = attributes.char_ranges(tokens)
    event_type, mode, rule, status = _coded_type(trig, lex)
    if event_type == "ASSAULT" and mode is None:
        mode = _instrument_mode(tokens, verb, lex)
    date, time, date_how = attributes.event_date(ranges, ctx.times, ctx.published)
    place, place_how = attributes.event_location(ranges, ctx.places, main_place)
    return Event(
        event=event_type, mode=mode, context=list(trig.sense.context),
        actor=actors, recipient=recipients, evidence=_span(ctx.text, tokens),
        trigger=_trigger_span(ctx.text, trig), mentions=[], rule=rule,
        status=status, date=date, date_resolution=date_how, time=time,
        location=place, location_resolution=place_how,
        reported_by=_reporter(ctx, verb, lex, resolve, reporters),
        attributes=_attributes(ctx, tokens, verb, lex, ranges),
        confidence=_confidence(actors, recipients))


def _participants(doc, trig: Trigger, lex, resolve) -> tuple[list[Entity], list[Entity]]:
    """(actors, recipients) as resolved entities; in reciprocal events all are actors."""
    things = _things(lex)
    holders = lex.holder_preps.get(f"{trig.event}/{trig.mode}",
                                   lex.holder_preps.get(trig.event, frozenset()))
    actors = to_entities(actor_arguments(trig, lex.status["reporting_verbs"],
                                         lex.classes["proposal"], things, holder_preps=holders,
                                         is_coded=_coded_test(doc, resolve)), doc, resolve)
    extra = lex.recipient_preps.get(f"{trig.event}/{trig.mode}",
                                    lex.recipient_preps.get(trig.event, frozenset()))
    recipients = to_entities(recipient_arguments(trig, lex.classes["proposal"], _event_nouns(lex),
                                                 things, _actor_test(doc, resolve, lex), extra,
                                                 lex.classes.get("instruments", frozenset()),
                                                 patient=lex.patient_object(trig.event, trig.mode),
                                                 routes=lex.route_object(trig.event, trig.mode)),
                             doc, resolve)
    actor_keys = {(a.start, a.end) for a in actors}
    recipients = [r for r in recipients if (r.start, r.end) not in actor_keys]
    if _reciprocal(trig, lex):
        return actors + recipients, []
    return actors, recipients


def _reciprocal(trig: Trigger, lex) -> bool:
    """PLOVER: in a meeting or a two-sided fight every participant is an actor."""
    if trig.sense.reciprocal:
        return True
    modes = lex.reciprocal_events.get(trig.event)
    return modes is not None and trig.mode not in modes


def _coded_type(trig: Trigger, lex) -> tuple[str, str | None, str, str]:
    """(event, mode, rule, status) after PLOVER's recoding of status-marked events:
    withheld cooperation is REJECT, announced future cooperation AGREE or CONCEDE."""
    status, cue = status_of(trig.token, lex.status)
    if trig.rule.startswith("frame ") or trig.roles == "speaker_subject":
        status = "occurred"  # the demand or threat itself was made
    event_type, mode, rule = trig.event, trig.mode, trig.rule
    if status == "negated" and EVENT_TYPES[event_type] in (1, 2):
        # "will not lift the ban", "refuses to negotiate": a withheld cooperation is a rejection
        modes = lex.wrapped_modes.get("REJECT", {})
        event_type, mode = "REJECT", modes.get(event_type, modes.get("default"))
        return event_type, mode, f"negated cooperation = REJECT ({cue}) over {rule}", "occurred"
    if status in ("future", "intent"):
        event_type, mode, rule = _intent(event_type, mode, rule, cue, lex)
        status = "future"
    return event_type, mode, rule, status


def _event_nouns(lex) -> frozenset[str]:
    """Nouns that name events, not participants ("halted strikes on X": X is the recipient)."""
    c = lex.classes
    return frozenset(lex.nouns) | c["hostilities"] | c["ceasefire"] | c["sanction_nouns"]


def _intent(event_type: str, mode, rule: str, cue: str, lex) -> tuple[str, str | None, str]:
    """PLOVER v0.8 codes announced future cooperation as AGREE, future withdrawals and
    ceasefires as CONCEDE; other future events keep their type."""
    if event_type in lex.status["intent_as_agree"]:
        return "AGREE", None, f"future {event_type} = AGREE ({cue}) over {rule}"
    if event_type in lex.status["intent_as_concede"]:
        return "CONCEDE", None, f"future {event_type} = CONCEDE ({cue}) over {rule}"
    return event_type, mode, rule


def _instrument_mode(tokens, verb, lex) -> str | None:
    """An ASSAULT's mode from the weapon named in its clause ("shelled", "car bomb")."""
    words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    words |= {t.lemma_.lower() for c in verb.children if c.dep_ == "advcl" for t in c.subtree}
    for mode, cues in lex.assault_modes:  # the clause first ...
        if words & cues:
            return mode
    sent = verb.sent  # ... then the rest of the sentence
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    for mode, cues in lex.assault_modes:
        if words & cues:
            return mode
    return None


def _actor_test(doc, resolve, lex):
    """``is_actor(token)``: does the noun phrase headed by ``token`` name an actor?"""
    people = lex.classes["people"] | lex.classes["captives"]

    def is_actor(tok) -> bool:
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if tok.lemma_.lower() in people:
            return True
        if quantified(tok) is not tok:  # "a bunch of Orcs": the counted group decides
            return is_actor(quantified(tok))
        start, _ = np_bounds(tok)  # the head and its modifiers, not "of/between X" after it
        ent = resolve(doc[start:tok.i + 1], None)[0]
        return ent.code is not None or ent.sector is not None
    return is_actor


def _coded_test(doc, resolve):
    """``is_coded(token)``: does the noun phrase headed by ``token`` resolve to a code?"""
    def is_coded(tok) -> bool:
        start, _ = np_bounds(tok)
        return resolve(doc[start:tok.i + 1], None)[0].code is not None
    return is_coded


def _things(lex) -> frozenset[str]:
    """Objects that are what is given, moved or cut, never the recipient."""
    c = lex.classes
    return (c["aid"] | c["troops"] | c["ties"] | c["sanction_nouns"] | c["talks"] | c["weapons"]
            | c["bases"])


def _span(text: str, tokens) -> Span:
    """The clause's extent in the text, without trailing punctuation or line breaks."""
    body = [t for t in tokens if not t.is_space]
    while len(body) > 1 and body[-1].is_punct:
        body.pop()
    start, end = body[0].idx, body[-1].idx + len(body[-1].text)
    return Span(text=text[start:end], start=start, end=end)


def _trigger_span(text: str, trig: Trigger) -> Span:
    toks = [trig.token] + ([trig.noun] if trig.noun is not None else [])
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return Span(text=text[start:end], start=start, end=end)


def _reporter(ctx, verb, lex, resolve, cache: dict) -> Entity | None:
    """The outlet reporting the trigger's sentence (looked up once per sentence)."""
    sent = verb.sent
    if sent.start not in cache:
        head, how = reporter_head(sent, lex.status)
        ent = None
        if head is not None:
            start, end = np_bounds(head)
            ent = resolve(ctx.doc[start:end], None)[0]
            ent.resolution = f"{how}; {ent.resolution}"
        cache[sent.start] = ent
    ent = cache[sent.start]
    return None if ent is None else Entity(**{f: getattr(ent, f) for f in ent.__slots__})


def _attributes(ctx, tokens, verb, lex, ranges) -> dict:
    attrs = lex.attributes
    out = attributes.casualties(tokens, verb, attrs)
    dur = attributes.duration(ranges, ctx.times, tokens, attrs["units"])
    if dur:
        out["duration"] = dur
    out.update(attributes.counts(tokens, attrs, set(attrs["casualty"])
                                 | lex.classes["people"]) if "count" not in out else {})
    return out


def _confidence(actors, recipients) -> float:
    """A rough score: coded actors make an event more trustworthy than bare spans."""
    score = 0.5
    if any(a.code for a in actors):
        score += 0.3
    if any(r.code for r in recipients):
        score += 0.1
    return round(min(score, 0.95), 2)


# -- actor resolution -----------------------------------------------------------------------

def _resolver_for(ctx):
    """A ``resolve(span, name_text) -> list[Entity]`` function over the actor resolver: the
    span's entity, then one more per joint actor its name stands for (a dictionary name
    covering several parties)."""
    resolver = _actor_resolver(tuple(ctx.settings.actor_dictionaries))
    on = ctx.published

    def resolve(span, name_text: str | None) -> list[Entity]:
        label = span.root.ent_type_ or None
        if resolver is None:
            return [Entity(text=span.text, start=span.start_char, end=span.end_char,
                           label=label, resolution="actor resolver unavailable")]
        from sitrep.extract.actors import to_entity
        code = resolver.resolve_text(name_text or span.text, on=on)
        ent = to_entity(span, code, label=label)
        if ent.name is None:
            ent.name = name_text
        names = resolver.lexicon.country_names
        joint = [Entity(text=ent.text, start=ent.start, end=ent.end, label=label,
                        name=names.get(c), code=c, sector=sector,
                        resolution=f"joint actor {i} of {ent.resolution}")
                 for i, (c, sector) in enumerate(code.joint if code else (), start=2)]
        return [ent, *joint]

    return resolve


@functools.lru_cache(maxsize=8)
def _actor_resolver(extra: tuple[Path, ...]):
    """The shared actor resolver; None only when the actors module is not installed."""
    try:
        from sitrep.extract.actors import default_resolver
    except ImportError:
        return None
    return default_resolver(extra)


def _code_speakers(ctx, resolve) -> None:
    """Fill the code, sector and name of each quote's speaker (left empty by the quote layer)."""
    for quote in ctx.quotes:
        speaker = quote.speaker
        if speaker is None or speaker.code is not None:
            continue
        span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is None:
            continue
        ent = resolve(span, None)[0]
        if ent.code is None and speaker.name:
            ent = resolve(span, speaker.name)[0]
        if ent.code is not None or ent.sector is not None:
            speaker.code, speaker.sector = ent.code, ent.sector
            speaker.name = speaker.name or ent.name
