"""The named decisions of quotation finding, one table each.

`test_quotes.py` shows who a whole sentence or document attributes its quotations to; these
tables show the rules that answer are made of: which frame names a source, which phrase holds
the subject, which paragraphs make a block and which marker closes a quotation.
"""

from __future__ import annotations

import pytest

from unref.model import FootnoteRef, Paragraph
from unref.quotes import (
    _announces_block,
    _block_end,
    _block_note,
    _block_quote,
    _closed,
    _closing_note,
    _footnote_quotes,
    _long_enough,
    _marked_block,
    _source_line,
    _words_after,
)
from unref.quotes.grammar import (
    _VERB_RE,
    Context,
    Found,
    Span,
    _according_sources,
    _addressee_source,
    _antecedent_of_relative,
    _at_pronoun,
    _bare_phrase,
    _goes_on,
    _grounds_at,
    _grounds_source,
    _in_brackets,
    _name_before_description,
    _organ_text_sources,
    _passed_over,
    _person_before_pronoun,
    _personal_speaker,
    _possessive_sources,
    _pronoun_source,
    _split_phrases,
    _subject_in,
    _subject_source,
    _valid,
    clean,
    is_title,
    mask,
    person_subject,
    quote_spans,
)


def para(text: str, kind: str = "body", pid: str = "p1") -> Paragraph:
    """Return a paragraph of the given kind."""
    return Paragraph(id=pid, kind=kind, text=text, page=1)  # type: ignore[arg-type]


def verbs(clause: str) -> list:  # type: ignore[type-arg]
    """Return the reporting verbs of a clause outside brackets, as find_source sees them."""
    return [m for m in _VERB_RE.finditer(clause) if not _in_brackets(clause, m.start())]


CTX = Context(addressee="the Minister", last_source="Special Envoy")


# --- find_source: one rule per frame -------------------------------------------------------

@pytest.mark.parametrize(("clause", "expected"), [
    ("According to the Special Rapporteur, ", ["Special Rapporteur"]),
    ("As noted by the Financial Action Task Force, ", ["Financial Action Task Force"]),
    ("The Minister stated that ", []),
])
def test_according_sources(clause: str, expected: list[str]) -> None:
    assert [f.who for f in _according_sources(clause)] == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("The representative of China stated that ", "representative of China"),
    ("It was noted by the Secretary-General that ", "Secretary-General"),  # the agent of a passive verb
    ("In your letter you said that ", "the Minister"),  # "you": the letter's addressee
    ("The Council met and ", None),  # no reporting verb
    ("and called for ", "Special Envoy"),  # a second verb of the same subject
])
def test_subject_source(clause: str, expected: str | None) -> None:
    found = _subject_source(clause, verbs(clause), CTX)
    assert (found.who if found else None) == expected


@pytest.mark.parametrize(("pre", "expected"), [
    ("and ", True),
    ("The Council, and ", True),
    ("while ", True),
    ("The Minister", False),
])
def test_goes_on(pre: str, expected: bool) -> None:
    assert _goes_on(pre) is expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("Human Rights Watch’s statement read: ", ["Human Rights Watch"]),
    ("in the statement of the Ministry of Foreign Affairs, ", ["Ministry of Foreign Affairs"]),
    ("in its statement, ", []),  # "its" names no one
])
def test_possessive_sources(clause: str, expected: list[str]) -> None:
    assert [f.who for f in _possessive_sources(clause)] == expected


@pytest.mark.parametrize(("clause", "at"), [
    ("The Minister rejected the claim, saying that ", ", saying that "),
    ("It was adopted on the grounds that ", "on the grounds that "),
    ("The Minister, in a statement, ", None),
    ("Saying that, the Minister stated that ", None),  # a reporting verb after the participle governs
])
def test_grounds_at(clause: str, at: str | None) -> None:
    m = _grounds_at(clause, verbs(clause))
    assert (m.group() if m else None) == at


@pytest.mark.parametrize(("clause", "expected"), [
    ("The Minister rejected the claim, saying that ", "Minister"),
    ("It was adopted on the grounds that ", None),  # "It" names no one
])
def test_grounds_source(clause: str, expected: str | None) -> None:
    found = _grounds_source(clause, verbs(clause))
    assert (found.who if found else None) == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("welcomes the acknowledgment in General Assembly resolution 77/335, in paragraph 77: ", ["General Assembly"]),
    ("General Assembly resolution 77/335 notes that ", []),  # a verb after the text governs the quotation
])
def test_organ_text_sources(clause: str, expected: list[str]) -> None:
    assert [f.who for f in _organ_text_sources(clause, verbs(clause))] == expected


