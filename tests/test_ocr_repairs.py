"""read.ocr.repairs: each named step, its cases and its non-cases (a right word never made wrong)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from unref.read.ocr.repairs import (
    STEPS,
    Context,
    document_symbols,
    joins,
    repair_words,
    repaired_address,
    repaired_brackets,
    repaired_dash,
    repaired_from_document,
    repaired_marker,
    repaired_number,
    repaired_roman,
    repaired_spacing,
    repaired_symbol,
)
from unref.read.ocr.words import OcrWord


def words(text: str, line: int = 0, top: float = 700.0, conf: float = 90.0) -> list[OcrWord]:
    """Return one line of words 10 points high, laid out left to right."""
    out, x = [], 72.0
    for t in text.split():
        out.append(OcrWord(t, x, top - 10, x + 6 * len(t), top, conf, line))
        x += 6 * len(t) + 4
    return out


def texts(lines: list[list[OcrWord]]) -> list[str]:
    return [" ".join(w.text for w in line) for line in lines]


EN = Context("en", Counter())


@pytest.mark.parametrize(
    ("token", "fixed"),
    [
        ("l995", "1995"),
        ("(l995)", "(1995)"),
        ("l995.", "1995."),
        ("1,OOO", "1,000"),
        ("2O25", "2025"),
        ("1S0", "150"),
        ("Sierra", None),
        ("SO", None),
        ("I", None),
        ("l", None),
        ("Il", None),
        ("1995", None),
        ("So", None),
        ("1st", None),
        ("IS", None),
        ("lO", None),  # no true digit: a word's letters as much as a number
        ("O.5", "0.5"),  # as many true digits as letters
        ("O.O5", None),  # more letters than digits
    ],
)
def test_digits_in_numbers(token: str, fixed: str | None) -> None:
    assert repaired_number(token, EN) == fixed


@pytest.mark.parametrize(
    ("token", "fixed"),
    [
        ("S/1998/l44", "S/1998/144"),
        ("S/l998/144", "S/1998/144"),
        ("A/44/88G", None),  # G is no digit's misreading
        ("S/RES/822", None),  # as read, a symbol
        ("S/2l029", "S/21029"),
        ("A/RES/48/l61,", "A/RES/48/161,"),
        ("S/RES/822 (l993)", None),  # one token per word: the year is its own token, a number
        ("and/or", None),
        ("l/", None),  # a marker, not a symbol
        ("E/lCEF/672", "E/ICEF/672"),
        ("A/HRC/WG.6/l4/ITA/1", "A/HRC/WG.6/14/ITA/1"),
        ("A/HRC/WG.6/14/ITA/l", None),  # a lone letter: no true digit shows it is a number
        ("$/1998/144", "S/1998/144"),
        ("($/1997/832),", "(S/1997/832),"),
        ("8/1997/1006", "S/1997/1006"),
        ("S§/2023/134", "S/2023/134"),
        ("s/21029", "S/21029"),
        ("8/12/1997", None),  # a date: a day, not a year, after the 8
        ("5/2", None),  # a ratio
        ("24/7", None),
        ("1/2/3", None),
    ],
)
def test_digits_in_symbols(token: str, fixed: str | None) -> None:
    assert repaired_symbol(token) == fixed


def test_digits_step_leaves_words() -> None:
    lines = [words("In l995 the Council of Sierra Leone (S/1998/l44) met in SO rooms; I said so")]
    assert texts(repair_words(lines, "en", Counter(), steps=("digits",))) == [
        "In 1995 the Council of Sierra Leone (S/1998/144) met in SO rooms; I said so"
    ]


@pytest.mark.parametrize(
    ("token", "fixed"),
    [
        ("{see", "(see"),
        ("(S/1996/381},", "(S/1996/381),"),
        ("1007}.", "1007)."),
        ("{", None),
        ("see", None),
        ("a{b", None),
    ],
)
def test_braces_read_as_brackets(token: str, fixed: str | None) -> None:
    assert repaired_brackets(token) == fixed


def test_braces_then_symbol() -> None:
    lines = [words("duties on 10 January 1998 {see 8/1997/1006 and 1007}.")]
    assert texts(repair_words(lines, "en", Counter())) == ["duties on 10 January 1998 (see S/1997/1006 and 1007)."]


@pytest.mark.parametrize(
    ("token", "vocabulary", "fixed"),
    [
        ("l/", {}, "1/"),
        ("I/", {}, "1/"),
        ("U/", {"3/": 1}, "4/"),
        ("U/", {"2/": 1}, "1/"),  # "1/" is always a first note
        ("lU/_", {"13/": 1}, "14/_"),
        ("l6/", {"15/": 1}, "16/"),
        ("l6/", {}, None),  # no note beside it
        ("3/", {}, None),  # right as read
        ("and/", {}, None),
        ("l'", {}, None),
    ],
)
def test_note_markers(token: str, vocabulary: dict[str, int], fixed: str | None) -> None:
    assert repaired_marker(token, Context("en", Counter(vocabulary))) == fixed


@pytest.mark.parametrize(
    ("line", "index", "lang", "fixed"),
    [
        ("Il. INTRODUCTION", 0, "en", "II."),
        ("Chapter VIl", 1, "en", "VII"),
        ("resolution 2200 A (XXIl)", 3, "en", "(XXII)"),
        ("Partie Il", 1, "fr", "II"),
        ("Il", 0, "fr", "II"),  # a heading alone on its line
        ("Il est donc encourageant de constater", 0, "fr", "Il"),  # French prose
        ("Ill health is common", 0, "en", "Ill"),
        ("the Villa of", 1, "en", "Villa"),
        ("in VIl and", 1, "en", "VII"),  # no word: a numeral wherever it stands
        ("in Xl and", 1, "en", "Xl"),  # "xl" is a word (a size): only where a numeral is expected
        ("Annex Xl", 1, "en", "XI"),
        ("in IV and", 1, "en", "IV"),
        ("il a dit", 0, "fr", "il"),
        ("the Esquipulas I] Agreements", 2, "en", "II"),
        ("Chapter I|", 1, "en", "II"),
        ("see [I]", 1, "en", "[I]"),  # a bracket that opens is no misread I
    ],
)
def test_roman_numerals(line: str, index: int, lang: str, fixed: str) -> None:
    row = words(line)
    got = repaired_roman(row, index, Context(lang, Counter()))
    assert (got or row[index].text) == fixed


@pytest.mark.parametrize(
    ("first", "second", "vocabulary", "joined"),
    [
        ("gover", "nment", {}, True),
        ("pro", "gramme", {}, True),
        ("inter", "national", {}, False),  # both halves words: "inter-national" kept... unless printed whole
        ("inter", "national", {"international": 2}, True),
        ("well", "being", {}, False),
        ("self", "determination", {}, False),
        ("non", "refoulement", {"non-refoulement": 1}, False),
        ("peace", "keeping", {"peace-keeping": 3}, False),
        ("Secretary", "General", {}, False),
    ],
)
def test_hyphen_joins(first: str, second: str, vocabulary: dict[str, int], joined: bool) -> None:
    assert joins(first, second, Context("en", Counter(vocabulary))) is joined


def test_hyphens_step_joins_across_lines() -> None:
    lines = [words("the gover-", 0, 700), words("nment, and the well-", 1, 686), words("being of all", 2, 672)]
    assert texts(repair_words(lines, "en", Counter(), steps=("hyphens",))) == [
        "the government,",
        "and the well-",
        "being of all",
    ]


def test_hyphens_step_drops_an_emptied_line() -> None:
    lines = [words("the gover-", 0, 700), words("nment", 1, 686)]
    assert texts(repair_words(lines, "en", Counter(), steps=("hyphens",))) == ["the government"]


def speck_line(mark: str, conf: float, size: float, before: str = "the", after: str = "Council") -> list[OcrWord]:
    row = words(f"{before} {after}")
    speck = OcrWord(mark, row[0].right + 1, 690.0, row[0].right + 1 + size, 690.0 + size, conf, 0)
    return [row[0], speck, row[1]]


@pytest.mark.parametrize(
    ("mark", "conf", "size", "before", "after", "dropped"),
    [
        (".", 20, 1.5, "the", "Council", True),
        (",", 30, 2.0, "the", "Council", True),
        ("'", 10, 1.0, "the", "Council", True),
        ("`", 40, 2.5, "the", "Council", True),
        (".", 95, 1.5, "the", "Council", False),  # confident: a true stop
        (".", 20, 6.0, "the", "Council", False),  # as large as a letter
        (".", 20, 1.5, "12", "5", False),  # a decimal point
        ("a", 20, 1.5, "the", "Council", False),  # a letter, not a mark
    ],
)
def test_specks(mark: str, conf: float, size: float, before: str, after: str, dropped: bool) -> None:
    out = repair_words([speck_line(mark, conf, size, before, after)], "en", Counter(), steps=("specks",))
    assert (len(out[0]) == 2) is dropped


def test_all_steps_named_and_input_unchanged() -> None:
    assert [name for name, _ in STEPS] == [
        "specks",
        "brackets",
        "digits",
        "address_tails",
        "addresses",
        "spelled_symbols",
        "note_markers",
        "roman",
        "hyphens",
        "spaces",
        "dashes",
    ]
    lines = [
        words("Il. THE SITUATION IN l989"),
        words("as the Secretary-General said l/ the pro-", 1, 686),
        words("gramme", 2, 672),
    ]
    before = texts(lines)
    out = repair_words(lines, "en", Counter({"2/": 1}))
    assert texts(lines) == before
    assert texts(out) == ["II. THE SITUATION IN 1989", "as the Secretary-General said 1/ the programme"]


@pytest.mark.parametrize(
    "line",
    [
        "I think that S/RES/2334 (2016) and l'Assemblée générale",
        "l'homme et l'enfant",
        "Il a dit que la Sierra Leone",
        "the well-known self-determination of peoples",
        "So I said: OK, 10 to 15 per cent.",
    ],
)
def test_right_text_is_never_changed(line: str) -> None:
    lang = "fr" if "l'" in line or "Il a" in line else "en"
    assert texts(repair_words([words(line)], lang, Counter())) == [line]


SYMBOLS = ("A/56/385", "S/2025/40", "A/79/729")


@pytest.mark.parametrize(
    ("token", "fixed"),
    [
        ("Avs6/385", "A/56/385"),
        ("(A/5G/385),", "(A/56/385),"),
        ("$5/2025/40", "S/2025/40"),
        ("A/56/385", None),  # right as read
        ("A/56/386", None),  # a symbol as read: another document
        ("B/12/385", None),  # too far
        ("Av/79/729-99/2025/40", "A/79/729-S/2025/40"),  # a double symbol, part by part
        ("Av/79/729-B/12/385", None),  # one part unknown: the whole stays
        ("and/or", None),
    ],
)
def test_symbols_as_the_document_prints_them(token: str, fixed: str | None) -> None:
    assert repaired_from_document(token, SYMBOLS) == fixed


def test_document_symbols_printed_twice() -> None:
    spelled = Counter({"A/56/385": 3, "S/2025/40": 1, "and/or": 4, "A/79/729": 2})
    assert document_symbols(spelled) == ("A/56/385", "A/79/729")


@pytest.mark.parametrize(
    ("spelled", "symbols"),
    [
        ({"$/2025/40": 2, "A/79/729": 2}, ("A/79/729", "S/2025/40")),  # a running head's S read "$" on each page
        ({"$/2025/40": 1, "S/2025/40": 1}, ("S/2025/40",)),  # once misread, once right: printed twice
        ({"$/2025/40": 1}, ()),
    ],
)
def test_document_symbols_as_repaired(spelled: dict[str, int], symbols: tuple[str, ...]) -> None:
    assert document_symbols(Counter(spelled)) == symbols


def test_masthead_symbol_from_the_running_heads() -> None:
    lines = [words("Avs6/385 General Assembly")]
    vocabulary = Counter({"A/56/385": 2, "Avs6/385": 1})
    assert texts(repair_words(lines, "en", vocabulary)) == ["A/56/385 General Assembly"]


def small(text: str, line: int, top: float) -> list[OcrWord]:
    """Return a footnote's line: words 5 points high."""
    return [replace(w, bottom=w.top - 5) for w in words(text, line, top)]


