"""Non-quotations: quotation marks or blocks that are not somebody's words (issue 14).

A quotation is a claim about who said what: one that is wrong is worse than none. Each case is a
short letter whose body holds one construction seen in the corpus, and none may give a quotation:
a title, a name, a term, an agenda item, a list item or the sender's own words.
"""

from __future__ import annotations

import pytest

import unref
from letterhead import HEAD

TAIL = """
I should be grateful if you would have the present letter circulated as a document of
the Security Council.
(Signed) Maria Example
Ambassador
"""

NOTES = """
__________________
1 UN News, “Haiti: Over 20,000 flee as gang violence spurs mass displacement”, 18 November 2024.
2 See Human Rights Watch, “Haiti: escalating violence puts population at grave risk”, 17 April 2025.

25-01234 (E)
\f"""

# (why it is not a quotation, the body of the letter)
NON_QUOTES = [
    # A title after "entitled" (A/79/898-S/2025/281).
    ("title", "I have the honour to transmit herewith the report by the Ministry of Foreign Affairs entitled “Eighty "
              "years after the Great Victory: Europe has once again fallen in the trap of history”."),
    # A resolution's title straight after its noun (A/79/898-S/2025/281).
    ("resolution title", "European countries vote against the annual General Assembly resolution “Combating "
                         "glorification of Nazism, neo-Nazism and other practices that contribute to fuelling "
                         "contemporary forms of racism”."),
    # A law's name (A/79/924-S/2025/351).
    ("law", "On 20 April 2023, the law “On Prohibition of Certain Public Events on 9 May and other dates” was "
            "adopted, according to which the Latvian authorities acted."),
    # An inscription (A/79/924-S/2025/351).
    ("inscription", "Overnight on 23 February 2023, a memorial plaque with the inscription “To the Liberating Soviet "
                    "Army from the Grateful Bulgarian People” was desecrated, the Ministry stated."),
    # A theme of a debate (S/2025/141).
    ("theme", "Denmark will organize a high-level open debate in the Security Council on the theme “Advancing "
              "adaptability in United Nations peace operations: responding to current and future challenges”."),
    # An agenda item's title.
    ("agenda item", "The Secretary-General stated this under agenda item 68, “Promotion and protection of human "
                    "rights and fundamental freedoms in every region”."),
    # A term taken up in the text, fewer words than somebody's words (S/2025/284).
    ("term", "It is sometimes claimed that the High Representative was given despotic “Bonn powers” by the Peace "
             "Implementation Council, as the Council said."),
    # The sender's own words (my Government).
    ("sender", "For all these reasons, my Government urges the Security Council “to meet as a matter of urgency and "
               "to act decisively and immediately”."),
    # The sender's own list after a colon, enumerated.
    ("own list", "My Government calls upon the Security Council:\n(a) “To condemn the attacks on civilians in the "
                 "strongest possible terms without delay”;\n(b) To act now."),
    # A paragraph that opens with quoted words and goes on (an amendment, S/2025/114).
    ("fragment block", "The following amendment was proposed by the delegation:\n“the Russian Federation-Ukraine "
                       "conflict” with\n“the war against Ukraine”."),
    # A title in title case.
    ("title case", "The Special Rapporteur stated “The Place Of General Average In Marine Insurance Today” in his "
                   "study."),
]


@pytest.mark.parametrize(("why", "body"), NON_QUOTES, ids=[w for w, _ in NON_QUOTES])
def test_not_a_quotation(why: str, body: str) -> None:
    doc = unref.parse(text=HEAD + body + "\n" + TAIL + NOTES)
    assert [(q.text, q.attributed_to) for q in doc.quotes] == []


def test_titles_in_footnotes_are_not_quotations() -> None:
    # "Author, “Title”, date": a publication cited in a note names no speaker (S/2025/85, S/2025/303).
    doc = unref.parse(text=HEAD + "Gangs displaced thousands.1 The population is at risk.2\n" + TAIL + NOTES)
    assert [n.label for n in doc.footnotes] == ["1", "2"]
    assert doc.quotes == []
