"""``sitrep stories`` and ``sitrep story ID``: articles linked into stories across outlets.

Thin over :mod:`sitrep.link`: read analysed documents (``--input`` JSONL from
``sitrep analyze --format jsonl``, or the store at ``--db``), link them, filter
by date and place, print one object per story (jsonl) or a table.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.cli import EXIT_OK, EXIT_USAGE, report_error
from sitrep.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser("stories", help="link analysed articles into stories across outlets",
                       description="Link analysed articles into stories: corroboration, "
                                   "contradictions (dead, injured, duration, date, ...) and framing.")
    _common(p)
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only stories ending on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only stories starting on or before this date")
    p.add_argument("--place", help="only stories naming this place (case-insensitive)")
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.set_defaults(func=run_stories)
    q = sub.add_parser("story", help="show one story, readable",
                       description="Show one story: its articles, corroboration, contradictions, framing.")
    q.add_argument("id", help="story id as printed by `sitrep stories`")
    _common(q)
    q.add_argument("--format", choices=["text", "json"], default="text")
    q.set_defaults(func=run_story)


def _common(p) -> None:
    p.add_argument("--input", type=Path, metavar="FILE.jsonl",
                   help="analysed documents from `sitrep analyze --format jsonl`")
    p.add_argument("--db", metavar="URL",
                   help="the store to read (default $SITREP_DB or ./sitrep.db) when no --input is given")


def _load(args) -> list:
    """Stories of the analysed documents in --input, else in the store (--db, $SITREP_DB, ./sitrep.db)."""
    if args.input is not None:
        return link_documents(_read_jsonl(args.input))
    return stories_in_store(args.db)


def link_documents(docs: list[dict], copies: dict[str, str] | None = None) -> list:
    """Stories of analysed documents (``to_dict`` form); ``copies``: external id -> original's."""
    from sitrep.link import link_stories, result_from_dict

    return link_stories([result_from_dict(d) for d in docs if "text" in d and "error" not in d],
                        near_duplicate_of=copies or None)


def stories_in_store(url: str | None) -> list:
    """Stories of every article in the store; near-duplicate copies count once."""
    from sitrep.store import open_store, queries

    with open_store(url) as store, store.engine.connect() as conn:
        docs = queries.documents(conn)
    return link_documents([d for d, _ in docs], {d["id"]: orig for d, orig in docs if orig})


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise UsageError(f"--input {path}: no such file")
    docs = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise UsageError(f"{path}:{n}: not JSON ({err.msg}); expected "
                                     "`sitrep analyze --format jsonl` output") from None
    return docs


def _keep(story, args) -> bool:
    if args.since and (story.end or "") < args.since:
        return False
    if args.until and (story.start or "9999") > args.until:
        return False
    if args.place and args.place.lower() not in {p.lower() for p in story.places}:
        return False
    return True


def run_stories(args: argparse.Namespace) -> int:
    found = [s for s in _load(args) if _keep(s, args)]
    if args.format == "jsonl":
        for s in found:
            print(json.dumps(s.to_dict(), ensure_ascii=False))
        return EXIT_OK
    print(f"{'id':<14} {'start':<10} {'end':<10} {'arts':>4} {'indep':>5} {'contra':>6}  title")
    for s in found:
        print(f"{s.id:<14} {s.start or '-':<10} {s.end or '-':<10} {len(s.articles):>4} "
              f"{s.independent_sources:>5} {len(s.contradictions):>6}  {s.title[:70]}")
    return EXIT_OK


def run_story(args: argparse.Namespace) -> int:
    match = [s for s in _load(args) if s.id == args.id]
    if not match:
        report_error(f"no story {args.id!r} (list them with `sitrep stories`)")
        return EXIT_USAGE
    story = match[0]
    if args.format == "json":
        print(json.dumps(story.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render(story))
    return EXIT_OK


def render(story) -> str:
    """A story for reading: header, articles, events, contradictions with evidence, framing."""
    lines = [f"{story.id}  {story.title}", f"  {story.start} .. {story.end}  places: {', '.join(story.places) or '-'}",
             f"  {len(story.articles)} articles from {', '.join(story.sources)} "
             f"({story.independent_sources} independent)", "", "Events:"]
    lines += [f"  {e.event:<10} {e.independent_sources} independent: {', '.join(e.sources)}" for e in story.events]
    lines += ["", "Contradictions:"] if story.contradictions else ["", "Contradictions: none"]
    for c in story.contradictions:
        lines.append(f"  {c.slot} ({c.about}): {c.rule}")
        for v in c.values:
            ev = v.evidence[0] if v.evidence else None
            lines.append(f"    {v.value:<14} {', '.join(v.sources)}  [{', '.join(v.articles)}]"
                         + (f"  \"{ev.text[:90]}\"" if ev else ""))
    for u in story.updates:
        lines.append(f"  update {u.slot} by {u.source}: {u.before.value} -> {u.after.value}")
    table = story.framing.get("actor_labels", {})
    if table:
        lines += ["", "How outlets name actors:"]
        for target, row in table.items():
            lines.append(f"  {target}: " + "; ".join(f"{src}: {', '.join(labels)}" for src, labels in row.items()))
    return "\n".join(lines) + "\n"
