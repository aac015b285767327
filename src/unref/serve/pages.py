"""The pages: search with facets, the document reader, the citation neighbourhood and the thread of a letter.

Every page works without JavaScript and has a `.json` twin that returns the data it shows
(the document page's twin is the document in unref.document/1, as the API gives it).
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from unref.corpus.export import export_results
from unref.corpus.graph import LETTER_TYPES
from unref.corpus.store import DocumentInfo, Store
from unref.corpus.store.base import symbol_key
from unref.serve.api import DATE, MAX_PAGE, search_request, stats
from unref.serve.context import corpus_of, html, settings_of, symbol_view
from unref.serve.diagram import layout, narrow_headings, narrow_layout
from unref.serve.errors import ApiError
from unref.serve.markup import Mark, Marker, annotate, api_href, doc_href, highlight, safe_url
from unref.serve.pdfview import boxes_of, page_image, page_sizes, source_file, unavailable
from unref.serve.views import (
    SearchRequest,
    checked_symbol,
    doc_name,
    document,
    export_groups,
    family_view,
    is_broad,
    neighbourhood,
    search,
    thread_view,
)
from unref.symbols import try_parse

__all__ = ["install_filters", "router"]

router = APIRouter(include_in_schema=False)

FACET_NAMES = {"organ": "Organ", "year": "Year", "type": "Type", "language": "Language", "agenda_item": "Agenda item"}
FACET_PARAMS = {"organ": "organ", "type": "type", "language": "lang", "agenda_item": "agenda_item"}
KIND_NAMES = {"letter": "Letter", "identical_letters": "Identical letters", "note_verbale": "Note verbale",
              "report": "Report", "note": "Note", "resolution": "Resolution", "draft_resolution": "Draft resolution",
              "decision": "Decision", "draft_decision": "Draft decision", "meeting_record": "Meeting record",
              "agenda": "Agenda", "other": "Other"}



def search_url(params: dict[str, str], **changes: str | None) -> str:
    """Return the search page's URL for these parameters, some changed (None removes one)."""
    merged = {**params, **changes}
    return "/search?" + urlencode({k: v for k, v in merged.items() if v})


def facet_url(params: dict[str, str], facet: str, value: str, active: bool) -> str:
    """Return the search URL that adds (or, when `active`, removes) a facet's value."""
    if facet == "year":
        return search_url(params, **{"from": None if active else value, "to": None if active else value})
    return search_url(params, **{FACET_PARAMS[facet]: None if active else value})


def install_filters(templates: Jinja2Templates) -> None:
    """Give the templates the helpers they use."""
    env = templates.env
    env.globals.update(doc_href=doc_href, api_href=api_href, search_url=search_url, facet_url=facet_url,
                       export_url=export_url,
                       facet_names=FACET_NAMES, kind_names=KIND_NAMES)
    env.filters["highlight"] = highlight


# ---------------------------------------------------------------------------
# Search


@router.get("/")
def home() -> RedirectResponse:
    """Send the front door to the search page."""
    return RedirectResponse("/search", status_code=307)


def _search_view(request: Request, wanted: SearchRequest) -> dict[str, Any]:
    settings = settings_of(request)
    if not wanted.q:
        return {"query": "", "filters": wanted.params(), "limit": wanted.limit, "hits": [], "next": None,
                "truncated": False, "stats": stats(request), "sort": wanted.order(), "groups": []}
    with corpus_of(request).store(broad=is_broad(wanted.q)) as store:
        return search(store, wanted, max_rows=settings.max_rows, facet_sample=settings.facet_sample)


Q = Annotated[str, Query(max_length=1000)]
Opt = Annotated[str | None, Query(max_length=200)]
FORM_DATE = f"^(?:{DATE[1:-1]})?$"  # a form sends an empty field for no date
Limit = Annotated[int | None, Query(ge=1, le=MAX_PAGE)]
Sort = Annotated[str | None, Query(max_length=20)]
From = Annotated[str | None, Query(alias="from", max_length=20)]
To = Annotated[str | None, Query(alias="to", max_length=20)]


