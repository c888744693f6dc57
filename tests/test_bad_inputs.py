"""The bad-input corpus: every bad item gets its one-line reason, the batch goes
on, and nothing good is lost. Inputs are generated here (in tmp), never stored."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.model import Article, ErrorResult

GOOD = "Police in Nairobi arrested twelve protesters on Tuesday, a spokesman said.\n"
NO_BODY_HTML = "<html><head><title>Only a title</title></head></html>"
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">\n' for i in range(1, 10))
          + ']>\n<rss version="2.0"><channel><title>Bomb</title><item><title>t</title>'
          "<description>Rebels shelled the town on Monday. &lol9;</description></item></channel></rss>\n")

#: name -> (file bytes, words the one-line reason must contain)
BAD = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n", "empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "latin1.txt": ("Caf\u00e9 bomb\u00e9 au march\u00e9".encode("latin-1"), "UTF-8"),
    "nobody.html": (NO_BODY_HTML.encode(), "no article text"),
    "laughs.rss": (LAUGHS.encode(), None),  # refused or read without expansion, see below
}


def reasons(items: list) -> dict[str, str]:
    return {Path(i.origin or i.id).name: i.error for i in items if isinstance(i, ErrorResult)}


@pytest.mark.parametrize("name,data,expected", [(n, d, e) for n, (d, e) in BAD.items() if e])
def test_bad_inputs_each_gets_one_line_reason(tmp_path, name, data, expected):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Article)] == [GOOD]
    reason = reasons(items)[name]
    assert expected.lower() in reason.lower() and "\n" not in reason and name in reason


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                          ("utf-8", b"\xef\xbb\xbf")])
def test_bad_inputs_bom_marked_text_is_read(tmp_path, encoding, bom):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + GOOD.encode(encoding))
    (article,) = read_inputs([str(path)])
    assert article.text == GOOD


@pytest.mark.parametrize("raw", [b"One line.\r\nTwo line.\rThree line.\nFour.\r\n"])
def test_bad_inputs_mixed_line_endings_become_newlines(tmp_path, raw):
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw)
    (article,) = read_inputs([str(path)])
    assert article.text == "One line.\nTwo line.\nThree line.\nFour.\n"


@pytest.mark.parametrize("layers", [frozenset(), frozenset({"times", "places", "quotes", "events", "framing"})])
def test_bad_inputs_mixed_line_endings_keep_offsets_exact(tmp_path, layers):
    from sitrep import process_batch
    from sitrep.settings import Settings

    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Rebels shelled Aleppo on Monday.\r\n\r\nThe army said\r it would respond.\n")
    (result,) = process_batch(read_inputs([str(path)]), settings=Settings(layers=layers))
    for e in result.entities:
        assert result.article.text[e.start:e.end] == e.text


BIG_SCRIPT = """
import sys, time
from sitrep import process_batch
from sitrep.ingest import read_inputs
from sitrep.settings import Settings
start = time.monotonic()
results = list(process_batch(read_inputs([sys.argv[1], sys.argv[2]]), settings=Settings(layers=frozenset())))
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across execve from the (large) test session.
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(time.monotonic() - start, hwm // 1024)
for r in results:
    print(type(r).__name__, getattr(r, "error", ""))
"""


@pytest.mark.slow
@pytest.mark.parametrize("megabytes,max_seconds,max_rss_mb", [(50, 30, 1200)])
def test_bad_inputs_huge_article_refused_fast_with_bounded_memory(tmp_path, megabytes, max_seconds, max_rss_mb):
    big = tmp_path / "huge.txt"
    line = "The committee met again and issued a statement about the harbour. " * 15 + "\n"
    with open(big, "w", encoding="utf-8") as fh:
        for _ in range(megabytes * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", BIG_SCRIPT, str(big), str(good)], capture_output=True,
                         text=True, timeout=120, check=True).stdout.splitlines()
    seconds, rss_mb = out[0].split()
    assert out[1].startswith("ErrorResult") and "too large" in out[1] and "--max-chars" in out[1]
    assert out[2] == "DocumentResult "
    assert float(seconds) < max_seconds and int(rss_mb) < max_rss_mb, out[0]


def write_jsonl(path: Path, n: int, bad_every: int) -> set[int]:
    """``n`` lines, every ``bad_every``-th malformed in a different way; returns the bad line numbers."""
    breakers = [lambda r: r[:-1], lambda r: "[1, 2]", lambda r: '{"id": "x"}', lambda r: '{"text": 5}',
                lambda r: r.replace('"text"', "'text'"), lambda r: "\udcff"]
    bad, lines = set(), []
    for i in range(1, n + 1):
        record = json.dumps({"id": f"a{i}", "text": f"Rebels met officials {i}."})
        if i % bad_every == 0:
            record = breakers[(i // bad_every) % len(breakers)](record)
            bad.add(i)
        lines.append(record)
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape") + b"\n")
    return bad


@pytest.mark.slow
@pytest.mark.parametrize("n,bad_every", [(10_000, 100)])
def test_bad_inputs_jsonl_malformed_lines_lose_nothing_good(tmp_path, n, bad_every):
    from sitrep import process_batch
    from sitrep.model import DocumentResult
    from sitrep.settings import Settings

    path = tmp_path / "big.jsonl"
    bad = write_jsonl(path, n, bad_every)
    start = time.monotonic()
    results = list(process_batch(read_inputs([str(path)]), settings=Settings(layers=frozenset(), batch_size=256)))
    analysed = [r.article.id for r in results if isinstance(r, DocumentResult)]
    errors = [r for r in results if isinstance(r, ErrorResult)]
    assert analysed == [f"a{i}" for i in range(1, n + 1) if i not in bad]
    assert sorted(int(e.origin.rsplit(":", 1)[1]) for e in errors) == sorted(bad)
    assert all(e.error and "\n" not in e.error for e in errors)
    assert time.monotonic() - start < 120


@pytest.mark.parametrize("n,bad_every", [(1000, 100)])
def test_bad_inputs_jsonl_reader_reports_each_bad_line(tmp_path, n, bad_every):
    path = tmp_path / "small.jsonl"
    bad = write_jsonl(path, n, bad_every)
    items = list(read_inputs([str(path)]))
    assert sum(isinstance(i, Article) for i in items) == n - len(bad)
    assert {int(i.origin.rsplit(":", 1)[1]) for i in items if isinstance(i, ErrorResult)} == bad


def warc_gz(pages: list[str]) -> bytes:
    """A WARC.gz of HTML responses, written with warcio (digests included)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://example.org/{n}", "response",
                                                      payload=io.BytesIO(page.encode()), http_headers=headers))
    return out.getvalue()


