"""structure: labelled pages -> Document with metadata, paragraphs, footnotes and markers.

structure() runs the stage's steps in order: the note areas come off the pages (notes.py), the masthead of
page 1 is read (masthead/), the body is cut into paragraphs and repaired (paragraphs.py), the notes are
repaired and linked to their markers (notes.py), and the metadata that the body gives is filled in last
(masthead/metadata.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from unref.errors import InputError
from unref.model import Document, Line, Metadata, Source
from unref.repair import Context, Printed, repair
from unref.structure.masthead import Masthead, detect_language, finish_metadata, read_job_number, read_masthead
from unref.structure.notes import RawNote, finish_notes, link_markers, split_off_notes
from unref.structure.paragraphs import Block, estimate_width, mark_sections, paragraphs_of, segment
from unref.structure.tables import with_grids
from unref.text.tracked import Tracked

# Words any UN document uses somewhere, in the six official languages.
_UN_TERMS_RE = re.compile(
    r"United Nations|Nations Unies|Naciones Unidas|Организаци\w+ Объединенных Наций|الأمم المتحدة|联合国"
    r"|General Assembly|Security Council|Secretary-General|Economic and Social Council|Human Rights Council"
    r"|\b[ASE]/(?:RES/)?\d+/\d+|\bS/\d{4,5}\b"
)


def structure(source: Source) -> Document:
    """Return the Document built from a labelled Source."""
    body, raw_notes = split_off_notes(source)
    width = estimate_width([ln for ln in body if ln.kind == "body"])
    all_text = "\n".join([ln.text for ln in body])
    lang = detect_language(all_text)
    ctx = _repair_context(source, lang, width)
    mast = read_masthead(_page1(source, body), width)
    md = mast.metadata
    md.language = lang
    # The job number stands at the foot of page 1, among the lines layout labels furniture: read from all of them.
    md.job_number = read_job_number(source.pages[0].lines) if source.pages else None
    _repair_title(md, ctx)
    # Tables and figures join the body after the masthead is read: its rules read printed lines, not cells.
    blocks = _blocks(with_grids(source, body), mast, width, dump=source.style == "dump")
    paragraphs, tracked = paragraphs_of(blocks, ctx, width)
    footnotes = finish_notes(raw_notes, _note_context(raw_notes, ctx, source))
    refs = link_markers(paragraphs, tracked, footnotes, source)
    for p, t in zip(paragraphs, tracked, strict=True):
        p.spans = t.spans()
    mark_sections(paragraphs)
    _check_un_document(source, md, all_text)
    doc = Document(source=source.path, format=source.format, metadata=md, paragraphs=paragraphs,
                   footnotes=footnotes, footnote_refs=refs, pages=len(source.pages), links=list(source.links))
    finish_metadata(doc)
    return doc


def _repair_context(source: Source, lang: str | None, width: int) -> Context:
    """Return the repair context of the document's body."""
    # Only pdftotext glues hyphenated lines together; other extractors keep every line.
    joins = source.style == "pdftotext"
    ctx = Context(lang=lang or "en", width=width if joins else 0, geometry=source.style == "pdf")
    if joins:  # what the document prints elsewhere decides where a glued line lost its hyphen
        ctx.printed = Printed.of(source.text)
    return ctx


def _note_context(raw_notes: list[RawNote], ctx: Context, source: Source) -> Context:
    """Return the repair context of the notes: notes have their own width."""
    note_width = estimate_width([ln for note in raw_notes for ln in note.lines]) if source.style == "pdftotext" else 0
    return replace(ctx, width=note_width)


def _page1(source: Source, body: list[Line]) -> list[Line]:
    """Return the lines of page 1 that the masthead is read from."""
    page1 = [ln for ln in body if ln.page == 1]
    if source.pages and page1:
        # A cover prints its masthead again on the next page, and layout takes the repeated lines there
        # for running heads: the top of page 1 keeps them ("Economic and Social Council", "Official Records").
        top = {ln.start for ln in page1[:12]}
        first = source.pages[0].lines
        page1 = [ln for k, ln in enumerate(first) if ln.start in top or (ln.kind == "furniture" and k < 12
                 and any(b.start < ln.start for b in page1))] + [ln for ln in page1 if ln.start not in top]
        page1.sort(key=lambda ln: ln.start)
    return page1


def _repair_title(md: Metadata, ctx: Context) -> None:
    """Repair the title read from the masthead."""
    if md.title:
        # The title is read from the masthead's raw lines: it takes the repairs that its paragraph takes
        # ("Security Counci l"), with the document's own evidence, on one line.
        md.title = repair(Tracked.from_source(md.title, 0), replace(ctx, width=0)).text or md.title


def _blocks(body: list[Line], mast: Masthead, width: int, dump: bool) -> list[Block]:
    """Return the blocks of the body: the masthead's lines, then the paragraphs, the title in its place."""
    title_starts = {ln.start for ln in mast.title_lines}
    # Masthead lines stay as paragraphs of their own kind: they carry "*" markers.
    blocks = [Block([ln], kind="masthead") for ln in body if ln.start in mast.used]
    body = [ln for ln in body if ln.start not in mast.used]
    if not mast.title_lines:
        return blocks + segment(body, width, dump)
    rest = [ln for ln in body if ln.start not in title_starts]
    first_title = min(title_starts)
    before = [ln for ln in rest if ln.start < first_title]
    after = [ln for ln in rest if ln.start > first_title]
    return [*blocks, *segment(before, width, dump), Block(list(mast.title_lines), kind="title"),
            *segment(after, width, dump)]


def _check_un_document(source: Source, md: Metadata, all_text: str) -> None:
    """Raise InputError when nothing says the source is a UN document."""
    if not md.symbols and not _UN_TERMS_RE.search(all_text):
        raise InputError(source.path, "does not look like a UN document (no symbol, masthead or UN terms found)")


__all__ = ["structure"]
