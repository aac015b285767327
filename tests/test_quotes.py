"""Quotations: who the text names as their source, and the footnote that closes them."""

from __future__ import annotations

from typing import Any

import pytest

import unref
from unref.model import Quote
from unref.quotes import attribution


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


@pytest.mark.parametrize(("text", "who"), ATTRIBUTIONS)
def test_attribution(text: str, who: str | None) -> None:
    assert attribution(text) == who


# --- Quotations in small documents ------------------------------------------------------------

HEAD = """S/2025/999

United Nations

Security Council

Distr.: General
3 March 2025
Original: English

Letter dated 2 March 2025 from the Permanent Representative of Utopia
to the United Nations addressed to the President of the Security Council
"""

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
