"""The application factory: one store, one token, the API and the pages.

``create_app(db_url, token=...)`` is what ``sitrep serve`` runs and what tests
drive with FastAPI's TestClient. Nothing is read at import time; the store is
opened (and migrated) when the app is created.
"""
from __future__ import annotations

import os
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.templating import Jinja2Templates

from sitrep import __version__
from sitrep.serve import api, docs, errors, pages, static
from sitrep.serve.security import MAX_BODY, GuardMiddleware
from sitrep.serve.stories import StoryProvider
from sitrep.store import open_store

TEMPLATES = Path(__file__).parent / "templates"
DESCRIPTION = ("Read what sitrep found in the stored articles: stories, PLOVER events with their "
               "evidence, quotes, places and times. Every error has the body "
               '`{"error": {"status", "code", "message", "details"?}}`. '
               "Writing (`POST /api/articles`) needs `Authorization: Bearer <SITREP_TOKEN>`.")


def create_app(db_url: str | None = None, *, token: str | None = None, max_body: int = MAX_BODY,
               warm_stories: bool = False, allowed_hosts: frozenset[str] | None = None) -> FastAPI:
    """The sitrep web desk over the store at ``db_url`` (``$SITREP_DB`` or ./sitrep.db).

    ``token`` enables writes (default ``$SITREP_TOKEN``); without one every write is refused.
    ``warm_stories`` links the stored articles into stories in the background at start-up,
    so the first visitor does not wait for it (``sitrep serve`` turns it on).
    ``allowed_hosts``, when given, are the only Host names answered (400 for others).
    """
    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if warm_stories:
            threading.Thread(target=app.state.stories.stories, name="sitrep-link", daemon=True).start()
        yield
        store.close()

    app = FastAPI(title="sitrep", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get("SITREP_TOKEN") or None
    app.state.stories = StoryProvider(app.state.store)
    app.state.cache = {}  # name -> (store fingerprint, value): figures reused until articles change
    app.state.templates = templates()
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    app.include_router(static.router)
    app.add_middleware(GuardMiddleware, max_body=max_body, allowed_hosts=allowed_hosts)
    return app


def templates() -> Jinja2Templates:
    """Jinja2 with autoescaping on for every template (never turned off anywhere)."""
    from sitrep.serve import filters

    found = Jinja2Templates(directory=str(TEMPLATES))
    found.env.autoescape = True
    filters.install(found.env)
    return found
