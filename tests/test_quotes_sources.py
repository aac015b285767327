"""Quotation sources found on documents never tuned on (issue 11): one table per decision, real sentences."""

from __future__ import annotations

import pytest

import unref
from letterhead import HEAD
from unref.model import Paragraph
from unref.quotes import _annexed_addressee, _inner, attribution
from unref.quotes.grammar import (
    Context,
    _appositive_head,
    _ends_before_relative,
    _issued_text,
    _split_phrases,
    body_subject,
    quote_spans,
    subject_before,
    verb_opened_source,
)

# --- A quotation that opens on its verb takes the subject written before its mark ---------------------------------

VERB_OPENED = [
    # A/79/825-S/2025/175: the Assembly invites, not the Group that reiterates; references between are passed over.
    ("invites candidates during future processes to […] disclose any funding sources",
     "The ACT Group also reiterates that the Assembly, in resolution 77/335, paragraph 64, ", "Assembly"),
    ("Demands that Israel immediately and completely cease all settlement activities",
     "In its resolution 2334 (2016), the Council ", "Council"),
    ("[i]nvites candidates to present their vision statements", "It recalls that the Assembly ", "Assembly"),
    # A word that is a noun as well, with the preposition a noun takes: not a verb.
    ("requests for assistance received from Member States in the period", "It recalls that the Assembly ", None),
    ("notes verbales exchanged between the two Governments since 2019", "It recalls that the Council ", None),
    # Not a verb at all: the quotation keeps the ordinary frame.
    ("the situation remains tense and volatile in the whole region", "the Council ", None),
    # No name right before the mark: the ordinary frame decides.
    ("Notes that there is yet to be a woman Secretary-General",
     "the ACT Group welcomes the acknowledgment of this historical disparity in General Assembly resolution 77/335, "
     "in paragraph 77: ", None),
]


@pytest.mark.parametrize(("quoted", "clause", "who"), VERB_OPENED)
def test_verb_opened_source(quoted: str, clause: str, who: str | None) -> None:
    assert verb_opened_source(quoted, clause) == who


# --- Sources in frames met on the survey of unseen documents -------------------------------------------------------

FRAMES = [
    # An organ named short before its text (A/79/825-S/2025/175).
    ("The ACT Group welcomes language adopted in Assembly resolution 77/335 encouraging Member States to",
     "Assembly"),
    # An adverb before the participle of "as … by" (A/ES-10/1029-S/2025/210), and a plural head with its bodies
    # (A/ES-10/1030-S/2025/221).
    ("As recently stated by the head of the Office for the Coordination of Humanitarian Affairs in the Occupied "
     "Palestinian Territory, Jonathan Whittall, the entire civilian population in Gaza is being",
     "head of the Office for the Coordination of Humanitarian Affairs in the Occupied Palestinian Territory, "
     "Jonathan Whittall"),
    ("As warned by the heads of United Nations agencies (Office for the Coordination of Humanitarian Affairs, United "
     "Nations Children’s Fund (UNICEF)) on 7 April:", "heads of United Nations agencies"),
    ("As rightly noted by the Secretary-General,", "Secretary-General"),
    # "whose" + a role, then the name set off: the name speaks, not the place before "whose" (A/79/924-S/2025/351).
    ("In May 2022, the Lithuanian authorities demolished the monument at the grave of Soviet soldiers in Palanga, "
     "whose mayor, S. Vaitkus, pathetically called this heinous", "S. Vaitkus"),
    # A description with "the" after the name (A/79/924-S/2025/351).
    ("The members of the Saeima Foreign Affairs Commission, the authors of the amendments, in justifying this "
     "sacrilegious action explicitly stated that", "members of the Saeima Foreign Affairs Commission"),
    # A text named with its date, before "which" (A/79/924-S/2025/351).
    ("The Estonian authorities refer to the provisions of Article 8, Law on the Protection of Military Graves of "
     "10 January 2007, which stipulates that", "Law on the Protection of Military Graves"),
    # "which" right after a relative clause that ends with the text (A/79/845-S/2025/203).
    ("In this regard, we seek kind assistance of the Secretariat by providing all available information, including "
     "those referred to in Mr. Volker Türk’s letter of 10 May 2023, that may be essential for the investigation in "
     "accordance with Section 21 of article V of the 1946 Convention on Privileges and Immunities of the United "
     "Nations, which provides that", "Convention on Privileges and Immunities of the United Nations"),
    # A connective set off by commas names no one.
    ("The Council, however, stated that", "Council"),
    ("The Government, in turn, noted that", "Government"),
    # A provision of an annex is its text speaking; an edict is a text (S/2025/284).
    ("Annex 10 of the Dayton Agreement, the only legitimate source of the HR’s lawful authority, provides that",
     "Dayton Agreement"),
    ("Mr. Schmidt’s edict, of course, violates that law, but it states,", "Mr. Schmidt’s edict"),
    # A text issued in one's own words (S/2025/284, S/2025/153).
    ("In March, the members of the Security Council issued a unanimous statement emphasizing their support for the "
     "Dayton Agreement and calling for", "members of the Security Council"),
    ("The Ministry of Foreign Affairs issued a press release stating that", "Ministry of Foreign Affairs"),
    # An agreement by those who agreed (TPNW/MSP/2025/11).
    ("We welcome the inclusion in the Pact for the Future of the clear rejection of nuclear weapons, including "
     "agreement by all United Nations Members that", "United Nations Members"),
    # "held" reports a finding only before what was held (S/2019/198): a hearing held names no source.
    ("The Inter-American Commission on Human Rights held a hearing in Washington on the situation of", None),
    ("The Court held that", "Court"),
    # A text named with the participle that issued it: its agent, else the text.
    ("The joint communiqué issued after the meeting stated that", "joint communiqué"),
    ("The statement issued by the Ministry of Foreign Affairs of Armenia on 3 May said that",
     "Ministry of Foreign Affairs of Armenia"),
    ("The law adopted by parliament provides that", None),
    # Persons named together by their titles speak together (S/2025/254).
    ("Following reports that the Israel Defense Forces would retain a presence, Mr. Aoun, Mr. Berri and Mr. Salam "
     "issued a joint statement calling on the Security Council", "Mr. Aoun, Mr. Berri and Mr. Salam"),
    ("Mr. Aoun and Mr. Salam stated that", "Mr. Aoun and Mr. Salam"),
    ("The representatives of France, Germany and the United Kingdom stated that",
     "representatives of France, Germany and the United Kingdom"),
]


