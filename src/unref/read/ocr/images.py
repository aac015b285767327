"""read.ocr.images: an image file (PNG, JPEG, TIFF of one page or several) -> the Source of its pages, read by
OCR through the same path as a scanned PDF's pages (read.ocr.scan), then labelled and assembled as a PDF's.

A file that is not an image Pillow can decode, or is damaged, is refused with one line naming it.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from unref.errors import InputError, LimitError
from unref.model import Source
from unref.read.ocr.engine import EngineMissing
from unref.read.ocr.scan import Job, OcrMode, Progress, read_scan
from unref.read.ocr.sources import IMAGE_FORMATS, SourceSpec, open_image
from unref.read.pdf import MAX_PAGES, TIMEOUT, NoTextLayerError
from unref.read.pdf.assemble import assemble
from unref.read.pdf.geometry import MIN_CHARS_PER_PAGE

IMAGE_FILE = "an image file"
OCR_OFF = "an image file, and OCR is off (--ocr never)"
OCR_FOUND_NOTHING = "an image file, and OCR found no text in it"


def image_pages(data: str | bytes, label: str) -> int:
    """Return the number of pages (frames) of an image file; InputError, naming it, when it cannot be decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = open_image(data)
            try:
                if image.format not in IMAGE_FORMATS:
                    raise InputError(label, f"not a scan's image format ({image.format})")
                image.load()  # the first page decodes, or the file is damaged
                return int(getattr(image, "n_frames", 1))
            finally:
                image.close()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(label, "image too large (more pixels than a page scanned at 600 dpi)") from None
    except UnidentifiedImageError:
        raise InputError(label, "damaged image (cannot be decoded)") from None
    except OSError as err:
        raise InputError(label, f"damaged image ({err})") from None


def read_image(source: str | Path | bytes, *, max_pages: int = MAX_PAGES, timeout: float = TIMEOUT,
               name: str | None = None, ocr: OcrMode = "auto", progress: Progress | None = None) -> Source:
    """Return the Source of an image file's pages read by OCR; `source` is a path or the file's bytes."""
    path = str(source) if not isinstance(source, bytes) else name
    label = path or "<bytes>"
    deadline = time.monotonic() + timeout
    data = source if isinstance(source, bytes) else str(source)
    count = image_pages(data, label)
    if count > max_pages:
        raise LimitError(label, f"too many pages ({count}; the limit is {max_pages})", "max_pages")
    if ocr == "never":
        raise NoTextLayerError(label, count, OCR_OFF)
    jobs: list[Job] = [(k, IMAGE_FILE, None) for k in range(count)]
    try:
        scan = read_scan(SourceSpec("image", data), jobs, None, deadline=deadline, timeout=timeout,
                         progress=progress)
    except EngineMissing as err:
        raise InputError(label, f"{IMAGE_FILE}, and OCR cannot run: {err}") from None
    except LimitError as err:
        raise err if err.path is not None else LimitError(label, err.reason, err.limit) from None
    pages = [scan.pages[k] for k in range(count)]
    if sum(geo.chars for geo in pages) < MIN_CHARS_PER_PAGE * count:
        raise NoTextLayerError(label, count, OCR_FOUND_NOTHING)
    out = assemble(path, pages, [])
    out.ocr = scan.record
    out.warnings.extend(scan.warnings)
    return out
