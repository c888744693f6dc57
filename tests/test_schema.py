"""The JSON Schema is the contract: current on disk, complete, and met by real output."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sitrep.model import schema as S
from sitrep.pipeline import process_batch
from sitrep.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]


def test_schema_file_is_current():
    on_disk = json.loads((ROOT / "schema" / "sitrep-document.schema.json").read_text())
    assert on_disk == S.document_schema(), "run `make schema` and commit the result"


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(S.document_schema())


def test_examples_output_validates_against_schema():
    results = list(process_batch(read_inputs([str(ROOT / "examples")], published="2016-10-18")))
    assert len(results) >= 8
    for result in results:
        S.validate(result.to_dict())


@pytest.mark.parametrize("broken", [
    {"schema_version": "1.0", "id": "x", "error": "two\nlines"},
    {"schema_version": "0.1", "id": "x", "error": "old version"},
])
def test_schema_rejects_broken_documents(broken):
    with pytest.raises(jsonschema.ValidationError):
        S.validate(broken)


def test_schema_declares_every_emitted_field(seed_result):
    doc = seed_result.to_dict()
    props = S.DOCUMENT["properties"]
    assert set(doc) == set(props)
    for key, sub in [("events", S.EVENT), ("quotes", S.QUOTE), ("times", S.TIME), ("places", S.PLACE),
                     ("framing", S.FRAMING), ("links", S.LINK), ("entities", S.MENTION)]:
        for item in doc[key]:
            assert set(item) == set(sub["properties"]), key
