"""Who a mention refers to: names, role nouns and pronouns, within one article.

News writing introduces a person once in full ("Russia's defense minister
Sergey Shoigu") and then refers back with a surname ("Shoigu"), a role noun
("the minister") or a pronoun ("he"). This module follows those references
back with cheap, explainable rules (no statistical coreference model):

* a name resolves to its longest form in the article ("Shoigu" -> "Sergey Shoigu");
* a definite role noun ("the minister") prefers a person introduced with that
  title, then an earlier mention with the same noun, then the last person who
  was the subject of a reporting verb, then (cataphora, as in ledes) the next one;
  a person introduced with another title ("spokesman X") is not such a fallback;
* a pronoun resolves to the nearest agreeing subject mention in the last few
  sentences (he/she -> people, it -> organisations and places, they -> groups);
* a relative pronoun ("who said") resolves to the noun its clause modifies.

Every answer carries the chain of spans followed, so a reader can check it.
Other layers call :func:`resolve_mention`; the quote layer uses :func:`resolve`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract import speech
from sitrep.model import Span

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How far back (in sentences) a pronoun or role noun looks for its antecedent.
PRONOUN_WINDOW = 4
NOMINAL_WINDOW = 8
CATAPHORA_WINDOW = 2
MAX_DEPTH = 4

PERSONAL = {"he": "M", "him": "M", "his": "M", "himself": "M",
            "she": "F", "her": "F", "hers": "F", "herself": "F"}
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
HONORIFIC_GENDER = {"mr": "M", "mr.": "M", "sir": "M", "mrs": "F", "mrs.": "F",
                    "ms": "F", "ms.": "F", "miss": "F", "madam": "F"}
ROLE_GENDER_SUFFIX = (("woman", "F"), ("man", "M"))


@dataclass(slots=True)
class Mention:
    """A name or role-noun mention the resolver may point back to."""

    start: int  # character offsets
    end: int
    text: str
    kind: str  # "name" or "nominal"
    label: str  # PERSON/ORG/GPE/NORP for names, PERSON/GROUP for role nouns
    head: int  # token index of the head
    sent: int
    subject: bool = False
    speaker: bool = False  # subject of a reporting verb
    definite: bool = True
    gender: str | None = None
    titles: frozenset[str] = frozenset()


@dataclass(slots=True)
class Resolution:
    """Who a mention refers to and how that was decided."""

    name: str | None
    chain: list[Span] = field(default_factory=list)
    how: str = ""


@dataclass(slots=True)
class Index:
    """The mentions of one document, in text order, with longest name forms."""

    doc: object
    sent_of: list[int]
    mentions: list[Mention]
    longest: dict[str, Mention]  # surname/ORG key -> longest name mention


def resolve_mention(ctx, start: int, end: int) -> tuple[str, list[Span]] | None:
    """The canonical name the text in [start, end) refers to, and the spans followed.

    Returns None when the mention cannot be resolved to a name (an indefinite
    "an official", "I", a pronoun with no agreeing antecedent).
    """
    found = resolve(ctx, start, end)
    if found is None or found.name is None:
        return None
    return found.name, found.chain


def resolve(ctx, start: int, end: int) -> Resolution | None:
    """Like :func:`resolve_mention`, with the rule that decided (``how``)."""
    index = document_index(ctx)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return _resolve_span(index, span, depth=0)


def document_index(ctx) -> Index:
    """Build (once per document, cached on ``ctx.shared``) the mention index."""
    cached = ctx.shared.get("coref.index")
    if cached is not None and cached.doc is ctx.doc:
        return cached
    index = build_index(ctx.doc)
    ctx.shared["coref.index"] = index
    return index


def build_index(doc) -> Index:
    sent_of = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        sent_of[sent.start:sent.end] = [i] * (sent.end - sent.start)
    mentions = _name_mentions(doc, sent_of) + _nominal_mentions(doc, sent_of)
    mentions.sort(key=lambda m: m.start)
    return Index(doc=doc, sent_of=sent_of, mentions=mentions, longest=_longest_forms(mentions))


def _name_mentions(doc, sent_of: list[int]) -> list[Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        subject, speaker = _subject_role(ent.root)
        out.append(Mention(start=ent.start_char, end=ent.end_char, text=ent.text, kind="name",
                           label=ent.label_, head=ent.root.i, sent=sent_of[ent.root.i],
                           subject=subject, speaker=speaker, gender=_name_gender(doc, ent),
                           titles=_bound_titles(ent)))
    return out


def _nominal_mentions(doc, sent_of: list[int]) -> list[Mention]:
    roles = speech.nominals()
    text = speech.doc_text(doc)
    out = []
    for tok in _role_lemma_tokens(doc, roles):
        kind = roles.get(tok.lemma_.lower())
        if kind is None or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ == "PERSON":
            continue
        if tok.dep_ in ("compound", "flat") and tok.head.ent_type_ == "PERSON":
            continue  # a title bound to a name ("defense minister Sergey Shoigu")
        left = tok.left_edge if tok.left_edge.i <= tok.i else tok
        while left.i < tok.i and (left.is_punct or left.is_space):
            left = doc[left.i + 1]
        subject, speaker = _subject_role(tok)
        end = tok.idx + len(tok.text)
        out.append(Mention(start=left.idx, end=end, text=text[left.idx:end], kind="nominal",
                           label=kind, head=tok.i, sent=sent_of[tok.i], subject=subject,
                           speaker=speaker, definite=_is_definite(tok),
                           gender=_role_gender(tok.lemma_.lower())))
    return out


def _role_lemma_tokens(doc, roles) -> list:
    """The tokens whose lemma is a role noun, read from the document's lemma array: each
    distinct lemma is looked up once instead of building every token of the text."""
    if not len(doc):
        return []
    lemmas = doc.to_array("LEMMA")
    strings = doc.vocab.strings
    wanted = {h for h in set(lemmas.tolist()) if strings[h].lower() in roles}
    return [doc[i] for i, h in enumerate(lemmas.tolist()) if h in wanted]


def _subject_role(tok) -> tuple[bool, bool]:
    """(is the mention a subject, is it the subject of a reporting verb)."""
    for _ in range(4):
        if tok.dep_ in SUBJECT_DEPS:
            return True, speech.match_cue(tok.head) is not None
        if tok.dep_ in ("compound", "flat", "appos") or (
                tok.dep_ == "pobj" and tok.head.dep_ == "prep"
                and tok.head.head.lemma_.lower() in speech.nominals()):
            tok = tok.head.head if tok.dep_ == "pobj" else tok.head
            continue
        break
    return False, False


def _bound_titles(ent) -> frozenset[str]:
    """Role nouns tied to a name: "defense minister X", "envoy to the UN X", "X, the envoy"."""
    roles = speech.nominals()
    doc = ent.doc
    titles = {t.lemma_.lower() for t in doc[ent.root.left_edge.i:ent.start]
              if t.lemma_.lower() in roles}
    tok = ent.root
    for _ in range(3):
        if tok.dep_ not in ("pobj", "prep", "appos", "compound"):
            break
        tok = tok.head
        if tok.lemma_.lower() in roles:
            titles.add(tok.lemma_.lower())
    titles.update(c.lemma_.lower() for c in ent.root.children
                  if c.dep_ == "appos" and c.lemma_.lower() in roles)
    return frozenset(titles)


def _name_gender(doc, ent) -> str | None:
    if ent.label_ != "PERSON":
        return None
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return HONORIFIC_GENDER.get(before) or HONORIFIC_GENDER.get(ent[0].lower_)


def _role_gender(lemma: str) -> str | None:
    for suffix, gender in ROLE_GENDER_SUFFIX:
        if lemma.endswith(suffix):
            return gender
    return None


def _is_definite(tok) -> bool:
    """"the minister", "Russia's minister", "its spokesman" — not "a minister", "officials"."""
    for child in tok.children:
        if child.dep_ == "det":
            return child.lower_ in ("the", "this", "that")
        if child.dep_ == "poss":
            return True
    return False


def _longest_forms(mentions: list[Mention]) -> dict[str, Mention]:
    """Each name's longest form: people by surname; a one-word organisation name that is
    not an acronym by the longest organisation name holding it ("the Observatory" ->
    "Syrian Observatory for Human Rights"; "UN" stays "UN")."""
    longest: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != "name":
            continue
        key = _name_key(m)
        best = longest.get(key)
        if best is None or len(m.text) > len(best.text):
            longest[key] = m
    orgs = [m for m in longest.values() if m.label == "ORG"]
    for key, m in list(longest.items()):
        word = _strip_the(m.text)
        if m.label == "ORG" and " " not in word and not word.isupper():
            longest[key] = max((o for o in orgs
                                if word.lower() in _name_key(o).split(":", 1)[1].split()),
                               key=lambda o: len(o.text), default=m)
    return longest


def _name_key(m: Mention) -> str:
    """People are keyed by surname, other names by their text without "the"."""
    words = m.text.replace("’s", "").replace("'s", "").split()
    if m.label == "PERSON":
        return "PERSON:" + words[-1].lower() if words else ""
    if words and words[0].lower() == "the":
        words = words[1:]
    return m.label + ":" + " ".join(words).lower()


def _span(doc, start: int, end: int) -> Span:
    return Span(text=speech.doc_text(doc)[start:end], start=start, end=end)


def _mention_span(doc, m: Mention) -> Span:
    return _span(doc, m.start, m.end)


def _resolve_span(index: Index, span, depth: int) -> Resolution | None:
    if depth > MAX_DEPTH:
        return None
    root = span.root
    name = _name_at(index, span)
    if name is not None:
        return _named(index, name, [])
    low = root.lower_
    if low in RELATIVE and root.dep_ in SUBJECT_DEPS and root.head.dep_ in ("relcl", "acl"):
        return _relative(index, root, depth)
    if low in PERSONAL or low in NEUTER or low in PLURAL:
        return _pronoun(index, root, depth)
    nominal = _mention_with_head(index, root.i, "nominal")
    if nominal is not None:
        return _nominal(index, nominal, depth)
    if root.pos_ == "PROPN":
        return _untagged_name(index, root)
    return None


def _untagged_name(index: Index, root) -> Resolution:
    """A proper noun the NER missed ("said Ana Ruiz"): its compound name is the name."""
    doc = index.doc
    first = root
    while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ in (
            "compound", "flat"):
        first = doc[first.i - 1]
    span = _span(doc, first.idx, root.idx + len(root.text))
    known = index.longest.get("PERSON:" + root.text.lower())
    if known is not None:
        return Resolution(name=known.text, chain=[span, _mention_span(doc, known)],
                          how="proper noun: longest form of this surname in article")
    return Resolution(name=span.text, chain=[span], how="proper noun (not tagged as a name)")


def _name_at(index: Index, span) -> Mention | None:
    """The name mention the span is about: the one holding its head, else a PERSON inside."""
    inside = [m for m in index.mentions
              if m.kind == "name" and m.start < span.end_char and span.start_char < m.end]
    for m in inside:
        if m.head == span.root.i or (m.start <= span.root.idx < m.end):
            return m
    people = [m for m in inside if m.label == "PERSON"]
    return people[-1] if people else None


def _mention_with_head(index: Index, head: int, kind: str) -> Mention | None:
    for m in index.mentions:
        if m.head == head and m.kind == kind:
            return m
    return None


def _named(index: Index, m: Mention, chain: list[Span]) -> Resolution:
    doc = index.doc
    chain = chain + [_mention_span(doc, m)]
    full = index.longest.get(_name_key(m), m)
    if full is not m and full.text != m.text:
        chain.append(_mention_span(doc, full))
        return Resolution(name=_clean_name(full), chain=chain, how="name: longest form in article")
    return Resolution(name=_clean_name(m), chain=chain, how="name")


def _strip_the(text: str) -> str:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _clean_name(m: Mention) -> str:
    """The display form of a name: no leading "the", no possessive ending."""
    text = m.text if m.label == "PERSON" else _strip_the(m.text)
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def _relative(index: Index, pron, depth: int) -> Resolution | None:
    noun = pron.head.head
    doc = index.doc
    target = doc[noun.left_edge.i:noun.i + 1]
    inner = _resolve_span(index, target, depth + 1)
    link = _span(doc, pron.idx, pron.idx + len(pron.text))
    if inner is not None:
        return Resolution(name=inner.name, chain=[link] + inner.chain,
                          how="relative pronoun -> " + inner.how)
    own = _span(doc, target.start_char, target.end_char)
    return Resolution(name=own.text, chain=[link, own], how="relative pronoun: modified noun")


def _pronoun(index: Index, pron, depth: int) -> Resolution | None:
    low = pron.lower_
    here = index.sent_of[pron.i]
    candidates = [m for m in index.mentions
                  if m.start < pron.idx and here - m.sent <= PRONOUN_WINDOW
                  and _agrees(low, m) and not _inside(m, pron)]
    pick = _nearest(candidates, lambda m: m.subject) or _nearest(candidates, lambda m: True)
    if pick is None:
        return None
    link = _span(index.doc, pron.idx, pron.idx + len(pron.text))
    inner = _follow(index, pick, depth)
    if inner is None:
        return None
    return Resolution(name=inner.name, chain=[link] + inner.chain,
                      how=f"pronoun '{low}': nearest agreeing subject -> {inner.how}")


def _agrees(pronoun: str, m: Mention) -> bool:
    if pronoun in PERSONAL:
        if m.label != "PERSON" or (m.kind == "nominal" and not m.definite):
            return False
        return m.gender is None or m.gender == PERSONAL[pronoun]
    if pronoun in NEUTER:
        return m.label in ("ORG", "GPE", "GROUP") and (m.kind == "name" or m.definite)
    return m.label in ("ORG", "NORP", "GROUP")


def _inside(m: Mention, tok) -> bool:
    return m.start <= tok.idx < m.end


def _nearest(candidates: list[Mention], keep) -> Mention | None:
    for m in reversed(candidates):
        if keep(m):
            return m
    return None


def _follow(index: Index, m: Mention, depth: int) -> Resolution | None:
    if m.kind == "name":
        return _named(index, m, [])
    return _nominal(index, m, depth + 1)


def _nominal(index: Index, m: Mention, depth: int) -> Resolution | None:
    if depth > MAX_DEPTH or not m.definite:
        return None
    doc = index.doc
    lemma = doc[m.head].lemma_.lower()
    own = _mention_span(doc, m)
    before = [c for c in index.mentions if c.start < m.start and m.sent - c.sent <= NOMINAL_WINDOW]
    steps = (_title_holder, _same_role, _last_speaker, _next_speaker) if m.label == "PERSON" \
        else (_same_role,)
    for step in steps:
        found = step(index, m, lemma, before, depth)
        if found is not None:
            return Resolution(name=found.name, chain=[own] + found.chain,
                              how=f"role noun '{lemma}': {found.how}")
    if m.label == "GROUP" and len(doc[doc[m.head].left_edge.i:m.head]) > 1:
        return Resolution(name=_strip_the(m.text), chain=[own],
                          how=f"role noun '{lemma}': its own description")
    return None


def _title_holder(index, m, lemma, before, depth) -> Resolution | None:
    pick = _nearest([c for c in before if c.kind == "name" and c.label == "PERSON"],
                    lambda c: lemma in c.titles)
    if pick is None:
        return None
    found = _named(index, pick, [])
    found.how = "person introduced with the same title"
    return found


def _same_role(index, m, lemma, before, depth) -> Resolution | None:
    doc = index.doc
    pick = _nearest([c for c in before if c.kind == "nominal" and c.definite],
                    lambda c: doc[c.head].lemma_.lower() == lemma)
    if pick is None:
        return None
    found = _nominal(index, pick, depth + 1)
    if found is not None:
        found.how = "earlier mention of the same role -> " + found.how
    return found


def _untitled_or_same(c: Mention, lemma: str) -> bool:
    """A person introduced with another title ("spokesman X") is not "the minister"."""
    return not c.titles or lemma in c.titles


def _last_speaker(index, m, lemma, before, depth) -> Resolution | None:
    pick = _nearest([c for c in before if c.kind == "name" and c.label == "PERSON"
                     and _untitled_or_same(c, lemma)],
                    lambda c: c.speaker)
    if pick is None:
        return None
    found = _named(index, pick, [])
    found.how = "last named person quoted or reported"
    return found


def _next_speaker(index, m, lemma, before, depth) -> Resolution | None:
    after = [c for c in index.mentions if c.start > m.end and c.kind == "name"
             and c.label == "PERSON" and c.speaker and c.sent - m.sent <= CATAPHORA_WINDOW
             and _untitled_or_same(c, lemma)]
    if not after:
        return None
    found = _named(index, after[0], [])
    found.how = "next named person quoted or reported (cataphora)"
    return found
