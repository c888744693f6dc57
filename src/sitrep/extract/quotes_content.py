"""Where a reported content lies in the parse, given its cue.

The quote layer (``quotes.py``) finds cues and builds quotes; this module answers,
for one cue token, which stretches of the sentence are what was said and how that
was found: the cue's complement in one of its lexicon frames (``said (that) ...``),
the clause around a cue group set off by commas ("..., he said, ..."), and the
shapes the parser hides (a "that"-clause read as a relative or adverbial clause, an
"as" aside, a passive's agent, a relative clause's object, a paragraph after a
colon). Everything here reads the parse only; nothing builds a Quote.
"""
from __future__ import annotations

from sitrep.extract import speech

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
#: Dependencies of a content that is a noun phrase ("chanting slogans", "called for a ban").
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "pcomp", "oprd"})
#: Parts of speech that can head a speaker's noun phrase.
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: Tags of a relative pronoun ("who", "which", "that" heading a relative clause).
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
#: Character ranges of a content, in text order (an interjected cue splits it in two).
Parts = list[tuple[int, int]]


def as_aside(tok, cue_tokens=()) -> tuple[tuple[Parts, str], object] | None:
    """``Hawaii, as one adviser pointed out, rarely sees two hurricanes`` / ``As the
    report notes, ...``: a cue in an "as"-clause with nothing of its own to say reports
    the clause around it, which is the sentence without the aside. The speaker is the
    noun phrase between "as" and the cue (the parser often takes the sentence's subject)."""
    sent, doc = tok.sent, tok.doc
    as_tok = next((c for c in tok.lefts if c.lower_ == "as" and c.dep_ in ("mark", "prep")), None)
    if as_tok is None:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
           for t in doc[as_tok.i + 1:tok.i]):
        return None  # "as the man who said ..." / "as long as"
    if as_tok.i > sent.start and doc[as_tok.i - 1].text not in _SEPARATORS:
        return None
    end = tok.i + 1
    while end < sent.end and doc[end].text not in _SEPARATORS and not doc[end].is_punct:
        end += 1
    if end < sent.end and doc[end].text not in _SEPARATORS and doc[end].i < _last_word(sent).i:
        return None
    if any(tok.i < c.i < end and c.dep_ in _CLAUSAL and c not in cue_tokens
           for c in tok.children):
        return None  # "as he said he would": the cue has its own content ("put it" has none)
    parts = [(sent.start_char, doc[as_tok.i].idx)]
    if end + 1 < sent.end:
        parts.append((right_char(doc[end]), right_char(_last_word(sent))))
    parts = [(a, b) for a, b in parts if b > a]
    if not _finite(t for a, b in parts for t in doc.char_span(a, b, alignment_mode="expand") or ()):
        return None
    between = doc[as_tok.i + 1:tok.i]
    speaker = between.root if len(between) and between.root.pos_ in _NOMINAL_POS else None
    return (parts, "cue in an 'as' aside"), speaker


#: Pronouns that stand for a cue's object moved in front of it.
_RELATIVE_OBJECTS = frozenset({"which", "that", "whom", "what"})


def relative_object(tok, entry: speech.CueEntry) -> tuple[Parts, str] | None:
    """``an explosion that the mayor described as "an intentional act"`` / ``what she called
    a "rant"``: the object of the cue is the noun its clause modifies (or "what"), so the
    content runs from that noun through the rest of the cue's clause."""
    if "dobj" not in entry.frames or any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children):
        return None
    obj = next((c for c in tok.lefts if c.dep_ == "dobj" and c.lower_ in _RELATIVE_OBJECTS), None)
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and (
            obj is not None or not any(c.dep_ == "mark" for c in tok.children)):
        start = tok.head.left_edge
    elif obj is not None and obj.lower_ == "what":
        start = obj
    else:
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    return [(start.idx, right_char(tok.right_edge))], "relative object"


def paragraph_after_colon(tok) -> tuple[Parts, str] | None:
    """``The governor added:`` closing a paragraph: the next paragraph is what was said."""
    sent, doc = tok.sent, tok.doc
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    if last.text != ":" or tok.i > last.i or any(
            c.dep_ in _CLAUSAL and c.i > tok.i for c in tok.children):
        return None
    text = speech.doc_text(doc)
    start = right_char(last)
    if "\n" not in text[start:start + 4]:
        return None
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return ([(start, end)], "paragraph after the colon") if end > start else None


