"""The quote layer: who said what, as direct quotations and reported speech.

Conventions (aligned with news attribution corpora such as PolNeAR):

* ``content`` of a direct quotation includes its quotation marks and whatever
  punctuation sits inside them (``“...,”``); ``direct=True``.
* ``content`` of reported speech is the reported clause, including a leading
  "that" and excluding the sentence's final period; ``direct=False``.
* A quotation split by its cue (``“A,” he added, “B.”``) or continued right after
  it (``“A,” said X. “B.”``) yields one Quote per quoted part; all parts share the
  same ``cue`` span and speaker, which is how a consumer regroups them.
* Mixed quotes (a quoted fragment inside reported speech: ``said the deals were
  handed out "like candy"``) are one reported Quote, ``direct=False``, whose
  content includes the fragment; its rule ends in ``(mixed)``.
* ``cue`` is the reporting verb with its particle ("said", "called for"),
  "according to", a reporting noun ("Trump's *claim* that ..."), a byline dash or a
  transcript colon; ``speaker`` is the span naming the source in this sentence (a
  pronoun stays a pronoun) and ``speaker.name``/``chain`` say who it is.
* Reporting verbs and nouns are data (``rules/speech_verbs.txt``,
  ``rules/speech_nouns.txt``); a verb outside the lexicon still counts when it has a
  subject and a clausal complement that states a proposition ("recognised that ...",
  "feared the deal would fail"), as does a predicative adjective with a "that"-clause
  ("is confident that ..."); the rule says so.
* A reported content that opens a quotation runs on to its closing mark, however the
  parser split the sentence.
* Speech reported inside a quotation ("I said that ...") is not extracted again, nor
  is a cue inside another cue's content ("said she *thinks* ...": one report), nor a
  hedge verb in the first or second person ("I think ...").
* A reported infinitive or prepositional content needs a source ("anyone wanting to
  borrow ..." is no attribution).
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.symbols import ADJ, AUX, NOUN, VERB

from sitrep.extract import coref, speech
from sitrep.extract.quotes_content import (
    Parts,
    SUBJECT_DEPS,
    as_aside,
    content_start,
    cue_subject,
    final_clause,
    frame_complement,
    interjected_subject,
    paragraph_after_colon,
    passive_agent,
    relative_object,
    reported_clause,
    right_char,
)
from sitrep.extract.quotes_direct import Quoted, attach_cues, find_quoted, find_turns
from sitrep.model import Span
from sitrep.model.quote import Quote, Speaker

#: Subjects that hold no view ("it means that ...", "this ensures that ..."): no stance cue.
_IMPERSONAL = frozenset({"it", "this", "that", "which", "what"})
#: Verbs whose "that"-clause is a consequence, not a view ("the losses mean that ...").
_NO_STANCE = frozenset({"be", "mean", "ensure", "help"})
#: Subjects with which a hedge verb hedges the speaker's own words.
_SPEAKER_PRONOUNS = frozenset({"i", "you"})
#: Frames whose content needs a source to be an attribution: an infinitive or a
#: prepositional object says what someone wants or talks about, and nothing without them.
_SOURCELESS_WEAK = frozenset({"xcomp", "pobj"})
#: Fewest word tokens for a reported content.
MIN_CONTENT_WORDS = 2


def extract(ctx) -> list[Quote]:
    """Every direct quotation and reported statement in the article."""
    doc = ctx.doc
    candidates = _candidates(doc)
    stretches = [(q.start, q.end) for q in candidates]
    quoted = attach_cues(doc, candidates)
    direct = [_direct_quote(ctx, q, stretches) for q in quoted]
    _share_speakers(direct)
    used = {t.i for q in quoted for t in q.cue_tokens}
    reported = _reported(ctx, quoted, used)
    _close_quotations(ctx.text, reported, stretches)
    reported_spans = [(r.content.start, r.content.end) for r in reported]
    kept = [d for d, q in zip(direct, quoted)
            if q.cue is not None or not _inside_any(q.start, q.end, reported_spans)]
    cued = {(q.start, q.end) for q in quoted if q.cue is not None}
    for r in reported:
        if any(r.content.start <= s and e <= r.content.end and (s, e) not in cued
               for s, e in stretches):
            r.rule += " (mixed)"
    return sorted(kept + reported, key=lambda x: (x.content.start, x.content.end))


def _candidates(doc) -> list[Quoted]:
    """Quoted stretches and transcript turns; a turn replaces the quotation holding its label."""
    turns = find_turns(doc)
    quoted = [q for q in find_quoted(speech.doc_text(doc))
              if not any(q.start <= t.speaker_span[0] < q.end for t in turns)]
    return sorted(quoted + turns, key=lambda q: q.start)


def _close_quotations(text: str, reported: list[Quote], stretches) -> None:
    """A reported content that opens a quotation runs on to its closing mark: the parser
    often ends the clause, or the sentence, inside the quotation (``told Fox that "A. B."``)."""
    for r in reported:
        c = r.content
        end = max((e for s, e in stretches if c.start <= s < c.end < e), default=None)
        if end is not None:
            r.content = c = _trimmed(text, c.start, end) or c
        opened = next(((s, e) for s, e in stretches
                       if s < c.start < e and not text[s:c.start].strip(_MARK_CHARS)), None)
        if opened is not None:  # ``chanted "What curfew?"``: the quotation's marks are its own
            r.content = _span(text, opened[0], max(c.end, opened[1]))


#: Characters of the quotation marks a reported content may begin just after.
_MARK_CHARS = "“”\"'‘’«»„` "


def _inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _direct_quote(ctx, q: Quoted, stretches: list[tuple[int, int]]) -> Quote:
    content = _span(ctx.text, q.start, q.end)
    if q.content is not None:
        content = _trimmed(ctx.text, *q.content) or content
    if q.cue is None:
        return Quote(content=content, direct=True, rule=q.rule)
    cue = _tokens_span(ctx.text, q.cue_tokens)
    if q.speaker_span is not None:
        speaker = _speaker_at(ctx, *q.speaker_span)
    else:
        subject = _subject_outside(q.cue, stretches)
        if subject is None:
            subject = _source_beside(ctx.doc, q)
        speaker = _speaker(ctx, subject, exclude=(q.start, q.end)) if subject is not None else None
    return Quote(content=content, direct=q.content is None, speaker=speaker, cue=cue, rule=q.rule)


def _source_beside(doc, q: Quoted):
    """The source when the parse gives the cue none: the object of "according to", or the
    noun phrase between the quotation and its cue (``"...," Flynn, a surrogate, said`` /
    ``Said Ellis: "..."``), whatever the parser attached it to."""
    if q.cue_tokens[-1].lower_ == "to" and q.cue.lower_ == "according":
        return next((c for c in q.cue_tokens[-1].children if c.dep_ == "pobj"), None)
    if q.cue.idx >= q.end:
        start, end = q.end, q.cue.idx
    elif not q.rule.startswith("direct: cue before"):
        return None
    else:
        start, end = q.cue_tokens[-1].idx + len(q.cue_tokens[-1].text), q.start
    between = doc.char_span(start, end, alignment_mode="contract")
    if between is None:
        return None
    return next((t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON")
                 and (t.head.i == t.i or not between.start <= t.head.i < between.end)), None)


def _share_speakers(quotes: list[Quote]) -> None:
    """Quotations sharing a cue share its speaker (a continuation names it only once)."""
    by_cue = {}
    for q in quotes:
        if q.cue is not None and q.speaker is not None:
            by_cue.setdefault((q.cue.start, q.cue.end), q.speaker)
    for q in quotes:
        if q.cue is not None and q.speaker is None:
            q.speaker = by_cue.get((q.cue.start, q.cue.end))


def _subject_outside(cue, stretches: list[tuple[int, int]]):
    """The cue's subject, but never a word of a quotation: in ``"... Full panic mode," said
    Leslie Wimes`` the parser may take a noun inside the quotation as a second subject."""
    subject = cue_subject(cue)
    if subject is None or not _inside_any(subject.idx, subject.idx + 1, stretches):
        return subject
    return next((c for c in cue.children if c.dep_ in SUBJECT_DEPS
                 and not _inside_any(c.idx, c.idx + 1, stretches)), None)


def _reported(ctx, quoted: list[Quoted], used: set[int]) -> list[Quote]:
    doc = ctx.doc
    quoted_spans = [(q.start, q.end) for q in quoted]
    out = []
    for tok in _cue_candidates(doc):
        if tok.i in used:
            continue
        if _inside_any(tok.idx, tok.idx + 1, quoted_spans):
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in speech.speech_nouns():
            out.extend(_noun_cue(ctx, tok))
            continue
        found = speech.match_cue(tok) or _that_clause_cue(tok)
        if found is None or _inside_report(tok):
            continue
        entry, cue_tokens = found
        out.extend(_reported_one(ctx, tok, entry, cue_tokens))
    return out


def _cue_candidates(doc) -> list:
    """The tokens that can open a cue, in text order, read from the Doc's arrays so that no
    Token is built for the other words: a verb or auxiliary whose lemma is a cue, a noun
    whose lemma is a reporting noun, "according", and a verb or predicative adjective with
    a clausal complement after it (a stance, see ``_that_clause_cue``)."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    pos, dep, lemma, lower, head = doc.to_array([POS, DEP, LEMMA, LOWER, HEAD]).T
    offset = head.astype(np.int64)  # the head's position relative to the token
    clause = (dep == strings["ccomp"]) & (offset < 0)
    clause_after = np.zeros(len(doc), dtype=bool)
    clause_after[np.flatnonzero(clause) + offset[clause]] = True
    predicative = (pos == ADJ) & ((dep == strings["acomp"]) | (dep == strings["oprd"]))
    keep = (lower == strings["according"]) | (clause_after & ((pos == VERB) | predicative))
    for kind, tagged in enumerate(((pos == NOUN), (pos == VERB) | (pos == AUX))):
        for lemma_id in np.unique(lemma[tagged]).tolist():
            if _cue_lemma(strings, lemma_id)[kind]:
                keep |= tagged & (lemma == lemma_id)
    return [doc[i] for i in np.flatnonzero(keep).tolist()]