@pytest.mark.parametrize(("clause", "ctx", "expected"), [
    ("Your statement that ", CTX, Found("the Minister", "addressee", 0)),
    ("Your statement that ", Context(), None),  # a document with no one addressee
    ("The statement that ", CTX, None),
])
def test_addressee_source(clause: str, ctx: Context, expected: Found | None) -> None:
    assert _addressee_source(clause, ctx) == expected


# --- subject_before: the phrases walked back over ---------------------------------------------

@pytest.mark.parametrize(("phrase", "last", "expected"), [
    (" and the Minister has also", True, "the Minister"),  # conjunction and filler go
    ("and the Minister has also", False, "the Minister has also"),  # filler stays away from the verb
    (" but publicly", True, ""),
])
def test_bare_phrase(phrase: str, last: bool, expected: str) -> None:
    assert _bare_phrase(phrase, last) == expected


@pytest.mark.parametrize(("pronoun", "ctx", "expected"), [
    ("you", CTX, "the Minister"),
    ("you", None, None),
    ("i", CTX, None),  # the sender's own words
    ("we", CTX, None),
])
def test_personal_speaker(pronoun: str, ctx: Context | None, expected: str | None) -> None:
    assert _personal_speaker(pronoun, ctx) == expected


@pytest.mark.parametrize(("pronoun", "ctx", "expected"), [
    ("he", CTX, "Special Envoy"),  # the source of the quotation before
    ("who", CTX, None),  # a relative pronoun without its antecedent
    (None, CTX, None),
    ("he", None, None),
])
def test_pronoun_source(pronoun: str | None, ctx: Context | None, expected: str | None) -> None:
    assert _pronoun_source(pronoun, ctx) == expected


@pytest.mark.parametrize(("pronoun", "sentence_before", "near", "expected"), [
    ("he", "Mr. Qassem met the Minister. ", True, "Mr. Qassem"),  # the person of the sentence before wins
    ("he", "The Council met on 3 May. ", True, "Special Envoy"),  # no person there: the quotation before
    ("he", "The Council met on 3 May. ", False, None),  # ... unless a sentence without one stands between
    ("they", "Mr. Qassem met the Minister. ", False, None),  # "they" is never one person
    ("it", "The Council met on 3 May. ", True, "Special Envoy"),
])
def test_pronoun_source_reaches_the_nearest_antecedent(pronoun: str, sentence_before: str, near: bool,
                                                       expected: str | None) -> None:
    ctx = Context(last_source="Special Envoy", sentence_before=sentence_before, source_near=near)
    assert _pronoun_source(pronoun, ctx) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("39. Carl Bildt, who served as the first HR, has long called for the OHR to be abolished. ", "Carl Bildt"),
    ("On 3 December, Mr. Netanyahu met the envoy. ", "Mr. Netanyahu"),  # titled
    ("The initiator of this barbaric action was vice-mayor of the city, E. Ratnieks. ", "E. Ratnieks"),  # an initial
    ("Sri Lanka signed the treaty. ", None),  # two capitalised words, but nothing says a person
    ("The Security Council met on 3 May. ", None),  # a body
    # The subject set off after its role, not the other person the sentence names.
    ("the former mayor, G. Kalve, in an interview with the journalist E. Veidemane, hinted that he did. ", "G. Kalve"),
    ("Its mayor met the journalist E. Veidemane and Mr. Kalve in the town. ", None),  # two persons: neither
    ("", None),
])
def test_person_subject(sentence: str, expected: str | None) -> None:
    assert person_subject(sentence) == expected


@pytest.mark.parametrize(("words", "pronoun", "ctx", "expected"), [
    ("In your letter ", "you", Context(addressee="the Minister"), (True, "the Minister")),  # the addressee
    ("In our letter ", "we", CTX, (True, None)),  # the sender's own words
    ("the Permanent Representative of Iran rejected what ", "he", CTX, (True, "Permanent Representative of Iran")),
    ("In a speech on 4 January, ", "he", CTX, (False, None)),  # look further back
])
def test_at_pronoun(words: str, pronoun: str, ctx: Context, expected: tuple[bool, str | None]) -> None:
    assert _at_pronoun(words, pronoun, ctx) == expected


