"""Web addresses cited in the text, and PDF links checked against what the text cites."""

from __future__ import annotations

import re
import urllib.parse

from unref.cite import patterns as P
from unref.model import Citation, Document
from unref.symbols import Symbol, SymbolError, parse_double
from unref.text.regexes import lazy
from unref.text.urls import URL_RE, addresses

__all__ = ["check_links", "urls"]


def urls(text: str, location: str) -> list[Citation]:
    """Return a citation for every web address in `text`, rejoining pieces split by a blank, and for every
    bare domain ("(ourworldindata.org)", `bare_domains`).

    A block that holds nothing but addresses is the list of a page's link targets that
    pdftotext prints; its undocs.org links render the symbols cited in the text and are dropped.
    """
    if "www." not in text and "://" not in text:
        return bare_domains(text, location, [])
    link_list = not URL_RE.sub("", text).strip()
    out = []
    for a in addresses(text):
        if len(a.address) < 8 or "." not in a.address.split("//")[-1]:
            continue
        if link_list and P.SYMBOL_LINK_RE.match(a.address):
            continue
        out.append(Citation("url", text[a.start : a.end], location, a.start, a.end, target=a.address,
                            url=_href(a.address)))
    return out + bare_domains(text, location, out)


# A domain written without "www." or a scheme: "(ourworldindata.org)", "available at charlescrawford.biz/2011/…".
# Only the generic top-level domains: a country code after a point is too often something else ("No.ua"), and
# a file's extension is none of these. Never inside an address, a path or an e-mail address (the look-behind).
_BARE_TLD_RE = lazy(r"\.(?:org|com|net|int|gov|edu|info|biz)\b")
_BARE_DOMAIN_RE = lazy(
    r"(?<![\w@./\-])(?:[a-z0-9][a-z0-9\-]*\.)+(?:org|com|net|int|gov|edu|info|biz)(?![\w\-@])"
    r"(?:/[^\s)\]>,;\"”’]*)?"
)


def bare_domains(text: str, location: str, found: list[Citation]) -> list[Citation]:
    """Return url citations for the domains written bare, outside the addresses already `found`.

    The gold rule counts them (GOLD.md: "every web address cited"); a domain in lower case with a generic
    top-level domain is an address, whatever precedes it, but for an e-mail address.
    """
    if not _BARE_TLD_RE.search(text):
        return []
    out = []
    for m in _BARE_DOMAIN_RE.finditer(text):
        start, end = m.start(), m.end() - len(m.group()) + len(m.group().rstrip(".:"))
        if any(c.start <= start < c.end for c in found):
            continue
        address = text[start:end]
        out.append(Citation("url", address, location, start, end, target=address, url=_href(address)))
    return out


def _href(address: str) -> str:
    return address if "://" in address else "http://" + address


_UNDOCS_RE = lazy(
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