#: Lemma id -> (a reporting noun, a cue verb): ids are hashes of the lemma's text.
_CUE_LEMMAS: dict[int, tuple[bool, bool]] = {}
#: Lemmas remembered at most (a long run meets ever more rare words).
MAX_REMEMBERED_LEMMAS = 200_000


def _cue_lemma(strings, lemma_id: int) -> tuple[bool, bool]:
    found = _CUE_LEMMAS.get(lemma_id)
    if found is None:
        if len(_CUE_LEMMAS) >= MAX_REMEMBERED_LEMMAS:
            _CUE_LEMMAS.clear()
        word = strings[lemma_id].lower()
        found = _CUE_LEMMAS[lemma_id] = (word in speech.speech_nouns(), word in speech.cue_lexicon())
    return found


def _inside_report(tok) -> bool:
    """``said she thinks ...`` / ``said he wants to ...``: a cue that is itself the clause
    another cue reports (in one of its frames) is part of that report, not an attribution
    of its own; "continues to insist that ..." is one, since "continue" reports no infinitive."""
    head = tok.head
    if tok.dep_ not in ("ccomp", "xcomp") or head.i == tok.i:
        return False
    found = speech.match_cue(head) or _that_clause_cue(head)
    return found is not None and tok.dep_ in found[0].frames  # not "continues to insist"


