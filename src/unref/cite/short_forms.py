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
    """Return the index in `out` of the citation a short form stands for: the nearest earlier one that fits."""
    noun = c.fields.get("noun") or ""
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
