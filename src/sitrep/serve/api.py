"""The JSON API under ``/api``: stories, events, articles, search, and ingest.

Thin: each route validates its parameters, calls a query and returns what it
got. Listings share one envelope ``{"total", "limit", "offset", "<items>"}``.
"""
from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sitrep.serve import params, queries
from sitrep.serve.errors import ApiError, ErrorBody
from sitrep.serve.security import check_token

router = APIRouter(prefix="/api", tags=["api"])

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "Invalid parameter"},
    404: {"model": ErrorBody, "description": "Not found"},
}
Limit = Annotated[int | None, Query(description=f"rows per page, 1..{queries.MAX_LIMIT} (default 50)")]
Offset = Annotated[int | None, Query(description="rows to skip")]
Day = Annotated[str | None, Query(description="ISO date YYYY-MM-DD, inclusive")]


def _conn(request: Request):
    return request.app.state.store.engine.connect()


@router.get("/stories", responses=ERRORS, summary="Stories across outlets, latest first")
def list_stories(request: Request, limit: Limit = None, offset: Offset = None) -> dict[str, Any]:
    limit, offset = params.paging(limit, offset)
    provider = request.app.state.stories
    found = provider.stories()
    if found is None:
        return {"total": 0, "limit": limit, "offset": offset, "stories": [], "available": False,
                "reason": provider.reason}
    page = [_summary(s) for s in found[offset:offset + limit]]
    return {"total": len(found), "limit": limit, "offset": offset, "stories": page, "available": True}


def _summary(story: dict[str, Any]) -> dict[str, Any]:
    """A story without its long lists, plus the counts the overview shows as badges."""
    keep = ("id", "title", "start", "end", "places", "sources", "independent_sources")
    out = {k: story.get(k) for k in keep}
    out.update(articles=len(story.get("articles") or []), events=len(story.get("events") or []),
               contradictions=len(story.get("contradictions") or []))
    return out


@router.get("/stories/{story_id}", responses=ERRORS, summary="One story in full")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    story = request.app.state.stories.story(story_id)
    if story is None:
        raise ApiError(404, f"no story with id {story_id!r}")
    return story


@router.get("/events", responses=ERRORS, summary="Events, filtered and paginated")
def list_events(request: Request, since: Day = None, until: Day = None,
                country: Annotated[str | None, Query(description="ISO alpha-2/alpha-3 or country name")] = None,
                actor: Annotated[str | None, Query(description="actor code or part of a name")] = None,
                type: Annotated[str | None, Query(description="PLOVER event type")] = None,
                mode: str | None = None,
                place: Annotated[str | None, Query(description="part of the place name")] = None,
                source: Annotated[str | None, Query(description="outlet name")] = None,
                limit: Limit = None, offset: Offset = None) -> dict[str, Any]:
    flt = params.event_filter({"since": since, "until": until, "country": country, "actor": actor,
                               "type": type, "mode": mode, "place": place, "source": source})
    limit, offset = params.paging(limit, offset)
    with _conn(request) as conn:
        total = queries.count_events(conn, flt)
        rows = queries.events(conn, flt, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "filters": flt.as_params(), "events": rows}


@router.get("/articles", responses=ERRORS, summary="Stored articles, newest first")
def list_articles(request: Request, source: Annotated[str | None, Query(max_length=params.MAX_FIELD)] = None,
                  since: Day = None, until: Day = None,
                  limit: Limit = None, offset: Offset = None) -> dict[str, Any]:
    limit, offset = params.paging(limit, offset)
    since, until = params.iso_day("since", since), params.iso_day("until", until)
    source = params.clean(source)
    with _conn(request) as conn:
        total = queries.count_articles(conn, source=source, since=since, until=until)
        rows = queries.articles(conn, limit=limit, offset=offset, source=source, since=since, until=until)
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


@router.get("/articles/{article_id:path}", responses=ERRORS, summary="One article and its full analysis")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    with _conn(request) as conn:
        found = queries.article(conn, article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return found


@router.get("/search", responses=ERRORS, summary="Articles containing every word of q")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Limit = None, offset: Offset = None) -> dict[str, Any]:
    limit, offset = params.paging(limit, offset, default=20)
    with _conn(request) as conn:
        hits = queries.search(conn, q, limit=limit, offset=offset)
    return {"q": q, "limit": limit, "offset": offset, "results": hits}


class ArticleIn(BaseModel):
    """One article to analyse and store."""

    id: str | None = Field(None, max_length=500, description="external id (default: from the text's hash)")
    text: str = Field(..., min_length=1, description="the article's plain text")
    published: str | None = Field(None, max_length=40, description="ISO date or datetime")
    title: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=300, description="the outlet")
    url: str | None = Field(None, max_length=2000)


@router.post("/articles", status_code=201, dependencies=[Depends(check_token)],
             responses={**ERRORS, 401: {"model": ErrorBody, "description": "Missing or wrong token"},
                        403: {"model": ErrorBody, "description": "Writes disabled"},
                        413: {"model": ErrorBody, "description": "Body too large"}},
             summary="Analyse and store one article (needs the bearer token)")
def post_article(request: Request, body: ArticleIn) -> JSONResponse:
    from sitrep.model import Article
    from sitrep.store.loader import ingest

    external_id = body.id or "api-" + hashlib.sha1(body.text.encode("utf-8")).hexdigest()[:12]
    article = Article(id=external_id, text=body.text, published=body.published, title=body.title,
                      source=body.source, url=body.url, origin="api")
    summary = ingest([article], request.app.state.store)
    if summary.failures:
        raise ApiError(422, summary.failures[0], code="analysis_failed")
    with _conn(request) as conn:
        stored = queries.article(conn, external_id)
    status = "ingested" if summary.ingested else "duplicate"
    return JSONResponse(
        {"id": external_id, "status": status, "near_duplicate": bool(summary.near_duplicates),
         "events": stored["events"] if stored else None, "url": f"/api/articles/{external_id}"},
        status_code=201 if summary.ingested else 200)
