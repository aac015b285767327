"""Footnotes: read the notes of each page's footnote area, and find their markers in the body.

Part of the structure stage. pdftotext prints a note's label either on the same
line as its text ("1 FCCC/CP/1995/7/Add.1") or on a line of its own, often away
from its text; the notes' order on the page and the labels on the page are what
the two cases share.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from unref.model import Footnote, FootnoteRef, Line, Page, Paragraph, Source
from unref.repair import Context, repair
from unref.structure.paragraphs import estimate_width
from unref.text.regexes import INLINE_NOTE_RE, LABEL_LINE_RE, MONTHS_EN, STAR_NOTE_RE, TERMINAL_PUNCT
from unref.text.tracked import Tracked


@dataclass
class RawNote:
    """A note being collected: its label, page and lines."""

    label: str
    page: int
    lines: list[Line] = field(default_factory=list)


def _label_of_line(text: str) -> str | None:
    m = LABEL_LINE_RE.match(text)
    if not m:
        return None
    return m.group(1) or m.group(2)


def _sort_key(label: str) -> tuple[int, int | str]:
    return (0, int(label)) if label.isdigit() else (1, label)


def parse_note_area(lines: list[Line], page: int, width: int, endnotes: bool = False) -> list[RawNote]:
    """Return the notes of one page's footnote area (or of endnotes), in order, with their labels."""
    printed = [ln for ln in lines if ln.text.strip()]
    if not printed:
        return []
    inline = [ln for ln in printed if INLINE_NOTE_RE.match(ln.text) or STAR_NOTE_RE.match(ln.text)]
    labels_alone = [ln for ln in printed if _label_of_line(ln.text) is not None]
    if inline and (endnotes or len(inline) >= len(labels_alone)):
        return _inline_notes(printed, page)
    return _floating_notes(printed, page, width)


def _expected(notes: list[RawNote], pending: str | None) -> int | None:
    last = pending or (notes[-1].label if notes else None)
    return int(last) + 1 if last and last.isdigit() else None


def _inline_notes(printed: list[Line], page: int) -> list[RawNote]:
    """Notes whose labels open their first line ("1 FCCC/CP/1995/7/Add.1"), or stand alone just before it."""
    notes: list[RawNote] = []
    pending_label: str | None = None
    # Letter labels ("a In accordance ...") only where no note is numbered: a line of running
    # text may start with "a" too.
    numbered = any((m := INLINE_NOTE_RE.match(ln.text)) and m.group(1).isdigit() for ln in printed)
    for k, ln in enumerate(printed):
        expected = _expected(notes, pending_label)
        opening = _opening_label(ln.text, numbered, expected)
        alone = _label_of_line(ln.text)
        if opening and (_in_sequence(opening[0], expected, 1) or _resumes(opening[0], expected, printed[k + 1:])):
            label, end = opening
            _fill_gap(notes, label, expected)
            notes.append(RawNote(label, page, [Line(ln.text[end:], ln.start + end, page)]))
            pending_label = None
        elif alone is not None:
            # A bare number is a label only where the sequence expects it (else a page number).
            if _in_sequence(alone, expected, 0):
                pending_label = alone
        elif pending_label is not None:
            notes.append(RawNote(pending_label, page, [ln]))
            pending_label = None
        elif notes:
            notes[-1].lines.append(ln)
        else:
            notes.append(RawNote("", page, [ln]))  # continues a note from the page before
    return notes


def _fill_gap(notes: list[RawNote], label: str, expected: int | None) -> None:
    """Before a note opens past the expected number, give the notes whose labels were lost their lines: one lost
    label splits the last note where a sentence starts a line (`_split_missing`), several take a line each where
    the last note ran on by one line a label (`_one_line_each`)."""
    if expected is None or not label.isdecimal() or int(label) <= expected:
        return
    if int(label) == expected + 1:
        _split_missing(notes, str(expected))
    else:
        _one_line_each(notes, expected, int(label))


#: A label up to this far past the expected one opens its note where the sequence goes on from it (`_resumes`).
RESUME_REACH = 5


def _resumes(label: str, expected: int | None, after: list[Line]) -> bool:
    """Return whether a label past the expected one (by RESUME_REACH at most) opens a note because the next line
    that opens with a label opens the one after it: on a scan, OCR misreads labels ("2" for a raised "12", "EN" for
    "10"), and without this every note after a misread one runs into the note before it to the end of the area
    (A/HRC/WG.6/34/ITA/3's 169 endnotes: 11 notes found)."""
    if expected is None or not label.isdecimal() or not expected + 2 <= int(label) <= expected + RESUME_REACH:
        return False
    following = next((m.group(1) for ln in after if (m := INLINE_NOTE_RE.match(ln.text))), None)
    return following == str(int(label) + 1)


def _one_line_each(notes: list[RawNote], expected: int, label: int) -> None:
    """Where the sequence resumed at `label` past `expected`, and the last note ran on by one line for each label
    missed (notes of one line each, their labels misread), give each of those lines its label."""
    if not notes or len(notes[-1].lines) != 1 + label - expected:
        return
    last = notes[-1]
    for number, line in zip(range(expected, label), last.lines[1:], strict=True):
        notes.append(RawNote(str(number), last.page, [line]))
    del last.lines[1:]


def _opening_label(text: str, numbered: bool, expected: int | None) -> tuple[str, int] | None:
    """Return the label that opens a note's line and where its text starts, or None.

    On an OCR'd typewritten page a "N/" label may be misread ("h/" for "4/", "3_/" for "5/"): where the
    notes are numbered and a number is expected, a label of one or two characters in that form, the text
    after it opening with a capital, is the expected one. The "N/" form opens a note and nothing else."""
    split = _split_label(text, expected) if numbered else None
    if split is not None:
        return split
    m = _inline_label(text, numbered)
    if m:
        return m.group(1), m.end()
    garbled = _GARBLED_SLASH_LABEL_RE.match(text) if numbered and expected is not None else None
    return (str(expected), garbled.end()) if garbled else None


# One or two figures or the letters OCR reads for them ("l", "I" for 1, "O" for 0, "h", "U" for 4, "S" for 5,
# "B" for 8, "Z" for 2), a stray underline: a letter note's label ("a/") is no misread figure.
_GARBLED_SLASH_LABEL_RE = re.compile(r"^\s{0,6}[0-9lIOSBZhU][0-9lIOSBZhU_]?_?/_?\s{1,6}(?=[A-ZÀ-Ý])")


# A label of two figures that OCR read as two words ("1 0 Report of the Fourth World Conference"): a raised "10" of
# a scan, its figures set apart.
_SPLIT_LABEL_RE = re.compile(r"^\s{0,6}(\d) (\d)\s{1,6}(?=\S)")


