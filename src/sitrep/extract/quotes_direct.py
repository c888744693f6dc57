"""Direct quotations: find the quoted stretches and the cue that introduces each.

A quotation runs from an opening mark to its closing mark (``rules/quote_marks.txt``);
one left open at the end of a paragraph closes there (the newspaper convention for a
quotation that goes on in the next paragraph, which opens with a mark again). Single
quotes inside it are nested quotes and stay part of its content.

The cue is a reporting verb right after the quotation (``"...," the minister said`` /
``"...," said Shoigu``) or right before it when that stretch ends in a colon or comma
(``Shoigu said: "..."`` / ``he added, "..."``). Without a verb, a dash byline
(``"..." ― Pamela Ortiz``) or a transcript label (``WALLACE: ...``, see
``rules/quote_bylines.txt``) attributes it. A quotation without a cue that closely
follows a cued one continues it, and one right before a cued one leads into it (same
cue, same speaker). When the quotation is only part of its clause (``using the tax
''is a misguided approach,'' Mr. Burman said``) the content is the whole clause (a
mixed quote). A short quoted phrase with no cue is a scare quote or a title, not a
quotation: the framing layer handles those.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.extract import speech

#: Characters that end a quoted stretch which is then attributed ("...," he said).
_HANDOVER = frozenset(",?!—–-…:;")
#: How many tokens after a quotation the cue may sit ("...," a narrator in the ad asks).
CUE_AFTER_WINDOW = 12
#: ... or further, when the quotation is the cue's complement (a long appositive between).
CUE_AFTER_LONG_WINDOW = 45
#: The longest gap (characters) between two quotations that one cue still covers.
CONTINUATION_GAP = 250
#: Fewest words for a cue-less, sentence-long quotation to count as one.
MIN_STANDALONE_WORDS = 4
#: Quoted phrases of this many words or fewer need a cue to count (else scare quotes).
MAX_SCARE_WORDS = 3


@dataclass(slots=True)
class Quoted:
    """A quoted stretch of text, marks included; ``cue`` is the cue verb token or None."""

    start: int
    end: int
    closed: bool = True
    cue: object = None
    cue_tokens: tuple = ()
    rule: str = ""
    #: The content when the quotation is a fragment of a longer clause (a mixed quote).
    content: tuple[int, int] | None = None
    #: The speaker's characters when no verb names it (a dash byline, a transcript label).
    speaker_span: tuple[int, int] | None = None


def find_quoted(text: str) -> list[Quoted]:
    """Every stretch between matching quotation marks, in text order."""
    marks = speech.quote_marks()
    found: list[Quoted] = []
    opening: str | None = None
    start = 0
    for m in _mark_pattern().finditer(text):
        token, i = m.group(), m.start()
        if token == "\n":
            if opening is not None:
                found.append(Quoted(start=start, end=_rstrip(text, start, i), closed=False))
                opening = None
        elif opening is not None:
            if (token == marks[opening] or _slip_closes(text, opening, token, m.end())) \
                    and (token != opening or i > start + len(opening)):
                found.append(Quoted(start=start, end=m.end()))
                opening = None
        elif token in marks and _opens(text, m.end(), marks[token] != token):
            opening, start = token, i
    if opening is not None:
        found.append(Quoted(start=start, end=_rstrip(text, start, len(text)), closed=False))
    return [q for q in found if q.end - q.start > 2]


def _slip_closes(text: str, opening: str, token: str, after: int) -> bool:
    """A mismatched closing mark (``“...,"``) closes the quotation when the proper one
    does not follow on the same line (else it is a nested quotation's mark)."""
    if token not in speech.slip_closers()[opening]:
        return False
    line_end = text.find("\n", after)
    return speech.quote_marks()[opening] not in text[after:line_end if line_end >= 0 else None]


@functools.lru_cache(maxsize=1)
def _mark_pattern() -> re.Pattern[str]:
    """Every opening or closing mark (longest first) and the line break."""
    marks = speech.quote_marks()
    alternatives = sorted(set(marks) | set(marks.values()), key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in alternatives) + "|\n")


def _opens(text: str, after: int, distinct: bool) -> bool:
    """An opening mark is followed by text on its line; a mark that also closes
    (the straight quote) must touch the text, as « and “ need not."""
    if after >= len(text) or text[after] == "\n":
        return False
    return distinct or not text[after].isspace()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def attach_cues(doc, quoted: list[Quoted]) -> list[Quoted]:
    """Give each quotation its cue; keep those that are quotations, not scare quotes."""
    kept: list[Quoted] = []
    for q in quoted:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if q.cue is None:
            _cue_after(doc, q, span) or _cue_before(doc, q, span) or _dash_byline(doc, q) \
                or _continuation(doc, q, kept)
        if q.cue is None and not _standalone(doc, q, span):
            continue
        kept.append(q)
    _lead_in_quotes(doc, kept)
    return kept


def _lead_in_quotes(doc, kept: list[Quoted]) -> None:
    """``"A." "B," said X.``: a cue-less quotation right before a cued one shares its cue."""
    for q, nxt in zip(reversed(kept[:-1]), reversed(kept[1:])):
        if q.cue is None and nxt.cue is not None and nxt.cue.idx > nxt.start \
                and speech.doc_text(doc)[q.end:nxt.start].strip() == "":
            q.cue, q.cue_tokens, q.speaker_span = nxt.cue, nxt.cue_tokens, nxt.speaker_span
            q.rule = "direct: quotation continued by the next one's cue"


def _cue_after(doc, q: Quoted, span) -> bool:
    """``"...," the minister said`` / ``"...," said Shoigu``."""
    inner_last = speech.doc_text(doc)[q.start:q.end].rstrip("”\"'»“’‘ ")[-1:]  # past nested marks
    if span.end >= len(doc):
        return False
    first = doc[span.end]
    if inner_last not in _HANDOVER and first.text not in (",", "—", "–"):
        return False
    stop = min(len(doc), span.end + CUE_AFTER_LONG_WINDOW, first.sent.end)
    candidates = []
    for tok in doc[span.end:stop]:
        if _is_quote_mark(tok.text):
            break
        found = speech.match_cue(tok)
        if found is not None and tok.pos_ == "VERB":
            candidates.append((tok, found[1]))
    pick = _governing_cue(candidates, span) or next(
        (c for c in candidates if c[0].i < span.end + CUE_AFTER_WINDOW
         and not _has_own_content(c[0])), None)
    if pick is None:
        return False
    q.cue, q.cue_tokens, q.rule = pick[0], tuple(pick[1]), "direct: cue after quotation"
    _extend_back(doc, q, span)
    return True


def _has_own_content(tok) -> bool:
    """``...," though she noted she has ...``: a cue with a complement of its own."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children)


def _governing_cue(candidates, span):
    """The candidate cue the quotation hangs from (its clause is the cue's complement),
    or the sentence's main verb; "X, who said ..., added" picks "added". A main verb
    with a clause of its own ("“Fox News Sunday,” Pence said his ...") reports that
    clause, not the quotation (a title) before it."""
    for tok, words in candidates:
        if any(span.start <= c.i < span.end and not c.is_punct for c in tok.children):
            return tok, words
        if tok.dep_ == "ROOT" and not _has_own_content(tok):
            return tok, words
    return None


def _cue_before(doc, q: Quoted, span) -> bool:
    """``Shoigu said: "..."`` / ``he added, "..."`` / a lead-in paragraph ending in a colon."""
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.text not in (":", ",") and not (prev.text.strip() == "" and span.start > 1):
        return False
    if prev.text.strip() == "":
        prev = doc[span.start - 2]
        if prev.text != ":":
            return False
    sent = prev.sent
    for tok in reversed(doc[max(sent.start, span.start - CUE_AFTER_WINDOW):prev.i]):
        if _is_quote_mark(tok.text):
            break
        found = speech.match_cue(tok)
        if found is not None and tok.pos_ == "VERB":
            q.cue, q.cue_tokens, q.rule = tok, tuple(found[1]), "direct: cue before quotation"
            _extend_forward(doc, q, span)
            return True
    return False


def _extend_back(doc, q: Quoted, span) -> None:
    """``using the tax ''is a misguided approach,'' Mr. Burman said``: the clause counts."""
    sent_start = _clause_start(doc, span[0].sent.start_char, q.start)
    lead = speech.doc_text(doc)[sent_start:q.start].strip()
    if lead and lead[-1] not in ":" and any(ch.isalpha() for ch in lead):
        q.content = (sent_start, q.end)
        q.rule += " (mixed)"


#: A sentence end the parser missed: final punctuation, space, then a capital or a mark.
_SENTENCE_END = re.compile(r"(?P<word>[\w.]*)[.!?][\"”’']*\s+(?=[\"“‘'A-Z]|$)")


def _clause_start(doc, sent_start: int, quote_start: int) -> int:
    """Where the sentence holding a quotation starts: after the last sentence end before
    the quotation, since the parser often runs sentences together around '' marks."""
    lead = speech.doc_text(doc)[sent_start:quote_start]
    ends = [m.end() for m in _SENTENCE_END.finditer(lead) if not _abbreviation(m.group("word"))]
    return sent_start + ends[-1] if ends else sent_start


def _abbreviation(word: str) -> bool:
    """A title or an initial before a period ("Mr.", "Gov.", "U.S.", "J."), not a sentence end."""
    return bool(word) and word[0].isupper() and (len(word) <= 3 or "." in word)


def _extend_forward(doc, q: Quoted, span) -> None:
    """``said that, "Of course he will defend himself" against what ...``: the clause counts."""
    sent_end = span[-1].sent.end_char
    tail = speech.doc_text(doc)[q.end:sent_end].strip()
    if any(ch.isalpha() for ch in tail) and not any(_is_quote_mark(ch) for ch in tail):
        q.content = (q.start, sent_end)
        q.rule += " (mixed)"


@functools.lru_cache(maxsize=1)
def _dash_pattern() -> re.Pattern[str]:
    dashes = "|".join(re.escape(d) for d in speech.bylines()["dash"])
    name = r"(?P<name>[A-Z][^\n,;]{1,60}?)"
    return re.compile(rf"[ \t\xa0]*(?P<dash>{dashes})[ \t\xa0]*{name}[ \t]*(?:[,;][^\n]*)?$",
                      re.MULTILINE)


def _dash_byline(doc, q: Quoted) -> bool:
    """``“...” ― Pamela Ortiz``: a dash and a name closing the line attribute the quotation."""
    m = _dash_pattern().match(speech.doc_text(doc), q.end)
    if m is None or len(m.group("name").split()) > 5:
        return False
    dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
    if dash is None:
        return False
    q.cue, q.cue_tokens, q.rule = dash[0], tuple(dash), "direct: dash byline"
    q.speaker_span = (m.start("name"), m.end("name"))
    return True


@functools.lru_cache(maxsize=1)
def _turn_pattern() -> re.Pattern[str]:
    seps = "|".join(re.escape(s) for s in speech.bylines()["turn"])
    word = r"[A-Z][A-Za-z.'’\-]+"
    return re.compile(rf"^[ \t]*[\"“]?(?P<label>{word}(?: {word}){{0,3}})"
                      rf"(?P<sep>{seps})[ \t]+(?P<said>\S[^\n]*?)[ \t]*$", re.MULTILINE)


def find_turns(doc) -> list[Quoted]:
    """Transcript turns (``WALLACE: Let's start ...``) whose label names someone in the
    article, or is a capitalised label that opens several turns (a transcript's convention)."""
    text = speech.doc_text(doc)
    matches = list(_turn_pattern().finditer(text))
    labels = [m.group("label") for m in matches]
    found = []
    for m in matches:
        label = m.group("label")
        recurring = label.isupper() and labels.count(label) > 1
        if not (recurring or _mentioned_elsewhere(text, label, m.start(), m.end())):
            continue
        sep = doc.char_span(m.start("sep"), m.end("sep"), alignment_mode="expand")
        if sep is None or not _names_someone(doc, m.start("label"), m.end("label")):
            continue
        found.append(Quoted(start=m.start("said"), end=m.end("said"), cue=sep[0],
                            cue_tokens=tuple(sep), rule="direct: transcript turn",
                            speaker_span=(m.start("label"), m.end("label"))))
    return found


def _names_someone(doc, start: int, end: int) -> bool:
    """A speaker label is a name or a noun; "The Latest:" (a news label ending in an
    adjective) introduces a headline, and "Said Ellis:" is a cue, not a label."""
    label = doc.char_span(start, end, alignment_mode="expand")
    return label is None or (label[-1].pos_ in ("PROPN", "NOUN")
                             and not any(t.pos_ == "VERB" for t in label))


def _mentioned_elsewhere(text: str, label: str, start: int, end: int) -> bool:
    """The label's last word, in ordinary capitalisation, occurs outside this line."""
    last = label.split()[-1].strip(".'’")
    pattern = re.compile(rf"\b{re.escape(last[:1].upper() + last[1:].lower())}\b")
    return any(m.start() < start or m.start() >= end for m in pattern.finditer(text))


def _continuation(doc, q: Quoted, kept: list[Quoted]) -> bool:
    """A quotation that closely follows a cued one continues it (same cue and speaker)."""
    if not kept or kept[-1].cue is None:
        return False
    prev = kept[-1]
    gap = speech.doc_text(doc)[prev.end:q.start]
    cue_in_gap = prev.end <= prev.cue.idx < q.start
    if len(gap) > CONTINUATION_GAP or not (cue_in_gap or gap.strip() == ""):
        return False
    q.cue, q.cue_tokens, q.speaker_span = prev.cue, prev.cue_tokens, prev.speaker_span
    q.rule = "direct: continuation of quotation"
    return True


def _standalone(doc, q: Quoted, span) -> bool:
    """A cue-less quotation counts only when it is a sentence (or more) of its own."""
    words = sum(1 for t in span if t.is_alpha)
    if words <= MAX_SCARE_WORDS or words < MIN_STANDALONE_WORDS:
        return False
    start = _clause_start(doc, span.sent.start_char, q.start)
    before = speech.doc_text(doc)[start:q.start].strip()
    if before and before[-1] not in ".!?:":
        return False  # starts mid-sentence: a quoted fragment
    q.rule = "direct: quotation without cue"
    return True


def _is_quote_mark(text: str) -> bool:
    return text in ("“", "”", '"', "''", "«", "»", "„", "``")
