"""Security of the desk and the query commands, beyond what tests/test_serve_*.py
already check (events filters, static traversal, 2 MB body limit, a few headers):
every route, every filter, every path parameter, the CLI's filters too."""
from __future__ import annotations

import pytest

from test_serve_api import TOKEN, client, db_url, fill  # noqa: F401 (fixtures)

#: Injection payloads: SQL quoting, comments, stacked statements, LIKE wildcards,
#: FTS5 query syntax, NUL and non-ASCII.
INJECTIONS = ["' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE articles; --", "\" OR \"\"=\"", "%", "_%_", "\\",
              "') UNION SELECT sqlite_version() --", "'; SELECT pg_sleep(5); --", "NEAR(a b)", "title:x",
              "a* OR b*", '"unterminated', "^", "\u0000", "\u202e\u2066evil", "-- ", "/*", "*/"]
#: Traversal payloads for path parameters (each as sent on the wire).
TRAVERSALS = ["../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/pyproject.toml",
              "....//....//etc/passwd", "/etc/passwd", "..\\..\\app.py", "%252e%252e%252fetc%252fpasswd",
              "..%00/etc/passwd", "file:///etc/passwd"]
PATH_ROUTES = ["/api/articles/{}", "/api/stories/{}", "/articles/{}", "/stories/{}", "/report.{}", "/static/{}"]


def routes() -> list[tuple[str, str]]:
    """(method, path) of every route the desk serves, straight from its routers."""
    from sitrep.serve import api, docs, pages, static

    found = [("GET", "/openapi.json")]
    for module in (api, pages, docs, static):
        for route in module.router.routes:
            found += [(m, route.path) for m in sorted(route.methods)]
    return found


def concrete(path: str) -> str:
    """A route with its path parameters filled in."""
    return (path.replace("{article_id:path}", "harbour-a").replace("{story_id}", "nothing")
            .replace("{fmt}", "md").replace("{name:path}", "style.css"))


def article_count(client) -> int:
    return client.get("/api/articles?limit=1").json()["total"]


@pytest.mark.parametrize("method,path", routes())
def test_security_headers_on_every_route(client, method, path):
    response = client.request(method, concrete(path), json={} if method == "POST" else None)
    headers = response.headers
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("method,path,status", [("PUT", "/api/articles", 405), ("DELETE", "/api/articles/harbour-a", 405),
                                                ("OPTIONS", "/", 405), ("HEAD", "/", 405)])
def test_security_headers_on_refused_methods(client, method, path, status):
    response = client.request(method, path)
    assert response.status_code in (status, 200) and response.status_code < 500
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("method,path", [(m, p) for m, p in routes() if m not in ("GET", "HEAD")])
@pytest.mark.parametrize("auth", [None, "Bearer", "Bearer wrong", f"Basic {TOKEN}", f"bearer {TOKEN}x",
                                  f"Bearer {TOKEN[:-1]}", f"Token {TOKEN}", f"Bearer {TOKEN.upper()}"])
def test_security_every_write_route_needs_the_token(client, method, path, auth):
    before = article_count(client)
    headers = {"Authorization": auth} if auth else {}
    response = client.request(method, concrete(path), headers=headers,
                              json={"id": "intruder", "text": "Police arrested two men in Nairobi on Monday."})
    assert response.status_code == 401
    assert article_count(client) == before


@pytest.mark.parametrize("where", ["query", "cookie"])
def test_security_token_outside_the_header_is_ignored(client, where):
    kwargs = {"params": {"token": TOKEN, "access_token": TOKEN}} if where == "query" else {}
    if where == "cookie":
        client.cookies.set("token", TOKEN)
    response = client.post("/api/articles", json={"text": "Troops left Herat."}, **kwargs)
    client.cookies.clear()
    assert response.status_code == 401


