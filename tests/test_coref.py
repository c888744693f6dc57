"""Coreference for speakers: names, role nouns and pronouns."""
from __future__ import annotations

import pytest

from sitrep.extract import coref
from sitrep.extract.context import Context
from sitrep.model import Article
from sitrep.settings import Settings


def context(nlp, text: str) -> Context:
    return Context(article=Article(id="t", text=text), doc=nlp(text), settings=Settings())


def at(text: str, mention: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


@pytest.mark.parametrize("text,mention,nth,name", [
    ("Sergey Shoigu arrived on Monday. Later Shoigu said the talks had ended.", "Shoigu", 1,
     "Sergey Shoigu"),
    ("Ahmed Karimi visited the camp. He said conditions were poor.", "He", 0, "Ahmed Karimi"),
    ("Defense minister Anna Berg met the envoy. The minister said the deal was close.",
     "The minister", 0, "Anna Berg"),
    ("Ms. Laura Chen met John Park. She said the talks went well.", "She", 0, "Laura Chen"),
    ("The United Nations issued a statement. It said aid would resume.", "It", 0,
     "United Nations"),
    ("Norway's envoy to the talks Erik Solberg arrived late. Later the envoy said the vote "
     "was delayed.", "the envoy", 0, "Erik Solberg"),
    ("The Coastal Monitoring Agency counted the boats. The Agency said 40 had left.",
     "The Agency", 0, "Coastal Monitoring Agency"),
    ("Kenya's interior minister announced a curfew. John Kamau said it starts at dusk. "
     "The minister said troops would patrol.", "The minister", 0, "John Kamau"),
])
def test_coref_resolve_mention_names(nlp, text, mention, nth, name):
    start, end = at(text, mention, nth)
    found = coref.resolve_mention(context(nlp, text), start, end)
    assert found is not None
    resolved, chain = found
    assert resolved == name
    assert start <= chain[0].start and chain[0].end <= end  # the chain starts at the mention
    assert chain[-1].text.endswith(name.split()[-1])


@pytest.mark.parametrize("text,mention", [
    ("An official said the border was closed.", "An official"),
    ("I think the plan will fail.", "I"),
])
def test_coref_resolve_mention_unresolvable_is_none(nlp, text, mention):
    assert coref.resolve_mention(context(nlp, text), *at(text, mention)) is None


@pytest.mark.parametrize("text", [
    "Sergey Shoigu arrived on Monday. Shoigu said the talks had ended. He left.",
])
def test_coref_chain_spans_point_into_text(nlp, text):
    ctx = context(nlp, text)
    _, chain = coref.resolve_mention(ctx, *at(text, "He"))
    for span in chain:
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("text", ["Maria Lopez spoke. She said the water was back."])
def test_coref_index_is_cached_per_document(nlp, text):
    ctx = context(nlp, text)
    assert coref.document_index(ctx) is coref.document_index(ctx)


@pytest.mark.parametrize("text,mention,wrong", [
    ('"The fees are unfair," party spokesman Omar Haddad told reporters. Later the minister '
     'welcomed the ruling.', "the minister", "Omar Haddad"),
])
def test_coref_role_noun_skips_a_person_with_another_title(nlp, text, mention, wrong):
    found = coref.resolve_mention(context(nlp, text), *at(text, mention))
    assert found is None or found[0] != wrong, found
