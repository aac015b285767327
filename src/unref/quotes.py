"""Quotations: block quotes, bulleted quotes and quoted passages, with who said them.

Part of the structure stage: it reads paragraphs and footnote refs, and attributes
each quotation to the person or body the text names as its source, and to the
footnote whose marker closes it.
"""

from __future__ import annotations

import re

from .masthead import names_pattern, principal_organ_names
from .model import Document, FootnoteRef, Paragraph, Quote

# Verbs that introduce what someone said or wrote.
SPEECH_VERBS = (
    r"(?:not(?:ed|es|e)|stat(?:ed|es|e)|sa(?:id|ys|y)|observ(?:ed|es)|declar(?:ed|es)|respond(?:ed|s)|affirm(?:ed|s)"
    r"|emphasi[sz](?:ed|es)|stress(?:ed|es)|admit(?:ted|s)|wr(?:ote|ites)|recall(?:ed|s)|underlin(?:ed|es)"
    r"|call(?:ed|s) (?:on|upon)|urg(?:ed|es)|express(?:ed|es)|found|conclud(?:ed|es)|report(?:ed|s)|warn(?:ed|s)"
    r"|announc(?:ed|es)|acknowledg(?:ed|es)|confirm(?:ed|s)|add(?:ed|s)|explain(?:ed|s)|claim(?:ed|s)"
    r"|insist(?:ed|s)|reiterat(?:ed|es)|requested|decided|encouraged|recommended|pointed out|made clear"
    r"|includes|indicat(?:ed|es)|describ(?:ed|es)|considered|held|ruled|declared|asserted|proclaimed"
    r"|demand(?:ed|s)|suggest(?:ed|s)|dismiss(?:ed|es)|underscor(?:ed|es)|highlight(?:ed|s)|made it clear"
    r"|declared intent|threatened|remark(?:ed|s)|argu(?:ed|es)|told|tweeted|posted|concluded"
    r"|a (?:dit|déclaré|souligné)|dijo|declaró|señaló|afirmó|заявил[аи]?)"
)
# French titles keep their adjective in lower case: "Secrétaire général", "Directrice générale".
_NAME = r"[A-ZÀ-Ý][\w’'\-/.]*(?:\s+généra(?:l|le|ux))?(?:\s+\([A-Z][\w.\-]+\))?"
# Roles written in lower case that name a speaker: "the representative of Switzerland".
_ROLE = (r"(?:representatives?|delegations?|spokesperson|spokesman|minister|president|ambassador|secretary|director"
         r"|rapporteur|prosecutor|chair(?:person|man)?|head|envoy|commissioner|author)")
_JOIN = r"(?:\s+(?:(?:of|for|on|to)\s+the|of|for|on|the|and|de|del|la|to|in|at)\s+|\s+)"
_WHO = (rf"(?P<who>(?:the\s+|The\s+)?{_ROLE}\s+of\s+(?:the\s+)?{_NAME}(?:{_JOIN}{_NAME})*"
        rf"|(?:the\s+|The\s+)?{_NAME}(?:{_JOIN}{_NAME})*)")
_ATTRIB_RE = re.compile(
    rf"{_WHO}(?:’s?|'s?)?(?:\s+(?:has|had|have|also|further|then|in particular|clearly|explicitly|itself|himself"
    rf"|herself|once|repeatedly|rightly|specifically|admission|statement|report|press release|order|judgment"
    rf"|decision|opinion))*\s+{SPEECH_VERBS}\b"
)
_ACCORDING_RE = re.compile(
    rf"(?:[Aa]ccording to|[Ii]n the words of|[Ss]elon|[Ss]egún"
    rf"|[Aa]s (?:stated|noted|stressed|underscored|reported|highlighted|observed|emphasized|emphasised"
    rf"|recalled|pointed out|indicated|declared) by)\s+{_WHO}"
    rf"(?:,\s+(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){{1,3}})\s*:)?",
)
# "The President of the General Assembly, Philemon Yang, noted": the name set off before the verb.
_NAMED_RE = re.compile(rf",\s+(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){{1,3}}),\s+{SPEECH_VERBS}\b")
# "the war criminal Israeli Prime Minister, who ... declared": the speaker before a relative clause.
_WHO_CLAUSE_RE = re.compile(rf"{_WHO},\s+who\b[^“\"]*\b{SPEECH_VERBS}\b")
# A body named in the sentence, when no verb says who speaks: "la declaración del Consejo de Seguridad".
_BODY_RE = re.compile(
    rf"(?P<who>{names_pattern(principal_organ_names())}|Secretary-General|International Court of Justice)"
)
_INLINE_QUOTE_RE = re.compile(r"[“\"](?P<q>[^“”\"]{40,}?)[”\"]")
_BULLET_RE = re.compile(r"^\s*[•▪·–\-]\s*")


def _clean_who(who: str) -> str:
    who = re.sub(r"^(?:the|The)\s+", "", who.strip())
    who = re.sub(r"^(?:El|La|Le|L[’'])\s*(?=(?:Secretari|Secrétaire|President|Présidente?|Minist|Representante"
                 r"|Représentante?|Relator|Rapporteur|Alt[oa]|Haut))", "", who)  # "El Secretario General"
    who = re.sub(r"(?:’s?|'s?)$", "", who)
    return who.strip(" ,.;:")


