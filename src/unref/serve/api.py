"""The REST API under /api: documents by symbol, search, the citation graph, and parsing an upload.

Routes return the dicts of `views` as they are (no response model re-validates them); the
models here describe them in the OpenAPI schema, and the schema tests hold the two together.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import threading
import time
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Security
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict

from unref.corpus.store import StoreError, open_store, prepare
from unref.errors import UnrefError
from unref.serve.context import Settings, corpus_of, settings_of, symbol_view
from unref.serve.errors import ApiError, ErrorResponse
from unref.serve.markup import doc_href
from unref.serve.views import SearchRequest, document, family_view, is_broad, links_view, search, thread_view

__all__ = ["router"]

log = logging.getLogger("unref.serve")

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Malformed request (a bad query, date, cursor or parameter)."},
    404: {"model": ErrorResponse, "description": "No document holds this symbol, or no such endpoint."},
    503: {"model": ErrorResponse, "description": "The request ran out of time, or the server is busy."},
}
DOCUMENT = {"description": "The document in the public schema unref.document/1.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}}
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_PAGE = 100

router = APIRouter(prefix="/api", responses=ERRORS)
bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--token or $UNREF_TOKEN).")

Symbol = Annotated[str, PathParam(description="A document symbol as written, its slashes included: S/2025/105, "
                                              "S/RES/822 (1993), A/79/796-S/2025/105; or a content hash.")]
Lang = Annotated[str | None, Query(max_length=10, description="Prefer the copy in this language (en, fr, ...).")]


# ---------------------------------------------------------------------------
# Response models (for the schema)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class HitModel(_Open):
    """A matching passage: its document, where it stands, and a snippet with [start, end) highlights."""

    symbol: str | None
    symbols: list[str]
    date: str | None
    doc_type: str | None
    language: str | None
    title: str | None
    location: str
    kind: str
    page: int | None
    score: float
    snippet: str
    highlights: list[list[int]]
    url: str
    document_url: str


class FacetValue(_Open):
    """A value of a facet and how many of the sampled hits' documents have it."""

    value: str
    count: int
    active: bool


class NamedDocument(_Open):
    """The stored document that a query made of one symbol names, shown before the passages that cite it."""

    symbol: str
    title: str | None
    date: str | None
    doc_type: str | None
    url: str


class GroupHitModel(_Open):
    """A hit within its document's group: where it stands (paragraph or note, and page) and its snippet."""

    location: str
    kind: str
    page: int | None
    score: float
    snippet: str
    highlights: list[list[int]]
    url: str


class DocumentHitsModel(_Open):
    """A document of the results, once, with its hits best first and the pages they stand on."""

    symbol: str | None
    symbols: list[str]
    title: str | None
    date: str | None
    doc_type: str | None
    language: str | None
    score: float
    pages: list[int]
    url: str
    hits: list[GroupHitModel]


class SearchResponse(_Open):
    """A page of hits. Pass `next` as `after=` for the next page; `truncated` says the hits stop at the cap."""

    query: str
    filters: dict[str, str]
    limit: int
    hits: list[HitModel]
    next: str | None
    truncated: bool
    facets: dict[str, list[FacetValue]] | None = None
    facet_sample: int | None = None
    document: NamedDocument | None = None
    sort: str | None = None
    groups: list[DocumentHitsModel] | None = None
    window: int | None = None


class NodeModel(_Open):
    """A document of the graph: in the corpus (with `href`) or known only from citations (with its undocs.org `url`)."""

    symbol: str
    in_corpus: bool
    url: str | None
    symbols: list[str]
    title: str | None
    date: str | None
    doc_type: str | None
    href: str | None


class LinkModel(_Open):
    """A citation from `source` to `target`, with the citing passage and the citation highlighted in it."""

    source: NodeModel
    target: NodeModel
    kind: str
    text: str
    location: str
    passage: str | None
    highlights: list[list[int]]


class LinksResponse(_Open):
    """Citations of or to a document, at most the server's row cap."""

    symbol: str
    links: list[LinkModel]
    total: int
    truncated: bool


class LetterModel(NodeModel):
    """A letter of a correspondence thread, and the letters of the thread it refers to and is referred to by."""

    refers_to: list[str]
    referred_by: list[str]


class ThreadResponse(_Open):
    """A correspondence thread in date order."""

    symbol: str
    letters: list[LetterModel]
    truncated: bool


