"""layout: pages of lines -> each line labelled with the block it belongs to.

One interface for both kinds of source: `layout(source)` labels a Source whatever its kind.
A PDF's lines come labelled from the reader (read/pdf/labels.py), which tells them by their
place, size and rise on the page; text input carries no geometry, and its lines are labelled
here (`label_text`) from their text and their place among the page's printed lines.

Labels: body, blank, furniture (running heads and feet, page and job numbers, bar
codes, recycling boilerplate), separator (the footnote rule), note (the footnote
area), links (lists of link addresses that some extractors append to a page), table (a
table's cells: in a PDF told by their place, in extracted text by `label_text_tables`). The
masthead is part of the body here; the structure stage reads it.
"""

from __future__ import annotations

import re

from unref.model import Line, Page, Source
from unref.text.regexes import (
    BOILERPLATE_RE,
    FOOTNOTE_SEPARATOR_RE,
    HEADER_DATE_RE,
    HEADER_LANGUAGE_RE,
    JOB_NUMBER_RE,
    PAGE_NUMBER_RE,
    STAMP_RE,
    SYMBOL_LINE_RE,
    URL_LINE_RE,
    any_of,
)

HEAD_ZONE = 5  # running heads sit in the first few printed lines of a page
FOOT_ZONE = 4


def layout(source: Source) -> Source:
    """Return the source with every line's `kind` set; the same object, labelled in place."""
    if source.style == "pdf":
        return pdf_labels(source)
    return label_text(source)


def pdf_labels(source: Source) -> Source:
    """Return a PDF's source as it is: the PDF reader labelled each line from its place on the page.

    See unref.read.pdf.labels.label_page: running heads and feet by the page's edges, the footnote
    area by its rule or its smaller print, paragraph breaks by indent, tables by their cells. A map that was
    scanned (a page read by OCR, or an old OCR layer over a page image) has no drawing for read/pdf/figures.py
    to find under its labels: the map's credit tells it, as in extracted text (label_map_page). A drawn map's
    labels are figure lines already, so the credit rule finds no body lines to take there.
    """
    for page in source.pages:
        label_map_page(page.lines)
    return source


def label_text(source: Source) -> Source:
    """Return a text source with every line's `kind` set from its text and place among the page's lines."""
    dump = source.style == "dump"
    counts = _edge_counts(source)  # once: both the running heads and the running feet read them
    running = _running_heads(source, counts)
    numbered = _numbers_pages(source)
    feet = _running_feet_under_rule(source, running, counts)
    for page in source.pages:
        _label_page(page, dump=dump, first=page.number == 1, running=running, numbered=numbered, feet=feet)
    return source


def _bare_page_number(zone: list[Line], number: int) -> Line | None:
    """Return the line of the zone (edge first) that holds only the page's own number."""
    for line in zone:
        text = line.text.strip()
        if text.isdecimal() and int(text) == number:
            return line
    return None


def _numbers_pages(source: Source) -> bool:
    """Return True when the document prints its page numbers as bare numbers ("7") at the head or
    foot of most pages: then such a line is a page number, not a footnote label or a sum.

    One page alone is no evidence (a note labelled "3" may stand at the foot of page 3)."""
    if source.style == "dump":
        return False  # its pages are guessed, so their numbers are unknown
    hits = 0
    for page in source.pages:
        head, foot = _edge_lines(page.lines)
        if _bare_page_number(foot + head, page.number):
            hits += 1
    return hits >= 3 and hits >= 0.5 * (len(source.pages) - 1)


