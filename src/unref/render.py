"""Render a Document as plain repaired text or as Markdown with footnotes."""

from __future__ import annotations

from collections.abc import Callable

from unref.model import Document, FootnoteRef, ParagraphKind


def to_text(doc: Document) -> str:
    """Return the repaired text, paragraphs separated by blank lines."""
    return "\n\n".join(p.text for p in doc.paragraphs if p.kind != "masthead")


def to_markdown(doc: Document) -> str:
    """Return Markdown: headings, paragraphs, and footnotes as [^n] notes at their markers."""
    by_par: dict[str, list[FootnoteRef]] = {}
    for ref in doc.footnote_refs:
        by_par.setdefault(ref.paragraph, []).append(ref)
    out = [markdown_block(p.kind, with_note_markers(p.text, by_par.get(p.id, [])))
           for p in doc.paragraphs if p.kind != "masthead"]
    notes = [f"[^{fn.label}]: {fn.text}" for fn in doc.footnotes]
    return "\n\n".join(out + notes)


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
}


def markdown_block(kind: ParagraphKind, text: str) -> str:
    """Return a paragraph as a Markdown block by its kind (MARKDOWN_BLOCKS), or as it is."""
    block = MARKDOWN_BLOCKS.get(kind)
    return block(text) if block else text
