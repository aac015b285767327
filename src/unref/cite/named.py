"""Resolutions and decisions named in words: the lists of numbers after "resolution", and the organ beside them.

Each number of a list becomes a `Named` mention; `unref.cite.resolve` finds whose it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from unref.cite import patterns as P
from unref.cite.context import Unit
from unref.cite.organs import SC, Organ, sc_plausible
from unref.cite.other_bodies import bodies, organ_of_match
from unref.text.regexes import lazy

__all__ = ["Named", "named_mentions"]


@dataclass(slots=True)
class Named:
    """One number of a resolution or decision named in words."""

    unit: Unit
    start: int
    end: int
    keyword_start: int
    list_end: int
    decision: bool
    form: str  # year, roman, yslash, session, bare
    number: str
    when: str | None  # the year, roman session or session
    letter: str | None
    explicit: Organ | None  # the organ or body written next to the mention
    explicit_name: str | None = None  # the name as written
    printed: str | None = None  # a number OCR damaged, as printed ("S11 (1982)")


def named_mentions(unit: Unit, before: Unit | None = None) -> list[Named]:
    """Return each number of each resolution or decision list named in the unit's text.

    `before` is the paragraph before; when it ends with the keyword ("pursuant to Security Council
    resolution" at a page or column break), a list that opens this paragraph is its list.
    """
    text = unit.text
    out = _carried_list(unit, before) if before is not None else []
    if unit.names_resolutions():
        out += _keyword_lists(unit, out)
    if "(19" in text or "(20" in text:
        out += _keywordless_runs(unit, out)
    return out


# Paragraphs whose opening keyword names the document's own text: "Decision 1" heading a decision, and the
# heading a resolution opens with, which the masthead holds ("Resolution 434 (1973)", printed for 1978).
_OWN_HEADINGS = ("heading", "title", "masthead")


def _keyword_lists(unit: Unit, carried: list[Named]) -> list[Named]:
    """Return each number of each list that a keyword opens ("Security Council resolutions 822 (1993) and
    853 (1993)"), past the list `carried` over from the paragraph before."""
    text = unit.text
    out: list[Named] = []
    consumed = carried[-1].list_end if carried else 0
    for kw in P.RES_KEYWORD_RE.finditer(text):
        if kw.start() < consumed or (unit.kind in _OWN_HEADINGS and kw.start() == 0):
            continue  # "Decision 1" heading the document's own decision
        items = _list_items(text, kw.end())
        if not items:
            continue
        list_end = items[-1].end
        consumed = list_end
        date = P.DATE_AFTER_RE.match(text, list_end)
        words = _as_prose(text) if _in_capitals(kw) else text
        explicit = _organ_next_to(words, kw.start(), date.end() if date else list_end)
        if kw["unscr"]:
            explicit = (SC, kw["unscr"])
        for item in items:
            out += _named_items(unit, item, (kw.start(), kw.end(), bool(kw["dec"])), list_end, explicit)
    return out


# A number in the Security Council's year form: where a run of a list may start again.
_YEAR_FORM_RE = lazy(rf"(?<![\w/.\-])\d{{1,4}}{P.SP}*\({P.SP}*{P.YEAR}{P.SP}*\)")
MIN_RUN = 3  # numbers in a run that no keyword opens: fewer could be anything ("vol. 75 (1950)")


def _keywordless_runs(unit: Unit, found: list[Named]) -> list[Named]:
    """Return the numbers of lists that lost their keyword.

    Extraction may break a list with a line from elsewhere ("resolutions 660 (1990) of 2 August 1990,
    661 of 3 April 1991 The Security Council, (1990) of 6 August 1990, 662 (1990) of 9 August 1990, 664
    (1990) ..."), and the list goes on with no keyword before it. A run of `MIN_RUN` or more year-form
    numbers that ascend, each a Security Council resolution of its year, is such a list: no other
    reference runs so.
    """
    text = unit.text
    taken = [(n.keyword_start, n.list_end) for n in found if n.unit is unit]
    out: list[Named] = []
    pos = 0
    for m in _YEAR_FORM_RE.finditer(text):
        if m.start() < pos or any(a <= m.start() < b for a, b in taken):
            continue
        items = _list_items(text, m.start())
        if _is_council_run(items):
            out += [n for item in items for n in _named_items(unit, item, (item.start, item.start, False),
                                                              items[-1].end, None)]
        pos = items[-1].end if items else m.end()
    return out


def _is_council_run(items: list[_Item]) -> bool:
    """Return whether the numbers of a list without keyword are Security Council resolutions: `MIN_RUN` or
    more, in the year form, ascending, each plausible in its year (organs.sc_plausible)."""
    if len(items) < MIN_RUN or any(item.form != "year" or not item.when for item in items):
        return False
    numbers = [int(item.number) for item in items]
    return numbers == sorted(set(numbers)) and all(
        sc_plausible(int(item.number), int(item.when or 0)) for item in items
    )


def _carried_list(unit: Unit, before: Unit) -> list[Named]:
    """Return the list that opens `unit` when the paragraph before ends with its keyword.

    Only numbers with their year or session are read so: a bare number opening a paragraph is
    more often its own number ("resolution" then "1. The Council ...").
    """
    if before.footnote or unit.footnote or not before.names_resolutions():
        return []  # (no keyword in the paragraph before: none at its end)
    # The keyword ends the text but for blanks (WS is white space to str.rstrip) and has at most 11
    # letters: the search starts near the end (its look-behinds still see the text before).
    btext = before.text
    tail = max(0, len(btext.rstrip()) - 40)
    if not P.RES_PREFILTER.found_in(btext[tail:]):
        return []  # no keyword where the search looks: the search itself is the cost, on every paragraph
    kw = P.RES_KEYWORD_END_RE.search(btext, tail)
    if kw is None:
        return []
    items = _list_items(unit.text, 0)
    if not items or items[0].start != 0 or any(item.form == "bare" for item in items):
        return []
    list_end = items[-1].end
    date = P.DATE_AFTER_RE.match(unit.text, list_end)
    explicit = _organ_next_to(before.text, kw.start(), len(before.text)) or _organ_next_to(
        unit.text, 0, date.end() if date else list_end
    )
    if kw["unscr"]:
        explicit = (SC, kw["unscr"])
    out = []
    for item in items:
        out += _named_items(unit, item, (0, 0, bool(kw["dec"])), list_end, explicit)
    return out


@dataclass(slots=True)
class _Item:
    """One number of a list as read: its span, form, number, year or session, part letters."""

    start: int
    end: int
    form: str  # year, roman, yslash, session, bare
    number: str
    when: str | None
    letters: str | None = None
    printed: str | None = None  # a number OCR damaged, as printed ("S11 (1982)" read as 511)


def _item(m: re.Match[str]) -> _Item:
    """Return the item of a match of RES_ITEM_RE."""
    if m["num"]:
        form = "year" if m["year"] else "roman"
        number, when, letters = m["num"], m["year"] or m["roman"], m["letters"]
    elif m["scnum"]:
        form, number, when, letters = "year", m["scnum"], m["scyear"], None
    elif m["yslash"]:
        form, number, when, letters = "yslash", m["ynum"], m["yslash"], m["yletters"]
    elif m["session"]:
        form, number, when, letters = "session", m["snum"], m["session"], m["sletters"]
    else:
        form, number, when, letters = "bare", m["bare"], None, None
    when = re.sub(P.DASH, "-", when).translate(P.CYRILLIC_ROMAN) if when else None
    return _Item(m.start(), m.end(), form, number, when, letters)


def _list_items(text: str, pos: int) -> list[_Item]:
    """Return the numbers of a list that starts at `pos`: "822 (1993), 853 (1993) and 874 (1993)".

    A list of year-form numbers (the Security Council's) also goes on through OCR damage: a lost
    comma, a point read for one, a number read with letters or broken ("S11 (1982)", "512.(1982)",
    "387 1976)"). Such a number is kept only when the Council's numbering and the list's order
    leave one reading; one that cannot be read is passed over when clean numbers follow it.
    """
    first = _first_entry(text, pos)
    entries: list[_Item | re.Match[str]] = [first] if first is not None else []  # clean items, damaged numbers
    while entries:
        following = _next_entry(text, entries)
        if following is None:
            break
        entries.append(following)
    return _read_damaged(entries)


def _first_entry(text: str, pos: int) -> _Item | re.Match[str] | None:
    """Return the list's first number at `pos`: clean, or damaged where a bare number or nothing is read."""
    m = P.RES_ITEM_RE.match(text, pos)
    damaged = _damaged_at(text, pos, first=True) if m is None or m["bare"] else None
    if damaged:
        return damaged
    return _item(m) if m else None


def _next_entry(text: str, entries: list[_Item | re.Match[str]]) -> _Item | re.Match[str] | None:
    """Return the number after the list's last one, past a separator: a clean number, or in a list of
    year-form numbers a damaged one; None where the list ends."""
    years = all(isinstance(e, re.Match) or e.form == "year" for e in entries)
    last = entries[-1]
    sep, weak = _separator(text, last.end if isinstance(last, _Item) else last.end(), years)
    if sep is None:
        return None
    m = P.RES_ITEM_RE.match(text, sep.end())
    if m and _continues(m, entries, weak):
        return _item(m)
    return _damaged_at(text, sep.end()) if years else None


def _separator(text: str, end: int, years: bool) -> tuple[re.Match[str] | None, bool]:
    """Return the separator after a number of a list and whether it is weak: a lost comma or a point read
    for one, which only a list of year-form numbers reads past."""
    sep = P.LIST_SEP_RE.match(text, end)
    if sep is not None:
        return sep, False
    return (P.LIST_WEAK_SEP_RE.match(text, end) if years else None), True


def _continues(m: re.Match[str], entries: list[_Item | re.Match[str]], weak: bool) -> bool:
    """Return whether a clean number goes on the list: a bare number only continues a bare list
    ("resolution 1701 (2006), 30 days"), and after a weak separator only a year-form number that ascends."""
    if m["bare"] and isinstance(entries[0], _Item) and entries[0].form != "bare":
        return False
    return not weak or bool(m["year"] and _ascends(entries, int(m["num"])))


def _ascends(entries: list[_Item | re.Match[str]], number: int) -> bool:
    """Return whether `number` comes after the last clean number of the list (Council lists ascend)."""
    clean = [int(e.number) for e in entries if isinstance(e, _Item)]
    return bool(clean) and clean[-1] < number


def _damaged_at(text: str, pos: int, first: bool = False) -> re.Match[str] | None:
    """Return a year-form number that OCR damaged at `pos` ("S11 (1982)", "387 1976)"), if one stands there.

    A number that lost both its parentheses ("775 1992") is read only inside a list, never as its first
    number: "resolution 58 1992" is too weak a sign of a list on its own.
    """
    m = P.DAMAGED_ITEM_RE.match(text, pos)
    if m is None or not re.search(r"\d", m["dnum"]):
        return None
    unclosed = m["unclosed"] is not None
    if re.fullmatch(r"\d+", m["dnum"]) and not m["stray"] and m["open"] and not m["close"] and not unclosed:
        return None  # undamaged: RES_ITEM_RE reads it, or it is not a number of a list
    if first and ((unclosed and not m["open"]) or m["lostyear"]):
        return None
    return m


def _read_damaged(entries: list[_Item | re.Match[str]]) -> list[_Item]:
    """Return the list's items, each damaged number read from its neighbours or left out.

    The Security Council numbers its resolutions in one series and its lists ascend, so a damaged
    number is read when exactly one reading lies between its clean neighbours and fits its year
    (`sc_plausible`). With both neighbours known a letter may stand for any digit ("SB2" between
    981 and 983 is 982); with one, only for the digit it resembles ("S11" is 511).
    """
    items: list[_Item] = []
    for i, entry in enumerate(entries):
        if isinstance(entry, _Item):
            items.append(entry)
            continue
        before = entries[i - 1] if i > 0 else None
        after = entries[i + 1] if i + 1 < len(entries) else None
        low = int(before.number) if isinstance(before, _Item) else None
        high = int(after.number) if isinstance(after, _Item) else None
        year = entry["dyear"] or _neighbours_year(before, after)
        number = _repaired_number(entry, low, high, first=i == 0) if year else None
        if number is not None:
            items.append(_Item(entry.start(), entry.end(), "year", str(number), year,
                               printed=re.sub(r"\s+", " ", entry.group())))
        elif after is None:
            break  # an unreadable number ends the list
    return items


def _repaired_number(m: re.Match[str], low: int | None, high: int | None, first: bool) -> int | None:
    """Return the one reading of a damaged number that fits its year and its neighbours, or None."""
    raw = m["dnum"].replace(" ", "").replace("\u00a0", "")
    if low is None and high is None and not first:
        return None
    if m["dyear"] is None:
        return int(raw) if raw.isdigit() and low is not None and high is not None and low < int(raw) < high else None
    year = int(m["dyear"])
    fits = {n for n in _readings(raw, low, high) if _fits(n, year, low, high)}
    return fits.pop() if len(fits) == 1 else None


def _neighbours_year(before: _Item | re.Match[str] | None, after: _Item | re.Match[str] | None) -> str | None:
    """Return the year of a number whose year OCR destroyed ("508 eB)"): the year of both its clean neighbours,
    when they share one (the Council's lists ascend, so the number lies in that year too); else None."""
    if isinstance(before, _Item) and isinstance(after, _Item) and before.when == after.when:
        return before.when
    return None


def _readings(raw: str, low: int | None, high: int | None) -> set[int]:
    """Return the numbers a damaged number may be: with both neighbours known, a letter may stand for any
    digit; else only for the digit it resembles (OCR_DIGITS)."""
    if low is not None and high is not None and not raw.isdigit():
        return {int("".join(d)) for d in _digit_choices(raw)}
    mapped = raw.translate(P.OCR_DIGITS)
    return {int(mapped)} if mapped.isdigit() else set()


def _fits(n: int, year: int, low: int | None, high: int | None) -> bool:
    """Return whether a reading is a Security Council resolution of the year between its neighbours."""
    return sc_plausible(n, year) and (low is None or low < n) and (high is None or n < high) and n > 0


def _digit_choices(raw: str) -> Iterator[tuple[str, ...]]:
    """Yield every digit string a damaged number may stand for: each letter any digit."""
    return itertools.product(*[(ch,) if ch.isdigit() else tuple("0123456789") for ch in raw])


def _named_items(
    unit: Unit, item: _Item, kw: tuple[int, int, bool], list_end: int, explicit: tuple[Organ, str] | None
) -> list[Named]:
    """Return the mentions of one item; `kw` is the keyword's (start, end, is a decision)."""
    kw_start, kw_end, decision = kw
    start = kw_start if item.start == kw_end else item.start
    parts = re.findall(r"[A-H]", item.letters) if item.letters else [None]
    organ, name = explicit or (None, None)
    return [
        Named(unit, start, item.end, kw_start, list_end, decision, item.form, item.number, item.when,
              letter, organ, name, printed=item.printed)
        for letter in parts
    ]


def _in_capitals(kw: re.Match[str]) -> bool:
    """Return whether a keyword is set in capitals, as in a title ("SECURITY COUNCIL RESOLUTION 1038 (1996)")."""
    word = kw["res"] or kw["dec"] or ""
    return len(word) > 1 and word.isupper()


# The small words of an organ's name that prose writes in lower case ("Economic and Social Council").
_SMALL_WORDS = frozenset(("of", "on", "and", "the", "for", "to", "in", "de", "du", "des", "la", "le", "et", "del", "y"))
_LETTERS_RE = lazy(r"[^\W\d_]+")


def _as_prose(text: str) -> str:
    """Return a title set in capitals with its words cased as prose names an organ ("HUMAN RIGHTS COUNCIL" ->
    "Human Rights Council"), so that the organ names of the catalogue read it; at the same offsets, or the text
    unchanged where casing would change a length (a few letters fold to two)."""
    prose = _LETTERS_RE.sub(lambda m: m[0].lower() if m[0].lower() in _SMALL_WORDS else m[0].capitalize(), text)
    return prose if len(prose) == len(text) else text


def _organ_next_to(text: str, keyword: int, list_end: int) -> tuple[Organ, str] | None:
    """Return (organ, name) of the organ or body named right before the keyword or right after the list."""
    organ_re = bodies().organ_re
    window_start = max(0, keyword - 160)
    found = None
    for m in organ_re.finditer(text, window_start, keyword):
        if P.ORGAN_FILLER_BEFORE_RE.match(text[m.end() : keyword]):
            found = (organ_of_match(m), m.group())
    if found:
        return found
    after = organ_re.search(text, list_end, min(len(text), list_end + 160))
    if after and P.ORGAN_FILLER_AFTER_RE.match(text[list_end : after.start()]):
        return organ_of_match(after), after.group()
    return None
