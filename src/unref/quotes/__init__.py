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
    verb_opened_source,
)

_BULLET_RE = regex.compile(r"^\s*[•▪·–\-]\s*")


def attribution(text: str, ctx: Context | None = None) -> str | None:
    """Return the speaker or body that the last sentence of `text` names for a quotation that follows."""
    spans = quote_spans(text)
    masked = mask(text, spans)
    end = len(masked.rstrip())
    begin = sentence_start(masked, end)
    if ctx is not None:
        before_start = sentence_start(masked, begin - 1) if begin else 0
        ctx.sentence_before = masked[before_start:begin]
        ctx.source_near = begin == 0 or any(s.end >= before_start for s in spans)
    found = find_source(masked, begin, end, ctx)
    return found.who if found is not None else None


def _ref_after(refs: list[FootnoteRef], pid: str, offset: int, limit: int = 12) -> str | None:
    for ref in refs:
        if ref.paragraph == pid and offset <= ref.offset <= offset + limit:
            return ref.label
    return None


# A document's refs: as a list, or looked up by paragraph (see _refs_by_paragraph).
Refs = list[FootnoteRef] | dict[str, list[FootnoteRef]]


def _refs_in(refs: Refs, pid: str) -> list[FootnoteRef]:
    """Return the refs of a paragraph, in the document's order."""
    if isinstance(refs, dict):
        return refs.get(pid, [])
    return [r for r in refs if r.paragraph == pid]


def _refs_by_paragraph(refs: list[FootnoteRef]) -> dict[str, list[FootnoteRef]]:
    """Return paragraph id -> its refs, in the order of `refs`."""
    out: dict[str, list[FootnoteRef]] = {}
    for r in refs:
        out.setdefault(r.paragraph, []).append(r)
    return out


# A quotation of fewer words than this is a phrase or a term taken up in the text, not somebody's words.
MIN_QUOTE_WORDS = 6
# Paragraph kinds that quote no one: their quotation marks hold titles and names.
_UNQUOTED_KINDS = ("title", "heading", "signature", "masthead")
# Paragraph kinds that a block quotation is set as, after an intro that ends with a colon.
_BLOCK_KINDS = ("body", "quote", "list_item")


def find_quotes(doc: Document) -> list[Quote]:
    """Return the quotations of a document with their attribution and footnote."""
    quotes: list[Quote] = []
    paras = doc.paragraphs
    refs = doc.footnote_refs
    # Each paragraph's refs, looked up: a pass over every ref per paragraph made the stage paragraphs x refs.
    by_paragraph = _refs_by_paragraph(refs)
    ctx = Context(addressee=_single_addressee(doc))
    covers = _Covers(paras)
    i = 0
    while i < len(paras):
        block = _block_quotes(paras, i, by_paragraph, ctx)
        if block is not None:
            found, i = block
            quotes.extend(found)
            continue
        if paras[i].kind == "annex_title":
            ctx.addressee = covers.addressee(i, ctx.addressee)  # "you" in an annexed letter: its addressee
        inline = _inline_quotes(paras[i], by_paragraph.get(paras[i].id, []), ctx)
        if not inline:
            ctx.last_source = None  # "he" reaches back one paragraph at most
        quotes.extend(inline)
        i += 1
    for fn in doc.footnotes:
        quotes.extend(_footnote_quotes(fn.text, fn.label, ctx))
    return quotes


def _block_quotes(paras: list[Paragraph], i: int, refs: Refs,
                  ctx: Context) -> tuple[list[Quote], int] | None:
    """Return the quotations of the block that paragraph i opens, and the index of the paragraph after it.

    A block follows an intro that ends with a colon, and is marked as quoted or is the words of the
    speaker the intro names. None when paragraph i opens no block.
    """
    p = paras[i]
    if i == 0 or not _announces_block(paras[i - 1], p):
        return None
    intro = paras[i - 1]
    ctx.last_source = None
    who = attribution(intro.text, ctx)
    if not ((_marked_block(p) and _closed(paras, i)) or (who is not None and _unmarked_block(p, intro))):
        return None
    j = _block_end(paras, i)
    group = paras[i:j]
    note = _block_note(group, paras, j, refs)
    return [_block_quote(q, who, note) for q in group], j


def _announces_block(intro: Paragraph, p: Paragraph) -> bool:
    """Say whether `intro` may announce a block quotation in `p`: it ends with a colon, and `p` is running text."""
    return intro.text.rstrip().endswith(":") and p.kind in _BLOCK_KINDS


def _block_end(paras: list[Paragraph], i: int) -> int:
    """Return the index after the block that paragraph i opens: a bulleted block runs on over its bullets."""
    j = i + 1
    if _BULLET_RE.match(paras[i].text):
        while j < len(paras) and _BULLET_RE.match(paras[j].text):
            j += 1
    return j


