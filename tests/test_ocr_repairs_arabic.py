"""read.ocr.repairs, the steps of pages read with Arabic data: the Arabic comma and a list's bullet as the engine
misreads them, and the right text they never touch (a real «...» quotation, a word that ends in hamza)."""

from __future__ import annotations

from collections import Counter

import pytest

from unref.read.ocr.repairs import (
    ARABIC_STEPS,
    BULLET,
    Context,
    bullet_misread,
    guillemet_comma,
    hamza_comma,
    repair_words,
)
from unref.read.ocr.words import OcrWord

AR = Context("ar", Counter())


def rtl_words(text: str, line: int = 0, top: float = 700.0) -> list[OcrWord]:
    """Return one Arabic line of words 10 points high, in reading order (the first word rightmost)."""
    out, x = [], 500.0
    for t in text.split():
        out.append(OcrWord(t, x - 6 * len(t), top - 10, x, top, 90.0, line))
        x -= 6 * len(t) + 4
    return out


def texts(lines: list[list[OcrWord]]) -> list[str]:
    return [" ".join(w.text for w in line) for line in lines]


@pytest.mark.parametrize(
    ("word", "open_quotes", "fixed"),
    [
        ("الوقود»", 0, "الوقود،"),  # S/2025/354: "الوقود، الكهرباء، والمياه"
        ("(3)»", 0, "(3)،"),
        ("ممكن»", 1, None),  # closes a quotation opened by «
        ("«إن", 0, None),
        ("»م", 0, None),  # not at a word's end: a bullet's misreading (arabic_bullets)
        ("(20854)»؛", 0, None),  # another mark after it: left as read
        ("word»", 0, None),  # no Arabic letter before it
    ],
)
def test_guillemet_read_for_the_arabic_comma(word: str, open_quotes: int, fixed: str | None) -> None:
    assert guillemet_comma(word, open_quotes) == fixed


@pytest.mark.parametrize(
    ("word", "fixed"),
    [
        ("الاختصاصاتء", "الاختصاصات،"),
        ("للحربء", "للحرب،"),
        ("قسراًء", "قسراً،"),  # harakat dropped to look the word up
        ("النساء", None),  # a word that ends in hamza
        ("سواء", None),
        ("بسوء", None),
        ("ولجوء", None),  # known with its hamza
        ("الكهرياء", None),  # misread otherwise: no word either way
    ],
)
def test_hamza_read_for_the_arabic_comma(word: str, fixed: str | None) -> None:
    assert hamza_comma(word, AR) == fixed


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("#بتاريخ 2025/3/5م تم استهداف", "#"),
        ('"في إطار جهود الحكومة', '"'),
        ("“في إطار النشاط الصحي", "“"),
        ('#"عقد (4) ورش تدريبية', '#"'),
        ("»م فتح مكتب للنيابة", "»"),
        ("* تعبر هذه الخطة", "*"),  # the bullet read as a word of its own
        ("٠ تستند الخطة", "٠"),
        ('"رفع الوعي المجتمعي" عن الوقاية', None),  # a quotation that closes in the line
        ("في إطار جهود الحكومة", None),
        ("«إن السلام ممكن» في كلمته", None),
        ("2025/3/5م تم", None),
    ],
)
def test_bullet_misread(line: str, mark: str | None) -> None:
    assert bullet_misread(rtl_words(line)) == mark


def test_arabic_steps_run_on_arabic_pages_only() -> None:
    assert [name for name, _ in ARABIC_STEPS] == ["arabic_commas", "arabic_bullets"]
    lines = [rtl_words("#في إطار النشاط الصحي (الكوادر البشرية الأساسية» الوقود» الكهرياء» والمياه).")]
    before = texts(lines)
    out = repair_words(lines, "ar", Counter())
    assert texts(lines) == before
    assert texts(out) == [f"{BULLET} في إطار النشاط الصحي (الكوادر البشرية الأساسية، الوقود، الكهرياء، والمياه)."]
    bullet, word = out[0][:2]
    assert bullet.left == word.right and bullet.right == lines[0][0].right  # the bullet stands on the right
    assert texts(repair_words(lines, "en", Counter())) == before


def test_a_quotation_across_lines_keeps_its_marks() -> None:
    lines = [rtl_words("قال الأمين العام «إن السلام", 0), rtl_words("ممكن» في كلمته، وأضاف", 1, 686)]
    assert texts(repair_words(lines, "ar", Counter())) == texts(lines)
