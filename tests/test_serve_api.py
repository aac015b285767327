"""The REST API and the pages over a small generated corpus: routes, the one error shape, limits, escaping.

The corpus is built by serve_fixtures: letters S/2026/1 <- S/2026/2 <- S/2026/3 that cite each
other, a resolution S/RES/2799 (2026), a double-symbol letter A/81/5-S/2026/5 under GA agenda
items 12 and 34 (b), a PDF letter S/2025/999, and S/2026/9 whose text holds markup.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import time
import warnings
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from conftest_db import pg_schema
from serve_fixtures import BOLD, HOSTILE, letter_text, shared_store
from unref.corpus.ingest import ingest
from unref.corpus.store import Store, open_store, prepare
from unref.corpus.store.sqlite import SQLiteStore
from unref.serve import create_app
from unref.serve.corpus import Busy, Corpus, QueryTimeout, broad_lanes
from unref.serve.markup import Mark, Marker, annotate, highlight, safe_url
from unref.serve.views import is_broad

with warnings.catch_warnings():  # Starlette's test client asks for httpx2 by a warning on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of the fixture corpus."""
    return shared_store(tmp_path_factory)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def backend_url(request: pytest.FixtureRequest, db_url: str) -> Iterator[str]:
    """The fixture corpus on each backend: the SQLite file, or the same files ingested into a PostgreSQL schema."""
    if request.param == "sqlite":
        yield db_url
        return
    with pg_schema("serve") as url:
        with open_store(url) as store:
            assert not ingest([Path(db_url.removeprefix("sqlite:///")).parent / "files"], store).failures
        yield url


@pytest.fixture(scope="module")
def client(backend_url: str) -> Iterator[TestClient]:
    """A client of the read-only app (no token), on each backend."""
    with TestClient(create_app(backend_url)) as c:
        yield c


@pytest.fixture(scope="module")
def token_client(db_url: str) -> Iterator[TestClient]:
    """A client of an app started with a token and a small upload limit."""
    with TestClient(create_app(db_url, token=TOKEN, max_upload=64 * 1024)) as c:
        yield c


