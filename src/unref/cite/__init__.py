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

Regex fragments live in `unref.cite.patterns`.
"""

from __future__ import annotations

import itertools
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from unref.catalogue import data, ga_first_resolutions, resolution_organs, sc_first_resolutions
from unref.cite import patterns as P
from unref.model import CITATION_KINDS, Citation, CitationKind, Document
from unref.structure.masthead import MONTH_NUMBERS
from unref.symbols import Symbol, SymbolError, continuations, find_symbols, parse_double, try_parse
from unref.text.urls import URL_RE, addresses

__all__ = ["Body", "BodyCatalogue", "DocumentPattern", "bodies", "cite"]

# ---------------------------------------------------------------------------
# The catalogue of other bodies (data/bodies.json)


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
    documents = tuple(
        DocumentPattern(
            kind=_citation_kind(d["kind"]),
            name=d["name"],
            prefilter=tuple(d["prefilter"]),
            regex=re.compile(P.expand(d["pattern"])),
            targets=tuple(d["target"]) if isinstance(d["target"], list) else (d["target"],),
            examples=tuple((e["text"], e["target"]) for e in d["examples"]),
        )
        for d in raw["documents"]
    )
    # Specific UN organs first, then other bodies, then the generic "Council" and "Assembly":
    # at one position the first alternative wins, and the leftmost position wins over all.
    specific = [o for o in P.UN_ORGANS if o.organ not in GENERIC]
    generic = [o for o in P.UN_ORGANS if o.organ in GENERIC]
    parts = [f"(?P<un_{o.organ}>{o.pattern})" for o in specific]
    for b in found.values():
        names = "|".join(n.replace(" ", P.WS + "+") for n in b.names)
        parts.append(f"(?P<body_{b.id}>{names})")
    parts += [f"(?P<un_{o.organ}>{o.pattern})" for o in generic]
    organ_re = re.compile(rf"(?<![\w\-])(?:{'|'.join(parts)})(?![\w\-])")
    keys = sorted({key for d in documents for key in d.prefilter}, key=len, reverse=True)
    prefilter_re = re.compile("|".join(re.escape(key) for key in keys))
    return BodyCatalogue(found, documents, organ_re, prefilter_re)


# ---------------------------------------------------------------------------
# Organs and the forms of their resolution numbers

SC, GA, HRC, ECOSOC, CHR = "SC", "GA", "HRC", "ECOSOC", "CHR"
GENERIC = ("COUNCIL", "ASSEMBLY")
# The organs whose resolutions prose names by number, their names and symbol prefixes (data/organs.json).
ORGAN_NAMES = {code: organ.name for code, organ in resolution_organs().items()}
_ORGAN_BY_NAME = {name: code for code, name in ORGAN_NAMES.items()}
# Symbol prefixes of each organ's resolutions and decisions.
_PREFIX = {code: organ.symbol_prefix for code, organ in resolution_organs().items()}

# First Security Council resolution of some years; numbers between are interpolated (data/organs.json).
_SC_FIRST = sc_first_resolutions()
# First General Assembly resolution of the regular sessions I to XXX (roman-session numbering).
_GA_FIRST = ga_first_resolutions()
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value else value
    return total


def _sc_plausible(number: int, year: int) -> bool:
    """Return whether Security Council resolution `number` can date from `year`."""
    years = sorted(_SC_FIRST)
    if year < years[0]:
        return False

    def first(y: int) -> float:
        if y in _SC_FIRST:
            return _SC_FIRST[y]
        lo = max(k for k in years if k <= y)
        hi = min((k for k in years if k > y), default=None)
        if hi is None:  # after the table: about 60 a year
            return _SC_FIRST[lo] + 50 * (y - lo)
        return _SC_FIRST[lo] + (_SC_FIRST[hi] - _SC_FIRST[lo]) * (y - lo) / (hi - lo)

    slack = 5 if year in _SC_FIRST and year + 1 in _SC_FIRST else 25
    upper = first(year + 1) if year + 1 <= years[-1] else first(year) + 90
    return first(year) - slack <= number <= upper + slack


def _ga_roman_plausible(number: int, session: str) -> bool:
    """Return whether General Assembly resolution `number` can be of roman `session`."""
    if "-" in session:  # special and emergency special sessions: any number of that era
        return number < _GA_FIRST[-1]
    s = _roman(session)
    if not 1 <= s <= 30:
        return False
    return _GA_FIRST[s - 1] - 60 <= number <= _GA_FIRST[s] + 60


# ---------------------------------------------------------------------------
# What the stage works on


@dataclass(slots=True)
class _Unit:
    """A paragraph or footnote: the text where citations are found, and where it stands."""

    location: str
    text: str
    footnote: bool
    citations: list[Citation] = field(default_factory=list)
    kind: str = "footnote"


@dataclass(slots=True)
class _Named:
    """One number of a resolution or decision named in words."""

    unit: _Unit
    start: int
    end: int
    keyword_start: int
    list_end: int
    decision: bool
    form: str  # year, roman, yslash, session, bare
    number: str
    when: str | None  # the year, roman session or session
    letter: str | None
    explicit: str | None  # organ code or "body:<id>" written next to the mention
    explicit_name: str | None = None  # the name as written
    printed: str | None = None  # a number OCR damaged, as printed ("S11 (1982)")


@dataclass(slots=True)
class _Context:
    """Facts of the document that resolution needs, and what earlier citations taught."""

    own: set[str]
    organs: list[str]  # organ codes of the document, its own symbols first
    language: str
    year: int | None
    own_dates: set[str | None] = field(default_factory=set)  # dates of the letters the document is
    memory: dict[tuple[Any, ...], str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> _Context:
        md = doc.metadata
        organs: list[str] = []
        for text in md.symbols:
            sym = try_parse(text)
            code = _organ_of_symbol(sym) if sym else None
            if code and code not in organs:
                organs.append(code)
        for name in md.organs:
            code = _ORGAN_BY_NAME.get(name)
            if code and code not in organs:
                organs.append(code)
        year = int(md.date[:4]) if md.date and md.date[:4].isdigit() else None
        own_dates = {_iso(m.group()) for m in P.DATE_RE.finditer((md.title or "")[:120])}
        return cls({_canon(s) for s in md.symbols}, organs, (md.language or "en").lower()[:2], year,
                   own_dates - {None})


def _organ_of_symbol(sym: Symbol) -> str | None:
    parts = sym.parts
    if parts[0] == "S":
        return SC
    if parts[0] == "A":
        return HRC if len(parts) > 1 and parts[1] == "HRC" else GA
    if parts[0] == "E":
        return CHR if len(parts) > 1 and parts[1] == "CN.4" else ECOSOC
    return None


def _canon(symbol: str) -> str:
    """Return a symbol folded for comparison: no spaces, upper case, no reissue mark."""
    return re.sub(r"[\s*]", "", symbol).upper()


# ---------------------------------------------------------------------------
# The stage


def cite(doc: Document) -> list[Citation]:
    """Return the citations of every paragraph and footnote of `doc`, in reading order.

    Paragraphs come first, then footnotes; checks (a symbol whose year contradicts its
    date) are appended to ``doc.warnings``.
    """
    ctx = _Context.of(doc)
    units = [_Unit(p.id, p.text, False, kind=p.kind) for p in doc.paragraphs]
    units += [_Unit(f"fn:{f.label}", f.text, True) for f in doc.footnotes]
    named: list[_Named] = []
    for i, unit in enumerate(units):
        unit.citations += _urls(unit.text, unit.location)
        unit.citations += _written_symbols(unit, ctx, doc.warnings)
        unit.citations += _meetings(unit, ctx)
        unit.citations += _other_documents(unit)
        unit.citations += _letters(unit, ctx)
        unit.citations += _publications(unit)
        named += _named_mentions(unit, units[i - 1] if i else None)
    _drop_issuing_symbol(doc, units)
    _resolve_all(named, ctx)
    out = _in_reading_order(units)
    doc.warnings.extend(check_links(doc, out))
    return out


_ISSUING_RE = re.compile(r"^\[\s*(?P<symbol>[AES]/[^\s\[\]{},]+)\s*(?:,\s*[IVXLC]+\s*)?[\]}]+")
_RESOLUTION_HEADING_RE = re.compile(r"\b(?:Resolution|RESOLUTION)\b")


def _drop_issuing_symbol(doc: Document, units: list[_Unit]) -> None:
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


_UNDOCS_RE = re.compile(
    r"^https?://(?:undocs\.org|docs\.un\.org|documents\.un\.org)/(?:(?:[a-zA-Z]{2})/)?(?P<sym>[A-Z].+)$"
)


def check_links(doc: Document, citations: list[Citation]) -> list[str]:
    """Return warnings for PDF links whose target matches nothing cited on their page.

    A link to undocs.org/S/RES/1416 (2005) printed over "Resolution 1416 (2005) of the
    Parliamentary Assembly" points at a UN document the text does not cite.
    """
    if not doc.links:
        return []
    page_of = {p.id: p.page for p in doc.paragraphs} | {f"fn:{f.label}": f.page for f in doc.footnotes}
    cited: dict[int, set[str]] = {}
    for c in citations:
        if c.target:
            keys = cited.setdefault(page_of.get(c.location, 0), set())
            keys.add(_link_key(c.target))
            keys.update(_link_key(str(s)) for s in _symbols_of_target(c.target))
    own = {_link_key(sym) for sym in doc.metadata.symbols}
    warnings = []
    seen: set[tuple[int, str]] = set()
    for page, uri in doc.links:
        m = _UNDOCS_RE.match(urllib.parse.unquote(uri))
        if not m or (page, uri) in seen:
            continue
        seen.add((page, uri))
        key = _link_key(m.group("sym"))
        if key not in own and not any(key in keys for keys in cited.values()):
            warnings.append(f"page {page}: link to {m.group('sym')} matches no document cited in the text")
    return warnings


def _link_key(text: str) -> str:
    key = re.sub(r"\s+", "", text).upper().rstrip("*")
    return re.sub(r"(/RES/\d+)[A-H](?=\()", r"\1", key)  # part letters: A/RES/217 A (III)


def _symbols_of_target(target: str) -> list[Symbol]:
    try:
        return parse_double(target)
    except (SymbolError, ValueError):
        return []


def _in_reading_order(units: list[_Unit]) -> list[Citation]:
    """Return all citations in order, with short forms tied to their antecedents."""
    out: list[Citation] = []
    last: dict[bool, list[int]] = {False: [], True: []}  # indexes of earlier citations, per stream
    for unit in units:
        found = _drop_overlaps(unit.citations) + _short_forms(unit)
        for c in sorted(found, key=lambda c: (c.start, c.end)):
            if c.kind == "short_form":
                antecedent = _antecedent(c, out, last[unit.footnote])
                if antecedent is None:
                    c.resolved, c.reason = False, "no earlier citation that it can stand for"
                else:
                    c.target = out[antecedent].target
                    c.fields["antecedent"] = antecedent
            else:
                last[unit.footnote].append(len(out))
            out.append(c)
    return out


_EXCLUSIVE = ("url", "un_symbol", "un_resolution", "un_decision", "coe_resolution", "osce_document",
              "icj_document", "eu_document", "au_document", "treaty", "other")


def _drop_overlaps(citations: list[Citation]) -> list[Citation]:
    """Return the citations without those that overlap an earlier-found one of the exclusive kinds.

    Publications and letters may hold other citations (a title naming a resolution); the
    rest may not overlap, and the one found first (addresses, then written symbols) wins.
    """
    kept: list[Citation] = []
    for c in citations:
        if c.kind in _EXCLUSIVE and any(
            k.kind in _EXCLUSIVE and k.start < c.end and c.start < k.end and not _parts_of_one(k, c) for k in kept
        ):
            continue
        kept.append(c)
    return kept


def _parts_of_one(a: Citation, b: Citation) -> bool:
    """Return whether two citations are parts of one mention: "resolutions 3411 A and B (XXX)"."""
    return (a.start, a.end) == (b.start, b.end) and "part" in a.fields and "part" in b.fields


# ---------------------------------------------------------------------------
# Web addresses


def _urls(text: str, location: str) -> list[Citation]:
    """Return a citation for every web address in `text`, rejoining pieces split by a blank.

    A block that holds nothing but addresses is the list of a page's link targets that
    pdftotext prints; its undocs.org links render the symbols cited in the text and are dropped.
    """
    if "www." not in text and "://" not in text:
        return []
    link_list = not URL_RE.sub("", text).strip()
    out = []
    for a in addresses(text):
        if len(a.address) < 8 or "." not in a.address.split("//")[-1]:
            continue
        if link_list and P.SYMBOL_LINK_RE.match(a.address):
            continue
        out.append(Citation("url", text[a.start : a.end], location, a.start, a.end, target=a.address,
                            url=_href(a.address)))
    return out


def _href(address: str) -> str:
    return address if "://" in address else "http://" + address


# ---------------------------------------------------------------------------
# Written symbols


def _written_symbols(unit: _Unit, ctx: _Context, warnings: list[str]) -> list[Citation]:
    """Return un_symbol citations for the symbols written in the unit, with dates and pinpoints."""
    text = unit.text
    if "/" not in text:
        return []
    out: list[Citation] = []
    for group in _symbol_groups(text):
        start, end = group[0][0], group[-1][1]
        date, after = _date_near(text, start, end)
        pin = _pinpoint(text, start, after)
        for s, e, sym in group:
            sym = _repaired(sym)
            if _canon(str(sym)) in ctx.own:
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
                if _canon(str(more)) not in ctx.own:
                    out.append(_symbol_citation(more, text[cs:ce], unit.location, cs, ce, ctx, None,
                                                {"continues": str(sym)}))
    return out


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
    sym: Symbol, text: str, location: str, start: int, end: int, ctx: _Context, pin: str | None,
    fields: dict[str, Any],
) -> Citation:
    return Citation("un_symbol", text, location, start, end, target=str(sym), url=sym.url(ctx.language),
                    pinpoint=pin, fields=fields)


def _date_near(text: str, start: int, end: int) -> tuple[str | None, int]:
    """Return the ISO date written just after (or before) the span, and where the span's tail ends."""
    after = P.DATE_AFTER_RE.match(text, end)
    if after:
        return _iso(after["date"]), after.end()
    before = P.DATE_BEFORE_RE.search(text, max(0, start - 40), start)
    return (_iso(before["date"]) if before else None), end


