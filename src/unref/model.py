"""The document model: plain dataclasses shared by every pipeline stage.

Every stage reads the output of the stage before it through these types, and
the JSON contract (`unref.document/1`) is produced from them by `to_json`.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, get_args

from unref.text.chars import replace_noncharacters

SCHEMA_ID = "unref.document/1"

# The kinds, written once. A paragraph's kind (the JSON schema's enum):
ParagraphKind = Literal[
    "body", "heading", "quote", "list_item", "signature", "annex_title", "title", "masthead", "table", "figure"
]
# A source line's block, as the layout stage (or the PDF reader) labels it:
LineKind = Literal["body", "blank", "furniture", "separator", "note", "links", "table", "figure"]
# A citation's kind: a UN symbol (resolutions named in prose resolve to one; one that does not
# resolve stays un_resolution), a UN decision named in prose, a web address, another body's
# document (the kinds of data/bodies.json), a treaty, a publication, a letter named in prose,
# a short form ("ibid.", "supra") and anything else.
CitationKind = Literal[
    "un_symbol", "un_resolution", "un_decision", "url", "coe_resolution", "osce_document", "icj_document",
    "eu_document", "au_document", "treaty", "publication", "letter", "short_form", "other",
]
CITATION_KINDS: tuple[CitationKind, ...] = get_args(CitationKind)
PARAGRAPH_KINDS: tuple[ParagraphKind, ...] = get_args(ParagraphKind)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of repaired text mapped to a run of the source: [start, end) in each."""

    start: int
    end: int
    source_start: int
    source_end: int


@dataclass(slots=True)
class Line:
    """One line of the source, with its character offset in the source text."""

    text: str
    start: int
    page: int
    # Geometry, when the source is a PDF: left, bottom, right, top in points.
    box: tuple[float, float, float, float] | None = None
    font_size: float | None = None
    kind: str = "body"  # set by the layout stage
    # A table row's cells, as [start, end) offsets into `text`, left to right (PDF rows of kind "table").
    cells: tuple[tuple[int, int], ...] | None = None

    @property
    def end(self) -> int:
        """Return the source offset just past the line."""
        return self.start + len(self.text)


@dataclass(slots=True)
class Page:
    """A page of lines, numbered from 1."""

    number: int
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None


@dataclass(slots=True)
class OcrPage:
    """A page that OCR read: its number, the engine's language data, mean confidence (0-100) and why."""

    page: int
    language: str
    confidence: float
    reason: str


@dataclass(slots=True)
class OcrRecord:
    """Which pages of a document OCR read, with which engine and at what resolution."""

    engine: str
    dpi: int
    pages: list[OcrPage] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the record's `ocr` field."""
        return {"engine": self.engine, "dpi": self.dpi, "pages": [asdict(p) for p in self.pages]}

    @classmethod
    def from_json(cls, record: Mapping[str, Any] | None) -> OcrRecord | None:
        """Return the OcrRecord of a record's `ocr` field (None where the document was not OCR'd)."""
        if record is None:
            return None
        return cls(engine=record["engine"], dpi=record["dpi"], pages=[OcrPage(**p) for p in record["pages"]])


@dataclass(slots=True)
class Source:
    """What the read stage gives: the raw text and its pages of lines."""

    path: str | None
    text: str
    pages: list[Page]
    format: Literal["text", "pdf"] = "text"
    # "pdftotext": form feeds, paragraphs told by line lengths; "dump": no form feeds,
    # paragraphs told by indentation (copy-paste of a PDF viewer); "pdf": geometry.
    style: str = "pdftotext"
    links: list[tuple[int, str]] = field(default_factory=list)  # (page, uri) of link annotations
    # Source offsets where a footnote marker stands, with its label, when geometry tells
    # (superscripts in a PDF). Text input leaves this empty and markers are found in the text.
    markers: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ocr: OcrRecord | None = None  # the pages that OCR read (scans), when it read any


Box = tuple[float, float, float, float]  # left, bottom, right, top, in PDF points


