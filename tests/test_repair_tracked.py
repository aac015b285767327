"""Tracked keeps its offsets as runs: every operation gives the offsets that one number per character gave.

The reference below is the per-character model the runs replace: kept characters keep their offsets,
inserted characters take the offset of the place they were inserted at, a plain string in a concat
takes the offset after what precedes it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unref.model import Line, Span
from unref.text.tracked import Tracked


def ref_edit(text: str, offsets: list[int], edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Return (text, offsets) after the edits, one offset per character (the model Tracked.edit keeps)."""
    texts: list[str] = []
    out: list[int] = []
    pos = 0
    for start, end, repl in sorted(edits):
        if start < pos:
            continue
        texts.append(text[pos:start])
        out.extend(offsets[pos:start])
        if repl:
            anchor = offsets[start] if start < len(offsets) else (offsets[-1] + 1 if offsets else 0)
            texts.append(repl)
            out.extend(offsets[start:end] if len(text[start:end]) == len(repl) else [anchor] * len(repl))
        pos = end
    texts.append(text[pos:])
    out.extend(offsets[pos:])
    return "".join(texts), out


def ref_spans(offsets: list[int]) -> list[Span]:
    """Return the runs where offsets go up one by one (what Tracked.spans gives)."""
    spans: list[Span] = []
    a = 0
    for i in range(1, len(offsets) + 1):
        if i == len(offsets) or offsets[i] != offsets[i - 1] + 1:
            spans.append(Span(a, i, offsets[a], offsets[i - 1] + 1))
            a = i
    return spans


@st.composite
def _edits(draw: st.DrawFn, size: int) -> list[tuple[int, int, str]]:
    """Return edits within a text of `size` characters, overlapping ones among them."""
    out = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, min(size, start + 4)))
        out.append((start, end, draw(st.sampled_from(["", "-", " ", "ab", "xyz", "\n"]))))
    return out


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab -\n", max_size=40), start=st.integers(0, 50), data=st.data())
def test_edits_keep_the_offsets_of_one_number_per_character(text: str, start: int, data: st.DataObject) -> None:
    t = Tracked.from_source(text, start)
    offsets = list(range(start, start + len(text)))
    for _ in range(3):
        edits = data.draw(_edits(len(t.text)))
        want_text, want = ref_edit(t.text, offsets, edits)
        t = t.edit(edits)
        offsets = want
        assert (t.text, t.offsets) == (want_text, want)
        assert t.spans() == ref_spans(want)
        assert [t.offset_at(i) for i in range(len(t.text))] == want
    a = data.draw(st.integers(0, len(t.text)))
    b = data.draw(st.integers(a, len(t.text)))
    assert t.slice(a, b).offsets == offsets[a:b]
    stripped = t.strip()
    left = len(t.text) - len(t.text.lstrip())
    assert (stripped.text, stripped.offsets) == (t.text.strip(), offsets[left:left + len(t.text.strip())])


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.one_of(st.text(alphabet="ab\n", max_size=5),
                                st.tuples(st.text(alphabet="cd", max_size=5), st.integers(0, 30))), max_size=6))
def test_concat_gives_a_plain_string_the_offset_after_what_precedes_it(parts: list[str | tuple[str, int]]) -> None:
    items: list[Tracked | str] = []
    offsets: list[int] = []
    for part in parts:
        if isinstance(part, tuple):
            items.append(Tracked.from_source(*part))
            offsets.extend(range(part[1], part[1] + len(part[0])))
        else:
            items.append(part)
            offsets.extend([offsets[-1] + 1 if offsets else 0] * len(part))
    t = Tracked.concat(items)
    assert t.offsets == offsets
    assert t.spans() == ref_spans(offsets)


@pytest.mark.parametrize(
    ("lines", "offsets"),
    [
        ([("ab", 0), ("cd", 3)], [0, 1, 2, 3, 4]),  # the break takes the offset after "ab": 2, as in the source
        ([("ab", 10), ("cd", 3)], [10, 11, 12, 3, 4]),
        ([("", 5), ("cd", 7)], [0, 7, 8]),  # nothing precedes the break: offset 0
        ([("a", 4), ("", 9), ("b", 20)], [4, 5, 6, 20]),
    ],
)
def test_from_lines(lines: list[tuple[str, int]], offsets: list[int]) -> None:
    t = Tracked.from_lines(Line(text, start, 1) for text, start in lines)
    assert t.offsets == offsets
    assert t == Tracked.from_offsets(t.text, offsets)