def _split_label(text: str, expected: int | None) -> tuple[str, int] | None:
    """Return the expected label of two figures and where the note's text starts, where a line opens with its two
    figures apart ("1 0 Report ..." where note 10 comes next); else None. Only the expected number: "1 0" is no
    label elsewhere."""
    if expected is None or not 10 <= expected <= 99:
        return None
    m = _SPLIT_LABEL_RE.match(text)
    return (str(expected), m.end()) if m and m.group(1) + m.group(2) == str(expected) else None


def _inline_label(text: str, numbered: bool) -> re.Match[str] | None:
    """Return the match of a note's label that opens a line; a letter label counts where no note is numbered."""
    m = INLINE_NOTE_RE.match(text) or STAR_NOTE_RE.match(text)
    if m and numbered and m.group(1).isalpha():
        return None
    return m


def _in_sequence(label: str, expected: int | None, skip: int) -> bool:
    """Return whether a label may come next: any label where no number is expected, a label that is no
    number, or the expected number (or up to `skip` more, where a note's label was lost)."""
    return expected is None or not label.isdigit() or expected <= int(label) <= expected + skip


def _split_missing(notes: list[RawNote], label: str) -> None:
    """The label of a note was lost: split the previous note where a new sentence starts a line."""
    if not notes or len(notes[-1].lines) < 2:
        return
    lines = notes[-1].lines
    for i in range(len(lines) - 1, 0, -1):
        if lines[i - 1].text.rstrip().endswith(".") and lines[i].text.lstrip()[:1].isupper():
            notes.append(RawNote(label, notes[-1].page, lines[i:]))
            del lines[i:]
            return


def _floating_notes(printed: list[Line], page: int, width: int) -> list[RawNote]:
    """Notes whose labels stand on lines of their own, before, after or away from their text."""
    labels: list[str] = []
    texts: list[Line] = []
    hints: set[int] = set()  # indexes in texts where a label line stood just before
    for ln in printed:
        label = _label_of_line(ln.text)
        if label is not None:
            if not _floated_back(label, labels):
                hints.add(len(texts))
            labels.append(label)
        else:
            texts.append(ln)
    if not texts:
        return []
    labels = sorted(dict.fromkeys(labels), key=_sort_key)
    if not labels:
        return [RawNote("", page, texts)]
    k = len(labels)
    scores = [(_start_score(texts[i - 1].text.rstrip(), texts[i].text.lstrip(), i in hints, width), i)
              for i in range(1, len(texts))]
    starts = sorted(i for _, i in sorted(scores, reverse=True)[: k - 1])
    bounds = [0, *starts, len(texts)]
    notes = []
    for j, label in enumerate(labels):
        if j + 1 < len(bounds):
            notes.append(RawNote(label, page, texts[bounds[j]:bounds[j + 1]]))
    return notes


def _floated_back(label: str, seen: list[str]) -> bool:
    """Return whether a label line stands below the label of a later note ("8", "9", "10", then "7"): the notes
    of a page are numbered down the page, so pdftotext printed this label away from its note (where its raised
    figure's baseline sorted), and the line after it opens no note."""
    return label.isdigit() and any(s.isdigit() and int(s) > int(label) for s in seen)


def _start_score(prev: str, cur: str, hinted: bool, width: int) -> float:
    """Return how strongly a note starts at line `cur` after line `prev`: a label line just before it, a
    sentence's end or a short line before it, a capital or figure, a note's usual opening words."""
    s = 0.0
    if hinted:
        s += 5
    ended = prev.endswith(tuple(TERMINAL_PUNCT)) or re.search(r"https?://\S+$", prev) is not None
    if ended:
        s += 2
    if width and len(prev) < 0.85 * width:
        s += 2
    if cur[:1].isupper() or cur[:1].isdigit():
        s += 1
    if _NOTE_OPENING_RE.match(cur) or (ended and _ADDRESS_OPENING_RE.match(cur)):
        s += 1
    return s


# A note's usual opening words. An address opens a note only after a sentence's end: after "See" or
# "available at" at the end of the line before, it goes on that note ("See" / "https://www...").
_NOTE_OPENING_RE = re.compile(r"(?:See|Ibid|Idem|Available|For |In |The |A/|S/|E/)")
_ADDRESS_OPENING_RE = re.compile(r"(?:https?://|www\.)")


def finish_notes(raw: list[RawNote], ctx: Context) -> list[Footnote]:
    """Return Footnotes from raw notes, repaired; a note without a label continues the last one."""
    merged: list[RawNote] = []
    for note in raw:
        if not note.label and merged:
            merged[-1].lines.extend(note.lines)
        elif note.label:
            merged.append(note)
    out: list[Footnote] = []
    for i, note in enumerate(merged, 1):
        tracked = Tracked.from_lines(note.lines)
        fixed = repair(tracked, ctx)
        out.append(Footnote(label=note.label, text=fixed.text, page=note.page, spans=fixed.spans(),
                            id=f"fn{i}"))
    return out



_LETTER_RE = re.compile(r"[^\W\d_]")

# --- Note areas without a rule -----------------------------------------------------------------

@lru_cache(maxsize=65_536)
def _numbered_label(text: str) -> str | None:
    """Return the number that opens a note line ("3 Staff time ...", "1/ The principles ...") or
    stands alone on its line ("2"), else None."""
    m = INLINE_NOTE_RE.match(text)
    if m and m.group(1).isdigit():
        return m.group(1)
    alone = _label_of_line(text)
    return alone if alone is not None and alone.isdigit() else None


def has_marker_evidence(text: str, label: str) -> bool:
    """Return True when `text` holds a marker for the label in a form a note's marker takes and
    running text does not: glued to a word or a stop ("completed.4", "million3", "annexes),*"),
    after a stop and a space ("(see table 1). 1"), or with the slash of older documents ("reports 1/");
    a star in any form its pattern takes. A number after a word and a space ("tier 1 countries") is no
    evidence."""
    for m in marker_matches(label, text, 0, len(text)):
        if not is_marker_at(text, m.start(), m.end()):
            continue
        before = text[max(0, m.start() - 3):m.start()]  # the tail is all the tests below look at
        if (m.group().endswith("/") or not label.isdigit() or not before.endswith(" ")
                or re.search(r"[.,;:”’\")\]*»] $", before[-3:])):  # the tail is all the pattern can see
            return True
    return False


