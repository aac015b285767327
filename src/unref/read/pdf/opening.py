"""read.pdf.opening: a PDF file or its bytes -> an open pdfium document, its pages and link addresses.

Files that are empty, cut short, damaged or encrypted are refused here with one clear reason.
"""

from __future__ import annotations

import ctypes
import re
from array import array
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from unref.errors import InputError


def check_file(path: Path) -> None:
    """Raise InputError for files that are empty or cut short, before pdfium sees them."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - 4096))
            tail = fh.read()
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror or err})") from err
    check_bytes(str(path), size, head, tail)


def check_bytes(name: str, size: int, head: bytes, tail: bytes) -> None:
    """Raise InputError for a PDF that is empty or cut short, from its size, first and last bytes."""
    if size == 0 or not head.strip():
        raise InputError(name, "is empty")
    if b"%PDF" not in head:
        raise InputError(name, "is not a PDF (no %PDF header)")
    if b"%%EOF" not in tail:
        raise InputError(name, "damaged or truncated PDF (the end of the file is missing)")


_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "cannot be read",
    pdfium_c.FPDF_ERR_FORMAT: "damaged or truncated PDF (cannot be opened)",
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF (password required)",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted PDF (unsupported security handler)",
    pdfium_c.FPDF_ERR_PAGE: "damaged PDF (a page cannot be read)",
}


def open_document(source: str | bytes, name: str, password: str | None) -> pdfium.PdfDocument:
    """Return the open document, from its path or from its bytes in memory."""
    try:
        return pdfium.PdfDocument(source, password=password)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        reason = _OPEN_ERRORS.get(code, "damaged PDF (no pages)") if code else "damaged PDF (no pages)"
        if code == pdfium_c.FPDF_ERR_PASSWORD and password is not None:
            reason = "encrypted PDF (wrong password)"
        raise InputError(name, reason) from None
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror or err})") from err


def load_page(doc: pdfium.PdfDocument, index: int, name: str) -> pdfium.PdfPage:
    """Return page `index` of the document; InputError naming the page when pdfium cannot read it."""
    try:
        return doc[index]
    except pdfium.PdfiumError:
        raise InputError(name, f"damaged PDF (page {index + 1} cannot be read)") from None


#: The schemes of the link addresses kept: the web's, and mail. Others (javascript:, data:, file:, about:,
#: vbscript:, ...) run code or name the author's own disk when a reader follows them: they are dropped.
WEB_SCHEMES = frozenset({"http", "https", "ftp", "mailto"})
_NUL = (0,)
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop these from an address before they read its scheme ("java\tscript:" is javascript:).
_IGNORED_RE = re.compile(r"[\x00-\x20\x7f]+")


def is_web_address(uri: str) -> bool:
    """Return whether a link address is one to keep: a web or mail scheme, or no scheme at all."""
    match = _SCHEME_RE.match(_IGNORED_RE.sub("", uri))
    return match is None or match.group(1).lower() in WEB_SCHEMES


def page_links(doc: pdfium.PdfDocument, page: pdfium.PdfPage) -> list[str]:
    """Return the web addresses of the page's link annotations, in the page's order (`is_web_address`)."""
    out: list[str] = []
    pos = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(pos), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(doc.raw, action, None, 0)
        if size <= 1:
            continue
        # An array's address, not ctypes.create_string_buffer: that makes a ctypes type for each length,
        # garbage in a reference cycle that only the collector frees.
        buf = array("B", _NUL) * size
        pdfium_c.FPDFAction_GetURIPath(doc.raw, action, buf.buffer_info()[0], size)
        uri = buf.tobytes().split(b"\0", 1)[0].decode("utf-8", errors="replace").strip()
        if uri and uri not in out and is_web_address(uri):
            out.append(uri)
    return out
