"""The web application: `create_app` builds the REST API and the pages over one corpus.

The server protects itself, as datasette does: one JSON error shape for every error of
the API (``{"error": {"status", "message"}}``), a time limit on each request's queries,
a cap on the rows it returns (with a ``truncated`` flag), and a ``.json`` twin of every
page. It is read-only; parsing an upload needs a token configured at start-up.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from unref import __version__
from unref.corpus.store import StoreError
from unref.corpus.store.query import QueryError
from unref.errors import UnrefError
from unref.serve.api import router as api_router
from unref.serve.context import Settings
from unref.serve.corpus import Busy, Corpus, QueryTimeout
from unref.serve.errors import ApiError, error_json
from unref.serve.pages import install_filters
from unref.serve.pages import router as pages_router

__all__ = ["Settings", "create_app"]

log = logging.getLogger("unref.serve")
HERE = Path(__file__).resolve().parent
# The graph library comes from the npm registry through package.json, never as a copied file.
GRAPH_LIBRARY = HERE.parents[2] / "node_modules" / "cytoscape" / "dist"

# No request leaves the page: scripts, styles and images come from this server only, and a script may fetch only
# from it (the reader's highlights: boxes.json). No inline script or style anywhere (the templates hold none), so
# the console shows no policy error.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def wants_json(request: Request) -> bool:
    """Return whether an error on this request is reported as JSON (the API and the .json twins)."""
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path.endswith(".json")


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors()[:3]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return "malformed request: " + "; ".join(parts)


def _status_of(err: Exception) -> tuple[int, str]:
    """Return the HTTP status and message of an error raised by a route."""
    if isinstance(err, ApiError):
        return err.status, err.message
    if isinstance(err, StarletteHTTPException):
        message = err.detail if isinstance(err.detail, str) else json.dumps(err.detail)
        if err.status_code == 404 and message == "Not Found":
            message = "no such page or endpoint"
        return err.status_code, message
    if isinstance(err, RequestValidationError):
        return 400, _validation_message(err)
    if isinstance(err, QueryTimeout | Busy):
        return 503, err.reason
    if isinstance(err, QueryError):
        return 400, err.reason
    if isinstance(err, StoreError):
        return 503, f"the corpus cannot be used: {err.reason}"
    if isinstance(err, UnrefError):
        return 400, err.reason
    return 500, "internal error (the server's log has the details)"


def _is_fault(status: int, err: Exception) -> bool:
    """Whether an error is the server's fault, to be logged with its traceback: a 5xx that no route chose to
    answer. A 503 the server answers on purpose (an ApiError: the parse slots are taken, the store cannot take an
    upload), a query past its time and a busy or unreachable store are answers, not faults: logged with a
    traceback each, a client sending uploads in a loop filled the log with one per request (issue 15)."""
    return status >= 500 and not isinstance(err, ApiError | QueryTimeout | Busy | StoreError)


def _error_response(request: Request, err: Exception) -> Response:
    status, message = _status_of(err)
    if _is_fault(status, err):
        log.error("error on %s %s", request.method, request.url.path, exc_info=err)
    headers = getattr(err, "headers", None) or None
    if wants_json(request):
        return JSONResponse(error_json(status, message), status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status, headers=headers)


class SecurityHeaders:
    """ASGI middleware: no sniffing, no referrer, and a content security policy on every HTML page."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[..., Awaitable[Any]],
                       send: Callable[[MutableMapping[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and b"content-security-policy" not in names:
                    headers += [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _document_schema() -> dict[str, Any]:
    """Return the unref.document/1 JSON Schema with its $defs as OpenAPI components."""
    schema: dict[str, Any] = json.loads((files("unref") / "schema" / "document.schema.json").read_text("utf-8"))
    text = json.dumps(schema).replace('"#/$defs/', '"#/components/schemas/Document_')
    schema = json.loads(text)
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    return {"Document": schema, **{f"Document_{k}": v for k, v in defs.items()}}


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title="unref", version=__version__, routes=app.routes,
                           description=(app.description or ""))
        components = spec.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        schemas.update(_document_schema())
        for path in spec.get("paths", {}).values():
            for operation in path.values():
                responses = operation.get("responses", {})
                default_422 = responses.get("422", {}).get("content", {}).get("application/json", {})
                if "HTTPValidationError" in json.dumps(default_422):
                    del responses["422"]  # validation errors are 400s in the one error shape
        app.openapi_schema = spec
        return spec

    return build


def create_app(store_url: str, *, token: str | None = None, **limits: Any) -> FastAPI:
    """Return the web application over the corpus at `store_url`; `limits` override `Settings` fields.

    Without `token`, the server only reads. With it, POST /api/parse takes uploads from
    clients that send ``Authorization: Bearer <token>``.
    """
    settings = replace(Settings(store_url), token=token or None, **limits)
    corpus = Corpus(store_url, pool_size=settings.pool_size, query_timeout=settings.query_timeout)
    corpus.check()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()

    app = FastAPI(
        title="unref", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Read, search and follow citations in a corpus of United Nations documents. "
                    "Every error is `{\"error\": {\"status\", \"message\"}}`; lists stop at "
                    f"{settings.max_rows} rows and say so with `truncated`.",
    )
    app.state.settings = settings
    app.state.corpus = corpus
    app.state.stats_cache = {}
    app.state.parse_slots = asyncio.Semaphore(settings.parse_workers)
    # autoescape everywhere: document text is untrusted, and no template marks it safe.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    app.state.templates = templates


    install_filters(templates)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    if GRAPH_LIBRARY.is_dir():  # installed by `npm ci` beside the project (package.json)
        app.mount("/vendor/cytoscape", StaticFiles(directory=str(GRAPH_LIBRARY)), name="vendor")
    templates.env.globals["graph_library"] = GRAPH_LIBRARY.is_dir()

    async def handle(request: Request, err: Exception) -> Response:
        return _error_response(request, err)

    for kind in (ApiError, StarletteHTTPException, RequestValidationError, UnrefError, Exception):
        app.add_exception_handler(kind, handle)
    app.add_middleware(SecurityHeaders)
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    return app
