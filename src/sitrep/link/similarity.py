"""Text similarity between articles and stories: TF-IDF cosine and shingle overlap.

TF-IDF (sublinear term frequency, smoothed inverse document frequency over
what the index has seen so far) ranks which story a new article belongs to;
it needs no model download and is fast in pure Python on sparse dicts.
Word-shingle Jaccard finds syndicated copies (the same wire text under two
outlets' names), which corroboration must count once.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
#: Terms: words, and numbers of two or more digits (years and tolls tell events apart).
_TERM = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d", re.UNICODE)

#: Title words count this many times over body words: headlines name the event.
TITLE_WEIGHT = 3
#: Capitalised words inside a sentence (names) count this many times: they tell events apart.
NAME_WEIGHT = 2


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop list (already a dependency; no download)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "reported", "according", "news", "agency"}


@functools.lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words never taken as names (``extract/rules/story_names.yaml``), stop
    words included."""
    raw = resources.files("sitrep.extract.rules").joinpath("story_names.yaml").read_text("utf-8")
    groups = yaml.safe_load(raw)["not_names"]
    return stop_words() | frozenset(w for words in groups.values() for w in words)


def normalise(word: str) -> str:
    """Lower-case and strip a plural/possessive ending so "rebels" meets "rebel"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def terms(text: str) -> list[str]:
    """Content words of ``text`` (no stop words, at least three characters); names repeated."""
    stops = stop_words()
    out = []
    for m in _TERM.finditer(text):
        w = m.group(0)
        if len(w) < 3 or w.lower() in stops:
            continue
        t = normalise(w)
        out.append(t)
        if w[0].isupper() and not _sentence_start(text, m.start()):
            out.extend([t] * (NAME_WEIGHT - 1))
    return out


def name_terms(text: str) -> list[str]:
    """Names (capitalised inside a sentence) and numbers of two or more digits.

    These tell two events of one kind apart (Tara Reid's rehab vs Lindsay
    Lohan's; the 2008 quake vs the 2013 one) where topic words cannot.
    """
    stops = not_names()
    out = []
    for m in _TERM.finditer(text):
        w = m.group(0)
        if len(w) < 2 or w.lower() in stops:
            continue
        if w[0].isdigit() or (w[0].isupper() and not _sentence_start(text, m.start())):
            out.append(normalise(w))
    return out


def has_names(counts: dict[str, int]) -> bool:
    """Whether name counts hold a name, not only numbers (numbers alone identify nothing)."""
    return any(not t[0].isdigit() for t in counts)


def name_counts(text: str) -> dict[str, int]:
    """Frequencies of an article's names and numbers (not its title: title case
    makes every headline word look like a name)."""
    return dict(Counter(name_terms(text)))


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n"


def term_counts(text: str, title: str | None = None) -> dict[str, int]:
    """Term frequencies of an article, its title words weighted up."""
    counts = Counter(terms(text))
    for t in terms(title or ""):
        counts[t] += TITLE_WEIGHT
    return dict(counts)


class DocumentFrequencies:
    """How many documents each term occurred in, updated as documents arrive."""

    def __init__(self, df: dict[str, int] | None = None, n: int = 0):
        self.df: Counter[str] = Counter(df or {})
        self.n = n

    def add(self, counts: dict[str, int]) -> None:
        self.df.update(counts.keys())
        self.n += 1

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def vector(self, counts: dict[str, int]) -> dict[str, float]:
        """A unit-length TF-IDF vector (sublinear tf)."""
        vec = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        return unit(vec)


def unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse vectors of any length (a story's summed member vectors included).

    Both norms are taken: dividing by one side's alone lets a long article score
    above 1 against a small story whose summed vector has fewer terms than it.
    """
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot(a, b) / (na * nb) if na and nb else 0.0


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Plain dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def top_terms(vec: dict[str, float], k: int) -> list[str]:
    return [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def shingles(text: str, n: int = 5) -> set[int]:
    """Hashed word n-grams of the lower-cased text (stable within one process)."""
    words = [w.lower() for w in _WORD.findall(text)]
    return {hash(tuple(words[i:i + n])) for i in range(max(0, len(words) - n + 1))}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard overlap of two key collections (places, actors)."""
    return jaccard(set(a), set(b))
