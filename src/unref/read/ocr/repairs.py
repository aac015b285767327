"""read.ocr.repairs: OCR's own damage undone on one page's words, as named steps.

Each step takes a page's lines of `OcrWord`s and a `Context` (the page's language and the
document's own spellings) and returns new lines; the words given are never changed in place.
Every decision rests on evidence, never on a list of one document's misreadings:

- `brackets`: round brackets read as braces ("{see", "S/1996/381},"): the UN Editorial Manual
  sets no braces in running text;
- `digits`: letters read for digits inside numbers and symbols ("l995", "S/1998/l44"), and the
  S of a symbol read "$", "8" or "§" ("$/1998/144"): the symbol grammar (`unref.symbols`) must
  accept the repaired symbol and refuse the token as read, a number must be all digits once
  repaired, and a word that wordfreq or the document knows is never touched ("Sierra", "SO");
- `spelled_symbols`: a symbol misread beyond that ("Avs6/385" in a masthead under the emblem)
  set as the document prints it elsewhere (its running heads): one symbol of the document with
  the same number within two edits;
- `note_markers`: the "1/" note markers of the old UN typescripts read "l/", "I/" or "U/": the
  digits the letters stand for are tried, and a reading is kept when the document has the note
  next to it ("3/" beside "U/" reads "4/"), or it is "1/"; a note's small "1" read "!" where a
  note at the foot opens with a small "!" label (then also "attached)!" is "attached)1");
- `roman`: roman numerals with "l" for "I" ("Il", "VIl", "XXIl"): in a heading, after "Part",
  "Chapter", "Annex" and their French and Spanish forms, or in parentheses (a session); a word
  of the language ("Il" in French prose, "Ill") only there;
- `hyphens`: a word split over two lines with "-": joined when the whole is a word (wordfreq or the
  document) and the second half is no word on its own, or the document writes it whole; a real
  hyphen ("well-being": both halves words, or the document prints it with its hyphen) stays;
- `addresses`: web addresses misread against the URL grammar: "O" and "£" inside a group of hexadecimal
  digits ("601cOcaf", "8e48£"), a query's "?" read "2" or "7" after a path's figures ("…7142mx=2");
- `address_tails`: a web address the engine read in pieces on one line glued: the word after it lies inside its
  box (print has no overlapping words), or the address is cut inside a group and the word after it can only be an
  address's piece (its characters, a figure, no word): "…ashx?d=6bfd0" "1" "1b-8edd-40f4-93";
- `specks`: a lone ".", ",", "'" or "`" with a tiny box and a low confidence, not inside a number;
- `spaces`: a word read without its space ("Weemphasize") set apart where wordfreq and the document know no
  such word and it splits one way only into a function word and a common word;
- `dashes`: a dash standing alone read "—" or "~" set as the en or em dash its width shows, and a range's dash
  between figures as the en dash (the UN Editorial Manual's).

Pages read with Arabic data have two steps more (ARABIC_STEPS), for what the engine makes of Arabic print:

- `arabic_commas`: the Arabic comma "،" read as "»" at a word's end where no "«" is open on the page (Arabic
  quotes open with "«", so a "»" that closes nothing is no quotation mark), or as a final hamza "ء" where the
  word with it is no word (wordfreq, the document) and the word without it is one ("الاختصاصاتء");
- `arabic_bullets`: a list's bullet (a small square) read as a quotation mark, "#", "*" or "»" glued before the
  first word of a line ("#بتاريخ"), where no mark closes it in the line: set as a bullet word of its own, so
  that the item opens a paragraph as in print.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from unref.read.ocr.words import OcrWord
from unref.symbols import try_parse
from unref.text.words import zipf

Lines = list[list[OcrWord]]


@dataclass(frozen=True, slots=True)
class Context:
    """What a step knows beyond the page: its language and the words of the whole document."""

    language: str
    vocabulary: Counter[str]
    symbols: tuple[str, ...] = ()  # the symbols the document prints twice or more, as printed

    def known(self, word: str, floor: float = 3.0) -> bool:
        """Return True when the word is common in the language (wordfreq) or printed in the document."""
        return zipf(word, self.language) >= floor or self.vocabulary.get(word, 0) > 0

    def printed(self, word: str) -> int:
        """Return how often the document prints the word, as written or in lower case."""
        return self.vocabulary.get(word, 0) + (self.vocabulary.get(word.lower(), 0) if word != word.lower() else 0)


Step = Callable[[Lines, Context], Lines]

# --- 1. Digits read as letters ------------------------------------------------------------

# The letters OCR gives for digits in a typescript: a one for "l", "I" and "|", a nought for "O"
# and "o", a five for "S".
DIGIT_FOR = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "S": "5"})
_CONFUSABLE = frozenset("lI|OoS")
# A number as printed: digits with thousands commas or a decimal point, in brackets or before
# a stop; the letters OCR confuses with digits stand among them.
_NUMBER_RE = re.compile(r"(?P<open>[(\[]?)(?P<body>[\dlI|OoS](?:[\dlI|OoS,.]*[\dlI|OoS])?)(?P<close>[)\]]?[.,;:]?)")
_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_NUMBER_SHAPE_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _digit_count(text: str) -> int:
    """Return how many true digits the text holds."""
    return sum(c.isdigit() for c in text)


def repaired_number(text: str, ctx: Context) -> str | None:
    """Return a number token with its letters read as digits ("l995" -> "1995"), or None.

    The token must hold a true digit, as many true digits as letters (or thousands in groups of
    three), be no word the language or the document knows, and be a well-formed number once
    repaired.
    """
    m = _NUMBER_RE.fullmatch(text)
    if m is None:
        return None
    body = m["body"]
    letters = sum(c in _CONFUSABLE for c in body)
    if letters == 0 or not _digit_count(body) or ctx.known(body.strip(",."), 2.0):
        return None
    fixed = body.translate(DIGIT_FOR)
    # Thousands in groups of three ("1,OOO") are a number's shape whatever letters fill them.
    grouped = _GROUPED_RE.fullmatch(fixed) is not None
    if not _NUMBER_SHAPE_RE.fullmatch(fixed) or (_digit_count(body) < letters and not grouped):
        return None
    return m["open"] + fixed + m["close"]


def _symbol_element(element: str) -> str:
    """Return one element of a symbol as printed: digits for letters in a number, "I" for "l" in a body's name.

    A body's element is upper case ("E/lCEF/672" is E/ICEF/672); the grammar and the series
    catalogue then decide whether the repaired symbol exists.
    """
    core = element.split("(")[0]
    if _digit_count(core) and all(c.isdigit() or c in _CONFUSABLE for c in core):
        return element.translate(DIGIT_FOR)
    if "l" in core and core.isalpha() and core.replace("l", "").isupper():
        return element.replace("l", "I")
    return element


_SYMBOL_TOKEN_RE = re.compile(r"(?P<open>[(\[]?)(?P<head>.+?)(?P<close>[.,;:)\]]*)")


# What OCR gives for the "S" of a Security Council symbol set in a typescript: a dollar sign, an
# eight, a five, a section sign (also glued to the S), or a lower-case s.
SERIES_MISREADS = {"$": "S", "8": "S", "5": "S", "§": "S", "S§": "S", "$§": "S", "s": "S"}
_OLD_NUMBER_RE = re.compile(r"\d{5}")  # S/21029: the Council's numbering before 1994
_YEAR_OR_TYPE_RE = re.compile(r"(?:19[4-9]\d|20\d\d)|[A-Z]{2,}(?:\.\d+)?")


def _series(element: str) -> str:
    """Return a symbol's first element with OCR's misreadings of its letters undone ("$" -> "S")."""
    return SERIES_MISREADS.get(element, element.upper() if element.isalpha() else element)


def _series_evidence(first: str, rest: list[str]) -> bool:
    """Return True when the elements after a misread series show a symbol, not a date or a ratio.

    Three elements or more, or the old five-digit number; after a digit read for the S ("8/1997/1006"),
    a year or a document type must follow, never a day or a month ("8/12/1997" is a date).
    """
    if len(rest) >= 2:
        return not first.isdigit() or bool(_YEAR_OR_TYPE_RE.fullmatch(rest[0]))
    return bool(rest) and _OLD_NUMBER_RE.fullmatch(rest[-1]) is not None


def repaired_symbol(text: str) -> str | None:
    """Return a symbol as printed where OCR misread it ("S/1998/l44", "$/1998/144" -> "S/1998/144"), or None.

    The numbers' letters are read as digits; the series only where its misreading leaves a symbol
    of three elements or more, or of the Council's old five-digit numbering ("S/2" and "5/2" are
    not taken for each other). The symbol grammar must accept the result where it refused the token
    as read.
    """
    m = _SYMBOL_TOKEN_RE.fullmatch(text)
    if m is None:
        return None
    head = m["head"]
    elements = head.split("/")
    rest = [_symbol_element(e) for e in elements[1:]]
    series = _series(elements[0]) if _series_evidence(elements[0], rest) else elements[0]
    fixed = "/".join([series, *rest])
    if fixed == head or try_parse(head) is not None or try_parse(fixed) is None:
        return None
    return m["open"] + fixed + m["close"]


def _digit_word(word: OcrWord, ctx: Context) -> OcrWord:
    """Return the word with digits for letters where a number or a symbol shows it (else the word)."""
    text = word.text
    fixed = repaired_symbol(text) if "/" in text else repaired_number(text, ctx)
    return replace(word, text=fixed) if fixed else word


def digits(lines: Lines, ctx: Context) -> Lines:
    """Letters read for digits inside numbers and symbols."""
    return [[_digit_word(w, ctx) for w in line] for line in lines]


# --- 2. Braces for brackets ---------------------------------------------------------------

# OCR reads a round bracket of a typescript as a brace; the UN Editorial Manual sets no braces in
# running text, so a brace that opens or closes a word is a bracket.
_BRACE_OPEN_RE = re.compile(r"^\{(?=[^\W_]|[$§])")
_BRACE_CLOSE_RE = re.compile(r"(?<=[^\W_]|[.)])\}(?=[.,;:]?$)")


def repaired_brackets(text: str) -> str | None:
    """Return a word with its braces read as round brackets ("{see" -> "(see", "381}," -> "381),"), or None."""
    fixed = _BRACE_CLOSE_RE.sub(")", _BRACE_OPEN_RE.sub("(", text))
    return fixed if fixed != text else None


def brackets(lines: Lines, ctx: Context) -> Lines:
    """Round brackets read as braces."""
    del ctx
    out = []
    for line in lines:
        new = []
        for w in line:
            fixed = repaired_brackets(w.text) if "{" in w.text or "}" in w.text else None
            new.append(replace(w, text=fixed) if fixed else w)
        out.append(new)
    return out


# --- 3. Symbols as the document prints them ----------------------------------------------

MAX_SYMBOL_EDITS = 2


def edit_distance(a: str, b: str) -> int:
    """Return the edit (Levenshtein) distance of two strings, keeping one row of the table, of the shorter."""
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def document_symbols(spelled: Counter[str]) -> tuple[str, ...]:
    """Return the symbols the document prints at least twice (a running head, the masthead, citations), each
    counted as the digits step repairs it: a running head read "$/2025/40" on every page is "S/2025/40"."""
    counts: Counter[str] = Counter()
    for t, n in spelled.items():
        if "/" in t:
            symbol = t if try_parse(t) is not None else repaired_symbol(t)
            if symbol is not None:
                counts[symbol] += n
    return tuple(sorted(s for s, n in counts.items() if n >= 2))


def _nearest_symbol(head: str, symbols: tuple[str, ...]) -> str | None:
    """Return the one document symbol a misread symbol stands for, or None (see `repaired_from_document`)."""
    if try_parse(head) is not None:
        return head
    number = head.rsplit("/", 1)[1]
    limit = min(MAX_SYMBOL_EDITS, len(head) // 4)
    near = [
        s
        for s in symbols
        if s.rsplit("/", 1)[1] == number and abs(len(s) - len(head)) <= limit and edit_distance(s, head) <= limit
    ]
    return near[0] if len(near) == 1 else None


def repaired_from_document(text: str, symbols: tuple[str, ...]) -> str | None:
    """Return a misread symbol as the document prints it elsewhere ("Avs6/385" -> "A/56/385"), or None.

    The token must not parse as a symbol; exactly one of the document's symbols must end with
    the same number and lie within MAX_SYMBOL_EDITS edits (a quarter of its length at most). A
    double symbol ("Av/79/729-99/2025/40") is repaired part by part, each part on its own.
    """
    m = _SYMBOL_TOKEN_RE.fullmatch(text)
    if m is None or "/" not in m["head"] or try_parse(m["head"]) is not None:
        return None
    parts = m["head"].split("-")
    if not all("/" in part for part in parts):
        parts = [m["head"]]  # a hyphen inside one symbol's element
    fixed = [_nearest_symbol(part, symbols) for part in parts]
    if any(f is None for f in fixed):
        return None
    return m["open"] + "-".join(f for f in fixed if f) + m["close"]


def spelled_symbols(lines: Lines, ctx: Context) -> Lines:
    """Symbols misread beyond the digits step's reach, set as the document prints them elsewhere."""
    if not ctx.symbols:
        return lines
    out = []
    for line in lines:
        new = []
        for w in line:
            fixed = repaired_from_document(w.text, ctx.symbols) if "/" in w.text else None
            new.append(replace(w, text=fixed) if fixed else w)
        out.append(new)
    return out


