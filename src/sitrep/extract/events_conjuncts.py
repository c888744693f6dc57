"""One argument head, many participants: splitting coordinated and listed noun phrases.

:mod:`sitrep.extract.events_arguments` picks the head of an actor or recipient; this
module turns that head into one :class:`Argument` per participant it names. The small
parser coordinates names in several shapes, and each has its rule here:

* plain conjuncts: "Russia and Syria" -> two arguments;
* adjectives sharing a head noun: "Russian and Syrian air forces" -> "Russian air forces",
  "Syrian air forces";
* a head noun shared through "of": "the ambassadors of France, Spain and Italy" -> one
  argument per country, each resolved as "the ambassadors of <country>";
* modifiers shared by conjuncts: "Danish media and government" resolves "government" as
  "Danish government"; "lawmakers and officials in Kenya" resolves both "in Kenya";
* a title and the one name after it stay one person: "Kenya's new minister John Kamau";
  so do a title, its country and the name the parser fused with that country ("the UN
  envoy to Syria John Kamau" is John Kamau, not "Syria John Kamau");
* names the parser hangs as appositions or modifiers: "Mordor, the Shire and Bree",
  "Fornost and the awful Gondor" (parsed as a modifier of "Gondor");
* quantities and lists: "some of the groups, including A and B" -> A and B; "dozens of
  demonstrators" stays whole (the count belongs to the mention).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from sitrep.extract import speech
from sitrep.extract.events_triggers import lemma

QUANTIFIERS = frozenset({"some", "many", "most", "several", "all", "one", "two", "three", "few",
                         "none", "each", "both", "number", "part", "majority", "dozens",
                         "hundreds", "thousands", "scores", "any", "thousand", "hundred",
                         "dozen", "million", "score", "group", "crowd", "bunch", "handful"})
INCLUDING = frozenset({"including", "include", "like", "among"})
#: Entity labels of a name that can stand as a participant of its own.
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Modifiers and prepositions a conjunct may borrow from its neighbour.
_SIDE_MODS = frozenset({"amod", "compound", "nmod"})
_SHARED_PREPS = frozenset({"in", "of", "from"})


@dataclass
class Argument:
    """A chosen argument span (token indices) and why it was chosen."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    why: str
    name_text: str | None = None  # a fuller phrase to resolve ("Russian air forces")


def np_bounds(head) -> tuple[int, int]:
    """The noun phrase of ``head``: its subtree without clauses, appositions or conjuncts."""
    keep = {head.i}
    stack = [c for c in head.children if not _cut(c)]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        stack.extend(c for c in tok.children if not _cut(c))
    start, end = head.i, head.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    doc = head.doc
    while start < head.i and doc[start].dep_ in ("punct", "cc"):
        start += 1
    while end > head.i and (doc[end].dep_ in ("punct", "cc", "case") or doc[end].is_space):
        end -= 1
    if end + 1 < len(doc) and doc[end + 1].text == ")" and _opens(doc[start:end + 1]):
        end += 1  # "the European Union (EU)": the short form's closing bracket
    return start, end + 1


def _opens(span) -> bool:
    """Whether ``span`` leaves a bracket open."""
    return sum(t.text == "(" for t in span) > sum(t.text == ")" for t in span)


def _cut(tok) -> bool:
    if tok.dep_ == "punct":  # keep "al-Sham", "Al-Nusra" and "Union (EU" whole
        return tok.tag_ not in ("HYPH", "-LRB-")
    if tok.dep_ in ("conj", "cc") and tok.head.dep_ == "amod":
        return False  # "the awful and evil minister": coordinated adjectives stay in the phrase
    if tok.dep_ in ("relcl", "acl", "appos", "advcl", "conj", "cc", "ccomp"):
        return True
    return tok.dep_ == "prep" and lemma(tok) in INCLUDING


def _name_like(tok) -> bool:
    """A token that names a participant by itself (a proper noun or a named entity)."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_ENTS


def _expand_head(head) -> list:
    """"some of the armed groups, including A and B" -> [A, B]; "some of X" -> [X];
    "A, B, C and D" however the parser hung B (apposition) -> [A, B, C, D]."""
    named = [a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    if head.pos_ == "NOUN" and named:  # "old foes Gondor and Osgiliath": the named sides
        return [named[0], *named[0].conjuncts]
    if lemma(head) in QUANTIFIERS or head.like_num:
        of = [p for c in head.children if c.dep_ == "prep" and lemma(c) == "of"
              for p in c.children if p.dep_ == "pobj"]
        if of:
            head = of[0]
    included = [p for c in head.children if c.dep_ == "prep" and lemma(c) in INCLUDING
                for p in c.children if p.dep_ == "pobj"]
    if included and included[0].pos_ == "PROPN":
        return [included[0], *included[0].conjuncts]
    return [head, *_listed_appositions(head), *head.conjuncts]


def _title_name(head):
    """The name right after a singular title noun ("minister Calimehtar", parsed as an
    apposition), when it is the only name there: title and name are one person. Plural
    heads with names ("old foes Gondor and Osgiliath") list several sides instead."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    named = [a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    if len(named) != 1 or named[0].conjuncts:
        return None
    between = head.doc[head.i + 1:named[0].i]  # "minister John Kamau": the first names
    return named[0] if all(t.pos_ == "PROPN" for t in between) else None


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[tuple[str, ...]]:
    """Country names and aliases from the actor dictionary, as lower-case word tuples."""
    rules = resources.files("sitrep.extract.rules")
    raw = rules.joinpath("actor_countries.yaml").read_text("utf-8")
    names = set()
    for row in yaml.safe_load(raw).get("countries") or []:
        for name in [row.get("name"), *(row.get("aliases") or [])]:
            if name:
                names.add(tuple(name.lower().split()))
    return frozenset(names)