def _iso(date: str) -> str | None:
    """Return the ISO form of a written date ("4 April 2011", "21 de diciembre de 1988"), or None."""
    m = P.DATE_RE.search(date)
    if not m:
        return None
    month = MONTH_NUMBERS.get(m["month"].lower())
    day = int(re.sub(r"\D", "", m["day"]))
    return f"{int(m['year']):04d}-{month:02d}-{day:02d}" if month else None


def _symbol_year(sym: Symbol) -> tuple[int, int] | None:
    """Return the range of years in which a document of this symbol can be dated."""
    session = sym.session or ""
    if sym.series in ("S", "E") and re.fullmatch(r"(?:19|20)\d\d", session):
        return int(session) - 1, int(session)
    if sym.series == "A" and not sym.bodies and session.isdigit() and int(session) >= 31:
        return 1945 + int(session) - 1, 1945 + int(session) + 1
    return None


def _check_year(sym: Symbol, date: str, location: str, warnings: list[str]) -> None:
    years = _symbol_year(sym)
    if years and not years[0] <= int(date[:4]) <= years[1]:
        warnings.append(f"citation {sym} ({location}) is dated {date}: the year contradicts its symbol")


def _pinpoint(text: str, start: int, end: int) -> str | None:
    """Return the pinpoint written after the span (", para. 32") or before it ("paragraph 9 of")."""
    after = P.PINPOINT_AFTER_RE.match(text, end)
    if after:
        return after["pin"]
    before = P.PINPOINT_BEFORE_RE.search(text, max(0, start - 60), start)
    return before["pin"] if before else None


