"""structure: labelled pages -> Document with metadata, paragraphs, footnotes and markers."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field, replace
from typing import Literal

from unref.catalogue import names_pattern, organ_of, principal_organ_names
from unref.errors import InputError
from unref.model import (
    Document,
    Footnote,
    FootnoteRef,
    Line,
    Metadata,
    Paragraph,
    ParagraphKind,
    Signatory,
    Source,
)
from unref.repair import Context, Printed, repair
from unref.structure.masthead import (
    TITLE_END_RE,
    agenda_items,
    read_masthead,
    title_parts,
)
from unref.structure.notes import (
    RawNote,
    finish_notes,
    footless_notes_start,
    glued_number_markers,
    has_marker_evidence,
    is_marker_at,
    marker_pattern,
    parse_note_area,
)
from unref.text.regexes import LIST_ITEM_RE, SIGNED_RE, STAR_NOTE_RE, TERMINAL_PUNCT
from unref.text.tracked import Tracked

# Lines that open a title block: an annexed letter's title, or the annex heading that names it.
TITLE_BLOCK_RE = re.compile(
    r"^\s*(?:Annex(?:e)? (?:to|à) the (?:letter|note verbale)|Annex to the identical letters"
    r"|Enclosure to the letter|Letter dated|Identical letters dated|Note verbale dated|Lettre datée"
    r"|Carta de fecha|Nota verbal de fecha)"
)
NOTES_HEADING_RE = re.compile(r"^\s*(?:Notes|Endnotes|Notas|Примечания)\s*$")
ANNEX_RE = re.compile(r"^\s*(?:Annex|Annexe|Anexo|Приложение|Enclosure|Appendix|Pièce jointe)\b")
STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "that", "is", "for", "on", "with"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "est", "dans", "sur"},
    "es": {"el", "los", "las", "del", "y", "que", "por", "una", "con", "para"},
}


_LETTER_RE = re.compile(r"[^\W\d_]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


# Words any UN document uses somewhere, in the six official languages.
_UN_TERMS_RE = re.compile(
    r"United Nations|Nations Unies|Naciones Unidas|Организаци\w+ Объединенных Наций|الأمم المتحدة|联合国"
    r"|General Assembly|Security Council|Secretary-General|Economic and Social Council|Human Rights Council"
    r"|\b[ASE]/(?:RES/)?\d+/\d+|\bS/\d{4,5}\b"
)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language (en, fr, es, ru, ar, zh), or None."""
    sample = text[:30000]
    letters = _LETTER_RE.findall(sample)
    if not letters:
        return None
    n = len(letters)
    if len(_CYRILLIC_RE.findall(sample)) > 0.3 * n:
        return "ru"
    if len(_ARABIC_RE.findall(sample)) > 0.3 * n:
        return "ar"
    if len(_CJK_RE.findall(sample)) > 0.2 * n:
        return "zh"
    words = re.findall(r"[a-záéíóúñçèêàâôûü’']+", sample.lower())
    counts = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 3 else None


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
    prev_s, cur_s = prev.rstrip(), cur.strip()
    prev_s = re.sub(r"(?<=[.;:”’\"])\d{1,3}$", "", prev_s)  # a marker glued after the full stop
    if not prev_s:
        return True
    if prev_s.endswith("-"):
        return False
    if prev_s.endswith(":") and (cur_s[:1] in "“\"‘•" or LIST_ITEM_RE.match(cur_s)):
        return True
    short = width > 0 and len(prev_s) < 0.75 * width
    if cur_s[:1].islower() and not LIST_ITEM_RE.match(prev_s + " "):
        return bool(short and prev_s.endswith((".", ":", ";")) and len(prev_s) < 0.5 * width)
    if short and not re.match(r"^\s*(?:\d{1,3}\.|\([a-z]{1,4}\))$", prev_s):
        return True
    return bool(prev_s.endswith(tuple(TERMINAL_PUNCT)) and width and len(prev_s) < 0.9 * width
                and (cur_s[:1].isupper() or cur_s[:1] in "“\"‘(•" or cur_s[:1].isdigit()))