@pytest.mark.parametrize(("words", "pronoun", "expected"), [
    # S/2025/254: the subject of the clause "he" stands in, not the source of the quotation before.
    ("the Permanent Representative of the Islamic Republic of Iran to the United Nations rejected what ", "he",
     "Permanent Representative of the Islamic Republic of Iran to the United Nations"),
    ("In a speech on 4 January, ", "he", None),  # no subject before it in the clause
    ("the Government rejected what ", "it", None),  # only "he" and "she" stand for a person
])
def test_person_before_pronoun(words: str, pronoun: str, expected: str | None) -> None:
    assert _person_before_pronoun(words, pronoun) == expected


@pytest.mark.parametrize(("texts", "expected"), [
    (["“We will not leave.”"], True),
    (["“We will not leave.", "“We will stay here for good.”"], True),  # closed by the last paragraph of the run
    (["“We will not leave.", "The Council then met."], False),  # the run ends unclosed
    # S/2025/354: OCR read an Arabic list's dashes as marks that never close.
    (['"انشاء وحدة مكافحة العنف ضد المرأة', '"تنفيذ (20) جلسه توعوية'], False),
])
def test_closed(texts: list[str], expected: bool) -> None:
    paras = [para(t, pid=f"p{k}") for k, t in enumerate(texts)]
    assert _closed(paras, 0) is expected


@pytest.mark.parametrize(("rest", "expected"), [
    (" with", True),  # "“the Russian Federation-Ukraine conflict” with": a phrase in an amendment
    (" and the report", True),
    (".", False),
    ("12", False),  # a note marker
    (" (A/79/1).", False),  # a symbol in brackets
])
def test_words_after(rest: str, expected: bool) -> None:
    assert _words_after(rest) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“the Russian Federation-Ukraine conflict” with", False),
    ("“We will not leave this place, whatever comes.”", True),
    ("“We will not leave this place, whatever comes” (A/79/1).", True),
    ("“CHAPTER XI. — RELATIONS WITH OTHER ORGANS”", False),  # a heading of the text quoted (S/RES/26 (1947))
    ("“Rule 41”", False),  # a label (S/RES/528 (1982))
])
def test_marked_block(text: str, expected: bool) -> None:
    assert _marked_block(para(text)) is expected


@pytest.mark.parametrize(("before", "expected"), [
    ("vote against the annual General Assembly resolution ", True),  # a resolution's title
    ("On 20 April 2023, the law ", True),
    ("a placard with the inscription ", True),
    ("The Secretary-General stated this under agenda item 68 (b), ", True),  # an agenda item's title
    ("General Assembly resolution 77/335, in paragraph 77: ", False),  # the text's words
    ("the Security Council in its resolution 1701 ", False),
    ("The Council stated that ", False),
])
def test_is_title_named_before(before: str, expected: bool) -> None:
    assert is_title(before) is expected


@pytest.mark.parametrize(("segment", "expected"), [
    ("Michael Martens of the leading German daily Frankfurter Allgemeine Zeitung", "Michael Martens"),
    ("the Brahimi report on peacekeeping operations (A/55/305–S/2000/809)",
     "Brahimi report on peacekeeping operations"),
    ("the report on the situation", None),  # too vague to name a source
    ("Local municipal authorities", "Local municipal authorities"),
])
def test_np_at_end(segment: str, expected: str | None) -> None:
    from unref.quotes.grammar import _np_at_end
    assert _np_at_end(segment) == expected


@pytest.mark.parametrize(("who", "expected"), [
    ("Embassy of Pakistan in Afghanistan", True),
    ("judicial authorities", True),  # a head with its adjective
    ("report", False),
    ("my Government", False),
])
def test_valid(who: str, expected: bool) -> None:
    assert _valid(clean(who)) is expected


@pytest.mark.parametrize(("pre", "k", "expected"), [
    ("Nedim Ademovic, former chief of staff of the Court’s president, ", 1, "Nedim Ademovic"),
    ("In Geneva, former chief of staff of the Court’s president, ", 1, None),  # no name before
    ("Nedim Ademovic, the chief of staff, ", 1, None),  # "the" opens a name of its own, no description
    ("former chief of staff of the Court’s president", 0, None),
])
def test_name_before_description(pre: str, k: int, expected: str | None) -> None:
    phrases = _split_phrases(pre)
    assert _name_before_description(phrases[k][1].strip(), phrases, k) == expected


@pytest.mark.parametrize(("phrase", "relative", "pronoun", "expected"), [
    ("the President", False, None, "President"),
    ("the President", False, "he", "President"),  # an appositive to "he"
    ("having met the President", False, "he", None),  # the object of another verb
    ("In Cameroon", False, None, None),  # the object of a preposition
])
def test_subject_in(phrase: str, relative: bool, pronoun: str | None, expected: str | None) -> None:
    assert _subject_in(phrase, relative, pronoun) == expected


