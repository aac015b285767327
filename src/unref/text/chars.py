"""Code points that no record can hold, replaced where text comes in (the door), and counted.

A lone surrogate half (U+D800–U+DFFF) cannot be written in UTF-8 at all: a record holding one
fails to encode, and an ingest that met it stopped for good. Unicode's non-characters (U+FDD0–U+FDEF
and the last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE ... U+10FFFF) are for a
program's own use, never for text interchange. Both come from damaged PDFs and bad decoders; each
is replaced by U+FFFD, the replacement character, which keeps every offset (one code point for one).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# The last two code points of planes 1 to 16, as \U escapes that re reads itself.
_PLANE_ENDS = "".join(rf"\U{plane:04x}fffe\U{plane:04x}ffff" for plane in range(1, 17))
NONCHARACTER_RE = re.compile(rf"[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff{_PLANE_ENDS}]")


# Every code point of NONCHARACTER_RE lies in these four ranges, which also hold a few characters (the
# supplementary planes' ideographs and symbols from U+1FFFE): a text with none there holds no non-character.
# The class above tries its 36 ranges and code points at every character (about 35 ns a character: 70 ms on
# 2 MB, where one private-use bullet was enough to call for it); these four take about 4 ns.
_SUSPECT_RE = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U0001fffe-\U0010ffff]")


def replace_noncharacters(text: str) -> tuple[str, int]:
    """Return the text with each lone surrogate and non-character replaced by U+FFFD, and how many were."""
    if text.isascii() or _SUSPECT_RE.search(text) is None:
        return text, 0  # the common case: no copy
    return NONCHARACTER_RE.subn(REPLACEMENT, text)


def noncharacter_warning(count: int) -> str:
    """Return the warning that says how many code points were replaced."""
    if count == 1:
        return "1 code point that is not a character (a lone surrogate or a non-character) replaced by U+FFFD"
    return f"{count} code points that are not characters (lone surrogates or non-characters) replaced by U+FFFD"