def passive_agent(verb):
    """The "by" agent of a passive cue, who is the one speaking."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def final_clause(tok, subject) -> tuple[Parts, str] | None:
    """``..., Reuters reported.`` / ``A, he said, B.``: the content is the rest of the sentence.

    The cue and its subject form a group set off by commas or dashes, at the end
    of the sentence or inside it; the content is what precedes it (and what
    follows it, for an interjected cue). A relative pronoun subject ("..., who
    called for X") makes the group a relative clause on a noun of the clause before,
    which is then no content. The parser's attachment is not trusted
    here, since such a cue is often misparsed as a relative clause or parataxis.
    """
    sent, doc = tok.sent, tok.doc
    if subject is not None and subject.tag_ in _RELATIVE_TAGS:
        return None  # "..., who pushed for X": the clause before holds the antecedent, not speech
    resumed = next((c.i for c in tok.children if _predicate_resumed(c)), len(doc))
    if subject is None or any(tok.i < c.i < resumed and c.dep_ in _CLAUSAL - {"ccomp"}
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
        parts.append((right_char(after), sent.end_char))
    elif right_clause or (after is not None and not (after.is_punct or after.is_space)):
        return None
    if not _finite(doc[sent.start:first - 1]) and not (len(parts) > 1 and _finite(
            doc[last + 2:sent.end])):
        return None  # "Speaking in Ohio, he said." / "Through a spokesman, he declined."
    if len(parts) > 1:
        parts[0] = (_split_clause_start(doc, sent.start, first - 1), parts[0][1])
    elif _subordinate_lead(tok, doc[sent.start:first - 1]):
        return None
    return parts, "cue after the clause" if len(parts) == 1 else "cue inside the clause"


def _subordinate_lead(tok, before) -> bool:
    """``But when Congress cut funding, Mexico said enough.``: the clause before a final cue
    group opens with a subordinator and modifies the cue itself; it says when, not what."""
    lead = next((t for t in before if not (t.is_punct or t.dep_ == "cc")), None)
    return lead is not None and lead.dep_ in ("mark", "advmod") and lead.tag_ in ("IN", "WRB") \
        and lead.head.dep_ == "advcl" and lead.head.head.i == tok.i


def _split_clause_start(doc, start: int, end: int) -> int:
    """``A had resisted, but B had become so bad, Obama noted, that C``: an interjected cue
    splits one clause, so the content before it starts after the last ", but"/", and"/";"
    that opens a clause with its own subject."""
    begin = doc[start].idx
    for t in doc[start + 1:end]:
        joint = t.text == ";" or (t.dep_ == "cc" and doc[t.i - 1].text == ",")
        if joint and any(c.dep_ in SUBJECT_DEPS for c in doc[t.i + 1:end]) \
                and _finite(doc[t.i + 1:end]):
            begin = right_char(t)
    return begin


def interjected_subject(tok, subject):
    """``To understand it, Chief Justice Roberts said, one should ...``: the parser takes
    the name set off before the cue as an apposition of a noun in the clause; that name,
    right before the cue and after a separator, is who speaks."""
    if subject is None or subject.i > tok.i:
        return subject
    doc = tok.doc
    for appos in subject.children:
        if appos.dep_ == "appos" and appos.right_edge.i == tok.i - 1 \
                and appos.left_edge.i > 0 and doc[appos.left_edge.i - 1].text in _SEPARATORS:
            return appos
    return subject


def _predicate_resumed(child) -> bool:
    """``These employees, Stumpf explained, were well paid``: the parser coordinates the
    clause's subject-less predicate with the interjected cue; it follows a separator
    straight after the cue group, with no conjunction and a finite verb of its own."""
    doc = child.doc
    return child.dep_ == "conj" and child.tag_ in _FINITE_TAGS and child.left_edge.i > 0 \
        and doc[child.left_edge.i - 1].text in _SEPARATORS \
        and not any(c.dep_ in SUBJECT_DEPS | {"cc"} for c in child.children) \
        and not any(t.dep_ == "cc" for t in doc[child.head.i:child.left_edge.i])


def _addressee(child) -> bool:
    """A pronoun object is who was told, part of the cue group ("..., he told me, ...")."""
    return child.dep_ in ("dobj", "dative") and child.pos_ == "PRON" and child.n_rights == 0


def _finite(tokens) -> bool:
    """Whether the tokens hold a finite verb, i.e. a clause that can be what was said."""
    return any(t.tag_ in _FINITE_TAGS for t in tokens)


def frame_complement(tok, entry: speech.CueEntry, cue_tokens: list) -> tuple[Parts, str] | None:
    """The content hanging from the cue in one of its frames (``said (that) ...``)."""
    for frame in entry.frames:
        child = _frame_child(tok, frame, cue_tokens)
        if child is not None:
            start = _stranded_subject(tok, child) or content_start(child)
            return [(start, _content_end(tok, child))], frame
    return None


#: Cues whose object is whom they address ("told a reporter ..."), never the clause's subject.
_ADDRESSEE_CUES = frozenset({"tell", "inform", "assure", "ask", "warn", "urge", "remind",
                            "convince"})


def _stranded_subject(tok, child) -> int | None:
    """``think the outreach was phony``: the parser hangs the clause's subject on the cue as
    its object and leaves the clause subject-less; the content starts at that object."""
    if child.dep_ != "ccomp" or child.i < tok.i or tok.lemma_ in _ADDRESSEE_CUES or any(
            c.dep_ in SUBJECT_DEPS | {"expl", "mark"} for c in child.children):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < child.i), None)
    return obj.left_edge.idx if obj is not None else None


def content_start(child) -> int:
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
        return right_char(end)
    for sib in tok.rights:
        if sib.i <= child.i or sib.dep_ == "punct":
            continue
        if (speech.match_cue(sib) is not None and sib.dep_ not in ("xcomp", "oprd")) \
                or sib.dep_ == "parataxis" or (
                sib.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in sib.children)):
            return right_char(end)
        end = max(end, sib.right_edge, key=lambda t: t.i)
    if tok.dep_ in ("ROOT", "ccomp", "advcl", "xcomp", "conj"):
        end = max(end, _before_next_cue(end, _last_word(tok.sent)), key=lambda t: t.i)
        if child.dep_ in _NOMINAL_DEPS:
            end = _before_coordination_above(tok, child, end)
            end = _before_clause_outside(tok, child, end)
    return right_char(end)


def _before_clause_outside(tok, child, end):
    """``Lamenting their luck, Mexicans often say ...``: a noun-phrase content does not run
    on past a separator into words that hang outside the cue's clause (the main clause or
    the next one); only the cue's own later dependents extend it."""
    doc = child.doc
    inside = {t.i for t in tok.subtree}
    for t in doc[child.right_edge.i + 1:end.i + 1]:
        if t.text in _SEPARATORS | {";"} and t.i not in inside and t.i + 1 not in inside:
            stop = t.i - 1
            return doc[stop] if stop > child.right_edge.i else child.right_edge
    return end


