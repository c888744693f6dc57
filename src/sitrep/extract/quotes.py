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

from sitrep.extract import coref, speech
from sitrep.extract.quotes_direct import Quoted, attach_cues, find_quoted, find_turns
from sitrep.model import Span
from sitrep.model.quote import Quote, Speaker

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependencies through which a subject-less cue ("..., adding that ...") borrows its subject.
_INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "acomp"})
#: Objects that are not content ("said so", "denied it").
_EMPTY_OBJECTS = frozenset({"it", "this", "that", "so", "them", "him", "her", "what", "which"})
#: Tags of a finite verb: a stretch holding one is a clause that can be what was said.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Punctuation that sets a cue group off from its content ("..., he said, ...").
_SEPARATORS = frozenset({",", "—", "–", "--"})
#: Right-hand children that show a cue still has its content ahead of it.
_CLAUSAL = frozenset({"ccomp", "xcomp", "dobj", "conj", "advcl", "parataxis"})
#: Subjects that hold no view ("it means that ...", "this ensures that ..."): no stance cue.
_IMPERSONAL = frozenset({"it", "this", "that", "which", "what"})
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
    direct = [_direct_quote(ctx, q) for q in quoted]
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
            r.content = _trimmed(text, c.start, end) or c


def _inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _direct_quote(ctx, q: Quoted) -> Quote:
    content = _span(ctx.text, q.start, q.end)
    if q.content is not None:
        content = _trimmed(ctx.text, *q.content) or content
    if q.cue is None:
        return Quote(content=content, direct=True, rule=q.rule)
    cue = _tokens_span(ctx.text, q.cue_tokens)
    if q.speaker_span is not None:
        speaker = _speaker_at(ctx, *q.speaker_span)
    else:
        subject = _subject(q.cue)
        speaker = _speaker(ctx, subject, exclude=(q.start, q.end)) if subject is not None else None
    return Quote(content=content, direct=q.content is None, speaker=speaker, cue=cue, rule=q.rule)


def _reported(ctx, quoted: list[Quoted], used: set[int]) -> list[Quote]:
    doc = ctx.doc
    quoted_spans = [(q.start, q.end) for q in quoted]
    out = []
    for tok in doc:
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


def _inside_report(tok) -> bool:
    """``said she thinks ...`` / ``said he wants to ...``: a cue that is itself the clause
    another cue reports is part of that report, not an attribution of its own."""
    head = tok.head
    if tok.dep_ not in ("ccomp", "xcomp") or head is tok:
        return False
    return speech.match_cue(head) is not None or _that_clause_cue(head) is not None


#: The entry standing for a verb outside the lexicon that takes a "that"-clause.
_THAT_CLAUSE = speech.CueEntry(words=("that-clause",), frames=("ccomp",))


def _that_clause_cue(tok):
    """Any verb with a subject and a "that"-clause reports a stance ("recognised that ...");
    so does a predicative adjective with one ("is confident that ...", "was convinced that")."""
    if tok.pos_ == "ADJ":
        subject = _subject(tok.head)
        if tok.dep_ not in ("acomp", "oprd") or subject is None or subject.lower_ in _IMPERSONAL:
            return None
    elif tok.pos_ != "VERB" or tok.lemma_ == "be" or not any(
            c.dep_ in SUBJECT_DEPS and c.lower_ not in _IMPERSONAL for c in tok.children):
        return None
    for child in tok.children:
        if child.dep_ == "ccomp" and child.i > tok.i and (
                _reported_clause(child) if tok.pos_ == "VERB" else _marked_that(child)):
            return _THAT_CLAUSE, [tok]
    return None


def _marked_that(clause) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _reported_clause(clause) -> bool:
    """A complement that reads as a proposition: "that"/"whether"/"if" or a finite clause
    with its own subject ("feared the deal would collapse")."""
    marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
    if marks & {"that", "whether", "if"}:
        return True
    finite = clause.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in clause.children)
    return not marks and finite and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _noun_cue(ctx, noun) -> list[Quote]:
    """``Trump's claim that ...`` / ``X made the charge that ...``: the clause is the content."""
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return []
    content = _trimmed(ctx.text, _content_start(clause), _right_char(clause.right_edge))
    if content is None or _words(ctx.doc, content) < MIN_CONTENT_WORDS:
        return []
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None and noun.dep_ in ("dobj", "attr"):
        source = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
    speaker = _speaker(ctx, source, exclude=(content.start, content.end)) \
        if source is not None else None
    return [Quote(content=content, direct=False, speaker=speaker,
                  cue=_span(ctx.text, noun.idx, _right_char(noun)),
                  rule=f"reported: that-clause of the noun '{noun.lemma_.lower()}'")]