def _wanted(request: Request, q: str, organ: str | None, type: str | None, lang: str | None, date_from: str | None,
            date_to: str | None, agenda_item: str | None, symbol_prefix: str | None, after: str | None = None,
            limit: int | None = None, sort: str | None = None) -> SearchRequest:
    """Return the search that the page's parameters ask for (a form's empty fields are no filter)."""
    return search_request(q.strip(), organ or None, type or None, lang or None, date_from or None, date_to or None,
                          agenda_item or None, symbol_prefix or None, after or None, limit, settings_of(request),
                          sort or None)


@router.get("/search.json")
def search_json(request: Request, q: Q = "", organ: Opt = None, type: Opt = None, lang: Opt = None,
                date_from: Annotated[str | None, Query(alias="from", pattern=FORM_DATE)] = None,
                date_to: Annotated[str | None, Query(alias="to", pattern=FORM_DATE)] = None, agenda_item: Opt = None,
                symbol_prefix: Opt = None, after: Opt = None, limit: Limit = None, sort: Sort = None) -> JSONResponse:
    """The search page's data."""
    return JSONResponse(_search_view(request, _wanted(request, q, organ, type, lang, date_from, date_to, agenda_item,
                                                      symbol_prefix, after, limit, sort)))


EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@router.get("/search/export.{format}")
def search_export(request: Request, format: str, q: Q = "", organ: Opt = None, type: Opt = None, lang: Opt = None,
                  date_from: From = None, date_to: To = None, agenda_item: Opt = None, symbol_prefix: Opt = None,
                  sort: Sort = None) -> Response:
    """The results of a search as a file to download: CSV (a row per hit) or JSON (by document), at most the
    server's row limit of hits, by document, in the order asked."""
    if format not in EXPORT_TYPES:
        raise ApiError(404, f"search results export as {' or '.join(EXPORT_TYPES)}, not {format!r}")
    wanted = _wanted(request, q, organ, type, lang, date_from, date_to, agenda_item, symbol_prefix, sort=sort)
    if not wanted.q:
        raise ApiError(400, "no query: give q= the words to search for")
    with corpus_of(request).store(broad=True) as store:
        groups = export_groups(store, wanted, max_rows=settings_of(request).max_rows)
    out = io.StringIO()
    export_results(groups, format, out, query=wanted.q, filters=wanted.params(), sort=wanted.order())
    return Response(out.getvalue(), media_type=EXPORT_TYPES[format],
                    headers={"content-disposition": f'attachment; filename="unref-search.{format}"'})


def export_url(params: dict[str, str], format: str) -> str:
    """Return the download link of a search's results in `format` (csv or json)."""
    return f"/search/export.{format}?" + urlencode({k: v for k, v in params.items() if v})


@router.get("/search")
def search_page(request: Request, q: Q = "", organ: Opt = None, type: Opt = None, lang: Opt = None,
                date_from: From = None, date_to: To = None, agenda_item: Opt = None,
                symbol_prefix: Opt = None, after: Opt = None, limit: Limit = None, sort: Sort = None) -> Response:
    """Search with facets, the hits by document; a malformed query shows the form again with the reason."""
    form = {"q": q, "organ": organ or "", "type": type or "", "lang": lang or "", "from": date_from or "",
            "to": date_to or "", "agenda_item": agenda_item or "", "symbol_prefix": symbol_prefix or "",
            "sort": sort or ""}
    twin = "/search.json?" + urlencode({k: v for k, v in {**form, "after": after or ""}.items() if v})
    try:
        view = _search_view(request, _wanted(request, q, organ, type, lang, date_from, date_to, agenda_item,
                                             symbol_prefix, after, limit, sort))
    except ApiError as err:
        if err.status != 400:
            raise
        return html(request, "search.html", {"form": form, "view": None, "error": err.message, "twin": twin},
                    status=400)
    return html(request, "search.html", {"form": form, "view": view, "error": None, "twin": twin})


# ---------------------------------------------------------------------------
# The reader


def _in_corpus(store: Store, record: dict[str, Any]) -> set[str]:
    """Return the keys of the cited symbols that documents of the corpus hold."""
    keys = {symbol_key(c["target"]) for c in record.get("citations", [])
            if c.get("kind") == "un_symbol" and c.get("target")}
    return {s for d in store.documents(keys) for s in d.symbols} & keys if keys else set()