def error_of(response: Any, status: int) -> str:
    """Return the message of an error response, checking its status and the one error shape."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return str(body["error"]["message"])


def symbols_of(hits: list[dict[str, Any]]) -> set[str]:
    """Return the symbols of the documents of these hits."""
    return {h["symbol"] for h in hits}


# ---------------------------------------------------------------------------
# Documents


DOCUMENT_SCHEMA = json.loads((files("unref") / "schema" / "document.schema.json").read_text("utf-8"))


@pytest.mark.parametrize(("asked", "found"), [
    ("S/2026/1", ["S/2026/1"]),
    ("S/RES/2799 (2026)", ["S/RES/2799 (2026)"]),  # a space and parentheses in the path
    ("S/2026/5", ["A/81/5", "S/2026/5"]),  # the second symbol of a double-symbol document
    ("A/81/5-S/2026/5", ["A/81/5", "S/2026/5"]),  # the double symbol as written
])
def test_document_by_symbol(client: TestClient, asked: str, found: list[str]) -> None:
    response = client.get(f"/api/documents/{asked}")
    assert response.status_code == 200, response.text
    record = response.json()
    jsonschema.validate(record, DOCUMENT_SCHEMA)
    assert record["symbols"] == found


@pytest.mark.parametrize("path", [
    "/api/documents/S/2026/404", "/api/documents/", "/api/documents/%20", "/api/documents/..%2F..%2Fetc",
    "/api/documents/S/2026/404/cites", "/api/documents/S/2026/404/thread", "/api/documents/S/2026/404/family",
    "/api/documents/S/2026/404/cited-by", "/api/nothing-here",
])
def test_unknown_is_404_in_the_error_shape(client: TestClient, path: str) -> None:
    error_of(client.get(path), 404)


def test_other_errors_share_the_shape(client: TestClient) -> None:
    error_of(client.post("/api/search?q=x"), 405)
    error_of(client.delete("/api/documents/S/2026/1"), 405)
    assert "q" in error_of(client.get("/api/search"), 400)
    assert "limit" in error_of(client.get("/api/search?q=valley&limit=0"), 400)
    assert "limit" in error_of(client.get("/api/search?q=valley&limit=100000"), 400)
    assert "from" in error_of(client.get("/api/search?q=valley&from=March"), 400)
    error_of(client.get("/documents/S/2026/404.json"), 404)
    error_of(client.get("/documents/S/2026/404/graph.json"), 404)


# ---------------------------------------------------------------------------
# Search


def search(client: TestClient, **params: Any) -> dict[str, Any]:
    """Return the body of a successful search."""
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "valley"}, {"S/2026/1", "S/2026/2", "S/2026/3", "S/RES/2799 (2026)", "A/81/5"}),
    ({"q": "valley", "type": "resolution"}, {"S/RES/2799 (2026)"}),
    ({"q": "valley", "organ": "GA"}, {"A/81/5"}),
    ({"q": "valley", "agenda_item": "34"}, {"A/81/5"}),  # "34" also matches "34 (b)"
    ({"q": "valley", "agenda_item": "34 (b)"}, {"A/81/5"}),
    ({"q": "valley", "from": "2026-03-10", "to": "2026-03-20"}, {"S/2026/3"}),
    ({"q": "valley", "symbol_prefix": "S/RES/"}, {"S/RES/2799 (2026)"}),
    ({"q": "valley", "lang": "fr"}, set()),
    ({"q": '"S/2026/1"'}, {"S/2026/2", "S/2026/3", "S/RES/2799 (2026)"}),  # its citers; mastheads are not searched
    ({"q": "waterworks OR Ministry"}, {"S/2026/2", "S/2026/9"}),
])
def test_search_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = search(client, **params)
    assert symbols_of(body["hits"]) == expected
    assert body["truncated"] is False
    for hit in body["hits"]:
        assert hit["url"].startswith("/documents/") and "#" in hit["url"]
        for start, end in hit["highlights"]:
            assert 0 <= start < end <= len(hit["snippet"])


def test_search_groups_hits_by_document(client: TestClient) -> None:
    body = search(client, q="valley", limit=50)
    groups = body["groups"]
    assert body["sort"] == "relevance"
    assert [g["symbol"] for g in groups] == list(dict.fromkeys(h["symbol"] for h in body["hits"]))  # each once
    assert sum(len(g["hits"]) for g in groups) == len(body["hits"])
    for g in groups:
        assert g["url"] == "/documents/" + g["symbol"].replace(" ", "%20")
        assert g["pages"] == sorted({h["page"] for h in g["hits"] if h["page"] is not None})
        assert all(h["url"].startswith(g["url"] + "#") for h in g["hits"])


def test_search_sorted_by_date(client: TestClient) -> None:
    body = search(client, q="valley", sort="date")
    dates = [g["date"] for g in body["groups"]]
    assert body["sort"] == "date" and body["next"] is None and body["window"] >= len(body["hits"])
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    assert [h["symbol"] for h in body["hits"]] == [g["symbol"] for g in body["groups"] for _ in g["hits"]]
    assert body["filters"] == {"q": "valley", "sort": "date"}


def test_search_refuses_an_unknown_sort(client: TestClient) -> None:
    assert "the orders are relevance, date" in error_of(client.get("/api/search?q=valley&sort=newest"), 400)


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_search_exports(client: TestClient, sort: str) -> None:
    found = search(client, q="valley", limit=100, sort=sort)
    response = client.get("/search/export.csv", params={"q": "valley", "sort": sort})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="unref-search.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["symbol"], r["location"]) for r in rows] == [(g["symbol"], h["location"]) for g in found["groups"]
                                                            for h in g["hits"]]
    data = client.get("/search/export.json", params={"q": "valley", "sort": sort}).json()
    assert data["query"] == "valley" and data["sort"] == sort
    assert [g["symbol"] for g in data["results"]] == [g["symbol"] for g in found["groups"]]
    assert "no query" in error_of(client.get("/search/export.json"), 400)
    refused = client.get("/search/export.xml?q=valley")  # a page: the error is shown as one
    assert refused.status_code == 404 and "export as csv or json" in refused.text


def test_search_page_links_its_downloads(client: TestClient) -> None:
    page = client.get("/search", params={"q": "valley", "type": "letter", "sort": "date"}).text
    assert 'href="/search/export.csv?q=valley&amp;type=letter&amp;sort=date"' in page
    assert 'href="/search/export.json?q=valley&amp;type=letter&amp;sort=date"' in page
    assert '<option value="date" selected>' in page


def test_search_pages_with_cursors(client: TestClient) -> None:
    everything = search(client, q="Council", limit=100)["hits"]
    assert len(everything) >= 6
    seen: list[dict[str, Any]] = []
    after = None
    for _ in range(20):
        body = search(client, q="Council", limit=2, **({"after": after} if after else {}))
        seen += body["hits"]
        after = body["next"]
        if after is None:
            break
    assert [(h["symbol"], h["location"]) for h in seen] == [(h["symbol"], h["location"]) for h in everything]


def test_search_stops_at_the_row_cap(db_url: str) -> None:
    with TestClient(create_app(db_url, max_rows=3)) as c:
        first = c.get("/api/search", params={"q": "Council", "limit": 2}).json()
        assert len(first["hits"]) == 2 and first["next"] and not first["truncated"]
        second = c.get("/api/search", params={"q": "Council", "limit": 2, "after": first["next"]}).json()
        assert len(second["hits"]) == 1 and second["next"] is None and second["truncated"] is True
        many = c.get("/api/search", params={"q": "Council", "limit": 50}).json()
        assert len(many["hits"]) == 3 and many["truncated"] is True
        cited = c.get("/api/documents/S/2026/1/cited-by").json()
        assert cited["total"] == 4 and len(cited["links"]) == 3 and cited["truncated"] is True


def test_a_query_that_is_a_symbol_names_its_document(client: TestClient) -> None:
    body = search(client, q="S/2026/1")
    assert body["document"]["symbol"] == "S/2026/1" and body["document"]["url"] == "/documents/S/2026/1"
    assert search(client, q='"S/RES/2799 (2026)"')["document"]["symbol"] == "S/RES/2799 (2026)"
    assert search(client, q="valley")["document"] is None
    assert search(client, q="S/1999/1")["document"] is None  # not in the corpus
    page = client.get("/search", params={"q": "S/2026/1"}).text
    assert '<p class="named">Document <a class="symbol" href="/documents/S/2026/1">S/2026/1</a>' in page


def test_a_cursor_outlives_the_empty_fields_of_a_form(client: TestClient) -> None:
    # The search form sends every filter, empty; the next-page link sends only those given.
    empty = {"organ": "", "type": "", "lang": "", "from": "", "to": "", "agenda_item": "", "symbol_prefix": ""}
    first = client.get("/search.json", params={"q": "Council", "limit": 2, **empty}).json()
    second = client.get("/search.json", params={"q": "Council", "limit": 2, "after": first["next"]}).json()
    assert second["hits"] and not {h["url"] for h in first["hits"]} & {h["url"] for h in second["hits"]}


def test_bad_cursors(client: TestClient) -> None:
    cursor = search(client, q="Council", limit=1)["next"]
    assert "another search" in error_of(client.get("/api/search", params={"q": "valley", "after": cursor}), 400)
    assert "malformed" in error_of(client.get("/api/search", params={"q": "Council", "after": "%%%"}), 400)
    assert "malformed" in error_of(client.get("/api/search", params={"q": "Council", "after": "eyJvIjoxfQ"}), 400)


@pytest.mark.parametrize("query", ['"unclosed', "a OR", "-excluded", "*", "NOT", "secu*rity", "OR b", "   ",
                                   "interrupted*x took longer than"])
def test_malformed_queries_are_400(client: TestClient, query: str) -> None:
    error_of(client.get("/api/search", params={"q": "valley", "organ": "S\x00C"}), 400)
    error_of(client.get("/api/search", params={"q": query}), 400)
    page = client.get("/search", params={"q": query})
    assert page.status_code == (200 if not query.strip() else 400)


def test_facets(client: TestClient) -> None:
    body = search(client, q="valley", facets="true")
    facets = {name: {f["value"]: f["count"] for f in values} for name, values in body["facets"].items()}
    assert facets["organ"] == {"Security Council": 5, "General Assembly": 1}
    assert facets["year"] == {"2026": 5}
    assert facets["type"] == {"letter": 4, "resolution": 1}
    assert facets["agenda_item"] == {"12": 1, "34 (b)": 1}
    assert body["facet_sample"] >= 5


# ---------------------------------------------------------------------------
# The graph


def test_cites(client: TestClient) -> None:
    body = client.get("/api/documents/S/2026/3/cites").json()
    targets = {link["target"]["symbol"]: link["target"] for link in body["links"]}
    assert set(targets) == {"S/2026/1", "S/2026/2", "A/HRC/61/41"}
    assert targets["S/2026/1"]["href"] == "/documents/S/2026/1" and targets["S/2026/1"]["in_corpus"]
    assert targets["A/HRC/61/41"]["href"] is None and targets["A/HRC/61/41"]["url"].startswith("https://undocs.org/")
    every = client.get("/api/documents/S/2026/1/cites", params={"all": "true"}).json()
    assert "url" in {link["kind"] for link in every["links"]}


def test_cited_by(client: TestClient) -> None:
    body = client.get("/api/documents/S/2026/1/cited-by").json()
    assert {link["source"]["symbol"] for link in body["links"]} == {"S/2026/2", "S/2026/3", "S/RES/2799 (2026)"}
    stub = client.get("/api/documents/S/RES/822 (1993)/cited-by").json()  # not in the corpus, but cited
    assert {link["source"]["symbol"] for link in stub["links"]} == {"S/2026/2", "S/RES/2799 (2026)"}


def test_thread_and_family(client: TestClient) -> None:
    letters = client.get("/api/documents/S/2026/2/thread").json()["letters"]
    order = [x["symbol"] for x in letters]
    assert order[:3] == ["S/2026/1", "S/2026/2", "S/2026/3"]
    second = letters[1]
    assert second["refers_to"] == ["S/2026/1"] and second["referred_by"] == ["S/2026/3"]
    members = {m["symbol"]: m for m in client.get("/api/documents/S/2026/5/family").json()["members"]}
    assert {"A/81/5", "S/2026/5"} <= set(members)


# ---------------------------------------------------------------------------
# Pages and their twins


@pytest.mark.parametrize(("page", "api"), [
    ("/documents/S/2026/1.json", "/api/documents/S/2026/1"),
    ("/documents/S/RES/2799 (2026).json", "/api/documents/S/RES/2799 (2026)"),
    ("/documents/S/2026/2/thread.json", "/api/documents/S/2026/2/thread"),
    ("/documents/S/2026/5/family.json", "/api/documents/S/2026/5/family"),
])
def test_json_twins_match_the_api(client: TestClient, page: str, api: str) -> None:
    assert client.get(page).json() == client.get(api).json()


def test_search_twin(client: TestClient) -> None:
    twin = client.get("/search.json", params={"q": "valley"}).json()
    api = client.get("/api/search", params={"q": "valley", "facets": "true"}).json()
    assert twin == api
    assert client.get("/search.json").json()["stats"]["documents"] == 7


def test_graph_twin(client: TestClient) -> None:
    view = client.get("/documents/S/2026/1/graph.json").json()
    assert view["node"]["symbol"] == "S/2026/1"
    assert view["cited_by"] == client.get("/api/documents/S/2026/1/cited-by").json()
    assert view["cites"] == client.get("/api/documents/S/2026/1/cites").json()


@pytest.mark.parametrize("path", [
    "/search", "/search?q=valley", "/search?q=valley&organ=GA", "/documents/S/2026/1", "/documents/S/2026/2",
    "/documents/S/RES/2799 (2026)", "/documents/S/2026/5", "/documents/S/2025/999", "/documents/S/2026/1/graph",
    "/documents/S/RES/822 (1993)/graph", "/documents/S/2026/2/thread", "/documents/S/2026/5/family",
])
def test_pages_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    scripts = re.findall(r"<script[^>]*>", response.text)
    # Only the graph (drawing) and a document read from a PDF (its pages beside the text) use a script, from our
    # own origin; the other pages need none, and no page holds an inline script.
    if path.endswith("/graph") or path == "/documents/S/2025/999":
        assert all('type="application/json"' in tag or re.search(r'src="/(?:vendor|static)/', tag) for tag in scripts)
    else:
        assert not scripts
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", response.text.split("<main", 1)[0])


def test_reader(client: TestClient) -> None:
    text = client.get("/documents/S/2026/2").text
    assert '<a class="cite local" href="/documents/S/2026/1"' in text  # in the corpus: our page
    assert 'href="https://undocs.org/en/S/RES/822%20(1993)"' in text  # not in the corpus: undocs.org
    assert text.count('<details class="fn">') == 2 and 'id="fn:2"' in text
    quoted = client.get("/documents/S/2026/3").text
    assert '<span class="quote"' in quoted and '<cite class="by">Commission of Inquiry</cite>' in quoted


def test_reader_links_pdf_pages(client: TestClient) -> None:
    text = client.get("/documents/S/2025/999").text
    assert 'href="/documents/S/2025/999/source#page=1"' in text
    assert 'href="/documents/S/2025/999/source#page=2"' in text
    assert "/source" not in client.get("/documents/S/2026/1").text.split("<main", 1)[1]


def test_source_pdf(client: TestClient) -> None:
    response = client.get("/documents/S/2025/999/source")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert client.get("/documents/S/2026/1/source").status_code == 404  # read from text


def test_source_gone(tmp_path: Path, db_url: str) -> None:
    folder = Path(db_url.removeprefix("sqlite:///")).parent
    copy = tmp_path / "files"
    copy.mkdir()
    shutil.copy(folder / "files" / "S_2025_999.pdf", copy / "S_2025_999.pdf")
    url = f"sqlite:///{tmp_path / 'one.db'}"
    with open_store(url) as store:
        ingest([copy], store)
    with TestClient(create_app(url)) as c:
        assert c.get("/documents/S/2025/999/source").status_code == 200
        (copy / "S_2025_999.pdf").unlink()
        assert c.get("/documents/S/2025/999/source").status_code == 404
        assert "/source" not in c.get("/documents/S/2025/999").text.split("<main", 1)[1]


def test_html_errors(client: TestClient) -> None:
    missing = client.get("/documents/S/2026/404")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "S/2026/404 is not in the corpus" in missing.text
    bad = client.get("/search", params={"q": '"open'})
    assert bad.status_code == 400 and "unbalanced quote" in bad.text


@pytest.mark.parametrize("symbol", ["", " ", "..", "%00", "%FF", "%ED%A0%80", "a%0Ab", "a" * 3000, "<script>",
                                    "S/2026/1/../../x", "fn:1#x", "S/RES/822 (1993", "\u202e", "S//2026", "*"])
def test_odd_symbols_never_fail(client: TestClient, symbol: str) -> None:
    for suffix in ("", ".json", "/graph", "/graph.json", "/thread", "/thread.json", "/family", "/family.json",
                   "/source"):
        assert client.get(f"/documents/{symbol}{suffix}").status_code in (200, 404), (symbol, suffix)
    for suffix in ("", "/cites", "/cited-by", "/thread", "/family"):
        assert client.get(f"/api/documents/{symbol}{suffix}").status_code in (200, 404), (symbol, suffix)


# ---------------------------------------------------------------------------
# Escaping: document text is untrusted


def test_document_text_is_escaped(client: TestClient) -> None:
    for path in ("/documents/S/2026/9", "/search?q=Ministry", "/search?q=alert"):
        text = client.get(path).text
        assert HOSTILE not in text and BOLD not in text and "<b>" not in text, path
        assert "<script" not in text, path
        assert "(1)&lt;/script&gt;" in text, path
    record = client.get("/api/documents/S/2026/9").json()
    assert HOSTILE in record["paragraphs"][7]["text"]  # the data itself is kept as written


def test_markup_escapes_attributes_and_refuses_script_links() -> None:
    assert safe_url("javascript:alert(1)") is None and safe_url(" JAVASCRIPT:x") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url("https://undocs.org/en/S/2026/1") == "https://undocs.org/en/S/2026/1"
    html = annotate('say "<x>"', [Mark(0, 3, "cite", 'https://e.org/"onmouseover="x', title='"><script>')])
    assert "<script>" not in html and '"onmouseover' not in html
    assert html.count("<a ") == 1 and "&lt;x&gt;" in html


def test_markup_nesting() -> None:
    text = "He said “see S/2026/1 now” and left."
    cite = Mark(12, 20, "cite", "/documents/S/2026/1", local=True)
    quote = Mark(14, 26, "quote", by="Someone")  # starts inside the citation: widened to hold it
    marker = Marker(16, "1", "fn:1", escape("note"), "note")  # inside the citation: moved after it
    html = str(annotate(text, [cite, quote], [marker]))
    assert html.index('<span class="quote"') < html.index("<a ") < html.index("</a>") < html.index("<details")
    assert html.endswith(" and left.")
    assert '<cite class="by">Someone</cite>' in html


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70),
                                                 st.sampled_from(["cite", "quote"])), max_size=6),
       st.lists(st.integers(-5, 70), max_size=4))
@settings(deadline=None)  # a loaded machine (the suite runs beside other work) can take over 200 ms for one example
def test_markup_keeps_the_text(text: str, spans: list[tuple[int, int, str]], offsets: list[int]) -> None:
    label = "\ue000"
    marks = [Mark(a, b, kind, "/documents/x" if kind == "cite" else None) for a, b, kind in spans]
    html = str(annotate(text, marks, [Marker(o, label, None) for o in offsets]))
    assert re.sub(r"<[^>]+>", "", html).replace(label, "") == str(escape(text)).replace(label, "")
    assert html.count("<a ") == html.count("</a>") and html.count("<span") == html.count("</span>")


def test_highlight() -> None:
    assert str(highlight("a <b> c", [[2, 5]])) == "a <mark>&lt;b&gt;</mark> c"
    assert str(highlight("abc", [[1, 9], [0, 2]])) == "<mark>ab</mark><mark>c</mark>"


# ---------------------------------------------------------------------------
# Parsing uploads


def test_parse_is_off_without_a_token(client: TestClient) -> None:
    assert "token" in error_of(client.post("/api/parse", content=b"x", headers={"content-type": "text/plain"}), 403)


def test_parse_needs_the_token(token_client: TestClient) -> None:
    response = token_client.post("/api/parse", content=b"x", headers={"content-type": "text/plain"})
    error_of(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    error_of(token_client.post("/api/parse", content=b"x", headers={"authorization": "Bearer wrong"}), 401)


def auth(kind: str = "text/plain") -> dict[str, str]:
    """Return the headers of an upload with the token."""
    return {"authorization": f"Bearer {TOKEN}", "content-type": kind}


def test_parse_text(token_client: TestClient) -> None:
    from serve_fixtures import LETTERS

    response = token_client.post("/api/parse", content=letter_text(LETTERS[1], 1).encode(), headers=auth())
    assert response.status_code == 200, response.text
    record = response.json()
    jsonschema.validate(record, DOCUMENT_SCHEMA)
    assert record["symbols"] == ["S/2026/2"] and record["source"] is None
    assert {c["target"] for c in record["citations"]} >= {"S/2026/1", "S/RES/822 (1993)"}


def test_parse_pdf(token_client: TestClient, db_url: str) -> None:
    pdf = Path(db_url.removeprefix("sqlite:///")).parent / "files" / "S_2025_999.pdf"
    response = token_client.post("/api/parse", content=pdf.read_bytes(), headers=auth("application/pdf"))
    assert response.status_code == 200, response.text
    assert response.json()["symbols"] == ["S/2025/999"] and response.json()["format"] == "pdf"


def test_parse_limits(token_client: TestClient) -> None:
    assert "larger than" in error_of(token_client.post("/api/parse", content=b"a" * 70_000, headers=auth()), 413)
    error_of(token_client.post("/api/parse", content=b"\x89PNG", headers=auth("image/png")), 415)
    error_of(token_client.post("/api/parse", content=b"\xff\xfe\x00bad", headers=auth()), 415)
    error_of(token_client.post("/api/parse", content=b"   ", headers=auth()), 422)
    error_of(token_client.post("/api/parse", content=b"hello world", headers=auth()), 422)
    error_of(token_client.post("/api/parse", content=b"%PDF-1.4 broken", headers=auth("application/pdf")), 422)


# ---------------------------------------------------------------------------
# The server protects itself


SLOW = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def test_queries_stop_at_the_time_limit(db_url: str) -> None:
    corpus = Corpus(db_url, pool_size=1, query_timeout=0.2)
    with pytest.raises(QueryTimeout), corpus.store() as store:
        assert isinstance(store, SQLiteStore)
        store.conn.execute(SLOW).fetchall()
    with corpus.store() as store:  # the connection is fine afterwards
        assert store.get("S/2026/1") is not None
    corpus.close()


def test_a_slow_request_is_503(backend_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_get(self: Any, symbol: str, *, language: str | None = None) -> None:
        self.conn.execute(SLOW if self.backend == "sqlite" else "SELECT pg_sleep(5)").fetchall()

    app = create_app(backend_url, query_timeout=0.3)
    monkeypatch.setattr(Store, "get", slow_get)
    with TestClient(app) as c:
        started = time.monotonic()
        assert "took longer than 0.3 s" in error_of(c.get("/api/documents/S/2026/1"), 503)
        assert time.monotonic() - started < 3


def test_the_server_cannot_write(backend_url: str) -> None:
    corpus = Corpus(backend_url, pool_size=1)
    with TestClient(create_app(backend_url)) as c:
        record = c.get("/api/documents/S/2026/1").json()
    with pytest.raises(Exception, match=r"readonly|read-only"), corpus.store() as store:
        store.add(prepare(record, hash="0" * 64))
    with corpus.store() as store:
        assert store.get("S/2026/1") is not None and not store.known(["0" * 64])
    corpus.close()


def test_a_bad_database_fails_at_start(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(Exception, match=r"cannot open|not a database"):
        create_app(f"sqlite:///{bad}")


def test_openapi_lists_the_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/documents/{symbol}", "/api/documents/{symbol}/cites",
            "/api/documents/{symbol}/cited-by", "/api/documents/{symbol}/thread", "/api/documents/{symbol}/family",
            "/api/parse", "/api/documents", "/api/stats"} <= set(spec["paths"])
    uploads = ("/api/parse", "/api/documents")  # 422: an upload that is not a UN document
    assert "422" not in json.dumps({p: {m: o["responses"] for m, o in ops.items()}
                                    for p, ops in spec["paths"].items() if p not in uploads})
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_cli_serve_is_registered() -> None:
    from typer.testing import CliRunner

    import unref.cli.serve  # noqa: F401
    from unref.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "UNREF_TOKEN"):
        assert option in result.output
    import typer.main

    command = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    assert command.help and all(getattr(p, "help", None) for p in command.params if p.name != "help")



# --- Named decisions of the pages and the markup -------------------------------------------------


@pytest.mark.parametrize(("offset", "expected"), [
    (-3, 0), (2, 2), (5, 9),  # inside the citation [4, 9): after it, so the link stays whole
    (4, 4), (9, 9), (99, 12),
])
def test_place_markers(offset: int, expected: int) -> None:
    from unref.serve.markup import _place_markers

    marker = Marker(offset, "1", None)
    assert _place_markers([marker], [Mark(4, 9, "cite", "/x")], 12) == {expected: [marker]}


@pytest.mark.parametrize(("pos", "open_", "closes"), [(5, None, False), (5, Mark(1, 5, "cite"), True),
                                                      (4, Mark(1, 5, "cite"), False)])
def test_closed_at(pos: int, open_: Mark | None, closes: bool) -> None:
    from unref.serve.markup import _closed_at

    tags, still = _closed_at(pos, open_)
    assert (bool(tags), still) == (closes, None if closes else open_)


@pytest.mark.parametrize(("pos", "opens"), [(1, True), (2, False)])
def test_opened_at(pos: int, opens: bool) -> None:
    from unref.serve.markup import _opened_at

    mark, before = Mark(1, 5, "quote", title="q"), Mark(0, 9, "cite")
    tags, now_open = _opened_at(pos, {1: mark}, before)
    assert (bool(tags), now_open) == (opens, mark if opens else before)


@pytest.mark.parametrize(("linked", "note_id", "text"), [
    (None, None, ""),  # a marker whose note was not found
    ({"anchor": "fn:1", "html": "<i>n</i>", "text": "n"}, "fn:1", "n"),
])
def test_page_marker(linked: dict[str, Any] | None, note_id: str | None, text: str) -> None:
    from unref.serve.pages import _marker

    marker = _marker({"offset": "7", "label": 1}, linked)
    assert (marker.offset, marker.label, marker.note_id, marker.note_text) == (7, "1", note_id, text)


@pytest.mark.parametrize(("page_href", "hrefs"), [
    (None, [None, None, None]),
    ("/documents/S/1/source", ["/documents/S/1/source#page=1", None, "/documents/S/1/source#page=2"]),
])
def test_paragraphs_link_each_page_once(page_href: str | None, hrefs: list[str | None]) -> None:
    from unref.serve.pages import _paragraphs

    record = {"paragraphs": [{"id": "p0", "kind": "masthead", "text": "S/1", "page": 1},
                             {"id": "p1", "text": "a", "page": 1}, {"id": "p2", "text": "b", "page": 1},
                             {"id": "p3", "text": "c", "page": 2}]}
    paragraphs, masthead = _paragraphs(record, page_href, {}, {})
    assert masthead == ["S/1"]
    assert [p["page_href"] for p in paragraphs] == hrefs


@pytest.mark.parametrize(("path", "twin"), [
    ("/documents/{symbol:path}/family.json", True), ("/documents/{symbol:path}/family", False),
    ("/documents/{symbol:path}.json", True), ("/documents/{symbol:path}", False), (None, False),
])
def test_is_twin(path: str | None, twin: bool) -> None:
    from types import SimpleNamespace

    from starlette.requests import Request

    from unref.serve.pages import is_twin

    scope = {"type": "http", "route": SimpleNamespace(path=path)} if path else {"type": "http"}
    assert is_twin(Request(scope)) is twin


# ---------------------------------------------------------------------------
# The server protects itself (issue 15)


@pytest.mark.parametrize(("params", "words"), [
    ({"to": "2025-02-30"}, "'2025-02-30' is not a date of the calendar"),
    ({"from": "2025-13"}, "'2025-13' is not a date of the calendar"),
    ({"to": "2025-2-3"}, "to: String should match pattern"),
    ({"type": "lettr"}, "type 'lettr' is not a document type (did you mean 'letter'?)"),  # issue 14
    ({"lang": "english"}, "language 'english' is not a two-letter ISO 639-1 code"),
])
def test_bad_dates_are_400_with_a_clear_message(client: TestClient, params: dict[str, str], words: str) -> None:
    assert words in error_of(client.get("/api/search", params={"q": "valley", **params}), 400)
    assert client.get("/search", params={"q": "valley", **params}).status_code == 400


@pytest.mark.parametrize(("query", "words"), [
    ("valley " + " ".join(f"-w{i}" for i in range(150)), "too many terms (151; the limit is 32)"),
    ("a* b* c*", "a prefix needs at least 3 letters or digits"),
    ("val* sec* cou* res* gen*", "too many prefixes (5 words with *; the limit is 4)"),
])
def test_costly_queries_are_400_in_the_users_terms(client: TestClient, query: str, words: str) -> None:
    message = error_of(client.get("/api/search", params={"q": query}), 400)
    assert words in message and "fts5" not in message and "tsquery" not in message


@pytest.mark.parametrize(("query", "broad"), [
    ("valley", False),
    ("security council", False),
    ('"human rights"', False),
    ("val*", True),
    ('"human ri"*', True),
    (" ".join(f"w{i}" for i in range(9)), True),
    (" ".join(f"w{i}" for i in range(8)), False),
    ('"unclosed', False),  # malformed: the search says why, at once
])
def test_is_broad(query: str, broad: bool) -> None:
    assert is_broad(query) is broad


@pytest.mark.parametrize(("pool", "lanes"), [(1, 1), (4, 1), (8, 1), (16, 2), (32, 4)])
def test_broad_lanes(pool: int, lanes: int) -> None:
    assert broad_lanes(pool) == lanes


def test_broad_searches_share_a_lane_of_the_pool(db_url: str) -> None:
    corpus = Corpus(db_url, pool_size=4, query_timeout=0.5)
    with corpus.store(broad=True):  # the one lane of a pool of 4 is taken
        started = time.monotonic()
        with pytest.raises(Busy, match="broad searches"), corpus.store(broad=True):
            pass
        assert time.monotonic() - started < 2
        with corpus.store() as store:  # ordinary requests still get a connection
            assert store.get("S/2026/1") is not None
    with corpus.store(broad=True) as store:  # the lane is free again
        assert store.get("S/2026/1") is not None
    corpus.close()


def test_a_broad_search_is_503_while_the_lanes_are_taken(db_url: str) -> None:
    app = create_app(db_url, pool_size=4)
    with TestClient(app) as c, app.state.corpus.store(broad=True):
        assert "broad searches" in error_of(c.get("/api/search", params={"q": "val*"}), 503)
        assert c.get("/api/search", params={"q": "valley"}).status_code == 200


# ---------------------------------------------------------------------------
# The reader (issue 14): the PDF beside the text, undocs.org, citing, tables and figures


def test_boxes_place_paragraphs_notes_and_citations(client: TestClient) -> None:
    boxes = client.get("/documents/S/2025/999/boxes.json").json()
    record = client.get("/api/documents/S/2025/999").json()
    assert boxes["reason"] is None and len(boxes["pages"]) == record["pages"] == 2
    body = [p["id"] for p in record["paragraphs"] if p["kind"] != "masthead"]
    assert all(boxes["paragraphs"][p] for p in body)  # every paragraph stands somewhere
    assert set(boxes["footnotes"]) == {f"fn:{f['label']}" for f in record["footnotes"]}
    assert len(boxes["citations"]) == len(record["citations"])
    for page, x, y, w, h in (b for placed in boxes["paragraphs"].values() for b in placed):
        width, height = boxes["pages"][page - 1]
        assert 0 <= x < x + w <= width and 0 <= y < y + h <= height  # from the top left, on the page


def test_a_text_document_has_no_boxes_and_says_why(client: TestClient) -> None:
    boxes = client.get("/documents/S/2026/1/boxes.json").json()
    assert boxes["paragraphs"] == {} and "extracted text" in boxes["reason"]
    assert "not read from a PDF" in client.get("/documents/S/2026/1/pages/1.png").text


def test_page_images(client: TestClient) -> None:
    image = client.get("/documents/S/2025/999/pages/2.png")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert client.get("/documents/S/2025/999/pages/3.png").status_code == 404
    assert client.get("/documents/S/2025/999/pages/0.png").status_code == 404


def test_the_reader_links_undocs_and_cites_the_document(client: TestClient) -> None:
    page = client.get("/documents/S/2026/1").text
    assert 'class="undocs" href="https://undocs.org/en/S/2026/1"' in page
    assert re.search(r'<textarea id="reference" readonly[^>]*>United Nations, Security Council\. Letter dated .*'
                     r'\(S/2026/1\), 2 March 2026\. Available at https://undocs\.org/en/S/2026/1</textarea>', page)
    assert 'href="/documents/S/2026/1.json" download="S_2026_1.json"' in page
    assert "read from extracted text, not a PDF" in page
    pdf = client.get("/documents/S/2025/999").text
    assert 'data-boxes="/documents/S/2025/999/boxes.json"' in pdf and '<script src="/static/reader.js">' in pdf


@pytest.mark.parametrize(("date", "printed"), [("2025-04-29", "29 April 2025"), ("2025-01-03", "3 January 2025"),
                                               ("2025", "2025"), (None, None), ("2025-13-01", "2025-13-01")])
def test_long_date(date: str | None, printed: str | None) -> None:
    from unref.serve.pages import _long_date

    assert _long_date(date) == printed


@pytest.mark.parametrize(("record", "reference"), [
    ({"symbols": ["S/2025/1"], "organs": ["Security Council"], "title": "Letter.", "date": "2025-01-02"},
     "United Nations, Security Council. Letter (S/2025/1), 2 January 2025. Available at https://undocs.org/en/S/2025/1"),
    ({"symbols": ["A/79/796", "S/2025/105"], "organs": [], "title": None, "language": "fr"},
     "United Nations. A/79/796 - S/2025/105. Available at https://undocs.org/fr/A/79/796"),
    ({"symbols": [], "title": "Note"}, "United Nations. Note (abc123)."),
])
def test_reference(record: dict[str, Any], reference: str) -> None:
    from unref.serve.pages import reference as cite

    assert cite(record, "abc123") == reference


@pytest.mark.parametrize(("paragraph", "rows"), [
    ({"kind": "table", "rows": [["Country", "Police"], ["Ghana", "12"]]}, [["Country", "Police"], ["Ghana", "12"]]),
    ({"kind": "table", "rows": []}, None),  # a table without rows shows its text
    ({"kind": "body", "rows": [["x"]]}, None),  # rows count only for a table
    ({"kind": "table"}, None),
])
def test_rows(paragraph: dict[str, Any], rows: list[list[str]] | None) -> None:
    from unref.serve.pages import _rows

    assert _rows(paragraph) == rows


def test_tables_and_figures_render_from_the_record(client: TestClient) -> None:
    from unref.serve.pages import _paragraphs

    record = {"paragraphs": [
        {"id": "p1", "kind": "table", "page": 2, "text": "Country Police Ghana 12", "rows": [["Country", "Police"],
                                                                                          ["Ghana", "<b>12</b>"]]},
        {"id": "p2", "kind": "figure", "page": 3, "text": "Bonbon DES BARADÈRES See Legend"}]}
    shown, _ = _paragraphs(record, None, {}, {})
    assert shown[0]["rows"] == [["Country", "Police"], ["Ghana", "<b>12</b>"]] and shown[1]["kind"] == "figure"
    templates = client.app.state.templates  # type: ignore[attr-defined]
    html = templates.env.get_template("document.html").render(
        record={"symbols": []}, name="x", paragraphs=shown, masthead=[], notes=[], undocs=[], reference="",
        pdf={"available": False, "reason": "none"}, agenda=[], twin="/x.json", doc_href=lambda *a: "/d", kind_names={})
    assert '<table class="doc-table">' in html and "<td>&lt;b&gt;12&lt;/b&gt;</td>" in html  # cells escaped
    assert '<figure class="p figure" id="p2" data-page="3">' in html and "Bonbon DES BARADÈRES" in html


def test_the_graph_lists_other_documents_cited(client: TestClient) -> None:
    view = client.get("/documents/S/2026/1/graph.json").json()
    others = view["cites_other"]
    assert all(o["kind"] not in ("un_symbol", "url", "short_form") for o in others)
    page = client.get("/documents/S/2026/1/graph").text
    assert ("Other documents and publications cited" in page) == bool(others)


def test_neighbourhood_lists_publications_and_treaties(tmp_path: Path) -> None:
    from conftest_db import add, citation, record
    from unref.serve.views import neighbourhood

    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        add(store, record(["S/2025/500"], citations=[
            citation("S/2025/239"), citation("Rome Statute", kind="treaty"),
            citation("Doe, Water (Oxford, 2020)", kind="publication", url="javascript:alert(1)"),
            citation("https://example.org", kind="url"), citation("ibid.", kind="short_form")]))
        view = neighbourhood(store, "S/2025/500", language=None, max_rows=10)
    assert [(o["kind"], o["target"], o["url"]) for o in view["cites_other"]] == [
        ("treaty", "Rome Statute", None), ("publication", "Doe, Water (Oxford, 2020)", None)]  # no script link
    assert [x["target"]["symbol"] for x in view["cites"]["links"]] == ["S/2025/239"]
