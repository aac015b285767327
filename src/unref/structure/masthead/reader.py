"""The masthead of a UN document's first page: symbols, organs, date, agenda, title.

Part of the structure stage: it reads the labelled lines of page 1 and says which
of them are masthead, and what they mean.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from unref.catalogue import organ_misread, organ_of
from unref.model import Line, Metadata
from unref.symbols import try_parse
from unref.text.regexes import (
    AGENDA_ITEM_RE,
    AGENDA_RE,
    DATE_RE,
    DISTR_RE,
    ORIGINAL_RE,
    SYMBOL_LINE_RE,
)

_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
MONTH_NUMBERS = {name: i for names in _MONTHS.values() for i, name in enumerate(names.split(), 1)}
MONTH_NUMBERS.update({"fevrier": 2, "aout": 8, "setiembre": 9})

LANGUAGE_NAMES = {
    "english": "en",
    "french": "fr",
    "spanish": "es",
    "russian": "ru",
    "arabic": "ar",
    "chinese": "zh",
    "anglais": "en",
    "français": "fr",
    "espagnol": "es",
    "russe": "ru",
    "arabe": "ar",
    "chinois": "zh",
    "inglés": "en",
    "francés": "fr",
    "español": "es",
    "ruso": "ru",
    "árabe": "ar",
    "английский": "en",
    "французский": "fr",
    "испанский": "es",
    "русский": "ru",
    "арабский": "ar",
    "китайский": "zh",
}

# The emblem's words, and the letters of the organs whose documents the symbol belongs to: "UNITED" over
# "NATIONS", "NATIONS" / "UNIES", "UNITED A" (the word beside the letter), "A S" (a joint document's).
UN_LINE_RE = re.compile(
    r"^\s*(?:(?:United Nations|UNITED|NATIONS|UNITED NATIONS|Nations Unies|NATIONS UNIES|UNIES"
    r"|Naciones Unidas|NACIONES UNIDAS|NACIONES|UNIDAS|Организация Объединенных Наций)(?:\s+[ASE])?"
    r"|[ASE](?:\s?[ASE])?)\s*$"
)
_SESSION_KIND = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|[\w\-]+)(?: (?:regular|annual|substantive|organizational|ordinary|special|resumed))?"
    r" session(?: (?:of )?\d{4})?"
    r"|(?:[\w\-]+ )?(?:session (?:ordinaire|annuelle|extraordinaire)|Session annuelle)(?: de \d{4})?"
    r"|(?:[\w\-]+ ){0,2}(?:Período|período) (?:ordinario |extraordinario )?de sesiones(?: sustantivo| anual)?"
    r"(?: de \d{4})?"
    r"|(?:[\w\-]+ ){1,2}(?:очередная |ежегодная |основная )?сессия(?: \d{4} года)?"
)
SESSION_RE = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]+-)?[A-Z]?[a-z]+(?:-[a-z]+)? (?:session|year|special session|emergency special session)"
    r"|Resumed .*session|Session (?:of|de) \d{4}|Período de sesiones de \d{4}"
    r"|\d{4} (?:regular |resumed |organizational |substantive )?session|[\w\-–]+ (?:\d{1,2}[ –\-]+)?\w+ \d{4}"
    r"|(?:Quarante|Cinquante|Soixante|Trente|Vingt)[\w\-]* session|[\w\-]+ (?:período de sesiones|année|año)"
    r"|[\w\-]+ сессия|[\w\-]+ год|Item \d+ of the provisional agenda.*|Point \d+ .*|Tema \d+ .*"
    # A session named by its kind or its part, as executive boards, commissions and working parties print
    # it: "First regular session 2025", "Eighth substantive session", "192nd session", "Ninth session
    # (resumed)", "Première session ordinaire de 2025", "Octavo período de sesiones sustantivo".
    rf"|(?:{_SESSION_KIND})(?: \((?:resumed|first part|second part|third part|part [IVX]+|reprise)\))?)\s*$",
    re.I,
)
LIMITED_RE = re.compile(r"^\s*(?:GENERAL|LIMITED|RESTRICTED|General|Limited|GÉNÉRALE|GENERALE|ОБЩАЯ|Общая)\s*$")
TITLE_START_RE = re.compile(
    r"^\s*(?:Letter dated|Letters dated|Identical letters dated|Note verbale dated|Note by the|Report of"
    r"|Resolution adopted by|RESOLUTION ADOPTED BY|Decision adopted by|Provisional agenda|Draft resolution"
    r"|Lettre datée|Lettres identiques|Note verbale datée|Rapport d|Résolution adoptée|RESOLUTION ADOPTEE"
    r"|Carta de fecha|Cartas idénticas|Nota verbal de fecha|Informe d|Resolución aprobada|RESOLUCION APROBADA"
    r"|Письмо|Идентичные письма|Вербальная нота|Доклад|Резолюция, принятая)",
    re.I,
)
LETTER_START_RE = re.compile(
    r"^\s*(?:Letter dated|Letters dated|Letter of \d{1,2} |Identical letters dated|Note verbale dated|Lettre datée"
    r"|Lettres identiques|Note verbale datée|Carta de fecha|Cartas idénticas|Nota verbal de fecha|Письмо"
    r"|Идентичные письма|Вербальная нота"
    # The typewritten mastheads of 1946-1995 set the title in capitals: "LETTER DATED 2 JUNE 1992 FROM THE ...".
    r"|LETTER DATED|LETTERS DATED|IDENTICAL LETTERS DATED|NOTE VERBALE DATED|LETTRE DAT[EÉ]E|LETTRES IDENTIQUES"
    r"|CARTA DE FECHA|CARTAS IDÉNTICAS|CARTAS IDENTICAS|NOTA VERBAL DE FECHA)"
)
TITLE_END_RE = re.compile(
    r"(?:addressed to|ADDRESSED TO|adressée? (?:au|à)|ADRESS[EÉ]E? (?:AU|[AÀ])|dirigida al?|DIRIGIDA AL?|на имя)"
    r"\s+\S.*[^,\s]$")


def iso_date(match: re.Match[str]) -> str | None:
    """Return an ISO date for a DATE_RE match."""
    month = MONTH_NUMBERS.get(match.group("month").lower())
    if not month:
        return None
    day = int(re.sub(r"\D", "", match.group("day")))
    return f"{int(match.group('year')):04d}-{month:02d}-{day:02d}"


def agenda_items(text: str) -> list[str]:
    """Return item numbers from "Agenda items 32, 60 and 132" or "Item 110 (f)"."""
    return [re.sub(r"\s+", " ", m.group()).replace("( ", "(") for m in AGENDA_ITEM_RE.finditer(text)]


@dataclass
class Masthead:
    """What the masthead gives, and which lines of page 1 it took."""

    metadata: Metadata
    used: set[int] = field(default_factory=set)  # source offsets of lines that are masthead
    title_lines: list[Line] = field(default_factory=list)


# Text extractors that keep no layout join the masthead's columns: "United Nations S/RES/1445 (2002)",
# "Security Council Distr.: General".
_JOINED_UN_RE = re.compile(r"^\s*(United Nations|UNITED NATIONS|Nations Unies|NATIONS UNIES|Naciones Unidas)\s+(\S.*)$")
_JOINED_DISTR_RE = re.compile(r"^\s*(\S.*?)\s+((?:Distr\.?|Дистр\.?)\s*:?.*)$")
# A resolution printed without a masthead: "Resolution 853 (1993)" over "of 29 July 1993" and
# "The Security Council," (or "Adopted by the Security Council at its 3205th meeting").
# The Council's own numbering, "N (YYYY)", names its resolutions (the Assembly's are "217 (III)", "48/161"),
# in the forms of its yearly volumes too: "Resolution 892 (1993) of 22 December 1993", "6 (1946). Resolution
# of 17 May 1946" (a note's number may follow).
RESOLUTION_HEAD_RE = re.compile(
    r"^\s*(?:(?:Resolution|RESOLUTION)\s+(\d{1,4})(?:\s*\((\d{4})\))?(?P<of>\s+of\s+\d{1,2} \w+ \d{4})?"
    r"|(\d{1,4})\s*\((\d{4})\)\.\s*Resolution of\s+(?P<date>\d{1,2} \w+ \d{4})(?:\s+\d{1,3})?)\s*$")
# "of 11 April 1980" under "Resolution 466 (1980)".
_OF_DATE_RE = re.compile(r"^\s*of \d{1,2} \w+ \d{4}\s*$")
_BY_COUNCIL_RE = re.compile(r"^\s*(?:The Security Council\b|Adopted by the Security Council\b)")


def _parts(text: str) -> list[str]:
    """Return the masthead items of a line: one, or the two that an extractor joined."""
    if (m := _JOINED_UN_RE.match(text)) and SYMBOL_LINE_RE.match(m.group(2)):
        return [m.group(1), m.group(2)]
    if (m := _JOINED_DISTR_RE.match(text)) and (
            organ_of(m.group(1)) or re.fullmatch(r"(?:Distr\.?|Дистр\.?)\s*:?\s*[\w.]+", m.group(2))):
        return [m.group(1), m.group(2)]  # "Third Meeting of States Parties to the Distr.: General"
    if m := re.match(r"^\s*(\S.*?)\s+(Original\s*:\s*[^\W\d]+)$", text):
        return [m.group(1), m.group(2)]  # "Nuclear Weapons Original: English"
    return [text]


# A line that names a body heading a block of the masthead (GOLD.md: every body that heads a block is an
# organ, subsidiary bodies too, under the name printed there): "Executive Board of the United Nations
# Development Programme, ...", "Committee on Non-Governmental Organizations", "Special Committee on ...",
# "Statistical Commission", "United Nations Children’s Fund / Executive Board", "Third Meeting of States
# Parties to the Treaty ...", "TRADE AND DEVELOPMENT BOARD", "Grupo de trabajo de composición abierta sobre ...".
_BODY_WORDS = (
    r"Executive Board|Governing Council|Conseil d[’']administration|Junta Ejecutiva|Board|Committee|Commission"
    r"|Council|Forum|Working Group|Working Party"
    r"|Group of (?:Governmental )?Experts|Meeting of (?:the )?States Parties|Conference of (?:the )?(?:States )?Parties"
    r"|Conference|Subcommission|Sub-Commission|Assembly|Comité|Commission|Conseil|Groupe de travail|Comisión"
    r"|Consejo|Grupo de trabajo|Junta Ejecutiva|Комитет|Комиссия|Совет|Рабочая группа"
)
_BODY_START_RE = re.compile(
    rf"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d{{4}}) )?"
    rf"(?:(?:Special|Standing|Ad Hoc|Preparatory|Intergovernmental|Open-ended|High-level|Permanent|Executive"
    rf"|United Nations) )*(?:{_BODY_WORDS})\b",
    re.I,
)
_BODY_END_RE = re.compile(rf"\b(?:{_BODY_WORDS})$", re.I)
# A body whose name puts its own words before the body word, each capitalized as a name is: "Economic
# Commission for Europe", "Inland Transport Committee", "United Nations Environment Assembly of the ...".
_NAMED_BODY_RE = re.compile(
    r"^(?:[A-Z][a-z][\w’'\-]*,? ){1,3}(?:Executive Board|Governing Council|Board|Committee|Commission|Council|Forum"
    r"|Working Group|Working Party|Assembly|Conference)\b")


def _starts_body_match(text: str) -> re.Match[str] | None:
    """Return the match of a line that begins a body's name (see _starts_body), for the item rules."""
    return _BODY_START_RE.match(text) or _NAMED_BODY_RE.match(text)