#: The entry standing for a verb outside the lexicon that takes a "that"-clause.
_THAT_CLAUSE = speech.CueEntry(words=("that-clause",), frames=("ccomp",))


def _that_clause_cue(tok):
    """Any verb with a subject and a "that"-clause reports a stance ("recognised that ...");
    so does a predicative adjective with one ("is confident that ...", "was convinced that")."""
    clauses = [c for c in tok.rights if c.dep_ == "ccomp"]
    if not clauses:  # the cheapest test first: most words have no clause after them
        return None
    if tok.pos_ == "ADJ":
        if tok.dep_ not in ("acomp", "oprd"):
            return None
        subject = cue_subject(tok.head)
        if subject is None or subject.lower_ in _IMPERSONAL:
            return None
    elif tok.pos_ != "VERB" or not tok.is_alpha or tok.lemma_ in _NO_STANCE or not any(
            c.dep_ in SUBJECT_DEPS and c.lower_ not in _IMPERSONAL for c in tok.children):
        return None
    for child in clauses:
        if reported_clause(child) if tok.pos_ == "VERB" else _marked_that(child):
            return _THAT_CLAUSE, [tok]
    return None


def _marked_that(clause) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _noun_cue(ctx, noun) -> list[Quote]:
    """``Trump's claim that ...`` / ``X made the charge that ...``: the clause is the content."""
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    how = "that-clause"
    if clause is None:
        clause, how = _possessed_noun_content(noun), "possessor and complement"
    if clause is None:
        return []
    content = _trimmed(ctx.text, content_start(clause), right_char(clause.right_edge))
    if content is None or _words(ctx.doc, content) < MIN_CONTENT_WORDS:
        return []
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None and noun.dep_ in ("dobj", "attr"):
        source = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
    speaker = _speaker(ctx, source, exclude=(content.start, content.end)) \
        if source is not None else None
    return [Quote(content=content, direct=False, speaker=speaker,
                  cue=_span(ctx.text, noun.idx, right_char(noun)),
                  rule=f"reported: {how} of the noun '{noun.lemma_.lower()}'")]