@pytest.mark.parametrize(("text", "who"), FRAMES)
def test_frames(text: str, who: str | None) -> None:
    assert attribution(text, Context()) == who


REFERENCES = [
    ("the Assembly, in resolution 77/335, paragraph 64, ", "Assembly"),
    ("the Council, in its resolution 757 (1992), ", "Council"),
    ("the Commission, para. 12, ", "Commission"),
    ("the Commission, in Geneva, his colleagues ", None),  # a phrase that names others is no reference
]


@pytest.mark.parametrize(("pre", "who"), REFERENCES)
def test_references_are_passed_over(pre: str, who: str | None) -> None:
    assert subject_before(pre) == who


# --- The decisions, one by one -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "who"), [
    # S/1995/444: "It also demanded that" in the next sentence stands for the Council.
    ("18. As the conflict continued, however, the Council, in its resolution 757 (1992) of 30 May 1992, determined "
     "that the situation constituted a threat to international peace and security. ", "Council"),
    ("The Committee met on 3 May. ", "Committee"),
    ("Mr. Qassem met the Minister. ", None),  # a person is "he", not "it"
    ("The situation deteriorated. ", None),  # no body
    ("", None),
])
def test_body_subject(sentence: str, who: str | None) -> None:
    assert body_subject(sentence) == who


@pytest.mark.parametrize(("phrase", "next_is_pronoun", "pronoun", "who"), [
    (" that may be essential in accordance with the 1946 Convention on Privileges and Immunities", True, "which",
     "Convention on Privileges and Immunities"),
    (" that may be essential in accordance with the Convention", False, "which", None),  # not right before it
    (" that may be essential in accordance with the Convention", True, "he", None),  # not a relative pronoun
    (" who lived in the city", True, "which", None),  # no name ends it
])
def test_ends_before_relative(phrase: str, next_is_pronoun: bool, pronoun: str, who: str | None) -> None:
    assert _ends_before_relative(phrase, next_is_pronoun, pronoun) == who


