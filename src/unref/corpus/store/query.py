"""The search query language, its translation for each backend, and highlighted snippets.

A query is words, "quoted phrases" and prefixes (``secur*``), all required; ``a OR b``
takes either; ``-word`` (or ``NOT word``) excludes. Anything else in a word is
punctuation: ``S/2025/239`` and ``822 (1993)`` search as phrases of their words.

Both backends see the same tokens: `tokens` splits text into runs of letters and digits,
lower-cased and without diacritics, as SQLite's FTS5 ``unicode61 remove_diacritics 2``
tokenizer does. PostgreSQL indexes `fold(text)`, the same tokens joined by spaces.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from unref.corpus.store.errors import QueryError

__all__ = ["Query", "QueryError", "Snippet", "Unit", "fold", "parse_query", "snippet", "tokens", "window"]

# A token: a run of letters, digits and private-use characters, as FTS5's unicode61 sees one.
TOKEN_RE = re.compile(r"[^\W_]+")
MARKS_RE = regex.compile(r"\p{Mn}+")  # combining marks: the accents that NFD splits off
# The pieces of a query, left to right: a quoted phrase, an unclosed quote, or a bare word.
QUERY_PIECE_RE = re.compile(r'(?P<neg>-)?"(?P<phrase>[^"]*)"(?P<pstar>\*)?|(?P<open>")|(?P<word>[^\s"]+)')

# What one query may cost. Every term is one index lookup, and FTS5 nests each excluded term one
# level deeper (200 of them overflowed its parser); a prefix is expanded to every indexed word
# that it begins, so a short one reads a large part of the index, and several of them more.
MAX_TERMS = 32  # words, phrases and prefixes, excluded ones included
MAX_PREFIXES = 4  # prefix terms (secur*) in one query
MIN_PREFIX = 3  # letters or digits before a lone word's *; a phrase's other words narrow a shorter one
# Snippets: the matches of a passage that are weighed for the best window, at most. A passage
# holding a word thousands of times shows a window among its first matches.
SNIPPET_MATCHES = 1000


def _fold_token(token: str) -> str:
    if token.isascii():
        return token.lower()
    # Canonical decomposition only (NFD): accents go, as FTS5's remove_diacritics does; ligatures stay.
    folded: str = MARKS_RE.sub("", unicodedata.normalize("NFD", token.lower()))  # `regex` has no type hints
    return folded


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, folded token) for every token of `text`."""
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end(), _fold_token(m.group())