#: Prepositions after a reporting noun that introduce its topic ("Clinton's comments on X").
_TOPIC_PREPS = frozenset({"on", "about"})


def _possessed_noun_content(noun):
    """``her decision to meet ...`` / ``Clinton's comments on the shooting``: a reporting
    noun whose possessor names the source says what through an infinitive or a topic;
    without a possessor such a phrase is a topic, not an attribution."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    for child in noun.rights:
        if child.dep_ in ("acl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS:
            return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _reported_one(ctx, tok, entry: speech.CueEntry, cue_tokens: list) -> list[Quote]:
    """The quote(s) one cue introduces: one per content part (an interjected cue splits it)."""
    if "source" in entry.frames:
        found = _according_to(ctx, tok, cue_tokens)
        return [found] if found is not None else []
    subject = interjected_subject(tok, cue_subject(tok))
    if entry.hedge and subject is not None and subject.lower_ in _SPEAKER_PRONOUNS:
        return []  # "I think ...": the speaker hedging, not a report
    if any(c.dep_ == "auxpass" for c in tok.children):
        return _passive(ctx, tok, entry, cue_tokens)
    aside = as_aside(tok, cue_tokens)
    if aside is not None:
        found, speaker = aside
        return _quotes(ctx, tok, entry, cue_tokens, found, speaker)
    found = final_clause(tok, subject) or frame_complement(tok, entry, cue_tokens) \
        or paragraph_after_colon(tok) or relative_object(tok, entry)
    if found is None:
        return []
    parts, how = found
    if how in _STANCE_FRAMES and _non_speaker(tok, subject):
        return []  # "a plan which backed an initiative": what a text contains, not a stance
    if how in _SOURCELESS_WEAK and (subject is None or (
            tok.dep_ in ("acl", "pcomp") and subject.head is not tok)):
        return []  # "anyone wanting to borrow ...": an aim or a topic that no one holds
    return _quotes(ctx, tok, entry, cue_tokens, found, subject)


#: Frames whose content is a thing or an aim rather than a proposition.
_STANCE_FRAMES = frozenset({"dobj", "pobj", "xcomp", "relative object"})
#: Relative pronouns that stand for the noun their clause modifies.
_RELATIVE_SUBJECTS = frozenset({"which", "that"})


def _non_speaker(tok, subject) -> bool:
    """Whether the cue's subject, or the noun its "which"/"that" clause modifies, is a
    proposal, plan or measure (``rules/quote_nonspeakers.txt``) rather than a source."""
    if subject is None:
        return False
    head = subject
    if subject.lower_ in _RELATIVE_SUBJECTS and tok.dep_ == "relcl":
        head = tok.head
    return head.pos_ == "NOUN" and head.lemma_.lower() in speech.non_speakers()


def _quotes(ctx, tok, entry, cue_tokens, found: tuple[Parts, str], subject) -> list[Quote]:
    """One Quote per content part, all sharing the cue and the speaker ``subject``."""
    parts, how = found
    contents = [c for c in (_trimmed(ctx.text, a, b) for a, b in parts)
                if c is not None and (_words(ctx.doc, c) >= MIN_CONTENT_WORDS
                                      or (how == "dobj" and _is_name(ctx.doc, c)))]
    if not contents:
        return []
    cue = _tokens_span(ctx.text, cue_tokens)
    speaker = _speaker(ctx, subject, exclude=(contents[0].start, contents[-1].end)) \
        if subject is not None else None
    source = f"'{entry.label}'"
    if entry is _THAT_CLAUSE:
        source = "verb not in the lexicon" if tok.pos_ == "VERB" else "adjective with a that-clause"
    return [Quote(content=c, direct=False, speaker=speaker, cue=cue,
                  rule=f"reported: {how}, cue {source}") for c in contents]


def _passive(ctx, tok, entry: speech.CueEntry, cue_tokens: list) -> list[Quote]:
    """A passive cue. With a "by" agent, the agent speaks and the content is the cue's
    complement ("X was described by Y as ..."), or else what the passive is about ("the
    story was first reported by the Post", "his views were echoed by experts"). Without
    one, no source is named, and a complement attributes its subject together with it
    ("the toll is expected to rise", "she was accused of lying"), as do the grounds of a
    stance ("he was criticized for ..."): both are the content."""
    agent = passive_agent(tok)
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    found = (agent is not None and final_clause(tok, agent)) \
        or frame_complement(tok, entry, cue_tokens)
    if agent is not None:
        if found is None and patient is not None and patient.pos_ != "PRON":
            found = [(patient.left_edge.idx, right_char(patient.right_edge))], "passive subject"
        return _quotes(ctx, tok, entry, cue_tokens, found, agent) if found else []
    if found is None and patient is not None and "dobj" in entry.frames:
        found = _judged_for(tok)
    if found is None or patient is None or patient.i > tok.i or (
            patient.pos_ == "PRON" and found[1] != "grounds"):
        return []
    (start, end), how = found[0][0], found[1]
    if how == "dobj" or start < tok.idx:
        return []
    parts = [(patient.left_edge.idx, end)]
    return _quotes(ctx, tok, entry, cue_tokens, (parts, f"{how} of a passive"), None)


#: Prepositions that give the grounds or the label of a stance taken on someone.
_JUDGEMENT_PREPS = frozenset({"for", "as"})


def _judged_for(tok) -> tuple[Parts, str] | None:
    """``he has been criticized for policies ...`` / ``was described as a threat``: a stance
    verb in the passive, with no source named, attributes its subject with the grounds."""
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in _JUDGEMENT_PREPS
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if prep is None:
        return None
    return [(prep.idx, right_char(prep.right_edge))], "grounds"


def _according_to(ctx, tok, cue_tokens: list) -> Quote | None:
    """``according to X, ...`` / ``..., according to X``: X is the source."""
    to = cue_tokens[-1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    doc, sent = ctx.doc, tok.sent
    phrase_start, phrase_end = tok.left_edge.i, max(tok.right_edge.i, source.right_edge.i) + 1
    if phrase_start - sent.start >= sent.end - phrase_end:
        start, end = sent.start_char, doc[phrase_start].idx
    else:
        start, end = right_char(doc[phrase_end - 1]), sent.end_char
    content = _trimmed(ctx.text, start, end)
    if content is None or _words(doc, content) < MIN_CONTENT_WORDS:
        return None
    return Quote(content=content, direct=False,
                 speaker=_speaker(ctx, source, exclude=(content.start, content.end)),
                 cue=_tokens_span(ctx.text, cue_tokens), rule="reported: according to")


def _speaker(ctx, subject, *, exclude: tuple[int, int]) -> Speaker:
    """The speaker span (the subject's noun phrase) and who it resolves to."""
    subject = _past_dateline(subject)
    start, end = _noun_phrase(subject)
    dateline = _DATELINE.match(ctx.text, start, end)
    if dateline is not None and dateline.end() < end:
        start = dateline.end()
    if start < exclude[1] <= end or start < exclude[0] < end:
        start, end = subject.idx, subject.idx + len(subject.text)
    return _speaker_at(ctx, start, end)


#: A dateline opening a story ("WASHINGTON -- ", "LOS ANGELES - "), which the parser
#: often folds into the first sentence's subject.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ ]*[A-Z.][ \t]*(?:--|[-—–])[ \t]*")


def _past_dateline(subject):
    """``WASHINGTON -- President Obama said ...`` parsed with the dateline as the subject
    and the name as its apposition: the apposition is who speaks."""
    doc = subject.doc
    if not subject.text.isupper() or subject.i + 1 >= len(doc) \
            or doc[subject.i + 1].text not in ("--", "-", "—", "–"):
        return subject
    return next((c for c in subject.children if c.dep_ == "appos"), subject)


def _speaker_at(ctx, start: int, end: int) -> Speaker:
    text = ctx.text[start:end]
    found = coref.resolve(ctx, start, end)
    if found is None:
        return Speaker(text=text, start=start, end=end, resolution="unresolved")
    return Speaker(text=text, start=start, end=end, name=found.name, chain=found.chain,
                   resolution=found.how)


def _noun_phrase(head) -> tuple[int, int]:
    """Characters of the head noun with its left modifiers (and a role noun's "to/of X")."""
    left = head.left_edge
    right = head
    if head.lemma_.lower() in speech.nominals():
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("to", "of", "for", "at"):
                right = child.right_edge
    while left.i < head.i and (left.is_punct or left.is_space or (
            left.pos_ == "VERB" and left.dep_ == "compound")):  # "Said Ellis:"
        left = left.doc[left.i + 1]
    return left.idx, right_char(right)


#: Conjunctions left dangling at the end of a content cut before the next clause
#: ("said it would halt strikes, but ...", "rejected the claims and said ...").
_DANGLING = ("and", "but", "or", "nor", "yet")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding spaces and punctuation (quotation marks are kept)
    and without a conjunction left dangling at its end."""
    strip = " \t\n,;:.—–-"
    while True:
        while start < end and text[start] in strip:
            start += 1
        while end > start and text[end - 1] in strip:
            end -= 1
        last = text[start:end].rsplit(None, 1)
        if len(last) < 2 or last[1].lower() not in _DANGLING:
            break
        end -= len(last[1])
    if end <= start:
        return None
    return _span(text, start, end)


def _is_name(doc, content: Span) -> bool:
    """A one-word content that is a proper name ("endorsed Clinton", "praised Merkel"):
    whom a stance is about, unlike a common word ("said so", "denied everything")."""
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ == "PROPN"


def _words(doc, content: Span) -> int:
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    return sum(1 for t in span if t.is_alpha) if span is not None else 0


def _span(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


def _tokens_span(text: str, tokens) -> Span:
    start = min(t.idx for t in tokens)
    end = max(right_char(t) for t in tokens)
    return _span(text, start, end)
