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
from unref.text.regexes import LIST_ITEM_RE, SIGNED_RE, TERMINAL_PUNCT
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
    lengths = sorted(len(ln.text.rstrip()) for ln in lines if len(ln.text.strip()) >= 25)
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
    prev_s, cur_s = prev.rstrip(), cur.strip()
    prev_s = _GLUED_END_MARKER_RE.sub("", prev_s)  # a marker glued after the full stop
    if not prev_s:
        return True
    if prev_s.endswith("-"):
        return False
    if prev_s.endswith(":") and (cur_s[:1] in "“\"‘•" or LIST_ITEM_RE.match(cur_s)):
        return True
    short = width > 0 and len(prev_s) < 0.75 * width
    if cur_s[:1].islower() and not LIST_ITEM_RE.match(prev_s + " "):
        return bool(short and prev_s.endswith((".", ":", ";")) and len(prev_s) < 0.5 * width)
    if short and not _BARE_NUMBERING_RE.match(prev_s):
        return True
    return _sentence_ends_line(prev_s, cur_s, width)


_GLUED_END_MARKER_RE = re.compile(r"(?<=[.;:”’\"])\d{1,3}$")
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
        short = len(text.strip()) < (0.6 * width if width else 50)
        return len(block.lines) < 5 and short and not text.rstrip().endswith((".", ";")) and \
            not SIGNED_RE.match(text) and not ANNEX_RE.match(text)
    return False


def segment(lines: list[Line], width: int, dump: bool) -> list[Block]:
    """Return the paragraphs of the body lines in reading order, across page breaks."""
    blocks: list[Block] = []
    cur = Block()
    prev: Line | None = None
    blank_before = False
    for line in lines:
        if line.kind == "blank":
            blank_before = prev is not None
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


def _starts_block(prev: Line | None, line: Line, cur: Block, blank_before: bool, width: int, dump: bool) -> bool:
    """Return whether a line starts a new block after the open block `cur`, whose last line is `prev`."""
    if prev is None or cur.kind == "title_block":
        return True
    text = line.text
    if dump:
        return text[:1].isspace() or bool(SIGNED_RE.match(text))
    return (
        (blank_before and line.page == prev.page)
        or bool(SIGNED_RE.match(text))
        or bool(LIST_ITEM_RE.match(text))
        or bool(TITLE_BLOCK_RE.match(text))
        or _ends_paragraph(prev.text, text, width)
    )


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
    """Return the repaired text of a block; a signature keeps its lines: name, then title, then function."""
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
    return block.kind if block.kind != "body" else _kind(text, width)


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
                                    page=block.lines[0].page))
    return paragraphs, tracked
