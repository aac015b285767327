"""Whose resolution or decision a mention named in words is, and the citation it makes.

The organ is known from the words next to the mention, its sentence, an earlier citation of the
same number, the document's own organs, or the form of the number; when none tells, the mention
is left unresolved with the reason.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from unref.cite import patterns as P
from unref.cite.around import pinpoint
from unref.cite.bodies import bodies, organ_of_match
from unref.cite.context import Context, canon
from unref.cite.named import Named
from unref.cite.organs import (
    CHR,
    ECOSOC,
    GA,
    GA_FIRST,
    HRC,
    ORGAN_NAMES,
    PREFIX,
    SC,
    ga_roman_plausible,
    sc_plausible,
)
from unref.model import Citation, CitationKind
from unref.symbols import Symbol, try_parse

__all__ = ["resolve_all"]


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


def _resolve(n: Named, ctx: Context) -> tuple[str | None, str]:
    """Return (organ code, "body:<id>" or "=<symbol>", how it was found), or (None, why not)."""
    if n.explicit and n.explicit.startswith("body:"):
        return n.explicit, "words"
    organ, how = _find_organ(n, ctx)
    if organ and not organ.startswith("="):
        _remember(n, organ, ctx)
    return organ, how


def _find_organ(n: Named, ctx: Context) -> tuple[str | None, str]:
    if n.explicit:
        organ = _concrete(n.explicit, n, ctx)
        if organ:
            return organ, "words"
    for code in _sentence_organs(n):
        organ = _concrete(code, n, ctx)
        if organ:
            return organ, "sentence"
    remembered = ctx.memory.get(_key(n)) or ctx.memory.get(("num", n.decision, n.number))
    if remembered:
        return "=" + remembered, "earlier citation"
    for code in ctx.organs:
        if _compatible(code, n, ctx):
            return code, "document"
    default = _default_organ(n, ctx)
    if default:
        return default, "number form"
    return None, _reason(n)


def _remember(n: Named, organ: str, ctx: Context) -> None:
    target = _target(n, organ)
    if target:
        ctx.memory.setdefault(_key(n), target)
        if n.form in ("year", "roman"):  # a number of one series: "resolution 1514" after 1514 (XV)
            ctx.memory.setdefault(("num", n.decision, n.number), target)


def _key(n: Named) -> tuple[Any, ...]:
    return ("form", n.decision, n.form, n.number, n.when)


def _sentence_organs(n: Named) -> list[str]:
    """Return the UN organs named in the mention's sentence, nearest first."""
    text = n.unit.text
    start, end = _sentence(text, n.keyword_start, n.list_end)
    found = []
    for m in bodies().organ_re.finditer(text, start, end):
        code = organ_of_match(m)
        if code.startswith("body:") or n.keyword_start <= m.start() < n.list_end:
            continue
        distance = n.keyword_start - m.end() if m.end() <= n.keyword_start else m.start() - n.list_end + 1
        found.append((distance, code))
    return [code for _d, code in sorted(found)]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the sentence around [start, end)."""
    left = 0
    for m in P.SENTENCE_END_RE.finditer(text, 0, start):
        left = m.end()
    right = P.SENTENCE_END_RE.search(text, end)
    return left, right.start() if right else len(text)


def _concrete(code: str, n: Named, ctx: Context) -> str | None:
    """Return the organ a (possibly generic) name stands for, if the mention's number fits it."""
    if code == "ASSEMBLY":
        code = GA
    if code == "COUNCIL":
        councils = [o for o in ctx.organs if o in (SC, ECOSOC, HRC)] + [SC, ECOSOC, HRC]
        return next((o for o in councils if _compatible(o, n, ctx)), None)
    return code if _compatible(code, n, ctx) else None


