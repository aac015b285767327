"""cite: find every citation in a Document and resolve it to a canonical target.

`cite(doc)` reads each paragraph and each footnote and returns typed citations:

- written UN symbols (``A/79/796-S/2025/105`` gives two), with their date and pinpoint;
- resolutions and decisions named in words ("Security Council resolutions 822 (1993)
  and 853 (1993)"), resolved to a symbol when the organ is known from the words, the
  sentence, the document or the form of the number, and left unresolved, with a
  reason, when it is not;
- meetings named by number and organ (``S/PV.9878``);
- other bodies' documents (``data/bodies.json``), treaties, publications, letters;
- web addresses, and short forms ("ibid.") tied to the citation they stand for.

Regex fragments live in `unref.cite.patterns`. The stage's parts, in the order `cite` runs them:

- `unref.cite.context`: the units read (paragraphs, footnotes) and the document's facts;
- `unref.cite.links`: web addresses, and PDF links checked against what is cited;
- `unref.cite.written`: written symbols, with `unref.cite.around` for their dates and pinpoints;
- `unref.cite.meetings`: Security Council meetings named by number;
- `unref.cite.other_bodies`: other bodies' documents, letters, publications;
- `unref.cite.named`: resolutions and decisions named in words, and `unref.cite.resolve` for whose they are,
  with `unref.cite.organs` for the organs and the forms of their numbers;
- `unref.cite.short_forms`: "ibid." and the citation it stands for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from unref.cite import patterns as P  # noqa: F401  (tests and callers use unref.cite.patterns as P)
from unref.cite.context import Context, Unit
from unref.cite.links import check_links, urls
from unref.cite.meetings import meeting_records
from unref.cite.named import Named, named_mentions
from unref.cite.other_bodies import Body, BodyCatalogue, DocumentPattern, bodies, letters, other_documents, publications
from unref.cite.resolve import resolve_all
from unref.cite.short_forms import antecedent_of, note_source, short_forms_of
from unref.cite.written import written_symbols
from unref.model import Citation, Document
from unref.symbols import try_parse
from unref.text.regexes import lazy

__all__ = ["Body", "BodyCatalogue", "DocumentPattern", "bodies", "check_links", "cite"]

# ---------------------------------------------------------------------------
# The stage


def cite(doc: Document) -> list[Citation]:
    """Return the citations of every paragraph and footnote of `doc`, in reading order.

    Paragraphs come first, then footnotes; checks (a symbol whose year contradicts its
    date) are appended to ``doc.warnings``.
    """
    ctx = Context.of(doc)
    units = [Unit(p.id, p.text, False, kind=p.kind) for p in doc.paragraphs]
    units += [Unit(f"fn:{f.label}", f.text, True) for f in doc.footnotes]
    named: list[Named] = []
    for i, unit in enumerate(units):
        unit.citations += urls(unit.text, unit.location)
        unit.citations += written_symbols(unit, ctx, doc.warnings)
        unit.citations += meeting_records(unit, ctx)
        unit.citations += other_documents(unit)
        unit.citations += letters(unit, ctx)
        unit.citations += publications(unit)
        named += named_mentions(unit, units[i - 1] if i else None)
    _drop_issuing_symbol(doc, units)
    resolve_all(named, ctx)
    out = _in_reading_order(units)
    doc.warnings.extend(check_links(doc, out))
    return out


_ISSUING_RE = lazy(r"^\[\s*(?P<symbol>[AES]/[^\s\[\]{},]+)\s*(?:,\s*[IVXLC]+\s*)?[\]}]+")
_RESOLUTION_HEADING_RE = lazy(r"\b(?:Resolution|RESOLUTION)\b")


def _drop_issuing_symbol(doc: Document, units: list[Unit]) -> None:
    """Record the draft a resolution was adopted on as metadata, and drop its citation.

    The Official Records print under a resolution's heading the symbol of the draft it was adopted
    on ("186 (1964). Resolution of 4 March 1964" then "[S/5575]"). It says where the text comes
    from; the resolution does not cite it, so it is ``draft_symbol``, not a citation. It opens one
    of the first paragraphs, after the heading.
    """
    for i, unit in enumerate(units[:4]):
        m = _ISSUING_RE.match(unit.text)
        if unit.footnote or m is None:
            continue
        sym = try_parse(m["symbol"])
        if sym is None or not any(_RESOLUTION_HEADING_RE.search(u.text) for u in units[:i]):
            return
        doc.metadata.draft_symbol = str(sym)
        unit.citations = [c for c in unit.citations if c.start >= m.end()]
        return


def _in_reading_order(units: list[Unit]) -> list[Citation]:
    """Return all citations in order, with short forms tied to their antecedents."""
    out: list[Citation] = []
    last: dict[bool, list[int]] = {False: [], True: []}  # indexes of earlier citations, per stream
    notes = {unit.location: unit.text for unit in units if unit.footnote}
    for unit in units:
        found = _drop_overlaps(unit.citations) + short_forms_of(unit)
        for c in sorted(found, key=lambda c: (c.start, c.end)):
            if c.kind == "short_form":
                _tie_short_form(c, out, last[unit.footnote], notes)
            else:
                last[unit.footnote].append(len(out))
            out.append(c)
    return out


def _tie_short_form(c: Citation, out: list[Citation], indexes: list[int], notes: dict[str, str]) -> None:
    """Set what a short form stands for: an earlier citation (its target and index), else for an "ibid." the
    note before, when that note cites a source that no citation names (an interview); else unresolved."""
    antecedent = antecedent_of(c, out, indexes, notes)
    if antecedent is not None:
        c.target = out[antecedent].target
        c.fields["antecedent"] = antecedent
    elif (note := note_source(c, out, notes)) is not None:
        c.fields.update(note)
    else:
        c.resolved, c.reason = False, "no earlier citation that it can stand for"


_EXCLUSIVE = ("url", "un_symbol", "un_resolution", "un_decision", "coe_resolution", "osce_document",
              "icj_document", "eu_document", "au_document", "treaty", "other")


def _drop_overlaps(citations: list[Citation]) -> list[Citation]:
    """Return the citations without those that overlap an earlier-found one of the exclusive kinds.

    Publications and letters may hold other citations (a title naming a resolution); the
    rest may not overlap, and the one found first (addresses, then written symbols) wins.
    """
    kept: list[Citation] = []
    # The kept citations of the exclusive kinds, by (start, end): they overlap none of each other (but for
    # parts of one mention, which share their span), so their ends rise too, and those that overlap a new
    # one are found by bisection, not by a pass over all (quadratic in a paragraph of a thousand citations).
    spans: list[tuple[int, int]] = []
    exclusive: list[Citation] = []
    for c in citations:
        if c.kind in _EXCLUSIVE:
            if _overlaps_kept(c, spans, exclusive):
                continue
            i = bisect_right(spans, (c.start, c.end))
            spans.insert(i, (c.start, c.end))
            exclusive.insert(i, c)
        kept.append(c)
    return kept


def _overlaps_kept(c: Citation, spans: list[tuple[int, int]], exclusive: list[Citation]) -> bool:
    """Return whether `c` overlaps a kept citation of the exclusive kinds that is not a part of one mention
    with it; `spans` are their (start, end), sorted, and `exclusive` the citations in the same order."""
    i = bisect_left(spans, (c.end, c.end)) - 1  # the last that starts before c ends
    while i >= 0 and spans[i][1] > c.start:
        if not _parts_of_one(exclusive[i], c):
            return True
        i -= 1
    return False


def _parts_of_one(a: Citation, b: Citation) -> bool:
    """Return whether two citations are parts of one mention: "resolutions 3411 A and B (XXX)"."""
    return (a.start, a.end) == (b.start, b.end) and "part" in a.fields and "part" in b.fields
