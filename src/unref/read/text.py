"""read.text: extracted text -> pages of lines, each line with its offset in the source.

Text input comes from PDF extractors. pdftotext separates pages with form feeds;
other dumps (like a copy-paste of a PDF viewer) give no page signal, and there a
page ends after its footnote block and the list of link addresses that some
extractors append to the page.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from unref.errors import InputError
from unref.model import Line, Page, Source
from unref.text.chars import noncharacter_warning, replace_noncharacters
from unref.text.regexes import FOOTNOTE_SEPARATOR_RE, URL_LINE_RE

MAX_TEXT_BYTES = 50 * 1024 * 1024


def read_text_file(path: Path) -> str:
    """Return the text of a file of extracted text; InputError names the file and says why it cannot be read."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a folder, not a file")
    try:
        # The size is checked before reading, so that a huge file is never read into memory.
        _check_size(path.stat().st_size, str(path))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror or err})") from err
    return decode_text(data, str(path))


def _check_size(size: int, name: str) -> None:
    """Raise InputError when text input is over MAX_TEXT_BYTES."""
    if size > MAX_TEXT_BYTES:
        raise InputError(name, f"text file too large ({size // 1_048_576} MiB; limit 50 MiB)")


def decode_text(data: bytes, name: str) -> str:
    """Return extracted text decoded from bytes: UTF-16 or UTF-32 when a BOM says so, else UTF-8 (with or
    without BOM), else Windows-1252.

    The same rules as for a file: size limit, empty, PDF, binary and unknown encodings raise
    InputError naming `name` (the file, or "<bytes>" when there is none).
    """
    _check_size(len(data), name)
    if not data.strip():
        raise InputError(name, "is empty")
    wide = _wide_encoding(data)
    if wide is not None:
        # Before the binary check: every other byte of UTF-16 text is a zero.
        text = _decode_wide(data, *wide)
        if not text.strip():
            raise InputError(name, "is empty")
    else:
        text = _decode_narrow(data, name)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f\b")
    if controls > 0.02 * min(len(text), 20000):
        raise InputError(name, "is binary, not text")
    return text


# Byte order marks of the wide encodings; UTF-32's first, as UTF-16 LE's is the start of UTF-32 LE's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _wide_encoding(data: bytes) -> tuple[int, str] | None:
    """Return (length of the BOM, encoding) when the data opens with a UTF-16 or UTF-32 byte order mark."""
    return next(((len(bom), enc) for bom, enc in _WIDE_BOMS if data.startswith(bom)), None)


def _decode_wide(data: bytes, skip: int, encoding: str) -> str:
    """Return UTF-16 or UTF-32 text after its BOM.

    Lone surrogate halves are let through, so that read_text counts them as it replaces them; data
    cut inside a character, or a code point past U+10FFFF, decodes with U+FFFD in its place.
    """
    try:
        return data[skip:].decode(encoding, errors="surrogatepass")
    except UnicodeDecodeError:
        return data[skip:].decode(encoding, errors="replace")


def _decode_narrow(data: bytes, name: str) -> str:
    """Return text in UTF-8 (with or without BOM), else Windows-1252; InputError for a PDF or binary data."""
    if data.startswith(b"%PDF"):
        raise InputError(name, "is a PDF; PDF reading is not available for this input")
    if b"\x00" in data[:4096]:
        raise InputError(name, "is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > len(text) // 100:
            raise InputError(name, "is not text in a known encoding") from None
        return text


def read_text(text: str, path: str | None = None) -> Source:
    """Return a Source whose pages are split on form feeds, or on other page signals.

    Lone surrogates and non-characters are replaced by U+FFFD here, at the door, and a warning
    says how many: no record made from the text then fails to encode.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, replaced = replace_noncharacters(text)
    if "\f" in text:
        source = Source(path=path, text=text, pages=_split_form_feeds(text), format="text", style="pdftotext")
    else:
        source = Source(path=path, text=text, pages=_split_dump(text), format="text", style=text_style(text))
    if replaced:
        source.warnings.append(noncharacter_warning(replaced))
    return source


def text_style(text: str) -> str:
    """Return "dump" for text whose paragraphs are told by indentation, else "pdftotext"."""
    lines = text.split("\n")
    printed = [ln for ln in lines if ln.strip()]
    if not printed:
        return "pdftotext"
    indented = sum(1 for ln in printed if ln[:1] in " \t")
    blanks = len(lines) - len(printed)
    return "dump" if indented > 0.1 * len(printed) or blanks > 0.7 * len(printed) else "pdftotext"


def _lines_of(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Return (source offset, text) of each line of text[start:end]."""
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        out.append((pos, raw))
        pos += len(raw) + 1
    return out


def _make_line(pos: int, raw: str, page: int) -> Line:
    # Backspaces appear in some extractions beside page numbers; they carry nothing.
    """Return a Line of a page, its offset the line's start in the source text."""
    return Line(text=raw.replace("\b", " ").rstrip(), start=pos, page=page)


def _split_form_feeds(text: str) -> list[Page]:
    """Split pdftotext output into its pages at form feeds; trailing empty pages are dropped."""
    pages: list[Page] = []
    start = 0
    for number, chunk in enumerate(text.split("\f"), start=1):
        end = start + len(chunk)
        lines = [_make_line(pos, raw, number) for pos, raw in _lines_of(text, start, end)]
        pages.append(Page(number=number, lines=lines))
        start = end + 1
    while pages and not any(line.text.strip() for line in pages[-1].lines):
        pages.pop()
    return pages


_FOOTNOTE_START = re.compile(r"^\s{0,3}(\d{1,3}|[*a-z])\s{1,4}\S")


def _split_dump(text: str) -> list[Page]:
    """Split text without form feeds: a page ends after its footnote block and link list."""
    raw_lines = _lines_of(text, 0, len(text))
    pages: list[Page] = [Page(number=1)]
    state = "body"  # body -> notes (after the separator) -> links (bare URLs)
    for pos, raw in raw_lines:
        stripped = raw.strip()
        if state == "links" and stripped and not URL_LINE_RE.match(stripped):
            pages.append(Page(number=len(pages) + 1))
            state = "body"
        if FOOTNOTE_SEPARATOR_RE.match(stripped):
            state = "notes"
        elif state == "notes" and URL_LINE_RE.match(stripped):
            state = "links"
        pages[-1].lines.append(_make_line(pos, raw, pages[-1].number))
    return pages