@dataclass(slots=True)
class LineBoxes:
    """Where the source's lines stand on their pages, kept so that a span of text can be placed.

    One entry per line that has a box (PDF input), in parallel lists sorted by source offset: a
    100-page document keeps a few thousand small entries, not one per character. `clip` is False
    for lines whose characters do not run left to right along the box (right-to-left script,
    turned text): a span on them gets the whole line's box.
    """

    starts: list[int]
    ends: list[int]
    pages: list[int]
    boxes: list[Box]
    clip: list[bool]

    @classmethod
    def of(cls, source: Source) -> LineBoxes | None:
        """Return the boxes of a source's printed lines, or None when it has none (text input)."""
        if source.format != "pdf":
            return None
        lines = [ln for page in source.pages for ln in page.lines if ln.box is not None and ln.text]
        if not lines:
            return None
        lines.sort(key=lambda ln: ln.start)
        return cls([ln.start for ln in lines], [ln.end for ln in lines], [ln.page for ln in lines],
                   [ln.box for ln in lines if ln.box is not None], [_runs_along(ln) for ln in lines])

    def place(self, ranges: list[tuple[int, int]]) -> list[tuple[int, Box]]:
        """Return (page, box) for each line that the source ranges [start, end) touch, in source order.

        Pieces of one line (a removed marker parts a citation's spans) give one box, from the first
        character to the last. A box is clipped left and right in proportion to the characters'
        positions in its line: the glyphs' own positions are not kept, so the clip is close but not
        exact in proportional type. Lines that `clip` marks False keep their whole box.
        """
        touched: dict[int, tuple[int, int]] = {}
        for start, end in ranges:
            for k in self._touched(start, end):
                lo, hi = touched.get(k, (start, end))
                touched[k] = (min(lo, start), max(hi, end))
        return [(self.pages[k], self._clipped(k, lo, hi)) for k, (lo, hi) in sorted(touched.items())]

    def _touched(self, start: int, end: int) -> list[int]:
        """Return the indices of the lines that hold a character of [start, end)."""
        out: list[int] = []
        k = max(bisect_right(self.starts, start) - 1, 0)
        while k < len(self.starts) and self.starts[k] < end:
            if self.ends[k] > start:
                out.append(k)
            k += 1
        return out

    def _clipped(self, k: int, start: int, end: int) -> Box:
        """Return line k's box cut to the characters [start, end) of the source that it holds."""
        box = self.boxes[k]
        line_start, line_end = self.starts[k], self.ends[k]
        if not self.clip[k] or (start <= line_start and end >= line_end):
            return box
        left, bottom, right, top = box
        per_char = (right - left) / (line_end - line_start)
        x0 = left + per_char * (max(start, line_start) - line_start)
        x1 = left + per_char * (min(end, line_end) - line_start)
        return (x0, bottom, x1, top)


# Letters of right-to-left scripts (Hebrew, Arabic, their presentation forms).
RTL_RE = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _runs_along(line: Line) -> bool:
    """Return True when a line's characters run left to right along its box: not right-to-left
    script (its characters were put back in reading order), not turned (taller than wide)."""
    box = line.box
    if box is None or RTL_RE.search(line.text):
        return False
    return box[2] - box[0] >= box[3] - box[1] or len(line.text) == 1


@dataclass(slots=True)
class Paragraph:
    """A paragraph of repaired text, with its kind and map back to the source."""

    id: str
    kind: ParagraphKind
    text: str
    page: int
    spans: list[Span] = field(default_factory=list)
    section: str = "body"  # "body" or "annex", "annex-2", ...
    # A table's cells, row by row (kind "table" only; `text` holds the rows as the source prints them, one
    # row a line, so that search, offsets and citations see them). None for every other kind.
    rows: list[list[str]] | None = None

    def source_offset(self, offset: int) -> int | None:
        """Return the source offset of the repaired character at `offset`, or None."""
        for span in self.spans:
            if span.start <= offset < span.end:
                if span.end - span.start == span.source_end - span.source_start:
                    return span.source_start + offset - span.start
                return span.source_start
        return None


@dataclass(slots=True)
class Footnote:
    """A note at the foot of a page (or an endnote), by its printed label."""

    label: str
    text: str
    page: int
    spans: list[Span] = field(default_factory=list)
    id: str = ""


@dataclass(slots=True)
class FootnoteRef:
    """A marker in the body: its label, paragraph and offset in the repaired text."""

    label: str
    paragraph: str
    offset: int
    footnote: str | None = None  # id of the linked Footnote


@dataclass(slots=True)
class Signatory:
    """Someone who signs the document or one of its annexes."""

    name: str
    title: str | None = None
    function: str | None = None
    section: str = "body"


