"""Quotations: who the text names as their source, and the footnote that closes them."""

from __future__ import annotations

from typing import Any

import pytest

import unref
from letterhead import HEAD
from unref.model import Quote
from unref.quotes import attribution
from unref.quotes.grammar import Context, is_title, is_title_case, quote_spans


def xfail(*values: Any, reason: str) -> Any:
    """A case that shows a known fault: it must fail until the code is fixed."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


# --- Attribution ----------------------------------------------------------------------------

ATTRIBUTIONS = [
    ("In its report, Human Rights Watch/Helsinki responded as follows:", "Human Rights Watch/Helsinki"),
    # The speaker is the last run of names before the verb, not the clause that opens the sentence.
    ("Based on the evidence it collected, the Memorial Human Rights Centre stated the following:",
     "Memorial Human Rights Centre"),
    ("In his report, the Secretary-General notes in particular that", "Secretary-General"),
    ("As noted by the Financial Action Task Force,", "Financial Action Task Force"),
    # A name after the role is the speaker.
    ("As stressed by the Executive Director of UNICEF, Catherine Russell:", "Catherine Russell"),
    ("The representative of Switzerland suggested that", "representative of Switzerland"),
    ("This was confirmed by the Israeli Prime Minister, who on 7 October publicly declared:",
     "Israeli Prime Minister"),
    ("According to Amnesty International,", "Amnesty International"),
    ("In the words of the High Commissioner for Human Rights,", "High Commissioner for Human Rights"),
    ("The Special Rapporteur stated the following:", "Special Rapporteur"),
    ("In a statement issued on 5 May, the Ministry of Foreign Affairs of Armenia said that",
     "Ministry of Foreign Affairs of Armenia"),
    ("As the International Court of Justice has held,", "International Court of Justice"),
    ("The Security Council, in its presidential statement, reaffirmed", "Security Council"),
    ("La declaración del Consejo de Seguridad", "Consejo de Seguridad"),  # a body named, without a verb
    ("He said that", None),  # a pronoun names no one
    ("It is clear that", None),
    ("The weather was fine and", None),
    # A name joins its next part over "for the", "of the".
    ("According to the Office for the Coordination of Humanitarian Affairs,",
     "Office for the Coordination of Humanitarian Affairs"),
    # A name set off by commas before the verb is the speaker.
    ("The President of the General Assembly, Philemon Yang, noted:", "Philemon Yang"),
    ("the then President of Armenia, Serzh Sargsyan, admitted that", "Serzh Sargsyan"),
    ("El Secretario General señaló", "Secretario General"),  # the article goes
    ("Le Secrétaire général a déclaré", "Secrétaire général"),  # a French title keeps its adjective
    ("Le Monde reported that", "Le Monde"),  # an article that is part of a name stays
]


# Real sentences from the corpus, one for each construction of the grammar.
CONSTRUCTIONS = [
    # The subject of the main clause gives the grounds it acted on (S/2025/342).
    ("On 6 December, the Minister of Territorial Administration signed five decrees, banning two civil society "
     "organizations and suspending the activities of three others on the grounds of",
     "Minister of Territorial Administration"),
    # A text as the source, kept as written.
    ("The final communiqué condemned", "final communiqué"),
    # A paragraph of a text is the text speaking (TD/B/CN.4/48).
    ("(iii) Paragraph 68 of the Cartagena Commitment requests the Trade and Development Board to",
     "Cartagena Commitment"),
    ("En ce qui concerne les minorités linguistiques nationales, l’article 6 de la Constitution italienne dispose:",
     "Constitution italienne"),
    # An adverbial set off by commas between the subject and the verb.
    ("The Standing Committee on Developing Services Sectors/Shipping, at its second session, requested the "
     "secretariat", "Standing Committee on Developing Services Sectors/Shipping"),
    ("In that connection, the Government of Lebanon, in its ministerial statement, stated that",
     "Government of Lebanon"),
    # "which": the name before the relative clause, over a participle and a date.
    ("The session had been convened following the resolution adopted by the UN/IMO Conference of "
     "Plenipotentiaries on a Convention on Maritime Liens and Mortgages, which, having adopted the International "
     "Convention on Maritime Liens and Mortgages, 1993, recommended that",
     "UN/IMO Conference of Plenipotentiaries on a Convention on Maritime Liens and Mortgages"),
    # A relative clause runs on over the names in it: its antecedent speaks, not the President it names.
    ("Jirair Libaridian, who was chief adviser to the first President of Armenia, Levon Ter-Petrossian, at the "
     "time of the Khojaly massacre, admitted that", "Jirair Libaridian"),
    ("Moreover, Swedish Prime Minister Carl Bildt, who served as the first HR, has said,",
     "Swedish Prime Minister Carl Bildt"),
    ("The Israeli occupying forces carried out the attacks at the behest of the war criminal Israeli Prime "
     "Minister, who not only openly threatened the use of force, but publicly declared intent to act",
     "Israeli Prime Minister"),
    # The source stands apart from its verb: "where he clearly states" reaches back to the name.
    ("the then Secretary-General, Kofi Annan, in his report to the Security Council dated 5 May 2005 "
     "(S/2005/300), where he clearly states", "Kofi Annan"),
    ("On 13 March, the Deputy Presidential Special Envoy of the United States for the Middle East, Morgan Ortagus, "
     "announced that", "Morgan Ortagus"),
    ("The Secretary-General of Hizbullah, Naim Qassem, stated on 14 December that,", "Naim Qassem"),
    # A possessor of words.
    ("President Ter-Petrosyan’s admission includes the following unambiguous statement:", "President Ter-Petrosyan"),
    ("Without further comment, we present the relevant excerpt of President Ter-Petrosyan’s statement as it was:",
     "President Ter-Petrosyan"),
    # A text of an organ named nearer the quotation than the speaker who cites it.
    ("Regarding the selection of a Secretary-General who is a woman, the ACT Group welcomes the acknowledgment of "
     "this historical disparity in General Assembly resolution 77/335, in paragraph 77:", "General Assembly"),
    ("Egipto rechaza categóricamente estos actos ilegales de Etiopía, que hace caso omiso de la declaración de la "
     "Presidencia del Consejo de Seguridad de 15 de septiembre de 2021 (S/PRST/2021/18), en la que se impartía a "
     "Egipto, el Sudán y Etiopía la instrucción de", "Consejo de Seguridad"),
    ("In paragraph 4 of its resolution 981 (1995) of 31 March 1995, the Security Council requested me to continue "
     "my consultations with all concerned, as set out in paragraph 3 of that resolution,", "Security Council"),
    ("It is also important to recall that the Security Council demanded that", "Security Council"),
    # "as reported by X", with another clause between it and the quotation.
    ("In fact, as reported by the United Nations Children’s Fund (UNICEF), Israel’s attacks on 18 March caused the",
     "United Nations Children’s Fund (UNICEF)"),
    ("Moreover, according to the Working Group,", "Working Group"),
    # A named role kept as written; a symbol after it goes.
    ("Following the meeting, the Special Rapporteur on the situation of human rights in Myanmar stated that",
     "Special Rapporteur on the situation of human rights in Myanmar"),
    ("On 16 January, the President of the Security Council (S/PRST/2025/1) stated:",
     "President of the Security Council"),
    ("In a letter dated 20 September 2024 addressed to the Secretary-General and the President of the Security "
     "Council (S/2024/685), the Chargé d’affaires a.i. of the Permanent Mission of Lebanon to the United Nations "
     "stated that this", "Chargé d’affaires a.i. of the Permanent Mission of Lebanon to the United Nations"),
    ("The then caretaker Syrian authorities stated that", "then caretaker Syrian authorities"),
    ("Latvian Defense Minister A. Pabriks said in this regard:", "Latvian Defense Minister A. Pabriks"),
    # The verb inside the speaker's words set off by commas.
    ("Every decision Mr. Schmidt makes, Mr. Petritsch said,", "Mr. Petritsch"),
    ("The OHR, Mr. Popp wrote, is", "Mr. Popp"),
    ("In its order of 7 December 2021, the Court made it clear that it", "Court"),
    ("Noting the opinion of the Secretary-General that", "Secretary-General"),
    # A participle reports the words of the main clause's subject.
    ("Former HR Wolfgang Petritsch has also long urged the closure of the OHR, saying that the HR today is",
     "Former HR Wolfgang Petritsch"),
    ("Mayor of Šiauliai, A. Visotskas, had previously made an odious comment on this issue, stating that",
     "A. Visotskas"),
    # "As X reported,"; a description set off after the name; a role with its remit in lower case.
    ("As Balkan Insight reported,", "Balkan Insight"),
    ("Nedim Ademovic, former chief of staff of the BiH Constitutional Court’s president, said,", "Nedim Ademovic"),
    ("Similarly, on 12 February, the spokesperson of the Israel Defense Forces for Arab media stated that",
     "spokesperson of the Israel Defense Forces for Arab media"),
    ("For example, Mr. Parish has written,", "Mr. Parish"),
    ("The BiH Constitution explicitly provides,", "BiH Constitution"),
    # A noun after a determiner is not a verb: "its rules" does not govern the quotation.
    ("In paragraph 1 of its resolution 57/301, the General Assembly decided to amend rule 1 of its rules of "
     "procedure to read:", "General Assembly"),
    # A verb that takes its hearer first (A/79/947-S/2025/372).
    ("In response to the incidents from 3 to 5 March, the Embassy of Pakistan in Afghanistan informed UNAMA in "
     "writing that", "Embassy of Pakistan in Afghanistan"),
    # "As announced by X", with the clause that quotes the commitments between (S/2025/153).
    ("24. As announced by the United States of America and France on 26 November, the commitments related to a "
     "cessation of hostilities included that, within a 60-day period,", "United States of America and France"),
    # A role in lower case before the name after "according to" (A/79/924-S/2025/351).
    ("According to journalist A. Stefanov, it cannot be that", "A. Stefanov"),
    # A text named with its subject in lower case and its symbol (S/2025/232).
    ("With regard to the statement of the Greek Cypriot representative about the UNFICYP mandate, it should be "
     "recalled that the Brahimi report on peacekeeping operations (A/55/305–S/2000/809) clearly states that",
     "Brahimi report on peacekeeping operations"),
    # Adjectives before a head, and a head that names an office (A/79/924-S/2025/351).
    ("A few days later, a mass grave of Soviet soldiers was dug up in the Tukum region, but their remains were moved "
     "to another location. Local municipal authorities stated:", "Local municipal authorities"),
    # Hearsay: the subject of "was reported to have stated" still speaks (S/2025/153).
    ("The Israel Defense Forces were reported to have stated on 20 November that their operations were",
     "Israel Defense Forces"),
    # A person of a paper speaks, not the paper (S/2025/284).
    ("As Michael Martens of the leading German daily Frankfurter Allgemeine Zeitung wrote,", "Michael Martens"),
    # French: a verb of a text ("pose"), a participle set off with its date, "d'après" with a straight apostrophe,
    # a name's adjective after its noun (A/HRC/WG.6/7/ITA/1 in French, E/ICEF/672 (Part II)).
    ("L’article 13 de la Constitution italienne pose, entre autres, que", "Constitution italienne"),
    ("L’article 51 de la Constitution italienne, amendé en 2003, dispose désormais que", "Constitution italienne"),
    ("11. Au cours de la décennie, d'après le Président de la Banque mondiale, dans les pays à faible revenu,",
     "Président de la Banque mondiale"),
    # Naming something in one's own words (A/79/924-S/2025/351, S/2017/95/Rev.1).
    ("At a meeting of the City Council, mayor R. Šimasius called the monument", "R. Šimasius"),
    ("The Serbian Democracy Party in Kosovo called the operations a", "Serbian Democracy Party in Kosovo"),
    # A body that gives a mandate in its own words (S/2014/773).
    ("On 29 September, the Council of the European Union mandated EULEX to", "Council of the European Union"),
    # No one named: a passive without its agent, the sender's own government, a pronoun with nothing before it.
    ("(v) With regard to the working of the Standing Committees, the following conclusion was recommended:", None),
    ("For all these reasons, my Government urges the Security Council to meet as a matter of urgency and to act "
     "decisively and immediately, inter alia, to:", None),
    ("In a speech on 4 January, he stated that", None),
]


@pytest.mark.parametrize(("text", "who"), ATTRIBUTIONS + CONSTRUCTIONS)
def test_attribution(text: str, who: str | None) -> None:
    assert attribution(text) == who


def test_you_is_the_addressee() -> None:
    # In a letter addressed to the Secretary-General, "your report" is his.
    ctx = Context(addressee="Secretary-General")
    assert attribution("it has been recorded in your latest report (S/2025/100) that", ctx) == "Secretary-General"
    ctx = Context(addressee="President of the Security Council")
    text = ("I was deeply shocked and disturbed by your recent remarks during the Security Council briefing on "
            "Tuesday, 13 May, in which you stated,")
    assert attribution(text, ctx) == "President of the Security Council"
    assert attribution(text) is None  # no addressee known: no one


def test_a_pronoun_takes_the_source_before() -> None:
    ctx = Context(last_source="Mr. Qassem")
    assert attribution("In a speech on 4 January, he stated that", ctx) == "Mr. Qassem"
    # A scene-setting phrase names no speaker, even with a name in it.
    assert attribution("In a letter to the Secretary-General, he stated that", ctx) == "Mr. Qassem"


# "he" after a sentence whose subject is a person (S/2025/284), or that names one person by an initial
# (A/79/924-S/2025/351); a quotation further back, with a sentence without one between, is no antecedent.
HE_SHE = [
    ("39. Carl Bildt, who served as the first HR, has long called for the OHR to be abolished. As he said in 2023,",
     "Carl Bildt"),
    ("The initiator of this barbaric action was vice-mayor of the city, E. Ratnieks. He stated that the statue "
     "symbolized", "E. Ratnieks"),
    ("A few days later, the former mayor of the Krustpils region, G. Kalve, in an interview with the scandalous "
     "journalist E. Veidemane, transparently hinted that it was he who stole the cannon and threw it into the "
     "river. Also in the interview he confidently stated that the cannon will not return to the pedestal, because",
     None),
]


@pytest.mark.parametrize(("text", "who"), HE_SHE)
def test_he_or_she_is_the_person_of_the_sentence_before(text: str, who: str | None) -> None:
    # In a document, the sentence before is part of the context; a quotation two sentences back is not near.
    assert attribution(text, Context(last_source="Latvian Defense Minister A. Pabriks", source_near=False)) == who


# --- Spans: every language's marks, nesting, apostrophes ------------------------------------

SPANS = [
    ("He said “a ‘b’ c” and left.", ["a ‘b’ c"]),
    ("l’article 6 dispose: «La République protège „les minorités“ linguistiques».",
     ["La République protège „les minorités“ linguistiques"]),
    ('recommended that "the relevant bodies of UNCTAD and IMO reconvene".', ["the relevant bodies of UNCTAD and IMO "
                                                                           "reconvene"]),
    ("President Ter-Petrosyan’s “admission” and the group’s “view”", ["admission", "view"]),
    ("по теме «Методы работы Совета Безопасности» в связи", ["Методы работы Совета Безопасности"]),
    ("an opening “ that never closes", []),
]


@pytest.mark.parametrize(("text", "spans"), SPANS)
def test_quote_spans(text: str, spans: list[str]) -> None:
    assert [text[s.start : s.end] for s in quote_spans(text)] == spans


# A quotation that follows these words is a title or a term, not somebody's words.
TITLES = [
    "the high-level political forum under the auspices of the Economic and Social Council on the theme",
    "the resolution A/RES/78/234 (2023) titled",
    "заявления Группы, сделанного в ходе открытых прений, проведенных 11 марта 2024 года по теме",
    "as documented in the March 2024 report published by the UN Commission of Human Rights in South Sudan on",
    # The name of a text or a thing straight after its noun (A/79/898-S/2025/281, A/79/924-S/2025/351).
    "vote against the annual United Nacion General Assembly resolution",
    "On 20 April 2023, the law",
    "Overnight on 23 February 2023, a memorial plaque with the inscription",
    "such as Act No. 38/2009",
]


@pytest.mark.parametrize("before", TITLES)
def test_titles_are_not_quotations(before: str) -> None:
    assert is_title(before)


def test_title_case_is_a_title() -> None:
    assert is_title_case("The Place of General Average in Marine Insurance Today")
    assert not is_title_case("the population of the valley has been without water for months")


# --- Quotations in small documents ------------------------------------------------------------

LETTER = HEAD + """I have the honour to refer to the situation in the region, which has been described in
detail by the Commission of Inquiry in its latest report to the Human Rights Council.
In its report of 1997, Human Rights Watch/Helsinki responded as follows:
“The forces had a duty to ensure the safety of the civilians who fled the town, and
they failed to do so during the night of the attack.”1
The Memorial Human Rights Centre stated the following:
• “Civilians were fired upon while fleeing across open territory.”
• “The corridor promised to the people was not respected.”2
The Special Rapporteur said that “the population of the valley has been without water
for several months and the authorities took no steps at all”.3 The Government rejects
these findings.
I should be grateful if you would have the present letter circulated as a document of
the Security Council.
(Signed) Maria Example
Ambassador