def fold(text: str) -> str:
    """Return the folded tokens of `text` joined by spaces: what PostgreSQL indexes."""
    if not text.isascii():
        text = MARKS_RE.sub("", unicodedata.normalize("NFD", text))
    return " ".join(TOKEN_RE.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class Unit:
    """A word or a phrase of the query: its folded tokens, in order."""

    words: tuple[str, ...]
    prefix: bool = False  # the last token is a prefix
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every group must match; a group matches when any of its units does."""

    groups: tuple[tuple[Unit, ...], ...]
    excluded: tuple[Unit, ...]
    text: str

    def to_fts5(self) -> str:
        """Return the query in SQLite FTS5 syntax, every token quoted."""

        def unit(u: Unit) -> str:
            return '"' + " ".join(u.words) + '"' + (" *" if u.prefix else "")

        def group(g: tuple[Unit, ...]) -> str:
            return unit(g[0]) if len(g) == 1 else "(" + " OR ".join(unit(u) for u in g) + ")"

        expr = " AND ".join(group(g) for g in self.groups)
        for u in self.excluded:
            expr = f"({expr}) NOT {unit(u)}"
        return expr

    def to_tsquery(self, *, phrases: bool = True) -> str:
        """Return the query as PostgreSQL tsquery text for ``to_tsquery('simple', ...)``.

        Without `phrases`, the words of a phrase need only all be there, in any order.
        """

        def unit(u: Unit) -> str:
            words = [f"'{w}'" for w in u.words]
            if u.prefix:
                words[-1] += ":*"
            return "(" + (" <-> " if phrases else " & ").join(words) + ")"

        parts = ["(" + " | ".join(unit(u) for u in g) + ")" for g in self.groups]
        parts += [f"!{unit(u)}" for u in self.excluded]
        return " & ".join(parts)

    def units(self) -> list[Unit]:
        """Return the units that a match contains (not the excluded ones)."""
        return [u for g in self.groups for u in g]


def _unit(text: str, *, phrase: bool, prefix: bool, negated: bool) -> Unit | None:
    """Return the unit of a word or phrase; None for a bare word of punctuation only (a dash)."""
    if not phrase and "*" in text.rstrip("*"):
        raise QueryError(f"a * goes at the end of a word, as in secur*, not inside {text!r}")
    if not phrase and text.endswith("*"):
        prefix, text = True, text.rstrip("*")
    words = tuple(t for _, _, t in tokens(text))
    if not words and not phrase and not prefix:
        return None
    if not words:
        shown = f'"{text}"' if phrase else text + ("*" if prefix else "")
        raise QueryError(f"{shown!r} has no letters or digits to search for")
    if _too_short_prefix(words, prefix):
        raise QueryError(f"a prefix needs at least {MIN_PREFIX} letters or digits before the *, not {text + '*'!r}")
    return Unit(words, prefix=prefix, negated=negated)


def _too_short_prefix(words: tuple[str, ...], prefix: bool) -> bool:
    """Return whether a prefix alone would expand to too much of the index: a lone word of few characters.

    The last word of a phrase may be short ("S/RES/8"*): the phrase's other words narrow it.
    """
    return prefix and len(words) == 1 and len(words[0]) < MIN_PREFIX


def _check_cost(groups: list[list[Unit]], excluded: list[Unit]) -> None:
    """Raise QueryError, in the user's terms, when a query holds more terms or prefixes than one may.

    `groups` hold a placeholder for each excluded term, which counts once, in `excluded`.
    """
    units = [u for g in groups for u in g if not u.negated] + excluded
    if len(units) > MAX_TERMS:
        raise QueryError(f"too many terms ({len(units)}; the limit is {MAX_TERMS})")
    prefixes = sum(u.prefix for u in units)
    if prefixes > MAX_PREFIXES:
        raise QueryError(f"too many prefixes ({prefixes} words with *; the limit is {MAX_PREFIXES})")


def _pieces(text: str) -> Iterator[Unit | str]:
    """Yield the units of `text`, and the operator "OR" as a string."""
    negate_next = False
    for m in QUERY_PIECE_RE.finditer(text):
        if m["open"]:
            raise QueryError('unbalanced quote: close the phrase with " (or remove the opening ")')
        word = m["word"]
        if word in ("AND", "NOT", "OR"):
            if word == "OR" and negate_next:
                raise QueryError("NOT needs a term after it")
            negate_next = negate_next or word == "NOT"
            if word == "OR":
                yield word
            continue
        if m["phrase"] is not None:
            unit = _unit(m["phrase"], phrase=True, prefix=bool(m["pstar"]), negated=bool(m["neg"]) or negate_next)
        elif word.startswith("-") and len(word) > 1:
            unit = _unit(word[1:], phrase=False, prefix=False, negated=True)
        else:
            unit = _unit(word, phrase=False, prefix=False, negated=negate_next)
        if unit is not None:
            negate_next = False
            yield unit
    if negate_next:
        raise QueryError("NOT needs a term after it")


def parse_query(text: str) -> Query:
    """Return the parsed query; raise QueryError with a one-line reason when it is malformed."""
    if not text.strip():
        raise QueryError("the query is empty")
    groups: list[list[Unit]] = []
    excluded: list[Unit] = []
    pending_or = False
    for piece in _pieces(text):
        if piece == "OR":
            if pending_or or not groups or groups[-1][-1].negated:
                raise QueryError("OR needs a term on each side")
            pending_or = True
            continue
        assert isinstance(piece, Unit)
        if pending_or:
            if piece.negated:
                raise QueryError("an excluded term (-word) cannot be one side of an OR")
            groups[-1].append(piece)
            pending_or = False
        elif piece.negated:
            excluded.append(piece)
            groups.append([piece])  # a placeholder that keeps "a -b OR c" an error
        else:
            groups.append([piece])
    if pending_or:
        raise QueryError("OR needs a term on each side")
    _check_cost(groups, excluded)
    kept = tuple(tuple(g) for g in groups if not g[0].negated)
    if not kept:
        raise QueryError("a query needs at least one term that is not excluded")
    return Query(groups=kept, excluded=tuple(excluded), text=text)


# ---------------------------------------------------------------------------
# Snippets


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of a passage, with the [start, end) offsets of the matches in it."""

    text: str
    highlights: tuple[tuple[int, int], ...]

    def marked(self, before: str = "**", after: str = "**") -> str:
        """Return the snippet text with every match wrapped in `before` and `after`."""
        out, last = [], 0
        for start, end in self.highlights:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


def _fold_chars(text: str) -> str:
    """Return `text` lower-cased and without accents, character for character (offsets kept)."""
    if text.isascii():
        return text.lower()
    table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii()}
    return text.translate(table).lower()