#: Prepositions linking a title to the country or body it serves ("envoy to", "minister of").
_TITLE_PREPS = frozenset({"to", "of", "for", "in"})


def _title_country_name(head):
    """``envoy to Syria John Kamau``: the parser fuses the title's country and the
    person's name into one proper noun phrase. When a role noun's "to/of" object starts
    with a country name and more proper nouns follow it, those name the title holder; the
    argument is the whole title phrase (its first token index), else None."""
    if head.pos_ != "PROPN" or head.dep_ != "pobj":
        return None
    title = _title_of(head.head)
    if title is None:
        return None
    start, _ = np_bounds(head)
    words = list(head.doc[start:head.i + 1])
    while words and words[0].pos_ != "PROPN":
        words = words[1:]
    names = _country_names()
    for n in range(len(words) - 1, 0, -1):
        if tuple(t.lower_ for t in words[:n]) in names:
            return np_bounds(title)[0] if all(t.pos_ == "PROPN" for t in words[n:]) else None
    return None


def _title_of(prep):
    """The role noun a "to/of" preposition belongs to: its head, or the word right before
    it when the parser hung it on the verb ("criticised the envoy | to X")."""
    if prep.dep_ != "prep" or lemma(prep) not in _TITLE_PREPS:
        return None
    for noun in (prep.head, prep.doc[prep.i - 1] if prep.i else None):
        if noun is not None and noun.pos_ == "NOUN" \
                and speech.nominals().get(lemma(noun)) == "PERSON":
            return noun
    return None


def _listed_appositions(head) -> list:
    """Names the parser made appositions of a name inside a list: "Mordor, the Shire,
    Fornost and Bree" (Shire + its conjuncts) or "Mordor, the Shire, and Bree" (Shire before
    Mordor's own conjunct). A descriptive apposition ("Osgiliath, the state's foe") is no
    list item: it is a common noun."""
    if not _name_like(head):
        return []
    out = []
    for app in (c for c in head.children if c.dep_ == "appos" and _name_like(c)):
        items = [app, *app.conjuncts]
        if len(items) > 1 and all(_name_like(t) for t in items):
            out.extend(items)
        elif any(c.i > app.i for c in head.conjuncts):
            out.append(app)
    return out


def split_arguments(head, why: str) -> list[Argument]:
    """One argument per participant named by ``head`` (see the module docstring)."""
    holder = None
    title = _title_of(head.doc[head.i + 1]) if head.i + 1 < len(head.doc) else None
    if title is not None and title.i == head.i:
        holder = next((p for p in head.doc[head.i + 1].children if p.dep_ == "pobj"
                       and _title_country_name(p) is not None), None)
    named = head if holder is None else holder
    titled = _title_country_name(named)
    if titled is not None:  # "the UN envoy to Syria John Kamau": the envoy, title and all
        return [Argument(titled, np_bounds(named)[1], f"{why}; title, country and name")]
    name = _title_name(head)
    if name is not None:  # "Kenya's new minister John Kamau": one person, title and all
        return [Argument(np_bounds(head)[0], np_bounds(name)[1], f"{why}; title and name")]
    expanded = _expand_head(head)
    if len(expanded) == 1 and expanded[0] is not head and _counted(head):
        return [Argument(*np_bounds(head), f"{why}; counted group")]
    listed = _of_list_split(head, why) if len(expanded) == 1 else []
    if listed:
        return listed
    out: list[Argument] = []
    for conj in expanded:
        out.extend(_modifier_list(conj, why) or _adjectival_split(conj, why)
                   or [_shared_modifiers(conj, expanded, why)])
    return out


def quantified(head):
    """The noun a quantity word counts ("some of its troops" -> troops), else ``head``."""
    if lemma(head) in QUANTIFIERS or head.like_num:
        return next((p for c in head.children if c.dep_ == "prep" and lemma(c) == "of"
                     for p in c.children if p.dep_ == "pobj"), head)
    return head


def _counted(head) -> bool:
    """A number or quantity word heading "of" + group ("dozens of demonstrators")."""
    return (head.like_num or lemma(head) in QUANTIFIERS) and not any(
        c.dep_ == "prep" and lemma(c) in INCLUDING for c in head.subtree)