# --- 4. Note markers ----------------------------------------------------------------------

# The "N/" note markers of the old UN typescripts (underlined: "lU/_"), as OCR reads them.
_MARKER_RE = re.compile(r"(?P<num>[\dlI|U]{1,3})/(?P<tail>_?[.,;:)]*)")
# What each letter can stand for in a marker: "U" is a 4 (or a 1 under its underline).
_MARKER_DIGITS = {"l": "1", "I": "1", "|": "1", "U": "41"}


def _marker_readings(num: str) -> list[str]:
    """Return the numbers a marker's characters can stand for, the likeliest first."""
    readings = [""]
    for c in num:
        options = c if c.isdigit() else _MARKER_DIGITS[c]
        readings = [r + d for r in readings for d in options]
    return readings


def repaired_marker(text: str, ctx: Context) -> str | None:
    """Return a misread "N/" note marker as digits ("l/" -> "1/", "U/" -> "4/" beside "3/"), or None.

    A reading is kept when the document has the note before or after it, or it is the first note.
    """
    m = _MARKER_RE.fullmatch(text)
    if m is None or m["num"].isdigit():
        return None
    for reading in _marker_readings(m["num"]):
        n = int(reading)
        if n == 1 or ctx.printed(f"{n - 1}/") or ctx.printed(f"{n + 1}/"):
            return f"{n}/{m['tail']}"
    return None


