"""``sitrep stories``, ``sitrep story ID`` and ``sitrep link``: articles linked into
stories across outlets.

Thin over :mod:`sitrep.link` and the store. ``--input`` JSONL (from ``sitrep analyze
--format jsonl``) is linked in memory; a store (``--db``) keeps its stories, linked
as articles are ingested, so these commands read them (after linking any article
left unlinked) and filter by date and place in the database.
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
    r = sub.add_parser("link", help="link stored articles into stories (ingest does this itself)",
                       description="Link every stored article that is not in a story yet, in one "
                                   "transaction; --rebuild forgets all stories and links every article again.")
    r.add_argument("--db", metavar="URL", help="the store (default $SITREP_DB or ./sitrep.db)")
    r.add_argument("--rebuild", action="store_true",
                   help="drop every story and link all articles again with today's settings "
                        "(a story keeps its id while its first article stays first)")
    r.add_argument("--redescribe", action="store_true",
                   help="keep every story's articles but describe every story again (after an upgrade "
                        "that changed contradictions or framing)")
    r.set_defaults(func=run_link)


def _common(p) -> None:
    p.add_argument("--input", type=Path, metavar="FILE.jsonl",
                   help="analysed documents from `sitrep analyze --format jsonl`")
    p.add_argument("--db", metavar="URL",
                   help="the store to read (default $SITREP_DB or ./sitrep.db) when no --input is given")


def _filter(args):
    from sitrep.store.stories import StoryFilter

    return StoryFilter(since=getattr(args, "since", None), until=getattr(args, "until", None),
                       place=getattr(args, "place", None))


def _load(args, *, full: bool = True) -> list[dict]:
    """Stories (``Story.to_dict()``; with ``full=False`` a store gives its summary rows) of
    the analysed documents in --input, else of the store (--db, $SITREP_DB, ./sitrep.db)."""
    flt = _filter(args)
    if args.input is not None:
        return [s for s in (st.to_dict() for st in link_documents(_read_jsonl(args.input))) if flt.matches(s)]
    return stories_in_store(args.db, flt, full=full)


def link_documents(docs: list[dict], copies: dict[str, str] | None = None) -> list:
    """Stories of analysed documents (``to_dict`` form); ``copies``: external id -> original's."""
    from sitrep.link import link_stories, result_from_dict

    return link_stories([result_from_dict(d) for d in docs if "text" in d and "error" not in d],
                        near_duplicate_of=copies or None)


def stories_in_store(url: str | None, flt=None, *, full: bool = True) -> list[dict]:
    """The store's persisted stories matching ``flt``, after linking any unlinked article:
    full stories, or (``full=False``) their summary rows, which load no story body."""
    from sitrep.store import open_store, stories
    from sitrep.store.linker import link_pending

    flt = flt or stories.StoryFilter()
    with open_store(url) as store:
        link_pending(store)
        with store.engine.connect() as conn:
            return stories.stories(conn, flt) if full else stories.summaries(conn, flt)


def story_in_store(url: str | None, story_id: str) -> dict | None:
    from sitrep.store import open_store, stories
    from sitrep.store.linker import link_pending

    with open_store(url) as store:
        link_pending(store)
        with store.engine.connect() as conn:
            return stories.story(conn, story_id)


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


def _count(value) -> int:
    """A summary row's count, or the length of a full story's list."""
    return value if isinstance(value, int) else len(value or [])


def run_stories(args: argparse.Namespace) -> int:
    found = _load(args, full=args.format == "jsonl")
    if args.format == "jsonl":
        for s in found:
            print(json.dumps(s, ensure_ascii=False))
        return EXIT_OK
    print(f"{'id':<14} {'start':<10} {'end':<10} {'arts':>4} {'indep':>5} {'contra':>6}  title")
    for s in found:
        print(f"{s['id']:<14} {s['start'] or '-':<10} {s['end'] or '-':<10} {_count(s['articles']):>4} "
              f"{s['independent_sources']:>5} {_count(s['contradictions']):>6}  {(s['title'] or '')[:70]}")
    return EXIT_OK


def run_story(args: argparse.Namespace) -> int:
    if args.input is not None:
        story = next((s for s in _load(args) if s["id"] == args.id), None)
    else:
        story = story_in_store(args.db, args.id)
    if story is None:
        report_error(f"no story {args.id!r} (list them with `sitrep stories`)")
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(story, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render(story))
    return EXIT_OK


def run_link(args: argparse.Namespace) -> int:
    from sitrep.store import open_store
    from sitrep.store.linker import link_pending

    with open_store(args.db) as store:
        summary = link_pending(store, rebuild=args.rebuild, redescribe=args.redescribe)
    print(f"linked {summary.linked} articles: {summary.created} new stories, "
          f"{summary.changed - summary.created} rewritten, in {summary.seconds:.1f}s", file=sys.stderr)
    return EXIT_OK


def render(story: dict) -> str:
    """A story (``Story.to_dict()``) for reading: header, articles, events, contradictions
    with evidence, framing."""
    lines = [f"{story['id']}  {story['title']}",
             f"  {story['start']} .. {story['end']}  places: {', '.join(story['places']) or '-'}",
             f"  {len(story['articles'])} articles from {', '.join(story['sources'])} "
             f"({story['independent_sources']} independent)", "", "Events:"]
    lines += [f"  {e['event']:<10} {e['independent_sources']} independent: {', '.join(e['sources'])}"
              for e in story["events"]]
    lines += ["", "Contradictions:"] if story["contradictions"] else ["", "Contradictions: none"]
    for c in story["contradictions"]:
        lines.append(f"  {c['slot']} ({c['about']}): {c['rule']}")
        for v in c["values"]:
            ev = v["evidence"][0] if v["evidence"] else None
            lines.append(f"    {v['value']:<14} {', '.join(v['sources'])}  [{', '.join(v['articles'])}]"
                         + (f"  \"{ev['text'][:90]}\"" if ev else ""))
    for u in story["updates"]:
        lines.append(f"  update {u['slot']} by {u['source']}: {u['before']['value']} -> {u['after']['value']}")
    table = (story.get("framing") or {}).get("actor_labels", {})
    if table:
        lines += ["", "How outlets name actors:"]
        for target, row in table.items():
            lines.append(f"  {target}: " + "; ".join(f"{src}: {', '.join(labels)}" for src, labels in row.items()))
    return "\n".join(lines) + "\n"
