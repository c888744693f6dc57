"""The JSON API: every endpoint, its filters, one error body for every error, auth and limits."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

DESK = Path(__file__).parent / "data" / "web" / "desk.jsonl"
TOKEN = "s3cret-token"
API_PATHS = ["/api/stories", "/api/events", "/api/articles", "/api/articles/{id}", "/api/search",
             "/api/stories/{story_id}"]


def fill(url: str) -> list[dict]:
    """A store holding the hand-written desk documents (no spaCy needed)."""
    from sitrep.store import open_store
    from sitrep.store.dedup import content_hash
    from sitrep.store.writer import ArticleRow

    docs = [json.loads(line) for line in DESK.read_text(encoding="utf-8").splitlines()]
    with open_store(url) as store:
        for d in docs:
            store.add(ArticleRow(doc=d, content_hash=content_hash(d["text"])))
    return docs


PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"


def _postgres_database(name: str) -> str:
    """A fresh PostgreSQL database for this module; skips when no server answers."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as err:  # no server, no driver, no rights: all mean "cannot test here"
        pytest.skip(f"PostgreSQL not reachable on 127.0.0.1:5432 ({type(err).__name__})")
    return f"postgresql://postgres@127.0.0.1:5432/{name}"


def _drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory) -> str:
    """The desk documents in a SQLite file, and in a PostgreSQL database when a server runs."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'desk.db'}"
        fill(url)
        yield url
        return
    name = f"sitrep_web_test_{os.getpid()}"
    url = _postgres_database(name)
    fill(url)
    yield url
    _drop_database(name)


@pytest.fixture(scope="module")
def client(db_url):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app

    app = create_app(db_url, token=TOKEN, max_body=64 * 1024)

    @app.get("/api/_boom", include_in_schema=False)
    def boom():  # a bug in a route: must become the standard 500 body
        raise RuntimeError("secret internal detail")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.mark.parametrize("line", DESK.read_text(encoding="utf-8").splitlines())
def test_serve_api_fixture_offsets_point_into_text(line):
    from sitrep.store.writer import evidence_spans

    doc = json.loads(line)
    for span in evidence_spans(doc):
        assert doc["text"][span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("path,key,expected", [
    ("/api/articles", "articles", {"harbour-a", "harbour-b", "hostile"}),
    ("/api/articles?source=coast%20post", "articles", {"harbour-a"}),
    ("/api/articles?since=2021-03-01", "articles", {"harbour-a", "harbour-b"}),
])
def test_serve_api_lists_articles(client, path, key, expected):
    body = client.get(path).json()
    assert {a["id"] for a in body[key]} == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize("article_id,events", [("harbour-a", 1), ("harbour-b", 2), ("hostile", 2)])
def test_serve_api_article_by_external_id_has_full_analysis(client, article_id, events):
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["id"] == article_id
    assert body["events"] == events
    doc = body["document"]
    assert len(doc["events"]) == events
    for event in doc["events"]:
        ev = event["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize("query,expected", [
    ("", {("harbour-a", "ASSAULT"), ("harbour-b", "ASSAULT"), ("harbour-b", "REJECT"),
          ("hostile", "PROTEST"), ("hostile", "ACCUSE")}),
    ("type=assault", {("harbour-a", "ASSAULT"), ("harbour-b", "ASSAULT")}),
    ("type=ASSAULT&source=Inland%20Herald", {("harbour-b", "ASSAULT")}),
    ("since=2021-03-02&until=2021-03-02", set()),
    ("since=2021-03-01&until=2021-03-01", {("harbour-a", "ASSAULT")}),
    ("country=SY", {("harbour-a", "ASSAULT"), ("harbour-b", "ASSAULT"), ("hostile", "PROTEST")}),
    ("country=Syria&place=homs", {("hostile", "PROTEST")}),
    ("actor=SYR", {("harbour-a", "ASSAULT"), ("harbour-b", "REJECT")}),
    ("actor=ministry", {("harbour-b", "REJECT")}),
    ("mode=deny", {("harbour-b", "REJECT")}),
    ("place=Tartus&type=REJECT", set()),
])
def test_serve_api_events_filters(client, query, expected):
    body = client.get(f"/api/events?{query}").json()
    assert {(e["article"], e["event"]) for e in body["events"]} == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize("value", ["' OR '1'='1", "1; DROP TABLE events; --", "%", "_", "\\", "\" OR 1=1 --"])
@pytest.mark.parametrize("field", ["country", "actor", "mode", "place", "source"])
def test_serve_api_events_filters_are_parameters_not_sql(client, field, value):
    response = client.get("/api/events", params={field: value})
    assert response.status_code == 200
    assert response.json()["total"] == 0
    assert client.get("/api/events").json()["total"] == 5  # nothing was dropped


@pytest.mark.parametrize("limit,offset,count", [(2, 0, 2), (2, 4, 1), (500, 0, 5), (1, 10, 0)])
def test_serve_api_events_pagination(client, limit, offset, count):
    body = client.get(f"/api/events?limit={limit}&offset={offset}").json()
    assert len(body["events"]) == count
    assert (body["total"], body["limit"], body["offset"]) == (5, limit, offset)


@pytest.mark.parametrize("q,expected", [("tartus", {"harbour-a", "harbour-b"}), ("navy Monday", {"harbour-a"}),
                                        ("100%", set()), ("script", {"hostile"})])
def test_serve_api_search(client, q, expected):
    body = client.get("/api/search", params={"q": q}).json()
    assert {h["id"] for h in body["results"]} == expected
    for hit in body["results"]:
        s = hit["snippet"]
        assert s["text"][s["match_start"]:s["match_end"]].lower() == q.split()[0].lower()


@pytest.mark.parametrize("contract_key", ["id", "title", "start", "end", "places", "articles", "sources",
                                          "independent_sources", "events", "contradictions", "framing"])
def test_serve_api_story_has_the_contract_fields(client, contract_key):
    listing = client.get("/api/stories").json()
    assert listing["available"] is True and listing["total"] >= 1
    harbour = next(s for s in listing["stories"] if "Tartus" in (s["title"] or "") or s["articles"] >= 2)
    story = client.get(f"/api/stories/{harbour['id']}").json()
    assert contract_key in story


@pytest.mark.parametrize("articles", [{"harbour-a", "harbour-b"}])
def test_serve_api_stories_group_two_outlets(client, articles):
    stories = client.get("/api/stories").json()["stories"]
    full = [client.get(f"/api/stories/{s['id']}").json() for s in stories]
    assert any(articles <= set(s["articles"]) and s["independent_sources"] == 2 for s in full)


def _linker_missing():
    raise ImportError("No module named 'sitrep.link'")


def _linker_broken():
    def link(store):
        raise NameError("name 'lead_places' is not defined")
    return link


@pytest.mark.parametrize("find_linker,reason", [(_linker_missing, "the story linker is not available"),
                                                (_linker_broken, "linking stories failed")])
def test_serve_api_stories_degrade_without_linker(tmp_path, monkeypatch, find_linker, reason):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app, stories

    db_url = f"sqlite:///{tmp_path / 'unlinked.db'}"
    fill(db_url)  # stored, never linked
    monkeypatch.setattr(stories, "find_linker", find_linker)
    with TestClient(create_app(db_url)) as client:
        body = client.get("/api/stories").json()
        page = client.get("/", headers={"accept": "text/html"})
        article = client.get("/articles/harbour-a", headers={"accept": "text/html"})
    assert body["available"] is False and reason in body["reason"]
    assert page.status_code == 200 and "No stories yet" in page.text
    assert article.status_code == 200


def test_serve_api_stored_stories_survive_a_broken_linker(tmp_path, monkeypatch):
    """New articles that cannot be linked must not hide the stories already stored."""
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app, stories

    db_url = f"sqlite:///{tmp_path / 'linked.db'}"
    fill(db_url)
    with TestClient(create_app(db_url)) as client:
        linked = client.get("/api/stories").json()
    monkeypatch.setattr(stories, "find_linker", _linker_broken)
    with TestClient(create_app(db_url)) as client:
        body = client.get("/api/stories").json()
    assert linked["available"] and linked["total"] > 0
    assert body["available"] is True and body["total"] == linked["total"]


ERROR_CASES = [
    ("GET", "/api/nothing-here", {}, None, 404, "not_found"),
    ("GET", "/api/articles/no-such-article", {}, None, 404, "not_found"),
    ("GET", "/api/stories/s000000000000", {}, None, 404, "not_found"),
    ("GET", "/static/../app.py", {}, None, 404, "not_found"),
    ("DELETE", "/api/articles", {}, None, 405, "method_not_allowed"),
    ("GET", "/api/events?since=yesterday", {}, None, 422, "validation_error"),
    ("GET", "/api/events?type=EXPLODE", {}, None, 422, "validation_error"),
    ("GET", "/api/events?limit=501", {}, None, 422, "validation_error"),
    ("GET", "/api/events?limit=abc", {}, None, 422, "validation_error"),
    ("GET", "/api/events?offset=-1", {}, None, 422, "validation_error"),
    ("GET", "/api/search", {}, None, 422, "validation_error"),
    ("GET", "/events.csv?until=2021-02-30", {}, None, 422, "validation_error"),
    ("POST", "/api/articles", {}, {"text": "x"}, 401, "unauthorized"),
    ("POST", "/api/articles", {"Authorization": "Bearer wrong"}, {"text": "x"}, 401, "invalid_token"),
    ("POST", "/api/articles", {"Authorization": "Basic " + TOKEN}, {"text": "x"}, 401, "unauthorized"),
    ("POST", "/api/articles", {"Authorization": f"Bearer {TOKEN}"}, {"title": "no text"}, 422, "validation_error"),
    ("POST", "/api/articles", {"Authorization": f"Bearer {TOKEN}"}, {"text": "x" * 70_000}, 413, "payload_too_large"),
    ("POST", "/api/articles", {}, {"text": "x" * 70_000}, 413, "payload_too_large"),
    ("GET", "/api/_boom", {}, None, 500, "internal_error"),
]


@pytest.mark.parametrize("method,path,headers,body,status,code", ERROR_CASES)
def test_serve_api_every_error_has_one_body_shape(client, method, path, headers, body, status, code):
    response = client.request(method, path, headers=headers, json=body)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    payload = response.json()
    assert list(payload) == ["error"]
    error = payload["error"]
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert "secret internal detail" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("status,challenge", [(401, True)])
def test_serve_api_unauthorized_sends_bearer_challenge(client, status, challenge):
    response = client.post("/api/articles", json={"text": "x"})
    assert response.status_code == status
    assert response.headers["www-authenticate"].startswith("Bearer") is challenge


@pytest.mark.parametrize("configured", [None, ""])
def test_serve_api_writes_refused_without_configured_token(db_url, monkeypatch, configured):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app

    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    with TestClient(create_app(db_url, token=configured)) as client:
        response = client.post("/api/articles", headers={"Authorization": "Bearer "},
                               json={"text": "Police arrested two men."})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "writes_disabled"


@pytest.mark.parametrize("path", ["/", "/events", "/api/events", "/api/nothing", "/static/style.css",
                                  "/static/nope.css", "/openapi.json", "/docs", "/events.csv", "/api/_boom"])
def test_serve_api_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'",
                      "img-src 'self' data:", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/pyproject.toml",
                                  "/static//etc/passwd", "/static/..\\app.py", "/static/templates/base.html",
                                  "/static/%2Fetc%2Fpasswd", "/static/app.js/../../app.py"])
def test_serve_api_static_path_traversal_rejected(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "create_app" not in response.text and "root:" not in response.text


@pytest.mark.parametrize("name,type_", [("style.css", "text/css"), ("app.js", "text/javascript")])
def test_serve_api_static_files_served_with_types(client, name, type_):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and response.headers["content-type"].startswith(type_)


@pytest.mark.parametrize("path", API_PATHS)
def test_serve_api_openapi_documents_every_endpoint(client, path):
    spec = client.get("/openapi.json").json()
    assert path in spec["paths"] or path.replace("{id}", "{article_id}") in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "<script>" not in docs.text and "cdn" not in docs.text.lower()


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Police in Nairobi arrested 12 protesters on Tuesday, officials said."])
def test_serve_api_post_article_analyses_and_stores(tmp_path, text):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'w.db'}", token=TOKEN)) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        before = client.get("/").text
        created = client.post("/api/articles", headers=auth,
                              json={"id": "nairobi-1", "text": text, "published": "2023-07-11", "source": "Desk"})
        again = client.post("/api/articles", headers=auth, json={"id": "nairobi-1", "text": text})
        empty = client.post("/api/articles", headers=auth, json={"text": "   "})
        stored = client.get("/api/articles/nairobi-1").json()
        after = client.get("/").text
    assert "<strong>0</strong> articles" in before and "<strong>1</strong> articles" in after  # cache refreshed
    assert created.status_code == 201 and created.json()["status"] == "ingested"
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "analysis_failed"
    assert stored["source"] == "Desk" and stored["document"]["text"] == text
    assert any(e["event"] == "COERCE" or e["event"] == "ASSAULT" for e in stored["document"]["events"]) \
        or stored["document"]["places"]


@pytest.mark.parametrize("value", ["2021-01-01' OR '1'='1", "1; DROP TABLE events; --"])
@pytest.mark.parametrize("field", ["since", "until", "type"])
def test_serve_api_validated_filters_reject_injection(client, field, value):
    response = client.get("/api/events", params={field: value})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["location"] == ["query", field]


@pytest.mark.parametrize("raw", [b"{not json", b'{"text": 12}', b"[]"])
def test_serve_api_malformed_body_is_a_422(client, raw):
    response = client.post("/api/articles", content=raw,
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


@pytest.mark.parametrize("q", ["tartus", "port OR harbour"])
def test_serve_api_search_pages_do_not_repeat(client, q):
    first = client.get("/api/search", params={"q": q, "limit": 1}).json()["results"]
    second = client.get("/api/search", params={"q": q, "limit": 1, "offset": 1}).json()["results"]
    assert len(first) == 1 and len(second) <= 1
    assert not second or second[0]["id"] != first[0]["id"]


@pytest.mark.parametrize("sent,status", [("from-env", 422), ("other", 401)])
def test_serve_api_token_comes_from_environment(db_url, monkeypatch, sent, status):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app

    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    with TestClient(create_app(db_url)) as client:
        response = client.post("/api/articles", headers={"Authorization": f"Bearer {sent}"}, json={})
    assert response.status_code == status  # 422: past the token check, the body lacks "text"


@pytest.mark.parametrize("status", ["404", "422", "401"])
def test_serve_api_openapi_documents_the_error_body(client, status):
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/api/articles"]["post"]["responses"]
    assert "ErrorBody" in json.dumps(post.get(status) or spec["paths"]["/api/events"]["get"]["responses"][status])


@pytest.mark.parametrize("size,status", [(2 * 1024 * 1024 + 1, 413), (1024, 422)])
def test_serve_api_default_body_limit_is_2mb(db_url, size, status):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app

    body = b'{"id": "x", "title": "' + b"a" * size + b'"}'
    with TestClient(create_app(db_url, token=TOKEN)) as client:
        response = client.post("/api/articles", content=body, headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code == status


@pytest.mark.parametrize("chunks", [20, 200])
def test_serve_api_body_limit_holds_without_content_length(client, chunks):
    def stream():
        yield b'{"text": "'
        for _ in range(chunks):
            yield b"x" * 4096
        yield b'"}'

    response = client.post("/api/articles", content=stream(), headers={
        "Authorization": "Bearer wrong", "Content-Type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.status_code == (413 if chunks * 4096 > 64 * 1024 else 401)


@pytest.mark.parametrize("host,status", [("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200),
                                         ("evil.example:8000", 400), ("127.0.0.1.evil.example", 400)])
def test_serve_api_loopback_desk_refuses_foreign_host_names(db_url, host, status):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app
    from sitrep.serve.security import LOOPBACK_HOSTS

    with TestClient(create_app(db_url, allowed_hosts=LOOPBACK_HOSTS)) as client:
        response = client.get("/api/articles", headers={"host": host})
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"]["code"] == "bad_request"