def _adjectival_split(head, why: str) -> list[Argument]:
    """"Russian and Syrian air forces": the first adjective names "Russian air forces"."""
    for mod in head.children:
        if mod.dep_ in _SIDE_MODS and mod.i < head.i and mod.conjuncts \
                and _names_a_side(mod):
            start, end = np_bounds(head)
            tail = head.doc[mod.conjuncts[-1].i + 1:end].text
            out = []
            for adj in (mod, *mod.conjuncts):
                if adj is mod:
                    out.append(Argument(mod.i, mod.i + 1, f"{why}; conjunct with shared head",
                                        name_text=f"{mod.text} {tail}"))
                else:
                    out.append(Argument(adj.i, end, f"{why}; conjunct"))
            return out
    return []


def _names_a_side(mod) -> bool:
    """"Russian and Syrian forces" are two sides; "awful and evil minister" is one."""
    return mod.pos_ == "PROPN" or mod.ent_type_ in ("NORP", "GPE", "ORG") or (
        mod.is_title and mod.i > mod.sent.start)


def _modifier_list(head, why: str) -> list[Argument]:
    """"Fornost and the awful Gondor", parsed as one phrase with "Fornost and" modifying
    "Gondor": a determiner after the conjunction starts a noun phrase of its own, so the
    modifiers before it are participants of their own."""
    doc = head.doc
    for mod in head.children:
        if mod.dep_ not in _SIDE_MODS or mod.i > head.i or not mod.conjuncts:
            continue
        det = next((t for t in doc[mod.i + 1:head.i] if t.dep_ == "det"
                    and t.lower_ in ("the", "a", "an")), None)
        if det is None or not any(t.dep_ == "cc" for t in doc[mod.i + 1:det.i]):
            continue
        items = [c for c in (mod, *mod.conjuncts) if c.i < det.i]
        out = [Argument(*np_bounds(c), f"{why}; conjunct parsed as a modifier") for c in items]
        out.append(Argument(det.i, np_bounds(head)[1], f"{why}; conjunct"))
        return out
    return []


def _of_list_split(head, why: str) -> list[Argument]:
    """"the ambassadors of A, B and C": one argument per named country or group, each
    resolved with the shared head ("the ambassadors of B")."""
    if head.pos_ != "NOUN" or lemma(head) in QUANTIFIERS:
        return []
    for prep in head.children:
        if prep.dep_ != "prep" or lemma(prep) != "of":
            continue
        pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if pobj is None or not pobj.conjuncts or not all(
                _name_like(t) for t in (pobj, *pobj.conjuncts)):
            continue
        start, end = np_bounds(head)
        lead = head.doc[start:prep.i + 1].text
        out = [Argument(start, end, f"{why}; head shared by an 'of' list")]
        for conj in pobj.conjuncts:
            s, e = np_bounds(conj)
            out.append(Argument(s, e, f"{why}; 'of' list conjunct",
                                name_text=f"{lead} {head.doc[s:e].text}"))
        return out
    return []


def _shared_modifiers(conj, expanded: list, why: str) -> Argument:
    """A common-noun conjunct borrows what its neighbours share: the nationality before the
    first ("Danish media and government") and a place after the last ("lawmakers and
    officials in Kenya"), so that the resolver sees "Danish government", "lawmakers in Kenya"."""
    start, end = np_bounds(conj)
    arg = Argument(start, end, why)
    nouns = [c for c in expanded if c.pos_ == "NOUN"]
    if conj.pos_ != "NOUN" or len(nouns) < 2:
        return arg
    doc = conj.doc
    prefix = "" if _has_premodifier(conj) else _side_prefix(nouns[0])
    suffix = _shared_place(nouns, start, end)
    if prefix or suffix:
        arg.name_text = " ".join(p for p in (prefix, doc[start:end].text, suffix) if p)
        arg.why = f"{why}; conjunct sharing '{prefix or suffix}'"
    return arg


def _has_premodifier(tok) -> bool:
    return any(c.dep_ in _SIDE_MODS | {"poss"} and c.i < tok.i for c in tok.children)


def _side_prefix(first) -> str:
    """The nationality or named modifiers before the first conjunct ("Danish" media)."""
    mods = [c for c in first.children if c.dep_ in _SIDE_MODS and c.i < first.i
            and not c.conjuncts and _names_a_side(c)]
    return " ".join(m.text for m in mods)


def _shared_place(nouns: list, start: int, end: int) -> str:
    """"in/of/from X" hung after the last common-noun conjunct, when this conjunct's own
    phrase (``start``..``end``) does not already hold it."""
    last = max(n.i for n in nouns)
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and lemma(prep) in _SHARED_PREPS and prep.i > last \
                    and not start <= prep.i < end:
                pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
                if pobj is not None and _name_like(pobj):
                    s, e = np_bounds(pobj)
                    return f"{prep.text} {prep.doc[s:e].text}"
    return ""
