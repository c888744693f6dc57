"""Property tests on ``analyze``/``process_batch``: any text either is analysed
or gets a one-line reason; every span found points exactly into the text; every
result validates against the published JSON Schema.

Inputs mix words the layers react to (reporting verbs, dates, places, quote
marks, event verbs) with arbitrary Unicode, so the rules run, not just the
tokenizer. ``SITREP_FUZZ=long`` runs the longer profile.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.errors import InputError
from sitrep.model.schema import validate

settings.register_profile("sitrep-analyze-short", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("sitrep-analyze-long", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = "sitrep-analyze-long" if os.environ.get("SITREP_FUZZ") == "long" else "sitrep-analyze-short"

#: Words and marks that wake up each layer (written for this test).
WORDS = ["said", "told", "according to", "Monday", "last week", "on 3 May", "2019", "yesterday", "in",
         "Aleppo", "Kabul", "Nairobi", "the UN", "police", "rebels", "army", "Russian jets", "bombed", "arrested",
         "protested", "met", "killed", "ceasefire", "\u201c", "\u201d", '"', "'", ",", ".", "\n", "\n\n", "(", ")",
         "http://example.org/x", "@", "#", "-", "\u2014", "48-hour", "two days", "Mr.", "Ahmed", "Ali", "spokesman"]
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), min_size=1, max_size=40).map(" ".join)
DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12))


def spans(node, path="$"):
    """Every ``{"text", "start", "end"}`` object in a result, with where it is."""
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys() and isinstance(node.get("start"), int):
            yield path, node
        for key, value in node.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from spans(value, f"{path}[{i}]")


def check_result(result_dict: dict) -> None:
    validate(result_dict)
    text = result_dict["text"]
    for where, span in spans({k: v for k, v in result_dict.items() if k != "text"}):
        assert text[span["start"]:span["end"]] == span["text"], where


@pytest.mark.parametrize("profile", [PROFILE])
def test_fuzz_analyze_spans_point_into_text_and_validate(nlp, profile):
    import sitrep

    @settings(settings.get_profile(profile))
    @given(text=TEXTS, published=DATES)
    def run(text, published):
        try:
            result = sitrep.analyze(text, published=published, id="fz")
        except InputError as err:
            assert "\n" not in str(err)
            return
        check_result(result.to_dict())

    run()


@pytest.mark.parametrize("profile", [PROFILE])
def test_fuzz_analyze_batch_never_dies(nlp, profile):
    from sitrep import process_batch
    from sitrep.model import ErrorResult

    @settings(settings.get_profile(profile), max_examples=15)
    @given(records=st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "text": st.one_of(TEXTS, st.text())},
                                                  optional={"published": DATES}), min_size=1, max_size=6))
    def run(records):
        results = list(process_batch(records))
        assert len(results) == len(records)
        for result in results:
            if isinstance(result, ErrorResult):
                assert result.error and "\n" not in result.error
                validate(result.to_dict())
            else:
                check_result(result.to_dict())

    run()