class MemberModel(NodeModel):
    """A member of a document family and its relation: original, addendum, corrigendum, revision, ..."""

    relation: str


class FamilyResponse(_Open):
    """A document family."""

    symbol: str
    members: list[MemberModel]
    truncated: bool


class StatsResponse(_Open):
    """Counts of the corpus."""

    documents: int
    passages: int
    citations: int


# ---------------------------------------------------------------------------
# Helpers



def stats(request: Request) -> dict[str, Any]:
    """Return the corpus counts, computed at most every 60 seconds."""
    cache: dict[str, Any] = request.app.state.stats_cache
    if cache.get("at", 0.0) + 60 < time.monotonic():
        with corpus_of(request).store() as store:
            found = store.stats()
        cache.update(at=time.monotonic(), value={k: found[k] for k in ("backend", "documents", "passages",
                                                                      "citations")})
    value: dict[str, Any] = cache["value"]
    return value


def search_request(q: str, organ: str | None, type: str | None, lang: str | None, date_from: str | None,
                   date_to: str | None, agenda_item: str | None, symbol_prefix: str | None, after: str | None,
                   limit: int | None, settings: Settings, sort: str | None = None) -> SearchRequest:
    """Return the search that these parameters ask for."""
    return SearchRequest(q=q, organ=organ, type=type, lang=lang, date_from=date_from, date_to=date_to,
                         agenda_item=agenda_item, symbol_prefix=symbol_prefix, after=after,
                         limit=min(limit or settings.page_size, MAX_PAGE), sort=sort or None)


# ---------------------------------------------------------------------------
# Routes


@router.get("/stats", summary="Corpus counts",
            response_model=None, responses={200: {"model": StatsResponse}}, tags=["corpus"])
def get_stats(request: Request) -> JSONResponse:
    """Counts of documents, passages and citations in the corpus."""
    return JSONResponse(stats(request))


@router.get("/search", summary="Search passages",
            response_model=None, responses={200: {"model": SearchResponse}}, tags=["search"])
def get_search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=1000,
                            description='Words (all required), "a phrase", prefix*, a OR b, -excluded.')],
    organ: Annotated[str | None, Query(max_length=200, description="GA, SC, ECOSOC, HRC or an organ's name.")] = None,
    type: Annotated[str | None, Query(max_length=50, description="Document type: letter, report, ...")] = None,
    lang: Annotated[str | None, Query(max_length=10, description="Language of the document: en, fr, ...")] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE, description="Dated on or after.")] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE, description="Dated on or before.")] = None,
    agenda_item: Annotated[str | None, Query(max_length=50, description='Agenda item: 34, "34 (b)".')] = None,
    symbol_prefix: Annotated[str | None, Query(max_length=200, description="Symbols so begun: S/2025/.")] = None,
    after: Annotated[str | None, Query(max_length=500, description="The `next` cursor of the previous page.")] = None,
    limit: Annotated[int | None, Query(ge=1, le=MAX_PAGE, description="Hits per page.")] = None,
    facets: Annotated[bool, Query(description="Count the top hits' documents by organ, year, type, ...")] = False,
    sort: Annotated[str | None, Query(max_length=20, description=(
        "relevance (default): keyset pages of hits, best first; date: the documents of the best 200 hits, "
        "newest first, on one page."))] = None,
) -> JSONResponse:
    """Search paragraphs and footnotes, best first, with keyset-style cursors and a cap on the hits.

    `groups` holds the same hits by document: each document once, with the pages its hits stand on."""
    settings = settings_of(request)
    wanted = search_request(q, organ, type, lang, date_from, date_to, agenda_item, symbol_prefix, after, limit,
                            settings, sort)
    with corpus_of(request).store(broad=is_broad(wanted.q)) as store:
        return JSONResponse(search(store, wanted, max_rows=settings.max_rows,
                                   facet_sample=settings.facet_sample if facets else 0))


@router.get("/documents/{symbol:path}/cites", summary="What a document cites",
            response_model=None, responses={200: {"model": LinksResponse}},
            tags=["graph"])
def get_cites(request: Request, symbol: Symbol, lang: Lang = None, all: Annotated[bool, Query(
        description="Every kind of citation (web addresses, treaties, ...), not only UN symbols.")] = False,
              ) -> JSONResponse:
    """What the document cites, each target once, in reading order."""
    return JSONResponse(symbol_view(request, links_view, symbol, lang, "cites", all_kinds=all))