def _block_note(group: list[Paragraph], paras: list[Paragraph], j: int, refs: Refs) -> str | None:
    """Return the footnote of a block: the last marker of its first paragraph that has one, or the first
    marker of a short bracketed line after it that gives the source ("(Statement of 4 May)")."""
    for q in group:
        r = _refs_in(refs, q.id)
        if r:
            return r[-1].label
    if j < len(paras) and _source_line(paras[j]):
        r = _refs_in(refs, paras[j].id)
        return r[0].label if r else None
    return None


def _source_line(p: Paragraph) -> bool:
    """Say whether a paragraph after a block is a short line in brackets that gives the block's source."""
    return len(p.text) < 200 and p.text.startswith("(")


def _block_quote(q: Paragraph, who: str | None, note: str | None) -> Quote:
    """Return the quotation of one paragraph of a block; a body paragraph becomes an indented block quotation."""
    if q.kind == "body":
        q.kind = "quote"  # an indented block quotation
    text = _BULLET_RE.sub("", q.text).strip()
    return Quote(text=text.strip("“”\"« »"), location=q.id, start=0, end=len(q.text),
                 attributed_to=who, footnote=note, block=True)


def _footnote_quotes(text: str, label: str, ctx: Context) -> list[Quote]:
    """Return the quotations of a footnote's text that name their source; a footnote is its own context."""
    ctx.last_source = None
    spans = quote_spans(text)
    masked = mask(text, spans)
    out: list[Quote] = []
    before: str | None = None  # the source of the quotation before, in this footnote
    for k, s in enumerate(spans):
        found = _source_of(text, masked, spans, k, ctx, before)
        before = found
        if found and _long_enough(text, s):
            ctx.last_source = found
            start, end = _inner(text, s)
            out.append(Quote(text=text[start:end], location=f"fn:{label}", start=start, end=end,
                             attributed_to=found, footnote=label))
    return out


def _long_enough(text: str, s: Span) -> bool:
    """Say whether a quotation has words enough to be somebody's words (MIN_QUOTE_WORDS)."""
    return len(text[s.start : s.end].split()) >= MIN_QUOTE_WORDS


def _single_addressee(doc: Document) -> str | None:
    """Return the one addressee of a letter ("you" in its text), or None when there are several."""
    who = doc.metadata.addressee
    if not who or rx.search(r",| and | et | y ", who):
        return None
    return clean(who)


# The cover names the addressee of the letter it transmits: "Please find attached a letter delivered to Tom Fletcher,
# Under-Secretary-General for Humanitarian Affairs", "a letter dated 3 May 2025 addressed to the Secretary-General".
_ANNEXED_TO_RE = regex.compile(
    r"\bletters?\b[^.;]{0,120}?\b(?:addressed|delivered|sent|written)\s+to\s+(?:the\s+)?"
    r"(?:(?P<you>you)\b|(?P<who>\p{Lu}[\p{L}’'.-]*(?:\s+(?:of the|for the|of|for|and|\p{Lu}[\p{L}’'.-]*))*))")


def _annexed_addressee(cover: list[Paragraph], addressee: str | None) -> str | None:
    """Return whom the letter annexed to a cover letter is addressed to, as the cover's body names it ("addressed to
    you": the cover's own `addressee`), or None: "you" in the annex is that person, not the cover's addressee (a letter
    to the President of the Security Council transmits one delivered to the Under-Secretary-General)."""
    for p in reversed(cover):
        m = _cover_names_addressee(p)
        if m is not None:
            return _addressee_named(m, addressee)
    return None


def _cover_names_addressee(p: Paragraph) -> regex.Match[str] | None:
    """Return where a body paragraph names whom a letter it transmits is addressed to, or None."""
    return _ANNEXED_TO_RE.search(p.text) if p.kind == "body" else None


def _addressee_named(m: regex.Match[str], addressee: str | None) -> str | None:
    """Return the addressee a cover's words name: "you" is the cover's own `addressee`."""
    return addressee if m.group("you") else clean(m.group("who"))


class _Covers:
    """The paragraphs before each annex title, read once each for the words that name an annexed letter's addressee:
    what _annexed_addressee(paras[:i]) answers, without reading every paragraph before each annex title again
    (paragraphs x annex titles: 21,000 searches in 2 MB of joined documents; issue 16)."""

    __slots__ = ("last", "paras", "read")

    def __init__(self, paras: list[Paragraph]) -> None:
        self.paras = paras
        self.read = 0  # the paragraphs before this index are read
        self.last: regex.Match[str] | None = None  # the last of them that names an addressee

    def addressee(self, i: int, addressee: str | None) -> str | None:
        """Return whom the letter annexed after paragraph i - 1 is addressed to, as _annexed_addressee(paras[:i]).

        The calls come with i rising; a paragraph read once keeps its kind (a block quotation changes the kind of
        the paragraphs it holds before the loop of find_quotes passes them, and so before they are read here).
        """
        for k in range(self.read, i):
            m = _cover_names_addressee(self.paras[k])
            if m is not None:
                self.last = m
        self.read = max(self.read, i)
        return None if self.last is None else _addressee_named(self.last, addressee)


