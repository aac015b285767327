"""Whose resolution or decision a mention named in words is, and the citation it makes.

The organ is known from the words next to the mention, its sentence, an earlier citation of the
same number, the document's own organs, or the form of the number; when none tells, the mention
is left unresolved with the reason. Whether an organ can have issued a number is a rule per organ
(`_RESOLUTION_RULES`, `_DECISION_RULES`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from unref.cite import patterns as P
from unref.cite.around import pinpoint
from unref.cite.context import Context, canon
from unref.cite.named import Named
from unref.cite.organs import (
    ASSEMBLY,
    CHR,
    COUNCIL,
    ECOSOC,
    GA,
    GA_FIRST,
    HRC,
    SC,
    Generic,
    Organ,
    OtherBody,
    ResolutionOrgan,
    ga_roman_plausible,
    sc_plausible,
    sc_year_of,
)
from unref.cite.other_bodies import bodies, organ_of_match
from unref.model import Citation, CitationKind
from unref.symbols import Symbol, try_parse
from unref.text.regexes import lazy

__all__ = ["resolve_all"]


@dataclass(frozen=True, slots=True)
class _Remembered:
    """The target an earlier citation of the same number resolved to."""

    target: str


# What a mention resolves to: a UN organ, another body, an earlier citation's target, or nothing.
_Resolution = ResolutionOrgan | OtherBody | _Remembered | None


def resolve_all(named: list[Named], ctx: Context) -> None:
    """Resolve every mention and add its citation to its unit.

    Mentions whose organ is written come first, then the others, then bare numbers
    ("resolution 1701"), so that each may learn from those resolved before it.
    """
    ordered = sorted(named, key=lambda n: (n.form == "bare", not n.explicit))
    results = {id(n): _resolve(n, ctx) for n in ordered}
    for n in named:
        citation = _named_citation(n, *results[id(n)], ctx)
        if citation is not None:
            n.unit.citations.append(citation)


def _resolve(n: Named, ctx: Context) -> tuple[_Resolution, str]:
    """Return (what the mention resolves to, how it was found), or (None, why not)."""
    if isinstance(n.explicit, OtherBody):
        return n.explicit, "words"
    organ, how = _find_organ(n, ctx)
    if isinstance(organ, ResolutionOrgan):
        _remember(n, organ, ctx)
    return organ, how


def _find_organ(n: Named, ctx: Context) -> tuple[_Resolution, str]:
    """Return the organ of a mention and where it was found: its words, its sentence, an earlier citation of
    the number, the board whose document it is, the document's organs, the form of the number; or (None, why
    not)."""
    if n.explicit:
        organ = _concrete(n.explicit, n, ctx)
        if organ:
            return organ, "words"
    for name in _sentence_organs(n):
        organ = _concrete(name, n, ctx)
        if organ:
            return organ, "sentence"
    remembered = ctx.memory.get(_key(n)) or ctx.memory.get(("num", n.decision, n.number))
    if remembered:
        return _Remembered(remembered), "earlier citation"
    board = _document_board(ctx) if n.decision and n.form == "yslash" else None
    if board is not None:
        return board[0], "document"
    for organ in ctx.organs:
        if _compatible(organ, n, ctx):
            return organ, "document"
    default = _default_organ(n, ctx)
    if default:
        return default, "number form"
    return None, _reason(n)


def _document_board(ctx: Context) -> tuple[OtherBody, str] | None:
    """Return the body other than a UN organ that heads the document's masthead, with the name the catalogue
    gives it ("Executive Board of the United Nations Children's Fund" is the Executive Board), or None.

    The executive boards of the funds and programmes number their decisions by year, as the Economic and
    Social Council does ("decision 2023/4"); in the board's own document ("E/ICEF/2025/L.8", "DP/OPS/2025/1")
    such a decision, no organ named, is the board's, not the Council's.
    """
    for name in ctx.organ_names:
        m = bodies().organ_re.match(name)
        organ = organ_of_match(m) if m is not None else None
        if m is not None and isinstance(organ, OtherBody):
            return organ, m.group()
    return None


def _remember(n: Named, organ: ResolutionOrgan, ctx: Context) -> None:
    """Remember the target of a resolved mention, for later mentions of the same number."""
    target = _target(n, organ)
    if target:
        ctx.memory.setdefault(_key(n), target)
        if n.form in ("year", "roman"):  # a number of one series: "resolution 1514" after 1514 (XV)
            ctx.memory.setdefault(("num", n.decision, n.number), target)


def _key(n: Named) -> tuple[Any, ...]:
    """Return the memory key of a mention: its number in its form."""
    return ("form", n.decision, n.form, n.number, n.when)


def _sentence_organs(n: Named) -> list[ResolutionOrgan | Generic]:
    """Return the UN organs named in the mention's sentence, nearest first."""
    text = n.unit.text
    start, end = _sentence(text, n.keyword_start, n.list_end)
    found: list[tuple[int, ResolutionOrgan | Generic]] = []
    for m in bodies().organ_re.finditer(text, start, end):
        organ = organ_of_match(m)
        if isinstance(organ, OtherBody) or n.keyword_start <= m.start() < n.list_end:
            continue
        distance = n.keyword_start - m.end() if m.end() <= n.keyword_start else m.start() - n.list_end + 1
        found.append((distance, organ))
    # At one distance, by code, as the codes themselves were sorted before organs were values.
    return [organ for _d, organ in sorted(found, key=lambda item: (item[0], item[1].code))]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the sentence around [start, end).

    The paragraph's sentence ends are found once, not once per mention: a paragraph of 60,000
    characters with a hundred mentions was scanned from its start for each (quadratic). A stop is
    one character, so each is found alike from any position; on the left, a stop counts only when
    what follows it (blank, capital) lies before `start`, as when the text was cut there.
    """
    ends = _sentence_ends(text)
    k = bisect_left(ends, start)
    left = next((ends[i] + 1 for i in range(k - 1, -1, -1) if P.SENTENCE_END_RE.match(text, ends[i], start)), 0)
    j = bisect_left(ends, end)
    return left, ends[j] if j < len(ends) else len(text)


@lru_cache(maxsize=4)
def _sentence_ends(text: str) -> list[int]:
    """Return where each sentence of a paragraph ends (the offset of its stop), in order.

    Only the stops are tried: the pattern's lookbehinds, run at every character, cost 40 times more.
    """
    return [m.start() for m in _STOP_RE.finditer(text) if P.SENTENCE_END_RE.match(text, m.start())]


_STOP_RE = lazy(r"[.;!?]")  # the one character SENTENCE_END_RE matches


# "The Council" is the document's council first, then the Security Council, ECOSOC, the Human Rights Council.
_COUNCILS = (SC, ECOSOC, HRC)


def _concrete(name: Organ, n: Named, ctx: Context) -> ResolutionOrgan | None:
    """Return the organ a (possibly generic) name stands for, if the mention's number fits it."""
    if name == COUNCIL:
        councils = [o for o in ctx.organs if o in _COUNCILS] + list(_COUNCILS)
        return next((o for o in councils if _compatible(o, n, ctx)), None)
    organ = GA if name == ASSEMBLY else name
    return organ if isinstance(organ, ResolutionOrgan) and _compatible(organ, n, ctx) else None