@router.get("/documents/{symbol:path}/cited-by", summary="What cites a document",
            response_model=None, responses={200: {"model": LinksResponse}},
            tags=["graph"])
def get_cited_by(request: Request, symbol: Symbol, lang: Lang = None) -> JSONResponse:
    """Every passage of the corpus that cites the document (which need not be in the corpus itself)."""
    return JSONResponse(symbol_view(request, links_view, symbol, lang, "cited_by"))


@router.get("/documents/{symbol:path}/thread", summary="Correspondence thread",
            response_model=None, responses={200: {"model": ThreadResponse}},
            tags=["graph"])
def get_thread(request: Request, symbol: Symbol, lang: Lang = None) -> JSONResponse:
    """The correspondence thread of a letter: letters that answer or refer to each other, by date."""
    return JSONResponse(symbol_view(request, thread_view, symbol, lang))


@router.get("/documents/{symbol:path}/family", summary="Document family",
            response_model=None, responses={200: {"model": FamilyResponse}},
            tags=["graph"])
def get_family(request: Request, symbol: Symbol, lang: Lang = None) -> JSONResponse:
    """The document's family: its addenda, corrigenda and revisions, and its other symbols."""
    return JSONResponse(symbol_view(request, family_view, symbol, lang))


@router.get("/documents/{symbol:path}", summary="A document",
            response_model=None, responses={200: DOCUMENT}, tags=["documents"])
def get_document(request: Request, symbol: Symbol, lang: Lang = None) -> JSONResponse:
    """A stored document by any of its symbols (or its content hash), in the schema unref.document/1."""
    with corpus_of(request).store() as store:
        _, record = document(store, symbol, lang)
    return JSONResponse(record)


# ---------------------------------------------------------------------------
# Parsing an upload


PARSE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No token, or the wrong one."},
    403: {"model": ErrorResponse, "description": "Uploads are off: the server was started without a token."},
    413: {"model": ErrorResponse, "description": "The upload is larger than the server's limit."},
    415: {"model": ErrorResponse, "description": "Neither a PDF nor UTF-8 text."},
    422: {"model": ErrorResponse, "description": "The upload is not a UN document unref can read."},
    200: DOCUMENT,
}
UPLOAD_BODY = {"requestBody": {"required": True, "content": {
    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
    "text/plain": {"schema": {"type": "string"}},
}}}


def _check_token(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if not settings.token:
        raise ApiError(403, "uploads are off: this server was started without a token")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise ApiError(401, "send the server's token as `Authorization: Bearer <token>`",
                       headers={"WWW-Authenticate": "Bearer"})


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > limit:
        raise ApiError(413, f"the upload is larger than {limit} bytes (the server's limit)")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, f"the upload is larger than {limit} bytes (the server's limit)")
    return bytes(body)


#: Memory of the child process that parses one upload (MiB): a bomb fails there, never the server.
UPLOAD_MEMORY_MIB = 1024
# The warm children that parse uploads, by their limits (a server has one set of limits).
_POOLS: dict[Any, Any] = {}
_POOLS_LOCK = threading.Lock()


def _pool(limits: Any) -> Any:
    """Return the pool of warm children (`unref.sandbox.SandboxPool`) that parse uploads under `limits`."""
    from unref.sandbox import SandboxPool

    with _POOLS_LOCK:
        return _POOLS.setdefault(limits, SandboxPool(limits))


def upload_record(doc: Any) -> dict[str, Any]:
    """Return the unref.document/1 record of a parsed upload, without its path (runs in the parsing child)."""
    record: dict[str, Any] = doc.to_json()
    record["source"] = None
    return record


def _parse_bytes(body: bytes, is_pdf: bool, settings: Settings) -> dict[str, Any]:
    """Return the unref.document/1 record of an upload; ApiError when it cannot be read.

    The upload is parsed in a child process under limits of memory and time (`unref.sandbox`), so that
    a bomb or a page of millions of glyphs fails alone, with 422, while the server answers the rest.
    """
    from unref.sandbox import Limits

    if not is_pdf:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(415, "send a PDF (application/pdf) or UTF-8 text (text/plain)") from None
    limits = Limits(memory_mib=UPLOAD_MEMORY_MIB, timeout=settings.parse_timeout, max_pages=settings.parse_max_pages)
    try:  # parsed from memory; the name keeps the rule that a .pdf may have junk before %PDF-
        record: dict[str, Any] = _pool(limits).parse(body, upload_record, name="upload.pdf" if is_pdf else "upload.txt",
                                                     text=not is_pdf)
        return record
    except UnrefError as err:
        raise ApiError(422, err.reason) from None
    except (RecursionError, MemoryError) as err:
        raise ApiError(422, f"the upload is too complex to parse ({type(err).__name__})") from None
    except Exception as err:  # any other failure of one upload is the upload's, never the server's (500)
        raise ApiError(422, f"the upload cannot be parsed ({type(err).__name__})") from None