def _continues_special(block: Block, text: str, width: int) -> bool:
    """Return True when a line belongs to an open title or signature block."""
    if not block.lines:
        return False
    first = block.lines[0].text
    joined = " ".join(ln.text.strip() for ln in block.lines)
    if block.kind == "title_block":
        if len(block.lines) >= 6:
            return False
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
        if prev is None or cur.kind == "title_block":
            brk = True
        elif dump:
            brk = text[:1].isspace() or bool(SIGNED_RE.match(text))
        else:
            brk = (
                (blank_before and line.page == prev.page)
                or bool(SIGNED_RE.match(text))
                or bool(LIST_ITEM_RE.match(text))
                or bool(TITLE_BLOCK_RE.match(text))
                or _ends_paragraph(prev.text, text, width)
            )
        if brk and cur.lines:
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


def _split_off_notes(source: Source) -> tuple[list[Line], list[RawNote]]:
    """Return body lines across pages and the raw notes of every footnote area."""
    body: list[Line] = []
    raw: list[RawNote] = []
    width = estimate_width([ln for p in source.pages for ln in p.lines if ln.kind == "body"])
    last = 0  # the highest note number so far: a document numbers its notes in one sequence
    for page in source.pages:
        page_body = [ln for ln in page.lines if ln.kind in ("body", "blank")]
        notes = [ln for ln in page.lines if ln.kind == "note"]
        # Star notes ("* Reissued for technical reasons") may stand at the foot without a rule, and
        # so may numbered notes where the extractor dropped a drawn rule.
        if not notes and source.style != "dump":
            start = _star_notes_start(page_body)
            if start is None:
                start = footless_notes_start(page_body, last + 1, width)
            if start is not None:
                for ln in page_body[start:]:
                    if ln.kind == "body":
                        ln.kind = "note"
                notes = [ln for ln in page_body[start:] if ln.kind == "note"]
                page_body = page_body[:start]
        body.extend(page_body)
        page_notes = parse_note_area(notes, page.number, width)
        raw.extend(page_notes)
        last = max([last, *(int(n.label) for n in page_notes if n.label.isdigit())])
    # Endnotes under a "Notes" heading after the body.
    for i in range(len(body) - 1, max(-1, len(body) - 2000), -1):
        if NOTES_HEADING_RE.match(body[i].text) and i > len(body) // 3:
            tail = [ln for ln in body[i + 1 :] if ln.kind == "body"]
            raw.extend(parse_note_area(tail, 0, width, endnotes=True))  # page 0: link anywhere
            body = body[:i]
            break
    return body, raw


def _star_notes_start(page_body: list[Line]) -> int | None:
    """Return the index where star notes begin at the foot of a page, or None.

    A star note ("* Circulated in the language of submission only") stands in the last lines of
    the page, set off by a blank line or, where the extractor printed none, told by its marker in
    the body above ("(see annexes),*"). Its label may stand on a line of its own ("*")."""
    printed = [i for i, ln in enumerate(page_body) if ln.kind == "body"]
    if len(printed) <= 3:
        return None
    for i in printed[-6:]:
        text = page_body[i].text
        m = STAR_NOTE_RE.match(text)
        alone = text.strip() in ("*", "**", "***") and i != printed[-1]
        if not (m or alone) or i == 0:
            continue
        if m and page_body[i - 1].kind == "blank":
            return i
        above = "\n".join(ln.text for ln in page_body[:i] if ln.kind == "body")
        if has_marker_evidence(above, m.group(1) if m else text.strip()):
            return i
    return None


