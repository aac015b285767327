"""read.ocr.layer: is a page's text layer an old OCR layer, told by how the page is drawn?

A scan that was OCR'd before it was filed carries the engine's text of its day as invisible text (text
render mode 3) over the page's image: a reader sees the image and searches the text. Some of these
layers are damaged enough for their words to tell (quality.garbage_layer: S/23402, S/23777); others
read as clean text to a dictionary (E/ICEF/672 (Part II): "l6 avril 1980", "2 - 2h", "hO - h7", damage
below the born-digital maximum) and are told only by the page: its images cover it, and most of its
text is invisible. Such a page is read again by OCR, which gives its words with their true sizes and
places (the footnote area, raised markers) where the old layer gives none worth having.

On the dev corpus (2,042 pages of 216 PDFs), the pages of four files are such layers: E/ICEF/672
(Part II) (the page's image and its text inside one form object, looked into), S/23402 and S/23777
(the image in 26 to 30 strips, their areas summed), A/L.632; on no born-digital page is more than a
few words' text invisible (S/21194: 57 of 730 text objects, under a stamp). A/44/886 is not one: its
text is drawn, visible, in a font the capture made, and only the words it doubted are invisible over
pieces of the image (25 of 113 objects of its first page).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass

#: The page's images cover this share of it or more...
PAGE_COVER = 0.9
#: ...and this share of its text objects or more is invisible.
INVISIBLE_SHARE = 0.8
#: A page whose visible text objects outnumber its invisible ones by this many is drawn text: the count stops.
VISIBLE_LEAD = 20
#: Form objects are looked into this deep.
MAX_DEPTH = 3

OLD_OCR_LAYER = "an old OCR layer (invisible text over the page's image)"


@dataclass(slots=True)
class Drawn:
    """What one page draws: the area its images cover (points squared) and its text objects by visibility."""

    image_area: float = 0.0
    invisible: int = 0
    visible: int = 0

    def settled(self) -> bool:
        """Return True when the visible text already outnumbers the invisible by VISIBLE_LEAD: drawn text."""
        return self.visible - self.invisible >= VISIBLE_LEAD


def is_ocr_layer(drawn: Drawn, width: float, height: float) -> bool:
    """Return True when a page's images cover it (PAGE_COVER) and its text is mostly invisible (INVISIBLE_SHARE)."""
    text = drawn.invisible + drawn.visible
    return (text > 0 and drawn.invisible >= INVISIBLE_SHARE * text
            and drawn.image_area >= PAGE_COVER * width * height)


def page_drawn(page: object) -> Drawn:
    """Return what a pypdfium2 page draws (its objects, and those inside its form objects)."""
    import pypdfium2.raw as pdfium_c

    raw = page.raw  # type: ignore[attr-defined]
    width, height = page.get_size()  # type: ignore[attr-defined]
    drawn = Drawn()
    _count(lambda i: pdfium_c.FPDFPage_GetObject(raw, i), pdfium_c.FPDFPage_CountObjects(raw), drawn,
           (width, height), 0)
    return drawn


def _count(get: Callable[[int], object], n: int, drawn: Drawn, size: tuple[float, float], depth: int) -> None:
    """Add the objects get(0) .. get(n - 1) to `drawn`, looking into form objects; stop once it is settled."""
    import pypdfium2.raw as pdfium_c

    box = [ctypes.c_float() for _ in range(4)]
    for i in range(n):
        if drawn.settled():
            return
        obj = get(i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                drawn.invisible += 1
            else:
                drawn.visible += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE and pdfium_c.FPDFPageObj_GetBounds(obj, *box):
            drawn.image_area += _clipped_area([b.value for b in box], size)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
            _count(_form_getter(obj), pdfium_c.FPDFFormObj_CountObjects(obj), drawn, size, depth + 1)


def _form_getter(form: object) -> Callable[[int], object]:
    """Return the function that gives a form object's k-th object."""
    import pypdfium2.raw as pdfium_c

    def get(k: int) -> object:
        return pdfium_c.FPDFFormObj_GetObject(form, k)

    return get


def _clipped_area(box: list[float], size: tuple[float, float]) -> float:
    """Return the area of a box (left, bottom, right, top) inside the page."""
    left, bottom, right, top = box
    width, height = size
    return max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))


def ocr_layer_pages(source: str | bytes, indexes: list[int], password: str | None = None) -> set[int]:
    """Return which of the pages `indexes` (from 0) of a PDF (its path or bytes) carry an old OCR layer."""
    import pypdfium2 as pdfium

    if not indexes:
        return set()
    doc = pdfium.PdfDocument(source, password=password)
    try:
        found = set()
        for index in indexes:
            page = doc[index]
            try:
                width, height = page.get_size()
                if is_ocr_layer(page_drawn(page), width, height):
                    found.add(index)
            finally:
                page.close()
        return found
    finally:
        doc.close()
