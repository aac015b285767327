"""Text that remembers, for every character, its offset in the source.

Repair steps describe their changes as edits (start, end, replacement). Applying
them keeps the way back to the source: kept characters keep their offsets,
inserted characters take the offset of the place they were inserted at.

The offsets are kept as runs, not one number per character: a run is an index in the text and the
source offset of its first character, and the characters up to the next run follow the source one to
one. A replacement of another length is a run of one character per inserted character, all at the
place's offset. Runs that go on from each other are merged, so the runs are the spans themselves.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from unref.model import Line, Span


@dataclass(slots=True)
class Tracked:
    """A string and, per character, its source offset (kept as runs: see the module's docstring)."""

    text: str
    # Run k starts at text index starts[k] with source offset bases[k]; starts[0] == 0 unless text is empty.
    starts: list[int] = field(default_factory=list)
    bases: list[int] = field(default_factory=list)

    @classmethod
    def from_source(cls, text: str, start: int) -> Tracked:
        """Return text whose characters sit at start, start+1, ... in the source."""
        return cls(text, [0], [start]) if text else cls(text)

    @classmethod
    def from_offsets(cls, text: str, offsets: list[int]) -> Tracked:
        """Return text with one source offset per character (as `offsets` gives them back)."""
        out = cls(text)
        for i, at in enumerate(offsets):
            _add_run(out.starts, out.bases, i, at)
        return out

    @classmethod
    def from_lines(cls, lines: Iterable[Line]) -> Tracked:
        """Return source lines joined with line breaks, each character at its source offset."""
        texts: list[str] = []
        starts: list[int] = []
        bases: list[int] = []
        size = 0
        for k, line in enumerate(lines):
            if k:
                # The line break takes the offset after what precedes it (as concat gives a plain string): it goes
                # on from the run before, or opens the text at offset 0 (no run yet: nothing precedes it).
                if not size:
                    starts.append(0)
                    bases.append(0)
                texts.append("\n")
                size += 1
            text = line.text
            if text:
                if not starts or bases[-1] + size - starts[-1] != line.start:  # as _add_run, inline: once a line
                    starts.append(size)
                    bases.append(line.start)
                texts.append(text)
                size += len(text)
        return cls("".join(texts), starts, bases)

    @classmethod
    def concat(cls, parts: Iterable[Tracked | str]) -> Tracked:
        """Return the parts joined; plain strings take the offset of what precedes them."""
        texts: list[str] = []
        starts: list[int] = []
        bases: list[int] = []
        size = 0
        for part in parts:
            if isinstance(part, Tracked):
                for k, at in enumerate(part.starts):
                    _add_run(starts, bases, size + at, part.bases[k])
                texts.append(part.text)
                size += len(part.text)
            elif part:
                at = _last(starts, bases, size) + 1 if size else 0
                for i in range(size, size + len(part)):
                    _add_run(starts, bases, i, at)
                texts.append(part)
                size += len(part)
        return cls("".join(texts), starts, bases)

    @property
    def offsets(self) -> list[int]:
        """Return the source offset of every character (a new list)."""
        out: list[int] = []
        if not self.starts:
            return out
        ends = [*self.starts[1:], len(self.text)]
        for start, end, base in zip(self.starts, ends, self.bases, strict=True):
            out.extend(range(base, base + end - start))
        return out

    def offset_at(self, i: int) -> int:
        """Return the source offset of the character at index i (0 <= i < len)."""
        k = bisect_right(self.starts, i) - 1
        return self.bases[k] + i - self.starts[k]

    def bounds(self) -> tuple[int, int, bool]:
        """Return the least and the greatest source offset of the text (0, -1 when it is empty), and whether
        its offsets never go down (repair never reorders text; a concat of parts out of order does)."""
        if not self.starts:
            return 0, -1, True
        if len(self.starts) == 1:  # one run (most paragraphs): its first and last offsets
            return self.bases[0], self.bases[0] + len(self.text) - self.starts[0] - 1, True
        ends = [*self.starts[1:], len(self.text)]
        lasts = [base + end - start - 1 for start, end, base in zip(self.starts, ends, self.bases, strict=True)]
        rising = all(last <= base for last, base in zip(lasts, self.bases[1:], strict=False))
        return min(self.bases), max(lasts), rising

    def index_from(self, offset: int) -> int:
        """Return the index of the first character whose source offset is `offset` or more (len when none),
        for a text whose offsets never go down (see bounds)."""
        starts, bases = self.starts, self.bases
        j = bisect_left(bases, offset)
        if j and bases[j - 1] + (starts[j] if j < len(starts) else len(self.text)) - starts[j - 1] - 1 >= offset:
            return starts[j - 1] + offset - bases[j - 1]
        return starts[j] if j < len(starts) else len(self.text)

    def __len__(self) -> int:
        """Return the length of the text."""
        return len(self.text)

    def slice(self, start: int, end: int) -> Tracked:
        """Return the characters [start, end) with their offsets."""
        start, end, _ = slice(start, end).indices(len(self.text))
        out = Tracked(self.text[start:end])
        if end > start:
            _copy_runs(self, start, end, out.starts, out.bases, -start)
        return out

    def same_offsets(self, text: str) -> Tracked:
        """Return `text`, as long as this text, with this text's offsets: each character replaced by one (what
        `edit` gives for edits that each replace as many characters as they take, without an edit each)."""
        if len(text) != len(self.text):
            raise ValueError("same_offsets takes a text of the same length")
        return Tracked(text, self.starts[:], self.bases[:])

    def strip(self) -> Tracked:
        """Return the text without white space at either end."""
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        if left == 0 and right == len(self.text):
            return self
        return self.slice(left, max(left, right))

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> Tracked:
        """Return the text with each (start, end, replacement) applied; edits must not overlap."""
        ordered = sorted(edits)
        if not ordered:
            return self
        text = self.text
        texts: list[str] = []
        starts: list[int] = []
        bases: list[int] = []
        size = 0  # length of the new text so far
        pos = 0
        for start, end, repl in ordered:
            if start < pos:
                continue  # overlapping edit: the first one wins
            if start > pos:
                _copy_runs(self, pos, start, starts, bases, size - pos)
                texts.append(text[pos:start])
                size += start - pos
            if repl:
                if min(end, len(text)) - start == len(repl):  # as long as what it replaces: offsets kept
                    _copy_runs(self, start, start + len(repl), starts, bases, size - start)
                else:
                    anchor = self.offset_at(start) if start < len(text) else (
                        _last(self.starts, self.bases, len(text)) + 1 if text else 0)
                    for i in range(size, size + len(repl)):
                        _add_run(starts, bases, i, anchor)
                texts.append(repl)
                size += len(repl)
            pos = end
        if pos < len(text):
            _copy_runs(self, pos, len(text), starts, bases, size - pos)
            texts.append(text[pos:])
        return Tracked("".join(texts), starts, bases)

    def spans(self) -> list[Span]:
        """Return runs where the text follows the source one character to one."""
        if not self.starts:
            return []
        if len(self.starts) == 1:  # one run (most paragraphs)
            a, b, base = self.starts[0], len(self.text), self.bases[0]
            return [Span(a, b, base, base + b - a)]
        ends = [*self.starts[1:], len(self.text)]
        return [Span(a, b, base, base + b - a) for a, b, base in zip(self.starts, ends, self.bases, strict=True)]


def _add_run(starts: list[int], bases: list[int], i: int, at: int) -> None:
    """Append a run that starts at text index i with source offset `at`, unless it goes on from the last run."""
    if starts and bases[-1] + i - starts[-1] == at:
        return
    starts.append(i)
    bases.append(at)


def _last(starts: list[int], bases: list[int], size: int) -> int:
    """Return the source offset of the last character of a text of `size` characters (size > 0)."""
    return bases[-1] + size - 1 - starts[-1]


def _copy_runs(t: Tracked, a: int, b: int, starts: list[int], bases: list[int], shift: int) -> None:
    """Append the runs of t's characters [a, b) (a < b), their indexes moved by `shift`."""
    src_starts, src_bases = t.starts, t.bases
    k = bisect_right(src_starts, a) - 1
    _add_run(starts, bases, a + shift, src_bases[k] + a - src_starts[k])
    k += 1
    n = len(src_starts)
    while k < n and src_starts[k] < b:
        _add_run(starts, bases, src_starts[k] + shift, src_bases[k])
        k += 1
