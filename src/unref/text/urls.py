"""Web addresses in extracted text: where one ends, and the pieces that a blank split off it.

pdftotext leaves addresses cut where their line ended: a blank after a slash ("news/ cted%E2%80%99s")
or where a hyphen was lost ("Opportunities challenges-new-technologies"). The repair stage joins
the pieces in the text; the cite stage reads the addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from unref.text.regexes import URL_RE

__all__ = ["URL_RE", "Address", "addresses", "trim"]

URL_TRAILING = ".,;:!?'’\"”»"  # sentence punctuation that ends a sentence, not an address
# A piece left after a blank inside an address by pdftotext: "news/ cted%E2%80%99s-tech-sessions".
# A piece may open with the hyphen that a blank kept apart from the word before it ("…/presidente -abinader-declara").
URL_CONTINUATION_RE = re.compile(
    r"(?P<gap>[ \t]{1,2}|\n)(?!(?i:https?://|www\.))(?P<part>-?[A-Za-z0-9%][^\s<>\"“”«»]*)"
)
URL_PATHLIKE_RE = re.compile(r"%[0-9A-Fa-f]{2}|/|\.html?\b|\.pdf\b|\.aspx?\b|\.php\b|[_=?&#]|[\w]-[\w]+-[\w]")


@dataclass(frozen=True, slots=True)
class Address:
    """A web address in a text: where it stands, what it is once joined, and the blanks inside it."""

    start: int
    end: int  # after its last piece, sentence punctuation left out
    address: str  # the pieces joined, sentence punctuation left out
    gaps: tuple[tuple[int, int, str], ...]  # (start, end, what the blank stood for: "" or "-")


def addresses(text: str) -> Iterator[Address]:
    """Yield the web addresses of `text`, each with the pieces that blanks split off it."""
    if "www." not in text and "://" not in text:
        return
    for m in URL_RE.finditer(text):
        address, end = m.group(), m.end()
        gaps: list[tuple[int, int, str]] = []
        opened = m.start() > 0 and text[m.start() - 1] in "(["  # "(https://…": the bracket closes after it
        while (cont := URL_CONTINUATION_RE.match(text, end)) and continues(address, cont["part"], cont["gap"],
                                                                           opened and not gaps):
            join = joiner(address, cont["part"])
            gaps.append((cont.start("gap"), cont.end("gap"), join))
            address += join + cont["part"]
            end = cont.end()
        trimmed = trim(address)
        yield Address(m.start(), end - (len(address) - len(trimmed)), trimmed, tuple(gaps))


def continues(address: str, part: str, gap: str, opened: bool = False) -> bool:
    """Return whether `part`, after a blank (or a line break), is more of the address, not the next word.

    `opened` says that a bracket opens right before the address: a piece after a line break that closes it
    ends the address ("(https://www.youtube.com/playlist?list=PLo7…hKT" / "ed) and by").
    """
    if address[-1] in ".,;:)!?" or len(trim(part)) < 2:
        return False
    if gap == "\n" and ((opened and _CLOSING_PIECE_RE.fullmatch(part)) or _splits_identifier(address, part)):
        return True
    pathlike = bool(URL_PATHLIKE_RE.search(trim(part)))
    if part[0] == "-":  # a slug's hyphen after a blank: "presidente -abinader-declara-las", not a dash in prose
        return gap == " " and address[-1].isalnum() and pathlike
    if address[-1] in "/-_=%&?":
        return pathlike or not part[0].isupper()  # "professeurs/ Interview with ...": a sentence goes on
    return (gap != "\n" or _splits_hex_id(address, part)) and pathlike


_HEX_TAIL_RE = re.compile(r"(?<![0-9A-Za-z])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)?[0-9a-f]+$")
_HEX_HEAD_RE = re.compile(r"[0-9a-f]+(?![0-9A-Za-z])")
# Hexadecimal identifiers have fixed lengths: a UUID's last group 12, ObjectId 24, MD5 32, SHA-1 40, SHA-256 64.
_HEX_ID_LENGTHS = frozenset([24, 32, 40, 64])


def _splits_hex_id(address: str, part: str) -> bool:
    """Return whether a line end cut a hexadecimal identifier of the address in two.

    "…/67e564358d9332fe" + "363e3dd527032025/index.html" make an MD5 of 32 digits, "…-8a86-845" +
    "5649cae15/" the 12 digits of a UUID's last group; neither piece alone has such a length.
    """
    tail, head = _HEX_TAIL_RE.search(address), _HEX_HEAD_RE.match(part)
    if not tail or not head:
        return False
    before, after = tail.group(), head.group()
    if before.count("-") == 4:  # the last group of a UUID
        last = before.rsplit("-", 1)[1]
        return len(last) < 12 and len(last) + len(after) == 12
    joined = before + after
    return (len(joined) in _HEX_ID_LENGTHS and len(before) not in _HEX_ID_LENGTHS
            and any(c.isalpha() for c in joined) and any(c.isdigit() for c in joined))


# A piece that closes the bracket opened before the address, and nothing more: "ed)", "8p4UT8Pg)." (no blank,
# no bracket opened inside it).
_CLOSING_PIECE_RE = re.compile(r"[^\s()\[\]]+[)\]][.,;:]?")
_ID_TAIL_RE = re.compile(r"[A-Za-z0-9]{8,}$")
_ID_HEAD_RE = re.compile(r"[A-Za-z0-9]{8,}")


def _splits_identifier(address: str, part: str) -> bool:
    """Return whether a line end cut a generated identifier in two: both sides runs of eight letters and digits
    or more, each with digits, capitals and small letters, which no word of prose has ("…/posts/pfbid02bLavppJsk"
    + "8p4UT8PgsdhuTsvxp2Sjn…")."""
    tail, head = _ID_TAIL_RE.search(address), _ID_HEAD_RE.match(part)
    return bool(tail and head and _identifier_like(tail.group()) and _identifier_like(head.group()))


def _identifier_like(run: str) -> bool:
    """Return whether a run holds digits, capitals and small letters alike."""
    return any(c.isdigit() for c in run) and any(c.isupper() for c in run) and any(c.islower() for c in run)


def joiner(address: str, part: str) -> str:
    """Return what the blank between two pieces of an address stood for.

    Between two words of a slug ("Opportunities challenges-new-technologies") it is the
    hyphen that pdftotext lost at the line end; elsewhere ("news/ cted%E2...") nothing.
    """
    first = re.split(r"[/?#]", part, maxsplit=1)[0]
    if part[0] == "-":
        return ""
    if address[-1].isalnum() and part[0].isalnum() and "-" in first and "_" not in first:
        return "-"
    return ""


def trim(address: str) -> str:
    """Return the address without sentence punctuation or an unbalanced closing bracket at its end."""
    while address:
        last = address[-1]
        if last in URL_TRAILING or (last == ")" and address.count("(") < address.count(")")) or (
            last == "]" and address.count("[") < address.count("]")
        ):
            address = address[:-1]
        else:
            break
    return address