# ---------------------------------------------------------------------------
# Meetings


# Meetings named in lists ("at its 4575th and 4576th meetings"), and how "at its" and the
# owner after it are found; the single meeting is `cite_patterns.MEETING_RE`.
_ORD = r"\d{1,5}(?:st|nd|rd|th|e|ème|ª|a|\.ª)"
_MEETING_LIST_RE = re.compile(
    rf"(?<![\w/.])(?P<list>{_ORD}(?:{P.WS}*,{P.WS}*{_ORD})*,?{P.WS}+(?:and|et|y){P.WS}+{_ORD})"
    rf"{P.WS}+(?:meetings|séances|sesiones)(?![\w\-])"
    rf"(?P<organ>{P.WS}+(?:of{P.WS}+the|du|del){P.WS}+(?:Security{P.WS}+Council|Conseil{P.WS}+de{P.WS}+sécurité"
    rf"|Consejo{P.WS}+de{P.WS}+Seguridad))?"
)
_ORD_RE = re.compile(r"(?P<number>\d{1,5})(?:st|nd|rd|th|e|ème|ª|a|\.ª)")
# A summary statement of the Security Council lists each meeting on a line of its own:
# "6171st meeting, held on 27 July 2009."
_MEETING_LINE_TAIL_RE = re.compile(rf"{P.WS}*(?:,{P.WS}*held|\({P.WS}*held|held)\b")
_MEETING_LINE_LEAD_RE = re.compile(r"\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?")


