"""Short forms ("ibid.", "the same report") and the earlier citation each stands for."""

from __future__ import annotations

from collections.abc import Mapping

from unref.cite import patterns as P
from unref.cite.context import Unit
from unref.cite.publications import sources_of_note
from unref.model import Citation

__all__ = ["antecedent_of", "note_source", "short_forms_of"]


def short_forms_of(unit: Unit) -> list[Citation]:
    """Return "ibid."-like short forms of the unit, their targets not yet set."""
    if not P.SHORT_FORM_PREFILTER.found_in(unit.text, unit.lowered()):
        return []
    out = []
    for m in P.SHORT_FORM_RE.finditer(unit.text):
        noun = (m["noun"] or m["noun2"] or "").lower() or None
        out.append(Citation("short_form", m.group(), unit.location, m.start(), m.end(),
                            fields={"form": "ibid" if m["ibid"] else "named", "noun": noun}))
    return out


def antecedent_of(
    c: Citation, out: list[Citation], indexes: list[int], notes: Mapping[str, str] | None = None
) -> int | None:
    """Return the index in `out` of the citation a short form stands for: the nearest earlier one that fits.

    An "ibid." in a numbered note stands for the source of the note before (`_ibid_in_note`); `notes`,
    the notes' texts by location, tell which of that note's sources was cited last.
    """
    noun = c.fields.get("noun") or ""
    if not noun and (previous := _previous_note(c.location)) is not None:
        return _ibid_in_note(out, (c.location, previous), notes or {})
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


def _ibid_in_note(out: list[Citation], notes: tuple[str, str], texts: Mapping[str, str]) -> int | None:
    """Return the index of the source an "ibid." in a note stands for, or None.

    "Ibid." names the source cited just before (the Editorial Manual's use): earlier in its own note, else
    the last source of the note before it (`last_source`), so a source that note does not cite (an interview,
    a press article without an address) is not replaced by one cited further back.
    """
    for note in notes:
        here = [i for i in range(max(0, len(out) - 60), len(out)) if out[i].location == note and out[i].target]
        if here:
            pick = last_source(out, here, texts.get(note, ""))
            # An "ibid." after an "ibid." stands for what that one stood for.
            return int(out[pick].fields.get("antecedent", pick)) if out[pick].kind == "short_form" else pick
    return None


def last_source(out: list[Citation], here: list[int], text: str) -> int:
    """Return which of a note's citations (`here`, indexes in `out`, in order) is its last source.

    The last citation, unless it is the address of a document cited in the same source ("Report S/2024/556,
    available at https://…"; sources are parted by "; " as `sources_of_note` reads them): then the document.
    """
    pick = here[-1]
    if out[pick].kind != "url":
        return pick
    span = next(((s, e) for s, e in sources_of_note(text) if s <= out[pick].start < e), (out[pick].start, 0))
    same = [i for i in here if out[i].kind not in ("url", "short_form") and span[0] <= out[i].start < span[1]]
    return same[-1] if same else pick


def note_source(c: Citation, out: list[Citation], notes: Mapping[str, str]) -> dict[str, str] | None:
    """Return the note that an "ibid." stands for when that note cites nothing found (an interview, an
    article without an address): {"note": its label, "source": its text}; None for other short forms.

    An "ibid." that follows such an "ibid." stands for the same note.
    """
    previous = _previous_note(c.location) if not c.fields.get("noun") else None
    if previous is None or previous not in notes:
        return None
    for earlier in reversed(out[-60:]):
        if earlier.location == previous and earlier.kind == "short_form" and "note" in earlier.fields:
            return {"note": earlier.fields["note"], "source": earlier.fields["source"]}
    text = notes[previous].strip()
    return {"note": previous[3:], "source": text[:300]} if text else None
