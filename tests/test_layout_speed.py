"""Table tests for the layout stage's fast tests of furniture: the same answers as the tests they stand for."""

from __future__ import annotations

import re

import pytest

from unref.layout import _is_anywhere_furniture
from unref.text.regexes import BOILERPLATE_RE, HEADER_DATE_RE, JOB_NUMBER_RE, PAGE_NUMBER_RE, STAMP_RE, any_of

_PATTERNS = (JOB_NUMBER_RE, STAMP_RE, BOILERPLATE_RE, PAGE_NUMBER_RE, HEADER_DATE_RE)


def _slow(text: str) -> bool:
    """The test as it was written first: a pattern at a time, a character at a time."""
    def token(t: str) -> bool:
        return any(p.match(t) for p in _PATTERNS)
    if all("\ue000" <= ch <= "\uf8ff" or ch.isspace() for ch in text):
        return True
    if token(text):
        return True
    tokens = re.sub(r"\s*\(([A-Z])\)", r"(\1)", text).split()
    return len(tokens) > 1 and all(token(tok) for tok in tokens)


@pytest.mark.parametrize(("text", "furniture"), [
    ("25-10019 7/16", True),  # a page foot of several pieces
    ("4/16 25-10019", True),
    ("25-10019 (E)", True),
    ("GE.19-13879(E) 120919", True),
    ("\ue000\ue001 \ue002", True),  # a bar code in private-use glyphs
    ("", True),
    ("Please recycle", True),
    ("please RECYCLE", True),  # the boilerplate keeps its case flag inside the one pattern
    ("Page 2", True),
    ("- 2 -", True),
    ("/...", True),
    ("16/04/2025", True),
    ("*2502826*", True),
    ("Page 2 3/4", False),  # "Page" and "2" are no pieces
    ("3/4 of the members", False),
    ("The Security Council,", False),
    ("A/80/1 3/4", False),
    ("(e) 3/4", True),  # "(e)": the boilerplate's "(E)" in any case, and one letter only
    ("2025 3/4", False),
])
def test_is_anywhere_furniture(text: str, furniture: bool) -> None:
    assert _is_anywhere_furniture(text) is furniture
    assert _slow(text) is furniture


@pytest.mark.parametrize(("patterns", "text", "matches"), [
    ((re.compile(r"^a$"), re.compile(r"^b$", re.I)), "B", True),
    ((re.compile(r"^a$"), re.compile(r"^b$", re.I)), "A", False),  # the case flag stays with its pattern
    ((re.compile(r"^\s*x$", re.M), re.compile(r"^y", re.I)), "Y", True),  # each keeps its own flags
    ((re.compile(r"^\s*x$", re.A),), "x", None),  # a flag no scoped group takes is refused
    ((re.compile(r"^(a)\1$"),), "aa", None),  # so is a back-reference: its number would change
])
def test_any_of(patterns: tuple[re.Pattern[str], ...], text: str, matches: bool | None) -> None:
    if matches is None:
        with pytest.raises(ValueError):
            any_of(*patterns)
        return
    assert (any_of(*patterns).match(text) is not None) is matches


def test_the_rule_holds_five_underscores() -> None:
    # layout._is_rule looks for five underscores before it tries the pattern: the pattern must ask for them.
    from unref.text.regexes import FOOTNOTE_SEPARATOR, FOOTNOTE_SEPARATOR_RE

    assert FOOTNOTE_SEPARATOR == r"_{5,}"
    assert FOOTNOTE_SEPARATOR_RE.pattern == rf"^\s*{FOOTNOTE_SEPARATOR}\s*$"


def test_furniture_as_before_on_every_corpus_line() -> None:
    # The fast test leans on the furniture patterns of text/regexes.py (no piece holds two small letters in a
    # row): every distinct line of the dev texts gets the answer of the test as first written.
    from conftest import shared_path

    lines = {line for path in sorted(shared_path("corpus", "dev").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()}
    assert [t for t in lines if _is_anywhere_furniture(t) is not _slow(t)] == []