def test_a_note_labelled_bang_is_note_1() -> None:
    lines = [
        words("the full text of the speech is attached)!", 0, 700),
        words("Glory to Ukraine! she said.", 1, 686),
        small("! The text of the speech is available at the Secretariat.", 2, 100),
    ]
    assert texts(repair_words(lines, "en", Counter(), steps=("note_markers",))) == [
        "the full text of the speech is attached)1",
        "Glory to Ukraine! she said.",  # an exclamation after a word stays
        "1 The text of the speech is available at the Secretariat.",
    ]


def test_a_note_labelled_bang_may_open_with_an_address() -> None:
    lines = [words("the websites for the Repertory)!", 0, 700), small("! http://legal.un.org/repertory.", 1, 100)]
    assert texts(repair_words(lines, "en", Counter(), steps=("note_markers",))) == [
        "the websites for the Repertory)1",
        "1 http://legal.un.org/repertory.",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [words("the speech is attached)!", 0, 700), words("! The text is at the Secretariat.", 1, 686)],  # full size
        [words("the speech is attached)!", 0, 700), small("! the text", 1, 100)],  # no capital after it
        [words("the speech is attached)!", 0, 700)],  # no label on the page
    ],
)
def test_bang_stays_without_a_small_label(lines: list[list[OcrWord]]) -> None:
    before = texts(lines)
    assert texts(repair_words(lines, "en", Counter(), steps=("note_markers",))) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A query's "?" read as a figure after a path's figures, before "name=".
        ("https://x.com/NasimiAghayev/status/18752671257887133742mx=2",
         "https://x.com/NasimiAghayev/status/1875267125788713374?mx=2"),
        # "O" and "£" inside a hexadecimal group of an identifier.
        ("https://journal.un.org/en/new-york/meeting/officials/476acf02-5811-4381-b68b-3b1a601cOcaf/2025-04-10",
         "https://journal.un.org/en/new-york/meeting/officials/476acf02-5811-4381-b68b-3b1a601c0caf/2025-04-10"),
        ("www.apgml.org/includes/handlers/get-document.ashx?d=2446bd89-b2cc-4c3c-b378-5£03658dc906",
         "www.apgml.org/includes/handlers/get-document.ashx?d=2446bd89-b2cc-4c3c-b378-5f03658dc906"),
        # A group with other letters is a word or a code: it stays.
        ("www.un.org/development/desa/pd/events/CPDS8", None),
        ("https://www.youtube.com/playlist?list=PLo7TGs7ujfOXUwG5cY", None),
        # A query already open, or no path of figures before the "2": nothing to undo.
        ("https://x.com/RussiaUN/status/1849888751012434066?s=2", None),
        ("https://example.org/page2id=3", None),
        # No address at all.
        ("2O25", None),
    ],
)
def test_repaired_address(text: str, expected: str | None) -> None:
    assert repaired_address(text) == expected