def _edge_lines(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Return a page's first HEAD_ZONE printed lines, top down, and its last FOOT_ZONE, from the foot up: read
    from each edge, not from a list of all its printed lines."""
    head: list[Line] = []
    for line in lines:
        if len(head) == HEAD_ZONE:
            break
        if line.text.strip():
            head.append(line)
    foot: list[Line] = []
    for line in reversed(lines):
        if len(foot) == FOOT_ZONE:
            break
        if line.text.strip():
            foot.append(line)
    return head, foot


def _running_heads(source: Source, counts: dict[str, int] | None = None) -> set[str]:
    """Return the running heads and feet: lines repeated at the edge of several pages, and the
    document's own symbols as printed on the first page. `counts` are the _edge_counts, when known."""
    running = _repeated_at_edges(source, counts)
    if source.pages:
        running |= _first_page_symbols(source.pages[0])
    return running


def _repeated_at_edges(source: Source, counts: dict[str, int] | None = None) -> set[str]:
    """Return the lines (not bare numbers, under 90 characters) printed at the edge of more than one page."""
    pages = len(source.pages)
    if counts is None:
        counts = _edge_counts(source)
    return {text for text, n in counts.items() if n > 1 and _repeats_as_furniture(text, n, pages)}


def _repeats_as_furniture(text: str, n: int, pages: int) -> bool:
    """Return whether a line printed at the edge of `n` pages repeats as a running head or foot does.

    A web address alone on its line is the last line of a note far more often than a running foot: the same
    source cited in two notes that each end a page (A/79/924's notes 77 and 96, where pdftotext dropped the
    rule) is no running foot. A web address counts as one only where it is printed on a third of the pages
    (three at least), as a running foot is (see _running_feet_under_rule)."""
    return not URL_LINE_RE.match(text) or n >= max(3, pages // 3)


def _edge_counts(source: Source) -> dict[str, int]:
    """Return, for each line (not a bare number, under 90 characters) at the edge of a page, on how many pages."""
    seen: dict[str, int] = {}
    for page in source.pages:
        head, foot = _edge_lines(page.lines)
        for text in {ln.text.strip() for ln in head + foot}:
            if not text.isdigit() and len(text) < 90:
                seen[text] = seen.get(text, 0) + 1
    return seen


def _running_feet_under_rule(source: Source, running: set[str], counts: dict[str, int] | None = None) -> set[str]:
    """Return the running lines that may be a running foot where they stand below the footnote rule.

    Below the rule a line repeated at the foot of two pages is as likely a note printed twice (the same
    note text on two pages, its label on a line of its own: "Adopted by the Meeting at its 10th plenary
    meeting"; the tail of a note, "2024).") as a running foot. A running foot is printed on most pages,
    or on every other page where odd and even pages differ: a third of the pages (three at least) is
    asked for there."""
    if counts is None:
        counts = _edge_counts(source)
    wanted = max(3, len(source.pages) // 3)
    return {text for text in running if counts.get(text, 0) >= wanted or text not in counts}


def _first_page_symbols(page: Page) -> set[str]:
    """Return the symbol lines at the head of the first page, whole and each symbol of them alone
    ("A/81/123 - S/2026/456"): later pages repeat them as running heads."""
    out: set[str] = set()
    first = [ln.text.strip() for ln in page.lines if ln.text.strip()][:HEAD_ZONE]
    for text in first:
        if SYMBOL_LINE_RE.match(text):
            out.update(part.strip() for part in re.split(r"\s*[-–]\s*(?=[A-Z]+/)", text))
            out.add(text)
    return out


# A job number, stamp, boilerplate, page number or header date, each pattern anchored at both ends.
_FURNITURE_TOKEN_RE = any_of(JOB_NUMBER_RE, STAMP_RE, BOILERPLATE_RE, PAGE_NUMBER_RE, HEADER_DATE_RE)
# Bar codes drawn with private-use glyphs: those and white space alone (\s is what str.isspace takes).
_BAR_CODE_RE = re.compile(r"[\ue000-\uf8ff\s]*\Z")
# A line that is furniture whole: a bar code or one piece.
_FURNITURE_LINE_RE = any_of(_BAR_CODE_RE, _FURNITURE_TOKEN_RE)
_LETTER_IN_BRACKETS_RE = re.compile(r"\s*\(([A-Z])\)")
# Two small letters in a row: no piece of furniture without white space in it holds them (a page number's
# "Page 2" and the boilerplate's phrases hold a space; "(E)" one letter), so a line with them is no run of pieces.
_SMALL_LETTERS_RE = re.compile(r"[a-z]{2}")


def _is_anywhere_furniture(text: str) -> bool:
    """Return True for a line that is furniture wherever it stands on the page."""
    if _FURNITURE_LINE_RE.match(text):
        return True
    if _SMALL_LETTERS_RE.search(text):
        return False  # prose: the test of its pieces below would fail on the piece that holds them
    # "25-10019 7/16", "4/16 25-10019": page feet that print several pieces on one line.
    tokens = _LETTER_IN_BRACKETS_RE.sub(r"(\1)", text).split()
    return len(tokens) > 1 and all(_FURNITURE_TOKEN_RE.match(tok) for tok in tokens)


def _split_glued_separators(page: Page) -> None:
    """Split "pseudonymous cross ______" into the body text and the footnote rule."""
    out: list[Line] = []
    for line in page.lines:
        # The rule's ten underscores first: the pattern's ".*" tries every place of a line that has none.
        m = _GLUED_SEPARATOR_RE.match(line.text) if _GLUED_RULE in line.text else None
        if m:
            out.append(Line(m.group(1), line.start, line.page))
            out.append(Line(m.group(2), line.start + m.start(2), line.page))
        else:
            out.append(line)
    page.lines = out


_GLUED_SEPARATOR_RE = re.compile(r"^(.*\S)\s+(_{10,})\s*$")
_GLUED_RULE = "_" * 10


def _label_page(page: Page, *, dump: bool, first: bool, running: set[str], numbered: bool = False,
                feet: set[str] | None = None) -> None:
    """Label a page's lines: body or blank, then furniture, running heads and feet, the footnote area.

    `feet` are the running lines that count as running feet below the footnote rule (all of `running`
    when None)."""
    _split_glued_separators(page)
    printed = []
    for line in page.lines:  # one pass: the printed lines are the body's, before the labels below
        if line.text.strip():
            line.kind = "body"
            printed.append(line)
        else:
            line.kind = "blank"
    _label_furniture(printed, page.number, numbered)
    if not first:
        _label_heads(printed[:HEAD_ZONE], running)
        label_typed_head(printed[:HEAD_ZONE])
    below, rest = _foot_zone(printed)
    # From the page's edge inwards: the lines below the rule first, then, if all of them were feet, the rest.
    if _label_heads(below[::-1], running if feet is None else feet):
        _label_heads(rest[::-1], running)
    _label_notes(page.lines, dump)
    if not dump:
        label_text_tables(page.lines)


def _foot_zone(printed: list[Line]) -> tuple[list[Line], list[Line]]:
    """Return the lines of the page's foot zone that stand below its last footnote rule, and the rest."""
    foot = printed[-FOOT_ZONE:]
    rule = max((i for i, ln in enumerate(printed) if _is_rule(ln.text)), default=None)
    if rule is None:
        return [], foot
    k = max(rule + 1 - (len(printed) - len(foot)), 0)  # the rule may stand above the zone: all of it is below
    return foot[k:], foot[:k]


def _is_rule(text: str) -> bool:
    """Return whether a line is the footnote rule: its five underscores are looked for first, as a str test."""
    return _RULE_PIECE in text and FOOTNOTE_SEPARATOR_RE.match(text) is not None


_RULE_PIECE = "_" * 5  # FOOTNOTE_SEPARATOR_RE takes five underscores or more


def _label_furniture(printed: list[Line], number: int, numbered: bool) -> None:
    """Label as furniture the lines that are furniture wherever they stand, and the page's own
    number at its foot or head when the document prints bare page numbers."""
    for line in printed:
        if _is_anywhere_furniture(line.text):
            line.kind = "furniture"
    if numbered:
        found = _bare_page_number(printed[:-FOOT_ZONE - 1:-1], number) or _bare_page_number(
            printed[:HEAD_ZONE], number)
        if found is not None:
            found.kind = "furniture"


def _label_notes(lines: list[Line], dump: bool) -> None:
    """Label the footnote rule and the notes under it; in a dump, a bare address there is a links line."""
    in_notes = False
    for line in lines:
        if line.kind == "furniture":
            continue
        if _is_rule(line.text):
            line.kind = "separator"
            in_notes = True
        elif in_notes and line.kind == "body":
            line.kind = "links" if dump and URL_LINE_RE.match(line.text.strip()) else "note"


# A symbol as a typed running head prints it, OCR damage and all ("A/44/006", "s/21029", "S/237?7",
# "E/ICEF/672 (Deuxième partie)"): letters, a slash, then a short run with a figure in it.
_TYPED_SYMBOL_RE = re.compile(r"^\s*[A-Za-z]{1,6}/[^\s]*\d[^\s]*(?:\s*\([^)]{1,30}\))?\s*$")


def label_typed_head(zone: list[Line]) -> None:
    """Label the running head of a typed document (1946-1995) on a page after the first: the symbol, the
    language and the page, one under another ("A/44/886" / "S/21029" / "English" / "Page 2").

    The symbol may be read with damage, so it is not among the running heads that repeat; the language line
    over the page number that is furniture tells the block, and the symbol lines over the language go with it."""
    for i, line in enumerate(zone[:-1]):
        if HEADER_LANGUAGE_RE.match(line.text) and zone[i + 1].kind == "furniture" and \
                PAGE_NUMBER_RE.match(zone[i + 1].text):
            line.kind = "furniture"
            for above in zone[:i][::-1]:
                if not _TYPED_SYMBOL_RE.match(above.text):
                    break
                above.kind = "furniture"
            return


def _label_heads(zone: list[Line], running: set[str]) -> bool:
    """Mark running heads and feet: repeated symbol lines, language lines, from the page edge inwards.

    Return whether every line of the zone was furniture (so the walk may go on inwards)."""
    for line in zone:
        text = line.text.strip()
        if line.kind == "furniture":
            continue
        if text in running or HEADER_LANGUAGE_RE.match(text):
            line.kind = "furniture"
        else:
            return False
    return True


# --- Tables in extracted text ------------------------------------------------------------------------
#
# pdftotext (without -layout) prints a table's cells one to a line, each cell parted from the next by a
# blank line: a run of short blocks, many of them figures, that no sentence runs through. Body text has
# no blank lines inside a paragraph, and a list's items end in ";" or "." or pair a label ("12.") with
# a text, so neither makes such a run.

TABLE_MIN_CELLS = 6  # a run of fewer short blocks is a heading and a few lines, not a table
TABLE_FIGURE_SHARE = 0.3  # the share of its cells that a table gives to figures, at least
CELL_MAX_CHARS = 40  # a cell's line is short: one column of a page
CAPTION_WORDS = 4  # a group of this many words on a line, before a table's first figure, is its caption
CELL_MAX_LINES = 3  # a cell wraps over a few lines at most ("Date of / submission to / the mechanism")

# A cell of figures: amounts, percentages, years, ranges, a dash for nil, a column's number "(4)=(3)-(2)",
# a date "27-Nov-24" or "3 Jan 2025"; a list's numbering ("12.") is no figure.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_FIGURE_CELL_RE = re.compile(
    r"^(?!\d{1,3}\.$)(?:[\d\s.,%–—\-/()+=÷:$€£*]*\d[\d\s.,%–—\-/()+=÷:$€£*]*|[–—-]"
    rf"|(?:[A-Z][a-z]+day,? )?(?:\d{{1,2}}[- ]{_MONTH}[- ,]+\d{{2,4}}|{_MONTH} \d{{1,2}},? \d{{4}}))$")
# How a cell may not end: a clause or a list item goes on after these; a sentence ends in a stop.
_NOT_CELL_END = (";", ",", ":")


def cell_groups(lines: list[Line]) -> list[list[Line]]:
    """Return a page's body lines in groups that blank lines (or lines of another kind) part."""
    groups: list[list[Line]] = []
    cur: list[Line] = []
    for line in lines:
        if line.kind == "body":
            cur.append(line)
        elif cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def is_table_cell(texts: list[str]) -> bool:
    """Return whether a group of lines reads as one table cell: a few short lines that end no clause or sentence
    (a figure may end in a stop: "12.5")."""
    if len(texts) > CELL_MAX_LINES or any(len(t.strip()) > CELL_MAX_CHARS for t in texts):
        return False
    last = texts[-1].strip()
    if last.endswith(_NOT_CELL_END):
        return False
    return not last.endswith(".") or is_figure_cell([last])


def is_wide_cell(texts: list[str]) -> bool:
    """Return whether a group of lines may be a wide cell inside a table (a description column: "3 terrorist
    operatives were observed loading 4 Kornet ATGMs"): a few lines up to twice a cell's width that end no clause.
    It is taken only between cells (table_runs)."""
    return len(texts) <= CELL_MAX_LINES and all(len(t.strip()) <= 2 * CELL_MAX_CHARS for t in texts) and \
        not texts[-1].rstrip().endswith(_NOT_CELL_END) and not _CAPTION_LABEL_RE.match(texts[0])


# A table's or figure's caption opens with its label (the Editorial Manual numbers them: "Table 2.", "Figure II").
_CAPTION_LABEL_RE = re.compile(r"^\s*(?:Table|Figure|Chart|Map|Tableau|Graphique|Cuadro|Gráfico)\s+[\dIVXA-Z]")


def is_figure_cell(texts: list[str]) -> bool:
    """Return whether every line of a cell is a figure (see _FIGURE_CELL_RE)."""
    return all(_FIGURE_CELL_RE.match(t.strip()) for t in texts)


def table_runs(groups: list[list[Line]]) -> list[list[list[Line]]]:
    """Return the runs of groups that make a table: TABLE_MIN_CELLS cells or more in a row, figures among them."""
    runs: list[list[list[Line]]] = []
    run: list[list[Line]] = []
    groups = [cell for group in groups for cell in _one_line_cells(group)]
    cells = [is_table_cell([ln.text for ln in group]) for group in groups] + [False, False]
    for i, group in enumerate([*groups, []]):
        if cells[i] or (run and group and cells[i + 1] and is_wide_cell([ln.text for ln in group])):
            run.append(group)
            continue
        run = _without_caption(run)
        if _is_table_run(run):
            runs.append(run)
        run = []
    return runs


def _one_line_cells(group: list[Line]) -> list[list[Line]]:
    """Return a group of lines as its cells: where pdftotext printed a table's cells one to a line without blank
    lines between them, a block of more short lines than a cell wraps over, each line a cell; else the group."""
    if len(group) > CELL_MAX_LINES and all(len(ln.text.strip()) <= CELL_MAX_CHARS for ln in group):
        return [[ln] for ln in group]
    return [group]


def _without_caption(run: list[list[Line]]) -> list[list[Line]]:
    """Return a run of cells without the heading or caption that opens it ("Annex" / "Firearms seized in Haiti,
    2021–2025", "Composition of the Kosovo Police Service"): groups before the first figure that hold a line of
    CAPTION_WORDS words or more. A header cell is a few words ("Country", "Price (USD)")."""
    k = 0
    while k < len(run) and not is_figure_cell([ln.text for ln in run[k]]) and \
            any(len(ln.text.split()) >= CAPTION_WORDS for ln in run[k]):
        k += 1
    return run[k:]


def _is_table_run(run: list[list[Line]]) -> bool:
    """Return whether a run of cells is long enough and holds enough figures to be a table."""
    if len(run) < TABLE_MIN_CELLS:
        return False
    figures = sum(1 for group in run if is_figure_cell([ln.text for ln in group]))
    return figures >= TABLE_FIGURE_SHARE * len(run)


def label_text_tables(lines: list[Line]) -> None:
    """Label kind "table" the body lines of a page's text that make a table's cells (see table_runs); on a map's
    page, its labels kind "figure" (see label_map_page)."""
    if label_map_page(lines):
        return
    runs = table_runs(cell_groups(lines))
    if not runs:
        return
    index = {id(ln): k for k, ln in enumerate(lines)}
    for run in runs:
        kind = "figure" if _under_figure_caption(lines[:index[id(run[0][0])]]) else "table"
        for group in run:
            for line in group:
                line.kind = kind
        if kind == "figure":
            for line in axis_labels(lines[index[id(run[-1][-1])] + 1:]):
                line.kind = "figure"


# The line under a figure or table that names its source (the Editorial Manual's "Source:" note).
_SOURCE_LINE_RE = re.compile(r"^\s*(?:Sources?|Fuente|Источник)\s*:")
AXIS_MAX_LINES = 4  # a chart's axis title and legend entries under its figures, before its "Source:" line
AXIS_MAX_WORDS = 12


def axis_labels(after: list[Line]) -> list[Line]:
    """Return the lines under a chart's figures that are its axis title and legend ("Weeks", "UNIFIL operational
    activities"): up to AXIS_MAX_LINES short body lines with no stop at their end, then the figure's "Source:"
    line, which is the evidence (without it, nothing: the lines may be the text that goes on)."""
    taken: list[Line] = []
    for line in after:
        text = line.text.strip()
        if line.kind == "blank" or not text:
            continue
        if _SOURCE_LINE_RE.match(text):
            return taken
        if line.kind != "body" or len(taken) == AXIS_MAX_LINES or text.endswith(tuple(".;:")) \
                or len(text.split()) > AXIS_MAX_WORDS:
            return []
        taken.append(line)
    return []


# A figure's caption (the Editorial Manual labels a chart "Figure I", as it labels a table "Table 1").
_FIGURE_CAPTION_RE = re.compile(r"^\s*(?:Figure|Chart|Graph|Graphique|Gráfico|Рисунок|Диаграмма)\s+[\dIVXA-Z]")


def _under_figure_caption(above: list[Line]) -> bool:
    """Return whether a run of cells stands under a figure's caption: one of the few printed lines above it
    (a caption runs over a line or two) is labelled "Figure ...". A chart's axis labels and legend read as cells."""
    printed = [ln for ln in above if ln.kind == "body"][-4:]
    return any(_FIGURE_CAPTION_RE.match(ln.text) for ln in printed)


# A UN map's credit: the Cartographic Section (now the Geospatial Information Section) numbers every map it
# draws ("Map No. 4224 Rev. 25") and names itself under it.
_MAP_CREDIT_RE = re.compile(
    r"^\s*(?:Map No\.\s*\d+|Carte n[o°]\.?\s*\d+|Mapa N[o°]\.?\s*\d+|Cartographic Section"
    r"|Geospatial Information Section|Section de (?:la )?cartographie|Sección de Cartografía)", re.I)
# A heading that stays a heading on a map's page (the annex the map is).
_KEEP_ON_MAP_RE = re.compile(r"^\s*(?:Annex|Annexe|Anexo|Enclosure|Appendix|Приложение)\b")


def label_map_page(lines: list[Line]) -> bool:
    """Label kind "figure" the labels of a page that prints a UN map (its credit tells it: _MAP_CREDIT_RE): the
    blocks of its body whose lines are short (place names, legend entries, the scale, the credit and its
    disclaimer), not a paragraph's lines of prose nor the annex heading. Return whether the page is a map's."""
    if not any(ln.kind == "body" and _MAP_CREDIT_RE.match(ln.text) for ln in lines):
        return False
    for group in cell_groups(lines):
        if _KEEP_ON_MAP_RE.match(group[0].text) or any(len(ln.text.strip()) > 2 * CELL_MAX_CHARS for ln in group):
            continue
        for line in group:
            line.kind = "figure"
    return True