def footless_notes_start(lines: list[Line], expected: int, width: int) -> int | None:
    """Return the index in `lines` (a page's body and blank lines) where a note area that the
    extractor printed without its rule begins, or None.

    pdftotext drops the rule when it is drawn as a line rather than typed; the notes then follow
    the body at the foot of the page. The area is told by the labels continuing the document's
    sequence of notes (the next one expected opens it) and by a marker for one of its labels in the
    body above it on the same page. The bottom-most line that opens note `expected` is taken, so a
    body line that starts with that number higher up does not pull body text into the notes; and
    an area of short lines (a table below a label that floated up) is not a note area: a note's
    lines run the width of the page, but for the last line of each note."""
    printed = [i for i, ln in enumerate(lines) if ln.kind == "body"]
    start, expected = _area_start(lines, printed, expected)
    if start is None or start == printed[0]:
        return None
    labels = _area_labels(lines, printed[printed.index(start):], expected)
    if labels is None:
        return None
    if not _area_has_letter(lines, printed, start, expected):
        return None
    if width and _short_lines(lines, printed, start, width) > len(labels) + 2:
        return None
    above = "\n".join(ln.text for ln in lines[:start] if ln.kind == "body")
    if not any(has_marker_evidence(above, lab) for lab in labels):
        return None
    return start


def _area_start(lines: list[Line], printed: list[int], expected: int) -> tuple[int | None, int]:
    """Return the bottom-most line that opens note `expected` (or, past labels OCR lost, a later "N/" note) and
    the label it opens; None and `expected` when there is none."""
    bottom = _bottom_labels(lines, printed)
    start = bottom.get(str(expected))
    if start is None:
        return _slash_label_after_lost(lines, printed, expected, bottom)
    return start, expected


def _bottom_labels(lines: list[Line], printed: list[int]) -> dict[str, int]:
    """Return each number that opens a printed line or stands alone on it -> the bottom-most such line: one
    pass over the page, where a pass per label looked for was four."""
    return {label: i for i in printed
            if _DIGIT_FIRST_RE.match(text := lines[i].text) and (label := _numbered_label(text)) is not None}


# A figure first, after white space: a line that opens otherwise holds no numbered label (see _numbered_label
# and _label_of_line), and most lines are told by this test alone.
_DIGIT_FIRST_RE = re.compile(r"\s*\d")


_SLASH_SKIP = 3  # how many notes' labels OCR may have lost in a row ("h/" for "4/", "3_/" for "5/")


def _slash_label_after_lost(lines: list[Line], printed: list[int], expected: int,
                            bottom: dict[str, int] | None = None) -> tuple[int | None, int]:
    """Return the bottom-most line that opens a "N/" note a few labels past the expected one, and its number;
    else None and the expected number.

    On OCR'd typewritten pages a label is often misread ("h/" for "4/", "lU/_" for "14/"), and the sequence
    of notes would stop there for the rest of the document. A label in the "N/" form of older documents opens
    a note and nothing else, so the next one found goes on the sequence. `bottom` (_bottom_labels) tells
    which labels open a line of the page at all."""
    if bottom is None:
        bottom = _bottom_labels(lines, printed)
    for skip in range(1, _SLASH_SKIP + 1):
        label = str(expected + skip)
        if label not in bottom:
            continue  # no line opens it
        for i in reversed(printed):
            if _numbered_label(lines[i].text) == label and lines[i].text.lstrip().startswith(label + "/"):
                return i, expected + skip
    return None, expected


def _area_labels(lines: list[Line], area: list[int], expected: int) -> list[str] | None:
    """Return the labels of a note area (the printed lines at the indexes `area`), or None when it is none.

    The area's labels follow on from the expected one, one by one. A line that opens with a number out of
    that order may go on a note ("23 августа 2024 г."), but not a line of numbers alone (a table's row,
    "1 309"), and such lines may not outnumber the labels."""
    labels: list[str] = []
    others = 0
    for i in area:
        text = lines[i].text
        lab = _numbered_label(text)
        if lab is None:
            continue
        if int(lab) == expected + len(labels):
            labels.append(lab)
        elif not _LETTER_RE.search(text):
            return None
        else:
            others += 1
    return None if others > len(labels) else labels


def _area_has_letter(lines: list[Line], printed: list[int], start: int, expected: int) -> bool:
    """Return whether the area from `start` holds a letter after its first label: a note without a letter
    in it is no note."""
    return bool(_LETTER_RE.search(" ".join(lines[i].text for i in printed if i >= start)[len(str(expected)) + 1:]))


def _short_lines(lines: list[Line], printed: list[int], start: int, width: int) -> int:
    """Return how many lines from `start` on, labels aside, run less than a third of the width."""
    return sum(1 for i in printed if i >= start and _numbered_label(lines[i].text) is None
               and len(lines[i].text.strip()) < width / 3)


# --- Markers in the body ----------------------------------------------------------------------

# Words after which a number is a reference, not a footnote marker.
_NUMBER_WORDS = (
    r"resolutions?|paragraphs?|paras?\.|articles?|items?|No\.|Nos\.|pages?|p\.|pp\.|chapters?|annex(?:es)?"
    r"|sections?|sect\.|rules?|principles?|Protocols?|Phase|Group|Goals?|Targets?|decisions?|numbers?"
    # The numbered recommendations of treaty bodies and standard setters: "General Recommendation No. 35",
    # "Recommendation 15 on new technologies" (the Financial Action Task Force's).
    r"|recommendations?"
    r"|and|or|to|of|from|between|than|nearly|about|some|over|under|at|by|the|Article|Section|Chapter"
    rf"|Resolution|Decision|Paragraph|Rule|Principle|Item|Annex|Page|Table|Figure|Box|level|{MONTHS_EN}"
)
# "Add.1", "Rev.2", "para. 3", "No. 4", "A/RES/48/1": numbers that belong to what precedes them.
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:Add|Rev|Corr|Amend|Suppl|No|Nos|para|paras|p|pp|art|arts|vol|sect|chap|Part|L|PV|fig|op|cit)\.\s?"
    r"|/[A-Za-z.]*)$",
    re.I,
)
_SLASHED_NAME_END_RE = re.compile(r"/[A-Z]{2,}\.$")
_NEW_SENTENCE_RE = re.compile(r"\s+[A-Z]|\s*$")
# Whole words only: "membership. 43", "Thailand 3" and "that 2" end in "p.", "and" and "at".
_NUMBER_WORD_RE = re.compile(rf"(?<![^\W\d_])(?:{_NUMBER_WORDS})\s*$", re.I)
_AFTER_NOT_MARKER_RE = re.compile(
    rf"^(?:\s*\(\d{{4}}\)|/\d|\.\d|,\d|\s*%|\s+per cent|\s+(?:{MONTHS_EN})\b|\s+(?:years?|months?|days?|weeks?"
    r"|hours?|million|billion|thousand|people|persons|children|women|men|States|countries|members|percent"
    r"|km|kilomet|metres|meters|dollars|cases|times)\b|\s*[–\-]\s*\d"
    # A threshold: "Phase Classification (IPC) 3 and above", "aged 15 or older".
    r"|\s+(?:and|or)\s+(?:above|over|more|below|under|less|older|younger)\b)",
    re.I,
)


