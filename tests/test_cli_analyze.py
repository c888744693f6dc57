"""`sitrep analyze`: the contract other tools rely on, and bad input handled in one line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUTS = [
    ("empty.txt", b"", "empty input"),
    ("blank.txt", b"  \n\n \t", "empty input"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("latin1.txt", "Caf\u00e9 bombing in Beirut".encode("latin-1"), "not valid UTF-8"),
    ("nobody.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
     "no article text"),
]


@pytest.mark.parametrize("name,data,reason", BAD_INPUTS)
def test_cli_analyze_bad_input_one_line_error(tmp_path, capsys, name, data, reason):
    path = write(tmp_path, name, data)
    code, out, err = run_cli(capsys, "analyze", str(path), "--format", "jsonl")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in err
    assert json.loads(out)["error"].startswith(str(path))


@pytest.mark.parametrize("missing", ["does/not/exist.txt"])
def test_cli_analyze_missing_path(tmp_path, capsys, missing):
    code, out, err = run_cli(capsys, "analyze", str(tmp_path / missing))
    assert code == 1
    assert "no such file or directory" in err and missing in err


@pytest.mark.parametrize("megabytes", [20])
def test_cli_analyze_huge_text_refused_with_reason(tmp_path, capsys, megabytes):
    line = b"Troops shelled the village on Monday, officials said. " * 20
    path = write(tmp_path, "huge.txt", (line + b"\n") * (megabytes * 1024 * 1024 // (len(line) + 1)))
    code, out, err = run_cli(capsys, "analyze", str(path), "--format", "jsonl")
    assert code == 1
    assert "too large" in err and "--max-chars" in err and str(path) in err


@pytest.mark.parametrize("bad_line", ["{not json", "[1, 2]", '{"id": "x"}', '{"id": "y", "text": 5}'])
def test_cli_analyze_malformed_jsonl_lines_keep_the_batch(tmp_path, capsys, bad_line):
    good = {"id": "ok-1", "text": "Police arrested 12 protesters in Lagos on Monday.", "published": "2020-10-20"}
    good2 = {"id": "ok-2", "text": "The army withdrew from the town on Friday.", "published": "2020-10-20"}
    path = write(tmp_path, "batch.jsonl",
                 "\n".join([json.dumps(good), bad_line, json.dumps(good2)]).encode())
    code, out, err = run_cli(capsys, "analyze", str(path), "--input-format", "jsonl", "--format", "jsonl")
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [d.get("id") for d in docs][0] == "ok-1" and docs[2]["id"] == "ok-2"
    assert "error" in docs[1] and f"{path}:2" in docs[1]["error"]
    assert len(err.strip().splitlines()) == 1


def test_cli_analyze_jsonl_contract_fields(capsys):
    code, out, err = run_cli(capsys, "analyze", str(EXAMPLES / "truce-reports.jsonl"), "--format", "jsonl")
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ["wire-a-101", "wire-b-207"]
    for d in docs:
        assert {"id", "text", "published", "title", "source", "events", "quotes", "times",
                "places", "entities", "links", "framing"} <= set(d)
        for item in d["times"] + d["places"] + d["entities"] + d["framing"]:
            assert d["text"][item["start"]:item["end"]] == item["text"]


def test_cli_analyze_directory_reads_every_format(capsys):
    code, out, err = run_cli(capsys, "analyze", str(EXAMPLES), "--format", "jsonl", "--published", "2016-10-18")
    assert code == 0, err
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert "eu-sanctions-iran" in ids and "nairobi-fuel-protest" in ids and "wire-b-207" in ids


def test_cli_analyze_html_metadata(capsys):
    code, out, err = run_cli(capsys, "analyze", str(EXAMPLES / "eu-sanctions-iran.html"), "--format", "json")
    doc = json.loads(out)[0]
    assert doc["title"] == "EU imposes sanctions on Iranian officials over drone exports"
    assert doc["published"].startswith("2023-07-20") and doc["source"] == "Example Wire"
    assert "Copyright" not in doc["text"] and "Home" not in doc["text"]


def test_cli_analyze_stdin_and_text_format():
    text = "Protesters marched in Nairobi on Monday, police said.\n"
    proc = subprocess.run([sys.executable, "-m", "sitrep", "analyze", "-", "--published", "2023-07-10",
                           "--format", "text"], input=text.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "published 2023-07-10" in proc.stdout.decode()


@pytest.mark.parametrize("argv", [["analyze", "--format", "xml"], ["analyze", "--published", "yesterday", "x.txt"],
                                  ["analyze", "--input-format", "pdf"]])
def test_cli_analyze_usage_errors_exit_2(capsys, argv):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse rejects bad choices itself
        code = exc.code
    assert code == 2


def test_cli_analyze_debug_shows_traceback_only_when_asked(tmp_path, monkeypatch):
    path = write(tmp_path, "ok.txt", b"The army withdrew from the town on Friday.")
    env_code = ("import sitrep.pipeline as p\n"
                "def boom(ctx): raise RuntimeError('layer exploded')\n"
                "p.LAYERS = (('entities', boom),)\n"
                "from sitrep.cli import main\n"
                "import sys; sys.exit(main(sys.argv[1:]))\n")
    quiet = subprocess.run([sys.executable, "-c", env_code, "analyze", str(path)], capture_output=True, timeout=120)
    loud = subprocess.run([sys.executable, "-c", env_code, "--debug", "analyze", str(path)],
                          capture_output=True, timeout=120)
    assert quiet.returncode == 1 and b"Traceback" not in quiet.stderr
    assert b"layer exploded" in quiet.stderr and b"--debug" in quiet.stderr
    assert loud.returncode != 0 and b"Traceback" in loud.stderr


@pytest.mark.parametrize("text, width, expected", [
    ("short enough", 40, "short enough"),
    ("UN special envoy to Syria Staffan de Mistura", 40, "UN special envoy to Syria Staffan de…"),
    ("x" * 50, 10, "x" * 9 + "…"),                      # no space: a hard cut
    ("line one\n  line two", 40, "line one line two"),  # one line
])
def test_text_format_clips_long_spans_at_a_word_boundary(text, width, expected):
    from sitrep.export.text import _clip

    assert _clip(text, width) == expected
