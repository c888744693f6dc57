"""Situation reports: what the store knows about a story or a place, to hand on.

``gather(store, story=..., place=..., since=..., until=...)`` collects the
facts (a :class:`Report`); ``render_markdown`` and ``render_html`` write them.
The HTML is one self-contained file: its CSS is inline (it is a file, not a
page served under the desk's CSP), its pictures are embedded SVG, and it
prints cleanly. Every piece of article text is escaped in both formats.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep import __version__
from sitrep.errors import UsageError
from sitrep.export import svg
from sitrep.serve import queries
from sitrep.serve.storyview import story_view
from sitrep.store import Store

#: How each PLOVER type reads in the summary sentence ("chiefly attacks and protests").
EVENT_NOUNS = {
    "AGREE": "agreements", "CONSULT": "talks", "SUPPORT": "endorsements",
    "CONCEDE": "concessions", "COOPERATE": "cooperation", "AID": "aid deliveries",
    "RETREAT": "de-escalations", "REQUEST": "appeals", "ACCUSE": "accusations",
    "REJECT": "rejections", "THREATEN": "threats", "SANCTION": "sanctions", "PROTEST": "protests",
    "MOBILIZE": "mobilisations", "COERCE": "coercive acts", "ASSAULT": "attacks",
}
MAX_TIMELINE = 60
MAX_QUOTES = 40
TEMPLATES = Path(__file__).resolve().parents[1] / "serve" / "templates"
REPORT_CSS = Path(__file__).resolve().parents[1] / "serve" / "static" / "report.css"


@dataclass(slots=True)
class Report:
    """The facts of one situation report, ready for either renderer."""

    title: str
    scope: str  # what was selected, in words
    generated: str
    summary: str
    timeline: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    framing: dict[str, Any] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    pictures: dict[str, str] = field(default_factory=dict)  # name -> SVG markup we drew


def gather(store: Store, *, story: str | None = None, place: str | None = None,
           since: str | None = None, until: str | None = None, provider=None) -> Report:
    """The report for one story, one place, or (neither) everything in the date window.

    ``provider`` is a :class:`~sitrep.serve.stories.StoryProvider` whose linked stories
    may be reused (the server passes its cached one); by default the store is linked afresh.
    """
    if story and place:
        raise UsageError("give --story or --place, not both")
    from sitrep.serve.stories import StoryProvider

    provider = provider or StoryProvider(store)
    with store.engine.connect() as conn:
        if story:
            found = provider.story(story)
            if found is None:
                why = f" ({provider.reason})" if provider.reason else " (list them with 'sitrep stories')"
                raise UsageError(f"no story with id {story!r}{why}")
            docs = _documents(conn, found.get("articles") or [])
            title, scope = found.get("title") or story, f"story {story}"
        else:
            ids = _article_ids(conn, place, since, until)
            docs = _documents(conn, ids)
            found = {"contradictions": _overlapping_contradictions(provider.stories() or [], set(ids))}
            title = f"Situation: {place}" if place else "Situation report"
            scope = f"events at places matching {place!r}" if place else "all stored articles"
    if since or until:
        scope += f", {since or '…'} to {until or '…'}"
    return _build(title, scope, found, docs, place=place, since=since, until=until)


def _documents(conn, ids: list[str]) -> list[dict[str, Any]]:
    return [a["document"] for i in ids if (a := queries.article(conn, i)) is not None]


def _article_ids(conn, place: str | None, since: str | None, until: str | None) -> list[str]:
    """Articles with at least one event matching the place and date window."""
    flt = queries.EventFilter(place=place, since=since, until=until)
    seen: dict[str, None] = {}
    for event in queries.iter_events(conn, flt):
        seen.setdefault(event["article"], None)
    return list(seen)


def _overlapping_contradictions(stories: list[dict], ids: set[str]) -> list[dict]:
    return [c for s in stories for c in s.get("contradictions") or []
            if ids & {a for v in c.get("values") or [] for a in v.get("articles") or []}]


def _build(title: str, scope: str, story: dict[str, Any], docs: list[dict[str, Any]], *,
           place: str | None, since: str | None, until: str | None) -> Report:
    view = story_view(story, docs)
    rows = [r for r in view["timeline"] if _in_window(r["date"], since, until)
            and (not place or place.lower() in (r["place"] or "").lower())]
    sources = _sources(docs)
    report = Report(title=title, scope=scope, generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                    summary="", timeline=rows[:MAX_TIMELINE], quotes=view["quotes"][:MAX_QUOTES],
                    contradictions=view["contradictions"], framing=view["framing"], sources=sources)
    report.summary = summary(report, story, docs)
    report.pictures = {
        "timeline": svg.timeline(rows, label="Timeline of key events"),
        "map": svg.location_map([p for p in view["points"]
                                 if not place or place.lower() in (p["place"] or "").lower()], height=320),
        "heat": svg.heat_strip(Counter((r["event"], w) for r in rows if (w := queries.iso_week(r["date"]))),
                               label="Events by type and week"),
    }
    return report


def _in_window(day: str | None, since: str | None, until: str | None) -> bool:
    day = (day or "")[:10]
    return (not since or day >= since) and (not until or (day and day <= until))


def _sources(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({"source": d.get("source") or "unknown", "title": d.get("title") or d["id"], "id": d["id"],
                    "url": d.get("url"), "published": (d.get("published") or "")[:10]} for d in docs),
                  key=lambda s: (s["published"], s["source"], s["id"]))


def summary(report: Report, story: dict[str, Any], docs: list[dict[str, Any]]) -> str:
    """One paragraph: when, how many outlets (and how many independent), what, where, disputes."""
    if not docs:
        return "No stored articles match this selection."
    days = sorted(d for d in (r["date"] for r in report.timeline) if d) or \
        sorted(s["published"] for s in report.sources if s["published"])
    outlets = sorted({s["source"] for s in report.sources})
    parts = [f"{_period(days)}{len(docs)} article{'s' if len(docs) != 1 else ''} from "
             f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
             + (f" ({story['independent_sources']} independent)" if story.get("independent_sources") else "")
             + f" report {len(report.timeline)} event{'s' if len(report.timeline) != 1 else ''}"]
    kinds = Counter(r["event"] for r in report.timeline).most_common(3)
    if kinds:
        parts[0] += ", chiefly " + _join([EVENT_NOUNS.get(k, k.lower()) for k, _ in kinds])
    places = Counter(r["place"] for r in report.timeline if r["place"]).most_common(3)
    if places:
        parts[0] += " in " + _join([p for p, _ in places])
    parts[0] += "."
    if report.contradictions:
        slots = sorted({c.get("slot") or "?" for c in report.contradictions})
        parts.append(f"Sources disagree on {_join(slots)} ({len(report.contradictions)} "
                     f"contradiction{'s' if len(report.contradictions) != 1 else ''}).")
    speakers = Counter(q["speaker"] for q in report.quotes if q["speaker"] != "unattributed").most_common(3)
    if speakers:
        parts.append("Most quoted: " + _join([s for s, _ in speakers]) + ".")
    return " ".join(parts)


def _period(days: list[str]) -> str:
    if not days:
        return ""
    return f"On {days[0]}, " if days[0] == days[-1] else f"Between {days[0]} and {days[-1]}, "


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# -- renderers ------------------------------------------------------------------------------

def render_html(report: Report) -> str:
    """One self-contained HTML file (inline CSS, embedded SVG, print styles)."""
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    from sitrep.serve import filters

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    filters.install(env)
    return env.get_template("report.html").render(
        report=report, css=Markup(REPORT_CSS.read_text(encoding="utf-8")),
        pictures={k: Markup(v) for k, v in report.pictures.items()}, version=__version__)


MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md(text: Any) -> str:
    """Text safe inside Markdown: no emphasis, links, HTML or table breaks from article text."""
    return " ".join(str(text if text is not None else "").split()).translate(MD_SPECIAL)


def render_markdown(report: Report) -> str:
    lines = [f"# {md(report.title)}", "", f"*{md(report.scope)} · generated {report.generated} by sitrep*", "",
             "## Summary", "", md(report.summary), "", "## Key events", ""]
    lines += [f"- **{md(r['date'] or 'undated')}** {md(r['event'])}"
              + (f" ({md(r['mode'])})" if r.get("mode") else "")
              + (f": {md(r['actor'])}" if r.get("actor") else "")
              + (f" → {md(r['recipient'])}" if r.get("recipient") else "")
              + (f" in {md(r['place'])}" if r.get("place") else "")
              + f" — “{md(r['evidence'])}” ({md(r['source'])})" for r in report.timeline] or ["No dated events."]
    lines += ["", "## Who said what", ""]
    lines += [f"- **{md(q['speaker'])}**: “{md(q['text'])}” ({md(q['source'])})" for q in report.quotes] \
        or ["No quotes."]
    lines += ["", "## Where sources disagree", ""] + (_md_contradictions(report.contradictions)
                                                      or ["No contradictions found."])
    lines += ["", "## How outlets frame it", ""] + (_md_framing(report.framing) or ["No framing cues."])
    lines += ["", "## Sources", ""]
    lines += [f"- {md(s['published'])} {md(s['source'])}: " + (f"[{md(s['title'])}](<{_md_url(s['url'])}>)"
              if _md_url(s["url"]) else md(s["title"])) + f" (`{md(s['id'])}`)" for s in report.sources]
    return "\n".join(lines) + "\n"


def _md_url(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "<> \n"):
        return url.strip()
    return None


def _md_contradictions(items: list[dict[str, Any]]) -> list[str]:
    out = []
    for c in items:
        out.append(f"- **{md(c.get('slot'))}** of {md(c.get('about'))}:")
        for v in c.get("values") or []:
            said = "; ".join(f"“{md(e.get('text'))}”" for e in v.get("evidence") or [])
            out.append(f"  - {md(v.get('value'))} — {md(', '.join(v.get('sources') or []))}: {said}")
    return out


def _md_framing(framing: dict[str, Any]) -> list[str]:
    kinds, rows = framing.get("kinds") or [], framing.get("rows") or []
    if not kinds or not rows:
        return []
    out = ["| Outlet | " + " | ".join(md(k.replace("_", " ")) for k in kinds) + " |",
           "|---" * (len(kinds) + 1) + "|"]
    out += ["| " + md(r["source"]) + " | " + " | ".join(md("; ".join(r["cells"].get(k) or []) or "—") for k in kinds)
            + " |" for r in rows]
    return out


def write(report: Report, fmt: str) -> str:
    """The report as ``fmt`` ("html" or "md")."""
    if fmt == "html":
        return render_html(report)
    if fmt == "md":
        return render_markdown(report)
    raise UsageError(f"unknown report format {fmt!r}; choose html or md")
