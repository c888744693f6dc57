"""``sitrep serve`` (the web desk) and ``sitrep report`` (a situation report file)."""
from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from sitrep.cli import EXIT_OK
from sitrep.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the web desk and JSON API over a store",
                       description="Serve the analyst's desk (pages and /api) over a corpus store. "
                                   "Writes (POST /api/articles) need SITREP_TOKEN set.")
    p.add_argument("--db", metavar="URL", help="store URL or SQLite path (default $SITREP_DB or ./sitrep.db)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default %(default)s: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default %(default)s)")
    p.set_defaults(func=run_serve)

    r = sub.add_parser("report", help="write a situation report (HTML or Markdown)",
                       description="A self-contained situation report for a story, a place, or a date window: "
                                   "summary, dated key events with sources, quotes, contradictions, "
                                   "framing and the source list.")
    which = r.add_mutually_exclusive_group()
    which.add_argument("--story", metavar="ID", help="a story id (see /api/stories)")
    which.add_argument("--place", metavar="NAME", help="events at places whose name contains NAME")
    r.add_argument("--since", metavar="YYYY-MM-DD", help="first day of events to include")
    r.add_argument("--until", metavar="YYYY-MM-DD", help="last day of events to include")
    r.add_argument("--format", choices=["html", "md"], default="html")
    r.add_argument("--output", "-o", type=Path, metavar="FILE", help="write here instead of standard output")
    r.add_argument("--db", metavar="URL", help="store URL or SQLite path (default $SITREP_DB or ./sitrep.db)")
    r.set_defaults(func=run_report)


def _check_port(port: int) -> None:
    if not 0 < port < 65536:
        raise UsageError(f"--port {port} is not a TCP port (1-65535)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from sitrep.serve import create_app

    from sitrep.serve.security import LOOPBACK_HOSTS

    _check_port(args.port)
    loopback = _is_loopback(args.host)
    app = create_app(args.db, warm_stories=True, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    if not loopback:
        print(f"sitrep: warning: binding {args.host} makes the desk reachable from other machines",
              file=sys.stderr)
    writes = "enabled (token from SITREP_TOKEN)" if os.environ.get("SITREP_TOKEN") else "disabled (set SITREP_TOKEN)"
    print(f"sitrep: serving {app.state.store.url} at http://{args.host}:{args.port}/ "
          f"(API docs /docs; writes {writes})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False)
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from sitrep.export import report
    from sitrep.serve.params import iso_day
    from sitrep.serve.errors import ApiError
    from sitrep.store import open_store

    try:
        since, until = iso_day("since", args.since), iso_day("until", args.until)
    except ApiError as err:
        raise UsageError(f"--{err.detail}") from None
    with open_store(args.db) as store:
        found = report.gather(store, story=args.story, place=args.place, since=since, until=until)
    text = report.write(found, args.format)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"sitrep: wrote {args.format} report to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
