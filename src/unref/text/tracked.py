"""Text that remembers, for every character, its offset in the source.

Repair steps describe their changes as edits (start, end, replacement). Applying
them keeps the way back to the source: kept characters keep their offsets,
inserted characters take the offset of the place they were inserted at.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from unref.model import Line, Span


@dataclass(slots=True)
class Tracked:
    """A string and, per character, its source offset."""

    text: str
    offsets: list[int]

    @classmethod
    def from_source(cls, text: str, start: int) -> Tracked:
        """Return text whose characters sit at start, start+1, ... in the source."""
        return cls(text, list(range(start, start + len(text))))

    @classmethod
    def from_lines(cls, lines: Iterable[Line]) -> Tracked:
        """Return source lines joined with line breaks, each character at its source offset."""
        parts: list[Tracked | str] = []
        for line in lines:
            if parts:
                parts.append("\n")
            parts.append(cls.from_source(line.text, line.start))
        return cls.concat(parts)

    @classmethod
    def concat(cls, parts: Iterable[Tracked | str]) -> Tracked:
        """Return the parts joined; plain strings take the offset of what precedes them."""
        texts: list[str] = []
        offsets: list[int] = []
        for part in parts:
            if isinstance(part, Tracked):
                texts.append(part.text)
                offsets.extend(part.offsets)
            else:
                at = offsets[-1] + 1 if offsets else 0
                texts.append(part)
                offsets.extend([at] * len(part))
        return cls("".join(texts), offsets)

    def __len__(self) -> int:
        """Return the length of the text."""
        return len(self.text)

    def slice(self, start: int, end: int) -> Tracked:
        """Return the characters [start, end) with their offsets."""
        return Tracked(self.text[start:end], self.offsets[start:end])

    def strip(self) -> Tracked:
        """Return the text without white space at either end."""
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.slice(left, max(left, right))

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> Tracked:
        """Return the text with each (start, end, replacement) applied; edits must not overlap."""
        ordered = sorted(edits)
        if not ordered:
            return self
        texts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for start, end, repl in ordered:
            if start < pos:
                continue  # overlapping edit: the first one wins
            texts.append(self.text[pos:start])
            offsets.extend(self.offsets[pos:start])
            if repl:
                anchor = self.offsets[start] if start < len(self.offsets) else (
                    self.offsets[-1] + 1 if self.offsets else 0)
                texts.append(repl)
                old = self.text[start:end]
                if len(old) == len(repl):
                    offsets.extend(self.offsets[start:end])
                else:
                    offsets.extend([anchor] * len(repl))
            pos = end
        texts.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        return Tracked("".join(texts), offsets)

    def spans(self) -> list[Span]:
        """Return runs where the text follows the source one character to one."""
        offs = self.offsets
        if not offs:
            return []
        cuts = [i for i in range(1, len(offs)) if offs[i] != offs[i - 1] + 1]
        bounds = [0, *cuts, len(offs)]
        return [Span(a, b, offs[a], offs[b - 1] + 1) for a, b in itertools.pairwise(bounds)]