def _citation_mark(c: dict[str, Any], held: set[str], index: int | None = None) -> Mark:
    """Return a citation as a mark: a link to its page here, to its address, or unresolved; `index` is its place
    in the record's citations (the page highlights its span on the PDF by it)."""
    target = c.get("target")
    if c.get("kind") == "un_symbol" and target and symbol_key(target) in held:
        return Mark(c["start"], c["end"], "cite", doc_href(symbol_key(target)), f"{target}: in this corpus",
                    local=True, ref=index)
    url = safe_url(c.get("url"))
    if url and c.get("kind") == "un_symbol":
        return Mark(c["start"], c["end"], "cite", url, f"{target}: not in this corpus; on undocs.org", ref=index)
    if url:
        return Mark(c["start"], c["end"], "cite", url, url, ref=index)
    return Mark(c["start"], c["end"], "cite", None, c.get("reason") or "not resolved to a document", ref=index)


def _quote_mark(q: dict[str, Any]) -> Mark:
    by = q.get("attributed_to")
    title = f"Quotation attributed to {by}" if by else "Quotation (attribution not found)"
    if q.get("footnote"):
        title += f"; source in note {q['footnote']}"
    return Mark(int(q.get("start") or 0), int(q.get("end") or 0), "quote", title=title, by=by)


def _marks(record: dict[str, Any], held: set[str]) -> dict[str, list[Mark]]:
    """Return the citations and quotations of a record as marks, by the paragraph or note they stand in."""
    marks: dict[str, list[Mark]] = {}
    for i, c in enumerate(record.get("citations", [])):
        marks.setdefault(c.get("location") or "", []).append(_citation_mark(c, held, i))
    for q in record.get("quotes", []):
        marks.setdefault(q.get("location") or "", []).append(_quote_mark(q))
    return marks