def _starts_body(text: str) -> bool:
    """Return whether a line begins a body's name: "Committee on ...", "Special Committee ...", "Economic
    Commission for Europe"."""
    return bool(_BODY_START_RE.match(text) or _NAMED_BODY_RE.match(text))
# A line that cannot end a body's name: "Executive Board of the", "Special Committee on the Charter of the".
_NAME_OPEN_RE = re.compile(
    r"(?:\b(?:of|the|and|on|for|to|in|with|regard|de|la|del|des|du|sobre|y|et|по|и)|[,:])$", re.I)
# A place and date line of a session: "New York, 18–26 February 2025", "2 to 5 June 2025, New York",
# "(3 May 2024 and 7–11 April 2025)", "Geneva, 6 June 1995", "Nice, France, 9–13 June 2025".
_MONTH_WORDS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_PLACE_DATE_RE = re.compile(
    rf"^\(?(?:[A-ZÀ-ÝА-Я][\w’'.\-]*(?: [A-ZÀ-ÝА-Я][\w’'.\-]*)*, )*"
    rf"(?:(?:\d{{1,2}}|{_MONTH_WORDS}|\d{{4}}|de|to|and|a|au|et|y|и|–|-|—|,|\s)+)"
    rf"(?:, (?:[A-ZÀ-ÝА-Я][\w’'.\-]*(?: [A-ZÀ-ÝА-Я][\w’'.\-]*)*))?(?:\s*года)?\)?$",
    re.I,
)
# A language line of the masthead: "English" over "Original: French"; "ORIGINAL:" over "ENGLISH".
# The versions a document is issued in: "English only", "Arabic, English and French only", "English/French",
# "Anglais et français seulement", "Inglés únicamente".
_LANGUAGE = f"(?:{'|'.join(LANGUAGE_NAMES)})"
_LANGUAGE_LINE_RE = re.compile(
    rf"^(?:{_LANGUAGE}(?:(?:\s*[,/]\s*|\s+(?:and|et|y|и)\s+){_LANGUAGE})*"
    rf"(?:\s+(?:only|seulement|uniquement|únicamente|solamente|solo))?|ORIGINAL\s*:?|Original\s*:)$", re.I)
# Lines of an Official Records cover and the "For decision" tag of an executive board's document.
_COVER_RE = re.compile(
    r"^(?:Official Records(?:,? \d{4})?|Documents officiels.*|Documentos Oficiales.*|Supplement No\. \d+.*"
    r"|Supplément n[o°] \d+.*|Suplemento No\. \d+.*|For (?:decision|information|action)|Pour (?:décision|information))$"
)

# What starts the document's own title, and where its subject title stands relative to it.
# A letter's heading is its title.
# A by-line closes the subject title printed above it ("Report of the Secretary-General" under "The situation
# in Central Africa ..."); with no subject above, the by-line itself is the title ("Report of the
# Secretary-General on Somalia").
_BYLINE_RE = re.compile(
    r"^(?=[A-ZÀ-ÝА-Я])(?!.*[,;]$)"
    r"(?:(?:(?!(?:the|a|an|its|this|that|of|on|in|to|and)\b)[\w\-]+ ){0,3}(?:report|Report|REPORT)"
    r" (?:of|by|on|OF|BY|ON) (?:the|THE)\b(?!.*,$)"
    r"|(?:Progress |Annual |Final |Interim |Special )?(?:Report|REPORT) (?:of|by|on|OF|BY|ON)\b"
    r"|Note by the\b|NOTE BY THE\b|Note du\b|Note de la\b|Nota del?\b|Documento de la\b|Document de la\b"
    r"|Rapport d[ue]\b|RAPPORT D[UE]\b|Informe del?\b|Доклад\b|Записка\b)"
)
# A heading after which the title follows: a resolution's adoption line, a draft's sponsors.
_FORWARD_RE = re.compile(
    r"^(?:Resolution adopted by|RESOLUTION ADOPTED BY|Résolution adoptée|RESOLUTION ADOPTEE|Resolución aprobada"
    r"|RESOLUCION APROBADA|Резолюция, принятая|Draft (?:resolution|decision)\b(?!\s*\()"
    r"|Projet de (?:résolution|décision)\b"
    r"|Proyecto de (?:resolución|decisión)\b)"
    r"|^.{0,160}:[\s*,'’]*(?:revised )?(?:draft (?:resolution|decision)|projet de (?:résolution|décision)"
    r"|proyecto de (?:resolución|decisión))(?: [IVX]+)?\s*$",
    re.I,
)
# Titles that stand for themselves.
# A State's national report to the universal periodic review has no by-line: "National report submitted in
# accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21" over the State's name.
_SELF_RE = re.compile(r"^(?:Provisional agenda|(?:Annotated|Revised) provisional agenda|Ordre du jour provisoire"
                      r"|Programa provisional|Draft report"
                      r"|National report submitted|NATIONAL REPORT SUBMITTED|Rapport national présenté"
                      r"|RAPPORT NATIONAL PRÉSENTÉ|Informe nacional presentado|Национальный доклад, представленный"
                      r"|Statement by the President of the\b|Déclaration du Président|Declaración de la Presidencia)\b")