def structure(source: Source) -> Document:
    """Return the Document built from a labelled Source."""
    body, raw_notes = _split_off_notes(source)
    width = estimate_width([ln for ln in body if ln.kind == "body"])
    all_text = "\n".join(ln.text for ln in body)
    lang = detect_language(all_text)
    # Only pdftotext glues hyphenated lines together; other extractors keep every line.
    joins = source.style == "pdftotext"
    ctx = Context(lang=lang or "en", width=width if joins else 0, geometry=source.style == "pdf")
    if joins:  # what the document prints elsewhere decides where a glued line lost its hyphen
        ctx.printed = Printed.of(source.text)

    page1 = [ln for ln in body if ln.page == 1]
    if source.pages and page1:
        # A cover prints its masthead again on the next page, and layout takes the repeated lines there
        # for running heads: the top of page 1 keeps them ("Economic and Social Council", "Official Records").
        top = {ln.start for ln in page1[:12]}
        first = source.pages[0].lines
        page1 = [ln for k, ln in enumerate(first) if ln.start in top or (ln.kind == "furniture" and k < 12
                 and any(b.start < ln.start for b in page1))] + [ln for ln in page1 if ln.start not in top]
        page1.sort(key=lambda ln: ln.start)
    mast = read_masthead(page1, width)
    md = mast.metadata
    md.language = lang
    if md.title:
        # The title is read from the masthead's raw lines: it takes the repairs that its paragraph takes
        # ("Security Counci l"), with the document's own evidence, on one line.
        md.title = repair(Tracked.from_source(md.title, 0), replace(ctx, width=0)).text or md.title
    title_starts = {ln.start for ln in mast.title_lines}
    # Masthead lines stay as paragraphs of their own kind: they carry "*" markers.
    masthead_blocks = [Block([ln], kind="masthead") for ln in body if ln.start in mast.used]
    body = [ln for ln in body if ln.start not in mast.used]

    dump = source.style == "dump"
    blocks: list[Block] = list(masthead_blocks)
    if mast.title_lines:
        rest = [ln for ln in body if ln.start not in title_starts]
        first_title = min(title_starts)
        before = [ln for ln in rest if ln.start < first_title]
        after = [ln for ln in rest if ln.start > first_title]
        blocks.extend(segment(before, width, dump))
        blocks.append(Block(list(mast.title_lines), kind="title"))
        blocks.extend(segment(after, width, dump))
    else:
        blocks.extend(segment(body, width, dump))

    paragraphs: list[Paragraph] = []
    tracked: list[Tracked] = []
    for block in blocks:
        if SIGNED_RE.match(block.lines[0].text):
            # A signature keeps its lines: name, then title, then function.
            parts: list[Tracked | str] = []
            for ln in block.lines:
                parts.extend(["\n", repair(Tracked.from_source(ln.text, ln.start), ctx)] if parts else
                             [repair(Tracked.from_source(ln.text, ln.start), ctx)])
            t = Tracked.concat(parts)
        else:
            t = repair(Tracked.from_lines(block.lines), ctx)
        if not t.text:
            continue
        tracked.append(t)
        pid = f"p{len(paragraphs) + 1}"
        kind: ParagraphKind
        if block.kind == "title_block":
            kind = "annex_title" if ANNEX_RE.match(t.text) else "title"
        else:
            kind = block.kind if block.kind != "body" else _kind(t.text, width)
        paragraphs.append(Paragraph(id=pid, kind=kind, text=t.text, page=block.lines[0].page))

    note_width = estimate_width([ln for note in raw_notes for ln in note.lines]) if joins else 0
    footnotes = finish_notes(raw_notes, replace(ctx, width=note_width))  # notes have their own width
    refs = link_markers(paragraphs, tracked, footnotes, source)
    for p, t in zip(paragraphs, tracked, strict=True):
        p.spans = t.spans()
    _mark_sections(paragraphs)

    if not md.symbols and not _UN_TERMS_RE.search(all_text):
        raise InputError(source.path, "does not look like a UN document (no symbol, masthead or UN terms found)")
    doc = Document(source=source.path, format=source.format, metadata=md, paragraphs=paragraphs,
                   footnotes=footnotes, footnote_refs=refs, pages=len(source.pages), links=list(source.links))
    _finish_metadata(doc)
    return doc


def _page_ranges(source: Source) -> dict[int, tuple[int, int]]:
    out = {}
    for page in source.pages:
        if page.lines:
            out[page.number] = (page.lines[0].start, page.lines[-1].end + 1)
    return out


_MARKER_LIST_SEP_RE = re.compile(r"(?<=[*†‡§])\s*,\s*$")


