"""A publication reference parsed by a small grammar into its fields.

A reference in a UN footnote follows the Editorial Manual's order (authors, title, container,
imprint), with what writers add around it:

    reference := lead? head? title container? imprint? tail*
    lead      := "See" ["also"] | "Cf." | "e.g."
    head      := part {"," part}               authors: people or bodies, "and others", "(eds.)"
    title     := “quoted” | plain              an article or chapter in quotation marks, a book plain
    container := "in" book | journal {"," volume | number}
    imprint   := "(" [place ","] [publisher ","] date ")"
    tail      := pinpoint | "available at" address | "(emphasis added)"

`parse_reference` reads a reference from the outside in: the tail first (an address, a pinpoint),
then the imprint (the last parenthesis that holds a year), then the title, quoted or plain, which
splits what is left into the head before it and the container after it. Each decision is a named
function with a table test (tests/test_publications.py): `is_author_part`, `is_container_part`,
`is_publisher`, `split_imprint`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from unref.text.regexes import lazy

__all__ = [
    "Reference",
    "is_author_part",
    "is_container_part",
    "is_publisher",
    "parse_reference",
    "sources_of_note",
    "split_imprint",
]


@dataclass(slots=True)
class Reference:
    """The fields of one publication reference; None where the reference does not give one."""

    authors: str | None = None
    editors: bool = False
    title: str | None = None
    container: str | None = None  # the journal, series, news outlet or book that holds the title
    container_editors: str | None = None  # the editors of the book that holds a chapter
    place: str | None = None
    publisher: str | None = None
    year: str | None = None
    date: str | None = None  # the imprint's date as printed, when it is more than a year
    pages: str | None = None  # the pinpoint: "pp. 182–185", "chap. 7", "at 302"
    url: str | None = None
    prose: bool = False  # what stands before a quoted title is a clause, not names: no reference

    def fields(self) -> dict[str, object]:
        """Return the fields that the reference gives (no None, no False)."""
        return {k: v for k, v in asdict(self).items() if v and k != "prose"}

    def is_publication(self) -> bool:
        """Return whether the fields make a publication: a title of two words at least, a year, and who
        wrote, holds or published it; never a clause that quotes words ("the Council stated, “…”"). A place
        and a date alone ("… workshop on terrorist financing (New Delhi, April 2023)") say where an event was."""
        return bool(
            not self.prose and self.title and len(self.title.split()) >= 2 and self.year
            and (self.authors or self.container or self.publisher)
        )


YEAR_RE = lazy(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_LEAD_RE = lazy(r"^(?:(?:[Ss]ee|[Vv]oir|[Vv]éase)(?:\s+also)?(?:,\s*for\s+example,)?:?|[Cc]f\.|e\.g\.,?)\s+")
_URL_TAIL_RE = lazy(
    r"[.,;]?\s*(?:\(?[Aa]vailable\s+(?:at|from|online)\s*:?\s*(?P<at>\S+?)|(?P<url>(?:https?://|www\.)\S+?))[.)]?\s*$"
)
_PAGES_TAIL_RE = lazy(
    r",?\s*(?P<pages>(?:pp?\.|paras?\.?|chaps?\.|sect\.|at)\s*[\dIVXLC][\w.–\-]*(?:\s*(?:,|and|–|-)\s*\d[\w.–\-]*)*)\.?\s*$"
)
# A page after an imprint, as law reviews cite it: "Democracy by Decree (2015), 256".
_BARE_PAGES_RE = lazy(r"(?<=\))\s*,\s*(?P<pages>\d+(?:\s*[–\-]\s*\d+)?)\.?\s*$")
_REMARK_TAIL_RE = lazy(r"\s*\((?:emphasis\s+(?:added|in\s+original)|footnotes?\s+omitted)\)\s*\.?\s*$")
_IMPRINT_TAIL_RE = lazy(r"\s*,?\s*\((?P<imprint>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*[.,]?\s*$")
_QUOTED_RE = lazy(r"[“\"](?P<title>[^”\"]{3,}?)[,.]?[”\"]")
_EDITORS_RE = lazy(r"\s*(?:\(eds?\.\)|,\s*eds?\.|\(ed(?:itor)?s?\.?\))\s*$")
# Words that name a body, not a person or a work: an author that is an institution.
_BODY_WORDS_RE = lazy(
    r"\b(?:United\s+Nations|Institute|Organi[sz]ation|Bank|Programme|Program|Fund|Office|Department|Ministry"
    r"|Government|Agency|Commission|Committee|Council|Court|Secretariat|Centre|Center|Association|Foundation"
    r"|Union|Forum|Task\s+Force|Unit|Group|Network|Watch|International|Initiative|Classification|Authority)\b"
)
# Words that name what holds a title: a journal, a series, a news outlet.
_CONTAINER_WORDS_RE = lazy(
    r"\b(?:Journal|Review|Quarterly|Yearbook|Annual|Bulletin|Papers?|Series|Studies|Law|Inquiry|Magazine"
    r"|News|Times|Post|Herald|Guardian|Gazette|Tribune|Press|Agency|Blogs?|Reuters|Daily|Weekly|Monthly)\b"
)
# Bodies that publish: a part after a plain title that names one is its publisher.
_INSTITUTION_RE = lazy(
    r"\b(?:Institute|Organi[sz]ation|Bank|Office|Department|Ministry|Agency|Centre|Center|Association|Foundation"
    r"|University|Council|Commission|Secretariat)\b"
)
# A report's number: "GAO-25-107007", "WCARRD/REP".
_REPORT_NUMBER_RE = lazy(r"^[A-Z]{2,}(?:[\-/.][A-Z0-9]+)*[\-/.]\d[\w\-/.]*$")
_MEDIA_RE = lazy(r"\b(?:News|Times|Post|Herald|Guardian|Gazette|Tribune|Reuters|Daily|Weekly|Magazine|Blogs?)\b")
_PUBLISHER_RE = lazy(
    r"\b(?:Press|Publish\w*|Publications?|Books|Verlag|Éditions|Editions|Editorial|Routledge|Brill|Springer|Wiley"
    r"|Elsevier|Hart|Nijhoff|Tauris|Macmillan|Palgrave|Sage|Pluto|Zed|United\s+Nations\s+publication)\b"
)
_ACRONYM_RE = lazy(r"^[A-Z][A-Z&\-]{1,9}$")
# Lower-case words that a person's or a body's name may hold ("Thomas de Waal", "Office of the High
# Representative for ..."); any other lower-case word makes a part a title.
_NAME_CONNECTORS = frozenset(
    "of for and the on de van von der den del da di du le la bin al & others et y".split()
)
_IN_EDITED_RE = lazy(r"^(?P<eds>[^,()]+?)\s*(?:\(eds?\.\)|,\s*eds?\.)\s*,\s*(?P<book>.+)$")
# A date as notes print it: "9 October 2024", "October 2024", "October–December 2024", "December 23, 2024".
_DATE_RE = lazy(
    r"^(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s*[–\-]\s*[A-Z][a-z]+)?\s+)?(?:\d{1,2},\s+)?(?:1[89]|20)\d\d$"
)
_HEAD_PROSE_RE = lazy(r"[a-z]{2}[.!?]\s+[A-Z]|https?://|www\.")
# Where the part after a quoted title ends: a sentence of the note's own, or the address of the source.
_AFTER_END_RE = lazy(r"\.\s+(?=[A-ZÀ-ÝА-ЯЁ“\"])|,?\s*\(?[Aa]vailable\s+(?:at|from|online)\b")
# What a clause goes on with after quoted words; a container's name never opens so.
_CLAUSE_AFTER_RE = lazy(r"^(?:of|to|and|or|which|that|for|from|by|with|as|is|was|were|are|in\s+the|on)\b")


def parse_reference(text: str) -> Reference:
    """Return the fields of one reference (one source of a note, without the "; " of the next)."""
    ref = Reference()
    body = _LEAD_RE.sub("", text.strip())
    body = _cut_tail(body, ref)
    body = _cut_imprint(body, ref)
    quoted = _QUOTED_RE.search(body)
    if quoted:
        _read_around_quoted(body, quoted, ref)
    else:
        _read_plain(body, ref)
    if ref.year is None:
        years = YEAR_RE.findall(body)
        ref.year = years[-1] if years else None
    return ref


# --- The tail and the imprint ------------------------------------------------------------------------


def _cut_tail(body: str, ref: Reference) -> str:
    """Return the reference without its tail: an address, remarks ("(emphasis added)") and a pinpoint,
    which may come in any order after the imprint."""
    while True:
        before = body
        if (m := _URL_TAIL_RE.search(body)) and m.start() > 0:
            ref.url, body = (m["at"] or m["url"]).rstrip(".,;"), body[: m.start()]
        body = _REMARK_TAIL_RE.sub("", body)
        if (m := _PAGES_TAIL_RE.search(body) or _BARE_PAGES_RE.search(body)) and m.start() > 0:
            ref.pages, body = ref.pages or m["pages"].rstrip("."), body[: m.start()]
        body = body.rstrip(" .,;")
        if body == before:
            return body


def _cut_imprint(body: str, ref: Reference) -> str:
    """Return the reference without its imprint, the last parenthesis when it holds a year (and no
    quoted words: "(“Analitika Study”)" is a name given to the work, dropped with it)."""
    while (m := _IMPRINT_TAIL_RE.search(body)) and m.start() > 0:
        inner = m["imprint"].strip()
        body = body[: m.start()].rstrip(" ,.")
        if YEAR_RE.search(inner) and not re.search("[“”\"]", inner):
            ref.place, ref.publisher, ref.date = split_imprint(inner)
            ref.year = YEAR_RE.findall(inner)[-1]
            ref.date = ref.date if ref.date and ref.date != ref.year else None
            return _cut_tail(body, ref)
        if not re.search("[“”\"]", inner):
            return body
    return body


def split_imprint(inner: str) -> tuple[str | None, str | None, str | None]:
    """Return (place, publisher, date) of an imprint's words, "New York, Cambridge University Press, 2016".

    The Editorial Manual orders them place, publisher, date. A place may hold commas ("Reading, United
    Kingdom"), a publisher not; a lone name is the publisher when it is one (`is_publisher`), else a place:
    "(New York, 2024)" names where a UN publication appeared, "(OECD, 2023)" who published it.
    """
    parts = [p.strip() for p in re.split(r"\s*[,:;]\s*", inner) if p.strip()]
    date_at = next((i for i in range(len(parts) - 1, -1, -1) if YEAR_RE.search(parts[i])), len(parts))
    date = parts[date_at] if date_at < len(parts) else None
    if date is not None and date_at > 0 and re.fullmatch(r"\d{1,2}|[A-Z][a-z]+\.? \d{1,2}", parts[date_at - 1]):
        date_at -= 1  # "May 5, 2020"
        date = f"{parts[date_at]}, {date}"
    names = [p for p in parts[:date_at] if not re.search(r"\bSales\s+No\b|^No\.", p)]
    if not names:
        return None, None, date
    if len(names) == 1:
        return (None, names[0], date) if is_publisher(names[0]) else (names[0], None, date)
    return ", ".join(names[:-1]), names[-1], date


def is_publisher(name: str) -> bool:
    """Return whether an imprint's lone name is a publisher, not a place: a publisher's word ("Press",
    "Publishing", "United Nations publication"), a body ("World Bank"), or an acronym ("OECD", "UNODC")."""
    return bool(_PUBLISHER_RE.search(name) or _BODY_WORDS_RE.search(name) or _ACRONYM_RE.match(name))


# --- The title, the head and the container ----------------------------------------------------------


def _read_around_quoted(body: str, quoted: re.Match[str], ref: Reference) -> None:
    """Read a reference whose title is quoted: the head before it, the container after it."""
    ref.title = quoted["title"].strip()
    head = body[: quoted.start()].strip(" ,.")
    after = _AFTER_END_RE.split(body[quoted.end() :].lstrip(" ,.;"), maxsplit=1)[0].strip(" ,.;")
    ref.prose = bool(_CLAUSE_AFTER_RE.match(after))
    if after.startswith("in "):
        after = after[3:]
    after = _strip_trailing_date(after, ref)
    editors = _IN_EDITED_RE.match(after)
    if editors:  # "“Chapter”, in Fiona Maclachlan and Ian Peart (eds.), Book"
        ref.container, ref.container_editors = editors["book"].strip(), editors["eds"].strip()
    else:
        ref.container = after or None
    _read_head(head, ref)


def _strip_trailing_date(text: str, ref: Reference) -> str:
    """Return `text` without a date at its end ("…, Associated Press, 9 October 2024"), kept as the date."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) > 1 and re.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}", parts[-2]) and YEAR_RE.fullmatch(parts[-1]):
        parts[-2:] = [f"{parts[-2]}, {parts[-1]}"]  # "December 23, 2024"
    if parts and _DATE_RE.match(parts[-1]):
        ref.date = ref.date or parts[-1]
        ref.year = ref.year or YEAR_RE.findall(parts[-1])[-1]
        return ", ".join(parts[:-1]).strip()
    return text