# A resolution's number before its title: "48/161.", "2025/5.", "ES-11/1.", "S-30/1.", "58/1."
# A draft prints a placeholder for the number it will take: "58/... The right to food", "80/…".
_NUMBER = r"^(?:[A-Z]{1,2}-\d{1,2}/|\d{1,4}/)(?:\d{1,4}|\.{3}|…)(?: [A-Z](?=[\s.:]))?\s*[.:]?\s*"
# Headings of the body: the title, when the masthead has one, stands above them.
_SECTION_RE = re.compile(
    r"^(?:Summary|Contents|CONTENTS|Introduction|INTRODUCTION|I\.\s+\w.*|Résumé|Resumen|Table des matières"
    r"|TABLE DES MATI[EÈ]RES"
    r"|Índice|Содержание|Резюме|Paragraphs)$"
)
# A resolution's own words after its title: "The General Assembly,", "L’Assemblée générale,", "The Executive Board".
_ENACTING_RE = re.compile(
    r"^(?:The|THE|La|Le|L[’']|El|Los)\s*.{0,70}?(?:Assembly|Council|Board|Committee|Commission|Conference|Forum"
    r"|générale|Conseil.*|General|Consejo.*|Comité.*|Comisión.*)\s*,?$|^[А-Я][а-я]+ .{0,60}(?:Ассамблея|Совет),$"
)
# Lines that end a title taken from its heading on: an addendum's tag, the rapporteur, the body's sections.
_TITLE_STOP_RE = re.compile(
    r"^(?:Addendum|Corrigendum|Additif|Adición|Rapporteur\b|Rapporteuse\b|Relator\b|Summary|Contents|CONTENTS"
    r"|Table des matières|TABLE DES MATI[EÈ]RES"
    r"|Official Records|Supplement No\.|I\.$|I\.\s|Introduction$|INTRODUCTION$|\[)"
)
# "Request for the inclusion of an item in the provisional agenda of the eightieth session": the item that
# follows is the document's subject.
_REQUEST_RE = re.compile(
    r"^Request for the inclusion of (?:an|a supplementary|an additional) item in the (?:provisional )?agenda"
    r"(?: of the [\w\-]+ (?:regular |special )?session)?",
)


def _is_header(text: str) -> bool:
    """Return whether a line is a masthead item that can stand under a body's name (a session, a place)."""
    return bool(
        SESSION_RE.match(text) or _PLACE_DATE_RE.match(text) or AGENDA_RE.match(text) or DISTR_RE.match(text)
        or ORIGINAL_RE.match(text) or SYMBOL_LINE_RE.match(text) or _COVER_RE.match(text)
        or _LANGUAGE_LINE_RE.match(text)
    )


def _ends_name(lines: list[str], text: str) -> bool:
    """Return whether a line ends a body's name that `lines` began: a blank, another masthead item, a by-line,
    a resolution's heading or another organ's name."""
    if not text or _is_header(text):
        return True
    return bool(lines) and bool(_BYLINE_RE.match(text) or _FORWARD_RE.match(text) or organ_of(text))


def _heads_second_body(lines: list[str], text: str) -> bool:
    """Return whether a line names a second body under a complete body's name.

    "Human Rights Council" over "Working Group on the Universal Periodic Review": the block's head is the
    first body; the one under it is part of its session's description."""
    if not lines:
        return False
    so_far = " ".join(lines)
    return (not _NAME_OPEN_RE.search(so_far) and not text[:1].islower() and _starts_body(text)
            and (_starts_body(so_far) or bool(_BODY_END_RE.search(so_far))))


def _is_sentence_line(text: str) -> bool:
    """Return whether a line is a sentence, or a line the extractor joined with the masthead's other column."""
    return len(text) > 70 or text.endswith((".", ";")) or bool(DISTR_RE.search(text) or DATE_RE.search(text))


def _block_end(window: list[Line], k: int) -> int:
    """Return the index of the first blank line or masthead item from line k on."""
    while k < len(window) and window[k].text.strip() and not _is_header(window[k].text.strip()):
        k += 1
    return k


# A line of a body's name that an extractor joined with the item beside it in the masthead's other column:
# "Third Meeting of States Parties to the Distr.: General", "Nuclear Weapons Original: English".
_GLUED_ITEM_RE = re.compile(r"^(\S.*?)\s+((?:Distr\.?|Дистр\.?)\s*:\s*[\w.]+|Original\s*:\s*[^\W\d]+)$")


def glued_item(text: str, date_too: bool) -> tuple[str, str] | None:
    """Return (name part, item) of a line that joins a body's name with an item of the masthead's other column:
    a distribution or an original language, and, with `date_too`, the date at its end ("Treaty on the
    Prohibition of 6 May 2025"); None for any other line. The column's date follows its "Distr.", so a date
    is taken for the other column's only once a "Distr." was found glued above (a line of text may end
    with a date: "the special report of 10 September 2002")."""
    if m := _GLUED_ITEM_RE.match(text):
        return m.group(1), m.group(2)
    m = DATE_RE.search(text) if date_too else None
    if m and m.end() == len(text) and text[: m.start()].rstrip()[-1:].isalpha():
        return text[: m.start()].rstrip(), m.group(0)
    return None


def glued_items(texts: list[str]) -> list[tuple[str, str] | None]:
    """Return `glued_item` of each line of a run, in order (a date counts after a glued "Distr." above it)."""
    out: list[tuple[str, str] | None] = []
    for text in texts:
        out.append(glued_item(text, any(g is not None for g in out)))
    return out


def _name_lines(window: list[Line], i: int) -> tuple[list[str], int] | None:
    """Return the lines of a body's name that starts at line i (at most 7) and the index past them; None when
    a sentence comes first."""
    lines: list[str] = []
    k = i
    glued_above = False
    while k < len(window) and len(lines) < 7:
        text = window[k].text.strip()
        if glued := glued_item(text, glued_above):
            text, glued_above = glued[0], True  # the name's part of a line joined with the other column
        if lines and _NAME_OPEN_RE.search(lines[-1]) and (past := _past_speck(window, k)) is not None:
            k = past  # a name open at "of the" goes on over a scan's speck read as a stop (";") and the blanks by it
            continue
        if _ends_name(lines, text):
            break
        if _heads_second_body(lines, text):
            k = _block_end(window, k)
            break
        if _is_sentence_line(text):
            return None
        lines.append(text)
        k += 1
    return lines, k


def _past_speck(window: list[Line], k: int) -> int | None:
    """Return the index past a speck's line at k (`_is_speck_line`) with the blank lines around it, or None when no
    speck's line stands there (a blank line alone ends a body's name)."""
    j = k
    while j < len(window) and j < k + 2 and not window[j].text.strip():
        j += 1
    if j >= len(window) or not _is_speck_line(window[j].text.strip()):
        return None
    j += 1
    while j < len(window) and not window[j].text.strip():
        j += 1
    return j


def _is_speck_line(text: str) -> bool:
    """Return whether a line holds marks but no letter or figure (";", "' ."): a speck a scan's engine read."""
    return bool(text) and not any(c.isalnum() for c in text)


# A typewritten masthead stacks an organ's name in capitals, a word or two a line, blank lines between in
# some readings ("GENERAL" / "ASSEMBLY", "CONSEIL" / "ECONOMIQUE" / "ET S O C I A L"); letters typed apart
# are read as one word.
_STACKED_PART_RE = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,2}$")
_SPACED_LETTERS_RE = re.compile(r"(?<!\w)((?:\w ){2,}\w)(?!\w)")


def _stacked_part(text: str) -> str | None:
    """Return a line as a part of a stacked organ's name (capitals, one to three words), else None."""
    text = _SPACED_LETTERS_RE.sub(lambda m: m.group(1).replace(" ", ""), text.strip())
    return text if text.isupper() and _STACKED_PART_RE.match(text) else None


def _stacked_organ(window: list[Line], i: int) -> tuple[str, list[int]] | None:
    """Return (organ, indices of its lines) when an organ's name stands stacked from line i on (two or three
    printed lines, the blank lines between skipped), else None."""
    first = _stacked_part(window[i].text)
    if first is None or organ_of(first):
        return None
    parts, taken = [first], [i]
    for k in range(i + 1, min(i + 6, len(window))):
        if not window[k].text.strip():
            continue
        part = _stacked_part(window[k].text)
        if part is None or len(parts) == 3:
            break
        parts.append(part)
        taken.append(k)
    for n in (3, 2):
        if len(parts) >= n and (organ := organ_of(" ".join(parts[:n]))):
            return organ, taken[:n]
    return None


def _is_body_name(name: str) -> bool:
    """Return whether a name reads as a body's and ends where a name can end."""
    return (_starts_body(name) or bool(_BODY_END_RE.search(name))) and not _NAME_OPEN_RE.search(name)


