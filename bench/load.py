"""A bounded load test of ``sitrep serve`` on loopback while an ingest writes to the same store.

    .venv/bin/python bench/load.py                              # 50 clients, 60 s
    .venv/bin/python bench/load.py --clients 10 --seconds 10    # a quick look

What it does, all on 127.0.0.1 (no other address is ever contacted):
1. writes a temporary store with ``--articles`` generated articles (``sitrep ingest``);
2. starts ``sitrep serve`` on a free loopback port over that store;
3. starts a second ``sitrep ingest`` of new articles into the same store;
4. runs ``--clients`` threads for ``--seconds`` (and at most ``--max-requests`` requests),
   each cycling through the main pages and API endpoints;
5. prints one JSON line per route (requests, errors, p50/p99 ms) and a total line.

Any status other than 200 or a transport error counts as an error; the exit code
is 1 when there was any. Everything it started is stopped and removed at the end.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"  # the only address this script talks to
ROUTES = ["/", "/stories", "/events", "/events?type=ASSAULT", "/search?q=convoy", "/articles/{id}",
          "/api/events?limit=50", "/api/articles", "/api/search?q=market", "/api/stories", "/api/articles/{id}"]

TOWNS = ["Azaz", "Manbij", "Hama", "Douma", "Idlib", "Kobani", "Afrin", "Saraqib", "Homs", "Deraa"]
SENTENCES = [
    "Government aircraft struck a market in {town} on {day}, killing {n} people, a monitoring group said.",
    "An aid convoy of {n} trucks reached {town} on {day}, the Red Crescent said.",
    "Hundreds protested in {town} on {day} demanding the release of {n} detainees.",
    "Officials from both sides met in {town} on {day} to discuss a ceasefire, a mediator told reporters.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_corpus(path: Path, n: int, *, prefix: str, seed: int) -> None:
    """``n`` generated articles (three template sentences each) as JSON Lines."""
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            town = rnd.choice(TOWNS)
            text = " ".join(s.format(town=town, day=rnd.choice(DAYS), n=rnd.randint(2, 90))
                            for s in rnd.sample(SENTENCES, 3))
            fh.write(json.dumps({"id": f"{prefix}{i:04d}", "text": text, "published": f"2016-05-{1 + i % 28:02d}",
                                 "source": f"Outlet {i % 5}"}) + "\n")


def sitrep(*args: str) -> list[str]:
    return [sys.executable, "-m", "sitrep", *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"sitrep serve exited early ({proc.returncode})")
        try:
            if httpx.get(base + "/api/articles?limit=1", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("sitrep serve did not answer in time")


class Recorder:
    """Latencies and errors per route, shared by the client threads."""

    def __init__(self, max_requests: int):
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {r: [] for r in ROUTES}
        self.errors: dict[str, list[str]] = {r: [] for r in ROUTES}
        self.left = max_requests

    def take(self) -> bool:
        with self.lock:
            self.left -= 1
            return self.left >= 0

    def add(self, route: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latency[route].append(seconds)
            if error:
                self.errors[route].append(error)


def client_loop(base: str, ids: list[str], stop: float, rec: Recorder, seed: int) -> None:
    import httpx

    rnd = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30, headers={"Accept": "text/html,application/json"}) as http:
        while time.monotonic() < stop and rec.take():
            route = rnd.choice(ROUTES)
            path = route.replace("{id}", rnd.choice(ids))
            start = time.perf_counter()
            try:
                status = http.get(path).status_code
                error = None if status == 200 else f"{path}: HTTP {status}"
            except httpx.HTTPError as err:
                error = f"{path}: {type(err).__name__}"
            rec.add(route, time.perf_counter() - start, error)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def summary(rec: Recorder, seconds: float) -> list[dict]:
    rows = []
    for route in ROUTES:
        lat = rec.latency[route]
        rows.append({"route": route, "requests": len(lat), "errors": len(rec.errors[route]),
                     "p50_ms": round(percentile(lat, 0.50) * 1000, 1), "p99_ms": round(percentile(lat, 0.99) * 1000, 1),
                     "first_error": rec.errors[route][0] if rec.errors[route] else None})
    total = sum(r["requests"] for r in rows)
    every = [x for lat in rec.latency.values() for x in lat]
    rows.append({"route": "TOTAL", "requests": total, "errors": sum(r["errors"] for r in rows),
                 "rps": round(total / seconds, 1), "p50_ms": round(percentile(every, 0.5) * 1000, 1),
                 "p99_ms": round(percentile(every, 0.99) * 1000, 1)})
    return rows


def run(args: argparse.Namespace, work: Path) -> int:
    db = f"sqlite:///{work / 'load.db'}"
    first, second = work / "first.jsonl", work / "second.jsonl"
    write_corpus(first, args.articles, prefix="a", seed=1)
    write_corpus(second, args.ingest_articles, prefix="b", seed=2)
    subprocess.run(sitrep("ingest", str(first), "--db", db), check=True, capture_output=True)
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = subprocess.Popen(sitrep("serve", "--db", db, "--host", HOST, "--port", str(port)),
                              stdout=subprocess.DEVNULL, stderr=open(work / "serve.log", "wb"))
    ingest = None
    try:
        wait_ready(base, server)
        ingest = subprocess.Popen(sitrep("ingest", str(second), "--db", db, "--batch-size", "4"),
                                  stdout=subprocess.DEVNULL, stderr=open(work / "ingest.log", "wb"))
        rec = Recorder(args.max_requests)
        ids = [f"a{i:04d}" for i in range(args.articles)]
        started = time.monotonic()
        stop = started + args.seconds
        threads = [threading.Thread(target=client_loop, args=(base, ids, stop, rec, n)) for n in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        rows = summary(rec, time.monotonic() - started)
        ingest_code = ingest.wait(timeout=args.seconds + 600)
    finally:
        for proc in (ingest, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
    for row in rows:
        print(json.dumps(row))
    print(json.dumps({"clients": args.clients, "seconds": args.seconds, "ingest_exit": ingest_code,
                      "ingest_log_tail": (work / "ingest.log").read_text(errors="replace").strip().splitlines()[-1:]}))
    return 1 if rows[-1]["errors"] or ingest_code else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50, at most 200)")
    parser.add_argument("--seconds", type=float, default=60, help="how long the clients run (default 60, at most 600)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    parser.add_argument("--articles", type=int, default=200, help="articles in the store before the run")
    parser.add_argument("--ingest-articles", type=int, default=1000, help="articles ingested during the run")
    args = parser.parse_args()
    if not (1 <= args.clients <= 200 and 0 < args.seconds <= 600):
        parser.error("--clients must be 1..200 and --seconds 0..600 (this is a bounded test)")
    with tempfile.TemporaryDirectory(prefix="sitrep-load-") as work:
        return run(args, Path(work))


if __name__ == "__main__":
    sys.exit(main())