def _read_head(head: str, ref: Reference) -> None:
    """Read what stands before a quoted title: authors, or the outlet that published it ("Associated Press
    News, “…”"), and a series named in lower case ("policy brief No. 155")."""
    if not head:
        return
    if _HEAD_PROSE_RE.search(head):
        ref.prose = True  # a sentence ends, or an address stands, before the quoted words: they are a quotation
        return
    names, series = _names_and_series([p.strip() for p in head.split(",") if p.strip()])
    ref.prose = ref.prose or any(len(p.split()) > 6 for p in series)  # a clause in lower case, no series
    if series and not ref.container:
        ref.container = ", ".join(series)
    if _is_outlet(names) and not ref.container:
        ref.container = names[0]
        return
    ref.prose = ref.prose or not all(is_author_part(name) for name in names)
    ref.authors = ", ".join(names) or None


def _names_and_series(parts: list[str]) -> tuple[list[str], list[str]]:
    """Return the parts of a head that name someone, and those that name a series: in lower case or
    numbered ("policy brief No. 155")."""
    series = [p for p in parts if not p[0].isupper() or re.search(r"\bNo\.", p)]
    return [p for p in parts if p not in series], series


def _is_outlet(names: list[str]) -> bool:
    """Return whether a head's one name is a news outlet ("Associated Press News"): the container, not
    the authors."""
    return len(names) == 1 and bool(_MEDIA_RE.search(names[0]))