@cache
def _fold_char(char: str) -> str:
    folded = _fold_token(char)
    return folded[0] if folded else char


@cache
def _unit_re(unit: Unit) -> re.Pattern[str]:
    """Return the pattern of a unit in folded text: its words, with anything but letters and digits between."""
    words = r"[\W_]+".join(re.escape(w) for w in unit.words)
    return re.compile(rf"(?<![^\W_]){words}" + ("" if unit.prefix else r"(?![^\W_])"))


def _matches(text: str, units: list[Unit]) -> list[tuple[int, int, int]]:
    """Return (start, end, unit index) of every place where a unit matches `text`, in order."""
    folded = _fold_chars(text)
    found = []
    for k, unit in enumerate(units):
        for m in _unit_re(unit).finditer(folded):
            end = m.end()
            if unit.prefix:  # the match ends where the word does
                while end < len(folded) and (folded[end].isalnum()):
                    end += 1
            found.append((m.start(), end, k))
    return sorted(found)


def snippet(text: str, query: Query | list[Unit], width: int = 240) -> Snippet:
    """Return the window of about `width` characters of `text` that shows the most matches."""
    units = query.units() if isinstance(query, Query) else query
    found = _matches(text, units)
    return window(text, [(s, e) for s, e, _ in found], _best_start(found, width), width)


def _best_start(found: list[tuple[int, int, int]], width: int) -> int:
    """Return the start of the match whose window shows the most units, then the most matches (0: none).

    Only the first SNIPPET_MATCHES matches are weighed, and each window counts only the matches
    that start in it (found by bisection): the work is bounded however often a word recurs.
    """
    weighed = found[:SNIPPET_MATCHES]
    starts = [s for s, _, _ in weighed]
    best_start, best_score = 0, (-1, 0)
    for start, _end, _k in weighed:
        lo = max(0, start - width // 4)
        hi = lo + width
        inside = [k for _s, e, k in weighed[bisect_left(starts, lo):bisect_right(starts, hi)] if e <= hi]
        score = (len(set(inside)), len(inside))
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def window(text: str, ranges: list[tuple[int, int]], focus: int, width: int = 240) -> Snippet:
    """Return about `width` characters of `text` from a little before `focus`, cut between words.

    `ranges` are [start, end) offsets in `text` to highlight; those inside the window are kept.
    """
    lo, hi = 0, len(text)
    if len(text) > width:
        lo = max(0, focus - width // 4)
        hi = min(len(text), lo + width)
        lo = max(0, min(lo, hi - width))
        if lo > 0:  # no word shown in part
            space = text.find(" ", lo, focus)
            lo = space + 1 if space >= 0 else lo
        if hi < len(text):
            space = text.rfind(" ", max(lo, hi - 30), hi)
            hi = space if space > 0 else hi
    head = "… " if lo > 0 else ""
    tail = " …" if hi < len(text) else ""
    shift = len(head) - lo
    marks = tuple(sorted({(s + shift, e + shift) for s, e in ranges if lo <= s and e <= hi and e > s}))
    return Snippet(head + text[lo:hi] + tail, marks)
