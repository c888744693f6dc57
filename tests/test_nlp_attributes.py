"""The cached attribute rules give exactly what the model's own attribute_ruler gives."""
from __future__ import annotations

import pytest

from sitrep.nlp import attributes
from sitrep.settings import DEFAULT_MODEL

TEXT = (
    "Russia's defence minister said on Tuesday that the jets had not flown since dawn. "
    "It is there, and there is a cat. I told him: it won't stop, y'all gonna see, let's go. "
    "C'mon, ain't nothin' there that I ain't got ta see. Do you have it? They do have it.\n\n"
    "  Rebels, whom the army accused, were shelled   near Aleppo; that was while talks began. "
    "Whether or not the UN acts, some of them will leave, because those who stay are at risk."
)


def _annotations(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    original = spacy.load(DEFAULT_MODEL)
    cached = spacy.load(DEFAULT_MODEL)
    attributes.install(cached)
    return original, cached


def test_nlp_attributes_replace_the_ruler(pipelines):
    _, cached = pipelines
    assert "attribute_ruler" not in cached.pipe_names
    assert cached.pipe_names.index("sitrep_attribute_rules") < cached.pipe_names.index("lemmatizer")


def test_nlp_attributes_identical_on_written_text(pipelines):
    original, cached = pipelines
    assert _annotations(cached(TEXT)) == _annotations(original(TEXT))


def test_nlp_attributes_words_no_rule_names_share_one_cache_entry(pipelines):
    _, cached = pipelines
    rules = cached.get_pipe("sitrep_attribute_rules")
    cached("Zorblax and Quimby shelled Wexford. Zorblat and Quimbo shelled Wexmouth.")
    words = {key[0] for key in rules._cache}
    assert attributes.OTHER_WORD in words
    assert not words & {"zorblax", "quimby", "wexford", "zorblat", "quimbo", "wexmouth"}


@pytest.mark.gold
def test_nlp_attributes_identical_on_real_news(pipelines, gold_dir):
    import csv

    original, cached = pipelines
    path = gold_dir / "crosssource" / "fakes" / "fakes_dev.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["article_content"] for _, row in zip(range(120), csv.DictReader(fh))]
    for a, b in zip(original.pipe(texts), cached.pipe(texts)):
        assert _annotations(b) == _annotations(a)