# ---------------------------------------------------------------------------
# Which organ can have issued a number: a rule per organ


def _compatible(organ: ResolutionOrgan, n: Named, ctx: Context) -> bool:
    """Return whether the organ issues resolutions (or decisions) numbered in the mention's form."""
    rule = (_DECISION_RULES if n.decision else _RESOLUTION_RULES).get(organ)
    return rule is not None and rule(n, ctx)


def _special(when: str) -> bool:
    """Return whether a session is a special or emergency special one: S-27, ES-10."""
    return when.startswith(("S-", "ES-"))


def _ga_session(when: str, ctx: Context) -> bool:
    """Return whether the Assembly numbered by `when` (session/number) at the document's date.

    It numbers so from its thirty-first session (1976); session N opens in 1945 + N.
    """
    return _special(when) or 31 <= int(when) <= (ctx.year or 2030) - 1945 + 1


def _roman_named(organ: ResolutionOrgan, n: Named) -> bool:
    """Return whether the words name the organ of a roman-session number: "Economic and Social Council
    resolution 1503 (XLVIII)" is the Council's even where the number fits an Assembly session."""
    return n.form == "roman" and n.explicit == organ


def _other_roman(n: Named) -> bool:
    """Return whether a roman-session number does not fit the Assembly's session.

    ECOSOC and the Commission numbered like the early Assembly; a number that fits the
    Assembly's session is the Assembly's unless the words say otherwise.
    """
    return n.form == "roman" and not ga_roman_plausible(int(n.number), n.when or "")