def link_markers(paragraphs: list[Paragraph], tracked: list[Tracked], footnotes: list[Footnote],
                 source: Source) -> list[FootnoteRef]:
    """Find each footnote's marker in the body, remove it from the text and return the refs."""
    ranges = _page_ranges(source)
    refs: list[FootnoteRef] = []
    deletions: dict[int, list[tuple[int, int, str]]] = {}
    cursor = (0, 0)  # (paragraph index, offset): markers come in reading order
    recorded = _recorded_markers(source, tracked)
    for note in footnotes:
        found = _recorded_marker(note, recorded, tracked, ranges) or _find_marker(
            note, paragraphs, tracked, cursor, ranges)
        if found is None:
            continue
        pi, start, end, exact = found
        deletions.setdefault(pi, []).append((start, end, note.id or note.label))
        if exact:  # a marker found off its note's page does not move the reading position
            cursor = (pi, end)
        if tracked[pi].text[start:end].endswith("/"):
            # Older documents cite one note again with the same "2/" marker further on.
            for pj, qs, qe in _repeated_slash_markers(note.label, tracked, pi, end):
                deletions.setdefault(pj, []).append((qs, qe, note.id or note.label))
    for pi, dels in deletions.items():
        t = tracked[pi]
        edits = []
        removed = 0
        dels = sorted(dels)
        for k, (start, end, fid) in enumerate(dels):
            cut_start = start - 1 if start > 0 and t.text[start - 1] == " " else start
            if sep := _MARKER_LIST_SEP_RE.search(t.text, 0, start):
                cut_start = sep.start()  # "Iraq:* , **": the comma between two markers goes with them
            if (k + 1 < len(dels) and t.text[start:end].isdigit()
                    and re.fullmatch(r",\s?", t.text[end:dels[k + 1][0]])):
                end = dels[k + 1][0]  # so does the comma of "Riga. 28,29"
            edits.append((cut_start, end, ""))
            label = next(n.label for n in footnotes if (n.id or n.label) == fid)
            refs.append(FootnoteRef(label=label, paragraph=paragraphs[pi].id, offset=cut_start - removed,
                                    footnote=fid))
            removed += end - cut_start
        t = t.edit(edits)
        tracked[pi] = t
        paragraphs[pi].text = t.text
    refs.sort(key=lambda r: (int(r.paragraph[1:]), r.offset))
    return refs


def _recorded_markers(source: Source, tracked: list[Tracked]) -> dict[str, list[tuple[int, int, int]]]:
    """Return label -> [(source offset, paragraph index, offset)] for markers geometry found (PDF)."""
    if not source.markers:
        return {}
    where: dict[int, tuple[int, int]] = {}
    wanted = {offset for offset, _ in source.markers}
    for pi, t in enumerate(tracked):
        for i, src in enumerate(t.offsets):
            if src in wanted and src not in where:
                where[src] = (pi, i)
    out: dict[str, list[tuple[int, int, int]]] = {}
    for offset, label in source.markers:
        if offset in where:
            out.setdefault(label, []).append((offset, *where[offset]))
    return out


def _recorded_marker(note: Footnote, recorded: dict[str, list[tuple[int, int, int]]], tracked: list[Tracked],
                     ranges: dict[int, tuple[int, int]]) -> tuple[int, int, int, bool] | None:
    lo, hi = ranges.get(note.page, (0, 1 << 62))
    for k, (src, pi, i) in enumerate(recorded.get(note.label, [])):
        if lo <= src < hi:
            del recorded[note.label][k]
            text = tracked[pi].text
            end = i + len(note.label)
            if text[i:end] != note.label:
                return None
            if end < len(text) and text[end] == "/":
                end += 1
            return pi, i, end, True
    return None


def _repeated_slash_markers(label: str, tracked: list[Tracked], pi: int, end: int) -> list[tuple[int, int, int]]:
    pattern = re.compile(rf"(?<=\S )(?<![\d/]){re.escape(label)}/(?=[\s,.;:)]|$)")
    out = []
    for pj in range(pi, len(tracked)):
        for m in pattern.finditer(tracked[pj].text, end if pj == pi else 0):
            if is_marker_at(tracked[pj].text, m.start(), m.end()):
                out.append((pj, m.start(), m.end()))
    return out