def _meetings(unit: _Unit, ctx: _Context) -> list[Citation]:
    """Return S/PV citations for Security Council meetings named by number.

    GOLD.md: a meeting named by its number and organ is a citation of its record, S/PV.N;
    a resolution's own adoption line is metadata. The organ is written after the meeting
    ("the 9878th meeting of the Security Council"), before "at its" ("the Security Council
    ... at its 4575th meeting"), after it in the same sentence ("At its 9877th meeting, held
    in private on ..., the Security Council considered"), or it is the document's own organ
    ("at its 9877th meeting" in a Council document, "6171st meeting, held on ..." heading a
    line of a summary statement).
    """
    text = unit.text
    if not P.MEETING_PREFILTER_RE.search(text):
        return []
    # (start, end, number, whether the organ is written, and the span of the whole mention)
    found: list[tuple[int, int, str, bool, int, int]] = []
    for m in P.MEETING_RE.finditer(text):
        found.append((m.start(), m.end(), m["number"], bool(m["organ"]), m.start(), m.end()))
    for m in _MEETING_LIST_RE.finditer(text):
        for n in _ORD_RE.finditer(text, m.start("list"), m.end("list")):
            if not any(s <= n.start() < e for s, e, *_rest in found):
                found.append((n.start(), n.end(), n["number"], bool(m["organ"]), m.start(), m.end()))
    out = []
    for start, end, number, organ, list_start, list_end in sorted(found):
        sentence_start = _sentence_start(text, list_start)
        lead = text[max(sentence_start, list_start - 80) : list_start]
        if P.ADOPTION_RE.search(lead):
            continue  # "Adopted by the Security Council at its 9928th meeting": metadata
        if not organ and not _security_council_meeting(text, lead, list_end, ctx):
            continue
        sym = try_parse(f"S/PV.{number}")
        if sym is None or _canon(str(sym)) in ctx.own:
            continue
        out.append(Citation("un_symbol", text[start:end], unit.location, start, end, target=str(sym),
                            url=sym.url(ctx.language), fields={"meeting": int(number), "named_in_prose": True}))
    return out