@lru_cache(maxsize=4096)
def marker_pattern(label: str) -> re.Pattern[str]:
    """Return the pattern of a footnote marker for a label: glued, spaced or "1/" style (compiled once per label)."""
    lab = re.escape(label)
    if label.isdigit():
        return re.compile(_numbered_marker(lab))
    if label[0] in "*†‡§":  # "*" is not the end of "**"; a list of them: "Iraq:* , **", "Chile*, **"
        c = re.escape(label[0])
        # Older documents set the star off by a space at the end of a title or a sentence
        # ("RESOLUTION 5/1 *", "(see enclosure). *"): then a new line or a new sentence follows.
        return re.compile(rf"(?:(?<=[^\s{c}])|(?<=[*†‡§], )|(?<=[*†‡§] , )){lab}(?!{c})(?=[\s,.;:)”’]|$)"
                          rf"|(?<=[^\s*†‡§] ){lab}(?!{c})(?=\n|\s*$|\s+[A-Z])")
    return re.compile(rf"(?<=\S){lab}(?=[\s,.;:)”’]|$)")


def _numbered_marker(lab: str) -> str:
    """Return the pattern of a numbered note's marker, with `lab` the pattern of its label."""
    # After a word, a stop, a closing mark (French, Spanish and Russian close a quotation with "»":
    # "Европы»72."), a percentage ("130,4%50."), or a space after any of them or a figure.
    return (rf"(?<![\d/\-])(?:(?<=[^\W\d_])|(?<=[.,;:”’\")\]»])|(?<=\d%)|(?<=[^\W\d_] )"
            rf"|(?<=[.,;:”’\")\]»] )|(?<=\d ))"
            rf"{lab}/?(?![\d/])(?=[\s,.;:)”’\"»]|$)"
            # The second of two markers listed, glued to the next sentence ("capabilities.
            # 13,14In the"): is_marker_at takes it only after the marker before it.
            rf"|(?<=\d,){lab}(?=[A-Z][a-z])")


# The marker of any numbered note, its figures a group: one pattern compiled once, where a pattern per label took
# half a millisecond each to compile (a document with a hundred notes spent 50 ms on them). Where it matches at a
# label's place, its group is the whole run of figures there (figures may not follow it), so it matches with
# the label for its group where the label's own pattern matches, and only there.
_ANY_NUMBERED_MARKER_RE = re.compile(_numbered_marker(r"(\d+)"))


def marker_matches(label: str, text: str, pos: int, stop: int) -> Iterator[re.Match[str]]:
    """Yield the matches of the label's marker pattern (marker_pattern) in `text` from `pos` on that start before
    `stop`, as its finditer yields them; a label of decimal figures is matched with the one pattern of them all."""
    if label.isdecimal():  # \d takes what isdecimal takes ("²" is a digit, no decimal)
        return label_matches(_ANY_NUMBERED_MARKER_RE, label, text, pos, stop, grouped=True)
    return label_matches(marker_pattern(label), label, text, pos, stop)


def label_matches(pattern: re.Pattern[str], label: str, text: str, pos: int, stop: int,
                  grouped: bool = False) -> Iterator[re.Match[str]]:
    """Yield the matches of a label's pattern in `text` from `pos` on that start before `stop`, as
    `pattern.finditer(text, pos)` yields them; where `grouped`, the pattern takes any label in its last group,
    and a match counts only where that group is the label.

    Every match of a marker's pattern starts with the label itself (its look-behinds see the text before
    `pos`, as finditer's do), so only the places where the label stands are tried (str.find), not every
    character: a try at every character of every paragraph on a note's pages was the cost of linking notes."""
    if not label:
        raise ValueError("a marker's label is never empty")
    end = stop + len(label) - 1  # a label that starts before `stop`
    i = text.find(label, pos, end)
    while i >= 0:
        m = pattern.match(text, i)
        if m is None or (grouped and m.group(m.lastindex or 0) != label):
            i = text.find(label, i + 1, end)
            continue
        yield m
        i = text.find(label, m.end(), end)  # matches never overlap, as finditer's do not


# How much of the text before a number is_marker_at reads; see _before.
_BEFORE_WINDOW = 400
_SPACE_RE = re.compile(r"\s")


def _before(text: str, start: int) -> str:
    """Return the text before `start` without white space at its end, as the tests of is_marker_at read it.

    Their patterns end at the end of this text ("$"): the bounded ones reach a few words back; those that
    take a run of characters ("/[A-Za-z.]*", "/[A-Z]{2,}\\.", "(?:^|\\s)\\d+") hold no white space but
    the one they open with. So the last _BEFORE_WINDOW characters answer as the whole text does, unless they
    hold no white space; copying the whole text before each number made a long paragraph quadratic.
    """
    lo = max(0, start - _BEFORE_WINDOW)
    before = text[lo:start].rstrip()
    if lo and not _SPACE_RE.search(before):
        return text[:start].rstrip()
    return before


_AFTER_WINDOW = 200
_LONG_SPACE_RE = re.compile(r"\s{20}")


def _after(text: str, end: int) -> str:
    """Return the text after `end` as the tests of is_marker_at read it: they look past white space at a few
    words at most ("\\s+per cent", "\\s*[–-]\\s*\\d", "\\s*$"), so the next _AFTER_WINDOW characters answer
    as the whole rest does, unless they hold a long run of white space."""
    if end + _AFTER_WINDOW >= len(text):
        return text[end:]
    after = text[end:end + _AFTER_WINDOW]
    return text[end:] if _LONG_SPACE_RE.search(after) else after


def is_marker_at(text: str, start: int, end: int) -> bool:
    """Return False where the number at [start, end) reads as part of the sentence."""
    before = _before(text, start)
    after = _after(text, end)
    word = _last_word_start(before)
    if text[start:end].endswith("/"):
        # "1/" markers of older documents cannot be read as anything else, after a word or a year.
        return not _ABBREVIATION_RE.search(before, word) and not re.match(r"\s*\d", after)
    if after[:1].isalpha():
        return _listed_after_previous(before, text[start:end])
    if _AFTER_NOT_MARKER_RE.match(after) and not _next_marker_listed(text, start, end, after):
        return False  # but two notes' markers may stand together: "in Riga. 28,29"
    spaced = start > 0 and text[start - 1] == " "
    if spaced and _NUMBER_WORD_RE.search(before, word) and not (
            _marker_after_plural(before, after) or _marker_after_month(before, text[start:end])):
        return False
    if _ABBREVIATION_RE.search(before, word) and not _after_slashed_name(before, after, spaced):
        return False
    if not text[start:end].isdigit():
        return True  # "*" and letter labels: "A/80/50*", "Italy*"
    return _number_is_marker(before, after, spaced)