@pytest.mark.parametrize(("pre", "k", "pronoun", "who"), [
    ("The members of the Saeima Foreign Affairs Commission, the authors of the amendments, ", 1, None,
     "members of the Saeima Foreign Affairs Commission"),
    ("Nedim Ademovic, former chief of staff of the Court’s president, ", 1, None, "Nedim Ademovic"),
    ("Nedim Ademovic, the chief of staff, ", 1, "he", None),  # after a pronoun: no appositive
    ("In Geneva, the authors of the amendments, ", 1, None, None),  # no name before the description
    ("Israel, the Special Rapporteur, ", 1, None, None),  # a description that names someone itself
])
def test_appositive_head(pre: str, k: int, pronoun: str | None, who: str | None) -> None:
    phrases = _split_phrases(pre)
    assert _appositive_head(phrases[k][1].strip(), phrases, k, pronoun) == who


@pytest.mark.parametrize(("phrase", "who"), [
    ("The joint communiqué issued after the meeting", "joint communiqué"),
    ("The report submitted by the Secretary-General", "Secretary-General"),
    ("The statement issued by the Ministry of Foreign Affairs on 3 May", "Ministry of Foreign Affairs"),
    ("The Government", None),  # no participle: the ordinary noun phrase decides
    ("The text adopted by consensus", None),  # no name
])
def test_issued_text(phrase: str, who: str | None) -> None:
    assert _issued_text(phrase) == who


@pytest.mark.parametrize(("text", "quoted"), [
    # French typography sets a space inside guillemets: the quotation's words are without it.
    ("Il a déclaré : « La situation reste très préoccupante ».", "La situation reste très préoccupante"),
    ("Il a déclaré : «\u00a0La situation reste préoccupante\u00a0».", "La situation reste préoccupante"),
    ("He said that “the situation remains tense”.", "the situation remains tense"),
])
def test_inner(text: str, quoted: str) -> None:
    spans = quote_spans(text)
    start, end = _inner(text, spans[0])
    assert text[start:end] == quoted


# --- Through the parser: a pronoun "it" and a quotation that opens on its verb -------------------------------------

LETTER = HEAD + """18. As the conflict continued, however, the Council, in its resolution 757 (1992) of 30 May 1992,
determined that the situation constituted a threat to international peace and security. It also
demanded that "all parties and others concerned create immediately the necessary conditions for
unimpeded delivery of humanitarian supplies to Sarajevo". The Council requested that I continue.

The ACT Group also reiterates that the Assembly, in resolution 77/335, paragraph 64, “invites
candidates during future processes to […] disclose any funding sources they have relating to their
candidature”. Such disclosures should be made mandatory.

(Signed) Maria Example
Ambassador
"""


def test_sources_through_the_parser() -> None:
    found = {q.text[:20]: q.attributed_to for q in unref.parse(text=LETTER).quotes}
    assert found == {"all parties and othe": "Council", "invites candidates d": "Assembly"}


# S/2025/307: a letter to the President of the Security Council transmits one delivered to the Under-Secretary-General.
ANNEXED = HEAD + """Please find attached a letter delivered to Tom Fletcher, Under-Secretary-General for Humanitarian
Affairs and Emergency Relief Coordinator (see annex).

I should be grateful if you would have the present letter and its annex distributed as a document of the
Security Council.

(Signed) Maria Example
Ambassador

Annex to the letter dated 2 March 2025 from the Permanent Representative of Utopia to the United Nations
addressed to the President of the Security Council

I was deeply shocked and disturbed by your recent remarks during the Security Council briefing on Tuesday,
13 May, in which you stated, “What more evidence do you need? Will you act now to prevent the worst?”

(Signed) Maria Example
"""


def test_you_in_an_annexed_letter_is_its_addressee() -> None:
    found = [(q.text[:20], q.attributed_to) for q in unref.parse(text=ANNEXED).quotes]
    assert found == [("What more evidence d", "Tom Fletcher")]


@pytest.mark.parametrize(("cover", "who"), [
    ("Please find attached a letter delivered to Tom Fletcher, Under-Secretary-General (see annex).", "Tom Fletcher"),
    ("I have the honour to transmit herewith a letter dated 3 May 2025 from the Minister for Foreign Affairs of "
     "Armenia addressed to the Secretary-General (see annex).", "Secretary-General"),
    ("I have the honour to transmit herewith the letter of the Minister addressed to you.",
     "President of the Security Council"),  # "you": the cover's own addressee
    ("I have the honour to transmit herewith the statement of the Ministry (see annex).", None),  # no letter named
])
def test_annexed_addressee(cover: str, who: str | None) -> None:
    paragraph = Paragraph(id="p8", kind="body", text=cover, page=1)
    assert _annexed_addressee([paragraph], "President of the Security Council") == who