def _compatible(organ: str, n: Named, ctx: Context) -> bool:
    """Return whether the organ issues resolutions (or decisions) numbered in the mention's form."""
    number = int(n.number)
    when = n.when or ""
    special = when.startswith(("S-", "ES-"))
    max_ga = (ctx.year or 2030) - 1945 + 1
    if n.decision:
        return (
            (organ == GA and n.form == "session" and (special or 31 <= int(when) <= max_ga))
            or (organ == HRC and n.form == "session")
            or (organ in (ECOSOC, CHR) and n.form == "yslash")
        )
    if organ in (ECOSOC, CHR) and n.form == "roman" and n.explicit == organ:
        return True
    if organ == SC:
        return n.form == "bare" or (n.form == "year" and sc_plausible(number, int(when)))
    if organ == GA:
        if n.form == "roman":
            return ga_roman_plausible(number, when)
        if n.form == "bare":  # "General Assembly resolution 2186": the Assembly's one series up to 1975
            return n.explicit in (GA, "ASSEMBLY") and 0 < number < GA_FIRST[-1]
        return n.form == "session" and number <= 500 and (special or 31 <= int(when) <= max_ga)
    if organ == HRC:
        max_hrc = 3 * ((ctx.year or 2030) - 2006) + 3
        in_range = when.startswith("S-") or (not special and int(when) <= max_hrc)
        return n.form == "session" and number <= 80 and in_range
    # ECOSOC and the Commission numbered like the early Assembly; a number that fits the
    # Assembly's session is the Assembly's unless the words say otherwise.
    other_roman = n.form == "roman" and not ga_roman_plausible(number, when)
    if organ == ECOSOC:
        return (n.form == "yslash" and int(when) >= 1978) or (other_roman and number <= 2200)
    if organ == CHR:
        return (n.form == "yslash" and 1978 <= int(when) <= 2006) or (other_roman and number <= 200)
    return False


def _default_organ(n: Named, ctx: Context) -> str | None:
    """Return the organ the form of the number implies when nothing else names one."""
    if n.form == "year" and _compatible(SC, n, ctx):
        return SC
    if n.form in ("session", "roman") and _compatible(GA, n, ctx):
        return GA
    return None


def _reason(n: Named) -> str:
    word = "decision" if n.decision else "resolution"
    if n.form == "bare":
        return f"the {word} is named without its year or session"
    if n.form == "year" and not sc_plausible(int(n.number), int(n.when or 0)):
        return f"no organ is named and {n.number} ({n.when}) is not a Security Council resolution of that year"
    return f"no organ is named, and the document does not say whose {word} {n.number} is"


def _target(n: Named, organ: str) -> str | None:
    """Return the canonical symbol text of a mention resolved to a UN organ."""
    if organ.startswith("="):
        return organ[1:]
    prefix = PREFIX[organ]
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


def _named_citation(n: Named, organ: str | None, how: str, ctx: Context) -> Citation | None:
    """Return the citation of a resolved (or unresolved) mention, or None for the document's own."""
    text = n.unit.text[n.start : n.end]
    fields: dict[str, Any] = {"named_in_prose": True}
    reason = None if organ else how
    if organ:
        fields["organ_from"] = how
    if n.letter:
        fields["part"] = n.letter
    if n.printed:
        fields["printed"] = n.printed  # the number as OCR left it; the target is its reading
    pin = pinpoint(n.unit.text, n.start, n.end)
    unresolved_kind: CitationKind = "un_decision" if n.decision else "un_resolution"
    if organ and organ.startswith("body:"):
        body = bodies().bodies[organ[5:]]
        item = _item_text(n)
        name = body.short or re.sub(r"\s+", " ", n.explicit_name or "")
        return Citation(body.kind, text, n.unit.location, n.start, n.end,
                        target=f"{name} {'decision' if n.decision else 'resolution'} {item}".strip(), pinpoint=pin,
                        fields={**fields, "body": body.id, "body_name": n.explicit_name})
    target = _target(n, organ) if organ else None
    if organ and n.form == "bare":
        target = ctx.memory.get(("num", n.decision, n.number))
        if target is None and organ == GA and _compatible(GA, n, ctx):
            # The Assembly numbered its resolutions in one series until 1975, so the number names
            # one; its session is not printed and the symbol is kept as printed (GOLD.md), A/RES/2186.
            target = f"A/RES/{n.number}"
    sym = _symbol_of(target) if target else None
    if sym is None:
        why = reason or _reason(n) if n.form == "bare" or not target else f"{target} is not a valid symbol"
        if organ in ORGAN_NAMES:
            fields["organ"] = ORGAN_NAMES[organ]
        return Citation(unresolved_kind, text, n.unit.location, n.start, n.end, resolved=False, reason=why,
                        pinpoint=pin, fields=fields)
    if canon(str(sym)) in ctx.own or canon(str(sym.base)) in ctx.own:
        return None
    if organ in ORGAN_NAMES:
        fields["organ"] = ORGAN_NAMES[organ]
    kind: CitationKind = "un_decision" if n.decision else "un_symbol"
    return Citation(kind, text, n.unit.location, n.start, n.end, target=str(sym), url=sym.url(ctx.language),
                    pinpoint=pin, fields=fields)