def _block_follows(window: list[Line], k: int, before_session: bool) -> bool:
    """Return whether the next printed line (of the next three) continues a masthead block: a masthead item,
    an organ, or, before any session, the title's by-line or heading."""
    nxt = next((window[j].text.strip() for j in range(k, min(k + 3, len(window))) if window[j].text.strip()), "")
    return bool(_is_header(nxt) or organ_of(nxt)
                or (before_session and (_BYLINE_RE.match(nxt) or _FORWARD_RE.match(nxt))))


def _body_run(window: list[Line], i: int, before_session: bool) -> tuple[str, int] | None:
    """Return (name, index past the run) when a block of the masthead starts at line i with a body's name."""
    run = _name_lines(window, i)
    if run is None or not run[0]:
        return None
    lines, k = run
    name = re.sub(r"\s+", " ", " ".join(lines)).strip()
    if not _is_body_name(name):
        return None
    if organ_of(name):
        return organ_of(name) or name, k  # a known body's name wrapped over two lines
    if _block_follows(window, k, before_session):
        return (organ_of(name) or organ_misread(name) or name), k
    return None


# Kinds of masthead line under which a session line of the same block may stand.
_SESSION_CHAINS = ("organ", "session", "distr", "date", "original", "language", "symbol", "cover")
# Kinds of masthead line after which a body's name may head a block with no blank line between.
_BLOCK_AFTER = ("symbol", "distr", "date", "original")
# "A /79/PV.64": an extractor's space after the series.
_SPACED_SERIES_RE = re.compile(r"^([A-Z]{1,6}) /(?=\S)")
# "A / 4 4 / 8 0 6": a symbol whose characters an OCR layer set apart.
_SPACED_OUT_RE = re.compile(r"^\s*(?:\S ){4,}\S\s*$")


def _unspaced_symbol(text: str) -> str:
    """Return a line of characters set apart as the symbol they spell ("A / 4 4 / 8 0 6"), else the line."""
    if not _SPACED_OUT_RE.match(text):
        return text
    joined = text.replace(" ", "")
    return joined if SYMBOL_LINE_RE.match(joined) else text


# "S 2025/68": OCR of a masthead that prints the series letter large and the rest small reads them as two words and
# loses the slash between them (read.ocr.masthead reads such a symbol again; where that fails the line stays so).
_OCR_SPACED_SERIES_RE = re.compile(r"^\s*([A-Z]{1,4}) (\d[^\s/]*/\S+)\s*$")


def spaced_series(text: str) -> str:
    """Return a symbol line whose slash after the series OCR read as a space ("S 2025/68") as the symbol, where the
    joined symbol parses (the symbol grammar and its series catalogue: "S/2025/68"); else the line."""
    m = _OCR_SPACED_SERIES_RE.match(text)
    if m is None:
        return text
    joined = f"{m.group(1)}/{m.group(2)}"
    return joined if try_parse(joined) is not None else text


# "s/21194": OCR of a typewritten masthead reads the series letter in lower case.
_OCR_SERIES_RE = re.compile(r"^([sae])(?=/\d{3,5}(?:/|\s*$))")
# "l6 avril 1980": OCR reads a typewritten 1 as "l" or "I" in the day of the masthead's date.
_OCR_DAY_RE = re.compile(rf"^[lI](\d)(?= (?:{_MONTH_WORDS}) \d{{4}}$)", re.I)
# "Item 116 (c) of the preliminary list3": a scan's engine reads the note's star raised after the agenda line's
# last word as a figure glued to it (no corpus text prints a figure there: the marker is "*" in all 7 such lines).
_OCR_AGENDA_MARK_RE = re.compile(
    r"^(\s*(?:Agenda items?|Items?|Points?|Temas?|Punto)\s+\d.*\b(?:agenda|list|jour|programa))\d{1,2}\s*$", re.I)
# "E/ICEF/672 (Deuxième partie)", "A/79/6 (Sect. 33)": a symbol with the part, section or volume it issues;
# a symbol with a session number in brackets.
_QUALIFIED_SYMBOL_RE = re.compile(
    r"^\s*[A-Z][A-Z0-9.\-]*/[A-Za-z0-9.\-/]*\d[A-Za-z0-9.\-/]*\*?\s*"
    r"\((?:Sect\.|Section|Part|Vol\.|Volume|Partie|Parte|[\w\-]+ partie|[\w\-]+ parte|Chap\.)[^()]{0,20}\)\s*$")
# "2 April" over "1992": a typewritten masthead's date whose year an extractor set on a line of its own.
_DAY_MONTH_RE = re.compile(rf"^\d{{1,2}} (?:{_MONTH_WORDS})$", re.I)
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
# The body's first numbered paragraph: "1.   The present report is submitted pursuant to ...".
_FIRST_PARAGRAPH_RE = re.compile(r"^1\.(?:$|\s+[A-ZА-Я])")
# A typewritten masthead's date whose month OCR misread: "23 N:,srember 1995", "of 3 Apri] 1991", and an adoption
# line's "on 10 Auqust 1993".
_OCR_DATE_RE = re.compile(r"^(?:of |on )?(?P<day>[12]\d|3[01]|0?[1-9]) (?P<month>\S{3,12}) (?P<year>(?:19|20)\d{2})$")
# "Agenda items 14, 16, 18, 22 (b), 30, 34, 35, 38, 58, 69," over "71, 120, 123 and 135".
_AGENDA_WRAPS_RE = re.compile(r"^(?:Agenda items|Items|Points|Temas|Пункты)\s+[\d ,()a-z]+,$")
_AGENDA_REST_RE = re.compile(r"^[\d ,()a-z]+(?:(?:and|et|y|и)\s+\d{1,3}(?:\s*\([a-z]{1,4}\))?)?$")
# Any line: the organ rule asks the catalogue, not a pattern.
_ANY_RE = re.compile("")


def _lower_start(text: str) -> re.Match[str] | None:
    """Return a match for a line that starts in lower case (it goes on from the line above), else None."""
    return _ANY_RE.match(text) if text[:1].islower() else None


# A resolution's adoption line (GOLD.md: metadata, not a citation of the meeting's record): "Adopted by the
# Security Council at its 3102nd meeting on 30 July 1992", "... at its 3123rd meeting, on 13 October 1992".
_ADOPTED_RE = re.compile(r"^Adopted (?:unanimously )?by the [\w\s\-]{3,60}? at its \d{1,5}(?:st|nd|rd|th) (?:plenary )?"
                         r"meeting,? on $")


def _adopted_on(text: str, m: re.Match[str]) -> bool:
    """Return whether the date `m` ends a resolution's adoption line on one line, the date its last words."""
    return m.end() >= len(text.rstrip(" .,")) and bool(_ADOPTED_RE.match(text[: m.start()]))


def _nearest_month(word: str) -> int | None:
    """Return the number of the English, French or Spanish month a misread word is nearest to ("Apri]" April,
    "N:,srember" November), when one month is clearly nearest, else None."""
    word = word.lower()
    ranked = sorted(((SequenceMatcher(None, word, name).ratio(), number) for name, number in MONTH_NUMBERS.items()
                     if not ("\u0400" <= name[0] <= "\u04ff")), reverse=True)
    (best, number), (second, other) = ranked[0], ranked[1]
    return number if best >= 0.6 and (best - second >= 0.03 or number == other) else None


def _reads_as_date(text: str, m: re.Match[str]) -> bool:
    """Return whether a line holding a date reads as a masthead's date line: the date, with at most a few
    words before it and no resolution's number ("of 22 November 1967", "Wednesday, 16 April 2025, 10 a.m.",
    "3163rd meeting, on 25 January 1993"), not a sentence that cites one ("1985 and 618 (1988) of 29 July
    1988 condemning all acts")."""
    before, after = text[: m.start()], text[m.end() :]
    return "(" not in before and len(before.split()) <= 4 and len(after.strip()) <= 16