def _reported_one(ctx, tok, entry: speech.CueEntry, cue_tokens: list) -> list[Quote]:
    """The quote(s) one cue introduces: one per content part (an interjected cue splits it)."""
    if "source" in entry.frames:
        found = _according_to(ctx, tok, cue_tokens)
        return [found] if found is not None else []
    subject = _subject(tok)
    if entry.hedge and subject is not None and subject.lower_ in _SPEAKER_PRONOUNS:
        return []  # "I think ...": the speaker hedging, not a report
    if any(c.dep_ == "auxpass" for c in tok.children):
        subject = _agent(tok)  # "X was described by Y as ..." / "the toll is expected to rise"
        if subject is None:
            return []
    found = _final_clause(tok, subject) or _complement(tok, entry, cue_tokens)
    if found is None:
        return []
    parts, how = found
    if subject is None and how in _SOURCELESS_WEAK:
        return []  # "anyone wanting to borrow ...": an aim or a topic that no one holds
    contents = [c for c in (_trimmed(ctx.text, a, b) for a, b in parts)
                if c is not None and _words(ctx.doc, c) >= MIN_CONTENT_WORDS]
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


def _agent(verb):
    """The "by" agent of a passive cue, who is the one speaking."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _final_clause(tok, subject) -> tuple[Parts, str] | None:
    """``..., Reuters reported.`` / ``A, he said, B.``: the content is the rest of the sentence.

    The cue and its subject form a group set off by commas or dashes, at the end
    of the sentence or inside it; the content is what precedes it (and what
    follows it, for an interjected cue). The parser's attachment is not trusted
    here, since such a cue is often misparsed as a relative clause or parataxis.
    """
    sent, doc = tok.sent, tok.doc
    if subject is None or any(c.i > tok.i and c.dep_ in _CLAUSAL - {"ccomp"}
                              and not _addressee(c) for c in tok.children):
        return None
    first = min(tok.i, subject.left_edge.i)
    if first <= sent.start + 2 or doc[first - 1].text not in _SEPARATORS:
        return None
    last = max([tok.i, subject.right_edge.i] + [c.right_edge.i for c in tok.rights
                                                 if c.dep_ not in _CLAUSAL | {"punct", "cc"}
                                                 or _addressee(c)])
    parts = [(sent.start_char, doc[first - 1].idx)]
    after = doc[last + 1] if last + 1 < sent.end else None
    right_clause = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    if after is not None and after.text in _SEPARATORS and last + 2 < sent.end:
        parts.append((_right_char(after), sent.end_char))
    elif right_clause or (after is not None and not (after.is_punct or after.is_space)):
        return None
    if not _finite(doc[sent.start:first - 1]) and not (len(parts) > 1 and _finite(
            doc[last + 2:sent.end])):
        return None  # "Speaking in Ohio, he said." / "Through a spokesman, he declined."
    return parts, "cue after the clause" if len(parts) == 1 else "cue inside the clause"


def _addressee(child) -> bool:
    """A pronoun object is who was told, part of the cue group ("..., he told me, ...")."""
    return child.dep_ in ("dobj", "dative") and child.pos_ == "PRON" and child.n_rights == 0


def _finite(tokens) -> bool:
    """Whether the tokens hold a finite verb, i.e. a clause that can be what was said."""
    return any(t.tag_ in _FINITE_TAGS for t in tokens)


Parts = list[tuple[int, int]]


def _complement(tok, entry: speech.CueEntry, cue_tokens: list) -> tuple[Parts, str] | None:
    """The content hanging from the cue in one of its frames (``said (that) ...``)."""
    for frame in entry.frames:
        child = _frame_child(tok, frame, cue_tokens)
        if child is not None:
            return [(_content_start(child), _content_end(tok, child))], frame
    return None


def _content_start(child) -> int:
    """Where a complement starts: its "that"/"whether" when a stray modifier precedes it."""
    marks = [c for c in child.children if c.dep_ == "mark" and c.i < child.i]
    return (marks[0] if marks else child.left_edge).idx


def _content_end(tok, child) -> int:
    """A rightward complement runs on through the cue's later dependents ("cited X as Y",
    "that A, that B", "to meet and exceed") to the end of the sentence, since the parser
    often cuts a long clause short; it stops at a coordinated clause with its own subject
    ("..., and she left") or another cue ("..., adding that ...")."""
    end = child.right_edge
    if child.i < tok.i:
        return _right_char(end)
    for sib in tok.rights:
        if sib.i <= child.i or sib.dep_ == "punct":
            continue
        if speech.match_cue(sib) is not None or sib.dep_ == "parataxis" or (
                sib.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in sib.children)):
            return _right_char(end)
        end = max(end, sib.right_edge, key=lambda t: t.i)
    if tok.dep_ in ("ROOT", "ccomp", "advcl", "xcomp", "conj"):
        end = max(end, _before_next_cue(end, _last_word(tok.sent)), key=lambda t: t.i)
    return _right_char(end)


def _before_next_cue(start, last):
    """``last``, or the token before the separator that sets off a sentence-final cue
    ("..., a source said."), which attributes its own clause."""
    doc = start.doc
    separator = None
    for t in doc[start.i + 1:last.i + 1]:
        if t.text in _SEPARATORS:
            separator = t
        elif t.pos_ == "VERB" and speech.match_cue(t) is not None:
            if separator is not None and last.i - t.i <= 4 and t.i - separator.i <= 6:
                return doc[separator.i - 1]
    return last


def _last_word(sent):
    """The sentence's last token that is not punctuation (the parse often cuts a clause short)."""
    for t in reversed(sent):
        if not (t.is_punct or t.is_space) or t.text in ("”", '"', "''"):
            return t
    return sent[-1]


