"""Exact and near-duplicate detection.

Exact copies share a content hash (sha256 of the text with whitespace runs
collapsed), which the store keeps unique: ingesting them again adds nothing.
Near copies (syndicated or lightly edited) are found with MinHash over word
shingles and an LSH index (datasketch); they are stored, marked, and linked to
the first article of their family so counts can treat them as one source.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch pulls in scipy (~0.8 s): imported only when signatures are needed
    from datasketch import MinHash

#: Estimated Jaccard similarity of word 3-shingles from which two articles are
#: one story told twice. Syndicated copies with a changed byline or a trimmed
#: tail score 0.85-0.99; two outlets' own reports of one event score below 0.3.
DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
#: datasketch's hashing scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"
SHINGLE = 3
#: How far below the threshold LSH looks for candidates (recall of the banding step).
CANDIDATE_MARGIN = 0.2
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """The identity of an article's text: equal after collapsing whitespace."""
    normalised = _SPACE.sub(" ", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def signature(text: str) -> "MinHash":
    """MinHash over lower-cased word 3-shingles (single words for very short texts)."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    n = SHINGLE if len(words) >= SHINGLE else 1
    shingles = {" ".join(words[i:i + n]).encode("utf-8") for i in range(max(len(words) - n + 1, 0))}
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(shingles))
    return mh


def to_bytes(mh: "MinHash") -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> "MinHash":
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint32))


@dataclass(frozen=True, slots=True)
class Match:
    original_id: int
    similarity: float


class NearDuplicateIndex:
    """LSH over stored articles' signatures; ``find`` names the family's original."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        # Candidates come from a looser LSH band so that pairs just above the threshold
        # are not missed by banding; each candidate is then checked against the threshold.
        self._lsh = MinHashLSH(threshold=max(threshold - CANDIDATE_MARGIN, 0.1), num_perm=NUM_PERM)
        self._sigs: dict[int, "MinHash"] = {}
        self._root: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: int, mh: "MinHash", *, original_id: int | None = None) -> None:
        self._lsh.insert(article_id, mh)
        self._sigs[article_id] = mh
        self._root[article_id] = self._root.get(original_id, original_id) if original_id else article_id

    def find(self, mh: "MinHash") -> Match | None:
        """The most similar stored article at or above the threshold (its family's
        original, ties to the oldest), or None."""
        best: tuple[float, int] | None = None
        for candidate in self._lsh.query(mh):
            similarity = mh.jaccard(self._sigs[candidate])
            better = best is None or (similarity, -candidate) > (best[0], -best[1])
            if similarity >= self.threshold and better:
                best = (similarity, candidate)
        if best is None:
            return None
        return Match(original_id=self._root[best[1]], similarity=round(best[0], 4))
