"""Property tests of the REST API against its own OpenAPI schema (schemathesis, in process over ASGI).

Every operation gets a bounded number of generated requests; no answer may be a 5xx, and
every answer must match the schema (status codes, content types, bodies). The schema is
loaded when the module is collected (schemathesis' lazy fixture loader does not run on
this pytest), so the fixture corpus is built then, in a temporary folder.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from serve_fixtures import build_store
from unref.serve import create_app

TOKEN = "schema-token"

_folder = Path(tempfile.mkdtemp(prefix="unref-serve-schema-"))
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
app = create_app(build_store(_folder), token=TOKEN, max_upload=256 * 1024)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)


# A request can match the schema and still be wrong in ways no schema says: a search query
# with an unclosed quote, a cursor this server never gave, an upload that is no UN document.
# Those are 400/422 by design, so the check that schema-valid data is always accepted is off;
# every other check (no 5xx, status codes, content types, bodies, headers) runs.
EXCLUDED = [positive_data_acceptance]


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_matches_its_schema(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=EXCLUDED)


KNOWN = ["S/2026/1", "S/2026/3", "S/RES/2799 (2026)", "S/2026/5", "S/RES/822 (1993)", "S/2025/999"]


@pytest.mark.parametrize("path", ["/api/documents/{symbol}", "/api/documents/{symbol}/cites",
                                  "/api/documents/{symbol}/cited-by", "/api/documents/{symbol}/thread",
                                  "/api/documents/{symbol}/family"])
@pytest.mark.parametrize("symbol", KNOWN)
def test_known_documents_match_the_schema(path: str, symbol: str) -> None:
    # Generated symbols seldom name a stored document: these do, so full bodies are checked too.
    case = schema[path]["GET"].Case(path_parameters={"symbol": symbol})
    case.call_and_validate(excluded_checks=EXCLUDED)


@pytest.mark.parametrize("query", [{"q": "valley", "facets": "true"}, {"q": "Council", "limit": "2"},
                                   {"q": "valley", "organ": "GA", "agenda_item": "34"}])
def test_searches_match_the_schema(query: dict[str, str]) -> None:
    case = schema["/api/search"]["GET"].Case(query=query)
    response = case.call_and_validate(excluded_checks=EXCLUDED)
    assert response.json()["hits"]
