"""When, where and how much: an event's date, location and size attributes.

Each event reads only its own clause (the trigger's subtree without
embedded clauses of other events), so "halted strikes on Tuesday" takes
Tuesday while "said earlier that it would halt on Thursday" takes Thursday.
Fallbacks are explicit: the publication date, the document's main place.
"""
from __future__ import annotations

import re
from collections import Counter

from sitrep.extract.events_triggers import lemma

#: Children that start another event's clause; their tokens are not this event's.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "csubj"})


def clause_tokens(verb, extra=()) -> list:
    """Tokens of the trigger's own clause (subordinate and coordinated clauses cut off)."""
    out = []
    stack = [verb, *extra]
    seen = set()
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def char_ranges(tokens) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t.text)) for t in tokens]


def _inside(ranges, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def event_date(ranges, times, published) -> tuple[str | None, str | None, str]:
    """(date, TIMEX value, resolution): the clause's own DATE/TIME, else the publication date."""
    for tx in times:
        if tx.type in ("DATE", "TIME") and tx.value and _inside(ranges, tx.start, tx.end):
            day = tx.value[:10]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
                return day, tx.value, f"own time expression '{tx.text}'"
    if published is not None:
        return published.isoformat(), None, "publication date"
    return None, None, "no time expression and no publication date"


def main_place(places):
    """The document's most mentioned resolved place that is not a whole country."""
    counts = Counter(p.geonameid for p in places
                     if p.geonameid is not None and (p.feature or "") != "country")
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return next(p for p in places if p.geonameid == best)


def event_location(ranges, places, fallback):
    """(place, resolution): a place in the event's clause, else the document's main place."""
    own = [p for p in places if _inside(ranges, p.start, p.end)]
    resolved = [p for p in own if p.geonameid is not None] or own
    non_country = [p for p in resolved if (p.feature or "") != "country"]
    if non_country or resolved:
        place = (non_country or resolved)[0]
        return place, f"place in the event's clause '{place.text}'"
    if fallback is not None:
        return fallback, f"document's main place '{fallback.name or fallback.text}'"
    return None, "no place in the clause or the document"


def duration(ranges, times, tokens, units: dict) -> str | None:
    """The clause's DURATION value ("48-hour pause" -> PT48H), from the time layer or a pattern."""
    for tx in times:
        if tx.type == "DURATION" and tx.value and _inside(ranges, tx.start, tx.end):
            return tx.value
    for tok in tokens:
        if tok.lower_.rstrip("s") in units and tok.i >= 2 and tok.nbor(-1).text == "-":
            number = tok.nbor(-2)
            if number.like_num and number.text.isdigit():
                unit = units[tok.lower_.rstrip("s")]
                time_part = "T" if unit in ("S", "H") or tok.lower_.startswith("minute") else ""
                return f"P{time_part}{number.text}{unit}"
    return None


def parse_number(tok, numbers: dict) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return numbers.get(tok.lower_)


def _modifier(num, modifiers: dict) -> str | None:
    """"at least 86": the words before the number that qualify it."""
    doc = num.doc
    for length in (2, 1):
        if num.i - length >= 0:
            words = tuple(t.lower_ for t in doc[num.i - length:num.i])
            if words in modifiers:
                return modifiers[words]
    return None


def casualties(tokens, trigger_verb, attrs: dict) -> dict:
    """Dead/injured/arrested counts in the clause: "killed 58 people", "at least 86 dead"."""
    out: dict = {}
    kinds = attrs["casualty"]
    scope = list(tokens) + [c for c in trigger_verb.children if c.dep_ == "advcl"
                            for c in c.subtree]
    for tok in scope:
        kind = kinds.get(lemma(tok))
        if kind is None or kind in out:
            continue
        num = _count_for(tok, attrs["numbers"])
        if num is None:
            continue
        value = parse_number(num, attrs["numbers"])
        if value is None:
            continue
        out[kind] = value
        mod = _modifier(num, attrs["modifiers"])
        if mod:
            out[f"{kind}_mod"] = mod
    return out


def _count_for(word, numbers: dict):
    """The number attached to a casualty word: its object's or subject's nummod, or its own."""
    candidates = [word]
    if word.pos_ == "VERB":
        candidates += [c for c in word.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    elif word.pos_ == "ADJ":
        candidates.append(word.head)
    for cand in candidates:
        if cand.like_num and parse_number(cand, numbers) is not None:
            return cand
        num = next((c for c in cand.children if c.dep_ == "nummod"), None)
        if num is not None:
            return num
    return None


def counts(tokens, attrs: dict, skip: set[str]) -> dict:
    """"two corridors" -> {"count": 2, "count_of": "corridors"} for a counted object noun."""
    for tok in tokens:
        if tok.dep_ != "dobj" or lemma(tok) in skip:
            continue
        num = next((c for c in tok.children if c.dep_ == "nummod"), None)
        if num is not None:
            value = parse_number(num, attrs["numbers"])
            if value is not None:
                return {"count": value, "count_of": tok.text}
    return {}