def test_addresses_step_runs_on_ocr_lines() -> None:
    line = [OcrWord("See", 0, 0, 10, 8, 90, 1), OcrWord("https://a.org/x/12345678902id=4", 12, 0, 90, 8, 90, 1)]
    out = repair_words([line], "en", Counter(), steps=("addresses",))
    assert [w.text for w in out[0]] == ["See", "https://a.org/x/1234567890?id=4"]


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        # The address goes on from the line before: its second line needs no scheme.
        ("18752671257887133742mx=2.", "https://x.com/NasimiAghayev/status/", "1875267125788713374?mx=2."),
        ("5£03658dc906.", "www.apgml.org/get-document.ashx?d=2446bd89-b2cc-4c3c-b378-", "5f03658dc906."),
        # The query is open on the line before: a "2" before "name=" is a figure.
        ("12345672ab=1", "https://a.org/x?q=", None),
        # No address before: a word of prose or figures stays.
        ("18752671257887133742mx=2.", "", None),
    ],
)
def test_repaired_address_goes_on(text: str, head: str, expected: str | None) -> None:
    assert repaired_address(text, head) == expected


def test_addresses_step_reads_the_next_line_start() -> None:
    lines = [[OcrWord("See", 0, 0, 10, 8, 90, 1), OcrWord("https://x.com/a/status/", 12, 0, 90, 8, 90, 1)],
             [OcrWord("12345678902mx=2.", 0, -10, 40, -2, 90, 2), OcrWord("2O25", 42, -10, 60, -2, 90, 2)],
             [OcrWord("12345678902mx=2.", 0, -20, 40, -12, 90, 3)]]
    out = repair_words(lines, "en", Counter(), steps=("addresses",))
    assert [[w.text for w in line] for line in out] == [
        ["See", "https://x.com/a/status/"], ["1234567890?mx=2.", "2O25"], ["12345678902mx=2."]]