def _sc_resolution(n: Named, ctx: Context) -> bool:
    """The Security Council: one series with the year, 822 (1993), that fits the year; or a bare number."""
    return n.form == "bare" or (n.form == "year" and sc_plausible(int(n.number), int(n.when or "")))


def _ga_resolution(n: Named, ctx: Context) -> bool:
    """The General Assembly: roman sessions until 1975, 217 A (III); session/number since, 47/118."""
    number, when = int(n.number), n.when or ""
    if n.form == "roman":
        return ga_roman_plausible(number, when) or _assembly_named_as_printed(n)
    if n.form == "bare":  # "General Assembly resolution 2186": the Assembly's one series up to 1975
        return n.explicit in (GA, ASSEMBLY) and 0 < number < GA_FIRST[-1]
    return n.form == "session" and number <= 500 and _ga_session(when, ctx)


# A well-formed roman numeral of the Assembly's roman era, sessions I to XXX (1946-1975).
_GA_ROMAN_SESSION_RE = lazy(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})|XXX")


def _assembly_named_as_printed(n: Named) -> bool:
    """Return whether the words name the Assembly for a roman-session number its numbering does not confirm:
    "General Assembly resolution 2145 (XXII)" (printed for 2145 (XXI)) is the Assembly's and its symbol is
    kept as printed (GOLD.md: symbols are recorded as printed, typos included), when the session is a
    well-formed numeral of the Assembly's roman era; "2625 (XXVV)" is no numeral and stays unresolved."""
    return n.explicit in (GA, ASSEMBLY) and _GA_ROMAN_SESSION_RE.fullmatch(n.when or "") is not None


def _hrc_resolution(n: Named, ctx: Context) -> bool:
    """The Human Rights Council: session/number since 2006, three regular sessions a year, and special ones."""
    if n.form != "session":  # a bare number or a roman session is never the Council's (and int() would fail)
        return False
    number, when = int(n.number), n.when or ""
    max_hrc = 3 * ((ctx.year or 2030) - 2006) + 3
    in_range = when.startswith("S-") or (not _special(when) and int(when) <= max_hrc)
    return number <= 80 and in_range


def _ecosoc_resolution(n: Named, ctx: Context) -> bool:
    """The Economic and Social Council: year/number since 1978, 1996/31; roman sessions before."""
    number, when = int(n.number), n.when or ""
    if _roman_named(ECOSOC, n):
        return True
    return (n.form == "yslash" and int(when) >= 1978) or (_other_roman(n) and number <= 2200)


def _chr_resolution(n: Named, ctx: Context) -> bool:
    """The Commission on Human Rights: year/number from 1978 until it ended in 2006; roman sessions before."""
    number, when = int(n.number), n.when or ""
    if _roman_named(CHR, n):
        return True
    return (n.form == "yslash" and 1978 <= int(when) <= 2006) or (_other_roman(n) and number <= 200)