@dataclass(slots=True)
class Citation:
    """A reference to another document: where it stands, as written, and its target.

    `kind` is one of (CitationKind): un_symbol, un_resolution (resolved symbol of a resolution named in
    prose stays un_symbol when resolved), un_decision, url, coe_resolution, osce_document,
    icj_document, eu_document, au_document, treaty, publication, letter, other.
    """

    kind: CitationKind
    text: str
    location: str  # paragraph id or "fn:<label>"
    start: int
    end: int
    target: str | None = None
    url: str | None = None
    resolved: bool = True
    reason: str | None = None
    pinpoint: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Quote:
    """A quotation and who it is attributed to."""

    text: str
    location: str
    start: int
    end: int
    attributed_to: str | None = None
    footnote: str | None = None
    block: bool = False


@dataclass(slots=True)
class Metadata:
    """Masthead facts of a document."""

    symbols: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    original_language: str | None = None
    distribution: str | None = None
    doc_type: str | None = None
    organs: list[str] = field(default_factory=list)
    sessions: dict[str, str] = field(default_factory=dict)
    agenda_items: dict[str, list[str]] = field(default_factory=dict)
    agenda_titles: list[str] = field(default_factory=list)
    title: str | None = None
    addressee: str | None = None
    sender: str | None = None
    signatories: list[Signatory] = field(default_factory=list)
    circulation: dict[str, Any] | None = None
    job_number: str | None = None
    draft_symbol: str | None = None  # the draft a resolution was adopted on: "[S/5575]" under its heading


