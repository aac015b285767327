"""Other bodies' documents (``data/bodies.json``), letters and publications.

`bodies()` reads the catalogue of other bodies once and builds from it, with the UN organs of
`unref.cite.patterns`, the one regex that names every organ and body (`BodyCatalogue.organ_re`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from unref.catalogue import data
from unref.cite import patterns as P
from unref.cite.around import iso
from unref.cite.context import Context, Unit
from unref.cite.organs import GENERIC, Organ, OtherBody, organ_named
from unref.cite.publications import Reference, parse_reference, sources_of_note
from unref.model import CITATION_KINDS, Citation, CitationKind
from unref.symbols import find_symbols
from unref.text.regexes import lazy

__all__ = [
    "Body",
    "BodyCatalogue",
    "DocumentPattern",
    "bodies",
    "letters",
    "organ_of_match",
    "other_documents",
    "publications",
]

@dataclass(frozen=True, slots=True)
class Body:
    """A body other than a UN organ that adopts resolutions, and how it is named."""

    id: str
    kind: CitationKind
    short: str
    names: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentPattern:
    """A kind of document of another body, found by its own reference."""

    kind: CitationKind
    name: str
    prefilter: tuple[str, ...]
    regex: re.Pattern[str]
    targets: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]  # (text, target)

    def target(self, m: re.Match[str]) -> str | None:
        """Return the first target template whose named groups all matched, filled in."""
        groups = {k: re.sub(r"\s+", " ", v) for k, v in m.groupdict().items() if v is not None}
        for template in self.targets:
            names = re.findall(r"{(\w+)}", template)
            if all(name in groups for name in names):
                return template.format(**groups)
        return None


@dataclass(frozen=True, slots=True)
class BodyCatalogue:
    """Other bodies, their document patterns, and one regex naming every organ and body."""

    bodies: dict[str, Body]
    documents: tuple[DocumentPattern, ...]
    organ_re: re.Pattern[str]
    prefilter_re: re.Pattern[str]  # every prefilter key of every document pattern
    organ_groups: dict[str, Organ]  # the organ or body each named group of `organ_re` names


def _citation_kind(kind: str) -> CitationKind:
    """Return a kind named in data/bodies.json, checked against the model's citation kinds."""
    for known in CITATION_KINDS:
        if kind == known:
            return known
    raise ValueError(f"data/bodies.json: unknown citation kind {kind!r} (known: {', '.join(CITATION_KINDS)})")


@cache
def bodies() -> BodyCatalogue:
    """Return the catalogue of other bodies and their documents (read once)."""
    raw = data("bodies")
    found = {
        b["id"]: Body(b["id"], _citation_kind(b["kind"]), b["short"], tuple(b["names"]), tuple(b["examples"]))
        for b in raw["bodies"]
    }
    documents = tuple(_document_pattern(d) for d in raw["documents"])
    keys = sorted({key for d in documents for key in d.prefilter}, key=len, reverse=True)
    prefilter_re = re.compile(_by_first_character(keys))
    organ_re, groups = _organ_regex(found)
    return BodyCatalogue(found, documents, organ_re, prefilter_re, groups)


def _by_first_character(keys: list[str]) -> str:
    """Return the alternation of literal `keys` grouped by their first character, in their order within a group:
    "CM/|Cour|/EU" -> "C(?:M/|our)|/(?:EU)". It matches what the flat alternation matches, where it matches (keys
    of different first characters never compete at one position), but tries at each position only the keys that
    start with its character: the flat one tried 40 keys at every blank, point and capital (issue 16)."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(key[0], []).append(re.escape(key[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _document_pattern(d: dict[str, Any]) -> DocumentPattern:
    """Return the document pattern of one entry of data/bodies.json "documents"."""
    return DocumentPattern(
        kind=_citation_kind(d["kind"]),
        name=d["name"],
        prefilter=tuple(d["prefilter"]),
        regex=lazy(P.expand(d["pattern"])),  # compiled where its prefilter first matches
        targets=tuple(d["target"]) if isinstance(d["target"], list) else (d["target"],),
        examples=tuple((e["text"], e["target"]) for e in d["examples"]),
    )


def _organ_regex(found: dict[str, Body]) -> tuple[re.Pattern[str], dict[str, Organ]]:
    """Return the regex naming every UN organ and other body, a named group each, and what each group names.

    Specific UN organs first, then other bodies, then the generic "Council" and "Assembly":
    at one position the first alternative wins, and the leftmost position wins over all.
    """
    specific = [o for o in P.UN_ORGANS if o.organ not in GENERIC]
    generic = [o for o in P.UN_ORGANS if o.organ in GENERIC]
    parts = [f"(?P<un_{o.organ}>{o.pattern})" for o in specific]
    for b in found.values():
        names = "|".join(n.replace(" ", P.WS + "+") for n in b.names)
        parts.append(f"(?P<body_{b.id}>{names})")
    parts += [f"(?P<un_{o.organ}>{o.pattern})" for o in generic]
    organ_re = re.compile(rf"(?<![\w\-])(?:{'|'.join(parts)})(?![\w\-])")
    groups: dict[str, Organ] = {f"un_{o.organ}": organ_named(o.organ) for o in P.UN_ORGANS}
    groups.update({f"body_{b.id}": OtherBody(b.id) for b in found.values()})
    return organ_re, groups


def organ_of_match(m: re.Match[str]) -> Organ:
    """Return the UN organ, other body or generic name that a match of the organ regex names."""
    return bodies().organ_groups[m.lastgroup or ""]


def other_documents(unit: Unit) -> list[Citation]:
    """Return citations of other bodies' documents found by the patterns of data/bodies.json."""
    catalogue = bodies()
    present = {m.group() for m in catalogue.prefilter_re.finditer(unit.text)}
    if not present:
        return []
    out = []
    for pattern in catalogue.documents:
        if present.isdisjoint(pattern.prefilter):
            continue
        for m in pattern.regex.finditer(unit.text):
            target = pattern.target(m)
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            out.append(Citation(pattern.kind, m.group(), unit.location, m.start(), m.end(), target=target,
                                fields={"source": pattern.name, **fields}))
    return out