@pytest.mark.parametrize(("pre", "k", "expected"), [
    ("Jirair Libaridian, who was adviser to the President, Levon Ter-Petrossian, at the time,", 3,
     "Jirair Libaridian"),
    ("The President, Philemon Yang,", 1, None),  # no relative clause: the appositive speaks
])
def test_antecedent_of_relative(pre: str, k: int, expected: str | None) -> None:
    assert _antecedent_of_relative(_split_phrases(pre), k) == expected


@pytest.mark.parametrize(("phrase", "pronoun", "expected"), [
    ("in his report to the Council", None, True),  # the scene
    ("the meeting was adjourned", None, False),  # a clause of its own
    ("the meeting was adjourned", "he", True),  # a pronoun looks further back
])
def test_passed_over(phrase: str, pronoun: str | None, expected: bool) -> None:
    assert _passed_over(phrase, pronoun) is expected


# --- find_quotes: blocks, notes, footnotes -----------------------------------------------------

@pytest.mark.parametrize(("intro", "kind", "expected"), [
    ("The Minister stated:", "body", True),
    ("The Minister stated:  ", "list_item", True),
    ("The Minister stated:", "heading", False),
    ("The Minister stated.", "body", False),
])
def test_announces_block(intro: str, kind: str, expected: bool) -> None:
    assert _announces_block(para(intro), para("“Words.”", kind)) is expected


@pytest.mark.parametrize(("texts", "expected"), [
    (["“One.”", "• two", "• three"], 1),  # an unbulleted block is one paragraph
    (["• one", "• two", "Three."], 2),  # a bulleted block runs over its bullets
    (["– one", "– two"], 2),
])
def test_block_end(texts: list[str], expected: int) -> None:
    assert _block_end([para(t) for t in texts], 0) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("(Statement of 4 May 2024)", True),
    ("(" + "x" * 200 + ")", False),  # too long for a source line
    ("Statement of 4 May 2024", False),
])
def test_source_line(text: str, expected: bool) -> None:
    assert _source_line(para(text)) is expected


REFS = [FootnoteRef("3", "p2", 5), FootnoteRef("4", "p2", 9), FootnoteRef("7", "p4", 1)]


@pytest.mark.parametrize(("group", "after", "expected"), [
    (["p2"], "p3", "4"),  # the last marker of the block's paragraph
    (["p1", "p2"], "p3", "4"),
    (["p1"], "p4", "7"),  # the marker of a source line after the block
    (["p1"], "p3", None),
])
def test_block_note(group: list[str], after: str, expected: str | None) -> None:
    paras = [para("“…”", pid=pid) for pid in group] + [para("(Statement of 4 May)", pid=after)]
    assert _block_note(paras[:-1], paras, len(group), REFS) == expected


def test_block_quote_sets_a_body_paragraph_as_a_quotation() -> None:
    p = para("• “We will not leave.”")
    q = _block_quote(p, "the Minister", "3")
    assert (q.text, q.attributed_to, q.footnote, q.block, p.kind) == ("We will not leave.", "the Minister", "3",
                                                                      True, "quote")


@pytest.mark.parametrize(("text", "expected"), [
    ("“one two three four five six”", True),
    ("“one two three four five”", False),  # a phrase taken up, not somebody's words
])
def test_long_enough(text: str, expected: bool) -> None:
    assert _long_enough(text, Span(1, len(text) - 1, "“")) is expected


CLOSING = "The Minister stated: “we will not leave this place at all”. Then: “we will stay here for good now”."


@pytest.mark.parametrize(("offset", "expected"), [
    (CLOSING.index(".") + 1, "1"),  # right after the quotation
    (len(CLOSING), "1"),  # after a run of quotations from the same source
    (None, None),  # no marker after it
])
def test_closing_note(offset: int | None, expected: str | None) -> None:
    spans = quote_spans(CLOSING)
    refs = [] if offset is None else [FootnoteRef("1", "p1", offset)]
    assert _closing_note(CLOSING, mask(CLOSING, spans), spans, spans[0], spans, refs, Context(),
                         "Minister") == expected


def test_footnote_quotes_start_afresh() -> None:
    ctx = Context(last_source="Someone before")
    text = "He said “we will not leave this place at all”. The Minister stated: “we will stay here for good”."
    quotes = _footnote_quotes(text, "5", ctx)
    assert [(q.attributed_to, q.location, q.footnote) for q in quotes] == [("Minister", "fn:5", "5")]