@pytest.mark.parametrize("given", ["wrong", TOKEN + "x", "\u00e9" * len(TOKEN)])
def test_security_token_compared_in_constant_time(client, monkeypatch, given):
    import hmac

    from sitrep.serve import security

    calls, original = [], hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return original(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    response = client.post("/api/articles", headers={"Authorization": f"Bearer {given}".encode("latin-1")},
                           json={"text": "x y z"})
    assert response.status_code == 401
    assert calls and calls[-1][1] == TOKEN.encode("utf-8")  # a non-ASCII token does not crash it either


FILTERED = ["/api/events?{f}={v}", "/api/articles?{f}={v}", "/events?{f}={v}", "/events.csv?{f}={v}",
            "/events.jsonl?{f}={v}", "/report.md?{f}={v}"]
FIELDS = {"/api/articles": ["source", "since", "until"], "/report.md": ["story", "place", "since", "until"]}
EVENT_FIELDS = ["since", "until", "country", "actor", "type", "mode", "place", "source"]


def filter_cases() -> list[tuple[str, str]]:
    cases = []
    for template in FILTERED:
        base = template.split("?")[0]
        for field in FIELDS.get(base, EVENT_FIELDS):
            cases.append((template, field))
    return cases


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("template,field", filter_cases())
def test_security_filters_are_parameters_not_sql(client, template, field, value):
    from urllib.parse import quote

    before = article_count(client)
    response = client.get(template.format(f=field, v=quote(value, safe="")))
    assert response.status_code in (200, 400, 404, 422), response.text[:300]
    if response.status_code == 200 and template.startswith("/api/"):
        body = response.json()
        assert body["total"] == 0 or value in ("%", "_%_") and body["total"] <= before * 10
    assert article_count(client) == before


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("path", ["/api/search?q={v}", "/search?q={v}"])
def test_security_search_query_is_never_sql_or_fts_syntax(client, path, value):
    from urllib.parse import quote

    response = client.get(path.format(v=quote(value, safe="")))
    assert response.status_code in (200, 400, 422), response.text[:300]
    if path.startswith("/api/") and response.status_code == 200:
        assert len(response.json()["results"]) <= 3


@pytest.mark.parametrize("payload", TRAVERSALS)
@pytest.mark.parametrize("route", PATH_ROUTES)
def test_security_path_parameters_never_reach_files(client, route, payload):
    response = client.get(route.format(payload))
    assert response.status_code in (400, 404, 422), (response.status_code, response.text[:200])
    for leak in ("root:x:", "[project]", "def create_app", "import "):
        assert leak not in response.text


@pytest.mark.parametrize("path,field", [("/api/events?actor={}", "actor"), ("/api/search?q={}", "q"),
                                        ("/events?place={}", "place"), ("/api/articles?source={}", "source")])
def test_security_overlong_parameters_are_refused(client, path, field):
    response = client.get(path.format("a" * 5000))
    assert response.status_code == 422 and field in response.text


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_security_body_limit_holds_for_every_body_method(client, method):
    response = client.request(method, "/api/articles", content=b"x" * (64 * 1024 + 1),
                              headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (405, 413)
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("command,flag", [("events", "--" + f) for f in EVENT_FIELDS] + [("search", None), ("show", None)])
def test_security_cli_filters_are_parameters_not_sql(tmp_path_factory, capsys, command, flag, value):
    from sitrep.cli import main

    url = _cli_store(tmp_path_factory)
    args = [command, "--db", url] + ([flag, value] if flag else [value])
    code = main(args)
    captured = capsys.readouterr()
    assert code in (0, 1, 2) and "Traceback" not in captured.err
    assert all(line.startswith("sitrep: ") for line in captured.err.splitlines() if line.strip())
    assert main(["articles", "--db", url, "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


_STORES: dict[str, str] = {}


def _cli_store(factory) -> str:
    """One SQLite store of the desk documents shared by the CLI cases."""
    if "url" not in _STORES:
        _STORES["url"] = f"sqlite:///{factory.mktemp('cli') / 'desk.db'}"
        fill(_STORES["url"])
    return _STORES["url"]



@pytest.mark.parametrize("path", ["/api/events?actor=%00", "/api/search?q=a%00b", "/articles/x%00y", "/events?place=%00"])
def test_security_nul_in_url_is_a_400_not_a_database_error(client, path):
    response = client.get(path)
    assert response.status_code == 400 and response.json()["error"]["message"].startswith("NUL bytes")
