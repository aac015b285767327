"""Make small PDFs for the tests: a UN-style letter and the awkward cases a reader meets.

Text is placed line by line at fixed positions with fpdf2 and a real TrueType font
(DejaVu, embedded), so each test knows exactly what stands where: running heads and
feet, a footnote rule drawn as a path, notes in a smaller font with raised labels,
superscript markers, justified lines whose words are placed without space glyphs, a
letter-spaced word, a link annotation and a paragraph that runs on to the next page.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SERIF = FONT_DIR / "DejaVuSerif.ttf"
SANS = FONT_DIR / "DejaVuSans.ttf"

SYMBOL = "S/2025/999"
URL = "https://example.org/reports/2025/summary.pdf"
BODY = 10.0
NOTE = 8.0


def have_fonts() -> bool:
    """Return True when the DejaVu fonts the generator embeds are installed."""
    return SERIF.exists() and SANS.exists()


class Writer:
    """A page-at-a-time PDF writer in points, y measured down from the top as fpdf2 does."""

    def __init__(self, landscape: bool = False) -> None:
        self.pdf = FPDF(orientation="L" if landscape else "P", unit="pt", format="letter")
        self.pdf.set_auto_page_break(False)
        # Embedded TrueType fonts when DejaVu is installed, else the standard fonts (Latin-1 only).
        self.fonts = {"serif": "serif", "sans": "sans"} if have_fonts() else {"serif": "times", "sans": "helvetica"}
        if have_fonts():
            self.pdf.add_font("serif", "", str(SERIF))
            self.pdf.add_font("sans", "", str(SANS))
        self.pdf.set_font(self.fonts["serif"], size=BODY)

    def page(self) -> None:
        """Start a new page."""
        self.pdf.add_page()

    def text(self, x: float, y: float, s: str, size: float = BODY, font: str = "serif", spacing: float = 0.0) -> float:
        """Print s with its baseline at y; return the x where it ends."""
        self.pdf.set_font(self.fonts[font], size=size)
        self.pdf.set_char_spacing(spacing)
        self.pdf.text(x, y, s)
        width = self.pdf.get_string_width(s)
        self.pdf.set_char_spacing(0)
        return x + width

    def runs(self, x: float, y: float, parts: list[tuple[str, str]], size: float = BODY) -> float:
        """Print text runs on one line; a run of kind "sup" is smaller and raised (a marker)."""
        for text, kind in parts:
            if kind == "sup":
                x = self.text(x, y - 0.38 * size, text, size=0.62 * size)
            else:
                x = self.text(x, y, text, size=size)
        return x

    def words(self, x: float, y: float, words: list[str], gap: float, size: float = BODY) -> float:
        """Print words one by one with no space glyphs between them, as justified text is often set."""
        for word in words:
            x = self.text(x, y, word, size=size) + gap
        return x - gap

    def rule(self, x: float, y: float, width: float) -> None:
        """Draw a thin horizontal line (the footnote rule)."""
        self.pdf.set_line_width(0.5)
        self.pdf.line(x, y, x + width, y)

    def link(self, x: float, y: float, w: float, h: float, uri: str) -> None:
        """Add a link annotation over the box whose top-left corner is (x, y)."""
        self.pdf.link(x, y, w, h, uri)

    def output(self, path: Path, user_password: str | None = None) -> Path:
        """Write the PDF, encrypted when a user password is given; return the path."""
        if user_password is not None:
            self.pdf.set_encryption(owner_password="owner", user_password=user_password,
                                    encryption_method=EncryptionMethod.RC4)
        path.write_bytes(bytes(self.pdf.output()))
        return path


def _paragraph(w: Writer, y: float, lines: list[str], indent: bool = True) -> float:
    """Print a paragraph with a first-line indent at 12-point pitch; return the next free y."""
    for i, line in enumerate(lines):
        w.text(147.0 if i == 0 and indent else 123.0, y, line)
        y += 12.0
    return y + 6.0


def letter(path: Path, user_password: str | None = None) -> Path:
    """Write a two-page letter in the layout of the United Nations; return its path."""
    w = Writer()
    w.page()
    # Masthead.
    w.text(123, 60, "United Nations", size=14, font="sans")
    w.text(450, 60, SYMBOL, size=BODY)
    w.text(123, 100, "Security Council", size=20, font="sans")
    w.text(397, 90, "Distr.: General")
    w.text(397, 102, "3 March 2025")
    w.text(397, 126, "Original: English")
    y = 200.0
    for line in ("Letter dated 2 March 2025 from the Permanent Representative",
                 "of Utopia to the United Nations addressed to the President of",
                 "the Security Council"):
        w.text(123, y, line, size=12)
        y += 13.5
    y += 12
    # A paragraph with a superscript marker glued after a full stop, and one after a word.
    w.text(147, y, "I write with regard to a recently surfaced video recording, dated 23 July 1993,")
    y += 12
    w.runs(123, y, [("in which the former President admits to acts committed before the First Garabagh", "")])
    y += 12
    w.runs(123, y, [("War.", ""), ("1", "sup"), (" The admission was made in public and is recorded in full.", "")])
    y += 18
    # A justified paragraph whose words are placed without space glyphs, and a letter-spaced word.
    w.words(147, y, ["Since", "then", "the", "Council", "has", "met", "on", "the", "matter", "several",
                     "times."], gap=5.2)
    y += 12
    x = w.text(123, y, "Its last meeting took place in ")
    x = w.text(x, y, "February", spacing=1.6)
    w.text(x, y, " 2025, when members heard a briefing.")
    y += 18
    # A line-end hyphen that the repair stage joins: "Nagorno-" / "Karabakh".
    y = _paragraph(w, y, ["The meeting addressed the situation in and around the former Nagorno-",
                          "Karabakh region and the return of displaced persons."])
    # A paragraph that runs on to the next page.
    w.text(147, y, "Azerbaijan has drawn attention to these acts in correspondence with the United")
    y += 12
    w.runs(123, y, [("Nations", ""), ("2", "sup"), (" and with other bodies, and this paragraph carries on", "")])
    y += 12
    w.text(123, y, "across the page break without any gap in its text,")
    # Footnotes under a rule drawn as a path, in a smaller font with raised labels.
    w.rule(123, 660, 72)
    w.runs(117, 674, [("1", "sup"), (f" See {URL}.", "")], size=NOTE)
    w.link(130, 666, 200, 10, URL)
    w.runs(117, 684, [("2", "sup"),
                      (" Letter dated 4 April 2011 from the Permanent Representative of Utopia to the", "")],
           size=NOTE)
    w.text(123, 694, "United Nations addressed to the Secretary-General (A/65/808-S/2011/145).", size=NOTE)
    # Running foot of page 1.
    w.text(65, 750, "25-02826 (E)    270225")
    w.text(65, 765, "*2502826*", size=12)

    w.page()
    w.text(60, 50, SYMBOL, size=8.4)
    y = 90.0
    w.text(123, y, "which is the second half of one paragraph that began on the first page.")
    y += 18
    y = _paragraph(w, y, ["Azerbaijan requests that you take the steps needed in order to procure a full",
                          "and timely response in respect of these serious matters."])
    w.runs(147, y, [("I should be grateful if this letter were circulated as a document of the", "")])
    y += 12
    w.runs(123, y, [("Security Council.", ""), ("3", "sup")])
    y += 30
    w.text(380, y, "(Signed) Maria Example")
    w.text(430, y + 12, "Ambassador")
    w.rule(123, 680, 72)
    w.runs(117, 694, [("3", "sup"), (" Circulated in the language of submission only.", "")], size=NOTE)
    w.text(60, 757, "2/2", size=8.4)
    w.text(524, 757, "25-02826", size=7)
    return w.output(path, user_password)


def rotated(path: Path) -> Path:
    """Write a page whose text is turned a quarter turn (a landscape table on a portrait page)."""
    w = Writer()
    w.page()
    lines = ["First line of the turned page.", "Second line follows the first.", "Third line ends it."]
    with w.pdf.rotation(90, 300, 500):
        for i, line in enumerate(lines):
            w.text(300, 500 + 14 * i, line)
    return w.output(path)


def languages(path: Path) -> Path:
    """Write lines in French, Spanish and Russian, and an Arabic line placed right to left."""
    w = Writer()
    w.page()
    w.text(72, 100, "Français : élève, déjà, garçon, Noël, cœur.")
    w.text(72, 120, "Español: año, señor, corazón, pingüino.")
    w.text(72, 140, "Русский: Совет Безопасности, резолюция.")
    # Arabic is drawn left to right in visual order: the symbol first, then the words from the left.
    visual = "S/2025/1 " + "ةدحتملا" + " " + "ممألا"
    w.text(72, 160, visual, font="sans")
    return w.output(path)


def scanned(path: Path) -> Path:
    """Write a page that holds only an image, as a scan without a text layer does."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (300, 400), 255)
    draw = ImageDraw.Draw(image)
    for row in range(20, 380, 16):
        draw.rectangle((20, row, 280, row + 6), fill=0)
    w = Writer()
    w.page()
    w.pdf.image(image, 50, 50, 500, 660)
    return w.output(path)


def chinese(path: Path) -> Path:
    """Write Chinese lines by hand in a font that is named, not embedded, as older PDFs do.

    The text is two-byte codes under the predefined CMap UniGB-UCS2-H, which pdfium knows;
    fpdf2 cannot write this without a Chinese font on the machine.
    """
    lines = [(72, 700, "联合国安全理事会"), (72, 680, "第2025/1号决议 S/RES/2025")]
    content = "\n".join(f"BT /F1 12 Tf {x} {y} Td <{''.join(f'{ord(c):04X}' for c in text)}> Tj ET"
                        for x, y, text in lines).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
