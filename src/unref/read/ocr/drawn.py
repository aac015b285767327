"""read.ocr.drawn: words the engine read from drawings (bar codes, QR codes, logos), dropped by their ink.

The foot of a UN document's first page carries a bar code under the job number, a QR code and the
recycling logo. The engine reads each as a few letters of little confidence ("AN A A", "Mw", "[=]",
"je)"), and a line of them at the page's foot is no running foot: the layout code then takes the job
number for text and the footnote area above it for more of the body. A drawing at the page's foot is told
from print by its ink: letters cover a tenth to a third of their word's box (0.09-0.20 for words the engine doubts,
bold capitals of a masthead 0.34, on simulated copies of the gold PDFs), the emblem read as letters
0.33-0.50, a bar code or a QR code 0.39-0.82 (a word's box across bars and the gaps between them).
Only words read with little confidence are measured: the engine reads print with confidence 85-97.

The recycling notice beside the logo ("Please recycle") is printed small and touching it: the engine reads
its last word badly ("Please vocyeie", "Please reels"), and the PDF code knows the notice as a running foot
only as printed (`recycling_notice` sets it so).
"""

from __future__ import annotations

from dataclasses import replace

from PIL import Image

from unref.read.ocr.page import grey_levels
from unref.read.ocr.words import OcrWord

#: A word read with less confidence than this may be a drawing read as letters...
DRAWN_CONFIDENCE = 60.0
#: ...and is one when this share of its box is ink or more...
DRAWN_INK = 0.38
#: ...and it stands at the page's foot, this share of its height, where the bar code, the QR code and the logo
#: are printed: a heavy typescript's word that the engine doubts is as dark (S/23777: "RESOLUTION", "30").
DRAWN_FOOT = 0.15


def drop_drawn(words: list[OcrWord], image: Image.Image, dpi: float) -> list[OcrWord]:
    """Return a page's words without those read from drawings (DRAWN_CONFIDENCE, DRAWN_INK, DRAWN_FOOT)."""
    foot = DRAWN_FOOT * image.height * 72.0 / dpi
    doubtful = [w for w in words if w.conf < DRAWN_CONFIDENCE and w.top < foot]
    if not doubtful:
        return words
    paper, ink = grey_levels(image)
    cut = (paper + ink) // 2
    drawn = {id(w) for w in doubtful if ink_share(image, word_pixels(w, image.height, dpi), cut) >= DRAWN_INK}
    return [w for w in words if id(w) not in drawn] if drawn else words


def word_pixels(word: OcrWord, image_height: int, dpi: float) -> tuple[int, int, int, int]:
    """Return a word's box in the image's pixels (left, top, right, bottom; top-left origin)."""
    scale = dpi / 72.0
    return (int(word.left * scale), int(image_height - word.top * scale),
            int(word.right * scale) + 1, int(image_height - word.bottom * scale) + 1)


def ink_share(image: Image.Image, box: tuple[int, int, int, int], cut: int) -> float:
    """Return the share of a box's pixels darker than `cut` (0 for an empty box)."""
    crop = image.crop(box)
    if not crop.width or not crop.height:
        return 0.0
    dark = sum(crop.histogram()[:cut])
    return dark / (crop.width * crop.height)


#: The notice printed at the foot of a first page beside the recycling logo, in the UN languages the PDF code
#: knows as running feet (read.pdf.labels' FOOT_BOILERPLATE_RE): its opening words -> the word the engine misreads,
#: small and touching the logo ("Please vocyeie", "Please reels", "Please ene" on simulated copies).
RECYCLE_NOTICES = {("Please",): "recycle", ("Merci", "de"): "recycler", ("Sírvase",): "reciclar"}
#: The notice stands in the page's lowest inch and a quarter (points)...
NOTICE_FOOT = 90.0
#: ...and the engine reads its last word, and the logo after it, with less confidence than this.
NOTICE_DOUBT = 60.0


def notice_end(line: list[OcrWord]) -> tuple[int, str] | None:
    """Return (index, word) of the recycling notice's misread last word in a line at the page's foot, or None."""
    for opening, word in RECYCLE_NOTICES.items():
        for i in range(len(line) - len(opening)):
            here = line[i:i + len(opening)]
            after = line[i + len(opening)]
            if ([w.text for w in here] == list(opening) and here[0].bottom < NOTICE_FOOT
                    and after.conf < NOTICE_DOUBT and after.text != word):
                return i + len(opening), word
    return None


def recycling_notice(lines: list[list[OcrWord]]) -> list[list[OcrWord]]:
    """Return a page's lines with the recycling notice's last word set as printed, and what the engine read of the
    logo after it dropped."""
    out = []
    for line in lines:
        end = notice_end(line)
        if end is None:
            out.append(line)
            continue
        k, word = end
        rest = [w for w in line[k + 1:] if w.conf >= NOTICE_DOUBT]
        out.append([*line[:k], replace(line[k], text=word), *rest])
    return out