def _ga_decision(n: Named, ctx: Context) -> bool:
    """General Assembly decisions are numbered by session: 48/472."""
    return n.form == "session" and _ga_session(n.when or "", ctx)


def _hrc_decision(n: Named, ctx: Context) -> bool:
    """Human Rights Council decisions are numbered by session: 19/115."""
    return n.form == "session"


def _yslash_decision(n: Named, ctx: Context) -> bool:
    """ECOSOC and Commission decisions are numbered by year: 1996/297."""
    return n.form == "yslash"


_Rule = Callable[[Named, Context], bool]
_RESOLUTION_RULES: dict[ResolutionOrgan, _Rule] = {
    SC: _sc_resolution,
    GA: _ga_resolution,
    HRC: _hrc_resolution,
    ECOSOC: _ecosoc_resolution,
    CHR: _chr_resolution,
}
_DECISION_RULES: dict[ResolutionOrgan, _Rule] = {
    GA: _ga_decision,
    HRC: _hrc_decision,
    ECOSOC: _yslash_decision,
    CHR: _yslash_decision,
}


def _default_organ(n: Named, ctx: Context) -> ResolutionOrgan | None:
    """Return the organ the form of the number implies when nothing else names one."""
    if n.form == "year" and _compatible(SC, n, ctx):
        return SC
    if n.form in ("session", "roman") and _compatible(GA, n, ctx):
        return GA
    return None


def _reason(n: Named) -> str:
    """Return why a mention is left unresolved."""
    word = "decision" if n.decision else "resolution"
    if n.form == "bare":
        return f"the {word} is named without its year or session"
    if n.form == "year" and not sc_plausible(int(n.number), int(n.when or 0)):
        return f"no organ is named and {n.number} ({n.when}) is not a Security Council resolution of that year"
    return f"no organ is named, and the document does not say whose {word} {n.number} is"


# ---------------------------------------------------------------------------
# The citation of a mention


def _target(n: Named, organ: ResolutionOrgan | _Remembered) -> str | None:
    """Return the canonical symbol text of a mention resolved to a UN organ (or to an earlier citation)."""
    if isinstance(organ, _Remembered):
        return organ.target
    prefix = organ.symbol_prefix
    kind = "DEC" if n.decision else "RES"
    letter = f" {n.letter}" if n.letter and not n.decision else ""  # "decision 48/472 A": A/DEC/48/472
    if n.form == "bare":
        return None
    if n.form == "year":
        return f"{prefix}/{kind}/{n.number} ({n.when})"
    if n.form == "roman":
        return f"{prefix}/{kind}/{n.number}{letter} ({n.when})"
    return f"{prefix}/{kind}/{n.when}/{n.number}{letter}"


def _symbol_of(target: str) -> Symbol | None:
    """Return the Symbol of a target; special-session romans ("1874 (S-IV)") are built by hand."""
    sym = try_parse(target)
    if sym is None:
        m = re.fullmatch(r"(.+ \()(E?S-)([IVXLC]+)\)", target)
        base = try_parse(f"{m[1]}{m[3]})") if m else None
        sym = replace(base, year=f"{m[2]}{m[3]}") if base is not None and m else None
    return sym


def _item_text(n: Named) -> str:
    """Return the number of a mention as written in canonical form: "822 (1993)", "31/1", "1701"."""
    if n.form in ("year", "roman"):
        return f"{n.number} ({n.when})"
    return f"{n.when}/{n.number}" if n.when else n.number