async def _upload(request: Request, credentials: HTTPAuthorizationCredentials | None) -> tuple[bytes, bool]:
    """Return the body of an upload and whether it is a PDF, after the token, type and size checks."""
    settings = settings_of(request)
    _check_token(settings, credentials)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/pdf", "text/plain", "application/octet-stream", ""):
        raise ApiError(415, "send a PDF (application/pdf) or UTF-8 text (text/plain)")
    _check_slots(request)  # before reading the body: a client that sends uploads in a loop is turned away cheaply
    body = await _read_body(request, settings.max_upload)
    if not body.strip():
        raise ApiError(422, "the upload is empty")
    return body, body.startswith(b"%PDF-") or kind == "application/pdf"


def _check_slots(request: Request) -> None:
    """Answer 503 when every parse slot is taken (uploads are parsed a few at a time; the rest wait at the client)."""
    slots: asyncio.Semaphore = request.app.state.parse_slots
    if slots.locked():
        raise ApiError(503, "the server is parsing other uploads; try again in a moment")


async def _parse_upload(request: Request, body: bytes, is_pdf: bool) -> dict[str, Any]:
    slots: asyncio.Semaphore = request.app.state.parse_slots
    _check_slots(request)  # again: the slots may have been taken while the body came in
    async with slots:
        return await run_in_threadpool(_parse_bytes, body, is_pdf, settings_of(request))


@router.post("/parse", summary="Parse an upload",
             response_model=None, responses=PARSE_ERRORS, openapi_extra=UPLOAD_BODY, tags=["parse"])
async def post_parse(request: Request,
                     credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
                     ) -> JSONResponse:
    """Parse an uploaded PDF or text into unref.document/1, without storing it. Needs the server's token."""
    body, is_pdf = await _upload(request, credentials)
    return JSONResponse(await _parse_upload(request, body, is_pdf))


class Ingested(_Open):
    """An upload added to the corpus (201), or already in it (200): the same bytes were ingested before."""

    added: bool
    hash: str
    symbol: str | None
    symbols: list[str]
    url: str


def _store_upload(settings: Settings, record: dict[str, Any], digest: str, name: str) -> bool:
    """Add a parsed upload to the corpus through a connection of its own (the pool's only read)."""
    with open_store(settings.store_url, timeout=settings.query_timeout) as store:
        return store.add(prepare(record, hash=digest, path=f"upload:{name}"))


@router.post("/documents", summary="Ingest an upload", status_code=201, response_model=Ingested,
             responses={**PARSE_ERRORS, 200: {"model": Ingested, "description": "Already in the corpus."}},
             openapi_extra=UPLOAD_BODY, tags=["parse"])
async def post_document(
    request: Request,
    name: Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f]*$",
                                      description="A name for the upload (its file name): kept as its path.")] = None,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
) -> JSONResponse:
    """Parse an uploaded PDF or text and add it to the corpus, keyed by the SHA-256 of its bytes.

    Needs the server's token. Sending the same bytes again adds nothing and answers 200.
    """
    body, is_pdf = await _upload(request, credentials)
    record = await _parse_upload(request, body, is_pdf)
    digest = hashlib.sha256(body).hexdigest()
    try:
        added = await run_in_threadpool(_store_upload, settings_of(request), record, digest,
                                        name or ("upload.pdf" if is_pdf else "upload.txt"))
    except StoreError as err:
        raise ApiError(503, f"the corpus cannot take the document now: {err.reason}") from None
    except UnrefError as err:
        raise ApiError(422, err.reason) from None
    symbols = list(record.get("symbols") or [])
    symbol = symbols[0] if symbols else None
    log.info("ingested upload %s (%s): %s", digest[:12], symbol or "no symbol", "added" if added else "known")
    return JSONResponse({"added": added, "hash": digest, "symbol": symbol, "symbols": symbols,
                         "url": doc_href(symbol or digest)}, status_code=201 if added else 200)
