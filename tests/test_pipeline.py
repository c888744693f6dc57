"""process_batch: order kept, failures recorded, the batch goes on."""
from __future__ import annotations

import pytest

import sitrep
from sitrep import pipeline
from sitrep.errors import InputError
from sitrep.model import ErrorResult


@pytest.mark.parametrize("prefilter", [False, True])
def test_pipeline_batch_keeps_input_order_and_records_failures(prefilter):
    records = [{"id": "a", "text": "The army withdrew from Kherson on Friday."},
               {"id": "b", "text": "   "},
               {"id": "c", "text": "Police arrested 40 protesters in Minsk.", "published": "not-a-date"},
               ErrorResult(id="d", error="d.txt: unreadable"),
               {"id": "e", "text": "Iran rejected the accusations on Monday.", "published": "2023-07-20"}]
    results = list(sitrep.process_batch(records, settings=sitrep.Settings(batch_size=2, prefilter=prefilter)))
    assert [r.id if isinstance(r, ErrorResult) else r.article.id for r in results] == list("abcde")
    assert [isinstance(r, ErrorResult) for r in results] == [False, True, True, True, False]
    assert "empty text" in results[1].error and "not ISO 8601" in results[2].error


@pytest.mark.parametrize("text", ["The mood was grim and the streets were quiet.\n"
                                  "Troops left Kherson on Friday."])
def test_pipeline_prefilter_parses_blanked_text_of_same_length(monkeypatch, text):
    """The parser sees the dropped sentence as spaces; offsets stay the article's."""
    seen = []
    monkeypatch.setattr(pipeline, "_run_layers",
                        lambda article, published, doc, settings: seen.append(doc.text))
    list(sitrep.process_batch([{"id": "x", "text": text}], settings=sitrep.Settings(prefilter=True)))
    assert len(seen[0]) == len(text) and seen[0].startswith(" " * 10)
    assert seen[0].endswith("\nTroops left Kherson on Friday.")


def test_pipeline_layer_exception_becomes_error_result(monkeypatch):
    def boom(ctx):
        raise ValueError("bad rule")
    monkeypatch.setattr(pipeline, "LAYERS", (("entities", boom),))
    [result] = list(sitrep.process_batch([{"id": "x", "text": "Troops left the city."}]))
    assert isinstance(result, ErrorResult) and "ValueError: bad rule" in result.error


def test_analyze_raises_input_error_for_empty_text():
    with pytest.raises(InputError, match="empty text"):
        sitrep.analyze("")


@pytest.mark.parametrize("value,expected", [("2016-10-18", "2016-10-18"), ("2016-10-18T09:30:00Z", "2016-10-18"),
                                            ("2016-10-18 23:59", "2016-10-18"), (None, None)])
def test_pipeline_parse_published(value, expected):
    got = pipeline.parse_published(value)
    assert (got.isoformat() if got else None) == expected


def test_pipeline_every_span_indexes_the_text(seed_result):
    doc = seed_result.to_dict()
    text = doc["text"]
    spans = doc["times"] + doc["places"] + doc["entities"] + doc["links"] + doc["framing"]
    for q in doc["quotes"]:
        spans += [q["content"]] + [s for s in (q["speaker"], q["cue"]) if s]
    for e in doc["events"]:
        spans += [e["evidence"]] + e["actor"] + e["recipient"] + e["mentions"]
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("record_id", ["\n", "a\r\nb", "x\x00"])
def test_pipeline_error_reason_stays_one_line_whatever_the_id(record_id):
    [result] = list(sitrep.process_batch([{"id": record_id, "text": ""}]))
    assert isinstance(result, ErrorResult) and "\n" not in result.error and "empty text" in result.error