def _read_plain(body: str, ref: Reference) -> None:
    """Read a reference whose title is not quoted (a book, as the Manual prints it in italics):
    authors are the parts before the first part that is no name; a container or publisher may end it."""
    body = _strip_trailing_date(body, ref) if ref.year is None else body
    parts = _without_editors_mark([p.strip() for p in re.split(r",\s+", body) if p.strip()], ref)
    head, rest = _split_head(parts, ref)
    if rest and re.match(r"^(?:[Vv]ol\.|No\.)", rest[0]) and head and _CONTAINER_WORDS_RE.search(head[-1]):
        rest = [head.pop(), *rest]  # "United Nations, Treaty Series, vol. 729, No. 10485": a series, no title
        ref.authors, ref.container = ", ".join(head) or None, ", ".join(rest)
        return
    ref.authors = ", ".join(head) or None
    _title_and_container(rest, ref)


_EDITORS_MARK_RE = lazy(r"\(?eds?\.\)?")


def _without_editors_mark(parts: list[str], ref: Reference) -> list[str]:
    """Return the parts without an "eds." of their own ("Fiona Maclachlan and Ian Peart, eds., Title"),
    which makes the authors editors."""
    kept = [p for p in parts if not _EDITORS_MARK_RE.fullmatch(p)]
    ref.editors = ref.editors or len(kept) < len(parts)
    return kept