def _named_citation(n: Named, organ: _Resolution, how: str, ctx: Context) -> Citation | None:
    """Return the citation of a resolved (or unresolved) mention, or None for the document's own."""
    text = n.unit.text[n.start : n.end]
    fields = _mention_fields(n, organ, how)
    pin = pinpoint(n.unit.text, n.start, n.end)
    if isinstance(organ, OtherBody):
        board = _document_board(ctx) if how == "document" else None
        return _body_citation(n, organ, text, pin, fields, n.explicit_name or (board[1] if board else None))
    target = _resolved_target(n, organ, ctx)
    sym = _symbol_of(target) if target else None
    if sym is None:
        reason = None if organ else how
        why = reason or _reason(n) if n.form == "bare" or not target else f"{target} is not a valid symbol"
        _add_organ_name(fields, organ)
        kind: CitationKind = "un_decision" if n.decision else "un_resolution"
        return Citation(kind, text, n.unit.location, n.start, n.end, resolved=False, reason=why,
                        pinpoint=pin, fields=fields)
    if canon(str(sym)) in ctx.own or canon(str(sym.base)) in ctx.own:
        return None
    _add_organ_name(fields, organ)
    kind = "un_decision" if n.decision else "un_symbol"
    return Citation(kind, text, n.unit.location, n.start, n.end, target=str(sym), url=sym.url(ctx.language),
                    pinpoint=pin, fields=fields)


def _mention_fields(n: Named, organ: _Resolution, how: str) -> dict[str, Any]:
    """Return the fields every citation of a mention carries: how its organ was found, its part, its print."""
    fields: dict[str, Any] = {"named_in_prose": True}
    if organ:
        fields["organ_from"] = how
    if n.letter:
        fields["part"] = n.letter
    if n.printed:
        fields["printed"] = n.printed  # the number as OCR left it; the target is its reading
    return fields


def _add_organ_name(fields: dict[str, Any], organ: _Resolution) -> None:
    """Add the English name of the UN organ a mention resolved to (none for an earlier citation's target)."""
    if isinstance(organ, ResolutionOrgan):
        fields["organ"] = organ.name


def _body_citation(
    n: Named, organ: OtherBody, text: str, pin: str | None, fields: dict[str, Any], named: str | None
) -> Citation:
    """Return the citation of another body's resolution or decision: "PACE resolution 1416 (2005)"; `named` is
    the body's name as the words or the document's masthead give it."""
    body = bodies().bodies[organ.id]
    item = _item_text(n)
    name = body.short or re.sub(r"\s+", " ", named or "")
    return Citation(body.kind, text, n.unit.location, n.start, n.end,
                    target=f"{name} {'decision' if n.decision else 'resolution'} {item}".strip(), pinpoint=pin,
                    fields={**fields, "body": body.id, "body_name": named})


def _resolved_target(n: Named, organ: ResolutionOrgan | _Remembered | None, ctx: Context) -> str | None:
    """Return the target of a mention resolved to a UN organ or an earlier citation, or None.

    A bare number ("resolution 1701") has a target only when an earlier citation gave its number one,
    or when the words name the Assembly and the number lies in its one series.
    """
    target = _target(n, organ) if organ else None
    if organ and n.form == "bare":
        target = ctx.memory.get(("num", n.decision, n.number))
        if target is None and organ == GA and _compatible(GA, n, ctx):
            # The Assembly numbered its resolutions in one series until 1975, so the number names
            # one; its session is not printed and the symbol is kept as printed (GOLD.md), A/RES/2186.
            target = f"A/RES/{n.number}"
        if target is None and organ == SC:
            target = _sc_bare_target(n, ctx)
    return target


def _sc_bare_target(n: Named, ctx: Context) -> str | None:
    """Return the symbol of a Security Council resolution named by its number alone ("UNSCR 1325",
    "Security Council resolution 2417"): the Council's one series gives its year (`sc_year_of`), which
    the document cannot precede. None for a decision, or where the table does not give the year."""
    year = sc_year_of(int(n.number)) if not n.decision and n.number.isdigit() else None
    if year is None or (ctx.year is not None and year > ctx.year):
        return None
    return f"S/RES/{n.number} ({year})"
