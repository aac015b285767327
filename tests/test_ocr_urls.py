"""read.ocr.repairs.address_tails: a web address the engine read in pieces on one line, glued; and its non-cases
(prose after an address, a second reading of the address's end)."""

from __future__ import annotations

from collections import Counter

import pytest

from unref.read.ocr.repairs import Context, is_address_tail, repair_words
from unref.read.ocr.words import OcrWord

EN = Context("en", Counter())


def word(text: str, left: float, right: float) -> OcrWord:
    return OcrWord(text, left, 0.0, right, 10.0, 90.0, 1)


@pytest.mark.parametrize(
    ("before", "after", "tail"),
    [
        # The address's box covers the word after it: print has no overlapping words.
        (word("https://webtv.un.org/en/asset/k1x/k1", 124, 296), word("xdmqs9iv.", 260, 297), True),
        (word("www.tropheesdelethique.", 277, 397), word("fr)", 386, 398), True),
        # Cut inside a group, a code piece after a gap: a figure, the characters of an address, no word.
        (word("www.apgml.org/get-document.ashx?d=6bfd0", 124, 357), word("1", 359, 362), True),
        (word("www.apgml.org/get-document.ashx?d=6bfd01", 124, 362), word("1b-8edd-40f4-93", 365, 426), True),
        (word("https://journal.un.org/officials/7fb30c", 124, 378), word("1", 382, 384), True),
        # Prose after an address: a word, or a figure after a slash or a stop.
        (word("https://www.un.org/en/ga", 124, 329), word("report", 332, 350), False),
        (word("https://www.un.org/en/", 124, 329), word("2024", 332, 350), False),
        (word("https://www.un.org/en/ga.", 124, 329), word("12", 332, 350), False),
        (word("https://www.un.org/en/ga", 124, 329), word("(accessed", 332, 370), False),
        # The engine's second reading of the address's end is no tail.
        (word("https://x.com/status/184988875012434066.", 124, 329), word("51012434066.", 282, 330), False),
        # No address before.
        (word("paragraph", 124, 200), word("12", 150, 210), False),
        # A piece of the next row that the engine gave the same line: below the address, at the left margin.
        (word("https://x.com/NasimiA", 139, 393), OcrWord("ghayev/status/1", 124, -12.0, 200, -2.0, 90.0, 1), False),
    ],
)
def test_is_address_tail(before: OcrWord, after: OcrWord, tail: bool) -> None:
    assert is_address_tail(after, before, EN) is tail


def test_address_tails_step_glues_the_pieces() -> None:
    line = [word("See", 90, 110), word("www.apgml.org/get-document.ashx?d=6bfd0", 124, 357), word("1", 359, 362),
            word("1b-8edd-40f4-93", 365, 426), word("e4-", 428, 438)]
    out = repair_words([line], "en", Counter(), steps=("address_tails",))
    assert [w.text for w in out[0]] == ["See", "www.apgml.org/get-document.ashx?d=6bfd011b-8edd-40f4-93e4-"]
    assert (out[0][1].left, out[0][1].right, out[0][1].bottom, out[0][1].top) == (124, 438, 0.0, 10.0)
    assert [w.text for w in line][2] == "1"  # the words given are not changed


def test_the_glued_address_keeps_its_own_row() -> None:
    """A tail a little taller (a slash) leaves the address's height and baseline as they were; a tail set higher by a
    quarter of the address's height stays apart (glued, the page builder set the address into the row below)."""
    line = [word("https://x.com/NasimiA", 139, 300), OcrWord("ghayev/status/18752", 302, -0.5, 393, 11.0, 90.0, 1)]
    out = repair_words([line], "en", Counter(), steps=("address_tails",))
    assert [(w.text, w.bottom, w.top, w.right) for w in out[0]] == [
        ("https://x.com/NasimiAghayev/status/18752", 0.0, 10.0, 393)]
    line = [word("https://x.com/NasimiA", 139, 300), OcrWord("ghayev/status/18752", 302, 2.5, 393, 12.5, 90.0, 1)]
    assert len(repair_words([line], "en", Counter(), steps=("address_tails",))[0]) == 2


def test_a_piece_the_document_holds_once_is_no_word() -> None:
    """The document's vocabulary is the engine's words, the piece itself among them: once is not evidence."""
    ctx = Context("en", Counter({"1b-8edd-40f4-93": 1, "report": 2}))
    before = word("www.apgml.org/get-document.ashx?d=6bfd01", 124, 362)
    assert is_address_tail(word("1b-8edd-40f4-93", 365, 426), before, ctx)
    assert not is_address_tail(word("report2", 365, 426), word("https://a.org/x", 124, 362),
                               Context("en", Counter({"report2": 2})))