def _sentence_start(text: str, pos: int) -> int:
    left = 0
    for m in P.SENTENCE_END_RE.finditer(text, max(0, pos - 300), pos):
        left = m.end()
    return left


def _security_council_meeting(text: str, lead: str, end: int, ctx: _Context) -> bool:
    """Return whether the meeting after `lead` (in its sentence) is a meeting of the Security Council.

    "its" is the body named last before it ("the Security Council, at its"); when none is
    named before, the body that opens the clause after it ("At its 9877th meeting, held on
    ..., the Security Council"); when none is named, or only "the Council", it is the
    document's organ. A meeting heading a line ("6171st meeting, held on ...") is the
    document's when the document is the Council's.
    """
    council_document = ctx.organs[:1] == [SC]
    if not P.MEETING_AT_ITS_RE.search(lead):
        return (council_document and _MEETING_LINE_LEAD_RE.fullmatch(lead) is not None
                and _MEETING_LINE_TAIL_RE.match(text, end) is not None)
    owners = list(P.MEETING_OWNER_RE.finditer(lead))
    owner = owners[-1] if owners else None
    if owner is None:
        after = text[end : end + 160]
        sentence_end = P.SENTENCE_END_RE.search(after)
        owner = P.MEETING_OWNER_RE.search(after[: sentence_end.start() if sentence_end else None])
    if owner is not None and owner["sc"]:
        return True
    return council_document and (owner is None or owner["council"] is not None)


# ---------------------------------------------------------------------------
# Other bodies' documents, letters, publications


def _other_documents(unit: _Unit) -> list[Citation]:
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


def _letters(unit: _Unit, ctx: _Context) -> list[Citation]:
    """Return letter citations for letters and interviews cited without a UN symbol.

    The document's own letters (its title, "the annex to the present letter") are not citations.
    """
    text = unit.text
    out = []
    if "dated" in text and unit.kind not in ("title", "annex_title", "heading", "masthead"):
        for m in P.LETTER_RE.finditer(text):
            if _symbol_follows(text, m.end()) or _iso(m["date"]) in ctx.own_dates:
                continue  # the symbol is the citation (its date is read there), or the letter is this one
            fields = {"date": _iso(m["date"]), "sender": m["sender"], "addressee": m["addressee"]}
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


def _publications(unit: _Unit) -> list[Citation]:
    """Return publication citations: authors and title before an imprint "(Place, Publisher, 2016)"."""
    text = unit.text
    if "(" not in text:
        return []
    out = []
    for m in P.IMPRINT_RE.finditer(text):
        start = _publication_start(text, m.start())
        segment = text[start : m.start()].rstrip().rstrip(",")
        authors = None
        for head in [0, *(w.start() for w in P.CAPITAL_WORD_RE.finditer(segment))]:
            authors = P.AUTHORS_RE.match(segment[head:])
            if authors:
                start, segment = start + head, segment[head:]
                break
        title = (authors["title"] if authors else segment).strip().strip("“”\"").strip()
        if len(title.split()) < 2 or (not m["place"] and not authors) or any(ch.isdigit() for ch in m["publisher"]):
            continue
        fields = {"authors": authors["authors"] if authors else None, "editors": bool(authors and authors["eds"]),
                  "title": title, "place": m["place"], "publisher": m["publisher"].strip(), "year": m["year"]}
        target = (f"{fields['authors']}, " if fields["authors"] else "") + f"{title} ({m['year']})"
        out.append(Citation("publication", text[start : m.end()], unit.location, start, m.end(), target=target,
                            fields={k: v for k, v in fields.items() if v}))
    return out


