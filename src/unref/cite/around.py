"""What is written around a citation: the date that dates it and its pinpoint ("para. 32")."""

from __future__ import annotations

import re

from unref.cite import patterns as P
from unref.structure.masthead import MONTH_NUMBERS

__all__ = ["date_near", "iso", "pinpoint"]


def date_near(text: str, start: int, end: int) -> tuple[str | None, int]:
    """Return the ISO date written just after (or before) the span, and where the span's tail ends."""
    after = P.DATE_AFTER_RE.match(text, end)
    if after:
        return iso(after["date"]), after.end()
    before = P.DATE_BEFORE_RE.search(text, max(0, start - 40), start)
    return (iso(before["date"]) if before else None), end


def iso(date: str) -> str | None:
    """Return the ISO form of a written date ("4 April 2011", "21 de diciembre de 1988"), or None."""
    m = P.DATE_RE.search(date)
    if not m:
        return None
    month = MONTH_NUMBERS.get(m["month"].lower())
    day = int(re.sub(r"\D", "", m["day"]))
    return f"{int(m['year']):04d}-{month:02d}-{day:02d}" if month else None


def pinpoint(text: str, start: int, end: int) -> str | None:
    """Return the pinpoint written after the span (", para. 32") or before it ("paragraph 9 of")."""
    after = P.PINPOINT_AFTER_RE.match(text, end)
    if after:
        return after["pin"]
    before = P.PINPOINT_BEFORE_RE.search(text, max(0, start - 60), start)
    return before["pin"] if before else None
