"""Security Council meetings named by number: "the 9878th meeting of the Security Council" is S/PV.9878."""

from __future__ import annotations

from unref.cite import patterns as P
from unref.cite.context import Context, Unit, canon
from unref.cite.organs import SC
from unref.model import Citation
from unref.symbols import try_parse
from unref.text.regexes import lazy

__all__ = ["meeting_records"]

# Meetings named in lists ("at its 4575th and 4576th meetings"), and how "at its" and the
# owner after it are found; the single meeting is `cite_patterns.MEETING_RE`.
_ORD = r"\d{1,5}(?:st|nd|rd|th|e|ème|ª|a|\.ª)"
_MEETING_LIST_RE = lazy(
    rf"(?<![\w/.])(?P<list>{_ORD}(?:{P.WS}*,{P.WS}*{_ORD})*,?{P.WS}+(?:and|et|y){P.WS}+{_ORD})"
    rf"{P.WS}+(?:meetings|séances|sesiones)(?![\w\-])"
    rf"(?P<organ>{P.WS}+(?:of{P.WS}+the|du|del){P.WS}+(?:{P.SECURITY_COUNCIL}))?"
)
_ORD_RE = lazy(r"(?P<number>\d{1,5})(?:st|nd|rd|th|e|ème|ª|a|\.ª)")
# A summary statement of the Security Council lists each meeting on a line of its own:
# "6171st meeting, held on 27 July 2009."
_MEETING_LINE_TAIL_RE = lazy(rf"{P.WS}*(?:,{P.WS}*held|\({P.WS}*held|held)\b")
_MEETING_LINE_LEAD_RE = lazy(r"\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?")


def meeting_records(unit: Unit, ctx: Context) -> list[Citation]:
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
        if sym is None or canon(str(sym)) in ctx.own:
            continue
        out.append(Citation("un_symbol", text[start:end], unit.location, start, end, target=str(sym),
                            url=sym.url(ctx.language), fields={"meeting": int(number), "named_in_prose": True}))
    return out


def _sentence_start(text: str, pos: int) -> int:
    left = 0
    for m in P.SENTENCE_END_RE.finditer(text, max(0, pos - 300), pos):
        left = m.end()
    return left


def _security_council_meeting(text: str, lead: str, end: int, ctx: Context) -> bool:
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