def _before_coordination_above(tok, child, end):
    """``marched chanting slogans, and some blocked roads``: what is coordinated to a word
    above the cue ("marched ..., and ...") is not part of the cue's object, however the
    parser read the conjunct; the content stops before the conjunction and its comma.
    Only for a noun-phrase content: a clause may run on past such a conjunction."""
    doc = child.doc
    above = {a.i for a in tok.ancestors}
    for t in doc[child.right_edge.i + 1:end.i + 1]:
        if t.dep_ == "cc" and t.head.i in above:
            stop = t.i - 1
            while stop > child.right_edge.i and (doc[stop].is_punct or doc[stop].dep_ == "cc"):
                stop -= 1
            return doc[stop]
    return end


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
            if frame == "ccomp" and child.i < tok.i and cue_subject(tok) is None:
                continue
            return child
    if frame == "xcomp":
        return _infinitive_as_adverbial(tok)
    return (_misattached_clause(tok) or _clause_as_adverbial(tok)) if frame == "ccomp" else None


def _infinitive_as_adverbial(tok):
    """``told his supporters at the rally to go and vote``: with a modifier between the
    addressee and the infinitive, the parser reads it as a purpose clause."""
    if not any(c.dep_ in ("dobj", "dative") and c.i > tok.i for c in tok.children):
        return None
    return next((c for c in tok.rights if c.dep_ == "advcl"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 and not any(m.dep_ == "mark" for m in c.children)), None)


def _clause_as_adverbial(tok):
    """``said after the convention he would not accept ...``: a modifier between the cue
    and its clause makes the parser read the clause as adverbial; an adverbial clause
    has a subordinator ("because", "when"), a complement clause "that" or nothing."""
    for child in tok.rights:
        if child.dep_ != "advcl" or not any(c.dep_ in SUBJECT_DEPS for c in child.children):
            continue
        lead = [c for c in child.lefts if c.dep_ in ("mark", "advmod")]
        if all(c.dep_ == "mark" and c.lower_ == "that" for c in lead) and reported_clause(child):
            return child
    return None


def _misattached_clause(tok):
    """``told a meeting of leaders that few people understood ...`` / ``said in a statement
    on Friday that ...``: the parser hangs the cue's "that"-clause on its object (or the
    object of its preposition) as a relative clause; a relative clause would use
    "that" as its subject or object, a complement clause has it as a mark and its own subject."""
    for obj in tok.rights:
        if obj.dep_ not in ("dobj", "dative", "prep"):
            continue
        for t in obj.subtree:
            if t.dep_ in ("relcl", "acl") and any(c.dep_ in SUBJECT_DEPS for c in t.children) \
                    and any(_complementizer(c, t) for c in t.children):
                return t
    return None


def _complementizer(child, clause) -> bool:
    """"that" marking a complement clause; read as the object of "be", which takes none
    ("tweeted in the early hours that X was ..."), it is still the mark."""
    return child.lower_ == "that" and (child.dep_ == "mark" or (
        child.dep_ == "dobj" and clause.lemma_ == "be" and child.i < clause.i))


def cue_subject(verb):
    """The subject of a cue verb; a participle or conjunct borrows its head's subject,
    and a participle modifying a noun has that noun as its source."""
    tok = verb
    for _ in range(3):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if tok.dep_ == "relcl" and tok is verb:
            return None
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "a tweet attacking the judge", "a letter opposing the bill"
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "steered clear of criticizing", "by saying that ..."
            continue
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


def right_char(tok) -> int:
    return tok.idx + len(tok.text)


def reported_clause(clause) -> bool:
    """A complement that reads as a proposition: "that"/"whether"/"if" or a finite clause
    with its own subject ("feared the deal would collapse")."""
    marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
    if marks & {"that", "whether", "if"}:
        return True
    finite = clause.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in clause.children)
    return not marks and finite and any(c.dep_ in SUBJECT_DEPS for c in clause.children)
