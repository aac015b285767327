"""Render a Document as plain repaired text or as Markdown, each with a metadata header and the footnotes."""

from __future__ import annotations

import json
from collections.abc import Callable

from unref.model import Document, FootnoteRef, Metadata, Paragraph, ParagraphKind


def to_text(doc: Document) -> str:
    """Return the metadata header, the repaired text (paragraphs separated by blank lines) and the notes.

    A table is its rows as printed, one a line; the notes follow under "Notes", each after its label."""
    head = "\n".join(f"{name}: {value}" for name, value in header_fields(doc.metadata))
    body = [p.text for p in doc.paragraphs if p.kind != "masthead"]
    notes = ["Notes\n\n" + "\n".join(f"{fn.label} {fn.text}" for fn in doc.footnotes)] if doc.footnotes else []
    return "\n\n".join(([head] if head else []) + body + notes)


def to_markdown(doc: Document) -> str:
    """Return Markdown: a front matter of the metadata, headings, paragraphs, tables, and footnotes as [^n]
    notes at their markers."""
    by_par: dict[str, list[FootnoteRef]] = {}
    for ref in doc.footnote_refs:
        by_par.setdefault(ref.paragraph, []).append(ref)
    out = [markdown_paragraph(p, by_par.get(p.id, [])) for p in doc.paragraphs if p.kind != "masthead"]
    notes = [f"[^{fn.label}]: {fn.text}" for fn in doc.footnotes]
    return "\n\n".join(_front_matter(doc.metadata) + out + notes)


def header_fields(md: Metadata) -> list[tuple[str, str]]:
    """Return the metadata that heads a rendered document, as (name, value): symbols, date, organs, title;
    a field the document does not give is left out."""
    fields = [("Symbols", ", ".join(md.symbols)), ("Date", md.date or ""), ("Organs", ", ".join(md.organs)),
              ("Title", md.title or "")]
    return [(name, value) for name, value in fields if value]


def _front_matter(md: Metadata) -> list[str]:
    """Return the metadata as a YAML front matter block (values written as JSON, which YAML reads), or []."""
    values: dict[str, object] = {"symbols": md.symbols, "date": md.date, "organs": md.organs, "title": md.title}
    lines = [f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in values.items() if value]
    return ["---\n" + "\n".join(lines) + "\n---"] if lines else []


def markdown_paragraph(p: Paragraph, refs: list[FootnoteRef]) -> str:
    """Return a paragraph as Markdown: a table from its rows, any other kind by markdown_block."""
    if p.kind == "table" and p.rows:
        return markdown_table(p.rows)
    return markdown_block(p.kind, with_note_markers(p.text, refs))


def markdown_table(rows: list[list[str]]) -> str:
    """Return rows of cells as a Markdown (GFM) table: the first row its header, every row as wide as the widest."""
    width = max(len(row) for row in rows)

    def line(cells: list[str]) -> str:
        padded = [c.replace("|", "\\|").replace("\n", " ") for c in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(padded) + " |"

    return "\n".join([line(rows[0]), "|" + "---|" * width, *(line(row) for row in rows[1:])])


def with_note_markers(text: str, refs: list[FootnoteRef]) -> str:
    """Return a paragraph's text with a [^label] note reference at each of its footnote markers."""
    for offset, label in sorted(((ref.offset, ref.label) for ref in refs), reverse=True):
        text = text[:offset] + f"[^{label}]" + text[offset:]
    return text


def _heading(text: str) -> str:
    return f"## {text}"


def _subheading(text: str) -> str:
    return f"### {text}"


def _block_quote(text: str) -> str:
    return "> " + text.replace("\n", "\n> ")


def _hard_breaks(text: str) -> str:
    return text.replace("\n", "  \n")  # a signature's lines (name, title) stay lines


# The Markdown of each kind of paragraph that is not a plain paragraph.
MARKDOWN_BLOCKS: dict[ParagraphKind, Callable[[str], str]] = {
    "title": _heading,
    "annex_title": _heading,
    "heading": _subheading,
    "quote": _block_quote,
    "signature": _hard_breaks,
    "figure": _block_quote,  # a map's or chart's labels: set off, never read as headings
}


def markdown_block(kind: ParagraphKind, text: str) -> str:
    """Return a paragraph as a Markdown block by its kind (MARKDOWN_BLOCKS), or as it is."""
    block = MARKDOWN_BLOCKS.get(kind)
    return block(text) if block else text