# A note's "1" in small raised type reads "!": as the label that opens a note at the foot ("! The
# text of the speech ...") and glued to the word it follows ("attached)!"). No sentence opens
# with "!", and the Editorial Manual sets no "!" after a bracket or a stop.
SMALL_LABEL = 0.7  # of the page's median word height: a note's label is set smaller
_BANG_AFTER_MARK_RE = re.compile(r"(?<=[)\].,;:”’\"])!$")


#: A note may open with a web address, in lower case ("1 http://legal.un.org/repertory.").
_NOTE_ADDRESS = ("http://", "https://", "www.")


def bang_label(line: list[OcrWord], height: float) -> bool:
    """Return True when a line opens with a lone small "!" before a word or a web address: a note labelled 1."""
    if len(line) < 2 or line[0].text != "!":
        return False
    opens = line[1].text[:1].isupper() or line[1].text.startswith(_NOTE_ADDRESS)
    return line[0].top - line[0].bottom < SMALL_LABEL * height and opens


def _bang_markers(lines: Lines) -> Lines:
    """Read "!" as "1" in a page's note label and the markers glued after a bracket or a stop, if it has that label."""
    heights = [w.top - w.bottom for line in lines for w in line]
    height = statistics.median(heights) if heights else 0.0
    if not any(bang_label(line, height) for line in lines):
        return lines
    out = []
    for line in lines:
        first = [replace(line[0], text="1")] if bang_label(line, height) else line[:1]
        rest = [replace(w, text=w.text[:-1] + "1") if _BANG_AFTER_MARK_RE.search(w.text) else w for w in line[1:]]
        out.append(first + rest)
    return out


def note_markers(lines: Lines, ctx: Context) -> Lines:
    """The "1/" note markers of old UN documents read "l/" or "U/"; a note's "1" read "!"."""
    out = []
    for line in lines:
        new = []
        for w in line:
            fixed = repaired_marker(w.text, ctx) if "/" in w.text else None
            new.append(replace(w, text=fixed) if fixed else w)
        out.append(new)
    return _bang_markers(out)