__________________
1 Letter dated 24 March 1997 from Human Rights Watch/Helsinki.
2 Memorial Human Rights Centre, report of 1992.
3 A/HRC/60/30, para. 22.

25-01234 (E)
\f"""


@pytest.fixture(scope="module")
def quotes() -> list[Quote]:
    return unref.parse(text=LETTER).quotes


# (how the quotation starts, who said it, its footnote, a block quotation?)
QUOTES = [
    # A block after an intro that ends with ":"; its own marker closes it.
    ("The forces had a duty", "Human Rights Watch/Helsinki", "1", True),
    # Bulleted quotations share the footnote of the last bullet.
    ("Civilians were fired upon", "Memorial Human Rights Centre", "2", True),
    ("The corridor promised", "Memorial Human Rights Centre", "2", True),
    # An inline quotation takes the next marker as its footnote.
    ("the population of the valley", "Special Rapporteur", "3", False),
]


@pytest.mark.parametrize(("start", "who", "footnote", "block"), QUOTES)
def test_quote(quotes: list[Quote], start: str, who: str, footnote: str, block: bool) -> None:
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text[:40] for q in quotes]
    q = found[0]
    assert (q.attributed_to, q.footnote, q.block) == (who, footnote, block)
    assert "“" not in q.text and "”" not in q.text  # quotation marks are not part of the quotation
    assert "•" not in q.text


def test_inline_quote_offsets(quotes: list[Quote]) -> None:
    doc = unref.parse(text=LETTER)
    q = next(q for q in doc.quotes if not q.block)
    paragraph = doc.paragraph(q.location)
    assert paragraph is not None
    assert paragraph.text[q.start:q.end] == q.text


def test_no_quotes_without_a_speaker() -> None:
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.\n"
        "The so-called “humanitarian corridor across the valley and the mountains beyond it”\n"
        "was never opened.\n\f"
    )
    assert unref.parse(text=text).quotes == []


def test_a_short_inline_quotation_is_not_a_quote() -> None:
    # Fewer than six words: a term in quotation marks, not a quotation.
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.\n"
        "The Special Rapporteur stated that the “so-called corridor” was never opened at all.\n\f"
    )
    assert unref.parse(text=text).quotes == []


def test_quotation_in_a_footnote() -> None:
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.1\n"
        "\n__________________\n"
        "1 The Commission stated that “the borders remained closed throughout the period under\n"
        "  review and no aid reached the valley”.\n\f"
    )
    found = unref.parse(text=text).quotes
    assert [(q.location, q.attributed_to, q.footnote) for q in found] == [("fn:1", "Commission", "1")]
    assert found[0].text.startswith("the borders remained closed")


# --- What is not a quotation ------------------------------------------------------------------


def test_the_senders_own_list_is_not_a_quotation() -> None:
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.\n"
        "In accordance with those principles, the Government of Utopia reaffirms the following:\n"
        "• The armed forces always adhere to the rules of engagement and strive to protect civilians.\n"
        "• The Government will ensure that humanitarian aid reaches every part of the region.\n"
        "For all these reasons, my Government urges the Security Council to act, inter alia, to:\n"
        "1. Impose targeted sanctions on those responsible for the attacks on the civilians.\n\f"
    )
    assert unref.parse(text=text).quotes == []


def test_a_run_of_quotations_keeps_its_source() -> None:
    # "“…” and called for “…”": the second quotation has the subject of the first (S/2025/342).
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.\n"
        "The final communiqué condemned “the armed group supported by the neighbouring State” and\n"
        "called for the “immediate withdrawal of the foreign forces from the national territory”.\n\f"
    )
    found = unref.parse(text=text).quotes
    assert [(q.text[:20], q.attributed_to) for q in found] == [
        ("the armed group supp", "final communiqué"), ("immediate withdrawal", "final communiqué")]


def test_a_title_in_quotation_marks_is_not_a_quotation() -> None:
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.\n"
        "The Secretary-General stated in his report entitled “Our Common Agenda for the peoples of the\n"
        "United Nations and the world” that the situation was grave.\n\f"
    )
    assert unref.parse(text=text).quotes == []


def test_a_paragraph_opening_with_a_title_is_not_a_block_quotation() -> None:
    # The title's opening mark ended the line before: the paragraph starts inside it (S/2025/114).
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.\n"
        "The Council discussed the matter as follows:\n"
        "\n"
        "“The Russian Federation-Ukraine Conflict and the Region” with the participation of many States\n"
        "and organizations of the region, which took the floor in turn.\n\f"
    )
    assert unref.parse(text=text).quotes == []
