"""UN symbols written in the text ("A/79/796-S/2025/105"), with their dates and pinpoints."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from unref.cite import patterns as P
from unref.cite.around import date_near, pinpoint
from unref.cite.context import Context, Unit, canon
from unref.model import Citation
from unref.symbols import Symbol, continuations, find_symbols, try_parse

__all__ = ["written_symbols"]


def written_symbols(unit: Unit, ctx: Context, warnings: list[str]) -> list[Citation]:
    """Return un_symbol citations for the symbols written in the unit, with dates and pinpoints."""
    text = unit.text
    if "/" not in text:
        return []
    out: list[Citation] = []
    for group in _symbol_groups(text):
        start, end = group[0][0], group[-1][1]
        if _masthead_symbol_line(unit, text, start, end):
            continue
        date, after = date_near(text, start, end)
        pin = pinpoint(text, start, after)
        for s, e, sym in group:
            sym = _repaired(sym)
            if canon(str(sym)) in ctx.own:
                continue
            if sym.is_resolution and sym.year:
                ctx.memory.setdefault(("num", False, sym.number), str(sym))
            fields: dict[str, Any] = {}
            if date:
                fields["date"] = date
                _check_year(sym, date, unit.location, warnings)
            if len(group) > 1:
                fields["double"] = [str(_repaired(x[2])) for x in group]
            out.append(_symbol_citation(sym, text[s:e], unit.location, s, e, ctx, pin, fields))
            for cs, ce, more in continuations(text, e, sym):  # "S/1995/222 and Corr.1 and 2", "Add.1-3"
                if canon(str(more)) not in ctx.own:
                    out.append(_symbol_citation(more, text[cs:ce], unit.location, cs, ce, ctx, None,
                                                {"continues": str(sym)}))
    return out


def _masthead_symbol_line(unit: Unit, text: str, start: int, end: int) -> bool:
    """Return whether the symbols at [start, end) are a masthead line of their own: the symbol block of a UN
    masthead names the document itself (its own symbols, or a session's label such as "E/25" printed there),
    never a document it cites (Editorial Manual: the symbol stands alone at the head of the first page)."""
    return unit.kind == "masthead" and not text[:start].strip() and not text[end:].strip(" .")


def _symbol_groups(text: str) -> Iterator[list[tuple[int, int, Symbol]]]:
    """Yield the written symbols, those of one double symbol ("A/79/796-S/2025/105") together.

    Two symbols that touch ("A/79/359S/2024/684", the dash lost with a table-cell break) are
    one double symbol too.
    """
    group: list[tuple[int, int, Symbol]] = []
    for hit in find_symbols(P.OCR_MODIFIER_RE.sub(r"\g<1>1", text)):
        if group and re.fullmatch(rf"(?:{P.SP}*{P.DASH}{P.SP}*)?", text[group[-1][1] : hit[0]]):
            group.append(hit)
            continue
        if group:
            yield group
        group = [hit]
    if group:
        yield group


def _repaired(sym: Symbol) -> Symbol:
    """Return the symbol with a typed dash read as a slash: "S/2020-503" is S/2020/503."""
    m = P.YEAR_DASH_NUMBER_RE.match(sym.number or "")
    if m and sym.series in ("S", "E") and sym.session is None and len(sym.parts) == 2:
        fixed = try_parse(f"{sym.series}/{m['year']}/{m['number']}")
        if fixed is not None:
            return fixed
    return sym


def _symbol_citation(
    sym: Symbol, text: str, location: str, start: int, end: int, ctx: Context, pin: str | None,
    fields: dict[str, Any],
) -> Citation:
    return Citation("un_symbol", text, location, start, end, target=str(sym), url=sym.url(ctx.language),
                    pinpoint=pin, fields=fields)


def _symbol_year(sym: Symbol) -> tuple[int, int] | None:
    """Return the range of years in which a document of this symbol can be dated."""
    session = sym.session or ""
    if sym.series in ("S", "E") and re.fullmatch(r"(?:19|20)\d\d", session):
        return int(session) - 1, int(session)
    if sym.series == "A" and not sym.bodies and session.isdecimal() and int(session) >= 31:
        return 1945 + int(session) - 1, 1945 + int(session) + 1
    return None


def _check_year(sym: Symbol, date: str, location: str, warnings: list[str]) -> None:
    years = _symbol_year(sym)
    if years and not years[0] <= int(date[:4]) <= years[1]:
        warnings.append(f"citation {sym} ({location}) is dated {date}: the year contradicts its symbol")