def _publication_start(text: str, imprint: int) -> int:
    """Return where the citation ending at an imprint starts: after "; ", a sentence end or "See"."""
    window_start = max(0, imprint - 300)
    start = window_start
    for lead in P.PUBLICATION_LEAD_RE.finditer(text, window_start, imprint):
        start = lead.end()
    inner = P.IN_WORK_RE.search(text, start, imprint)
    return inner.end() if inner else start


# ---------------------------------------------------------------------------
# Resolutions and decisions named in words


def _named_mentions(unit: _Unit, before: _Unit | None = None) -> list[_Named]:
    """Return each number of each resolution or decision list named in the unit's text.

    `before` is the paragraph before; when it ends with the keyword ("pursuant to Security Council
    resolution" at a page or column break), a list that opens this paragraph is its list.
    """
    text = unit.text
    out = _carried_list(unit, before) if before is not None else []
    if not P.RES_PREFILTER_RE.search(text):
        return out
    consumed = out[-1].list_end if out else 0
    for kw in P.RES_KEYWORD_RE.finditer(text):
        if kw.start() < consumed or (unit.kind in ("heading", "title") and kw.start() == 0):
            continue  # "Decision 1" heading the document's own decision
        items = _list_items(text, kw.end())
        if not items:
            continue
        list_end = items[-1].end
        consumed = list_end
        date = P.DATE_AFTER_RE.match(text, list_end)
        explicit = _organ_next_to(text, kw.start(), date.end() if date else list_end)
        if kw["unscr"]:
            explicit = (SC, kw["unscr"])
        for item in items:
            out += _named_items(unit, item, (kw.start(), kw.end(), bool(kw["dec"])), list_end, explicit)
    return out


def _carried_list(unit: _Unit, before: _Unit) -> list[_Named]:
    """Return the list that opens `unit` when the paragraph before ends with its keyword.

    Only numbers with their year or session are read so: a bare number opening a paragraph is
    more often its own number ("resolution" then "1. The Council ...").
    """
    if before.footnote or unit.footnote:
        return []
    # The keyword ends the text but for blanks (WS is white space to str.rstrip) and has at most 11
    # letters: the search starts near the end (its look-behinds still see the text before).
    btext = before.text
    kw = P.RES_KEYWORD_END_RE.search(btext, max(0, len(btext.rstrip()) - 40))
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
    entries: list[_Item | re.Match[str]] = []  # clean items, and damaged numbers still to be read
    m = P.RES_ITEM_RE.match(text, pos)
    damaged = _damaged_at(text, pos) if m is None or m["bare"] else None
    if damaged:
        entries.append(damaged)
    elif m:
        entries.append(_item(m))
    while entries:
        last = entries[-1]
        end = last.end if isinstance(last, _Item) else last.end()
        years = all(isinstance(e, re.Match) or e.form == "year" for e in entries)
        sep = P.LIST_SEP_RE.match(text, end)
        weak = sep is None
        if weak:
            sep = P.LIST_WEAK_SEP_RE.match(text, end) if years else None
            if sep is None:
                break
        assert sep is not None
        m = P.RES_ITEM_RE.match(text, sep.end())
        if m and m["bare"] and entries and isinstance(entries[0], _Item) and entries[0].form != "bare":
            m = None  # "resolution 1701 (2006), 30 days": a bare number only continues a bare list
        if m and (not weak or (m["year"] and _ascends(entries, int(m["num"])))):
            entries.append(_item(m))
            continue
        damaged = _damaged_at(text, sep.end()) if years else None
        if damaged is None:
            break
        entries.append(damaged)
    return _read_damaged(entries)


def _ascends(entries: list[_Item | re.Match[str]], number: int) -> bool:
    """Return whether `number` comes after the last clean number of the list (Council lists ascend)."""
    clean = [int(e.number) for e in entries if isinstance(e, _Item)]
    return bool(clean) and clean[-1] < number


def _damaged_at(text: str, pos: int) -> re.Match[str] | None:
    """Return a year-form number that OCR damaged at `pos` ("S11 (1982)", "387 1976)"), if one stands there."""
    m = P.DAMAGED_ITEM_RE.match(text, pos)
    if m is None or not re.search(r"\d", m["dnum"]):
        return None
    if re.fullmatch(r"\d+", m["dnum"]) and not m["stray"] and m["open"] and not m["close"]:
        return None  # undamaged: RES_ITEM_RE reads it, or it is not a number of a list
    return m