PAGE = ("<html><body><article><h1>Story {n}</h1><p>Police in Nairobi arrested {n} protesters on Tuesday "
        "after a march through the city centre, officials said.</p></article></body></html>")


@pytest.mark.parametrize("keep", [0.97, 0.8, 0.5])
def test_bad_inputs_truncated_warc_keeps_whole_records(tmp_path, keep):
    data = warc_gz([PAGE.format(n=n) for n in range(6)])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:int(len(data) * keep)])
    items = list(read_inputs([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == [f"http://example.org/{n}" for n in range(len(articles))]
    assert all(f"arrested {n} protesters" in a.text for n, a in enumerate(articles))
    assert len(articles) < 6
    errors = [i for i in items if isinstance(i, ErrorResult)]
    assert len(errors) <= 1 and all("\n" not in e.error for e in errors)


@pytest.mark.parametrize("payload", [LAUGHS])
def test_bad_inputs_billion_laughs_never_expands(tmp_path, payload):
    path = tmp_path / "laughs.rss"
    path.write_text(payload, encoding="utf-8")
    start = time.monotonic()
    items = list(read_inputs([str(path)]))
    assert time.monotonic() - start < 5
    for item in items:
        text = item.text if isinstance(item, Article) else item.error
        assert "lollol" not in text and len(text) < 1000


@pytest.mark.parametrize("payload", [
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<rss version="2.0"><channel><item><description>Army said &x; today.</description></item></channel></rss>',
])
def test_bad_inputs_external_entities_are_not_read(tmp_path, payload):
    path = tmp_path / "xxe.rss"
    path.write_text(payload, encoding="utf-8")
    for item in read_inputs([str(path)]):
        assert "root:" not in (item.text if isinstance(item, Article) else item.error)


@pytest.mark.parametrize("names", [sorted(BAD)])
def test_bad_inputs_whole_corpus_in_one_batch_loses_nothing(tmp_path, names):
    from sitrep import process_batch
    from sitrep.model import DocumentResult
    from sitrep.settings import Settings

    for name in names:
        (tmp_path / name).write_bytes(BAD[name][0])
    (tmp_path / "cut.warc.gz").write_bytes(warc_gz([PAGE.format(n=n) for n in range(3)])[:-200])
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "z-good.txt").write_text(GOOD.replace("Nairobi", "Mombasa"), encoding="utf-8")
    results = list(process_batch(read_inputs([str(tmp_path)]), settings=Settings(layers=frozenset())))
    good = {Path(r.article.origin).name for r in results if isinstance(r, DocumentResult)}
    assert {"a-good.txt", "z-good.txt"} <= good
    failed = reasons(results)
    assert set(n for n, (_, e) in BAD.items() if e) <= set(failed)
    assert all("\n" not in reason for reason in failed.values())
