"""The analyst's desk: a FastAPI app with a JSON API under ``/api`` and server-rendered
pages, over one corpus store. ``create_app(db_url, token=...)`` builds it."""
from sitrep.serve.app import create_app

__all__ = ["create_app"]