def _notes(record: dict[str, Any], marks: dict[str, list[Mark]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Return the footnotes as the page lists them (anchor, label, text, HTML), and each by its id (or anchor)."""
    notes = []
    by_id: dict[str, dict[str, Any]] = {}
    for fn in record.get("footnotes", []):
        anchor = "fn:" + str(fn["label"]).replace(" ", "_")
        note = {"anchor": anchor, "label": fn["label"], "text": fn.get("text") or "",
                "html": annotate(fn.get("text") or "", marks.get(f"fn:{fn['label']}", []))}
        notes.append(note)
        by_id.setdefault(fn.get("id") or anchor, note)
    return notes, by_id


def _marker(ref: dict[str, Any], linked: dict[str, Any] | None) -> Marker:
    """Return a footnote marker with the note it links to, or alone when its note was not found."""
    if linked is None:
        return Marker(int(ref.get("offset") or 0), str(ref["label"]), None, Markup(), "")
    return Marker(int(ref.get("offset") or 0), str(ref["label"]), linked["anchor"], linked["html"], linked["text"])


def _markers(record: dict[str, Any], by_id: dict[str, Any]) -> dict[str, list[Marker]]:
    """Return the footnote markers of a record by the paragraph they stand in."""
    markers: dict[str, list[Marker]] = {}
    for ref in record.get("footnote_refs", []):
        markers.setdefault(ref["paragraph"], []).append(_marker(ref, by_id.get(ref.get("footnote") or "")))
    return markers


def _rows(p: dict[str, Any]) -> list[list[str]] | None:
    """Return a table paragraph's rows of cells (as text, escaped by the template), or None for any other."""
    rows = p.get("rows") if p.get("kind") == "table" else None
    if not isinstance(rows, list) or not rows:
        return None
    return [[str(cell) for cell in row] for row in rows if isinstance(row, list)]


def _paragraphs(record: dict[str, Any], page_href: str | None, marks: dict[str, list[Mark]],
                markers: dict[str, list[Marker]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Return the body paragraphs as the page shows them, and the masthead's lines apart.

    The first paragraph of each page links to that page of the source PDF, when there is one (`page_href`). A table
    comes with its rows (the page draws an HTML table; its text stays for search and the JSON); a figure is one block.
    """
    paragraphs, masthead, page = [], [], 0
    for p in record.get("paragraphs", []):
        if p.get("kind") == "masthead":
            masthead.append(p.get("text") or "")
            continue
        first_on_page = p.get("page") != page
        page = p.get("page") or page
        paragraphs.append({
            "id": p["id"], "kind": p.get("kind") or "body", "page": p.get("page"), "rows": _rows(p),
            "page_href": page_href + f"#page={page}" if page_href and first_on_page else None,
            "html": annotate(p.get("text") or "", marks.get(p["id"], []), markers.get(p["id"], [])),
        })
    return paragraphs, masthead


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _long_date(date: str | None) -> str | None:
    """Return an ISO date as the UN prints it ("29 April 2025"; Editorial Manual: day, month, year, no comma)."""
    if not date:
        return None
    parts = date.split("-")
    if len(parts) == 3 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return date


def undocs_links(record: dict[str, Any]) -> list[dict[str, str]]:
    """Return each symbol of the document with its address on undocs.org, in the document's language."""
    out = []
    for symbol in record.get("symbols") or []:
        parsed = try_parse(symbol)
        if parsed is not None:
            out.append({"symbol": symbol, "url": parsed.url(record.get("language") or "en")})
    return out


def reference(record: dict[str, Any], name: str) -> str:
    """Return a plain reference to the document, in the order the Dag Hammarskjöld Library's guide to citing UN
    documents gives: the organisation and organ, the title, the symbol(s), the date, and where to find it."""
    links = undocs_links(record)
    parts = ["United Nations", *(record.get("organs") or [])[:1]]
    title = (record.get("title") or "").strip().rstrip(".")
    symbols = " - ".join(record.get("symbols") or []) or name
    head = ", ".join(parts) + ". " + (f"{title} ({symbols})" if title else symbols)
    date = _long_date(record.get("date"))
    text = head + (f", {date}." if date else ".")
    return text + (f" Available at {links[0]['url']}" if links else "")


def _pdf_pane(doc: DocumentInfo, record: dict[str, Any], name: str) -> dict[str, Any]:
    """Return what the pane beside the text needs: the page images' and boxes' addresses and the pages' sizes,
    or the reason the PDF cannot be shown."""
    missing = unavailable(doc, record)
    path = source_file(doc)
    if missing is not None or path is None:
        return {"available": False, "reason": missing.reason if missing else "The PDF cannot be shown."}
    try:
        sizes = page_sizes(path)
    except Exception:  # a file the server cannot open: the page says so instead of failing
        return {"available": False, "reason": "The PDF this document was read from cannot be opened."}
    first = sizes[0] if sizes else (612.0, 792.0)
    return {"available": True, "reason": None, "sizes": [list(x) for x in sizes], "width": first[0],
            "height": first[1], "pages": doc_href(name, "/pages/"), "boxes": doc_href(name, "/boxes.json"),
            "source": doc_href(name, "/source")}


def reader(store: Store, doc: DocumentInfo, record: dict[str, Any]) -> dict[str, Any]:
    """Return what the document page shows: its facts, paragraphs and notes as escaped HTML, and its links."""
    marks = _marks(record, _in_corpus(store, record))
    notes, by_id = _notes(record, marks)
    source = source_file(doc)
    name = doc_name(doc)
    page_href = doc_href(name, "/source") if source else None
    paragraphs, masthead = _paragraphs(record, page_href, marks, _markers(record, by_id))
    return {"doc": doc, "record": record, "name": name, "paragraphs": paragraphs, "masthead": masthead,
            "notes": notes, "source": bool(source), "is_letter": record.get("doc_type") in LETTER_TYPES,
            "agenda": [f"{organ}: {', '.join(items)}" for organ, items in (record.get("agenda_items") or {}).items()],
            "undocs": undocs_links(record), "reference": reference(record, name), "pdf": _pdf_pane(doc, record, name)}


Lang = Annotated[str | None, Query(max_length=10)]


def is_twin(request: Request) -> bool:
    """Return whether the route that took the request is a page's `.json` twin (which returns the page's data)."""
    return str(getattr(request.scope.get("route"), "path", "")).endswith(".json")


# A page and its .json twin are one function on two routes: it computes the data once and returns it as JSON
# for the twin, or renders the page. The twin's route comes first, so that "family.json" is never a symbol.


@router.get("/documents/{symbol:path}/graph")
@router.get("/documents/{symbol:path}/graph.json")
def graph_page(request: Request, symbol: str, lang: Lang = None) -> Response:
    """The citation neighbourhood: a drawing, and the same links as tables (graph.json: the document, what it
    cites and what cites it)."""
    view = symbol_view(request, neighbourhood, symbol, lang)
    if is_twin(request):
        return JSONResponse(view)
    diagram = layout(view)
    narrow = narrow_layout(view)
    nodes = [dataclasses.asdict(n) for n in diagram.nodes]
    return html(request, "graph.html", {"view": view, "diagram": diagram, "narrow": narrow,
                                        "narrow_headings": narrow_headings(narrow), "graph_nodes": nodes,
                                        "twin": doc_href(symbol, "/graph.json")})


@router.get("/documents/{symbol:path}/family")
@router.get("/documents/{symbol:path}/family.json")
def family_page(request: Request, symbol: str, lang: Lang = None) -> Response:
    """A document's family: its addenda, corrigenda and revisions, and its other symbols (family.json: as
    /api/documents/{symbol}/family gives it)."""
    view = symbol_view(request, family_view, symbol, lang)
    if is_twin(request):
        return JSONResponse(view)
    return html(request, "family.html", {"view": view, "twin": doc_href(symbol, "/family.json")})


@router.get("/documents/{symbol:path}/thread")
@router.get("/documents/{symbol:path}/thread.json")
def thread_page(request: Request, symbol: str, lang: Lang = None) -> Response:
    """The correspondence thread of a letter, in date order (thread.json: the same letters as data)."""
    view = symbol_view(request, thread_view, symbol, lang)
    if is_twin(request):
        return JSONResponse(view)
    return html(request, "thread.html", {"view": view, "twin": doc_href(symbol, "/thread.json")})


@router.get("/documents/{symbol:path}/boxes.json")
def boxes_json(request: Request, symbol: str, lang: Lang = None) -> JSONResponse:
    """Where the document's paragraphs, notes and citations stand on the pages of its PDF (for the highlights);
    "reason" says why there are none."""
    with corpus_of(request).store() as store:
        doc, record = document(store, symbol, lang)
    settings = settings_of(request)
    return JSONResponse(boxes_of(doc, record, max_pages=settings.parse_max_pages, timeout=settings.parse_timeout))


def _stored_pdf(request: Request, symbol: str, lang: str | None) -> tuple[DocumentInfo, Path]:
    """Return the stored document and the PDF it was read from; a 404 when either is not there."""
    with corpus_of(request).store() as store:
        doc = store.get(checked_symbol(symbol), language=lang)
    if doc is None:
        raise ApiError(404, f"{symbol} is not in the corpus")
    path = source_file(doc)
    if path is None:
        raise ApiError(404, f"{doc_name(doc)} was not read from a PDF that is still on the server")
    return doc, path


@router.get("/documents/{symbol:path}/pages/{page}.png")
def page_png(request: Request, symbol: str, page: int, lang: Lang = None) -> Response:
    """A page of the document's PDF as an image (1-based), drawn beside the text with the highlights over it."""
    doc, path = _stored_pdf(request, symbol, lang)
    image = page_image(path, doc.hash, page)
    if image is None:
        raise ApiError(404, f"{doc_name(doc)} has no page {page}")
    return Response(image, media_type="image/png", headers={"cache-control": "private, max-age=3600"})


@router.get("/documents/{symbol:path}/source")
def source_pdf(request: Request, symbol: str, lang: Lang = None) -> FileResponse:
    """The PDF the document was read from, when the corpus read it from a PDF that is still there."""
    doc, path = _stored_pdf(request, symbol, lang)
    return FileResponse(path, media_type="application/pdf", content_disposition_type="inline",
                        filename=doc_name(doc).replace("/", "_") + ".pdf")


@router.get("/documents/{symbol:path}")
@router.get("/documents/{symbol:path}.json")
def document_page(request: Request, symbol: str, lang: Lang = None) -> Response:
    """The reader: repaired text, notes at their markers, citations as links, quotations attributed (the .json
    twin: the document in unref.document/1, as /api/documents/{symbol} gives it)."""
    twin = is_twin(request)
    with corpus_of(request).store() as store:
        doc, record = document(store, symbol, lang)
        view = None if twin else reader(store, doc, record)
    if view is None:
        return JSONResponse(record)
    view["twin"] = doc_href(symbol, ".json")
    return html(request, "document.html", view)