def _last_word_start(before: str) -> int:
    """Return where the last run of characters without white space in `before` (right-stripped) starts.

    _NUMBER_WORD_RE and _ABBREVIATION_RE match a run that ends the text and holds no white space (a word, an
    abbreviation and its stop, a slash and letters; the white space their patterns allow at the end is stripped
    away), so they are searched from there, their look-behinds seeing the character before: a try at each of
    the _BEFORE_WINDOW characters before every number cost more than the rest of the test."""
    return len(before) - len(before.rsplit(None, 1)[-1]) if before else 0


# A plural that names numbers, and the verbs that may follow a marker but never close a list of numbers.
_PLURAL_NUMBER_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?:resolutions|paragraphs|articles|items|pages|chapters|annexes|sections|rules|principles"
    r"|protocols|goals|targets|decisions|numbers|recommendations)$", re.I)
_VERB_AFTER_RE = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must|remains?|includes?"
    r"|contains?)\b")


def _marker_after_plural(before: str, after: str) -> bool:
    """Return whether a spaced number after a plural that names numbers is a marker: a plural is followed by a
    list ("paragraphs 3 and 4", "items 7 to 9"), so one number and a verb after it close no list, and the
    number is a note's ("under item 3 and its sub-items 7 is available")."""
    return bool(_PLURAL_NUMBER_WORD_RE.search(before) and _VERB_AFTER_RE.match(after))


_MONTH_END_RE = re.compile(rf"(?<![^\W\d_])(?:{MONTHS_EN})$")


def _marker_after_month(before: str, number: str) -> bool:
    """Return whether a spaced number after a month's name is a marker: no day is above 31, and the UN Editorial
    Manual writes a year in full, so "in March 217 and September 2022" and "11 December 92." hold markers."""
    return number.isdecimal() and int(number) > 31 and bool(_MONTH_END_RE.search(before))


def _after_slashed_name(before: str, after: str, spaced: bool) -> bool:
    """Return whether a spaced number follows a sentence that ends in a name with a slash ("SLA/MM."): a
    symbol's element is glued to its number ("S/PV.9878"), so after a stop and a space, with a new sentence
    after the number, the number is a marker ("allied militias and SLA/MM. 91 RSF commanders")."""
    return spaced and bool(_SLASHED_NAME_END_RE.search(before) and _NEW_SENTENCE_RE.match(after))


def _listed_after_previous(before: str, label: str) -> bool:
    """Return whether a number glued to the word after it follows the previous note's marker and a comma
    ("13,14In the"): pdftotext lost the space after the raised pair; "1,5A" is no list of markers."""
    return label.isdecimal() and re.search(rf"(?<![\d,]){int(label) - 1},$", before) is not None


def _next_marker_listed(text: str, start: int, end: int, after: str) -> bool:
    """Return whether the next note's number follows a numbered marker after a comma: "28,29"."""
    listed = re.match(r",\s?(\d{1,3})(?!\d)", after)
    return bool(listed and text[start:end].isdecimal() and int(listed.group(1)) == int(text[start:end]) + 1)


def _number_is_marker(before: str, after: str, spaced: bool) -> bool:
    """Return whether a number is a marker rather than part of a figure, with `before` (stripped) and `after`
    the text around it and `spaced` whether a space stands before it."""
    if not spaced and re.search(r"\d\.?$", before[-2:]):  # `before` is stripped: its last two characters
        return False  # "3.1", "1,000"
    if spaced and _after_figure(before, after):
        return False
    return not (spaced and re.match(r"^\s+\d", after))


def _after_figure(before: str, after: str) -> bool:
    """Return whether a spaced number follows a figure, so that it goes on the figure.

    "paragraphs 3 4", but a marker may follow a year: "2015–2030 7 and", "in April 2023. 2"; and a number
    after a full stop that a new sentence follows is a marker: a sentence does not open with figures (UN
    Editorial Manual), so in "at least 29. 24 Both" 24 is a note's."""
    # Both patterns match the last word and the white space before it (or the text's start): searched from there.
    word = max(_last_word_start(before) - 1, 0)
    return bool(_FIGURE_END_RE.search(before, word) and not _YEAR_END_RE.search(before, word)
                and not (before.endswith(".") and re.match(r"\s+[A-Z]|\s*$", after)))


_FIGURE_END_RE = re.compile(r"(?:^|\s)\d+[,.]?$")
_YEAR_END_RE = re.compile(r"(?:^|\s)(?:19|20)\d\d[,.]?$")


# A sum of money and the year are the numbers a marker is glued to without anything between.
_MONEY_BEFORE_RE = re.compile(r"[$€£]\d[\d,]*\.\d\d ?$")
_YEAR_BEFORE_RE = re.compile(r"(?<![\d,.])(?:19|20)\d\d\.$")
# A year with the marker glued on without its stop ("in October 2022 and August 2023220."), and a number of
# one to three figures with a marker of two or more ("was 857135"): the UN Editorial Manual sets off
# thousands with a comma, so a run of five figures or more without one is no figure of the text.
_YEAR_GLUED_RE = re.compile(r"(?<![\d,./])(?:19|20)\d\d$")
_SHORT_NUMBER_RE = re.compile(r"(?<![\d,./])[1-9]\d{0,2}$")
_GROUPED_FIGURES = 5
# A figure that ends a sentence, its stop and a marker, a new sentence or the paragraph's end after it
# ("to between $500 and $1,000.87", "General Recommendation No. 35.19 CoE-CM recommended"): a decimal
# would go on in the sentence.
_STOPPED_NUMBER_RE = re.compile(r"(?<![\d./])\d{1,3}(?:,\d{3})*\.$")
_NUMBERED_BEFORE_RE = re.compile(r"(?:section|sect\.|chapter|para\.|paragraph|table|figure|annex)\s+\d[\d,]*\.$", re.I)


def glued_number_markers(text: str, label: str, start: int = 0) -> list[tuple[int, int]]:
    """Return where a marker for a numbered label stands glued to a number, as [start, end) pairs.

    Only forms where the number cannot go on into the label: a year and its full stop
    ("in 2022.2 ODA remains"; UN style writes a number of four digits with a comma, "1,974.15",
    so "2022.2" is a year, a stop and a marker), a sum of money with its two decimals, the marker
    glued or spaced ("an expenditure of $10.182 on evaluation": "$10.18" and note 2; "$2.35 2 billion"),
    a year or a short number with the marker glued on ("August 2023220", "was 857135"), and a figure
    that ends a sentence ("$1,000.87" at a paragraph's end). Each could still be a number; the caller
    takes one only on the page of its note and when no other marker is there.
    """
    if not label.isdigit():
        return []
    out = []
    # From `start` in the whole text, not in a copy of its tail; the look-behind then sees the character
    # before `start`, which the copy hid: a label right at `start` is skipped, as it was.
    for m in label_matches(_glued_label_pattern(label), label, text, start, len(text)):
        if m.start() == start and start:
            continue
        if _glued_to_number(_tail(text, m.start()), label, _after(text, m.end())):
            out.append((m.start(), m.end()))
    return out