def test_addresses_step_reads_a_word_split_off_an_address() -> None:
    line = [OcrWord("See", 0, 0, 10, 8, 90, 1), OcrWord("https://x.com/NasimiA", 12, 0, 50, 8, 90, 1),
            OcrWord("ghayev/status/18752671257887133742mx=2.", 52, 0, 90, 8, 90, 1),
            OcrWord("and", 92, 0, 99, 8, 90, 1), OcrWord("12345678902mx=2.", 100, 0, 120, 8, 90, 1)]
    out = repair_words([line], "en", Counter(), steps=("addresses",))
    assert [w.text for w in out[0]] == ["See", "https://x.com/NasimiA", "ghayev/status/1875267125788713374?mx=2.",
                                        "and", "12345678902mx=2."]


@pytest.mark.parametrize(
    ("text", "width", "height", "language", "expected"),
    [
        ("—", 5.3, 7.1, "en", "–"),  # half an em wide: an en dash, the Editorial Manual's spaced dash
        ("~", 5.3, 7.1, "en", "–"),
        ("—", 10.6, 7.0, "en", None),  # an em wide: an em dash, as printed
        ("~", 10.6, 7.0, "en", "—"),
        ("—", 5.3, 0.0, "en", None),  # no word on the line to measure it by
        ("2027—2036", 40.0, 7.0, "en", "2027–2036"),  # a range of figures
        ("(2016—2020)).", 40.0, 7.0, "fr", "(2016–2020))."),
        ("2024—", 20.0, 7.0, "en", "2024–"),
        ("2027—2036", 40.0, 7.0, "ru", None),  # Russian sets its own dash
        ("one—two", 30.0, 7.0, "en", None),  # between words: no range
        ("-", 2.0, 7.0, "en", None),
    ],
)
def test_repaired_dash(text: str, width: float, height: float, language: str, expected: str | None) -> None:
    assert repaired_dash(text, width, height, language) == expected


def test_dashes_step_measures_the_line() -> None:
    line = words("peace — and security")
    out = repair_words([line], "en", Counter(), steps=("dashes",))
    assert texts(out) == ["peace – and security"]  # 6 points wide on a line of 10-point words


DOC = Context("en", Counter({"paragraph": 3, "emphasize": 1, "presentations": 2, "review": 2}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weemphasize", "We emphasize"),
        ("Inparagraph", "In paragraph"),
        ("presentationsand", "presentations and"),
        ("(Thatreview),", "(That review),"),
        ("Wereaffirm", None),  # two ways: "We reaffirm", "Were affirm"
        ("counterterrorism", None),  # a solid compound of two content words
        ("crowdfunding", None),
        ("Atrun", None),  # a name: the document never prints "run"
        ("Hansin", None),  # a capitalised word splits only after its function word
        ("WeWorld", None),  # a name in two capitals
        ("ANFAA", None),  # an acronym
        ("Inreview", "In review"),
        ("paragraph", None),  # a word
        ("Tiirkiye", None),
    ],
)
def test_repaired_spacing(text: str, expected: str | None) -> None:
    assert repaired_spacing(text, DOC) == expected