def _frame_child(tok, frame: str, cue_tokens: list):
    if frame == "pobj":
        part = cue_tokens[-1]
        return next((c for c in part.children if c.dep_ in ("pobj", "pcomp")), None)
    deps = {"ccomp": ("ccomp",), "xcomp": ("xcomp",), "dobj": ("dobj", "oprd")}[frame]
    for child in sorted(tok.children, key=lambda c: (c.i < tok.i, c.i)):  # rightward first
        if child.dep_ in deps:
            if frame == "dobj" and child.left_edge == child.right_edge and (
                    child.lower_ in _EMPTY_OBJECTS or child.pos_ == "PRON"):
                continue
            if frame == "ccomp" and child.i < tok.i and _subject(tok) is None:
                continue
            return child
    return _misattached_clause(tok) if frame == "ccomp" else None


def _misattached_clause(tok):
    """``told a meeting of leaders that few people understood ...``: the parser hangs the
    cue's "that"-clause on its object as a relative clause; a relative clause would use
    "that" as its subject or object, a complement clause has it as a mark and its own subject."""
    for obj in tok.rights:
        if obj.dep_ not in ("dobj", "dative"):
            continue
        for t in obj.subtree:
            if t.dep_ in ("relcl", "acl") and any(c.dep_ in SUBJECT_DEPS for c in t.children) \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
                return t
    return None


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
        start, end = _right_char(doc[phrase_end - 1]), sent.end_char
    content = _trimmed(ctx.text, start, end)
    if content is None or _words(doc, content) < MIN_CONTENT_WORDS:
        return None
    return Quote(content=content, direct=False,
                 speaker=_speaker(ctx, source, exclude=(content.start, content.end)),
                 cue=_tokens_span(ctx.text, cue_tokens), rule="reported: according to")


def _subject(verb):
    """The subject of a cue verb; a participle or conjunct borrows its head's subject."""
    tok = verb
    for _ in range(3):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if tok.dep_ == "relcl" and tok is verb:
            return None
        if tok.dep_ not in _INHERIT_DEPS or tok.head is tok:
            break
        tok = tok.head
    if verb.i == 0 or not verb.doc[verb.i - 1].is_punct:
        return None
    for child in verb.children:  # inverted order: "..., said Shoigu."
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "oprd") \
                and child.pos_ == "PROPN":
            return child
    return None


def _speaker(ctx, subject, *, exclude: tuple[int, int]) -> Speaker:
    """The speaker span (the subject's noun phrase) and who it resolves to."""
    start, end = _noun_phrase(subject)
    if start < exclude[1] <= end or start < exclude[0] < end:
        start, end = subject.idx, subject.idx + len(subject.text)
    return _speaker_at(ctx, start, end)


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
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    return left.idx, _right_char(right)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding spaces and punctuation (quotation marks are kept)."""
    strip = " \t\n,;:.—–-"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if end <= start:
        return None
    return _span(text, start, end)


def _words(doc, content: Span) -> int:
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    return sum(1 for t in span if t.is_alpha) if span is not None else 0


def _right_char(tok) -> int:
    return tok.idx + len(tok.text)


def _span(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


def _tokens_span(text: str, tokens) -> Span:
    start = min(t.idx for t in tokens)
    end = max(_right_char(t) for t in tokens)
    return _span(text, start, end)