def letters(unit: Unit, ctx: Context) -> list[Citation]:
    """Return letter citations for letters and interviews cited without a UN symbol.

    The document's own letters (its title, "the annex to the present letter") are not citations.
    """
    text = unit.text
    out = []
    if "dated" in text and unit.kind not in ("title", "annex_title", "heading", "masthead"):
        for m in P.LETTER_RE.finditer(text):
            if _symbol_follows(text, m.end()) or iso(m["date"]) in ctx.own_dates:
                continue  # the symbol is the citation (its date is read there), or the letter is this one
            fields = {"date": iso(m["date"]), "sender": m["sender"], "addressee": m["addressee"]}
            out.append(Citation("letter", m.group(), unit.location, m.start(), m.end(),
                                target=f"Letter dated {m['date']}" + (f" from {m['sender']}" if m["sender"] else ""),
                                fields={k: v for k, v in fields.items() if v}))
    if "nterview" in text:
        for m in P.INTERVIEW_RE.finditer(text):
            out.append(Citation("letter", m.group(), unit.location, m.start(), m.end(),
                                target=f"Interview with {m['person']}", fields={"interview": m["person"]}))
    return out


def _symbol_follows(text: str, end: int) -> bool:
    tail = text[end : end + 40]
    return any(s < 12 for s, _e, _sym in find_symbols(tail))


def publications(unit: Unit) -> list[Citation]:
    """Return publication citations: authors and title before an imprint "(Place, Publisher, 2016)", and in a
    note each source that the reference grammar reads as a publication ("Author, “Title”, Journal, date")."""
    text = unit.text
    out = []
    if "(" in text:
        for m in P.IMPRINT_RE.finditer(text):
            citation = _publication(text, m, unit.location)
            if citation is not None:
                out.append(citation)
    if unit.footnote:
        out += _note_publications(text, unit.location, out)
    return out


def _publication(text: str, m: re.Match[str], location: str) -> Citation | None:
    """Return the publication whose imprint `m` is, or None when what stands before it is no title.

    The span is found from the imprint back; its fields are the reference grammar's
    (`unref.cite.publications`), which tells a lone place from a publisher ("(New York, 2024)").
    """
    start, segment, authors = _authors_and_title(text, m.start())
    title = (authors["title"] if authors else segment).strip().strip("“”\"").strip()
    if not _is_publication(title, m, authors):
        return None
    ref = parse_reference(text[start : m.end()])
    ref.title = ref.title or title
    ref.editors = ref.editors or bool(authors and authors["eds"])
    return _publication_citation(text, start, m.end(), location, ref)


def _publication_citation(text: str, start: int, end: int, location: str, ref: Reference) -> Citation:
    """Return the citation of a publication read by the grammar, its target "Authors, Title (year)" (the
    container for want of authors: "UN News, Title (2024)")."""
    by = ref.authors or ref.container
    target = (f"{by}, " if by else "") + f"{ref.title} ({ref.year})"
    return Citation("publication", text[start:end], location, start, end, target=target, fields=ref.fields())


_NOTE_PUBLICATION_HINT_RE = lazy(r"[“\"]|\(")


def _note_publications(text: str, location: str, found: list[Citation]) -> list[Citation]:
    """Return the publications among a note's sources that no imprint found: a quoted title with its
    authors or its container ("Jirair Libaridian, “An Armenian perspective on Khojali”, 19 February 2014").
    A source that holds a UN symbol or is an address is cited as that, not as a publication."""
    out = []
    for start, end in sources_of_note(text):
        source = text[start:end]
        if not _NOTE_PUBLICATION_HINT_RE.search(source) or any(c.start < end and start < c.end for c in found):
            continue
        if next(find_symbols(source), None) is not None:
            continue
        ref = parse_reference(source)
        if ref.is_publication():
            lead = len(source) - len(source.lstrip())
            out.append(_publication_citation(text, start + lead, end, location, ref))
    return out


def _authors_and_title(text: str, imprint: int) -> tuple[int, str, re.Match[str] | None]:
    """Return where the citation ending at an imprint starts, its text, and its authors and title when
    a capitalised word of it opens "Authors, Title" (the citation then starts there)."""
    start = _publication_start(text, imprint)
    segment = text[start:imprint].rstrip().rstrip(",")
    for head in [0, *(w.start() for w in P.CAPITAL_WORD_RE.finditer(segment))]:
        authors = P.AUTHORS_RE.match(segment[head:])
        if authors:
            return start + head, segment[head:], authors
    return start, segment, None


def _is_publication(title: str, imprint: re.Match[str], authors: re.Match[str] | None) -> bool:
    """Return whether a title and imprint make a publication: two words of title at least, a place or
    authors, and a publisher's name without digits (not "(Geneva, 12 May, 2016)")."""
    return not (
        len(title.split()) < 2
        or (not imprint["place"] and not authors)
        or any(ch.isdigit() for ch in imprint["publisher"])
    )


def _publication_start(text: str, imprint: int) -> int:
    """Return where the citation ending at an imprint starts: after "; ", a sentence end or "See"."""
    window_start = max(0, imprint - 300)
    start = window_start
    for lead in P.PUBLICATION_LEAD_RE.finditer(text, window_start, imprint):
        start = lead.end()
    inner = P.IN_WORK_RE.search(text, start, imprint)
    return inner.end() if inner else start
