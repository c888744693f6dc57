"""Coverage-guided fuzzing of every reader with atheris, for a bounded time.

    .venv/bin/python bench/fuzz_readers.py --seconds 60            # all readers, 60 s each
    .venv/bin/python bench/fuzz_readers.py --reader rss --seconds 300

Each reader gets the raw bytes as an input file; the contract is the one the
property tests check (tests/test_fuzz_readers.py): yield Article or ErrorResult,
or raise InputError, and nothing else. A crash writes the input to
``--out``/crash-<reader>-<sha1> and the run reports it. Each reader runs in its
own child process (atheris owns the process it fuzzes); the summary is one
JSON line per reader plus a total, so results can be pasted into docs/reliability.md.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

READERS = ("text", "html", "jsonl", "csv", "rss", "warc")

#: A few small valid inputs per format, written for this harness, so mutation starts
#: from something each parser accepts.
SEEDS = {
    "text": [b"---\ntitle: T\npublished: 2020-01-02\n---\nPolice said on Monday.\r\n"],
    "html": [b"<html><head><title>T</title></head><body><article><p>Rebels shelled the town of Idlib on "
             b"Monday, a monitor said.</p></article></body></html>"],
    "jsonl": [b'{"id": "a", "text": "Troops left.", "published": "2020-01-02"}\n{"text": 5}\n[1]\n'],
    "csv": [b'id,text,date\na,"Police met, then left.",4/7/2017\n', b"title\ttext\nT\tBody\n"],
    "rss": [b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>t</title>'
            b"<link>http://example.org/1</link><description>&lt;p&gt;Army withdrew.&lt;/p&gt;</description>"
            b"<pubDate>Fri, 07 Apr 2017 09:14:00 GMT</pubDate></item></channel></rss>"],
    "warc": [b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/\r\nContent-Length: 80\r\n\r\n"
             b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Police said.</p></body></html>\r\n\r\n"],
}


def child(reader: str, seconds: int, out: Path) -> None:
    """Fuzz one reader in this process until time is up (atheris exits the process)."""
    import atheris

    with atheris.instrument_imports():
        from sitrep.errors import InputError
        from sitrep.ingest import READERS as FUNCS
        from sitrep.ingest.source import Source
        from sitrep.model import Article, ErrorResult

    read = FUNCS[reader]

    def one(data: bytes) -> None:
        try:
            for item in read(Source(where="fuzz", default_id="fuzz", data=data)):
                if not isinstance(item, (Article, ErrorResult)):
                    raise AssertionError(f"reader yielded {type(item).__name__}")
                if isinstance(item, ErrorResult) and "\n" in item.error:
                    raise AssertionError("error reason is more than one line")
        except InputError:
            pass

    corpus = out / f"corpus-{reader}"
    corpus.mkdir(parents=True, exist_ok=True)
    for n, seed in enumerate(SEEDS[reader]):
        (corpus / f"seed{n}").write_bytes(seed)
    args = [sys.argv[0], f"-max_total_time={seconds}", "-max_len=4096", "-rss_limit_mb=2048",
            f"-artifact_prefix={out}/crash-{reader}-", "-print_final_stats=1", str(corpus)]
    atheris.Setup(args, one)
    atheris.Fuzz()


def run_one(reader: str, seconds: int, out: Path) -> dict:
    """Run the child for ``reader``; its stats and any crash files it left."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, __file__, "--child", reader, "--seconds", str(seconds), "--out", str(out)],
                          capture_output=True, text=True, timeout=seconds + 120)
    log = proc.stderr
    (out / f"log-{reader}.txt").write_text(log, encoding="utf-8")
    stats = final_stats(log)
    crashes = sorted(p.name for p in out.glob(f"crash-{reader}-*"))
    return {"reader": reader, "seconds": round(time.monotonic() - start, 1), "exit": proc.returncode,
            "runs": stats.get("stat::number_of_executed_units", 0), "crashes": crashes,
            "peak_rss_mb": stats.get("stat::peak_rss_mb", 0)}


def final_stats(log: str) -> dict[str, int]:
    """libFuzzer's ``stat::name: value`` lines (printed with -print_final_stats=1)."""
    stats = {}
    for line in log.splitlines():
        key, sep, value = line.partition(": ")
        if key.startswith("stat::") and sep and value.strip().isdigit():
            stats[key] = int(value)
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reader", choices=READERS, action="append", help="reader(s) to fuzz (default all)")
    parser.add_argument("--seconds", type=int, default=60, help="time per reader (default 60)")
    parser.add_argument("--out", type=Path, default=Path("out/fuzz"), help="crash inputs and logs go here")
    parser.add_argument("--child", choices=READERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        child(args.child, args.seconds, args.out)
        return 0
    results = [run_one(reader, args.seconds, args.out) for reader in args.reader or READERS]
    for result in results:
        print(json.dumps(result))
    total = {"readers": len(results), "runs": sum(r["runs"] for r in results),
             "crashes": sum(len(r["crashes"]) for r in results)}
    print(json.dumps({"total": total}))
    return 1 if total["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
