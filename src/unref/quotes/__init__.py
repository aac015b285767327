"""Quotations: block quotes, bulleted quotes and quoted passages, with who said them.

Part of the structure stage: it reads paragraphs and footnote refs, and attributes
each quotation to the person or body the text names as its source, and to the
footnote whose marker closes it.
"""

from __future__ import annotations

import regex

from unref.model import Document, FootnoteRef, Paragraph, Quote
from unref.quotes.grammar import (
    REPORTING_VERBS,
    Context,
    Span,
    clean,
    find_source,
    is_title,
    is_title_case,
    mask,
    quote_spans,
    rx,
    sentence_start,
)

_BULLET_RE = regex.compile(r"^\s*[•▪·–\-]\s*")


def attribution(text: str, ctx: Context | None = None) -> str | None:
    """Return the speaker or body that the last sentence of `text` names for a quotation that follows."""
    spans = quote_spans(text)
    masked = mask(text, spans)
    end = len(masked.rstrip())
    found = find_source(masked, sentence_start(masked, end), end, ctx)
    return found.who if found is not None else None


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
    ctx = Context(addressee=_single_addressee(doc))
    i = 0
    while i < len(paras):
        p = paras[i]
        intro = paras[i - 1] if i > 0 else None
        if intro is not None and intro.text.rstrip().endswith(":") and p.kind in ("body", "quote", "list_item"):
            ctx.last_source = None
            who = attribution(intro.text, ctx)
            marked = _marked_block(p)
            if marked or (who is not None and _unmarked_block(p, intro)):
                group = [p]
                j = i + 1
                bulleted = bool(_BULLET_RE.match(p.text))
                while bulleted and j < len(paras) and _BULLET_RE.match(paras[j].text):
                    group.append(paras[j])
                    j += 1
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
                    quotes.append(Quote(text=text.strip("“”\"« »"), location=q.id, start=0, end=len(q.text),
                                        attributed_to=who, footnote=note, block=True))
                i = j
                continue
        inline = _inline_quotes(p, refs, ctx)
        if not inline:
            ctx.last_source = None  # "he" reaches back one paragraph at most
        quotes.extend(inline)
        i += 1
    for fn in doc.footnotes:
        ctx.last_source = None
        spans = quote_spans(fn.text)
        masked = mask(fn.text, spans)
        whos: list[str | None] = []
        for k, s in enumerate(spans):
            found = _source_of(fn.text, masked, spans, k, ctx, whos[-1] if whos else None)
            whos.append(found)
            if len(fn.text[s.start : s.end].split()) < 6:
                continue
            if found:
                ctx.last_source = found
                quotes.append(Quote(text=fn.text[s.start : s.end], location=f"fn:{fn.label}", start=s.start,
                                    end=s.end, attributed_to=found, footnote=fn.label))
    return quotes


def _single_addressee(doc: Document) -> str | None:
    """Return the one addressee of a letter ("you" in its text), or None when there are several."""
    who = doc.metadata.addressee
    if not who or rx.search(r",| and | et | y ", who):
        return None
    return clean(who)


def _marked_block(p: Paragraph) -> bool:
    """Say whether a paragraph is set off as quoted: it opens with a quotation mark."""
    text = _BULLET_RE.sub("", p.text).strip()
    if not text or text[0] not in "“\"«„":
        return False
    # The mark that opens the paragraph must close at its end (or run on into the next paragraph):
    # “…” followed by more words is a title or a phrase in the text, not a block set off as quoted.
    spans = quote_spans(text)
    if spans and spans[0].start == 1 and len(text) - spans[0].end > 12:
        return False
    return not is_title_case(text[1 : spans[0].end] if spans and spans[0].start == 1 else text[1:])


def _unmarked_block(p: Paragraph, intro: Paragraph) -> bool:
    """Say whether a paragraph without marks after a named speaker's intro is their words.

    The intro must announce words ("as follows", "the following", "stated:"); an
    enumerated item ("(a)", "1.") after a colon is a list of the document's own.
    """
    if p.kind != "body" or _BULLET_RE.match(p.text) or rx.match(r"^\s*(?:\(?[a-z\d]{1,4}[.)]|[ivx]+\.)(?:\s|$)",
                                                                     p.text):
        return False  # a list item, bulleted or enumerated, belongs to the document's own list
    # Words are announced: "responded as follows", "stated the following:", "said:"; not "the
    # following draft decision:" or "the following points", which are the document's own texts.
    return bool(rx.search(rf"(?:as follows[^.:]{{0,120}}|the following(?:\s+(?:\p{{Ll}}+\s+)?(?:statement|words"
                             rf"|remarks|declaration|observations?|conclusions?|findings|assessment|message))?"
                             rf"|{REPORTING_VERBS})\s*:$", intro.text.rstrip()))


def _source_of(text: str, masked: str, spans: list[Span], k: int, ctx: Context, before: str | None) -> str | None:
    """Return who the k-th quotation of a paragraph is attributed to, or None.

    `before` is the source of the quotation before it in the paragraph, if any.
    """
    s = spans[k]
    open_at = s.start - 1
    if is_title(masked[max(0, open_at - 140) : open_at]) or is_title_case(text[s.start : s.end]):
        return None
    begin = sentence_start(masked, open_at)
    found = find_source(masked, begin, open_at, ctx)
    if k > 0 and spans[k - 1].end >= begin and before is not None:
        # A run of quotations in one sentence: the words since the last one may name a new source,
        # else the run goes on with the source before ("“…”, “…”", "“…” and called for “…”").
        if found is not None and found.pos >= spans[k - 1].end + 1 - begin:
            return found.who
        if open_at - spans[k - 1].end < 200:
            return before
    return found.who if found is not None else None


def _inline_quotes(p: Paragraph, refs: list[FootnoteRef], ctx: Context) -> list[Quote]:
    out: list[Quote] = []
    if p.kind in ("title", "heading", "signature", "masthead"):
        return out
    spans = quote_spans(p.text)
    if not spans:
        return out
    masked = mask(p.text, spans)
    found = [s for s in spans if len(p.text[s.start : s.end].split()) >= 6]
    para_refs = sorted(_refs_in(refs, p.id), key=lambda r: r.offset)
    whos: list[str | None] = []
    for k, s in enumerate(spans):
        who = _source_of(p.text, masked, spans, k, ctx, whos[-1] if whos else None)
        whos.append(who)
        if who is not None:
            ctx.last_source = who
        if who is None or s not in found:
            continue
        note = None
        for ref in para_refs:
            if ref.offset >= s.end:
                # The marker may close a run of quotations from the same source.
                between = [n for n in found if n.start > s.end and n.end <= ref.offset + 1]
                same = all(_source_of(p.text, masked, spans, spans.index(n), ctx, who) in (None, who)
                           for n in between)
                sentences = len(rx.findall(r"[.;] [A-Z]", masked[s.end : ref.offset]))
                if same and sentences <= (2 if between else 0):
                    note = ref.label
                break
        out.append(Quote(text=p.text[s.start : s.end], location=p.id, start=s.start, end=s.end, attributed_to=who,
                         footnote=note))
    return out
