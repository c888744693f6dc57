"""Small Jinja filters and globals the templates share (all output stays autoescaped)."""
from __future__ import annotations

from urllib.parse import urlencode

from jinja2 import Environment

from sitrep.export import svg
from sitrep.model import EVENT_TYPES


def query(params: dict, **changes) -> str:
    """A query string keeping ``params`` with ``changes`` applied (None removes a key)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return ("?" + urlencode(merged)) if merged else ""


def quad(event_type: str | None) -> int:
    return EVENT_TYPES.get(event_type or "", 0)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are shown as links (a ``javascript:`` URL stays text)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


QUOTE_MARKS = "\"'“”‘’«»„"


def quoted(text: str | None) -> str:
    """``text`` in curly quotes, unless it already starts or ends with a quote mark."""
    text = (text or "").strip()
    if text[:1] in QUOTE_MARKS or text[-1:] in QUOTE_MARKS:
        return text
    return f"“{text}”"


def install(env: Environment) -> None:
    env.filters["quoted"] = quoted
    env.filters["quad"] = quad
    env.filters["safe_url"] = safe_url
    env.globals["query"] = query
    env.globals["EVENT_TYPES"] = list(EVENT_TYPES)
    env.globals["QUAD_NAMES"] = svg.QUAD_NAMES
