"""Paragraphs: the body's lines cut into blocks across page breaks, repaired, and given their kind.

Part of the structure stage. A block is a paragraph before repair: a run of lines that a blank line, a
short line, a list item, a signature or a title block ends; a title block (an annexed letter's title)
and a signature keep their lines together.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Literal

from unref.model import Line, Paragraph, ParagraphKind
from unref.repair import Context, repair
from unref.structure.masthead import TITLE_END_RE
from unref.structure.tables import GRID_KINDS, continues_grid, grid_tracked, table_rows
from unref.text.regexes import LIST_ITEM_RE, SIGNED_RE, TERMINAL_PUNCT, any_of
from unref.text.tracked import Tracked

# Lines that open a title block: an annexed letter's title, or the annex heading that names it.
TITLE_BLOCK_RE = re.compile(
    r"^\s*(?:Annex(?:e)? (?:to|à) the (?:letter|note verbale)|Annex to the identical letters"
    r"|Enclosure to the letter|Letter dated|Identical letters dated|Note verbale dated|Lettre datée"
    r"|Carta de fecha|Nota verbal de fecha)"
)
ANNEX_RE = re.compile(r"^\s*(?:Annex|Annexe|Anexo|Приложение|Enclosure|Appendix|Pièce jointe)\b")


def estimate_width(lines: list[Line]) -> int:
    """Return the length in characters of a full line of body text."""
    lengths = sorted([len(ln.text.rstrip()) for ln in lines if len(ln.text.strip()) >= 25])
    if len(lengths) < 5:
        return 0
    median = statistics.median(lengths)
    normal = [n for n in lengths if n <= 1.3 * median]
    return normal[int(0.85 * (len(normal) - 1))]


@dataclass
class Block:
    """Lines that make one paragraph, before repair."""

    lines: list[Line] = field(default_factory=list)
    kind: ParagraphKind | Literal["title_block"] = "body"


def _ends_paragraph(prev: str, cur: str, width: int) -> bool:
    """Return whether the line `prev` ends its paragraph, with `cur` the next line."""
    prev_s, cur_s = _without_glued_marker(prev.rstrip()), cur.strip()
    if not prev_s:
        return True
    if prev_s.endswith("-"):
        return False
    if prev_s.endswith(":") and (cur_s[:1] in "“\"‘•" or LIST_ITEM_RE.match(cur_s)):
        return True
    if ends_on_no_end_word(prev_s) and not LIST_ITEM_RE.match(cur_s):
        return False  # "at its 9836th meeting, on" / "15 January 2025": a line cannot end on such a word
    short = width > 0 and len(prev_s) < 0.75 * width
    if cur_s[:1].islower() and not LIST_ITEM_RE.match(prev_s + " "):
        return bool(short and prev_s.endswith((".", ":", ";")) and len(prev_s) < 0.5 * width)
    if short and not _BARE_NUMBERING_RE.match(prev_s):
        return True
    return _sentence_ends_line(prev_s, cur_s, width)


# Words that neither a sentence nor a heading ends on, in English, French and Spanish: prepositions, articles,
# conjunctions. A line that ends on one goes on to the next (an adoption line's date, a by-line's "for" /
# "Human Rights"), however short it is.
_NO_END_WORDS = ("on", "of", "the", "and", "at", "to", "in", "for", "by", "with", "from", "an", "de", "du", "des",
                 "la", "le", "les", "et", "à", "au", "aux", "el", "los", "las", "del", "y", "en", "para", "por", "con")
_NO_END_WORD_RE = re.compile(rf"(?<![\w.-])(?:{'|'.join(_NO_END_WORDS)})$")
# The end of a line that can hold such a word and the character before it: searched instead of the whole line,
# which costs a try at every position (this runs on every line of every document).
_NO_END_TAIL = max(map(len, _NO_END_WORDS)) + 1


def ends_on_no_end_word(line: str) -> bool:
    """Return whether a line (right-stripped) ends on a word that no sentence or heading ends on."""
    return _NO_END_WORD_RE.search(line[-_NO_END_TAIL:]) is not None
_GLUED_END_MARKER_RE = re.compile(r"(?<=[.;:”’\"])\d{1,3}$")


def _without_glued_marker(line: str) -> str:
    """Return a right-stripped line without the marker glued after its full stop ("the Council.12")."""
    # The pattern ends in a figure: tried only there (\d is what isdecimal takes; isdigit takes more).
    return _GLUED_END_MARKER_RE.sub("", line) if line[-1:].isdigit() else line
_BARE_NUMBERING_RE = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,4}\))$")  # "12." or "(a)" alone on a line


def _sentence_ends_line(prev_s: str, cur_s: str, width: int) -> bool:
    """Return whether a line that is not short ends a paragraph: it ends a sentence short of the full width,
    and the next line opens like a paragraph (a capital, a quote, a bracket, a bullet or a figure)."""
    return bool(prev_s.endswith(_TERMINAL) and width and len(prev_s) < 0.9 * width
                and (cur_s[:1].isupper() or cur_s[:1] in "“\"‘(•" or cur_s[:1].isdigit()))


# The stops that end a sentence, as endswith takes them.
_TERMINAL = tuple(TERMINAL_PUNCT)


def _continues_special(block: Block, text: str, width: int) -> bool:
    """Return True when a line belongs to an open title or signature block."""
    if not block.lines:
        return False
    first = block.lines[0].text
    if block.kind == "title_block":
        if len(block.lines) >= 6:
            return False
        # Joined only here, for a title of a few lines: joining every open block at each line was quadratic.
        joined = " ".join(ln.text.strip() for ln in block.lines)
        return not (TITLE_END_RE.search(joined) and not re.search(r"\b(?:to|of|the|and|de|la|du|des|del)$", joined))
    if SIGNED_RE.match(first):
        return continues_signature(block.lines, text, width)
    return False


# The words that open a signatory's title or function under the name, in the official languages.
_FUNCTION_RE = re.compile(
    r"^\s*(?:(?:[A-Z][\w-]* ){0,3}(?:Facilitator|Coordinator|Rapporteur|Envoy|Adviser))"
    r"|^\s*(?:Ambassador|(?:Deputy |Alternate )?Permanent (?:Representative|Observer)|Chargée? d[’']affaires"
    r"|(?:Vice-)?President|Chair(?:man|woman|person)?|(?:Prime )?Minister|(?:Under-|Assistant )?Secretary"
    r"|Special (?:Representative|Envoy|Adviser|Coordinator)|Representative|Coordinator|Facilitator|Head|Director"
    r"|Counsellor|Envoy|Deputy|High Commissioner|Ambassadeur|Représentant|Président|Embajador|Representante"
    r"|Presidente|Encargad[oa] de Negocios|Посол|Постоянн\w+ представител|Председател|Временный поверенный)")
# A line that breaks off mid-phrase ("Special Representative of the Secretary-", "Under-Secretary-General for
# Humanitarian Affairs and"): the line under it goes on with the same title.
_OPEN_END_RE = re.compile(r"(?:\b(?:of|and|for|the|in|to|on|at|de|du|des|la|del|y|et|и)|[-–,])$")


def continues_signature(lines: list[Line], text: str, width: int) -> bool:
    """Return whether `text` goes on the signature block whose lines are `lines`.

    A signature is name, title and function, whole (the Editorial Manual's signature block): a line that
    names a title or function ("Ambassador and Permanent Representative of ... to the United Nations",
    "Chargé d'affaires a.i."), a line that goes on a title broken off mid-phrase, or a short line; never
    another signature, an annex or a letter's title, and six lines at most."""
    if len(lines) >= 6 or SIGNED_RE.match(text) or ANNEX_RE.match(text) or TITLE_BLOCK_RE.match(text):
        return False
    s = text.strip()
    if _OPEN_END_RE.search(lines[-1].text.rstrip()) or s[:1].islower():
        return True
    if _FUNCTION_RE.match(s):
        return not width or len(s) <= width
    short = len(s) < (0.6 * width if width else 50)
    # "For MONUSCO:", "For the Government of ...:" introduces the next signatory.
    return short and not s.endswith((".", ";", ":"))


def segment(lines: list[Line], width: int, dump: bool) -> list[Block]:
    """Return the paragraphs of the body lines in reading order, across page breaks."""
    blocks: list[Block] = []
    cur = Block()
    prev: Line | None = None
    blank_before = False
    for line in lines:
        if line.kind == "blank":
            blank_before = prev is not None
            if cur.kind == "table":
                cur.lines.append(line)  # a blank line parts the cells of a table printed one under another
            continue
        if line.kind in GRID_KINDS or cur.kind in GRID_KINDS:
            cur = _grid_step(cur, line, blocks)
            if cur.kind in GRID_KINDS:
                prev = line
                blank_before = False
                continue
        text = line.text
        if _continues_special(cur, text, width):
            cur.lines.append(line)
            prev = line
            blank_before = False
            continue
        if cur.lines and _starts_block(prev, line, cur, blank_before, width, dump):
            blocks.append(cur)
            cur = Block()
        if not cur.lines and TITLE_BLOCK_RE.match(text):
            cur.kind = "title_block"
        cur.lines.append(line)
        prev = line
        blank_before = False
    if cur.lines:
        blocks.append(cur)
    return blocks


def _grid_step(cur: Block, line: Line, blocks: list[Block]) -> Block:
    """Return the open block once `line` is met, where `line` or the open block is a table or figure.

    A table or figure line goes on the open table or figure it continues (tables.continues_grid), else
    opens one of its own; any other line closes an open table or figure and opens a body block. A table
    row never joins a paragraph, nor a paragraph a table row."""
    if cur.kind in GRID_KINDS and line.kind == cur.kind and continues_grid(cur.lines, line):
        cur.lines.append(line)
        return cur
    if cur.lines:
        blocks.append(cur)
    if line.kind in GRID_KINDS:
        return Block([line], kind="table" if line.kind == "table" else "figure")
    return Block()


def _starts_block(prev: Line | None, line: Line, cur: Block, blank_before: bool, width: int, dump: bool) -> bool:
    """Return whether a line starts a new block after the open block `cur`, whose last line is `prev`."""
    if prev is None or cur.kind == "title_block":
        return True
    text = line.text
    if dump:
        return text[:1].isspace() or bool(SIGNED_RE.match(text))
    return (
        (blank_before and line.page == prev.page)
        or _OPENS_BLOCK_RE.match(text) is not None
        or opens_page_with_heading(prev, line, width)
        or _ends_paragraph(prev.text, text, width)
    )


# A signature, a list item or a title block's first line: each opens a block (one pattern, one call per line).
_OPENS_BLOCK_RE = any_of(SIGNED_RE, LIST_ITEM_RE, TITLE_BLOCK_RE)


# A sentence's end: a stop, alone or closed by a quotation mark or bracket ("a comma or a closing bracket ends no
# sentence": "resolution 1701 (2006)" may go on over the page).
_SENTENCE_END = (".", "!", "?", ":", ".”", ".’", ".\"", ".»", ".)")


def opens_page_with_heading(prev: Line, line: Line, width: int) -> bool:
    """Return whether `line` opens a page with a heading after a paragraph that ended a sentence on the page before.

    A heading stands on its own lines ("VIII. Observations", "Annex II", "Chapter II"): a short line that ends
    in no stop, after a line that ended its sentence, never goes on the paragraph before it across the page
    break, where the page's foot and head hide the blank line between them."""
    if line.page == prev.page or not width:
        return False
    cur_s = line.text.strip()
    return prev.text.rstrip().endswith(_SENTENCE_END) and len(cur_s) < 0.75 * width and \
        not cur_s.endswith((".", ",", ";", ":")) and (cur_s[:1].isupper() or cur_s[:1].isdigit())


def _kind(text: str, width: int) -> ParagraphKind:
    if SIGNED_RE.match(text):
        return "signature"
    if ANNEX_RE.match(text) and len(text) < 200:
        return "annex_title"
    if LIST_ITEM_RE.match(text):
        return "list_item"
    if (text[:1] in "“\"" and text.rstrip(".,;")[-1:] in "”\"" and len(text) > 80):
        return "quote"
    short = len(text) < max(60, int(0.7 * width)) if width else len(text) < 60
    if short and not text.endswith(tuple(".,;:")) and text[:1].isupper() and len(text.split()) <= 14:
        return "heading"
    return "body"


def mark_sections(paragraphs: list[Paragraph]) -> None:
    """Set each paragraph's section: "body" up to the first annex title, then "annex", "annex-2", ..."""
    section = "body"
    annexes = 0
    for p in paragraphs:
        if p.kind == "annex_title":
            annexes += 1
            section = "annex" if annexes == 1 else f"annex-{annexes}"
        p.section = section


def repair_block(block: Block, ctx: Context) -> Tracked:
    """Return the repaired text of a block; a signature keeps its lines: name, then title, then function.

    A table or figure is not repaired: its lines are cells and labels, which no join runs across."""
    if block.kind in GRID_KINDS:
        return grid_tracked(block.lines)
    if not SIGNED_RE.match(block.lines[0].text):
        return repair(Tracked.from_lines(block.lines), ctx)
    parts: list[Tracked | str] = []
    for ln in block.lines:
        parts.extend(["\n", repair(Tracked.from_source(ln.text, ln.start), ctx)] if parts else
                     [repair(Tracked.from_source(ln.text, ln.start), ctx)])
    return Tracked.concat(parts)


def paragraph_kind(block: Block, text: str, width: int) -> ParagraphKind:
    """Return the kind of a block's paragraph: the block's own, else what its repaired text reads as."""
    if block.kind == "title_block":
        return "annex_title" if ANNEX_RE.match(text) else "title"
    if block.kind != "body":
        return block.kind
    kind = _kind(text, width)
    return "heading" if kind == "body" and _wrapped_heading(block, text, width) else kind


def _wrapped_heading(block: Block, text: str, width: int) -> bool:
    """Return whether a block of two or three short lines, each but the last broken off on a word that no
    heading ends on, reads as one heading ("III. Update on the activities of the Mission and the" / "United
    Nations country team"): no stop at its end, a capital first, at most 24 words."""
    lines = block.lines
    if not 2 <= len(lines) <= 3 or text.endswith(tuple(".,;:")) or not text[:1].isupper():
        return False
    if width and any(len(ln.text.strip()) >= 0.75 * width for ln in lines):
        return False
    return len(text.split()) <= 24 and all(ends_on_no_end_word(ln.text.rstrip()) for ln in lines[:-1])


def paragraphs_of(blocks: list[Block], ctx: Context, width: int) -> tuple[list[Paragraph], list[Tracked]]:
    """Return the paragraphs of the blocks that have text once repaired (ids p1, p2, ...), with their texts."""
    paragraphs: list[Paragraph] = []
    tracked: list[Tracked] = []
    for block in blocks:
        t = repair_block(block, ctx)
        if not t.text:
            continue
        tracked.append(t)
        pid = f"p{len(paragraphs) + 1}"
        paragraphs.append(Paragraph(id=pid, kind=paragraph_kind(block, t.text, width), text=t.text,
                                    page=block.lines[0].page,
                                    rows=table_rows(block.lines) if block.kind == "table" else None))
    return paragraphs, tracked