def attribution(text: str) -> str | None:
    """Return the speaker or body named before a quotation in `text`, or None."""
    named = _last(_NAMED_RE, text)
    if named is not None and named.end() >= len(text.rstrip()) - 40:
        return named.group("name")
    according = _last(_ACCORDING_RE, text)
    best = _last(_ATTRIB_RE, text)
    if according is not None and (best is None or according.start() >= best.start() or _bad_who(best.group("who"))):
        return _clean_who(according.group("name") or according.group("who"))
    clause = _last(_WHO_CLAUSE_RE, text)
    if clause is not None and (best is None or clause.start() >= best.start() or _bad_who(best.group("who"))):
        return _clean_who(clause.group("who"))
    if best is not None:
        who = _clean_who(best.group("who"))
        if who and not _bad_who(who):
            return who
        # "Based on ..., the Memorial Human Rights Centre stated": take the last name run.
        runs = re.findall(rf"(?:the\s+)?{_NAME}(?:{_JOIN}{_NAME})*", best.group("who"))
        if runs and not _bad_who(runs[-1]):
            return _clean_who(runs[-1]) or None
    body = _last(_BODY_RE, text)
    return body.group("who") if body else None


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Return the last match of a pattern in text, or None."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007
        pass
    return found


_NOT_SPEAKERS = set(
    "In On As At By It This That These I We Thus Based Furthermore Moreover However Today Also He She They Its His Her "
    "Their When While".split()
)


def _bad_who(who: str) -> bool:
    who = _clean_who(who)
    return not who or who.split()[0] in _NOT_SPEAKERS


def _ref_after(refs: list[FootnoteRef], pid: str, offset: int, limit: int = 12) -> str | None:
    for ref in refs:
        if ref.paragraph == pid and offset <= ref.offset <= offset + limit:
            return ref.label
    return None


def _refs_in(refs: list[FootnoteRef], pid: str) -> list[FootnoteRef]:
    return [r for r in refs if r.paragraph == pid]


def find_quotes(doc: Document) -> list[Quote]:
    """Return the quotations of a document with their attribution and footnote."""
    quotes: list[Quote] = []
    paras = doc.paragraphs
    refs = doc.footnote_refs
    i = 0
    while i < len(paras):
        p = paras[i]
        intro = paras[i - 1] if i > 0 else None
        if intro is not None and intro.text.rstrip().endswith(":") and p.kind in ("body", "quote", "list_item") \
                and _looks_quoted_block(p, intro):
            group = [p]
            j = i + 1
            bulleted = bool(_BULLET_RE.match(p.text))
            while bulleted and j < len(paras) and _BULLET_RE.match(paras[j].text):
                group.append(paras[j])
                j += 1
            who = attribution(intro.text)
            note = None
            for q in group:
                r = _refs_in(refs, q.id)
                if r:
                    note = r[-1].label
                    break
            if note is None and j < len(paras) and len(paras[j].text) < 200 and paras[j].text.startswith("("):
                r = _refs_in(refs, paras[j].id)
                note = r[0].label if r else None
            for q in group:
                if q.kind == "body":
                    q.kind = "quote"  # an indented block quotation
                text = _BULLET_RE.sub("", q.text).strip()
                quotes.append(Quote(text=text.strip("“”\" "), location=q.id, start=0, end=len(q.text),
                                    attributed_to=who, footnote=note, block=True))
            i = j
            continue
        quotes.extend(_inline_quotes(p, refs))
        i += 1
    for fn in doc.footnotes:
        for m in _INLINE_QUOTE_RE.finditer(fn.text):
            if len(m.group("q").split()) < 6:
                continue
            who = attribution(fn.text[: m.start()][-300:])
            if who:
                quotes.append(Quote(text=m.group("q"), location=f"fn:{fn.label}", start=m.start("q"),
                                    end=m.end("q"), attributed_to=who, footnote=fn.label))
    return quotes


def _looks_quoted_block(p: Paragraph, intro: Paragraph) -> bool:
    text = p.text.lstrip("•▪· ")
    if text[:1] in "“\"":
        return True
    return bool(re.search(rf"(?:as follows|the following|{SPEECH_VERBS})[^.]*:$", intro.text.rstrip()))


def _unquoted(text: str) -> str:
    return re.sub(r"“[^”]*”", "“”", text)


def _inline_quotes(p: Paragraph, refs: list[FootnoteRef]) -> list[Quote]:
    out: list[Quote] = []
    if p.kind in ("title", "heading", "signature", "masthead"):
        return out
    found = [m for m in _INLINE_QUOTE_RE.finditer(p.text) if len(m.group("q").split()) >= 6]
    para_refs = sorted(_refs_in(refs, p.id), key=lambda r: r.offset)
    for k, m in enumerate(found):
        sentence_start = max(p.text.rfind(". ", 0, m.start()) + 1, 0)
        who = attribution(p.text[sentence_start : m.start()])
        if not who and k > 0 and out and out[-1].end >= found[k - 1].end("q"):
            who = out[-1].attributed_to  # a second quotation from the same source
        if not who:
            continue
        note = None
        for ref in para_refs:
            if ref.offset >= m.end() - 1:
                # The marker may close a run of quotations from the same source.
                between = [n for n in found[k + 1 :] if n.end() <= ref.offset + 1]
                same = all(attribution(p.text[m.end() : n.start()]) in (None, who) for n in between)
                sentences = len(re.findall(r"[.;] [A-Z]", _unquoted(p.text[m.end() : ref.offset])))
                if same and sentences <= (2 if between else 0):
                    note = ref.label
                break
        out.append(Quote(text=m.group("q"), location=p.id, start=m.start("q"), end=m.end("q"), attributed_to=who,
                         footnote=note))
    return out
