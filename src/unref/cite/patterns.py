"""Named regular-expression fragments for the cite stage, built small and combined here.

Written UN symbols are found by `unref.symbols`; this module holds what the cite stage
adds around them: resolutions and decisions named in words, the organs that own them,
meetings, dates, pinpoints, short forms ("ibid."), web addresses and publications.
The patterns of other bodies' documents are data (``data/bodies.json``); they may use
the fragments of `FRAGMENTS` by name (``$DATE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unref.catalogue import data, resolution_organs
from unref.text.regexes import MONTHS_EN, MONTHS_ES, MONTHS_FR, MONTHS_RU, Keywords, lazy

# --- Characters ---------------------------------------------------------------------------
SP = r"[ \t\u00a0\u202f]"  # a blank on one line, including the no-break spaces of PDF text
WS = r"[\s\u00a0\u202f]"  # a blank that may be a line break (paragraph text keeps a few)
DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"  # hyphen, non-breaking hyphen, en/em dash, minus
APOS = r"['’]"
WORD_START = r"(?<![\w\-/.])"  # a keyword never starts inside a word, path or symbol

# --- Dates ----------------------------------------------------------------------------------
MONTH = rf"(?i:{MONTHS_EN}|{MONTHS_FR}|{MONTHS_ES}|{MONTHS_RU})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:er|º|°|st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d{2}"
# "30 April 1993", "22 octobre 1993", "21 de diciembre de 1988", "29 июля 1993 года"
DATE = rf"{DAY}{WS}+(?:de{WS}+)?{MONTH}{WS}+(?:de{WS}+)?{YEAR}(?:{WS}*г(?:ода|\.))?"
DATE_RE = lazy(rf"(?P<day>{DAY}){WS}+(?:de{WS}+)?(?P<month>{MONTH}){WS}+(?:de{WS}+)?(?P<year>{YEAR})")
# A date that dates the citation just before it: "of 11 April 2011", "du 18 décembre 1992".
DATE_AFTER_RE = lazy(
    rf"{SP}*,?{WS}*(?:of|dated|adopted{WS}+on|du|en{WS}+date{WS}+du|de|del|de{WS}+fecha|от){WS}+(?P<date>{DATE})"
)
# A date that stands just before an opening parenthesis holding the citation: "dated 4 April 2011 (".
DATE_BEFORE_RE = lazy(rf"(?P<date>{DATE}){SP}*,?{SP}*\({SP}*$")

# --- Resolutions and decisions named in words ----------------------------------------------------
# The keywords as prose writes them, and in capitals as a title or heading sets them ("REPORT OF THE
# SECRETARY-GENERAL PURSUANT TO SECURITY COUNCIL RESOLUTIONS 982 (1995) AND 987 (1995)", "HUMAN RIGHTS
# COUNCIL RESOLUTION 5/1"): the Editorial Manual sets a report's title in capitals until the 2000s.
RESOLUTION_WORD = (
    r"(?:[Rr]esolutions?|[Rr]ésolutions?|[Rr]esoluci(?:ón|on|ones)|[Рр]езолюци(?:я|и|ю|ей|ям|ями|ях|й)"
    r"|RESOLUTIONS?|RÉSOLUTIONS?|RESOLUCI(?:ÓN|ON|ONES))"
)
DECISION_WORD = (
    r"(?:[Dd]ecisions?|[Dd]écisions?|[Dd]ecisi(?:ón|on|ones)|[Рр]ешени(?:е|я|ю|ем|и|й|ям|ями|ях)"
    r"|DECISIONS?|DÉCISIONS?|DECISI(?:ÓN|ON|ONES))"
)
UNSCR = r"UNSCRs?"  # "UNSCR 1701": a Security Council resolution by its acronym
ROMAN = r"[IVXLC]+"
# A session in roman numerals may be typed with the Cyrillic letters that look like Latin ones
# ("3212 (ХХIX)" with Cyrillic Х, in Russian texts and their translations); they are read as Latin.
ROMAN_LOOKALIKE = "\u0425\u0406"  # Cyrillic Х and І
CYRILLIC_ROMAN = str.maketrans({"\u0425": "X", "\u0406": "I"})
ROMAN_SESSION = rf"(?:E?S{DASH})?[IVXLC{ROMAN_LOOKALIKE}]+"  # (III), (S-IV), (ES-I): sessions of early GA resolutions
SESSION = rf"(?:E?S{DASH})?\d{{1,2}}"  # 48, ES-10, S-27
# A part letter: "217 A (III)", "44/192 A and B"; never the article "A" starting a phrase.
PART_LETTER = r"[A-H](?![\w’'/\-])(?!\s+(?!(?:and|et|y|e|of|du|de|del|adopted|on|in|by|to|para)\b)[a-z])"
PART_LETTERS = rf"{PART_LETTER}(?:(?:{SP}*,{SP}*|{SP}+(?:and|et|y|e|и){SP}+|{SP}*{DASH}{SP}*){PART_LETTER})*"
# One number of a list, in the forms the organs use:
#   822 (1993)     Security Council, and other bodies such as the Parliamentary Assembly of the Council of Europe
#   217 A (III)    General Assembly before 1976 (roman session), ECOSOC and the Commission before 1978
#   1996/31        ECOSOC and the Commission on Human Rights since 1978 (year/number)
#   47/118, ES-10/23, 31/1   General Assembly since 1976, Human Rights Council (session/number)
#   1325/2000      the Security Council form as some writers put it
#   1701           a bare number: the organ may be known, the resolution not
RES_ITEM = rf"""(?:
    (?P<num>\d{{1,4}})(?:{SP}+(?P<letters>{PART_LETTERS}))?{WS}*\({SP}*(?:(?P<year>{YEAR})|(?P<roman>{ROMAN_SESSION})){SP}*\)
  | (?P<yslash>{YEAR})/(?P<ynum>\d{{1,4}})(?:{SP}+(?P<yletters>{PART_LETTERS}))?
  | (?P<scnum>\d{{3,4}})/(?P<scyear>{YEAR})
  | (?P<session>{SESSION})/(?P<snum>\d{{1,4}})(?:{SP}+(?P<sletters>{PART_LETTERS}))?
  | (?P<bare>\d{{1,4}})(?!{SP}*\(|{SP}+(?:{MONTH}|per|km|days?|years?|%))
)(?![\w/\-]|[.,]\d)"""
RES_ITEM_RE = lazy(RES_ITEM, re.VERBOSE)
# The keyword that opens a mention, and what may stand between it and the first number.
RES_KEYWORD_RE = lazy(
    rf"{WORD_START}(?:(?P<res>{RESOLUTION_WORD})|(?P<dec>{DECISION_WORD})|(?P<unscr>{UNSCR})){WS}+(?=\d|E?S{DASH}\d)"
)
# The keyword ending a paragraph, its list opening the next ("pursuant to resolution" | "743 (1992).").
RES_PREFILTER = Keywords("resolu", "résolu", "резолюц", "decisi", "décisi", "решени", "UNSCR")
RES_KEYWORD_END_RE = lazy(
    rf"(?<=\w{WS}){WORD_START}(?:(?P<res>{RESOLUTION_WORD})|(?P<dec>{DECISION_WORD})|(?P<unscr>{UNSCR})){WS}*$"
)
# Between two numbers of a list: a date of adoption, then a comma or a conjunction. Within a list
# the year of a date is often left to the last date of that year: "186 (1964) of 4 March, 187 (1964)
# of 13 March, ... and 198 (1964) of 18 December 1964, 201 (1965) of 19 March".
LIST_DAY_MONTH = rf"{DAY}{WS}+(?:de{WS}+)?{MONTH}(?:{WS}+(?:de{WS}+)?{YEAR}(?:{WS}*г(?:ода|\.))?)?"
LIST_DATE = rf"(?:{SP}*,?{WS}*(?:of|du|de|del|от|adopted{WS}+on){WS}+{LIST_DAY_MONTH}{SP}*)"
LIST_SEP_RE = lazy(
    rf"{LIST_DATE}?(?:{SP}*[,;]?{WS}*(?:and|et|y|e|и|AND|ET|as{WS}+well{WS}+as|ainsi{WS}+que){WS}+|{SP}*,{WS}*)"
    rf"(?:{RESOLUTION_WORD}{WS}+)?"
)
# Where OCR or pdftotext lost the comma between two year-form numbers: "981 (1995) 982 (1995)",
# "of 23 October 1974. 368 (1975)" (a point read for a comma). Read only before a number that
# the list's order confirms (cite._list_items).
LIST_WEAK_SEP_RE = lazy(rf"{LIST_DATE}?(?:{SP}*\.{WS}+|{WS}+)")
# A number of a list that OCR damaged, in the year form of the Security Council, read only inside
# a list and kept only when the Council's numbering confirms one reading (cite._repaired_number):
#   "S11 (1982)", "SB2 (1995)"   letters read for digits
#   "19 27 (2010)"               a number broken by a blank
#   "512.(1982)", "1023, (1995)" a point or comma before the parenthesis
#   "387 1976)"                  the opening parenthesis lost
#   "719 (19911,"                the closing one read as a digit or letter
#   "775 1992 and"               both lost: only after a clean number of the list, before a separator
#   "508 eB) of 5 June 1982"     the year read as letters: passed over, or read from its neighbours
DAMAGED_ITEM_RE = lazy(
    rf"(?P<dnum>[\dSIlOB]{{2,4}}|\d{{1,3}}{SP}\d{{1,3}})(?P<stray>{SP}*[.,])?{WS}*(?:(?P<open>\(?){SP}*"
    rf"(?P<dyear>{YEAR})(?:{SP}*\)|(?P<close>[1lI])|(?P<unclosed>(?={SP}*(?:[,;.]|$)|{WS}+(?:and|et|y|и){WS})))"
    rf"|(?<=\d{SP})(?P<lostyear>[A-Za-z(]{{1,3}})\))(?![\w/\-])"
)
# Letters that OCR reads for digits, and the digit each stands for.
OCR_DIGITS = str.maketrans({"S": "5", "B": "8", "I": "1", "l": "1", "O": "0"})

# --- Organs ------------------------------------------------------------------------------------------
# The names of the organs whose resolutions prose names by number come from the catalogue (data/organs.json);
# what prose adds to them (a prefix, an abbreviation, the stems of declined Russian words) is written here.


@dataclass(frozen=True, slots=True)
class OrganName:
    """How an organ that adopts resolutions is named in prose, with examples."""

    organ: str  # SC, GA, HRC, ECOSOC, CHR, or COUNCIL / ASSEMBLY when the name is generic
    pattern: str
    examples: tuple[str, ...]


_RU_GEN = r"\w*"  # Russian names decline: Совет, Совета, Совету, Советом, Совете
_CYRILLIC_RE = lazy("[\u0400-\u04ff]")


def _catalogue_names(code: str) -> tuple[str, ...]:
    """Return the names data/organs.json gives an organ: as mastheads print them, then the forms prose uses."""
    english = resolution_organs()[code].name
    organs = data("organs")
    return (*organs["organs"][english], *organs["in_text"].get(english, ()))


def _spelled(name: str) -> str:
    """Return the regex of a name as prose writes it: any blank between its words, either apostrophe."""
    words = (re.escape(word) for word in name.split(" "))
    return re.sub("['’]", APOS, f"{WS}+".join(words))


def latin_names(code: str) -> list[str]:
    """Return the regexes of an organ's names in Latin script (English, French, Spanish), once each, in the
    catalogue's order."""
    latin: list[str] = []
    for name in _catalogue_names(code):
        if not _CYRILLIC_RE.search(name) and _spelled(name) not in latin:
            latin.append(_spelled(name))
    return latin


def _organ_name(
    code: str, *, russian: str, prefix: str = "", abbreviation: str | None = None, also: tuple[str, ...] = ()
) -> OrganName:
    """Return how prose names an organ: its names in Latin script from the catalogue (English first, with an
    optional `prefix`, then its `abbreviation`, then French and Spanish), then its Russian name, whose words
    decline and are written here as stems. `also`: forms the catalogue does not list, kept as examples."""
    english, *others = latin_names(code)
    parts = [prefix + english, *([abbreviation] if abbreviation else []), *others, russian]
    return OrganName(code, "|".join(parts), _catalogue_names(code) + also)


UN_ORGANS: tuple[OrganName, ...] = (
    _organ_name(
        "SC",
        prefix=rf"(?:United{WS}+Nations{WS}+|UN{WS}+)?",
        abbreviation="UNSC(?!R)",
        russian=rf"Совет{_RU_GEN}{WS}+Безопасности",
        also=("United Nations Security Council",),
    ),
    _organ_name("GA", russian=rf"Генеральн\w+{WS}+Ассамбле\w+"),
    _organ_name("HRC", russian=rf"Совет{_RU_GEN}{WS}+по{WS}+правам{WS}+человека"),
    _organ_name(
        "ECOSOC",
        abbreviation="ECOSOC",
        russian=rf"Экономическ\w+{WS}+и{WS}+Социальн\w+{WS}+Совет{_RU_GEN}",
        also=("ECOSOC",),
    ),
    _organ_name(
        "CHR",
        russian=rf"Комисси\w+{WS}+по{WS}+правам{WS}+человека",
        also=("Commission des droits de l'homme", "Комиссии по правам человека"),
    ),
    # Generic names, read against the document and the form of the number.
    OrganName(
        "COUNCIL",
        rf"(?:Council|Conseil|Consejo|Совет{_RU_GEN})(?![\w\-])(?!{WS}+(?:of{WS}+(?:Europe|the{WS}+(?:European|Conference"
        rf"|League|Baltic))|for|on|de{WS}+l{APOS}Europe|de{WS}+Europa|Европы|of{WS}+Ministers))",
        ("the Council", "le Conseil", "el Consejo", "Совет"),
    ),
    OrganName(
        "ASSEMBLY",
        r"(?:Assembly|Assemblée|Asamblea|Ассамбле\w+)(?![\w\-])",
        ("the Assembly", "l’Assemblée", "la Asamblea", "Ассамблеи"),
    ),
)

# What may stand between an organ's name and the keyword for the organ to own the resolution:
# "Security Council resolution", "Security Council's resolution", "Security Council, Resolution",
# "the Council in its resolution", "the Security Council adopted resolution", "Совет Безопасности в своей резолюции".
ORGAN_FILLER_BEFORE_RE = lazy(
    rf"^(?:{APOS}s)?[\s,]*(?:(?:in|by|under|through|of|adopted|in{WS}+adopting|dans|par|en|mediante|в)[\s,]+)?"
    rf"(?:its|their|sa|ses|son|leur|su|sus|свое[йм]|своих|своими|его|её|ее|их)?\s*$"
)
# What may stand between the end of a list and an organ that owns it: "822 (1993) of the Security Council",
# "822 (1993) du Conseil de sécurité", "48/246 de la Asamblea General", "822 (1993) Совета Безопасности",
# "79/283, adopted by the General Assembly".
ORGAN_FILLER_AFTER_RE = lazy(
    rf"^{SP}*,?{WS}*(?:adopted{WS}+by{WS}+|adoptée?s?{WS}+par{WS}+|aprobadas?{WS}+por{WS}+)?"
    rf"(?:of{WS}+the{WS}+|of{WS}+|du{WS}+|de{WS}+la{WS}+|de{WS}+l{APOS}|del{WS}+|de{WS}+|the{WS}+|la{WS}+|le{WS}+)?$"
)

# --- Meetings -----------------------------------------------------------------------------------
# "the 9878th meeting of the Security Council", "9878e séance du Conseil de sécurité",
# "9878ª sesión del Consejo de Seguridad", "9878-м заседании Совета Безопасности", "at its 9878th meeting".
# The Security Council's names in Latin script, as a meeting's owner after "of the", "du", "del".
SECURITY_COUNCIL = "|".join(latin_names("SC"))
ORDINAL = r"(?P<number>\d{1,5})(?:st|nd|rd|th|e|ème|ª|a|\.ª|-?м|-?го|-?е|-?й)"
MEETING_RE = lazy(
    rf"(?<![\w/.]){ORDINAL}{WS}+(?:meeting|séance|sesión|заседани[еиюя]\w*)(?![\w\-])"
    rf"(?P<organ>{WS}+(?:of{WS}+the|du|del){WS}+(?:{SECURITY_COUNCIL})|{WS}+Совета{WS}+Безопасности)?"
)
MEETING_PREFILTER_RE = lazy(r"meeting|séance|sesión|заседани")
# "at its 9878th meeting", "à sa 9878e séance", "en su 9878ª sesión", "на своем 9878-м заседании".
# A sentence may open with it ("At its 9877th meeting, held ..."): the Latin words in any case.
MEETING_AT_ITS_RE = lazy(rf"(?i:at|during|in|à|en){WS}+(?i:its|sa|su){WS}+$|(?:на){WS}+своем{WS}+$")
# The bodies whose "its" a meeting may be: the last one named before "at its" owns the meeting.
MEETING_OWNER_RE = lazy(
    r"(?P<sc>Security Council|Conseil de sécurité|Consejo de Seguridad|Совет\w* Безопасности)"
    r"|(?P<council>Council|Conseil|Consejo)(?! of Europe)"
    r"|Committee|Commission|Group|Board|Panel|Assembly|Conference|Mission|Comité|Comisión|Комитет"
)
# A resolution's adoption line is metadata, not a citation (GOLD.md).
ADOPTION_RE = lazy(rf"(?i:Adopted{WS}+by|Adoptée{WS}+par|Aprobada{WS}+por|Принята)")

# --- Symbols: what follows a written symbol -------------------------------------------------------------
# A modifier whose number OCR read as a letter: "A/44/344/Add.l" (same length, so offsets hold).
OCR_MODIFIER_RE = lazy(r"(?<=/)((?:Add|Corr|Rev)\.)[lI](?![A-Za-z0-9])")
# A year written as the session of an S or E symbol with a dash: "S/2020-503" for S/2020/503.
YEAR_DASH_NUMBER_RE = lazy(rf"^(?P<year>{YEAR}){DASH}(?P<number>\d+)$")

# --- Pinpoints ----------------------------------------------------------------------------------------
PIN_UNIT = (
    r"(?:paras?\.|paragraphs?|par\.|párrs?\.|párrafos?|пункты?|пп?\.|pp?\.|pages?|sects?\.|sections?"
    r"|chaps?\.|chapters?|chapitres?|capítulos?|arts?\.|articles?|annex(?:es)?|annexe|anexos?|приложени[ея]"
    r"|appendix|appendices|enclosures?|vols?\.|parts?)"
)
PIN_VALUE = rf"(?:[IVXLC]+\b|[A-Z]\b|\d+(?:\.\d+)*[a-z]?)(?:{SP}*[–\-]{SP}*(?:[IVXLC]+\b|\d+(?:\.\d+)*[a-z]?))?"
PIN_VALUES = rf"{PIN_VALUE}(?:(?:{SP}*[,;]{SP}*|{SP}+(?:and|et|y|и){SP}+)(?!{PIN_UNIT}){PIN_VALUE})*"
PIN_ONE = rf"{PIN_UNIT}(?:{SP}*{PIN_VALUES})?"
# What follows a citation: ", para. 32", ", paras. 145.26–145.51", ", annex", ", annex I, sect. II".
PINPOINT_AFTER_RE = lazy(
    rf"(?:{SP}*\))?{SP}*,{SP}*(?P<pin>{PIN_ONE}(?:{SP}*,{SP}*{PIN_ONE})*)(?![\w\-])"
)
# What stands before one: "paragraph 9 of resolution 1998 (2011)", "annex I to resolution 2734 (2024)".
PINPOINT_BEFORE_RE = lazy(rf"(?P<pin>{PIN_ONE}){SP}+(?:of|to|de|del|du){SP}+(?:(?:the|la|le){SP}+)?$")

# --- Short forms ------------------------------------------------------------------------------------
SHORT_NOUN = (
    r"resolutions?|reports?|letters?|decisions?|documents?|statements?|résolutions?|rapports?|lettres?"
    r"|résolutions?|resoluci(?:ón|ones)|informes?|cartas?"
)
SHORT_MODIFIER = r"above-?{SP}?mentioned|aforementioned|aforesaid|said|same|même|mism[ao]".replace("{SP}", SP)
SHORT_FORM_RE = lazy(
    rf"(?<![\w\-])(?:(?P<ibid>[Ii]bid(?:em)?\.?|[ÍíIi]dem\b\.?|[Тт]ам{SP}+же\b)"
    rf"|(?:[Tt]he|[Tt]hat|[Ll]a|[Ll]e|[Ll]ad(?:ite|it)|[Dd]ich[ao]|[Ee]l){SP}+(?:{SHORT_MODIFIER}){SP}+(?P<noun>{SHORT_NOUN})\b"
    rf"|(?:[Ll]a|[Ll]e|[Ll]es|[Ee]l){SP}+(?P<noun2>{SHORT_NOUN}){SP}+(?:susmentionnée?s?|précitée?s?|(?:antes{SP}+)?mencionad[ao]s?)\b)"
)
SHORT_FORM_PREFILTER = Keywords(
    "ibid", "idem", "ídem", "там же", "mentioned", "aforesaid", "said", "same", "même", "mism", "susmention",
    "précité", "mencionad", "dich",
)

# --- Sentences ------------------------------------------------------------------------------------------
# The end of a sentence or of a clause of a list of references: not after an initial, "No." or "para.".
SENTENCE_END_RE = lazy(
    r"(?<![\s.][A-Z])(?<!\bNo)(?<!\bno)(?<!\bpara)(?<!\bparas)(?<!\bvol)(?<!\bp)(?<!\bpp)(?<!\bMr)(?<!\bDr)"
    r"(?<!\bSt)(?<!\be\.g)(?<!\bi\.e)(?<!\bart)(?<!\bsect)(?<!\bchap)(?<!\bop)(?<!\bcit)"
    r"[.;!?](?=[\s\u00a0]+[A-Z“\"‘(\dА-ЯÀ-Ý])"
)

# --- Web addresses -------------------------------------------------------------------------------------
# A link that renders a UN symbol: "https://undocs.org/en/S/RES/822%20(1993)", "https://docs.un.org/en/A/79/796".
SYMBOL_LINK_RE = lazy(r"(?i:https?://)?(?:www\.)?(?:undocs\.org|docs\.un\.org|documents\.un\.org)/(?:[a-z]{2}/)?[A-Z]+/")

# --- Publications and letters ---------------------------------------------------------------------------
# "(New York, Cambridge University Press, 2016)", "(London and New York, I.B. Tauris, 2005)",
# "(Reading, United Kingdom of Great Britain and Northern Ireland, Ithaca Press, 2014)", "(Ithaca Press, 2014)".
IMPRINT_RE = lazy(
    rf"\((?:(?P<place>[A-Z][^();]{{1,120}}?),{SP}+)?(?P<publisher>[A-Z][^(),;]{{1,80}}?),{SP}+(?P<year>{YEAR})\)"
)
# What may precede a title and its authors in a note.
PUBLICATION_LEAD_RE = lazy(
    rf"(?:^|;{SP}+|(?<=[\w)”\"]{{2}}[.]){SP}+"
    rf"|\b(?:[Ss]ee(?:{SP}+also)?(?:,{SP}+for{SP}+example,)?|[Cc]f\.|e\.g\.,?){SP}+)(?=[A-Z“\"‘])"
)
# ", in Thomas de Waal, Black Garden": the work that holds the one cited.
IN_WORK_RE = lazy(rf",{SP}+in{SP}+(?=[A-Z])")
CAPITAL_WORD_RE = lazy(r"(?<=\s)[A-Z]")
# "Fiona Maclachlan and Ian Peart, eds.,": authors, then the title.
AUTHOR_NAME = r"[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|van|von|der|del|da|di|le|la|bin|al-\w+))*"
AUTHORS_RE = lazy(
    rf"^(?P<authors>{AUTHOR_NAME}(?:(?:,\s+|\s+and\s+){AUTHOR_NAME}){{0,5}})"
    rf"(?:,?\s+\(?(?P<eds>eds?\.)\)?)?,\s+(?P<title>\S.*)$",
    re.S,
)
# "Letter dated 24 March 1997 from the Executive Director of Human Rights Watch/Helsinki addressed to the Minister"
LETTER_RE = lazy(
    rf"(?<![\w\-])(?:[Ll]etters?|[Nn]ote{SP}+verbale){WS}+dated{WS}+(?P<date>{DATE})"
    rf"(?:{WS}+from{WS}+(?P<sender>[^,;()]+?))?(?:{WS}+addressed{WS}+to{WS}+(?P<addressee>[^,;()]+?))?"
    rf"(?={WS}*[,;.(]|{WS}*$|{WS}+(?:and|available|in|which|to{WS}+the))"
)
INTERVIEW_RE = lazy(
    rf"(?<![\w\-])[Ii]nterview{WS}+(?:with|of|given{WS}+by){WS}+(?P<person>[A-Z][\w.’'\-]*(?:{SP}+[A-Z][\w.’'\-]*){{0,4}})"
)

# --- Fragments that the data file may name ----------------------------------------------------------
FRAGMENTS: dict[str, str] = {
    "SP": SP,
    "WS": WS,
    "DASH": DASH,
    "APOS": APOS,
    "DATE": DATE,
    "YEAR": YEAR,
    "ROMAN": ROMAN,
    "WORD_START": WORD_START,
}
_FRAGMENT_NAME_RE = lazy(r"\$([A-Z_]+)")


def expand(pattern: str) -> str:
    """Return `pattern` with each ``$NAME`` replaced by the fragment of that name."""
    return _FRAGMENT_NAME_RE.sub(lambda m: FRAGMENTS[m[1]], pattern)