def _find_marker(note: Footnote, paragraphs: list[Paragraph], tracked: list[Tracked],
                 cursor: tuple[int, int], ranges: dict[int, tuple[int, int]]) -> tuple[int, int, int, bool] | None:
    pattern = marker_pattern(note.label)
    lo, hi = ranges.get(note.page, (0, 1 << 62))
    fallback = None
    for pi in range(cursor[0], len(paragraphs)):
        if paragraphs[pi].kind == "signature" or (paragraphs[pi].kind == "masthead" and note.label.isdigit()):
            continue
        t = tracked[pi]
        from_pos = cursor[1] if pi == cursor[0] else 0
        for m in pattern.finditer(t.text, from_pos):
            if not is_marker_at(t.text, m.start(), m.end()):
                continue
            src = t.offsets[m.start()]
            if lo <= src < hi:
                return pi, m.start(), m.end(), True
            if fallback is None and hi <= src < ranges.get(note.page + 1, (hi, hi))[1]:
                # Off its note's page, a marker is taken only from the next page: further on, the
                # same number is another note's marker or a number of the text.
                fallback = (pi, m.start(), m.end(), False)
    # A marker glued to a number ("$10.182", "in 2022.2") only on its note's page.
    for pi in range(cursor[0], len(paragraphs)):
        if paragraphs[pi].kind in ("signature", "masthead"):
            continue
        t = tracked[pi]
        for start, end in glued_number_markers(t.text, note.label, cursor[1] if pi == cursor[0] else 0):
            if lo <= t.offsets[start] < hi:
                return pi, start, end, True
    return fallback


def _mark_sections(paragraphs: list[Paragraph]) -> None:
    section = "body"
    annexes = 0
    for p in paragraphs:
        if p.kind == "annex_title":
            annexes += 1
            section = "annex" if annexes == 1 else f"annex-{annexes}"
        p.section = section


_CIRCULATE_RE = re.compile(
    r"(?:circulated|circulate|distribuer|distribuir|circular|распространить|распространены)\b(?P<rest>.{0,400})",
    re.I | re.S,
)
_ORGAN_MENTION_RE = re.compile(names_pattern(principal_organ_names()), re.I)


def read_circulation(text: str) -> dict[str, list[str]] | None:
    """Return organ -> agenda items named in a request to circulate the letter, or None."""
    m = _CIRCULATE_RE.search(text)
    if not m:
        return None
    rest = m.group("rest")
    rest = rest.split(". ")[0] if ". " in rest else rest
    out: dict[str, list[str]] = {}
    mentions = list(_ORGAN_MENTION_RE.finditer(rest))
    for k, om in enumerate(mentions):
        organ = organ_of(om.group()) or om.group()
        seg = rest[om.end(): mentions[k + 1].start() if k + 1 < len(mentions) else len(rest)]
        items: list[str] = []
        im = re.search(r"(?:agenda items?|points? [\d ,()a-z]+de l[’']ordre du jour|temas? [\d ,()a-z]+del programa"
                       r"|пункт(?:ам|ов|а)? [\d ,()a-z]+повестки дня|items?|points?|temas?|пункт\w*)"
                       r"\s*(?P<items>[\d ,()a-z\-–]*(?:\s*(?:and|et|y|и)\s*\d+(?:\s*\([a-z]\))?)?)", seg, re.I)
        if im:
            # "point 40 de l’ordre du jour" holds its items before the words that name them.
            items = agenda_items(im.group("items")) or agenda_items(im.group())
        out.setdefault(organ, [])
        out[organ].extend(x for x in items if x not in out[organ])
    return out or None


