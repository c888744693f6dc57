"""``/docs``: the API reference rendered on the server from the OpenAPI document.

FastAPI's Swagger page loads scripts from a CDN and runs inline script, which
neither works offline nor passes our Content-Security-Policy; this page shows
the same OpenAPI facts (paths, parameters, responses) as plain HTML.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each path and method with its summary, parameters and response codes."""
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "description": p.get("description") or _type(p.get("schema") or {})}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "params": params, "body": body.get("$ref", "").rsplit("/", 1)[-1] or None,
                        "responses": sorted(op.get("responses", {}))})
    return ops


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    return schema.get("type", "")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    schemas = spec.get("components", {}).get("schemas", {})
    return request.app.state.templates.TemplateResponse(request, "docs.html", {
        "spec": spec, "ops": operations(spec), "article_in": schemas.get("ArticleIn", {})})