def _read_damaged(entries: list[_Item | re.Match[str]]) -> list[_Item]:
    """Return the list's items, each damaged number read from its neighbours or left out.

    The Security Council numbers its resolutions in one series and its lists ascend, so a damaged
    number is read when exactly one reading lies between its clean neighbours and fits its year
    (`_sc_plausible`). With both neighbours known a letter may stand for any digit ("SB2" between
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
        number = _repaired_number(entry, low, high, first=i == 0)
        if number is not None:
            items.append(_Item(entry.start(), entry.end(), "year", str(number), entry["dyear"],
                               printed=re.sub(r"\s+", " ", entry.group())))
        elif after is None:
            break  # an unreadable number ends the list
    return items


def _repaired_number(m: re.Match[str], low: int | None, high: int | None, first: bool) -> int | None:
    """Return the one reading of a damaged number that fits its year and its neighbours, or None."""
    raw = m["dnum"].replace(" ", "").replace("\u00a0", "")
    if low is None and high is None and not first:
        return None
    if low is not None and high is not None and not raw.isdigit():
        readings = {int("".join(d)) for d in _digit_choices(raw)}
    else:
        mapped = raw.translate(P.OCR_DIGITS)
        readings = {int(mapped)} if mapped.isdigit() else set()
    year = int(m["dyear"])
    fits = {
        n for n in readings
        if _sc_plausible(n, year) and (low is None or low < n) and (high is None or n < high) and n > 0
    }
    return fits.pop() if len(fits) == 1 else None


def _digit_choices(raw: str) -> Iterator[tuple[str, ...]]:
    """Yield every digit string a damaged number may stand for: each letter any digit."""
    return itertools.product(*[(ch,) if ch.isdigit() else tuple("0123456789") for ch in raw])


def _named_items(
    unit: _Unit, item: _Item, kw: tuple[int, int, bool], list_end: int, explicit: tuple[str, str] | None
) -> list[_Named]:
    """Return the mentions of one item; `kw` is the keyword's (start, end, is a decision)."""
    kw_start, kw_end, decision = kw
    start = kw_start if item.start == kw_end else item.start
    parts = re.findall(r"[A-H]", item.letters) if item.letters else [None]
    code, name = explicit or (None, None)
    return [
        _Named(unit, start, item.end, kw_start, list_end, decision, item.form, item.number, item.when,
               letter, code, name, printed=item.printed)
        for letter in parts
    ]


def _organ_next_to(text: str, keyword: int, list_end: int) -> tuple[str, str] | None:
    """Return (code, name) of the organ or body named right before the keyword or right after the list."""
    organ_re = bodies().organ_re
    window_start = max(0, keyword - 160)
    found = None
    for m in organ_re.finditer(text, window_start, keyword):
        if P.ORGAN_FILLER_BEFORE_RE.match(text[m.end() : keyword]):
            found = (_code(m), m.group())
    if found:
        return found
    after = organ_re.search(text, list_end, min(len(text), list_end + 160))
    if after and P.ORGAN_FILLER_AFTER_RE.match(text[list_end : after.start()]):
        return _code(after), after.group()
    return None


def _code(m: re.Match[str]) -> str:
    """Return "SC", "GA", ... or "body:<id>" for a match of the organ regex."""
    group = m.lastgroup or ""
    return group[3:] if group.startswith("un_") else "body:" + group[5:]


def _resolve_all(named: list[_Named], ctx: _Context) -> None:
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


def _resolve(n: _Named, ctx: _Context) -> tuple[str | None, str]:
    """Return (organ code, "body:<id>" or "=<symbol>", how it was found), or (None, why not)."""
    if n.explicit and n.explicit.startswith("body:"):
        return n.explicit, "words"
    organ, how = _find_organ(n, ctx)
    if organ and not organ.startswith("="):
        _remember(n, organ, ctx)
    return organ, how


def _find_organ(n: _Named, ctx: _Context) -> tuple[str | None, str]:
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


def _remember(n: _Named, organ: str, ctx: _Context) -> None:
    target = _target(n, organ)
    if target:
        ctx.memory.setdefault(_key(n), target)
        if n.form in ("year", "roman"):  # a number of one series: "resolution 1514" after 1514 (XV)
            ctx.memory.setdefault(("num", n.decision, n.number), target)


def _key(n: _Named) -> tuple[Any, ...]:
    return ("form", n.decision, n.form, n.number, n.when)


