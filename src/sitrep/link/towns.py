"""Towns a report names: the places that tell one incident from another.

A casualty toll is only compared with another report's when their leads name
a town or city in common (``contradictions``), and reports whose leads give a
toll in one town link more readily (``stories``). Towns are matched by
GeoNames id, by name, and by a spelling-blind key (``name_skeleton``); a name
used for its province ("Daraa province", "rural Aleppo") is not a town. The
word lists are data: ``extract/rules/story_slots.yaml``.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from sitrep.model import DocumentResult


def _rules() -> dict:
    from sitrep.link.slots import rules

    return rules()


def lead_places(result: DocumentResult, lead: int) -> list[str]:
    """Keys of the towns and cities (not countries, provinces or regions) named before
    ``lead``: where the article says its incident happened. A casualty count is only
    compared with another report naming one of the same places.

    Names count as well as GeoNames ids: one outlet's town may be missing from the
    gazetteer, or resolved in one article and not another. An unresolved name of
    many words is more often an organisation taken for a place, and is skipped.
    """
    r = _rules()
    broad, longest = set(r.get("broad_place_features") or ()), r.get("unresolved_place_max_words", 2)
    keys = set()
    text = result.article.text
    for p in result.places:
        if p.start >= lead or (p.feature or "") in broad or province_mention(text, p.start, p.end):
            continue
        if p.geonameid:
            keys.add(f"geo:{p.geonameid}")
        elif len(p.text.split()) > longest:
            continue
        keys |= {f"name:{n.lower()}" for n in (p.text, p.name) if n}
        keys |= {f"sk:{k}" for k in (name_skeleton(n) for n in (p.text, p.name) if n) if len(k) >= 2}
    return sorted(keys)


@functools.lru_cache(maxsize=1)
def _province_words() -> tuple[re.Pattern, re.Pattern]:
    from sitrep.link.slots import _alt

    spec = _rules().get("province_use") or {}
    after = _alt(spec.get("after") or ["province"])
    before = _alt(spec.get("before") or ["province of"])
    return re.compile(rf"^\s*(?:{after})\b", re.I), re.compile(rf"\b(?:{before})\s*$", re.I)


def province_mention(text: str, start: int, end: int) -> bool:
    """Whether a place name at [start, end) names a province or its countryside ("Daraa
    province", "the province of Idlib", "rural Aleppo"), not the town of that name: most
    Syrian provinces share their capital's name, and a province is no incident's town."""
    after, before = _province_words()
    return bool(after.match(text[end:end + 30]) or before.search(text[max(0, start - 30):start]))


def names_town(text: str | None, name: str) -> bool:
    """Whether ``text`` names the town ``name`` (a mention naming the province does not count)."""
    return bool(text) and any(not province_mention(text, m.start(), m.end())
                              for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def name_skeleton(name: str) -> str:
    """A spelling-blind key of a place name, so that one town written in two
    transliterations meets itself ("Raqa"/"Raqqa", "Deir az-Zour"/"Deir ezzor",
    "Hasakeh"/"al-Hasaka"): accents folded, a possessive country before it and a
    word like "province" after it dropped, Arabic articles dropped ("Deir al-Zor" meets
    "Deir ez-Zor"), then only consonants kept, doubled letters once, and no final "h"."""
    r = _rules().get("place_skeleton") or {}
    t = unicodedata.normalize("NFKD", name.lower())
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).replace("’", "'")
    words = re.findall(r"[a-z']+", t)
    if len(words) > 1 and words[0].rstrip("s").rstrip("'") in set(r.get("possessors") or ()):
        words = words[1:]
    while len(words) > 1 and words[-1] in set(r.get("suffix_words") or ()):
        words = words[:-1]
    articles = set(r.get("articles") or ["al"])
    words = [w for i, w in enumerate(words) if i == len(words) - 1 or w not in articles]
    text = " ".join(words)
    letters = re.sub(r"[^a-z]", "", text)
    skeleton = re.sub(r"[aeiouy]", "", letters)
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    return skeleton[:-1] if skeleton.endswith("h") and len(skeleton) > 2 else skeleton
