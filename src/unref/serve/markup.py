"""HTML for document text: citations as links, quotations with their attribution, footnotes at their markers.

Document text is untrusted. Every piece of it goes through `markupsafe.escape` (or
`Markup.format`, which escapes its arguments); the only markup here is the fixed tags
written in this module. Links are made only to the server's own pages and to http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from markupsafe import Markup, escape

__all__ = ["Mark", "Marker", "annotate", "api_href", "doc_href", "highlight", "safe_url"]


def doc_href(symbol: str, suffix: str = "") -> str:
    """Return the path of a document's page on this server (a symbol holds "/" and spaces)."""
    return "/documents/" + quote(symbol, safe="/()*") + suffix


def api_href(symbol: str, suffix: str = "") -> str:
    """Return the path of a document's resource in the REST API."""
    return "/api/documents/" + quote(symbol, safe="/()*") + suffix


def safe_url(url: str | None) -> str | None:
    """Return `url` when it is an http(s) address, else None: document text never gives a script link."""
    if not url:
        return None
    head = url.strip().lower()
    return url.strip() if head.startswith(("https://", "http://")) else None


@dataclass(frozen=True, slots=True)
class Mark:
    """A run of text to wrap: a citation (a link) or a quotation (with its attribution)."""

    start: int
    end: int
    kind: str  # "cite" or "quote"
    href: str | None = None
    title: str | None = None
    by: str | None = None  # a quotation's attribution
    local: bool = False  # a citation of a document of this corpus
    ref: int | None = None  # a citation's place among the record's citations (data-c: the page highlights it)


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote marker at an offset, with its note already rendered."""

    offset: int
    label: str
    note_id: str | None
    note_html: Markup = field(default_factory=Markup)
    note_text: str = ""


def _clean(marks: Iterable[Mark], size: int) -> list[Mark]:
    """Return marks clipped to the text, sorted, each overlapping an earlier one dropped."""
    out: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, end = max(0, m.start), min(size, m.end)
        if end <= start or (out and start < out[-1].end):
            continue
        out.append(replace(m, start=start, end=end))
    return out


def _nest(quotes: list[Mark], cites: list[Mark], size: int) -> list[Mark]:
    """Return the quotes widened so that no citation straddles a quote's edge (cites then nest inside)."""
    wide = []
    for q in quotes:
        start, end = q.start, q.end
        for c in cites:
            if c.start < start < c.end:
                start = c.start
            if c.start < end < c.end:
                end = c.end
        wide.append(Mark(start, end, q.kind, q.href, q.title, q.by))
    return _clean(wide, size)


def _open(m: Mark) -> Markup:
    if m.kind == "quote":
        return Markup('<span class="quote" title="{}">').format(m.title or "Quotation")
    data = Markup(' data-c="{}"').format(m.ref) if m.ref is not None else Markup()
    if m.href is None:
        return Markup('<span class="cite unresolved" title="{}"{}>').format(m.title or "Citation", data)
    cls = "cite local" if m.local else "cite external"
    rel = "" if m.local else ' rel="noopener noreferrer nofollow"'
    return Markup('<a class="{}" href="{}" title="{}"{}{}>').format(cls, m.href, m.title or "", data, Markup(rel))


def _close(m: Mark) -> Markup:
    if m.kind == "quote":
        by = Markup('<cite class="by">{}</cite>').format(m.by) if m.by else Markup()
        return Markup("</span>") + by
    return Markup("</span>") if m.href is None else Markup("</a>")


def _marker(k: Marker) -> Markup:
    if not k.note_id:  # a marker whose note was not found: show the label alone
        return Markup('<sup class="fn-orphan" title="note not found">{}</sup>').format(k.label)
    return Markup(
        '<details class="fn"><summary title="{text}" aria-label="Footnote {label}"><sup>{label}</sup></summary>'
        '<span class="fn-body" role="note"><a class="fn-label" href="#{anchor}">{label}</a> {note}</span></details>'
    ).format(text=k.note_text, label=k.label, anchor=k.note_id, note=k.note_html)


def _place_markers(markers: Iterable[Marker], cites: list[Mark], size: int) -> dict[int, list[Marker]]:
    """Return the footnote markers by the offset they go at: within the text, and after a citation that holds
    one (links stay whole)."""
    at: dict[int, list[Marker]] = {}
    for k in markers:
        offset = max(0, min(size, k.offset))
        for c in cites:
            if c.start < offset < c.end:
                offset = c.end
        at.setdefault(offset, []).append(k)
    return at


def _closed_at(pos: int, mark: Mark | None) -> tuple[list[Markup], Mark | None]:
    """Return the closing tag of the open `mark` if it ends at `pos`, and the mark still open after `pos`."""
    if mark is not None and mark.end == pos:
        return [_close(mark)], None
    return [], mark


def _opened_at(pos: int, starts: dict[int, Mark], mark: Mark | None) -> tuple[list[Markup], Mark | None]:
    """Return the opening tag of the mark that starts at `pos`, if one does, and the mark open after `pos`."""
    if pos in starts:
        return [_open(starts[pos])], starts[pos]
    return [], mark


def annotate(text: str, marks: Iterable[Mark] = (), markers: Iterable[Marker] = ()) -> Markup:
    """Return `text` as HTML with citations linked, quotations marked and footnote markers placed.

    At each cut the tags go in this order: a citation closes, then a quotation (a citation nests
    inside a quotation), the markers placed there, a quotation opens, then a citation.
    """
    size = len(text)
    marks = list(marks)
    cites = _clean((m for m in marks if m.kind == "cite"), size)
    quotes = _nest([m for m in marks if m.kind == "quote"], cites, size)
    at = _place_markers(markers, cites, size)
    starts = {m.start: m for m in cites}
    qstarts = {m.start: m for m in quotes}
    cuts = sorted({0, size, *at, *(m.start for m in cites + quotes), *(m.end for m in cites + quotes)})
    out: list[Markup] = []
    cite: Mark | None = None
    quote_: Mark | None = None
    for i, pos in enumerate(cuts):
        closing_cite, cite = _closed_at(pos, cite)
        closing_quote, quote_ = _closed_at(pos, quote_)
        opening_quote, quote_ = _opened_at(pos, qstarts, quote_)
        opening_cite, cite = _opened_at(pos, starts, cite)
        out += closing_cite + closing_quote + [_marker(k) for k in at.get(pos, [])] + opening_quote + opening_cite
        if i + 1 < len(cuts):
            out.append(escape(text[pos:cuts[i + 1]]))
    return Markup("").join(out)


def highlight(text: str, ranges: Iterable[tuple[int, int]] | Iterable[list[int]],
              wrap: Callable[[Markup], Markup] | None = None) -> Markup:
    """Return `text` escaped, with each [start, end) range in a <mark>."""
    out: list[Markup] = []
    last = 0
    for start, end in sorted((int(r[0]), int(r[1])) for r in ranges):
        start, end = max(last, start), min(len(text), end)
        if end <= start:
            continue
        piece = escape(text[start:end])
        out += [escape(text[last:start]), wrap(piece) if wrap else Markup("<mark>{}</mark>").format(piece)]
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)