def _sentence_organs(n: _Named) -> list[str]:
    """Return the UN organs named in the mention's sentence, nearest first."""
    text = n.unit.text
    start, end = _sentence(text, n.keyword_start, n.list_end)
    found = []
    for m in bodies().organ_re.finditer(text, start, end):
        code = _code(m)
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


def _concrete(code: str, n: _Named, ctx: _Context) -> str | None:
    """Return the organ a (possibly generic) name stands for, if the mention's number fits it."""
    if code == "ASSEMBLY":
        code = GA
    if code == "COUNCIL":
        councils = [o for o in ctx.organs if o in (SC, ECOSOC, HRC)] + [SC, ECOSOC, HRC]
        return next((o for o in councils if _compatible(o, n, ctx)), None)
    return code if _compatible(code, n, ctx) else None


def _compatible(organ: str, n: _Named, ctx: _Context) -> bool:
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
        return n.form == "bare" or (n.form == "year" and _sc_plausible(number, int(when)))
    if organ == GA:
        if n.form == "roman":
            return _ga_roman_plausible(number, when)
        if n.form == "bare":  # "General Assembly resolution 2186": the Assembly's one series up to 1975
            return n.explicit in (GA, "ASSEMBLY") and 0 < number < _GA_FIRST[-1]
        return n.form == "session" and number <= 500 and (special or 31 <= int(when) <= max_ga)
    if organ == HRC:
        max_hrc = 3 * ((ctx.year or 2030) - 2006) + 3
        in_range = when.startswith("S-") or (not special and int(when) <= max_hrc)
        return n.form == "session" and number <= 80 and in_range
    # ECOSOC and the Commission numbered like the early Assembly; a number that fits the
    # Assembly's session is the Assembly's unless the words say otherwise.
    other_roman = n.form == "roman" and not _ga_roman_plausible(number, when)
    if organ == ECOSOC:
        return (n.form == "yslash" and int(when) >= 1978) or (other_roman and number <= 2200)
    if organ == CHR:
        return (n.form == "yslash" and 1978 <= int(when) <= 2006) or (other_roman and number <= 200)
    return False


def _default_organ(n: _Named, ctx: _Context) -> str | None:
    """Return the organ the form of the number implies when nothing else names one."""
    if n.form == "year" and _compatible(SC, n, ctx):
        return SC
    if n.form in ("session", "roman") and _compatible(GA, n, ctx):
        return GA
    return None


def _reason(n: _Named) -> str:
    word = "decision" if n.decision else "resolution"
    if n.form == "bare":
        return f"the {word} is named without its year or session"
    if n.form == "year" and not _sc_plausible(int(n.number), int(n.when or 0)):
        return f"no organ is named and {n.number} ({n.when}) is not a Security Council resolution of that year"
    return f"no organ is named, and the document does not say whose {word} {n.number} is"


def _target(n: _Named, organ: str) -> str | None:
    """Return the canonical symbol text of a mention resolved to a UN organ."""
    if organ.startswith("="):
        return organ[1:]
    prefix = _PREFIX[organ]
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


def _item_text(n: _Named) -> str:
    """Return the number of a mention as written in canonical form: "822 (1993)", "31/1", "1701"."""
    if n.form in ("year", "roman"):
        return f"{n.number} ({n.when})"
    return f"{n.when}/{n.number}" if n.when else n.number


def _named_citation(n: _Named, organ: str | None, how: str, ctx: _Context) -> Citation | None:
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
    pin = _pinpoint(n.unit.text, n.start, n.end)
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
    if _canon(str(sym)) in ctx.own or _canon(str(sym.base)) in ctx.own:
        return None
    if organ in ORGAN_NAMES:
        fields["organ"] = ORGAN_NAMES[organ]
    kind: CitationKind = "un_decision" if n.decision else "un_symbol"
    return Citation(kind, text, n.unit.location, n.start, n.end, target=str(sym), url=sym.url(ctx.language),
                    pinpoint=pin, fields=fields)


# ---------------------------------------------------------------------------
# Short forms


def _short_forms(unit: _Unit) -> list[Citation]:
    """Return "ibid."-like short forms of the unit, their targets not yet set."""
    if not P.SHORT_FORM_PREFILTER_RE.search(unit.text):
        return []
    out = []
    for m in P.SHORT_FORM_RE.finditer(unit.text):
        noun = (m["noun"] or m["noun2"] or "").lower() or None
        out.append(Citation("short_form", m.group(), unit.location, m.start(), m.end(),
                            fields={"form": "ibid" if m["ibid"] else "named", "noun": noun}))
    return out


def _antecedent(c: Citation, out: list[Citation], indexes: list[int]) -> int | None:
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