def _glued_to_number(before: str, label: str, after: str) -> bool:
    """Return whether a label with `before` the text before it and `after` the text after it is a marker glued
    to a number (see glued_number_markers)."""
    if _MONEY_BEFORE_RE.search(before) or _YEAR_BEFORE_RE.search(before):
        return True
    if _YEAR_GLUED_RE.search(before):
        return True
    short = _SHORT_NUMBER_RE.search(before)
    if short and len(short.group()) + len(label) >= _GROUPED_FIGURES:
        return True
    return bool(_STOPPED_NUMBER_RE.search(before) and not _NUMBERED_BEFORE_RE.search(before)
                and _NEW_SENTENCE_RE.match(after))


def _tail(text: str, pos: int) -> str:
    """Return the text before `pos` as the money and year patterns read it (their runs of figures hold no white
    space, a space may end them): its last _BEFORE_WINDOW characters, unless those hold no white space but
    at their end."""
    lo = max(0, pos - _BEFORE_WINDOW)
    before = text[lo:pos]
    return text[:pos] if lo and not _SPACE_RE.search(before, 0, len(before) - 1) else before


@lru_cache(maxsize=4096)
def _glued_label_pattern(label: str) -> re.Pattern[str]:
    """Return the pattern of a label glued after a digit, a stop or a space (compiled once per label)."""
    return re.compile(rf"(?<=[\d. ]){re.escape(label)}(?=[\s,;:)”’\"]|\.(?!\d)|$)")


# --- Note areas of a source's pages -----------------------------------------------------------

NOTES_HEADING_RE = re.compile(r"^\s*(?:Notes|Endnotes|Notas|Примечания)\s*$")


def split_off_notes(source: Source) -> tuple[list[Line], list[RawNote]]:
    """Return body lines across pages and the raw notes of every footnote area."""
    body: list[Line] = []
    raw: list[RawNote] = []
    width = estimate_width([ln for p in source.pages for ln in p.lines if ln.kind == "body"])
    last = 0  # the highest note number so far: a document numbers its notes in one sequence
    for page in source.pages:
        page_body, notes = _page_areas(page, source.style, last + 1, width)
        body.extend(page_body)
        page_notes = parse_note_area(notes, page.number, width)
        raw.extend(page_notes)
        last = max([last, *(int(n.label) for n in page_notes if n.label.isdigit())])
    return _split_off_endnotes(body, raw, width), raw


def _page_areas(page: Page, style: str, expected: int, width: int) -> tuple[list[Line], list[Line]]:
    """Return a page's body (and blank) lines and the lines of its footnote area (without the page's foot: see
    _without_foot)."""
    body, notes = _page_areas_with_foot(page, style, expected, width)
    return body, _without_foot(notes)


#: The job number at the foot of a UN page as OCR may read it: "25-05843 E) 210425", "25-06252 (E 280425",
#: "GE.19-13879(E)", "2506744 (E)" (a bracket or the hyphen lost), with its date stamp: alone on its line.
_FOOT_JOB_RE = re.compile(
    r"^\s*(?:[A-Z]{1,3}\.)?\d{2}(?:-\d{5}[A-Z]?\s*(?:\(?[A-Z]\)?)?|\d{5}\s*(?:\([A-Z]\)?|[A-Z]\)))\s*(?:\d{6})?\s*$")


def _without_foot(notes: list[Line]) -> list[Line]:
    """Return a footnote area's lines up to the page's job number: on a scan the job number, the bar code and the
    recycling notice under the notes may be read into the area (the running foot is not told where OCR garbled it);
    the UN prints the job number below the last note of a page, so it and what follows are the page's foot, and are
    labelled furniture."""
    k = next((i for i, ln in enumerate(notes) if _FOOT_JOB_RE.match(ln.text)), None)
    if k is None:
        return notes
    for ln in notes[k:]:
        ln.kind = "furniture"
    return notes[:k]


def _page_areas_with_foot(page: Page, style: str, expected: int, width: int) -> tuple[list[Line], list[Line]]:
    """Return a page's body (and blank) lines and the lines of its footnote area."""
    page_body = [ln for ln in page.lines if ln.kind in ("body", "blank")]
    notes = [ln for ln in page.lines if ln.kind == "note"]
    if notes or style == "dump":
        return page_body, notes
    # Star notes ("* Reissued for technical reasons") may stand at the foot without a rule, and
    # so may numbered notes where the extractor dropped a drawn rule.
    start = _star_notes_start(page_body)
    if start is None:
        start = footless_notes_start(page_body, expected, width)
    if start is None:
        return _floated_label_areas(page_body, expected, width)
    for ln in page_body[start:]:
        if ln.kind == "body":
            ln.kind = "note"
    return page_body[:start], [ln for ln in page_body[start:] if ln.kind == "note"]


def _floated_label_areas(page_body: list[Line], expected: int, width: int) -> tuple[list[Line], list[Line]]:
    """Return a page's body lines and the lines of a note whose label floated up above a table.

    pdftotext may print the label of the page's last note on a line of its own above a table, with the
    note's text left at the foot of the page, after the table's cells ("5" / Region / Country / Africa / ...
    / "DP/2021/29, paragraph 38(d)"). Without a note area on the page, that note is told by the label the
    sequence expects next, standing alone, with its marker in the body above (in a form only a marker
    takes), by a table of short lines below it, and by a last block that reads as a note (see
    _floated_note_block)."""
    found = _floated_label_note(page_body, expected, width)
    if found is None:
        return page_body, []
    label, block = found
    for i in (label, *block):
        page_body[i].kind = "note"
    note_lines = [page_body[label], *(page_body[i] for i in block)]
    return [ln for ln in page_body if ln.kind != "note"], note_lines


def _floated_label_note(page_body: list[Line], expected: int, width: int) -> tuple[int, list[int]] | None:
    """Return the index of a floated label and the indexes of its note's lines (the page's last block), or None."""
    printed = [i for i, ln in enumerate(page_body) if ln.kind == "body"]
    label = _bottom_label_alone(page_body, printed, expected)
    if label is None or label == printed[0] or not width:
        return None
    block = _last_block(page_body, printed, label)
    if not block or not _short_table([page_body[i].text for i in printed if label < i < block[0]], width):
        return None
    if not _floated_note_block([page_body[i].text.strip() for i in block], width):
        return None
    above = "\n".join(ln.text for ln in page_body[:label] if ln.kind == "body")
    return (label, block) if has_marker_evidence(above, str(expected)) else None


def _bottom_label_alone(page_body: list[Line], printed: list[int], expected: int) -> int | None:
    """Return the index of the bottom-most line that holds the expected label alone, or None."""
    label = str(expected)
    return next((i for i in reversed(printed) if _DIGIT_FIRST_RE.match(text := page_body[i].text)
                 and _label_of_line(text) == label), None)