class _Reader:
    """Page 1 read line by line: what the masthead gave so far, and where the title stands."""

    def __init__(self, lines: list[Line], width: int) -> None:
        self.lines = lines
        self.width = width
        self.md = Metadata()
        self.result = Masthead(metadata=self.md)
        self.window = lines[:60]
        self.current_organ: str | None = None
        self.seen_distr = False
        self.seen_session = False
        self.seen_original = False  # the "Original:" line, which closes the masthead's column of symbols
        self.last_masthead = -1
        self.last_kind = ""  # what the last masthead line was: "symbol", "organ", "session", "agenda", ...
        self.chain = ""  # the same, or "" when a line that is no masthead item came after it
        self.anchor = ""  # the kind of the title's heading (see _anchor)
        self.at = 0  # the index of the line being read
        self.body_end: dict[int, str] = {}  # index past a body's run -> its name
        self.letter_at = next((i for i, ln in enumerate(self.window) if LETTER_START_RE.match(ln.text)), None)
        # An extractor that kept no blank lines (no layout): titles run together are told apart by their case.
        self.no_blanks = _no_blank_lines(self.window[:30])

    # --- The masthead's lines, up to the title ---------------------------------------------------

    def read_items(self) -> int | None:
        """Read the masthead's lines; return the index of the title's heading, or None when none stands."""
        i = 0
        while i < len(self.window):
            if not self.window[i].text.strip():
                i += 1
                continue
            if self._title_starts(i):
                return i
            i = self._read_line(i)
        return None

    def _title_starts(self, i: int) -> bool:
        """Return whether line i heads the title (and keep the heading's kind in anchor)."""
        md = self.md
        # An Official Records cover prints its title before the organ's name.
        anchor = _anchor(self.window, i, self.letter_at, self.seen_distr or bool(md.organs)
                         or (bool(md.symbols) and i < 10))
        if anchor == "numbered":
            # A committee's document may go from its subject title straight to its first paragraph
            # ("Concluding observations on the sixth periodic report of ..." over "1.").
            # The treaty bodies' too, their name right above the subject ("Committee on the Rights of the Child" over
            # "Concluding observations on the combined seventh periodic report of Italy*" over "1.").
            anchor = "section" if self.body_end or self.last_kind == "organ" else ""
        if anchor and not (anchor == "back" and self.last_kind == "agenda" and self.last_masthead == i - 1):
            self.anchor = anchor
            return True
        return False

    def _read_line(self, i: int) -> int:
        """Read the line at i: a resolution's heading, a body heading a block, or masthead items; return the
        index of the next line to read."""
        if not self.md.symbols and (resolution := _resolution_head(self.window, i)):
            return self._take_resolution_head(i, resolution)
        if self._may_head_block(i) and (run := _body_run(self.window, i, not self.seen_session)):
            return self._take_body_run(i, *run)
        if i < 20 and (stacked := _stacked_organ(self.window, i)):
            return self._take_stacked(*stacked)
        return self._take_items(i)

    def _take_stacked(self, organ: str, taken: list[int]) -> int:
        """Take the lines at `taken` as an organ's name stacked a word or two a line; return the next index."""
        for k in taken:
            self.result.used.add(self.window[k].start)
        self.current_organ = organ
        if organ not in self.md.organs:
            self.md.organs.append(organ)
        self.last_masthead, self.last_kind, self.chain = taken[-1], "organ", "organ"
        return taken[-1] + 1

    def _take_resolution_head(self, i: int, symbol: str) -> int:
        """Take a Security Council resolution's heading as its symbol, with the date on it or on the line under
        it ("of 11 April 1980"); return the index of the next line to read."""
        self.md.symbols.append(symbol)
        if "Security Council" not in self.md.organs:
            self.md.organs.append("Security Council")
        taken = [i]
        if i + 1 < len(self.window) and _OF_DATE_RE.match(self.window[i + 1].text):
            taken.append(i + 1)
        for k in taken:
            self.result.used.add(self.window[k].start)
            if self.md.date is None and (m := DATE_RE.search(self.window[k].text)):
                self.md.date = iso_date(m)  # "6 (1946). Resolution of 17 May 1946"
        self.last_masthead = taken[-1]
        return taken[-1] + 1

    def _may_head_block(self, i: int) -> bool:
        """Return whether a body's name may head a block of the masthead at line i.

        A body heads a block of the masthead only: before it stand masthead items and at most a few short
        lines of the emblem ("TD", "Conference", "on Trade and"), never the text ("The Security Council,")."""
        window = self.window
        text = window[i].text.strip()
        prev_blank = i == 0 or not window[i - 1].text.strip()
        after_item = self.last_masthead == i - 1 and self.last_kind in _BLOCK_AFTER
        if not (prev_blank or after_item) or i >= 40 or not self._in_head(i):
            return False
        glued = glued_item(text, False)  # "Security Council Distr.: General": a known organ is an item of its line
        return not organ_of(glued[0] if glued else text) and not _is_header(text) and not UN_LINE_RE.match(text)

    def _in_head(self, i: int) -> bool:
        """Return whether the lines above i that are no masthead item are few and short (the emblem's)."""
        untaken = [ln.text.strip() for ln in self.window[:i] if ln.text.strip() and ln.start not in self.result.used]
        return len(untaken) <= 8 and not any(len(t) > 45 or t.endswith((",", ".", ";")) for t in untaken)

    def _text_begun(self, i: int) -> bool:
        """Return whether the text has begun above line i: a line that is no masthead item opens a resolution's
        text ("The Security Council,") or its first numbered paragraph. Dates under it are the text's (a notice
        read before the masthead, "This record contains the text of speeches ...", is not)."""
        above = [ln.text.strip() for ln in self.window[:i] if ln.start not in self.result.used]
        return any(_ENACTING_RE.match(text) or _FIRST_PARAGRAPH_RE.match(text) for text in above)

    def _take_body_run(self, i: int, name: str, past: int) -> int:
        """Take the lines from i to past as the name of the body that heads a block; return past."""
        self.current_organ = name
        if name not in self.md.organs:
            self.md.organs.append(name)
        glued = glued_items([ln.text.strip() for ln in self.window[i:past]])
        for k, item in enumerate(glued, start=i):
            self.result.used.add(self.window[k].start)
            if item is not None:
                self._take(k, item[1])  # the other column's item joined to the name's line
        self.last_masthead, self.last_kind, self.chain = past - 1, "organ", "organ"
        self.body_end[past] = name
        return past

    def _take_items(self, i: int) -> int:
        """Read the masthead items of line i (two where an extractor joined columns); return the next index."""
        line = self.window[i]
        text, i = self._join_wrapped_agenda(i, line.text.strip())
        text = self._join_wrapped_date(i, text)
        kinds = [self._take(i, part) for part in _parts(text)]
        if any(kinds):
            self.result.used.add(line.start)
            self.last_masthead = i
            self.last_kind = next(k for k in reversed(kinds) if k)
        self.chain = self.last_kind if any(kinds) else ""  # after a line of a title or text no session follows
        return i + 1

    def _join_wrapped_agenda(self, i: int, text: str) -> tuple[str, int]:
        """Return a list of agenda items wrapped over two lines as one, with the index of its last line."""
        nxt = self.window[i + 1] if i + 1 < len(self.window) else None
        if nxt and _AGENDA_WRAPS_RE.match(text) and _AGENDA_REST_RE.match(nxt.text.strip()):
            self.result.used.add(nxt.start)
            return f"{text} {nxt.text.strip()}", i + 1
        return text, i

    def _join_wrapped_date(self, i: int, text: str) -> str:
        """Return a date whose year stands on the next printed line as one ("2 April" over "1992")."""
        if not _DAY_MONTH_RE.match(text):
            return text
        nxt = next((ln for ln in self.window[i + 1 : i + 4] if ln.text.strip()), None)
        if nxt is None or not _YEAR_RE.match(nxt.text.strip()):
            return text
        self.result.used.add(nxt.start)
        return f"{text} {nxt.text.strip()}"

    def _take(self, i: int, raw: str) -> str:
        """Read one masthead item by the first rule that takes it; return its kind, or "" when the line is none."""
        text = _SPACED_SERIES_RE.sub(r"\1/", spaced_series(_unspaced_symbol(raw)))
        text = _OCR_SERIES_RE.sub(lambda m: m.group(1).upper(), text)
        text = _OCR_DAY_RE.sub(r"1\1", text)
        text = _OCR_AGENDA_MARK_RE.sub(r"\1", text)
        self.at = i
        for find, limit, handler in _ITEM_RULES:
            if limit is not None and i >= limit:
                continue
            if (m := find(text)) and (kind := handler(self, raw, text, m)) is not None:
                return kind
        return ""

    # --- Handlers of _ITEM_RULES: each returns the item's kind, "" for a line that is none (no other
    # --- rule is tried), or None when the rule does not take the line after all.

    def _symbol(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """A symbol line: one symbol, or several joined by dashes ("A/79/359–S/2024/684")."""
        if raw.rstrip().endswith("."):
            return None  # "document" over "S/11800.": a sentence of the text ends; a masthead's symbol never does
        if self.seen_original and self.md.symbols:
            # Under the column that "Original:" closes no symbol of the document stands: page art of the masthead
            # ("E/25", the logo of the Council's 2025 session), which keeps its chain of items going.
            return self.last_kind
        for sym in re.split(r"\s*[-–]\s*(?=[A-Z]+/)", text):
            sym = re.sub(r"\s+", " ", sym.replace("*", "").strip())  # "A/79/843*": the star marks a note
            if sym not in self.md.symbols:
                self.md.symbols.append(sym)
        return "symbol"

    def _un(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """The emblem's "United Nations" (or its letter "A", "S", "E")."""
        return "un"

    def _organ(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """An organ's name, as printed on the line (the catalogue knows it)."""
        organ = organ_of(raw)
        if not organ or self._goes_on_from_above():
            return None
        self.current_organ = organ
        if organ not in self.md.organs:
            self.md.organs.append(organ)
        return "organ"

    def _goes_on_from_above(self) -> bool:
        """Return whether the line being read goes on from the line right above it, a line of text that ends
        open ("in support of the work of the" over "Human Rights Council"): the name is a title's last words."""
        above = self.window[self.at - 1] if 0 < self.at <= len(self.window) else None
        return (above is not None and above.start not in self.result.used
                and _ends_open(above.text.strip()))

    def _sub_body(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """A body printed under the organ that heads the block ("HUMAN RIGHTS COUNCIL" over "Working Group on
        the Universal Periodic Review"): part of the block, whose session follows; not an organ of its own."""
        if self.chain != "organ" or len(text) >= 90 or not _is_body_name(text):
            return None
        return "organ"

    def _name_goes_on(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """The rest of a body's name wrapped onto a line in lower case ("Рабочая группа по универсальному" over
        "периодическому обзору")."""
        return "organ" if self.chain == "organ" and self.last_kind == "organ" and len(text) < 60 else None

    def _distr(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """"Distr.: General"."""
        self.seen_distr = True
        self.md.distribution = m.group("kind") or self.md.distribution
        return "distr"

    def _limited(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """"GENERAL" or "LIMITED" under a bare "Distr." line."""
        if not self.seen_distr or self.md.distribution:
            return None
        self.md.distribution = text.title()
        return "distr"

    def _date(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """The document's date: the first short line that holds one, or a resolution's adoption line."""
        adoption = _adopted_on(text, m)
        if self.md.date is not None or self._text_begun(self.at) or not (
                adoption or (len(text) < 60 and _reads_as_date(text, m))):
            return None  # a date in a sentence of the text: "Recalling its resolution 765 (1992) of 16 July 1992,"
        self.md.date = iso_date(m)
        # "on 30 April 1993" ends a sentence of the text, and the adoption line stays in the text as well
        return "" if adoption or text[:1].islower() else "date"

    def _ocr_date(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """A date line whose month OCR misread, read as the month it is nearest to."""
        month = _nearest_month(m.group("month"))
        if self.md.date is not None or month is None or self._text_begun(self.at):
            return None
        self.md.date = f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}"
        return "" if text.startswith("on ") else "date"  # the adoption line stays in the text, as _date keeps it

    def _original(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """"Original: English"."""
        self.md.original_language = LANGUAGE_NAMES.get(m.group("lang").lower().strip(".,"))
        self.seen_distr = self.seen_original = True
        return "original"

    def _language(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """A language alone: "English" over "Original: French"; "ORIGINAL:" over "ENGLISH"."""
        if not (self.seen_distr or self.md.symbols):
            return None
        if self.last_kind == "original" and not self.md.original_language:
            self.md.original_language = LANGUAGE_NAMES.get(text.lower())  # "ORIGINAL:" over "ENGLISH"
        self.seen_original = self.seen_original or text.upper().startswith("ORIGINAL")
        return "original" if text.upper().startswith("ORIGINAL") else "language"

    def _agenda(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """"Agenda items 32, 60 and 132": the items of the block's organ (the General Assembly's by default)."""
        if len(text) >= 120:
            return None
        items = agenda_items(m.group("items"))
        organ_key = self.current_organ or "General Assembly"
        if items:
            self.md.agenda_items.setdefault(organ_key, [])
            self.md.agenda_items[organ_key].extend(x for x in items if x not in self.md.agenda_items[organ_key])
        return "agenda"

    def _session(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """A session of the block's organ, in a chain of masthead lines under it."""
        if not (self.current_organ and len(text) < 60 and not text[:1].islower() and self.chain in _SESSION_CHAINS):
            return None
        self.md.sessions.setdefault(self.current_organ, text)
        self.seen_session = True
        return "session"

    def _place_date(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """"New York, 18–26 February 2025" under a body's session."""
        # Under a body's name or session, or under the other column's items that stand between them
        under = self.chain in ("organ", "session") or (self.current_organ and self.chain in _SESSION_CHAINS)
        if len(text) >= 70 or not under or not re.search(r"\d{4}", text):
            return None
        return "session"

    def _cover(self, raw: str, text: str, m: re.Match[str]) -> str | None:
        """An Official Records cover's line, or an executive board's "For decision"."""
        return "cover" if self.seen_distr or self.md.symbols else None

    # --- The title and the agenda item titles above it -------------------------------------------

    def read_title(self, at: int) -> None:
        """Read the title whose heading stands at line `at`, and the agenda item titles above it."""
        self._take_cover_organs(at)
        agenda_lines, subject = self._tail(at)
        self.md.agenda_titles = self._take_agenda_titles(agenda_lines)
        self.result.title_lines = self._title_lines(at, subject)
        self.md.title = self._title_text(at, subject) or None

    def _take_cover_organs(self, at: int) -> None:
        """An Official Records cover names its organ under the title."""
        window = self.window
        for j in range(at, min(at + 12, len(window) - 1)):
            organ = organ_of(window[j].text)
            if organ and _COVER_RE.match(window[j + 1].text.strip()):
                if organ not in self.md.organs:
                    self.md.organs.append(organ)
                self.result.used.add(window[j].start)
                # "Official Records" / "Eightieth Session" / "Supplement No. 1": the cover's lines, no headings
                k = j + 1
                while k < len(window) and (_COVER_RE.match(text := window[k].text.strip()) or SESSION_RE.match(text)):
                    self.result.used.add(window[k].start)
                    k += 1

    def _tail(self, at: int) -> tuple[list[Line], list[Line]]:
        """Return the lines between the masthead and the title's heading that are agenda item titles, and the
        group of them that is the subject title (or [])."""
        window = self.window
        tail = _groups(window, self.last_masthead + 1, at)
        agenda_lines: list[Line] = []
        if tail and self.last_kind == "agenda" and tail[0][0] is window[self.last_masthead + 1]:
            agenda_lines = tail.pop(0)  # the agenda item's title, printed under its number
        subject: list[Line] = []
        if not tail and self.anchor == "back":
            # No line apart stands between the agenda item's title and the by-line: the subject title may be
            # the last of the titles run together there.
            agenda_lines, subject = _subject_after_agenda(agenda_lines, self.width, self.no_blanks)
        if self.anchor in ("letter", "back", "section") and tail:
            if m := _REQUEST_RE.match(" ".join(ln.text.strip() for ln in tail[0])):
                # The request's line is the agenda title; the proposed item after it is the subject.
                agenda_lines, tail = _split_request(tail, len(m.group().split()), agenda_lines)
                subject = tail[-1] if tail else []
            elif self.anchor != "letter":
                subject = _subject_or_none(tail[-1], self.width)
        for group in tail:
            if group is not subject:
                agenda_lines += group
        return agenda_lines, subject

    def _take_agenda_titles(self, agenda_lines: list[Line]) -> list[str]:
        """Return the agenda item titles: the lines between the masthead blocks and the title."""
        titles: list[str] = []
        for ln in agenda_lines:
            text = ln.text.strip()
            self.result.used.add(ln.start)  # a masthead line: kept as a paragraph of kind masthead
            if titles and (text[:1].islower() or titles[-1].endswith((",", " for", " of", " and", " the"))):
                titles[-1] += " " + text  # an agenda item's title wrapped over two lines
            else:
                titles.append(text)
        return titles

    def _title_lines(self, at: int, subject: list[Line]) -> list[Line]:
        """Return the title's lines: the subject title, or those its heading decides."""
        if subject:
            return subject
        if self.anchor == "forward":
            return _forward_title(self.window, at)
        if self.anchor in ("letter", "back", "self"):
            return _title_lines(self.lines[at:], self.width)
        return []

    def _title_text(self, at: int, subject: list[Line]) -> str:
        """Return the title as one line, without a resolution's number or note markers."""
        title = re.sub(r"\s+", " ", " ".join(ln.text.strip() for ln in self.result.title_lines)).strip()
        if self.anchor == "forward":
            title = re.sub(_NUMBER, "", title)  # "48/161. The situation in Central America", "2025/5.", "ES-11/1."
        title = _strip_markers(title)
        head_at = at
        while head_at > 0 and not self.window[head_at - 1].text.strip():
            head_at -= 1
        if title and head_at in self.body_end and re.match(r"Report on the\b", title) and not subject:
            # An Official Records cover: "Commission ...: Report on the ..."
            title = f"{self.body_end[head_at]}: {title}"
        return title


# The masthead items, in the order they are tried: (how the line is matched, the first line index past which
# the rule no longer applies, or None, handler). Symbols stand in the top 25 lines, the emblem in the top 12,
# "Distr." in the top 30 and the document's date in the top 40.
_Handler = Callable[[_Reader, str, str, re.Match[str]], str | None]
_ITEM_RULES: tuple[tuple[Callable[[str], re.Match[str] | None], int | None, _Handler], ...] = (
    (SYMBOL_LINE_RE.match, 25, _Reader._symbol),
    (_QUALIFIED_SYMBOL_RE.match, 25, _Reader._symbol),
    (UN_LINE_RE.match, 12, _Reader._un),
    (_ANY_RE.match, None, _Reader._organ),
    (_starts_body_match, None, _Reader._sub_body),
    (_lower_start, None, _Reader._name_goes_on),
    (DISTR_RE.match, 30, _Reader._distr),
    (LIMITED_RE.match, None, _Reader._limited),
    (DATE_RE.search, 40, _Reader._date),
    (_OCR_DATE_RE.match, 40, _Reader._ocr_date),
    (ORIGINAL_RE.match, None, _Reader._original),
    (_LANGUAGE_LINE_RE.match, None, _Reader._language),
    (AGENDA_RE.match, None, _Reader._agenda),
    (SESSION_RE.match, None, _Reader._session),
    (_PLACE_DATE_RE.match, None, _Reader._place_date),
    (_COVER_RE.match, None, _Reader._cover),
)


def _split_request(tail: list[list[Line]], n: int, agenda_lines: list[Line]) -> tuple[list[Line], list[list[Line]]]:
    """Return the agenda lines with the request's own lines (its first n words) added, and the groups left."""
    first = tail[0]
    words = 0
    for k, ln in enumerate(first):
        words += len(ln.text.split())
        if words >= n:
            agenda_lines += first[: k + 1]
            tail[0] = first[k + 1 :]
            break
    return agenda_lines, [g for g in tail if g]


def _no_blank_lines(window: list[Line]) -> bool:
    """Return whether the top of page 1 (a dozen lines at least) has no blank line between its printed lines."""
    printed = [k for k, ln in enumerate(window) if ln.text.strip()]
    return len(printed) >= 12 and printed[-1] - printed[0] + 1 == len(printed)


def _title_units(lines: list[Line], by_case: bool) -> list[list[Line]]:
    """Return lines run together in the titles they print, in order.

    A new title starts where the print size changes (a subject title stands in larger print than the agenda
    item's title over it) and, with `by_case` (an extractor that kept no blank lines, and no sizes), where a
    line that closes its phrase is followed by one that starts with a capital: a title wraps onto lines that
    go on in lower case (UN titles capitalize their first word and names only)."""
    units: list[list[Line]] = []
    for ln in lines:
        prev = units[-1][-1] if units else None
        if prev is None or _starts_title(prev, ln, by_case):
            units.append([ln])
        else:
            units[-1].append(ln)
    return units


def _starts_title(prev: Line, ln: Line, by_case: bool) -> bool:
    """Return whether line `ln` starts a new title after line `prev` (see _title_units)."""
    if prev.font_size and ln.font_size and abs(prev.font_size - ln.font_size) >= 1.0:
        return True
    text = ln.text.strip()
    return by_case and text[:1].isupper() and not _ends_open(prev.text.strip()) and not prev.text.rstrip().endswith(
        (":", "–", "-", "—"))


def _subject_after_agenda(agenda_lines: list[Line], width: int, by_case: bool) -> tuple[list[Line], list[Line]]:
    """Return (agenda item title lines, subject title lines) of the lines under an agenda item's number when
    they hold more than one title: the last is the subject over the by-line ("Illicit drug traffic and supply"
    over "Strengthening international cooperation in the control of / opium poppy cultivation" over "Report
    of the Executive Director"). One title alone is the agenda item's."""
    units = _title_units(agenda_lines, by_case)
    if len(units) < 2:
        return agenda_lines, []
    subject = _subject_or_none(units[-1], width)
    if not subject:
        return agenda_lines, []
    return [ln for unit in units[:-1] for ln in unit], subject


def _subject_or_none(group: list[Line], width: int) -> list[Line]:
    """Return the group above the title's heading when it reads as a subject title, else []."""
    if any(re.match(r"^\d{1,3}\.?$", ln.text.strip()) for ln in group):
        return []  # a paragraph number: the text has begun
    text = " ".join(ln.text.strip() for ln in group)
    if len(group) > 6 or text.endswith((".", ",", ";", ":")) or any(len(ln.text.strip()) > 0.95 * width >= 57
                                                                   for ln in group[:-1]):
        return []  # a paragraph of text, not a title
    return group


def read_masthead(lines: list[Line], width: int) -> Masthead:
    """Read the masthead from the body lines of page 1."""
    reader = _Reader(lines, width)
    title_at = reader.read_items()
    reader.md.symbols = [_mend_symbol_year(sym, reader.md.date) for sym in reader.md.symbols]
    if title_at is None or any("/PV." in sym for sym in reader.md.symbols):
        return reader.result  # a meeting record has no title of its own
    reader.read_title(title_at)
    return reader.result


_SYMBOL_YEAR_RE = re.compile(r"^([A-Z]+/)(1[0-9]{3})(/\S+)$")


def _one_digit_apart(year: str, other: str) -> bool:
    """Return whether two four-digit years differ in exactly one digit: one that OCR misread ("1935" for 1995)."""
    return sum(a != b for a, b in zip(year, other, strict=True)) == 1


def _mend_symbol_year(symbol: str, date: str | None) -> str:
    """Return a symbol whose year OCR misread, "S/1935/987" in a masthead dated 23 November 1995, with the date's
    year: a year before 1946 names no UN document, and one digit apart from the date's year it is that year."""
    m = _SYMBOL_YEAR_RE.match(symbol)
    if not m or not date or int(m.group(2)) >= 1946:
        return symbol
    year = date[:4]
    if not _one_digit_apart(m.group(2), year):
        return symbol
    return f"{m.group(1)}{year}{m.group(3)}"


def _anchor(window: list[Line], i: int, letter_at: int | None, in_masthead: bool) -> str:
    """Return the kind of title heading that line i is, or ""."""
    text = window[i].text.strip()
    if i == letter_at:
        return "letter"
    if letter_at is not None or not in_masthead:
        return ""
    if _FORWARD_RE.match(text):
        return "forward"
    if _SELF_RE.match(text):
        return "self"
    if _heads_byline(window, i, text):
        return "back"
    if _SECTION_RE.match(text):
        return "section"
    if _FIRST_PARAGRAPH_RE.match(text):
        return "numbered"  # the body's first numbered paragraph
    return ""


def _heads_byline(window: list[Line], i: int, text: str) -> bool:
    """Return whether line i (its text `text`) begins a by-line: "Report of the Secretary-General", "Report" over
    "of the Secretary-General", or one that wraps after a comma (_wrapped_byline)."""
    if _BYLINE_RE.match(text) and len(text) < 160:
        return True
    after = next((ln.text.strip() for ln in window[i + 1 : i + 3] if ln.text.strip()), "")
    if text in ("Report", "REPORT", "Note", "NOTE") and re.match(r"(?:of|by|OF|BY) (?:the|THE)\b", after):
        return True
    return _wrapped_byline(text, window[i + 1].text.strip() if i + 1 < len(window) else "")


def _wrapped_byline(text: str, nxt: str) -> bool:
    """Return whether a line ending with a comma is a by-line that names its author on the next line: "Report of
    the Special Rapporteur on the situation of human rights defenders," over "Mary Lawlor" (a rapporteur's report
    names its author after a comma). The next line is short and ends none of a sentence's ways."""
    name = nxt.rstrip("*†‡ ")
    return (text.endswith(",") and bool(_BYLINE_RE.match(text[:-1])) and 0 < len(name) <= 60
            and not name.endswith((",", ".", ";", ":")) and name[:1].isupper() and len(text) + len(name) < 160)


def _groups(window: list[Line], start: int, stop: int) -> list[list[Line]]:
    """Return the lines from start to stop in groups that blank lines separate."""
    groups: list[list[Line]] = []
    cur: list[Line] = []
    for ln in window[start:stop]:
        if ln.text.strip():
            cur.append(ln)
        elif cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def _forward_title(window: list[Line], at: int) -> list[Line]:
    """Return the title lines that follow a resolution's adoption line or a draft's sponsors line."""
    out: list[Line] = []
    for ln in window[_past_heading(window, at) : at + 12]:
        text = ln.text.strip()
        if not text:
            if out:
                break
            continue
        if _ENACTING_RE.match(text) or len(out) >= 6:
            break
        if not out and (text.startswith("[") or text.endswith("]") or re.match(r"^(?:on|le|el|en) \d", text)
                        or _FORWARD_RE.match(text) or re.fullmatch(_NUMBER, text)):
            continue  # "[on the report of the Fifth Committee (A/48/826/Add.1)]", "on 13 August 2024"
        if out and out[-1].text.strip().startswith("[") and not out[-1].text.strip().endswith("]"):
            out.pop()  # the bracket wrapped over two lines
            continue
        out.append(ln)
    return out


def _past_heading(window: list[Line], at: int) -> int:
    """Return the index past the heading at line `at` and the lines its sentence goes on over: "Draft decision
    submitted by the Vice-President of the Council," over "[name] ([country]), on the basis of informal
    consultations"; the title follows them."""
    k = at
    while k + 1 < len(window) and _ends_open(window[k].text.strip()):
        k += 1
        while k + 1 < len(window) and not window[k].text.strip():
            k += 1  # blank lines between the heading's lines
    return k + 1


def _ends_open(text: str) -> bool:
    """Return whether a heading's line ends where its sentence cannot: a comma or a word such as "of", "the"."""
    return text.endswith(",") or bool(re.search(_OPEN_END, text))


def _strip_markers(title: str) -> str:
    """Return a title without its note markers: "Summary of ... on Italy*", "resolution 1996/31*"."""
    title = re.sub(r"\s*[*†‡]+(?:\s*,\s*[*†‡]+)*", "", title)
    return re.sub(r"\s+", " ", title).strip()


def _resolution_head(window: list[Line], i: int) -> str | None:
    """Return "S/RES/853 (1993)" when line i heads a Security Council resolution printed without a masthead."""
    m = RESOLUTION_HEAD_RE.match(window[i].text)
    if not m or i > 12:
        return None
    following = [ln.text for ln in window[i + 1 : i + 8] if ln.text.strip()][:4]
    of_date = m.group("of") or m.group("date") or (following[0] if following and _OF_DATE_RE.match(following[0])
                                                   else None)
    if not of_date and not any(_BY_COUNCIL_RE.match(text) for text in following):
        return None
    number, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
    year = _adoption_year(year, of_date)
    return f"S/RES/{int(number)} ({year})" if year else None


def _adoption_year(year: str | None, of_date: str | None) -> str | None:
    """Return the year of a resolution's number: the Council numbers its resolutions "N (YYYY)" by the year it
    adopts them, so the date under the heading gives the year the heading lost ("Resolution 290" over "of 8
    December 1970") or that OCR misread by one digit ("Resolution 434 (1973)" over "of 18 September 1978")."""
    dated = re.search(r"\b(?:19|20)\d{2}\b", of_date or "")
    if not dated:
        return year
    if year is None or _one_digit_apart(year, dated.group()):
        return dated.group()
    return year


def _title_lines(lines: list[Line], width: int) -> list[Line]:
    """Return the lines of the document title; a letter's title ends with its addressee."""
    out: list[Line] = []
    letter = bool(lines) and bool(LETTER_START_RE.match(lines[0].text))
    window = lines[:8]
    for k, line in enumerate(window):
        text = line.text.strip()
        if not text:
            if out:
                break
            continue
        if not letter and _title_stops_before(out, text, width):
            break  # reports and resolutions: the title is the short lines under the heading
        out.append(line)
        if not letter and _ends_with_marker(text):
            break  # the note's marker stands at the title's end: "... du Conseil des droits de l’homme*" over "Italie"
        if letter and _addressee_ends(" ".join(ln.text.strip() for ln in out), text, _line_after(window, k)):
            if _is_last_word_of_name(_line_after(window, k), width):
                out.append(window[k + 1])  # "на имя Председателя Совета / Безопасности": the last word of a name
            break
    return out


def _title_stops_before(out: list[Line], text: str, width: int) -> bool:
    """Return whether the title of a report or resolution, its lines `out` so far, ends before line `text`."""
    return bool(out) and not _ends_open(out[-1].text.strip()) and (
        _ends_short_title(text, width) or _case_breaks(out, text))


def _ends_with_marker(text: str) -> bool:
    """Return whether a title's line ends with a note's marker ("*", "**", "†"), which the Editorial Manual sets
    after the title's last word."""
    return text.endswith(("*", "†", "‡")) and len(text.rstrip("*†‡ ")) > 1


def _case_breaks(out: list[Line], text: str) -> bool:
    """Return whether a line mostly in lower case follows a title typed in capitals: it is no line of that title
    ("REPORT OF THE DIRECTOR-GENERAL ..." over "Chapter II: Programme trends"; OCR's "REsoLuTIoN" still is)."""
    lower = sum(c.islower() for c in text)
    return lower > sum(c.isupper() for c in text) and all(ln.text.isupper() for ln in out)


def _line_after(window: list[Line], k: int) -> str:
    """Return the text of the line after k, stripped, or "" at the window's end."""
    return next((ln.text.strip() for ln in window[k + 1 : k + 2]), "")


def _ends_short_title(text: str, width: int) -> bool:
    """Return whether a line ends the title of a report or resolution: a full line of text, a line of the body
    (_TITLE_STOP_RE), an organ's name or a by-line."""
    return (len(text) > (0.9 * width if width >= 60 else 80) or bool(_TITLE_STOP_RE.match(text))
            or bool(organ_of(text)) or bool(_BYLINE_RE.match(text)))


def _addressee_ends(joined: str, text: str, after: str) -> bool:
    """Return whether a letter's title ends with its last line `text`: it has named its addressee, the line
    does not end open, and no other addressee or sender follows."""
    if not TITLE_END_RE.search(joined) or re.search(_OPEN_END, text):
        return False
    if re.match(r"^(?:and|et|y|и) (?:the|to|of|la|le|el|al|à)\b", after):
        return False  # "addressed to the Secretary-General, the President of the General Assembly / and the ..."
    # "adressée au Secrétaire général par le / Représentant permanent ...": the sender follows
    return not (_SENDER_AFTER_RE.search(joined) and len(re.split(r"\b(?:par|por)\b", joined)[-1].split()) <= 2)


def _is_last_word_of_name(after: str, width: int) -> bool:
    """Return whether the line after a letter's title is the last word or two of the addressee's name."""
    return bool(after) and len(after.split()) <= 2 and after[:1].isupper() and (not width or len(after) < 0.5 * width)


# A line that cannot end a title, and a sender named after the addressee (French, Spanish order).
_OPEN_END = r"\b(?i:to|of|the|and|de|la|du|des|del|par|por|le|el|by)$"  # in capitals too: "REPRESENTATIVE OF"
_SENDER_AFTER_RE = re.compile(r"\b(?:adressée?s? (?:au|à)|dirigidas? al?)\b.*\b(?:par|por)\b")


def title_parts(title: str | None) -> tuple[str | None, str | None]:
    """Return (sender, addressee) from a letter title "... from X addressed to Y"."""
    if not title:
        return None, None
    m = re.search(r"\bfrom (?:the )?(?P<sender>.+?) addressed to (?:the )?(?P<to>.+)$", title, re.I)  # capitals too
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    m = re.search(r"\badressée? (?:au |à la |à l’|à )(?P<to>.+?) par (?:la |l’|le )?(?P<sender>.+)$", title)
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    m = re.search(r"\b(?:de (?:la |l’|le )?|du |des )(?P<sender>(?!\d).+?) adressée? (?:au |à la |à )(?P<to>.+)$",
                  title)
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    m = re.search(r"\bdirigida al? (?P<to>.+?) por (?:el |la )?(?P<sender>.+)$", title)
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    return None, None