def _finish_metadata(doc: Document) -> None:
    md: Metadata = doc.metadata
    for p in doc.paragraphs:
        if p.kind == "signature":
            lines = p.text.split("\n")
            m = SIGNED_RE.match(lines[0])
            name = (m.group("name") if m else lines[0]).strip()
            if name:
                md.signatories.append(Signatory(
                    name=name,
                    title=lines[1].strip() if len(lines) > 1 else None,
                    function=", ".join(ln.strip() for ln in lines[2:]) or None,
                    section=p.section,
                ))
        if md.circulation is None and p.kind in ("body", "list_item"):
            circ = read_circulation(p.text) if re.search(r"circulat|distribu|распростран", p.text, re.I) else None
            if circ:
                md.circulation = {"organs": list(circ), "agenda_items": circ, "paragraph": p.id}
                for organ, items in circ.items():
                    if organ not in md.organs:
                        md.organs.append(organ)
                    if items and not md.agenda_items.get(organ):
                        md.agenda_items[organ] = list(items)
    md.sender, md.addressee = title_parts(md.title)
    md.doc_type = doc_type(md, doc)


def doc_type(md: Metadata, doc: Document) -> str | None:
    """Return the document type from the symbol, the title and the first paragraphs."""
    symbols = " ".join(md.symbols)
    first = [p for p in doc.paragraphs if p.kind != "masthead"][:8]
    at = next((k for k, p in enumerate(first) if p.kind == "title"), None)
    first = first[: at + 3] if at is not None else first[:4]  # the title and the by-line under it
    body = [p.text for p in first]
    head = " ".join([*md.agenda_titles, *body])
    title = md.title or ""
    if "/PV." in symbols or "/SR." in symbols:
        return "meeting_record"  # verbatim and summary records
    if "/RES/" in symbols:
        return "resolution"
    if "/DEC/" in symbols:
        return "decision"
    # A subject title can stand above a letter's own heading ("Observer status for ..." over "Letter dated ...").
    headings = [title, *(p.text for p in first if p.kind == "title")]
    checks = [
        (r"^(?:Identical letters|Lettres identiques|Cartas idénticas|Идентичные письма)", "identical_letters"),
        (r"^(?:Note verbale|Nota verbal|Вербальная нота)", "note_verbale"),
        (r"^(?:Letter|Lettre|Carta|Письмо)", "letter"),
        (r"^(?:Note by|Note du|Nota d)", "note"),
        (r"^(?:Report|Rapport|Informe|Доклад)", "report"),
        (r"^(?:Resolution adopted|Résolution adoptée|Resolución aprobada|RESOLUCION APROBADA)", "resolution"),
        (r"^(?:Provisional agenda|Ordre du jour provisoire|Programa provisional)", "agenda"),
    ]
    for pattern, kind in checks[:3]:
        if any(re.match(pattern, heading, re.I) for heading in headings):
            return kind
    for pattern, kind in checks[3:]:
        if re.match(pattern, title, re.I):
            return kind
    # A draft names itself in its sponsors' line: "Iraq: draft resolution", "Draft decision submitted to ...".
    sponsors = [p.text for p in doc.paragraphs[:40] if p.kind != "masthead"][:12]
    if any(re.search(r":[\s*,]*draft resolution\s*$", text, re.I) for text in sponsors):
        return "draft_resolution"
    if re.search(r"draft resolution|projet de résolution|proyecto de resolución|проект резолюции", head, re.I):
        return "draft_resolution"
    if re.search(r"draft decision|projet de décision|proyecto de decisión", head, re.I):
        return "draft_decision"
    if re.search(r"\bNote by the (?:Secretary-General|Secretariat)\b|\bNote du Secrétaire|\bNota del Secretari",
                 head, re.I):
        return "note"
    # A report names itself in its title ("Annual report on evaluation, 2024", "Draft report") or in its
    # by-line ("Report of the Secretary-General", "Progress report by the UNCTAD secretariat").
    if re.search(r"\breport\b|\brapport\b|\binforme\b|доклад", title, re.I) or re.search(
            r"\breport of\b|\bannual report\b|\bRapport d|\bInforme d|\bДоклад\b", head, re.I) or any(
            re.match(r"(?:[\w\-]+ ){0,3}report (?:by|on) the\b", text, re.I) for text in body):
        return "report"
    return "other" if md.symbols else None
