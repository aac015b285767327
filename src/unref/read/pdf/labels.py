"""read.pdf.labels: a page's geometry -> its lines in reading order, each labelled with its kind.

Running heads and feet are told by their place at the page's edges and their text, the footnote
area by its rule (printed or drawn) or by its smaller print at the foot, paragraph breaks by a
region change or a first-line indent. The kinds are those of the layout stage (layout.py).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

from unref.read.pdf.figures import figure_areas
from unref.read.pdf.geometry import DocStats, PageGeometry
from unref.read.pdf.glyphs import Fragment, Row, fragments
from unref.read.pdf.order import OutLine, reading_order
from unref.read.pdf.tables import WORD_RE, group_by_row
from unref.text.regexes import (
    BOILERPLATE_RE,
    HEADER_DATE_RE,
    HEADER_LANGUAGE_RE,
    JOB_NUMBER,
    LIST_ITEM_RE,
    PAGE_NUMBER_RE,
    STAMP_RE,
    SYMBOL_LINE_RE,
)

EDGE_ZONE = 0.14  # running heads and feet stand in this fraction of the page height

# --- Page furniture, fragment by fragment -------------------------------------------------------
# Tokens that make up running heads and feet: "2/3", "25-02826", "(E)", "270225", "*2502826*".
_FURNITURE_TOKEN = (
    rf"(?:\d{{1,4}}\s*/\s*\d{{1,4}}|{JOB_NUMBER}|\([A-Z]\)|\d{{6}}|\*\d{{6,9}}\*|Page|P[áa]gina|Стр\.?"
    r"|\d{1,4}|-\s*\d{1,4}\s*-|\d{2}/\d{2}/\d{4}|GE\.\d{2}-\d{5})"
)
FURNITURE_LINE_RE = re.compile(rf"^\s*{_FURNITURE_TOKEN}(?:\s+{_FURNITURE_TOKEN})*\s*$")
# A running head of a later page: the document's symbols, a date, a page number, around each other.
_SYMBOL = r"[A-Z][A-Z0-9.\-]*/[A-Za-z0-9.\-/()]*\d[A-Za-z0-9.\-/()]*\*?"
HEAD_LINE_RE = re.compile(
    rf"^\s*(?:{_SYMBOL}|{_FURNITURE_TOKEN}|English|French|Spanish|Russian|Arabic|Chinese|Français|Español"
    rf"|Anglais|Inglés|\(\d{{4}}\))(?:\s*[-–]?\s*(?:{_SYMBOL}|{_FURNITURE_TOKEN}|\(\d{{4}}\)))*\s*$"
)
UNDERSCORES_RE = re.compile(r"^\s*_{5,}\s*$")
# Small print at the foot of first pages, beside the job number and the bar code.
FOOT_BOILERPLATE_RE = re.compile(
    r"^\s*(?:Accessible document|Document accessible|Documento accesible|Please recycle|Merci de recycler"
    r"|Sírvase reciclar)(?:\s+(?:Please recycle|Merci de recycler|Sírvase reciclar))?\s*$",
    re.I,
)
# The notice at the foot of the first page of a meeting record.
RECORD_NOTICE_RE = re.compile(r"^\s*This record contains the text of speeches")
# A note's label at the start of its first line: "1", "1/", "*", "a" (alone in its fragment or before text).
LABEL_START_RE = re.compile(r"^\s*(?:\d{1,3}/?|\*{1,3}|[a-z]/?)(?:\s|$)")
NOTES_HEADING_RE = re.compile(r"^\s*(?:Notes|Endnotes|Notas|Примечания)\s*$")


def label_page(page: PageGeometry, stats: DocStats) -> list[OutLine]:
    """Return the page's lines in reading order, each with its kind.

    Running heads first, then the body (a meeting record's notice before it), the footnote rule and
    the notes, the running feet, and text at another angle (a stamp, a margin note) as furniture.
    """
    frags = [f for row in page.rows for f in fragments(row)]
    heads, feet, flow = _split_furniture(frags, page, stats)
    notice, flow = _take_record_notice(flow, stats)
    body, sep_frag, notes = _split_notes(flow, page, stats)
    out: list[OutLine] = [OutLine([f], "furniture") for f in heads]
    out.extend(_notice_lines(notice, stats))
    areas = figure_areas(page.art, page.images, (page.width, page.height))
    out.extend(_with_breaks(reading_order(body, stats.big_gap, page.table_rules, areas)))
    if sep_frag is not None:
        out.append(OutLine([sep_frag], "separator"))
    out.extend(line if line.kind == "table" else OutLine(line.frags, "note")
               for line in reading_order(notes, stats.big_gap))
    out.extend(OutLine([f], "furniture") for f in feet)
    out.extend(OutLine([f], "furniture") for row in page.turned for f in fragments(row))
    return out


def _take_record_notice(flow: list[Fragment], stats: DocStats) -> tuple[list[Fragment], list[Fragment]]:
    """Return (the meeting record's notice, the rest of the flow); the notice is [] on most pages."""
    notice = _record_notice(flow, stats)
    if not notice:
        return notice, flow
    taken = {id(f) for f in notice}
    return notice, [f for f in flow if id(f) not in taken]


def _notice_lines(notice: list[Fragment], stats: DocStats) -> list[OutLine]:
    """Return the lines of a meeting record's notice, as a paragraph of its own.

    The notice at the foot of a meeting record's first page stands apart from the speeches, which
    run on to the next page: it is read first, as a paragraph of its own.
    """
    if not notice:
        return []
    return [*(OutLine(line.frags, "body") for line in reading_order(notice, stats.big_gap)), OutLine([], "blank")]


def _split_notes(flow: list[Fragment], page: PageGeometry, stats: DocStats
                 ) -> tuple[list[Fragment], Fragment | None, list[Fragment]]:
    """Return (body, the rule when printed as underscores, notes): the notes stand under the footnote
    rule, or, where no rule is found, they are the block of smaller print at the page's foot."""
    sep_y, sep_frag = _separator(flow, page, stats)
    if sep_y is None:
        body, notes = _notes_by_size(flow, page, stats)
        return body, None, notes
    body = [f for f in flow if f.y0 > sep_y and f is not sep_frag]
    notes = [f for f in flow if f.y1 <= sep_y + 0.5 and f is not sep_frag]
    return body, sep_frag, notes


def _split_furniture(frags: list[Fragment], page: PageGeometry, stats: DocStats
                     ) -> tuple[list[Fragment], list[Fragment], list[Fragment]]:
    """Return (running heads, running feet, the rest) of a page's fragments.

    Heads are read from the top edge down and feet from the bottom edge up, each row
    while it holds nothing but furniture; the first row of text ends the search.
    """
    rows = sorted(group_by_row(frags), key=lambda g: -(g[0].y0 + g[0].y1))
    heads = _running_heads(rows, page, stats)
    feet = _running_feet(rows, page, heads)
    taken = {id(f) for f in heads} | {id(f) for f in feet}
    return heads, feet, [f for f in frags if id(f) not in taken]


def _running_heads(rows: list[list[Fragment]], page: PageGeometry, stats: DocStats) -> list[Fragment]:
    """Return the fragments of the rows at the page's top edge that hold nothing but a running head."""
    heads: list[Fragment] = []
    top = page.height * (1 - EDGE_ZONE)
    small = stats.body_size * 0.92
    for group in rows:
        if group[0].y0 < top or not _is_head_row(group, page.number, small):
            break
        heads.extend(group)
    return heads


def _is_head_row(group: list[Fragment], page: int, small: float) -> bool:
    """Return True when a row is a running head: a head's text in some fragment, and in every other
    one too, or (after page 1) the small print of a title that a running head carries beside the symbol."""
    marks = [_is_head(f.text.strip(), page) for f in group]
    if not any(marks):
        return False
    return all(m or (page > 1 and f.size <= small) for m, f in zip(marks, group, strict=True))


def _running_feet(rows: list[list[Fragment]], page: PageGeometry, heads: list[Fragment]) -> list[Fragment]:
    """Return the fragments of the rows at the page's bottom edge that hold nothing but a running foot."""
    feet: list[Fragment] = []
    bottom = page.height * EDGE_ZONE
    for group in reversed(rows):
        if group[0].y1 > bottom + 4 or any(f is group[0] for f in heads):
            break
        if not all(_is_foot(f.text.strip()) for f in group):
            break
        feet[:0] = group  # read from the bottom up, printed top down
    return feet


def _is_head(text: str, page: int) -> bool:
    """Return True when a fragment's text is a running head of the page."""
    if page == 1:
        # The masthead stands at the top of page 1: only job numbers and stamps are furniture there.
        return bool(FURNITURE_LINE_RE.match(text)) and not SYMBOL_LINE_RE.match(text)
    return bool(HEAD_LINE_RE.match(text) or HEADER_LANGUAGE_RE.match(text) or HEADER_DATE_RE.match(text)
                or PAGE_NUMBER_RE.match(text) or BOILERPLATE_RE.match(text))


def _is_foot(text: str) -> bool:
    """Return True when a fragment's text is a running foot: job number, page number, stamp, boilerplate."""
    return bool(FURNITURE_LINE_RE.match(text) or BOILERPLATE_RE.match(text) or PAGE_NUMBER_RE.match(text)
                or STAMP_RE.match(text) or FOOT_BOILERPLATE_RE.match(text) or not WORD_RE.search(text))


def _separator(flow: list[Fragment], page: PageGeometry, stats: DocStats
               ) -> tuple[float | None, Fragment | None]:
    """Return the height of the footnote rule, and its fragment when it is printed as underscores.

    The rule is a short line of underscores or a thin horizontal path, with text above it and
    notes below it: smaller than the body, or starting with a label.
    """
    printed = _printed_rule(flow, page, stats)
    if printed is not None:
        return printed.y0, printed
    return _drawn_rule(flow, page), None


def _printed_rule(flow: list[Fragment], page: PageGeometry, stats: DocStats) -> Fragment | None:
    """Return the first short line of underscores above the page's last fifth with notes below it."""
    for f in flow:
        if UNDERSCORES_RE.match(f.text) and f.y1 < page.height * 0.8 and f.x1 - f.x0 < 0.7 * page.width \
                and _notes_below(flow, f.y0, stats):
            return f
    return None


def _drawn_rule(flow: list[Fragment], page: PageGeometry) -> float | None:
    """Return the height of the lowest thin path that is a footnote rule, or None."""
    candidates = [(rule[1] + rule[3]) / 2 for rule in page.rules if _is_note_rule(rule, flow, page)]
    return max(candidates) if candidates else None


def _is_note_rule(rule: tuple[float, float, float, float], flow: list[Fragment], page: PageGeometry) -> bool:
    """Return True when a thin path is the footnote rule: in the lower quarter of the page, text above it,
    notes below it (the first with its label) starting near its left end, and not an underline or a
    table's border."""
    x0, y0, x1, y1 = rule
    if y1 > page.height * 0.75 or not any(g.y0 >= y1 - 0.5 for g in flow):
        return False
    below = [g for g in flow if g.y1 <= y0 + 0.5]
    if not below or any(g.y0 - 4 <= y1 <= g.y0 + 1 and g.x0 < x1 and x0 < g.x1 for g in flow):
        return False  # nothing below, or a line of text stands right on it: an underline
    if sum(abs(r[1] - y0) < 1.5 for r in page.rules) > 1:
        return False  # one of several rules at this height: a table's border
    # The rule starts near the left edge of the notes below it, and the first of them has its label.
    first = max(below, key=lambda g: g.y1)
    return abs(x0 - min(g.x0 for g in below)) <= 24 and _starts_with_label(first.row)


def _notes_below(flow: list[Fragment], y: float, stats: DocStats) -> bool:
    """Return True when what stands below y reads as notes: small print, or a label first."""
    below = [g for g in flow if g.y1 <= y]
    if not below:
        return False
    if statistics.median(g.size for g in below) <= stats.body_size * 0.95:
        return True
    return _starts_with_label(max(below, key=lambda g: g.y1).row)


def _record_notice(flow: list[Fragment], stats: DocStats) -> list[Fragment]:
    """Return the small-print notice at the foot of a meeting record's first page, if there is one."""
    start = next((f for f in flow if f.size < stats.body_size * 0.95 and RECORD_NOTICE_RE.match(f.text)), None)
    if start is None:
        return []
    return [f for f in flow if f.y1 <= start.y1 + 0.5 and abs(f.size - start.size) < 0.3]


def _notes_by_size(flow: list[Fragment], page: PageGeometry, stats: DocStats
                   ) -> tuple[list[Fragment], list[Fragment]]:
    """Return (body, notes): a footnote area without a rule is a block of smaller text at the foot."""
    if not flow:
        return flow, []
    rows = sorted({id(f.row): f.row for f in flow}.values(), key=lambda r: -(r.y0 + r.y1))
    k = _small_print_start(rows, stats.body_size * 0.92)
    if not _opens_notes(rows, k, flow):
        return flow, []
    notes_rows = {id(r) for r in rows[k:]}
    return [f for f in flow if id(f.row) not in notes_rows], [f for f in flow if id(f.row) in notes_rows]


def _small_print_start(rows: list[Row], small: float) -> int:
    """Return the index of the first row of the run of rows no bigger than `small` that ends the page."""
    k = len(rows)
    while k > 0 and rows[k - 1].size <= small:
        k -= 1
    return k


def _opens_notes(rows: list[Row], k: int, flow: list[Fragment]) -> bool:
    """Return True when the small print from rows[k] on is a footnote area: below some body text, set
    apart from it by a gap, its first row starting with a label, and no endnotes under their heading."""
    if k == len(rows) or k == 0:
        return False
    first = rows[k]
    gap = rows[k - 1].y0 - first.y1
    if gap < 0.4 * first.size or not _starts_with_label(first):
        return False
    above = " ".join(f.text for f in flow if f.row is rows[k - 1])
    return not NOTES_HEADING_RE.match(above)  # endnotes under their heading are the structure stage's to read


def _starts_with_label(row: Row) -> bool:
    """Return True when a row starts with a note's label, raised or printed on the line."""
    frag = fragments(row)[0]
    text, markers = frag.content()
    if markers and markers[0][0] == 0:
        return True
    return bool(LABEL_START_RE.match(text))


# --- Paragraph breaks -----------------------------------------------------------------------------------


def _with_breaks(lines: list[OutLine]) -> Iterator[OutLine]:
    """Yield the body lines with a blank line between paragraphs."""
    prev: OutLine | None = None
    for i, line in enumerate(lines):
        if prev is not None and (line.region != prev.region or _indented(prev, line, lines[i + 1: i + 2])):
            yield OutLine([], "blank")
        yield line
        prev = line


def _indented(prev: OutLine, line: OutLine, after: list[OutLine]) -> bool:
    """Return True when a line starts a paragraph by its first-line indent (a table's rows have none)."""
    if line.kind in ("table", "figure") or not line.frags:
        return False
    size = line.frags[0].row.size
    if line.x0 < prev.x0 + 0.8 * size:
        return False
    if not after or after[0].region != line.region or abs(after[0].x0 - prev.x0) > 2.0:
        return False
    return not LIST_ITEM_RE.match(prev.frags[0].text)
