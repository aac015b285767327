"""Table tests for the paragraph cutter's one pattern of block openers: it answers as the three it joins."""

from __future__ import annotations

import pytest

from unref.structure.paragraphs import _OPENS_BLOCK_RE, TITLE_BLOCK_RE
from unref.text.regexes import LIST_ITEM_RE, SIGNED_RE


@pytest.mark.parametrize(("text", "opens"), [
    ("(Signed) Jane Doe", True),
    ("(SIGNÉ) Jean Dupont", True),  # the signature's case flag is kept
    ("12. The Council", True),
    ("(a) the first", True),
    ("• item", True),
    ("Letter dated 3 June 2025 from", True),
    ("letter dated 3 June", False),  # the title block's pattern keeps its case
    ("The Security Council,", False),
    ("12.5 million", False),
])
def test_opens_block(text: str, opens: bool) -> None:
    assert (_OPENS_BLOCK_RE.match(text) is not None) is opens
    assert any(p.match(text) for p in (SIGNED_RE, LIST_ITEM_RE, TITLE_BLOCK_RE)) is opens


@pytest.mark.parametrize(("line", "stripped"), [
    ("the Council.12", "the Council."),  # a marker glued after the full stop
    ("as stated in paragraph 12", "as stated in paragraph 12"),  # no stop before the figure
    ("the Council.1234", "the Council.1234"),  # four figures are no marker
    ("the Council.²", "the Council.²"),  # a digit that is no decimal: the pattern takes none
    ("", ""),
])
def test_without_glued_marker(line: str, stripped: str) -> None:
    from unref.structure.paragraphs import _GLUED_END_MARKER_RE, _without_glued_marker

    assert _without_glued_marker(line) == stripped
    assert _GLUED_END_MARKER_RE.sub("", line) == stripped
