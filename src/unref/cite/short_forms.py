"""Short forms ("ibid.", "the same report") and the earlier citation each stands for."""

from __future__ import annotations

from unref.cite import patterns as P
from unref.cite.context import Unit
from unref.model import Citation

__all__ = ["antecedent_of", "short_forms_of"]


def short_forms_of(unit: Unit) -> list[Citation]:
    """Return "ibid."-like short forms of the unit, their targets not yet set."""
    if not P.SHORT_FORM_PREFILTER_RE.search(unit.text):
        return []
    out = []
    for m in P.SHORT_FORM_RE.finditer(unit.text):
        noun = (m["noun"] or m["noun2"] or "").lower() or None
        out.append(Citation("short_form", m.group(), unit.location, m.start(), m.end(),
                            fields={"form": "ibid" if m["ibid"] else "named", "noun": noun}))
    return out


def antecedent_of(c: Citation, out: list[Citation], indexes: list[int]) -> int | None:
    """Return the index in `out` of the citation a short form stands for: the nearest earlier one that fits.

    An "ibid." in a numbered note stands for the source of the note before (`_ibid_in_note`).
    """
    noun = c.fields.get("noun") or ""
    if not noun and (previous := _previous_note(c.location)) is not None:
        return _ibid_in_note(out, (c.location, previous))
    for index in reversed(indexes):
        citation = out[index]
        if citation.target is not None and citation.kind != "url" and _fits(noun, citation):
            return index
    return None


def _fits(noun: str, citation: Citation) -> bool:
    """Return whether a cited document can be what "the same <noun>" names ("" for ibid.: anything)."""
    target = citation.target or ""
    if noun.startswith(("resol", "résol")):
        return "/RES/" in target or citation.kind.endswith("resolution")
    if noun.startswith(("decis", "décis")):
        return "/DEC/" in target or citation.kind == "un_decision"
    if noun.startswith(("letter", "lettre", "carta")):
        return citation.kind == "letter" or (citation.kind == "un_symbol" and "/RES/" not in target)
    if noun:  # report, document, statement, informe, rapport
        return citation.kind in ("un_symbol", "publication") and "/RES/" not in target and "/DEC/" not in target
    return True


def _previous_note(location: str) -> str | None:
    """Return the location of the note before a numbered note ("fn:12" -> "fn:11"), or None."""
    label = location[3:] if location.startswith("fn:") else ""
    return f"fn:{int(label) - 1}" if label.isdecimal() and int(label) > 1 else None


def _ibid_in_note(out: list[Citation], notes: tuple[str, str]) -> int | None:
    """Return the index of the source an "ibid." in a note stands for, or None.

    "Ibid." names the source cited just before: earlier in its own note, else in the note before it, so
    a source that note does not cite (an interview, a press article without an address) is not replaced
    by one cited further back. Of that note's citations the last document is taken before a web address,
    which is where a document cited with its address can be read ("…, available at https://…").
    """
    for note in notes:
        here = [i for i in range(max(0, len(out) - 60), len(out)) if out[i].location == note and out[i].target]
        if here:
            pick = next((i for i in reversed(here) if out[i].kind not in ("url", "short_form")), here[-1])
            # An "ibid." after an "ibid." stands for what that one stood for.
            return int(out[pick].fields.get("antecedent", pick)) if out[pick].kind == "short_form" else pick
    return None
