"""Metadata that the masthead does not print: the text's language, the request to circulate a letter,
the signatories, the sender and addressee of a letter, and the document's type."""

from __future__ import annotations

import re
from collections import Counter

from unref.catalogue import names_pattern, organ_of, principal_organ_names
from unref.model import Document, Line, Metadata, Paragraph, Signatory
from unref.structure.masthead.reader import agenda_items, title_parts
from unref.text.regexes import SIGNED_RE

STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "that", "is", "for", "on", "with"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "est", "dans", "sur"},
    "es": {"el", "los", "las", "del", "y", "que", "por", "una", "con", "para"},
}


_LETTER_RE = re.compile(r"[^\W\d_]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language (en, fr, es, ru, ar, zh), or None."""
    sample = text[:30000]
    letters = _LETTER_RE.findall(sample)
    if not letters:
        return None
    n = len(letters)
    if len(_CYRILLIC_RE.findall(sample)) > 0.3 * n:
        return "ru"
    if len(_ARABIC_RE.findall(sample)) > 0.3 * n:
        return "ar"
    if len(_CJK_RE.findall(sample)) > 0.2 * n:
        return "zh"
    words = Counter(re.findall(r"[a-záéíóúñçèêàâôûü’']+", sample.lower()))  # counted in C, then looked up
    counts = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 3 else None


_CIRCULATE_RE = re.compile(
    r"(?:circulated|circulate|distribuer|distribuir|circular|распространить|распространены)\b(?P<rest>.{0,400})",
    re.I | re.S,
)
_ORGAN_MENTION_RE = re.compile(names_pattern(principal_organ_names()), re.I)


def read_circulation(text: str) -> dict[str, list[str]] | None:
    """Return organ -> agenda items named in a request to circulate the letter, or None."""
    m = _CIRCULATE_RE.search(text)
    if not m:
        return None
    rest = m.group("rest")
    rest = rest.split(". ")[0] if ". " in rest else rest
    out: dict[str, list[str]] = {}
    mentions = list(_ORGAN_MENTION_RE.finditer(rest))
    for k, om in enumerate(mentions):
        organ = organ_of(om.group()) or om.group()
        seg = rest[om.end(): mentions[k + 1].start() if k + 1 < len(mentions) else len(rest)]
        items: list[str] = []
        im = re.search(r"(?:agenda items?|points? [\d ,()a-z]+de l[’']ordre du jour|temas? [\d ,()a-z]+del programa"
                       r"|пункт(?:ам|ов|а)? [\d ,()a-z]+повестки дня|items?|points?|temas?|пункт\w*)"
                       r"\s*(?P<items>[\d ,()a-z\-–]*(?:\s*(?:and|et|y|и)\s*\d+(?:\s*\([a-z]\))?)?)", seg, re.I)
        if im:
            # "point 40 de l’ordre du jour" holds its items before the words that name them.
            items = agenda_items(im.group("items")) or agenda_items(im.group())
        out.setdefault(organ, [])
        out[organ].extend(x for x in items if x not in out[organ])
    return out or None


def finish_metadata(doc: Document) -> None:
    """Fill in the metadata that the body gives: signatories, circulation, sender and addressee, type."""
    md: Metadata = doc.metadata
    for p in doc.paragraphs:
        if p.kind == "signature":
            _take_signatory(md, p)
        if md.circulation is None and p.kind in ("body", "list_item"):
            _take_circulation(md, p)
    md.sender, md.addressee = title_parts(md.title)
    md.doc_type = doc_type(md, doc)


def _take_signatory(md: Metadata, p: Paragraph) -> None:
    """Add the signatory of a signature paragraph: name, then title, then function, one a line."""
    lines = p.text.split("\n")
    m = SIGNED_RE.match(lines[0])
    name = (m.group("name") if m else lines[0]).strip()
    if name:
        md.signatories.append(Signatory(
            name=name,
            title=lines[1].strip() if len(lines) > 1 else None,
            function=", ".join(ln.strip() for ln in lines[2:]) or None,
            section=p.section,
        ))


def _take_circulation(md: Metadata, p: Paragraph) -> None:
    """Take a request to circulate the letter: its organs and their agenda items join the masthead's."""
    circ = read_circulation(p.text) if re.search(r"circulat|distribu|распростран", p.text, re.I) else None
    if not circ:
        return
    md.circulation = {"organs": list(circ), "agenda_items": circ, "paragraph": p.id}
    for organ, items in circ.items():
        if organ not in md.organs:
            md.organs.append(organ)
        if items and not md.agenda_items.get(organ):
            md.agenda_items[organ] = list(items)


# What decides a document's type, tried in order: (type, what is read, how, pattern). What is read: the
# symbols (joined by spaces), the headings (the title and the title paragraphs among the first ones: a
# subject title can stand above a letter's own heading, "Observer status for ..." over "Letter dated ..."),
# the title, the sponsors' lines (the first 12 paragraphs), the head (agenda titles and the first paragraphs
# up to the by-line under the title) and the first paragraphs one by one. How: "match" at the start, or
# "search" anywhere; the first rule that finds its pattern in any text read decides.
_SUBMITTED = r"(?:submitted|présenté|presentado|представленный)\b"
_DOC_TYPE_RULES: tuple[tuple[str, str, str, re.Pattern[str]], ...] = (
    ("meeting_record", "symbols", "search", re.compile(r"/PV\.|/SR\.")),  # verbatim and summary records
    ("resolution", "symbols", "search", re.compile(r"/RES/")),
    ("decision", "symbols", "search", re.compile(r"/DEC/")),
    ("identical_letters", "headings", "match",
     re.compile(r"^(?:Identical letters|Lettres identiques|Cartas idénticas|Идентичные письма)", re.I)),
    ("note_verbale", "headings", "match", re.compile(r"^(?:Note verbale|Nota verbal|Вербальная нота)", re.I)),
    ("letter", "headings", "match", re.compile(r"^(?:Letter|Lettre|Carta|Письмо)", re.I)),
    # A draft's heading over its title: "Draft decision submitted by the Vice-President of the Council, ...",
    # whatever its title says ("Report of the Statistical Commission on its fifty-sixth session").
    ("draft_resolution", "heading", "match", re.compile(
        rf"^(?:Draft resolution|Projet de résolution|Proyecto de resolución|Проект резолюции) {_SUBMITTED}", re.I)),
    ("draft_decision", "heading", "match", re.compile(
        rf"^(?:Draft decision|Projet de décision|Proyecto de decisión|Проект решения) {_SUBMITTED}", re.I)),
    ("note", "title", "match", re.compile(r"^(?:Note by|Note du|Nota d)", re.I)),
    ("report", "title", "match", re.compile(r"^(?:Report|Rapport|Informe|Доклад)", re.I)),
    ("resolution", "title", "match",
     re.compile(r"^(?:Resolution adopted|Résolution adoptée|Resolución aprobada|RESOLUCION APROBADA)", re.I)),
    ("agenda", "title", "match", re.compile(
        r"^(?:(?:Annotated |Revised )?provisional agenda|Ordre du jour provisoire|Programa provisional)", re.I)),
    # A draft names itself in its sponsors' line: "Iraq: draft resolution", "Draft decision submitted to ...".
    ("draft_resolution", "sponsors", "search", re.compile(r":[\s*,]*draft resolution\s*$", re.I)),
    ("draft_resolution", "head", "search",
     re.compile(r"draft resolution|projet de résolution|proyecto de resolución|проект резолюции", re.I)),
    ("draft_decision", "head", "search", re.compile(r"draft decision|projet de décision|proyecto de decisión", re.I)),
    # A note's by-line names whoever wrote it: "Note by the Secretary-General", "Note by the UNCTAD secretariat",
    # "Note by the Executive Director", "Note du secrétariat".
    ("note", "head", "search", re.compile(
        r"\bNote by the\b|\bNote (?:du|de la|de l[’'])\s*(?:Secrétaire|secrétariat|Directeur|Directrice|Président)"
        r"|\bNota (?:del|de la) (?:Secretari|Director|Presiden)", re.I)),
    # A report names itself in its title ("Annual report on evaluation, 2024", "Draft report") or in its
    # by-line ("Report of the Secretary-General", "Progress report by the UNCTAD secretariat").
    ("report", "title", "search", re.compile(r"\breport\b|\brapport\b|\binforme\b|доклад", re.I)),
    ("report", "head", "search",
     re.compile(r"\breport of\b|\bannual report\b|\bRapport d|\bInforme d|\bДоклад\b", re.I)),
    ("report", "body", "match", re.compile(r"(?:[\w\-]+ ){0,3}report (?:by|on) the\b", re.I)),
)


def doc_type(md: Metadata, doc: Document) -> str | None:
    """Return the document type from the symbol, the title and the first paragraphs (_DOC_TYPE_RULES)."""
    read = _type_evidence(md, doc)
    for kind, where, how, pattern in _DOC_TYPE_RULES:
        find = pattern.match if how == "match" else pattern.search
        if any(find(text) for text in read[where]):
            return kind
    return "other" if md.symbols else None


def _type_evidence(md: Metadata, doc: Document) -> dict[str, list[str]]:
    """Return the texts that _DOC_TYPE_RULES read, by name."""
    first = [p for p in doc.paragraphs if p.kind != "masthead"][:8]
    at = next((k for k, p in enumerate(first) if p.kind == "title"), None)
    first = first[: at + 3] if at is not None else first[:4]  # the title and the by-line under it
    body = [p.text for p in first]
    title = md.title or ""
    heading = first[at - 1].text if at else ""  # the paragraph over the title
    return {
        "symbols": [" ".join(md.symbols)],
        "headings": [title, *(p.text for p in first if p.kind == "title")],
        "heading": [heading],
        "title": [title],
        "sponsors": [p.text for p in doc.paragraphs[:40] if p.kind != "masthead"][:12],
        "head": [" ".join([*md.agenda_titles, *body])],
        "body": body,
    }


# The job number printed at the foot of page 1, with the language of the version in brackets and the date
# stamps after it: "25-02826 (E)    270225", "GE.24-12345(E)", "V.03-80680 (E) 270203 280203", "25-05010X (E)",
# "25-02826* (E)" (the star of a reissue). Later pages print the number alone in their running foot.
_JOB_RE = re.compile(
    r"^\s*(?P<number>(?:[A-Z]{1,3}\.)?\d{2}-\d{5}[A-Z]?)\*?\s*(?P<lang>\([A-Z]\))?(?:\s+\d{6}){0,3}"
    r"\s*(?:\*\d{7,}\*)?\s*$")


def read_job_number(lines: list[Line]) -> str | None:
    """Return the job number of a document from the lines of its first page ("25-13542 (E)"), or None.

    The number that carries the version's language mark is the first page's own; a number alone is taken
    when no line carries the mark."""
    alone: str | None = None
    for ln in lines:
        m = _JOB_RE.match(ln.text)
        if not m:
            continue
        if m.group("lang"):
            return f"{m.group('number')} {m.group('lang')}"
        alone = alone or m.group("number")
    return alone