def _last_block(page_body: list[Line], printed: list[int], after: int) -> list[int]:
    """Return the indexes of the printed lines after the page's last blank line (and after `after`)."""
    last_blank = max((i for i, ln in enumerate(page_body) if ln.kind == "blank" and i < printed[-1]), default=-1)
    return [i for i in printed if i > max(after, last_blank)]


def _short_table(texts: list[str], width: int) -> bool:
    """Return whether lines are a table's cells: three or more, each shorter than a third of the width."""
    return len(texts) >= 3 and all(len(t.strip()) < width / 3 for t in texts)


def _floated_note_block(texts: list[str], width: int) -> bool:
    """Return whether the lines of a page's last block read as a note rather than a table's cells: at most three
    lines with letters, and a sentence's end, a figure or a line longer than a table's cells (a note cites, or
    says something; a cell names)."""
    text = " ".join(texts)
    if len(texts) > 3 or not _LETTER_RE.search(text):
        return False
    return text.endswith(tuple(TERMINAL_PUNCT)) or any(ch.isdigit() for ch in text) or (
        max(len(t) for t in texts) >= width / 3)


def _split_off_endnotes(body: list[Line], raw: list[RawNote], width: int) -> list[Line]:
    """Return the body without its endnotes (under a "Notes" heading after the body); add them to raw."""
    for i in range(len(body) - 1, max(-1, len(body) - 2000), -1):
        if NOTES_HEADING_RE.match(body[i].text) and i > len(body) // 3:
            tail = [ln for ln in body[i + 1 :] if ln.kind == "body"]
            endnotes = parse_note_area(tail, 0, width, endnotes=True)  # page 0: link anywhere
            if not _opens_a_sequence(endnotes, raw):
                return body  # a table's "Notes" column, not a heading
            raw.extend(endnotes)
            return body[:i]
    return body


def _opens_a_sequence(endnotes: list[RawNote], raw: list[RawNote]) -> bool:
    """Return whether notes read under a "Notes" heading are endnotes: their first number opens the document's
    sequence of notes (1) or goes on from the notes of its pages; a first label such as "600" is a table's
    figure under a "Notes" column."""
    first = next((n.label for n in endnotes if n.label), None)
    if first is None or not first.isdigit():
        return first is not None
    last = max((int(n.label) for n in raw if n.label.isdigit()), default=0)
    return int(first) in (1, last + 1)


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
        if (m or alone) and i != 0 and _star_note_opens(page_body, i, m):
            return i
    return None


def _star_note_opens(page_body: list[Line], i: int, m: re.Match[str] | None) -> bool:
    """Return whether the star note (or star alone) at line i opens a note area: a blank line stands above a
    note, or the body above holds its marker."""
    if m and page_body[i - 1].kind == "blank":
        return True
    above = "\n".join(ln.text for ln in page_body[:i] if ln.kind == "body")
    return has_marker_evidence(above, m.group(1) if m else page_body[i].text.strip())


# --- Linking each note to its marker in the body ----------------------------------------------

# Where a note's marker was found: (paragraph index, start, end, on its note's page).
_Found = tuple[int, int, int, bool]


def _page_ranges(source: Source) -> dict[int, tuple[int, int]]:
    """Return page number -> [start, end) of its lines' source offsets."""
    out = {}
    for page in source.pages:
        if page.lines:
            out[page.number] = (page.lines[0].start, page.lines[-1].end + 1)
    return out


_MARKER_LIST_SEP_RE = re.compile(r"(?<=[*†‡§])\s*,\s*$")


def link_markers(paragraphs: list[Paragraph], tracked: list[Tracked], footnotes: list[Footnote],
                 source: Source) -> list[FootnoteRef]:
    """Find each footnote's marker in the body, remove it from the text and return the refs."""
    deletions = _marker_places(paragraphs, tracked, footnotes, source)
    labels: dict[str, str] = {}  # note id -> label, the first note of an id (a look-up per marker was quadratic)
    for n in footnotes:
        labels.setdefault(n.id or n.label, n.label)
    refs: list[FootnoteRef] = []
    for pi, dels in deletions.items():
        refs.extend(_cut_markers(pi, sorted(dels), paragraphs, tracked, labels))
    refs.sort(key=lambda r: (int(r.paragraph[1:]), r.offset))
    return refs


def _marker_places(paragraphs: list[Paragraph], tracked: list[Tracked], footnotes: list[Footnote],
                   source: Source) -> dict[int, list[tuple[int, int, str]]]:
    """Return paragraph index -> [(start, end, note id)] of each note's marker(s), found in reading order."""
    if not footnotes:
        return {}  # nothing to look for: the places of the paragraphs (_Where) cost a pass over their runs
    ranges = _page_ranges(source)
    deletions: dict[int, list[tuple[int, int, str]]] = {}
    cursor = (0, 0)  # (paragraph index, offset): markers come in reading order
    recorded = _recorded_markers(source, tracked)
    where = _Where.of(tracked)
    for note in footnotes:
        found = _recorded_marker(note, recorded, tracked, ranges) or _find_marker(
            note, paragraphs, tracked, cursor, ranges, where)
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
    return deletions


def _cut_markers(pi: int, dels: list[tuple[int, int, str]], paragraphs: list[Paragraph], tracked: list[Tracked],
                 labels: dict[str, str]) -> list[FootnoteRef]:
    """Remove the markers at dels (sorted) from paragraph pi; return their refs."""
    t = tracked[pi]
    edits = []
    refs = []
    removed = 0
    for k, (_, _, fid) in enumerate(dels):
        cut_start, end = _cut_bounds(t.text, dels, k)
        keep = _space_kept(t.text, dels[k - 1][0] if k else dels[k][0], end)
        edits.append((cut_start, end, keep))
        label = labels[fid]
        refs.append(FootnoteRef(label=label, paragraph=paragraphs[pi].id, offset=cut_start - removed, footnote=fid))
        removed += end - cut_start - len(keep)
    t = t.edit(edits)
    tracked[pi] = t
    paragraphs[pi].text = t.text
    return refs


def _space_kept(text: str, first: int, end: int) -> str:
    """Return the space that stands for a cut marker glued to the next word ("capabilities. 13,14In the" ->
    "capabilities. In the"), where a space stood before the marker listed before it (at `first`); else
    nothing."""
    glued = end < len(text) and text[end].isalpha() and text[end - 1].isdigit()
    return " " if glued and first > 0 and text[first - 1] == " " else ""


def _cut_bounds(text: str, dels: list[tuple[int, int, str]], k: int) -> tuple[int, int]:
    """Return what to cut for the k-th marker: the marker, the space before it, and the separators of a list
    of markers."""
    start, end, _ = dels[k]
    cut_start = start - 1 if start > 0 and text[start - 1] == " " else start
    if sep := _MARKER_LIST_SEP_RE.search(text, 0, start):
        cut_start = sep.start()  # "Iraq:* , **": the comma between two markers goes with them
    if k + 1 < len(dels) and text[start:end].isdigit() and re.fullmatch(r",\s?", text[end:dels[k + 1][0]]):
        end = dels[k + 1][0]  # so does the comma of "Riga. 28,29"
    return cut_start, end


