"""The sentence prefilter (``sitrep.nlp.prefilter``): what it keeps, what it drops, and that
turning it on changes no offset and, on the seed article, no event."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.nlp import prefilter
from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
ALL_LAYERS = Settings().layers
#: A sentence with no trigger, speech cue, quotation mark, digit, time word or place name.
EMPTY = "The mood was grim and the streets were quiet."


@pytest.fixture(scope="module")
def full_filter(nlp):
    return prefilter.for_layers(ALL_LAYERS, Settings().model)


def _kept(pf, text: str) -> list[str]:
    return [text[s:e].strip() for s, e, keep in pf.sentences(text) if keep and text[s:e].strip()]


@pytest.mark.parametrize("text,pieces", [
    ("Mr. Smith left. The U.S. envoy met him.\nREAD MORE",
     ["Mr. Smith left.", "The U.S. envoy met him.", "READ MORE"]),
    ('He said: "Leave." Then 3 men ran!', ['He said: "Leave."', "Then 3 men ran!"]),
    ("no final stop", ["no final stop"]),
    ("After Roe vs. Wade it changed. Then", ["After Roe vs. Wade it changed.", "Then"]),
])
def test_prefilter_split_sentences_covers_the_text(text, pieces):
    spans = prefilter.split_sentences(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert [text[s:e].strip() for s, e in spans] == pieces


@pytest.mark.parametrize("sentence,layer", [
    ("Government troops shelled the northern district.", "events"),      # trigger (regular form)
    ("Rebels fought back all night long.", "events"),                    # irregular form: fight
    ("The spokesman insisted that nothing had changed.", "quotes"),      # speech cue
    ("“We will not leave,” one woman told us.", "quotes"),               # quotation marks
    ("The convoy is expected on Thursday.", "times"),                    # weekday
    ("The convoy came after 2 hours.", "times"),                         # digit
    ("The convoy finally reached Aleppo.", "places"),                    # gazetteer name
])
def test_prefilter_keeps_sentence_with_a_cue_of_its_layer(nlp, sentence, layer):
    pf = prefilter.for_layers(frozenset({layer}), Settings().model)
    assert _kept(pf, f"{EMPTY} {sentence}") == [sentence]


@pytest.mark.parametrize("text", [EMPTY, "Nobody seemed surprised."])
def test_prefilter_drops_sentence_without_any_cue(full_filter, text):
    assert _kept(full_filter, text) == []
    blanked = full_filter.apply(text)
    assert len(blanked) == len(text) and not blanked.strip()


@pytest.mark.parametrize("text", ['“We stayed. The mood was grim and the streets were quiet.” he said.'])
def test_prefilter_keeps_every_sentence_of_a_quotation(full_filter, text):
    assert full_filter.apply(text) == text


@pytest.mark.parametrize("text", ["Police arrested two men in Homs on Monday.\n\n"
                                  f"{EMPTY}\nThe mayor said 40 families had fled the town."])
def test_prefilter_blanking_keeps_length_and_line_breaks(full_filter, text):
    blanked = full_filter.apply(text)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert EMPTY not in blanked and "40 families" in blanked


@pytest.mark.parametrize("text", [
    "Police arrested two men in Homs on Monday, the interior ministry said. "
    f"{EMPTY} Nobody seemed surprised. "
    "“They will be tried next week,” said Colonel Ahmed Haddad in Damascus on Tuesday. "
    "Rebels shelled the airport at 6 a.m.",
])
def test_prefilter_offsets_equal_those_without_it(nlp, text):
    import sitrep

    plain = sitrep.analyze(text, published="2016-10-18")
    fast = sitrep.analyze(text, published="2016-10-18", settings=Settings(prefilter=True))
    assert prefilter.for_layers(ALL_LAYERS, Settings().model).apply(text) != text  # something dropped
    for layer in ("events", "quotes", "times", "places", "entities"):
        before = [item.to_dict() for item in getattr(plain, layer)]
        after = [item.to_dict() for item in getattr(fast, layer)]
        assert after == before, layer
    assert plain.events and plain.quotes and plain.times and plain.places


@pytest.mark.parametrize("published", ["2016-10-18"])
def test_prefilter_seed_article_yields_the_same_events(nlp, published):
    import sitrep

    text = (ROOT / "examples" / "aleppo-humanitarian-pause.txt").read_text(encoding="utf-8")
    plain = sitrep.analyze(text, published=published)
    fast = sitrep.analyze(text, published=published, settings=Settings(prefilter=True))
    assert [e.to_dict() for e in fast.events] == [e.to_dict() for e in plain.events]
    assert len(plain.events) >= 10


@pytest.mark.parametrize("lemma,form", [("ban", "banned"), ("carry", "carried"), ("seize", "seizing")])
def test_prefilter_inflections_cover_regular_forms(lemma, form):
    assert form in prefilter.inflections(lemma)