def _split_head(parts: list[str], ref: Reference) -> tuple[list[str], list[str]]:
    """Return the parts that name the authors and those from the title on; the last part is never a name."""
    first_title = next((i for i, p in enumerate(parts) if i == len(parts) - 1 or not is_author_part(p)), 0)
    head, rest = parts[:first_title], parts[first_title:]
    if head and (m := _EDITORS_RE.search(", ".join(head))):
        ref.editors, head = True, [", ".join(head)[: m.start()]]
    return head, rest


def _title_and_container(rest: list[str], ref: Reference) -> None:
    """Set the title (the parts before the first that names a container) and the container; a container
    that is a body, not a journal, is the publisher ("…, Analitika Center for Social Research (2016)")."""
    container_at = next((i for i in range(1, len(rest)) if is_container_part(rest[i])), len(rest))
    ref.title = ", ".join(rest[:container_at]) or None
    container = ", ".join(rest[container_at:]) or None
    if container and not ref.publisher and _INSTITUTION_RE.search(container) and \
            not _CONTAINER_WORDS_RE.search(container):
        ref.publisher, container = container, None
    ref.container = container


def is_author_part(part: str) -> bool:
    """Return whether one comma-separated part of a reference's head names a person or a body.

    A name has every word capitalised but for the connectors of names ("de", "of the", "and others");
    a colon, a digit, a question mark or any other lower-case word makes it a title.
    """
    part = _EDITORS_RE.sub("", part)
    if not part or re.search(r"[:?!\d“”\"]", part) or len(part.split()) > 12:
        return False
    if _ACRONYM_RE.match(part):
        return True
    words = re.sub(r"\([^)]*\)", "", part).split()
    return bool(words) and all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in words) and \
        words[0][0].isupper() and not re.match(r"^(?:The|A|An)$", words[0])


def is_container_part(part: str) -> bool:
    """Return whether a part after a plain title names what holds it: a journal ("Goettingen Journal of
    International Law 6 (2014) 2"), a series, a volume ("44 Law & Social Inquiry 1") or a number."""
    return bool(
        re.match(r"^(?:[Vv]ol\.|No\.|\d+\s+[A-Z])", part)
        or _REPORT_NUMBER_RE.match(part)
        or (_CONTAINER_WORDS_RE.search(part) and is_author_part(re.sub(r"\s*\d.*$", "", part) or "x"))
        or (_INSTITUTION_RE.search(part) and is_author_part(part))
    )


# --- The sources of a note ---------------------------------------------------------------------------

_SOURCE_SEP_RE = lazy(r";\s+(?:and\s+)?|(?<=[.)”\"])\s+(?=See\b)")


def sources_of_note(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each source a note cites: the parts between "; " (and "; and"), or
    before a new "See", outside parentheses and quotation marks, as the Editorial Manual separates them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SOURCE_SEP_RE.finditer(text):
        if _balanced(text[start : m.start()]):
            spans.append((start, m.start()))
            start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _balanced(piece: str) -> bool:
    """Return whether a piece closes every parenthesis and quotation mark it opens."""
    return piece.count("(") == piece.count(")") and piece.count("“") == piece.count("”")
