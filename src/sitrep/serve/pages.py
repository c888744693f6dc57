"""Server-rendered pages and the events downloads.

Each route gathers plain data (queries, stories, SVG strings we drew) and
hands it to a Jinja2 template with autoescaping on. Nothing from an article
is marked safe: highlighted text is built by :mod:`sitrep.serve.highlight`,
which escapes every piece itself.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from markupsafe import Markup

from sitrep.export import svg
from sitrep.serve import highlight, params, queries
from sitrep.serve.errors import ApiError
from sitrep.serve.storyview import story_view

router = APIRouter(include_in_schema=False)


def _render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _picture(markup: str) -> Markup:
    """An SVG string we drew ourselves (every label in it already escaped)."""
    return Markup(markup)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    provider = request.app.state.stories
    stories = provider.stories()
    return _render(request, "overview.html", {
        **_overview_figures(request), "stories": (stories or [])[:12],
        "stories_available": stories is not None, "stories_reason": provider.reason,
    })


def _overview_figures(request: Request) -> dict[str, Any]:
    """The overview's counts and pictures, recomputed only when the store's articles change."""
    cache = request.app.state.cache
    with request.app.state.store.engine.connect() as conn:
        key = queries.fingerprint(conn)
        if cache.get("overview", (None, None))[0] == key:
            return cache["overview"][1]
        by_type = queries.counts_by_week(conn, "event")
        by_country = queries.counts_by_week(conn, "country_code")
        figures = {
            "totals": queries.totals(conn), "latest": queries.articles(conn, limit=10),
            "heat_types": _picture(svg.heat_strip(by_type, width=1180, label="Events by type and week")),
            "heat_countries": _picture(svg.heat_strip(by_country, label="Events by country and week")),
            "map": _picture(svg.location_map(queries.event_points(conn))),
            "type_totals": _row_totals(by_type), "country_totals": _row_totals(by_country),
        }
    cache["overview"] = (key, figures)
    return figures


def _row_totals(counts) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for (row, _), n in counts.items():
        totals[row] = totals.get(row, 0) + n
    return sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))


STORIES_PER_PAGE = 48


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> HTMLResponse:
    """Every story, latest first, a page at a time."""
    offset = params.paging(None, params.int_param(request.query_params, "offset"))[1]
    provider = request.app.state.stories
    stories = provider.stories()
    return _render(request, "stories.html", {
        "stories": (stories or [])[offset:offset + STORIES_PER_PAGE], "total": len(stories or []),
        "available": stories is not None, "reason": provider.reason, "offset": offset,
        "per_page": STORIES_PER_PAGE})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    story = request.app.state.stories.story(story_id)
    if story is None:
        raise ApiError(404, f"no story with id {story_id!r}")
    with request.app.state.store.engine.connect() as conn:
        docs = [found["document"] for a in story.get("articles") or []
                if (found := queries.article(conn, a)) is not None]
    view = story_view(story, docs)
    return _render(request, "story.html", {
        "story": story, "view": view,
        "timeline": _picture(svg.timeline(view["timeline"], label="Timeline of the story's events")),
        "map": _picture(svg.location_map(view["points"], height=300)),
    })


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    with request.app.state.store.engine.connect() as conn:
        found = queries.article(conn, article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    doc = found["document"]
    anns = highlight.annotations(doc)
    stories = [s for s in request.app.state.stories.stories() or [] if article_id in (s.get("articles") or [])]
    return _render(request, "article.html", {
        "article": found, "doc": doc, "annotations": anns,
        "highlighted": highlight.render(doc.get("text") or "", anns),
        "counts": {kind: sum(a.kind == kind for a in anns) for kind in ("event", "actor", "quote", "time", "place")},
        "stories": stories,
    })


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    q = request.query_params
    flt = params.event_filter(q)
    limit, offset = params.paging(params.int_param(q, "limit"), params.int_param(q, "offset"))
    with request.app.state.store.engine.connect() as conn:
        total = queries.count_events(conn, flt)
        rows = queries.events(conn, flt, limit=limit, offset=offset)
    return _render(request, "events.html", {
        "filters": flt.as_params(), "rows": rows, "total": total, "limit": limit, "offset": offset,
    })


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    q = (params.clean(request.query_params.get("q")) or "")[:200]
    offset = params.paging(None, params.int_param(request.query_params, "offset"))[1]
    hits = []
    if q:
        with request.app.state.store.engine.connect() as conn:
            hits = queries.search(conn, q, limit=20, offset=offset)
    return _render(request, "search.html", {"q": q, "hits": hits, "offset": offset})


# -- downloads ------------------------------------------------------------------------------

REPORT_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8"}


@router.get("/report.{fmt}")
def report_download(request: Request, fmt: str) -> Response:
    """A situation report as a file to save (an attachment: it is not rendered as a page,
    so its inline CSS never runs under the desk's CSP)."""
    from sitrep.errors import UsageError
    from sitrep.export import report

    if fmt not in REPORT_TYPES:
        raise ApiError(404, f"no report format {fmt!r}; use /report.html or /report.md")
    q = request.query_params
    story, place = params.clean(q.get("story")), params.clean(q.get("place"))
    since, until = params.iso_day("since", q.get("since")), params.iso_day("until", q.get("until"))
    try:
        found = report.gather(request.app.state.store, story=story, place=place, since=since, until=until,
                              provider=request.app.state.stories)
    except UsageError as err:
        raise ApiError(404 if story else 422, str(err)) from None
    name = "sitrep-report" + (f"-{story}" if story and story.isalnum() else "")
    return Response(report.write(found, fmt), media_type=REPORT_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


CSV_COLUMNS = ("id", "article", "source", "published", "date", "event", "mode", "quad", "status", "actor",
               "recipient", "place", "country", "lat", "lon", "evidence", "evidence_start", "evidence_end",
               "date_resolution", "rule")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A cell value a spreadsheet will not run: text starting like a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_row(e: dict[str, Any]) -> list[Any]:
    flat = dict(e, evidence=e["evidence"]["text"], evidence_start=e["evidence"]["start"],
                evidence_end=e["evidence"]["end"],
                actor="; ".join(highlight.person_label(a) for a in e["actor"]),
                recipient="; ".join(highlight.person_label(a) for a in e["recipient"]))
    return [csv_cell(flat.get(c)) for c in CSV_COLUMNS]


def _stream(request: Request, flt: queries.EventFilter, fmt: str) -> Iterator[str]:
    """The download, one chunk per page of events (a chunk per row would cost a thread hop each)."""
    with request.app.state.store.engine.connect() as conn:
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(CSV_COLUMNS)
            for page in queries.iter_event_pages(conn, flt):
                writer.writerows(_csv_row(event) for event in page)
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
            yield buffer.getvalue()
        else:
            for page in queries.iter_event_pages(conn, flt):
                yield "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in page)


@router.get("/events.csv")
def events_csv(request: Request) -> StreamingResponse:
    return _download(request, "csv", "text/csv; charset=utf-8")


@router.get("/events.jsonl")
def events_jsonl(request: Request) -> StreamingResponse:
    return _download(request, "jsonl", "application/x-ndjson; charset=utf-8")


def _download(request: Request, fmt: str, media_type: str) -> StreamingResponse:
    flt = params.event_filter(request.query_params)
    return StreamingResponse(_stream(request, flt, fmt), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="sitrep-events.{fmt}"'})
