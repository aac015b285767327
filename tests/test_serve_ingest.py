"""Ingest over HTTP: POST /api/documents stores an upload, only with the server's token, on each backend."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import pdfgen
from conftest_db import db_url_fixture  # noqa: F401  (the `db_url` fixture: an empty corpus per backend)
from serve_fixtures import LETTERS, letter_text
from unref.corpus.store import open_store
from unref.serve import create_app

with warnings.catch_warnings():  # Starlette's test client asks for httpx2 by a warning on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "another-s3cret"
AUTH = {"authorization": f"Bearer {TOKEN}", "content-type": "text/plain"}


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    open_store(db_url).close()  # the server reads an existing corpus; uploads add to it
    with TestClient(create_app(db_url, token=TOKEN, max_upload=256 * 1024)) as c:
        yield c


def test_an_ingested_upload_is_stored_searchable_and_readable(client: TestClient, db_url: str) -> None:
    text = letter_text(LETTERS[1], 1).encode()
    response = client.post("/api/documents", params={"name": "S_2026_2.txt"}, content=text, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["added"] is True and body["symbol"] == "S/2026/2" and body["symbols"] == ["S/2026/2"]
    assert body["url"] == "/documents/S/2026/2" and len(body["hash"]) == 64

    again = client.post("/api/documents", content=text, headers=AUTH)  # the same bytes: nothing added
    assert again.status_code == 200 and again.json()["added"] is False and again.json()["hash"] == body["hash"]

    assert client.get("/api/documents/S/2026/2").json()["symbols"] == ["S/2026/2"]
    assert client.get(body["url"]).status_code == 200  # the reader, for a document with no source file
    hits = client.get("/api/search", params={"q": "Council"}).json()["hits"]
    assert {h["symbol"] for h in hits} == {"S/2026/2"}
    with open_store(db_url, read_only=True) as store:
        doc = store.get("S/2026/2")
        assert doc is not None and doc.path == "upload:S_2026_2.txt" and doc.hash == body["hash"]
        assert store.stats()["documents"] == 1


def test_an_ingested_pdf(client: TestClient, tmp_path: Path) -> None:
    pdf = pdfgen.letter(tmp_path / "letter.pdf")
    response = client.post("/api/documents", content=pdf.read_bytes(),
                           headers={**AUTH, "content-type": "application/pdf"})
    assert response.status_code == 201, response.text
    assert response.json()["symbol"] == pdfgen.SYMBOL
    record = client.get(f"/api/documents/{pdfgen.SYMBOL}").json()
    assert record["format"] == "pdf" and record["source"] is None  # the server keeps no copy of the file
    assert client.get(f"/documents/{pdfgen.SYMBOL}").status_code == 200


@pytest.mark.parametrize(("headers", "status"), [
    ({"content-type": "text/plain"}, 401),
    ({"authorization": "Bearer wrong", "content-type": "text/plain"}, 401),
    ({**AUTH, "content-type": "image/png"}, 415),
])
def test_ingest_needs_the_token_and_a_readable_upload(client: TestClient, db_url: str, headers: dict[str, str],
                                                      status: int) -> None:
    response = client.post("/api/documents", content=letter_text(LETTERS[1], 1).encode(), headers=headers)
    assert response.status_code == status and set(response.json()) == {"error"}
    with open_store(db_url, read_only=True) as store:
        assert store.stats()["documents"] == 0


def test_what_cannot_be_parsed_is_422_and_stores_nothing(client: TestClient, db_url: str) -> None:
    for content in (b"hello world", b"   ", b"%PDF-1.4 broken"):
        response = client.post("/api/documents", content=content, headers=AUTH)
        assert response.status_code == 422, response.text
    assert client.post("/api/documents", content=b"x" * 300_000, headers=AUTH).status_code == 413
    with open_store(db_url, read_only=True) as store:
        assert store.stats()["documents"] == 0


def test_ingest_is_off_without_a_token(db_url: str) -> None:
    open_store(db_url).close()
    with TestClient(create_app(db_url)) as c:
        response = c.post("/api/documents", content=b"x", headers={"content-type": "text/plain"})
        assert response.status_code == 403 and "token" in response.json()["error"]["message"]
