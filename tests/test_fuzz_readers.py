"""Property tests on every reader: whatever the bytes, a reader yields articles or
one-line reasons (or raises InputError, which ``read_inputs`` turns into one) and
never anything else.

Example counts are modest so the suite stays fast; ``SITREP_FUZZ=long`` runs
the longer profile (``SITREP_FUZZ=long pytest tests/test_fuzz_readers.py``).
"""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.errors import InputError
from sitrep.ingest import READERS, read_inputs
from sitrep.ingest.source import Source
from sitrep.model import Article, ErrorResult

settings.register_profile("sitrep-short", max_examples=50, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("sitrep-long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("sitrep-long" if os.environ.get("SITREP_FUZZ") == "long" else "sitrep-short")

#: Fragments that steer random input towards each format's parser.
SEEDS = {
    "text": [b"---\ntitle: x\n---\n", b"Police said on Monday.", b"\r\n", b"\xef\xbb\xbf"],
    "html": [b"<html><body><p>", b"</p></body></html>", b"<script>", b"<!DOCTYPE html>", b"<meta charset=x>"],
    "jsonl": [b'{"id": "a", "text": "', b'"}\n', b"[]\n", b'{"text": 12}\n', b"\n", b"null\n"],
    "csv": [b"id,text,date\n", b'"a","b, c",4/7/2017\n', b"\t", b";", b'"unterminated'],
    "rss": [b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><description>',
            b"</description></item></channel></rss>", b"<!DOCTYPE r [<!ENTITY a 'b'>]>", b"&a;"],
    "warc": [b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n", b"\x1f\x8b\x08\x00", b"HTTP/1.1 200 OK\r\n"],
}


def fragments(fmt: str):
    """Random bytes mixed with format fragments, so inputs get past the first check."""
    piece = st.one_of(st.binary(max_size=64), st.sampled_from(SEEDS[fmt]),
                      st.text(max_size=40).map(lambda s: s.encode("utf-8")))
    return st.lists(piece, max_size=12).map(b"".join)


def drain(fmt: str, data: bytes) -> list[Article | ErrorResult]:
    """Everything the reader yields; InputError is the one allowed exception."""
    try:
        return list(READERS[fmt](Source(where="fuzz", default_id="fuzz", data=data)))
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith("fuzz")
        return []


def assert_well_formed(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, ErrorResult))
        if isinstance(item, Article):
            assert isinstance(item.text, str) and isinstance(item.id, str)
        else:
            assert item.error and "\n" not in item.error


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(data=st.data())
def test_fuzz_readers_never_raise_anything_but_input_error(fmt, data):
    blob = data.draw(fragments(fmt))
    assert_well_formed(drain(fmt, blob))


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(blob=st.binary(max_size=512))
def test_fuzz_readers_survive_raw_bytes(fmt, blob):
    assert_well_formed(drain(fmt, blob))


RECORD = st.fixed_dictionaries({"text": st.text(min_size=1, max_size=80)},
                               optional={"id": st.one_of(st.text(max_size=10), st.integers(), st.none()),
                                         "published": st.one_of(st.text(max_size=12), st.none()),
                                         "title": st.text(max_size=10)})


@given(records=st.lists(RECORD, max_size=8), junk=st.lists(st.binary(max_size=20), max_size=4))
def test_fuzz_readers_jsonl_keeps_every_good_line(records, junk):
    good = [json.dumps(r).encode("utf-8") for r in records]
    # An opening brace and no close, on one line: never valid JSON.
    bad = [b"{" + j.replace(b"\n", b"").replace(b"\r", b"") for j in junk]
    items = drain("jsonl", b"\n".join(good + bad))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.text for a in articles] == [r["text"] for r in records]
    assert sum(isinstance(i, ErrorResult) for i in items) == len(bad)


@given(cells=st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00\r"),
                               min_size=1, max_size=30), min_size=1, max_size=8))
def test_fuzz_readers_csv_round_trips_quoted_cells(cells):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "text"])
    writer.writerows([f"r{i}", cell] for i, cell in enumerate(cells))
    try:
        items = drain("csv", out.getvalue().encode("utf-8"))
    except InputError:
        return
    texts = [i.text for i in items if isinstance(i, Article)]
    assert all(t in cells or t.replace("\n", "") in [c.replace("\n", "") for c in cells] for t in texts)


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(blob=st.binary(max_size=256))
def test_fuzz_readers_read_inputs_turns_failures_into_results(tmp_path_factory, fmt, blob):
    path = tmp_path_factory.mktemp("fz") / "input.bin"
    path.write_bytes(blob)
    assert_well_formed(list(read_inputs([str(path)], input_format=fmt)))


@pytest.mark.parametrize("fragment,expected", [
    ("<p>Army withdrew.</p>\x15 Troops left.", "Army withdrew.\nTroops left."),  # found by atheris
    ("<p>Police\x01 said</p><p>more\x0b</p>", "Police said\nmore"),
])
def test_fuzz_readers_rss_entry_html_with_control_characters(fragment, expected):
    from sitrep.ingest.rss import html_to_text

    assert html_to_text(fragment) == expected


@pytest.mark.parametrize("data", [b'"\n', b'"head\ner",other\n1,2\n'])  # found by the long profile
def test_fuzz_readers_csv_header_with_newline_gives_one_line(data):
    with pytest.raises(InputError) as caught:
        drain_strict("csv", data)
    assert "\n" not in str(caught.value)


def drain_strict(fmt: str, data: bytes) -> list:
    return list(READERS[fmt](Source(where="fuzz", default_id="fuzz", data=data)))
