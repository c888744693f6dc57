"""Static files: only the files shipped in the package's ``static`` folder.

The allowed names are listed once, when the module loads; a request names one
of them or gets a 404. No path from the request ever reaches the file system,
so ``..``, encoded slashes or absolute paths cannot escape the folder.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from sitrep.serve.errors import ApiError

STATIC = Path(__file__).parent / "static"
TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def shipped() -> dict[str, Path]:
    """File name -> path for every servable file in the static folder."""
    return {p.name: p for p in STATIC.iterdir() if p.is_file() and p.suffix in TYPES}


@router.get("/static/{name:path}")
def static_file(name: str) -> FileResponse:
    path = shipped().get(name)
    if path is None:
        raise ApiError(404, f"no static file named {name!r}")
    return FileResponse(path, media_type=TYPES[path.suffix],
                        headers={"Cache-Control": "public, max-age=3600"})
