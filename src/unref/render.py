"""Render a Document as plain repaired text or as Markdown with footnotes."""

from __future__ import annotations

from unref.model import Document


def to_text(doc: Document) -> str:
    """Return the repaired text, paragraphs separated by blank lines."""
    return "\n\n".join(p.text for p in doc.paragraphs if p.kind != "masthead")


def to_markdown(doc: Document) -> str:
    """Return Markdown: headings, paragraphs, and footnotes as [^n] notes at their markers."""
    by_par: dict[str, list[tuple[int, str]]] = {}
    for ref in doc.footnote_refs:
        by_par.setdefault(ref.paragraph, []).append((ref.offset, ref.label))
    out: list[str] = []
    for p in doc.paragraphs:
        if p.kind == "masthead":
            continue
        text = p.text
        for offset, label in sorted(by_par.get(p.id, []), reverse=True):
            text = text[:offset] + f"[^{label}]" + text[offset:]
        if p.kind in ("title", "annex_title"):
            out.append(f"## {text}")
        elif p.kind == "heading":
            out.append(f"### {text}")
        elif p.kind == "quote":
            out.append("> " + text.replace("\n", "\n> "))
        elif p.kind == "signature":
            out.append(text.replace("\n", "  \n"))
        else:
            out.append(text)
    notes = [f"[^{fn.label}]: {fn.text}" for fn in doc.footnotes]
    return "\n\n".join(out + notes)