def _recorded_markers(source: Source, tracked: list[Tracked]) -> dict[str, list[tuple[int, int, int]]]:
    """Return label -> [(source offset, paragraph index, offset)] for markers geometry found (PDF)."""
    if not source.markers:
        return {}
    where: dict[int, tuple[int, int]] = {}
    wanted = sorted({offset for offset, _ in source.markers})
    for pi, t in enumerate(tracked):
        # Each run of the text follows the source one to one: the wanted offsets within its range are in it.
        for a, b, base in _runs(t):
            for src in wanted[bisect_left(wanted, base):bisect_left(wanted, base + b - a)]:
                if src not in where:
                    where[src] = (pi, a + src - base)
    out: dict[str, list[tuple[int, int, int]]] = {}
    for offset, label in source.markers:
        if offset in where:
            out.setdefault(label, []).append((offset, *where[offset]))
    return out


def _runs(t: Tracked) -> list[tuple[int, int, int]]:
    """Return (start, end, source offset of start) of each run of t's text that follows the source one to one:
    its spans, read from its runs without making a Span of each."""
    if not t.starts:
        return []
    return list(zip(t.starts, [*t.starts[1:], len(t.text)], t.bases, strict=True))


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
    """Return (paragraph index, start, end) of each later "N/" marker of a note, from `end` of paragraph pi on."""
    pattern = _slash_marker_pattern(label)
    marker = label + "/"
    out = []
    for pj in range(pi, len(tracked)):
        text = tracked[pj].text
        for m in label_matches(pattern, marker, text, end if pj == pi else 0, len(text)):
            if is_marker_at(text, m.start(), m.end()):
                out.append((pj, m.start(), m.end()))
    return out


@lru_cache(maxsize=4096)
def _slash_marker_pattern(label: str) -> re.Pattern[str]:
    """Return the pattern of a label's "N/" marker after a word and a space (compiled once per label)."""
    return re.compile(rf"(?<=\S )(?<![\d/]){re.escape(label)}/(?=[\s,.;:)]|$)")


@dataclass
class _Where:
    """Where each paragraph's text stands in the source, so that a note's marker is looked for only in the
    paragraphs, and the part of a paragraph, that stand on its page or the next: a scan of every later
    paragraph per note made a long document quadratic."""

    bounds: list[tuple[int, int, bool]]  # per paragraph: least and greatest source offset, offsets rising
    later: list[int]  # per paragraph: the least source offset of it and every paragraph after it

    @classmethod
    def of(cls, tracked: list[Tracked]) -> _Where:
        """Return the places of the paragraphs' texts."""
        bounds = [t.bounds() for t in tracked]
        later = [1 << 62] * (len(bounds) + 1)
        for pi in range(len(bounds) - 1, -1, -1):
            later[pi] = min(later[pi + 1], bounds[pi][0] if bounds[pi][1] >= 0 else 1 << 62)
        return cls(bounds, later)

    def stretch(self, t: Tracked, pi: int, lo: int, hi: int) -> tuple[int, int] | None:
        """Return the indexes [i, j) of paragraph pi's text where source offsets in [lo, hi) may stand (all of it
        where its offsets do not rise), or None when none can."""
        least, most, rising = self.bounds[pi]
        if most < lo or least >= hi:
            return None
        if not rising:
            return 0, len(t.text)
        return t.index_from(lo), t.index_from(hi)


def _find_marker(note: Footnote, paragraphs: list[Paragraph], tracked: list[Tracked], cursor: tuple[int, int],
                 ranges: dict[int, tuple[int, int]], where: _Where) -> tuple[int, int, int, bool] | None:
    """Return (paragraph index, start, end, on its note's page) of a note's marker from the cursor on, or None."""
    lo, hi = ranges.get(note.page, (0, 1 << 62))
    exact, fallback = _pattern_marker(note, paragraphs, tracked, cursor, ranges, where)
    if exact is not None:
        return exact
    return _glued_marker(note.label, paragraphs, tracked, cursor, (lo, hi), where) or fallback


def _pattern_marker(note: Footnote, paragraphs: list[Paragraph], tracked: list[Tracked], cursor: tuple[int, int],
                    ranges: dict[int, tuple[int, int]], where: _Where) -> tuple[_Found | None, _Found | None]:
    """Return the first marker of the note's pattern on its page, else None and the first on the next page.

    Only text on those two pages is searched (_Where): a match elsewhere was never taken. The pattern's
    matches never overlap (a label's characters may not stand before it), so a search may start anywhere.
    """
    lo, hi = ranges.get(note.page, (0, 1 << 62))
    upto = max(hi, ranges.get(note.page + 1, (hi, hi))[1])
    fallback = None
    for pi in range(cursor[0], len(paragraphs)):
        if where.later[pi] >= upto:
            break  # this paragraph and every later one stand past the next page
        if paragraphs[pi].kind == "signature" or (paragraphs[pi].kind == "masthead" and note.label.isdigit()):
            continue
        t = tracked[pi]
        stretch = where.stretch(t, pi, lo, upto)
        if stretch is None:
            continue
        from_pos = max(cursor[1] if pi == cursor[0] else 0, stretch[0])
        for m in marker_matches(note.label, t.text, from_pos, stretch[1]):
            if not is_marker_at(t.text, m.start(), m.end()):
                continue
            src = t.offset_at(m.start())
            if lo <= src < hi:
                return (pi, m.start(), m.end(), True), None
            if fallback is None and hi <= src < ranges.get(note.page + 1, (hi, hi))[1]:
                # Off its note's page, a marker is taken only from the next page: further on, the
                # same number is another note's marker or a number of the text.
                fallback = (pi, m.start(), m.end(), False)
    return None, fallback


def _glued_marker(label: str, paragraphs: list[Paragraph], tracked: list[Tracked], cursor: tuple[int, int],
                  page: tuple[int, int], where: _Where) -> _Found | None:
    """Return a marker glued to a number ("$10.182", "in 2022.2"), only on its note's page (source offsets
    [lo, hi)), or None."""
    lo, hi = page
    for pi in range(cursor[0], len(paragraphs)):
        if where.later[pi] >= hi:
            break
        if paragraphs[pi].kind in ("signature", "masthead") or where.stretch(tracked[pi], pi, lo, hi) is None:
            continue
        t = tracked[pi]
        for start, end in glued_number_markers(t.text, label, cursor[1] if pi == cursor[0] else 0):
            if lo <= t.offset_at(start) < hi:
                return pi, start, end, True
    return None