# --- 5. Roman numerals --------------------------------------------------------------------

_ROMAN_VALID_RE = re.compile(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_TOKEN_RE = re.compile(r"(?P<open>\(?)(?P<body>[IVXLCl|\]]+)(?P<close>[.)]?[.,;:]?)")
# What OCR gives for the I of a roman numeral: a lower-case l, a bar, a closing bracket ("I]").
_ROMAN_I = str.maketrans({"l": "I", "|": "I", "]": "I"})
# The words a part's number follows (UN Editorial Manual: parts, chapters and annexes are
# numbered with roman numerals), in the languages of the typescripts.
ROMAN_HEADS = frozenset(
    "part chapter annex section title article partie chapitre annexe titre parte capítulo anexo sección título".split()
)


def _roman_place(line: list[OcrWord], i: int) -> bool:
    """Return True where a roman numeral is expected: a heading's number, after a part's name, in brackets."""
    text = line[i].text
    if text.startswith("(") or text.endswith((".", ")")):
        return True
    before = line[i - 1].text.lower().strip(".,:") if i else ""
    return before in ROMAN_HEADS or len(line) <= 2


def repaired_roman(line: list[OcrWord], i: int, ctx: Context) -> str | None:
    """Return a roman numeral with "I" for a misread "l", "|" or "]" ("VIl", "I]" -> "VII", "II"), or None.

    The token must hold a misread I and an upper-case numeral letter, and be a valid numeral once
    repaired; a word of the language ("Il", "Ill") only where a numeral is expected.
    """
    m = _ROMAN_TOKEN_RE.fullmatch(line[i].text)
    if m is None or not any(c in m["body"] for c in "l|]") or not any(c in m["body"] for c in "IVX"):
        return None
    fixed = m["body"].translate(_ROMAN_I)
    if not _ROMAN_VALID_RE.fullmatch(fixed):
        return None
    body = m["body"]
    titled = body[1:].isalpha() and body[1:].islower()  # "Il", "Ill": a capitalised word's shape
    if (ctx.known(body.lower()) or titled) and not _roman_place(line, i):
        return None
    return m["open"] + fixed + m["close"]


def roman(lines: Lines, ctx: Context) -> Lines:
    """Broken roman numerals ("Il" -> "II") in headings and parts."""
    out = []
    for line in lines:
        new = []
        for i, w in enumerate(line):
            fixed = repaired_roman(line, i, ctx) if any(c in w.text for c in "l|]") else None
            new.append(replace(w, text=fixed) if fixed else w)
        out.append(new)
    return out


# --- 6. Hyphenated line ends --------------------------------------------------------------

_HALF_RE = re.compile(r"[^\W\d_]+")
_TAIL_RE = re.compile(r"(?P<word>[^\W\d_]+)(?P<rest>.*)")


def joins(first: str, second: str, ctx: Context) -> bool:
    """Return True when "first-" at a line end and "second" on the next line are one word split.

    Joined when the document writes the whole word, or when it is a word and the second half is
    no common word on its own; kept when the document prints the compound with its hyphen.
    """
    whole = first + second
    if ctx.printed(f"{first}-{second}"):
        return False
    if ctx.printed(whole) or ctx.printed(whole.lower()):
        return True
    return zipf(whole, ctx.language) >= 2.5 and zipf(second, ctx.language) < 3.0


def _split_word(line: list[OcrWord]) -> str | None:
    """Return the first half of a word a line ends with ("gover-" -> "gover"), or None."""
    if not line or not line[-1].text.endswith("-"):
        return None
    half = line[-1].text[:-1]
    return half if _HALF_RE.fullmatch(half) else None


def _join_pair(this: list[OcrWord], nxt: list[OcrWord], ctx: Context) -> bool:
    """Join the split word across two lines in place of the copies given; return True if joined."""
    first = _split_word(this)
    m = _TAIL_RE.fullmatch(nxt[0].text) if first and nxt else None
    if first is None or m is None or not joins(first, m["word"], ctx):
        return False
    this[-1] = replace(this[-1], text=first + nxt[0].text)
    del nxt[0]
    return True


def hyphens(lines: Lines, ctx: Context) -> Lines:
    """A word split over two lines with "-" joined on the first line; real hyphens kept."""
    out = [list(line) for line in lines]
    for i in range(len(out) - 1):
        _join_pair(out[i], out[i + 1], ctx)
    return [line for line in out if line]


# --- 7. Specks ----------------------------------------------------------------------------

SPECKS = frozenset(".,'`’‘·")
MAX_SPECK_CONF = 60.0  # the engine's confidence in a true stop is higher
SPECK_SIZE = 0.3  # of the line's median word height: a stop is larger in a typescript's letters


def is_speck(line: list[OcrWord], i: int, height: float) -> bool:
    """Return True when the word is a lone mark of dust: tiny, doubtful, and not inside a number."""
    w = line[i]
    if w.text not in SPECKS or w.conf >= MAX_SPECK_CONF:
        return False
    if w.right - w.left > SPECK_SIZE * height or w.top - w.bottom > SPECK_SIZE * height:
        return False
    before = line[i - 1].text if i else ""
    after = line[i + 1].text if i + 1 < len(line) else ""
    return not (before[-1:].isdigit() and after[:1].isdigit())


def specks(lines: Lines, ctx: Context) -> Lines:
    """Stray specks read as punctuation dropped."""
    del ctx
    out = []
    for line in lines:
        heights = [w.top - w.bottom for w in line if w.text not in SPECKS]
        height = statistics.median(heights) if heights else 0.0
        out.append([w for i, w in enumerate(line) if not (height and is_speck(line, i, height))])
    return [line for line in out if line]


# --- 8. Arabic marks ----------------------------------------------------------------------

#: An Arabic letter (hamza to yeh, and the Persian and Urdu letters Arabic print borrows).
_ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"
#: The marks of the Arabic script over or under a letter (harakat, tanween, shadda, sukun, dagger alif) and the
#: tatweel: wordfreq lists words without them.
_HARAKAT_RE = re.compile("[\u064b-\u0652\u0670\u0640]")
#: "»" that ends a word, glued after an Arabic letter, a digit or a bracket ("الوقود»", "(3)»"); with a stop or
#: a semicolon after it ("(20854)»؛") it may be another mark, and is left.
_GUILLEMET_COMMA_RE = re.compile(f"(?<=[{_ARABIC_LETTER}\\d)])»$")
#: A final hamza that ends a word of Arabic letters (harakat among them).
_HAMZA_COMMA_RE = re.compile(f"^(?P<word>[{_ARABIC_LETTER}\u064b-\u0652\u0670\u0640]+?)ء$")
#: A word with a final hamza is no word below this Zipf value; the word without it is one from this value on
#: ("النساء" 5.4 stays; "انجلاء" 1.8 stays; "الاختصاصاتء" 0 with "الاختصاصات" 3.5 is a comma).
HAMZA_UNKNOWN, HAMZA_STEM = 1.0, 1.5
ARABIC_COMMA = "\u060c"


def hamza_comma(text: str, ctx: Context) -> str | None:
    """Return a word whose final "ء" is the Arabic comma misread ("للحربء" -> "للحرب،"), or None.

    The word with the hamza must be no word (HAMZA_UNKNOWN, by wordfreq: the document's count holds this very
    token) and the word without it one (HAMZA_STEM, or printed bare elsewhere in the document): a hamza that ends a
    word ("النساء", "سواء") stays. Harakat are dropped before looking a word up.
    """
    m = _HAMZA_COMMA_RE.match(text)
    if m is None:
        return None
    bare = _HARAKAT_RE.sub("", m["word"])
    if zipf(bare + "ء", ctx.language) >= HAMZA_UNKNOWN:
        return None
    if zipf(bare, ctx.language) < HAMZA_STEM and not ctx.printed(m["word"]):
        return None
    return m["word"] + ARABIC_COMMA


def guillemet_comma(text: str, open_quotes: int) -> str | None:
    """Return a word whose final "»" is the Arabic comma misread ("الوقود»" -> "الوقود،"), or None: only where no
    "«" is open (`open_quotes`), since a quotation in Arabic print opens with "«" and this mark would close it."""
    if open_quotes > 0 or "»" not in text:
        return None
    fixed = _GUILLEMET_COMMA_RE.sub(ARABIC_COMMA, text)
    return fixed if fixed != text else None


def _open_after(text: str, open_quotes: int) -> int:
    """Return how many "«" stand open after a word, from those open before it."""
    for c in text:
        if c == "«":
            open_quotes += 1
        elif c == "»" and open_quotes:
            open_quotes -= 1
    return open_quotes


def arabic_commas(lines: Lines, ctx: Context) -> Lines:
    """The Arabic comma read as "»" where no quotation is open, or as a final hamza where that makes no word."""
    out, open_quotes = [], 0
    for line in lines:
        new = []
        for w in line:
            fixed = guillemet_comma(w.text, open_quotes) or (hamza_comma(w.text, ctx) if "ء" in w.text else None)
            open_quotes = _open_after(w.text, open_quotes)
            new.append(replace(w, text=fixed) if fixed else w)
        out.append(new)
    return out


#: What the engine reads for the small square bullet of an Arabic list, glued before the item's first word or
#: alone before it: quotation marks, "#", "*", "»", the Arabic-Indic zero "٠" (a small square read as a digit), and
#: pairs of them ("#\"", "*\"").
BULLET_MISREADS = "\"“”#*»•■▪◾٠"
_BULLET_MISREAD_RE = re.compile(f"^(?P<mark>[{BULLET_MISREADS}]{{1,2}})(?=[{_ARABIC_LETTER}])")
BULLET = "▪"
#: The mark that would close a quotation each misread could open.
_CLOSERS = {'"': '"', "“": "”", "”": "”"}


def bullet_misread(line: list[OcrWord]) -> str | None:
    """Return the marks a line's first word opens with when they are a list's bullet misread, or None.

    The marks stand glued before an Arabic letter, and none of them is a quotation mark that closes later in the
    line (a quotation in Arabic print opens with "«", and one that opens with '"' closes with it).
    """
    if not line:
        return None
    first = line[0].text
    if len(line) > 1 and len(first) <= 2 and all(c in BULLET_MISREADS for c in first):
        first += line[1].text  # the bullet read as a word of its own, before the item's first word
    m = _BULLET_MISREAD_RE.match(first)
    if m is None:
        return None
    rest = first[m.end():] + " " + " ".join(w.text for w in line[1:])
    closers = {_CLOSERS[c] for c in m["mark"] if c in _CLOSERS}
    return None if any(c in rest for c in closers) else m["mark"]


def _bullet_split(word: OcrWord, mark: str) -> list[OcrWord]:
    """Return a word opened by a misread bullet as the bullet and the word: the bullet on the right (Arabic runs
    right to left), as wide as the marks' share of the word's letters; a bullet read alone is set as the bullet."""
    if len(word.text) <= len(mark):
        return [replace(word, text=BULLET)]
    cut = word.right - (word.right - word.left) * len(mark) / len(word.text)
    return [replace(word, text=BULLET, left=cut), replace(word, text=word.text[len(mark):], right=cut)]


def arabic_bullets(lines: Lines, ctx: Context) -> Lines:
    """A list's bullet read as a quotation mark, "#", "*" or "»" before a line's first word, set as a bullet."""
    del ctx
    out = []
    for line in lines:
        mark = bullet_misread(line)
        out.append(_bullet_split(line[0], mark) + line[1:] if mark else line)
    return out


# --- Web addresses ------------------------------------------------------------------------

#: A word that is a web address: a scheme or "www." at its head (after an opening bracket).
_ADDRESS_HEAD_RE = re.compile(r"^[(\[]?(?:https?://|www\.)", re.IGNORECASE)
#: A run of letters and digits inside an address, between its punctuation (the groups of an identifier).
_ADDRESS_RUN_RE = re.compile(r"[0-9A-Za-z£]+")
#: A hexadecimal identifier's group as OCR reads it: lower-case hex digits with "O" for 0 and "£" for f among them.
_HEX_RUN_RE = re.compile(r"[0-9a-f]*[0-9][0-9a-fO£]*|[0-9a-fO£]*[0-9][0-9a-f]*")
#: A query's "?" read as a figure ("status/1875267125788713374?mx=2" read "…37142mx=2"): a figure glued after the
#: figures of a path segment and before a parameter's name and "=".
_QUERY_MARK_RE = re.compile(r"(?:^|(?<=/))(?P<digits>\d{6,}?)[27](?=[a-z_]{1,12}=)")
#: A line that ends so has its address go on at the next line's start (no stop, comma or bracket after it).
_ADDRESS_OPEN_END_RE = re.compile(r"[\w/\-=?&%#~+]$")


def _hex_run(m: re.Match[str]) -> str:
    """Return a run of an address with "O" read as 0 and "£" as f where the run is a hex group otherwise."""
    run = m.group()
    if ("O" in run or "£" in run) and _HEX_RUN_RE.fullmatch(run) and any(c in "abcdef" for c in run):
        return run.replace("O", "0").replace("£", "f")
    return run


def repaired_address(text: str, head: str = "") -> str | None:
    """Return a web address with OCR's misreadings undone, or None (the word is none, or nothing changes).

    `head` is the address's part on the line before, where the word goes on with it (the word then needs no
    scheme of its own). The URL grammar decides (RFC 3986 allows ASCII only; a query opens with "?"): a "£"
    inside an address is no address character, and within a group of hexadecimal digits (an identifier:
    "…-39b1a601cOcaf") it is the "f", as an "O" there is the 0 (a group that holds other letters is a word, and
    stays); a figure "2" or "7" after a path segment of figures and before "name=" is the query's "?" where the
    address has none.
    """
    if not head and not _ADDRESS_HEAD_RE.match(text):
        return None
    fixed = _ADDRESS_RUN_RE.sub(_hex_run, text)
    if "?" not in fixed and "?" not in head:
        fixed = _QUERY_MARK_RE.sub(lambda m: m["digits"] + "?", fixed, count=1)
    return fixed if fixed != text else None


def _address_head(line: list[OcrWord]) -> str:
    """Return the address a line ends with, where it may go on at the next line's start ("" where none does)."""
    last = line[-1].text if line else ""
    if _ADDRESS_HEAD_RE.match(last) and _ADDRESS_OPEN_END_RE.search(last):
        return last
    return ""


#: A word after an address on its line goes on with it when it holds a path's marks: the engine splits a long
#: address at a space it sees in the print ("https://x.com/NasimiA" "ghayev/status/…"), prose has none of these.
_PATH_MARK_RE = re.compile(r"[/=%#]")


def _goes_on(line: list[OcrWord], k: int, head: str) -> str:
    """Return the address that word `k` of a line goes on with ("" where it starts none): the address the line
    before ended with (`head`, for the first word), or the address word before it on the line when the word holds a
    path's marks (_PATH_MARK_RE)."""
    if k == 0:
        return head
    before = line[k - 1].text
    if _PATH_MARK_RE.search(line[k].text) and (_ADDRESS_HEAD_RE.match(before) or (k == 1 and head)):
        return before
    return ""


def addresses(lines: Lines, ctx: Context) -> Lines:
    """Web addresses misread: hex digits read as letters, a query's "?" read as a figure (also on the line where an
    address goes on, and in a word the engine split off an address)."""
    del ctx
    out = []
    head = ""
    for line in lines:
        new = []
        for k, w in enumerate(line):
            before = _goes_on(line, k, head)
            fixed = repaired_address(w.text, before) if before or "://" in w.text or "www." in w.text else None
            new.append(replace(w, text=fixed) if fixed else w)
        out.append(new)
        head = _address_head(new)
    return out

# --- Web addresses in pieces -----------------------------------------------------------------

#: A word that starts this far (points) inside the address word before it on its line is the rest of it: two words
#: of print never overlap, and the engine gives a long address's box whole and its text cut (the tail read apart).
OVERLAP_PT = 1.0
#: A piece that may go on with an address: characters of an address only (RFC 3986's unreserved and delimiters),
#: one figure at least (an identifier's group, a path's number), stops or a bracket after it.
_CODE_PIECE_RE = re.compile(r"(?=\S*\d)[0-9A-Za-z\-._~/?=&%#+]+(?P<end>[.,;:)\]]*)")
#: An address that ends so is cut inside a group of letters and figures (no stop, no slash, no bracket after it).
_ADDRESS_CUT_RE = re.compile(r"[0-9A-Za-z_\-=]$")


def _second_reading(tail: str, text: str) -> bool:
    """Return True when `tail` reads again ink that `text` already ends with: half its letters or more in one
    common stretch with the end of `text` (the engine's second reading of an address's end, not its rest)."""
    bare = tail.rstrip(".,;:)]")
    return 2 * _common_stretch(bare, text[-len(tail) - 2:]) >= max(3, len(bare))


def _common_stretch(a: str, b: str) -> int:
    """Return the length of the longest stretch two short texts have in common."""
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


def _code_piece(text: str, ctx: Context) -> bool:
    """Return True when a word can only be a piece of an address: its characters (_CODE_PIECE_RE), a figure among
    them, and no word the language or the document knows ("1b-8edd-40f4-93", "1"; not "2024" with a letter)."""
    if not _CODE_PIECE_RE.fullmatch(text):
        return False
    bare = text.rstrip(".,;:)]")
    # Not ctx.known: the document's words are the engine's, this piece among them; a word is printed twice.
    return bare.isdigit() or (zipf(bare.lower(), ctx.language) < 3.0 and ctx.printed(bare) < 2)


#: A tail's middle stands within this share of the address's height of the address's middle. Looser, a piece set
#: higher is glued and the page builder sets the whole address's letters into the row below (the simulated scan of
#: A/79/796: middles 3 points apart on a word 12 points high, its note's text garbled).
SAME_ROW = 0.2


def _same_row(word: OcrWord, before: OcrWord) -> bool:
    """Return True when `word` stands on the row of `before` (SAME_ROW) and right of its start (a piece of the next
    row, which the engine may give the same line, starts at the left margin)."""
    shift = abs((word.bottom + word.top) - (before.bottom + before.top)) / 2
    return shift <= SAME_ROW * (before.top - before.bottom) and word.left > before.left


def is_address_tail(word: OcrWord, before: OcrWord, ctx: Context) -> bool:
    """Return True when `word`, next on its line after the address word `before`, is the rest of that address.

    The engine splits a long address where it sees a gap in the print: its box then covers the word after it
    (`OVERLAP_PT`: print has no overlapping words: "…/asset/k1x/k1" "xdmqs9iv."), or the address is cut inside a
    group (_ADDRESS_CUT_RE) and the word after it is a code piece (`_code_piece`: "…ashx?d=6bfd0" "1"
    "1b-8edd-40f4-93"). An overlapping word that reads the address's end again is no tail (`_second_reading`).
    """
    if not _ADDRESS_HEAD_RE.match(before.text) or not _same_row(word, before):
        return False
    if word.left < before.right - OVERLAP_PT:
        return not _second_reading(word.text, before.text)
    return bool(_ADDRESS_CUT_RE.search(before.text)) and _code_piece(word.text, ctx)


def address_tails(lines: Lines, ctx: Context) -> Lines:
    """A web address the engine read in pieces on one line glued into one word (see `is_address_tail`)."""
    out = []
    for line in lines:
        new: list[OcrWord] = []
        for w in line:
            if new and is_address_tail(w, new[-1], ctx):
                last = new[-1]
                # The address's own height and baseline stay: the page builder sets its letters on its line by them.
                new[-1] = replace(last, text=last.text + w.text, right=max(last.right, w.right))
            else:
                new.append(w)
        out.append(new)
    return out


# --- Lost spaces ----------------------------------------------------------------------------

#: A word the language's lists hardly know (wordfreq below this) may be two words the engine read as one...
GLUED_BELOW = 1.0
#: ...when it splits once into a function word of the language (this common or more: "we", "in", "and", "at"; not
#: "out", "over", "time", which begin solid compounds)...
FUNCTION_WORD = 6.5
#: ...and a word this common, of three letters or more (a second split with its other part at AMBIGUOUS_SPLIT
#: leaves the word whole).
SPLIT_WORD = 3.5
AMBIGUOUS_SPLIT = 2.5
_GLUED_RE = re.compile(r"(?P<open>[(\[\"'“‘]*)(?P<word>[^\W\d_]{5,})(?P<close>[.,;:!?)\]\"'”’]*)")
#: English only: on the dev corpus's French and Spanish texts the test splits misread words ("autrès": "au très").
_SPACED_LANGUAGES = frozenset(("en",))


def _split_points(word: str, language: str) -> list[tuple[int, float]]:
    """Return the places a word splits into a function word and another word of three letters or more
    (FUNCTION_WORD, AMBIGUOUS_SPLIT), each with the other part's frequency. A capitalised word splits only after
    its function word ("Weemphasize"; "Hansin" is a name, not "Hans in")."""
    out = []
    for i in range(2, len(word) - 1):
        head, tail = zipf(word[:i].lower(), language), zipf(word[i:].lower(), language)
        if head >= FUNCTION_WORD and tail >= AMBIGUOUS_SPLIT and len(word) - i >= 3:
            out.append((i, tail))
        elif tail >= FUNCTION_WORD and head >= AMBIGUOUS_SPLIT and i >= 3 and word[0].islower():
            out.append((i, head))
    return out


def repaired_spacing(text: str, ctx: Context) -> str | None:
    """Return a word the engine read without the space inside it as two words ("Weemphasize" -> "We emphasize",
    "presentationsand"), or None.

    Decided by wordfreq and the document: the word as read is no word of the language (GLUED_BELOW), the
    document prints it nowhere else, it is no acronym and no name in two capitals ("WeWorld"), and it splits at one
    place only into a function word and a common word that the document prints elsewhere ("Wereaffirm" splits two
    ways, "We reaffirm" and "Were affirm", and stays). Solid compounds of two content words ("counterterrorism",
    "crowdfunding") have no function word, and stay.
    """
    m = _GLUED_RE.fullmatch(text)
    if m is None or ctx.language not in _SPACED_LANGUAGES:
        return None
    word = m["word"]
    if not word[1:].islower() or zipf(word.lower(), ctx.language) >= GLUED_BELOW or ctx.printed(word) > 1:
        return None
    points = _split_points(word, ctx.language)
    if len(points) != 1 or points[0][1] < SPLIT_WORD:
        return None
    i = points[0][0]
    head, tail = word[:i], word[i:]
    content = tail if zipf(head.lower(), ctx.language) >= FUNCTION_WORD else head
    if not ctx.printed(content.lower()):
        return None  # a name ("Atrun", "Asbat") splits into a word the document never prints
    return f"{m['open']}{word[:i]} {word[i:]}{m['close']}"


def _split_word_box(w: OcrWord, text: str) -> list[OcrWord]:
    """Return a word read again as the words of `text`, sharing its box by their letters."""
    first, second = text.split(" ")
    cut = w.left + (w.right - w.left) * len(first) / (len(first) + len(second))
    return [replace(w, text=first, right=round(cut, 2)), replace(w, text=second, left=round(cut, 2))]


def spaces(lines: Lines, ctx: Context) -> Lines:
    """Two words the engine read as one set apart (see `repaired_spacing`)."""
    out = []
    for line in lines:
        new: list[OcrWord] = []
        for w in line:
            fixed = repaired_spacing(w.text, ctx) if len(w.text) >= 5 else None
            new.extend(_split_word_box(w, fixed) if fixed else (w,))
        out.append(new)
    return out


# --- Dashes ---------------------------------------------------------------------------------

#: A dash of its own narrower than this share of its line's median word height is an en dash: an em dash is an em
#: wide (about 1.5 times a word's height, ascenders to descenders: 1.45-1.52 on the simulated scans of A/79/PV.64),
#: an en dash half that (0.72-0.80 on those of E/C.2/2025/2/Add.3). The engine with English data never gives "–".
DASH_EM = 1.0
#: What the engine gives for a dash standing alone: an em dash, or a tilde (no mark of prose).
_LONE_DASHES = frozenset(("—", "~", "~—", "—~"))
#: An em dash between figures, or after figures at a word's end (a range cut at the line's end).
_RANGE_DASH_RE = re.compile(r"(?<=\d)—(?=\d|$)")


def repaired_dash(text: str, width: float, height: float, language: str) -> str | None:
    """Return the dash a word stands for, or None (no dash, or no change).

    A dash of its own is told by its width against the line's word height (DASH_EM): the en dash "–" (the UN
    Editorial Manual sets spaced en dashes in English text) or the em dash "—". Between figures the dash is a
    range's, which the Manual sets as an en dash ("2027–2036", "pp. 75–83"); not in Russian, whose typography
    sets ranges and pauses with its own dash.
    """
    if text in _LONE_DASHES:
        if height <= 0:
            return None  # a line without words: nothing to measure the dash against
        dash = "–" if width < DASH_EM * height else "—"
        return dash if dash != text else None
    if "—" in text and language != "ru":
        fixed = _RANGE_DASH_RE.sub("–", text)
        return fixed if fixed != text else None
    return None


def dashes(lines: Lines, ctx: Context) -> Lines:
    """Dashes read as em dashes or tildes set as the print shows them (see `repaired_dash`)."""
    out = []
    for line in lines:
        heights = [w.top - w.bottom for w in line if w.text.isalpha()]
        height = statistics.median(heights) if heights else 0.0
        new = []
        for w in line:
            fixed = repaired_dash(w.text, w.right - w.left, height, ctx.language) if "—" in w.text or "~" in w.text \
                else None
            new.append(replace(w, text=fixed) if fixed else w)
        out.append(new)
    return out


#: The steps of a page read with Arabic data, after STEPS.
ARABIC_STEPS: tuple[tuple[str, Step], ...] = (
    ("arabic_commas", arabic_commas),
    ("arabic_bullets", arabic_bullets),
)

STEPS: tuple[tuple[str, Step], ...] = (
    ("specks", specks),
    ("brackets", brackets),
    ("digits", digits),
    ("address_tails", address_tails),
    ("addresses", addresses),
    ("spelled_symbols", spelled_symbols),
    ("note_markers", note_markers),
    ("roman", roman),
    ("hyphens", hyphens),
    ("spaces", spaces),
    ("dashes", dashes),
)


# What stands around a word in print, never part of it ("programme," counts as "programme").
_AROUND = ".,;:!?()[]\"'“”‘’«»"


def spellings(vocabulary: Counter[str]) -> Counter[str]:
    """Return the document's words as counted (tokens as OCR read them) and without the marks around them."""
    out = Counter(vocabulary)
    for token, n in vocabulary.items():
        bare = token.strip(_AROUND)
        if bare != token and bare:
            out[bare] += n
    return out


def repair_words(
    lines: list[list[OcrWord]],
    language: str,
    vocabulary: Counter[str],
    steps: tuple[str, ...] | None = None,
) -> list[list[OcrWord]]:
    """Return one page's OCR lines after the named repair steps; `vocabulary` counts the document's words.

    `vocabulary` holds the words' texts as OCR read them (a token may carry its stop or comma).
    `steps` names the steps to run (all by default), in the order of STEPS.
    """
    spelled = spellings(vocabulary)
    ctx = Context(language, spelled, document_symbols(spelled))
    for name, step in STEPS + (ARABIC_STEPS if language == "ar" else ()):
        if steps is None or name in steps:
            lines = step(lines, ctx)
    return lines