def _marked_block(p: Paragraph) -> bool:
    """Say whether a paragraph is set off as quoted: it opens with a quotation mark."""
    text = _BULLET_RE.sub("", p.text).strip()
    if not text or text[0] not in "“\"«„":
        return False
    # The mark that opens the paragraph must close at its end (or run on into the next paragraph):
    # “…” followed by more words is a title or a phrase in the text, not a block set off as quoted.
    spans = quote_spans(text)
    if spans and spans[0].start == 1 and _words_after(text[spans[0].end + 1 :]):
        return False
    quoted = text[1 : spans[0].end] if spans and spans[0].start == 1 else text[1:]
    return not (is_title_case(quoted) or _heading_words(quoted))


def _heading_words(quoted: str) -> bool:
    """Say whether a paragraph's quoted words are a heading of the text it quotes, not words: in capitals
    ("CHAPTER XI. — RELATIONS WITH OTHER …") or a label of two words or fewer ("Rule 41")."""
    letters = [c for c in quoted if c.isalpha()]
    return len(quoted.split()) <= 2 or (len(letters) > 3 and all(c.isupper() for c in letters))


# A quotation of several paragraphs opens each with a mark and closes only the last (the Editorial Manual's
# convention); it is read this many paragraphs ahead at most.
MAX_QUOTED_PARAGRAPHS = 12
_CLOSING_MARKS = {"“": "”", "«": "»", "„": "“”", '"': '"'}


def _closed(paras: list[Paragraph], i: int) -> bool:
    """Say whether the mark that opens paragraph i closes: in it, or in a later paragraph of a run that opens each
    paragraph with a mark. A mark that never closes is a bullet or a dash misread (OCR), not a quotation."""
    text = _BULLET_RE.sub("", paras[i].text).strip()
    closers = _CLOSING_MARKS.get(text[:1], "")
    if any(c in text[1:] for c in closers):
        return True
    for q in paras[i + 1 : i + MAX_QUOTED_PARAGRAPHS]:
        later = _BULLET_RE.sub("", q.text).strip()
        if any(c in later[1:] for c in closers):
            return True
        if later[:1] not in _CLOSING_MARKS:
            return False
    return False


def _words_after(rest: str) -> bool:
    """Say whether words follow the mark that closes a paragraph's opening quotation ("“…” with", "“…” and the
    report"); a note marker, a symbol in brackets or punctuation may ("“…”.", "“…” (A/79/1)", "“…”12")."""
    return len(rest) > 12 or rx.search(r"\p{L}{2,}", rx.sub(r"\([^()]*\)", "", rest)) is not None


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
    before_start = sentence_start(masked, begin - 1) if begin else 0
    ctx.sentence_before = masked[before_start:begin]
    ctx.source_near = begin == 0 or (k > 0 and spans[k - 1].end >= before_start)
    opened = verb_opened_source(text[s.start : s.end], masked[begin:open_at], ctx)
    if opened is not None:
        return opened  # the subject before a quotation that opens on its verb: "the Assembly “invites …”"
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
    """Return the quotations inside a paragraph's running text that name their source, with their footnote
    (`refs`: the paragraph's refs, in the document's order)."""
    out: list[Quote] = []
    if p.kind in _UNQUOTED_KINDS:
        return out
    spans = quote_spans(p.text)
    if not spans:
        return out
    masked = mask(p.text, spans)
    found = [s for s in spans if _long_enough(p.text, s)]
    para_refs = sorted(refs, key=lambda r: r.offset)
    before: str | None = None  # the source of the quotation before, in this paragraph
    for k, s in enumerate(spans):
        who = _source_of(p.text, masked, spans, k, ctx, before)
        before = who
        if who is not None:
            ctx.last_source = who
        if who is None or s not in found:
            continue
        note = _closing_note(p.text, masked, spans, s, found, para_refs, ctx, who)
        start, end = _inner(p.text, s)
        out.append(Quote(text=p.text[start:end], location=p.id, start=start, end=end, attributed_to=who,
                         footnote=note))
    return out


def _inner(text: str, s: Span) -> tuple[int, int]:
    """Return where a quotation's words start and end: inside its marks, without the space that French typography
    sets inside guillemets ("« La situation reste … »")."""
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Between a quotation and the marker that closes a run of quotations, at most this many sentences start.
MAX_SENTENCES_IN_RUN = 2


def _closing_note(text: str, masked: str, spans: list[Span], s: Span, found: list[Span],
                  para_refs: list[FootnoteRef], ctx: Context, who: str) -> str | None:
    """Return the footnote whose marker closes quotation `s`: the first marker after it.

    Right after the quotation, or after a run of quotations from the same source in at most
    MAX_SENTENCES_IN_RUN sentences; a marker further on belongs to other words.
    """
    ref = next((r for r in para_refs if r.offset >= s.end), None)
    if ref is None:
        return None
    between = [n for n in found if n.start > s.end and n.end <= ref.offset + 1]
    same = all(_source_of(text, masked, spans, spans.index(n), ctx, who) in (None, who) for n in between)
    sentences = len(rx.findall(r"[.;] [A-Z]", masked[s.end : ref.offset]))
    return ref.label if same and sentences <= (MAX_SENTENCES_IN_RUN if between else 0) else None
