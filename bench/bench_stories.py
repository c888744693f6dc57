"""Stories in the store (issue 6): reading persisted stories against re-linking, and
what linking adds to ingest.

    .venv/bin/python bench/bench_stories.py sqlite:///fakes.db [--tail 10] [--repeat 3]

The source store holds analysed articles (``sitrep ingest ... --no-link``). Its
documents are replayed, oldest first, into a fresh SQLite store (no analysis), then:

- ``relink_s``: what ``sitrep stories --db`` did before stories were kept: read every
  analysis, link the whole corpus, describe every story;
- ``link_all_s``: one linking pass over every article (``sitrep link --rebuild``);
- ``link_tail_s``: a pass adding the last ``--tail`` articles to the other stories
  (the work an ingest of that many new articles now adds), and ``link_one_s`` for one;
- ``list_s`` / ``jsonl_s``: ``sitrep stories --db`` table / jsonl over the persisted rows.

Each time is the best of ``--repeat`` runs in this process. One JSON object is printed.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return round(min(times), 3), out


def replay(source: str, target: str, tail: int) -> tuple[list, list]:
    """Copy the source's articles into ``target``, all but the last ``tail``; returns the
    copied and the held-back rows (near-duplicate links re-pointed at the copies' ids)."""
    from sqlalchemy import select

    from sitrep.store import open_store, schema as s
    from sitrep.store.writer import ArticleRow

    with open_store(source) as src, src.engine.connect() as conn:
        a = s.articles
        rows = [(r.id, ArticleRow(doc=json.loads(r.result_json), content_hash=r.content_hash,
                                  origin=r.origin, status=r.status, minhash=r.minhash,
                                  near_duplicate_of=r.near_duplicate_of, similarity=1.0))
                for r in conn.execute(select(a).where(a.c.status != "imported").order_by(a.c.id))]
    ids: dict[int, int] = {}
    head, held = rows[:len(rows) - tail], rows[len(rows) - tail:]
    with open_store(target) as dst:
        for old_id, row in head:
            add(dst, old_id, row, ids)
    return head, [(old_id, row, ids) for old_id, row in held]


def add(store, old_id: int, row, ids: dict[int, int]) -> None:
    if row.near_duplicate_of is not None:
        row.near_duplicate_of = ids[row.near_duplicate_of]
    ids[old_id] = store.add(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a store of analysed articles (sqlite:///... or postgresql://...)")
    parser.add_argument("--tail", type=int, default=10, help="articles added by the incremental pass")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from sitrep.cli.stories import link_documents, stories_in_store
    from sitrep.store import open_store, queries
    from sitrep.store.linker import link_pending

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'stories.db'}"
        head, tail = replay(args.source, url, args.tail)

        def relink():
            with open_store(url) as store, store.engine.connect() as conn:
                docs = queries.documents(conn)
            return link_documents([d for d, _ in docs], {d["id"]: o for d, o in docs if o})

        relink_s, relinked = best(relink, args.repeat)
        with open_store(url) as store:
            link_all_s, _ = best(lambda: link_pending(store, rebuild=True), args.repeat)
            for held in tail[:-1]:
                add(store, *held)
            start = time.perf_counter()
            summary = link_pending(store)
            link_tail_s = round(time.perf_counter() - start, 3)
            add(store, *tail[-1])
            start = time.perf_counter()
            one = link_pending(store)
            link_one_s = round(time.perf_counter() - start, 3)
        list_s, rows = best(lambda: stories_in_store(url, full=False), args.repeat)
        jsonl_s, _ = best(lambda: stories_in_store(url), args.repeat)
    print(json.dumps({"articles": len(head) + len(tail), "stories_relinked": len(relinked),
                      "stories_persisted": len(rows), "relink_s": relink_s, "link_all_s": link_all_s,
                      "tail": len(tail) - 1, "link_tail_s": link_tail_s, "tail_stories_written": summary.changed,
                      "link_one_s": link_one_s, "one_stories_written": one.changed,
                      "list_s": list_s, "jsonl_s": jsonl_s}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
