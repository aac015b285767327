"""read.ocr.sources: the pages of a scan as images: a PDF's pages rendered by pypdfium2, or the frames of an
image file (PNG, JPEG, TIFF of one page or several).

A `PageSource` is what a worker process opens once and reads page after page; it is described by a
small picklable `SourceSpec` (the file's path or bytes), so that a pool's workers open the file
themselves and only words cross back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from PIL import Image

from unref.read.ocr.engine import PageImage

#: Image files whose header says nothing of their resolution are taken to be scanned at this many dots an inch.
DEFAULT_IMAGE_DPI = 300.0
#: A resolution below this in an image's header is not that of a scan (72 and 96 are screen defaults).
MIN_IMAGE_DPI = 100.0
#: Image formats read as scans: Pillow's names.
IMAGE_FORMATS = frozenset({"PNG", "JPEG", "TIFF", "MPO"})


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """Where a scan's pages come from: a PDF or an image file, by path or bytes; the PDF's password."""

    kind: Literal["pdf", "image"]
    data: str | bytes
    password: str | None = None


class PageSource(Protocol):
    """A scan's pages, rendered or decoded one at a time."""

    def image(self, index: int, dpi: float) -> PageImage:
        """Return page `index` (from 0) as a greyscale image."""

    def close(self) -> None:
        """Let the file go."""


class PdfPages:
    """A PDF's pages, rendered at the resolution asked for."""

    def __init__(self, spec: SourceSpec) -> None:
        """Open the PDF (its path or bytes)."""
        import pypdfium2 as pdfium

        self.doc = pdfium.PdfDocument(spec.data, password=spec.password)

    def image(self, index: int, dpi: float) -> PageImage:
        """Return page `index` rendered in grey at `dpi`."""
        page = self.doc[index]
        try:
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            image = bitmap.to_pil()
            return PageImage(image if image.mode == "L" else image.convert("L"), dpi)
        finally:
            page.close()

    def close(self) -> None:
        """Close the PDF."""
        self.doc.close()


class ImagePages:
    """The frames of an image file, at the resolution its header gives."""

    def __init__(self, spec: SourceSpec) -> None:
        """Open the image (its path or bytes); its frames are decoded one at a time."""
        self.image_file = open_image(spec.data)

    def image(self, index: int, dpi: float) -> PageImage:
        """Return frame `index` in grey, at the file's own resolution (`dpi` is the PDF's, not used)."""
        del dpi
        self.image_file.seek(index)
        return PageImage(self.image_file.convert("L"), image_dpi(self.image_file))

    def close(self) -> None:
        """Close the image file."""
        self.image_file.close()


def open_image(data: str | bytes) -> Image.Image:
    """Return the image file opened (not decoded) from its path or bytes."""
    return Image.open(io.BytesIO(data) if isinstance(data, bytes) else Path(data))


def image_dpi(image: Image.Image) -> float:
    """Return the resolution of an image from its header, or DEFAULT_IMAGE_DPI where it gives none a scan has."""
    dpi: Any = image.info.get("dpi")
    try:
        value = float(dpi[0] if isinstance(dpi, tuple) else dpi)
    except (TypeError, ValueError, IndexError):
        return DEFAULT_IMAGE_DPI
    return value if value >= MIN_IMAGE_DPI else DEFAULT_IMAGE_DPI


def open_pages(spec: SourceSpec) -> PageSource:
    """Return the pages of the scan that `spec` describes."""
    return PdfPages(spec) if spec.kind == "pdf" else ImagePages(spec)