@dataclass(slots=True)
class Document:
    """A parsed UN document: metadata, repaired paragraphs, notes, citations, quotes."""

    source: str | None
    format: str
    metadata: Metadata
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    links: list[tuple[int, str]] = field(default_factory=list)  # (page, uri) of the PDF's link annotations
    ocr: OcrRecord | None = None  # the pages that OCR read, when it read any
    # Where the source's lines stand on their pages (PDF input), for `boxes`; not part of the JSON.
    line_boxes: LineBoxes | None = field(default=None, repr=False, compare=False)

    def boxes(self, location: str, start: int, end: int) -> list[tuple[int, Box]]:
        """Return (page, box) for each printed line that [start, end) of a paragraph or note touches.

        `location` is a paragraph's id or a citation's location ("fn:<label>" for a note, or the
        note's id); `start` and `end` are offsets in its repaired text, as a citation or quote
        gives them. The pieces of the text that its spans map back to the source are placed on the
        lines they cover, one box per line; see LineBoxes.place for how a box is clipped. Returns []
        for text input (no geometry), an unknown location, or an empty range.
        """
        item = self._located(location)
        if self.line_boxes is None or item is None:
            return []
        return self.line_boxes.place(_source_ranges(item.spans, start, end))

    def _located(self, location: str) -> Paragraph | Footnote | None:
        """Return the paragraph with this id, or the note with this location ("fn:<label>") or id."""
        if location.startswith("fn:"):
            return next((f for f in self.footnotes if f.label == location[3:]), None)
        return self.paragraph(location) or next((f for f in self.footnotes if f.id == location), None)

    def text(self) -> str:
        """Return the repaired text: paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def paragraph(self, pid: str) -> Paragraph | None:
        """Return the paragraph with this id, or None."""
        for p in self.paragraphs:
            if p.id == pid:
                return p
        return None

    def to_json(self, spans: bool = True) -> dict[str, Any]:
        """Return the document in the public schema `unref.document/1`."""
        md = self.metadata

        def clean(items: list[Any], drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
            out = []
            for item in items:
                d = asdict(item)
                for key in drop:
                    d.pop(key, None)
                if "rows" in d and d["rows"] is None:
                    del d["rows"]  # only a table has rows; other paragraphs keep the record they had
                if "spans" in d:
                    if spans:
                        d["spans"] = [[s["start"], s["end"], s["source_start"], s["source_end"]]
                                      for s in d["spans"]]
                    else:
                        d.pop("spans")
                out.append(d)
            return out

        record = {
            "schema": SCHEMA_ID,
            "source": _encodable(self.source),
            "format": self.format,
            "pages": self.pages,
            "symbols": list(md.symbols),
            "date": md.date,
            "language": md.language,
            "original_language": md.original_language,
            "distribution": md.distribution,
            "doc_type": md.doc_type,
            "title": md.title,
            "addressee": md.addressee,
            "sender": md.sender,
            "organs": list(md.organs),
            "sessions": dict(md.sessions),
            "agenda_items": {k: list(v) for k, v in md.agenda_items.items()},
            "agenda_titles": list(md.agenda_titles),
            "signatories": [asdict(s) for s in md.signatories],
            "circulation": md.circulation,
            "job_number": md.job_number,
            "draft_symbol": md.draft_symbol,
            "paragraphs": clean(self.paragraphs),
            "footnotes": clean(self.footnotes),
            "footnote_refs": [asdict(r) for r in self.footnote_refs],
            "citations": [asdict(c) for c in self.citations],
            "quotes": [asdict(q) for q in self.quotes],
            "links": [{"page": page, "uri": uri} for page, uri in self.links],
            "warnings": list(self.warnings),
        }
        if self.ocr is not None:  # only scans carry the field: other records are as they were
            record["ocr"] = self.ocr.to_json()
        return record

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> Document:
        """Return the Document of a record that `to_json` gave, with or without spans.

        The inverse of `to_json`: ``Document.from_json(d.to_json()).to_json() == d.to_json()``, and
        the same with ``spans=False`` (the paragraphs and footnotes then have no spans). The Document
        shares no list or dict with the record. What the JSON does not hold, it does not have: the
        boxes of the source's lines (`line_boxes`), so `boxes` finds none. Raises ValueError when the
        record is not in the schema `unref.document/1` or lacks one of its keys.
        """
        if not isinstance(record, Mapping) or record.get("schema") != SCHEMA_ID:
            raise ValueError(f"not a {SCHEMA_ID} record")
        try:
            return cls(
                source=record["source"], format=record["format"], metadata=_metadata_from_json(record),
                paragraphs=[Paragraph(**_spans_from_json(p)) for p in record["paragraphs"]],
                footnotes=[Footnote(**_spans_from_json(f)) for f in record["footnotes"]],
                footnote_refs=[FootnoteRef(**r) for r in record["footnote_refs"]],
                citations=[Citation(**copy.deepcopy(c)) for c in record["citations"]],
                quotes=[Quote(**q) for q in record["quotes"]],
                warnings=list(record["warnings"]), pages=record["pages"],
                links=[(link["page"], link["uri"]) for link in record["links"]],
                ocr=OcrRecord.from_json(record.get("ocr")),
            )
        except (KeyError, TypeError) as err:  # a key missing, or one that no field takes
            raise ValueError(f"not a {SCHEMA_ID} record: {type(err).__name__}: {err}") from None


def _metadata_from_json(record: Mapping[str, Any]) -> Metadata:
    """Return the Metadata of a record: `to_json` writes each of its fields as a top-level key."""
    values = {f.name: copy.deepcopy(record[f.name]) for f in fields(Metadata)}
    values["signatories"] = [Signatory(**s) for s in values["signatories"]]
    return Metadata(**values)


def _spans_from_json(item: Mapping[str, Any]) -> dict[str, Any]:
    """Return the fields of a paragraph or footnote record, its spans as Spans again.

    `to_json` writes a span as [start, end, source_start, source_end], and no spans at all
    with ``spans=False``: then the item has none.
    """
    values = dict(item)
    if "spans" in values:
        values["spans"] = [Span(*span) for span in values["spans"]]
    return values


def _source_ranges(spans: list[Span], start: int, end: int) -> list[tuple[int, int]]:
    """Return the source ranges that [start, end) of a repaired text maps back to, span by span.

    Where a span kept its length, offsets map one to one; where a repair changed its length,
    the whole of the span's source is taken.
    """
    out: list[tuple[int, int]] = []
    for span in spans:
        lo, hi = max(start, span.start), min(end, span.end)
        if lo >= hi:
            continue
        if span.end - span.start == span.source_end - span.source_start:
            out.append((span.source_start + lo - span.start, span.source_start + hi - span.start))
        else:
            out.append((span.source_start, span.source_end))
    return out


def _encodable(path: str | None) -> str | None:
    """Return a source path that UTF-8 can write: a file name of undecodable bytes is read with lone
    surrogates in it (Python's surrogateescape), which are replaced here; all other text was at the door."""
    return replace_noncharacters(path)[0] if path else path
