"""Table tests for the citation rules drawn from documents the gold does not hold (issue 11): each case is a
sentence as a corpus document prints it."""

from __future__ import annotations

import pytest

from unref.cite import cite
from unref.cite import patterns as P
from unref.cite.named import _as_prose, _in_capitals
from unref.model import Document, Metadata, Paragraph


def _targets(text: str, symbols: tuple[str, ...] = (), organs: tuple[str, ...] = ()) -> list[str | None]:
    """Return the targets of the un_symbol and un_decision citations of a one-paragraph document."""
    md = Metadata(symbols=list(symbols), organs=list(organs), language="en")
    doc = Document(source=None, format="text", metadata=md, paragraphs=[Paragraph("p1", "body", text, 1)])
    return [c.target for c in cite(doc) if c.kind in ("un_symbol", "un_decision")]


# ---------------------------------------------------------------------------
# A title set in capitals names resolutions as prose does


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RESOLUTION 1038 (1996)", True),
        ("RESOLUTIONS 982 (1995)", True),
        ("DECISION 49/426", True),
        ("RÉSOLUTION 1038 (1996)", True),
        ("resolution 1038 (1996)", False),
        ("Resolution 1038 (1996)", False),
    ],
)
def test_in_capitals(text: str, expected: bool) -> None:
    kw = P.RES_KEYWORD_RE.match(text)
    assert kw is not None
    assert _in_capitals(kw) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TO HUMAN RIGHTS COUNCIL RESOLUTION", "to Human Rights Council Resolution"),
        ("OF THE ECONOMIC AND SOCIAL COUNCIL", "of the Economic and Social Council"),
        ("PURSUANT TO SECURITY COUNCIL RESOLUTIONS 982 (1995)", "Pursuant to Security Council Resolutions 982 (1995)"),
        ("DE LA RÉSOLUTION 1038 (1996) DU CONSEIL DE SÉCURITÉ", "de la Résolution 1038 (1996) du Conseil de Sécurité"),
    ],
)
def test_as_prose_keeps_offsets(text: str, expected: str) -> None:
    prose = _as_prose(text)
    assert prose == expected
    assert len(prose) == len(text)


@pytest.mark.parametrize(
    ("text", "symbols", "organs", "expected"),
    [
        # S/1995/444, S/1996/502: the report's title in capitals, the list's "AND" in capitals too.
        ("FURTHER REPORT OF THE SECRETARY-GENERAL PURSUANT TO SECURITY COUNCIL RESOLUTIONS 982 (1995) AND 987 (1995)",
         ("S/1995/444",), ("Security Council",), ["S/RES/982 (1995)", "S/RES/987 (1995)"]),
        ("REPORT OF THE SECRETARY-GENERAL PURSUANT TO SECURITY COUNCIL RESOLUTION 1038 (1996)",
         ("S/1996/502",), ("Security Council",), ["S/RES/1038 (1996)"]),
        # A/HRC/WG.6/7/ITA/1: the Council's name in capitals owns the session-form number.
        ("NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A) OF THE ANNEX TO HUMAN RIGHTS COUNCIL "
         "RESOLUTION 5/1", ("A/HRC/WG.6/7/ITA/1",), (), ["A/HRC/RES/5/1"]),
        # S/RES/1454 (2002), an annexed form's heading.
        ("SECURITY COUNCIL COMMITTEE ESTABLISHED BY RESOLUTION 661 (1990)", ("S/RES/1454 (2002)",),
         ("Security Council",), ["S/RES/661 (1990)"]),
        ("REPORT OF THE SECRETARY-GENERAL PURSUANT TO GENERAL ASSEMBLY RESOLUTION 48/218 B AND DECISION 49/426",
         ("A/50/1",), (), ["A/RES/48/218 B", "A/DEC/49/426"]),
        # The document's own heading stays metadata.
        ("RESOLUTION 842 (1993)", ("S/RES/842 (1993)",), ("Security Council",), []),
    ],
)
def test_titles_in_capitals(text: str, symbols: tuple[str, ...], organs: tuple[str, ...], expected: list[str]) -> None:
    assert _targets(text, symbols, organs) == expected


# ---------------------------------------------------------------------------
# The Assembly named in words keeps a roman session as printed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # S/RES/264 (1969) prints 2145 (XXII) for 2145 (XXI): the words name the Assembly, the symbol is as printed.
        ("Taking into account General Assembly resolution 2145 (XXII) of 27 October 1966 by which the General "
         "Assembly of the United Nations terminated the Mandate of South West Africa", ["A/RES/2145 (XXII)"]),
        ("Recalling General Assembly resolution 2625 (XXV), in the annex of which the Assembly proclaims",
         ["A/RES/2625 (XXV)"]),
        # S/RES/562 (1985): "XXVV" is no numeral, so no symbol is made of it.
        ("Recalling General Assembly resolution 2625 (XXVV), in the annex of which the Assembly proclaims", []),
        # A session after the roman era is another organ's: the Economic and Social Council's, named so.
        ("Economic and Social Council resolution 1503 (XLVIII)", ["E/RES/1503 (XLVIII)"]),
    ],
)
def test_assembly_roman_session_as_printed(text: str, expected: list[str]) -> None:
    assert _targets(text, ("S/RES/264 (1969)",), ("Security Council",)) == expected


# ---------------------------------------------------------------------------
# A decision numbered by year, in a document of the executive board that adopted it

_DP_BOARD = ("Executive Board of the United Nations Development Programme, the United Nations Population Fund and "
             "the United Nations Office for Project Services")
_UNICEF = ("Economic and Social Council", "Executive Board of the United Nations Children's Fund")


def _kinds(text: str, symbols: tuple[str, ...], organs: tuple[str, ...]) -> list[tuple[str, str | None]]:
    md = Metadata(symbols=list(symbols), organs=list(organs), language="en")
    doc = Document(source=None, format="text", metadata=md, paragraphs=[Paragraph("p1", "body", text, 1)])
    return [(c.kind, c.target) for c in cite(doc)]


@pytest.mark.parametrize(
    ("text", "symbols", "organs", "expected"),
    [
        # DP/OPS/2025/1: no organ named; the document is the Board's, and so is the decision.
        ("The impact level of the framework has been designed with a view to the fact that our role is not "
         "programmatic (decision 2023/4), and", ("DP/OPS/2025/1",), (_DP_BOARD,),
         [("other", "Executive Board decision 2023/4")]),
        # A UNICEF Board document: its series is the Council's (E/ICEF), its decisions by year are the Board's.
        ("The present report responds to decision 2024/5 on the evaluation function.", ("E/ICEF/2025/L.8",),
         _UNICEF, [("other", "Executive Board decision 2024/5")]),
        # The Council named in the words is the Council, in any document.
        ("pursuant to Economic and Social Council decision 2024/208", ("E/ICEF/2025/L.8",), _UNICEF,
         [("un_decision", "E/DEC/2024/208")]),
        # A Council document: the Council's.
        ("In line with decision 2024/208", ("E/2025/25",), ("Economic and Social Council",),
         [("un_decision", "E/DEC/2024/208")]),
        # The Board named in the words, as before.
        ("Recalling Executive Board decision 2017/21", ("DP/2025/14",), (_DP_BOARD,),
         [("other", "Executive Board decision 2017/21")]),
    ],
)
def test_decision_of_the_documents_board(
    text: str, symbols: tuple[str, ...], organs: tuple[str, ...], expected: list[tuple[str, str | None]]
) -> None:
    assert _kinds(text, symbols, organs) == expected


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # S/RES/434 (1978) opens with its own heading, its year misprinted: no citation, resolved or not.
        ("masthead", "Resolution 434 (1973)", []),
        ("heading", "Decision 1", []),
        # The same words in the body cite: "Resolution 1701" opening a paragraph of S/2025/153.
        ("body", "Resolution 1701 (2006) remains the basis", [("un_symbol", "S/RES/1701 (2006)")]),
    ],
)
def test_own_heading_is_no_citation(kind: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    md = Metadata(symbols=["S/RES/434 (1978)"], organs=["Security Council"], language="en")
    doc = Document(source=None, format="text", metadata=md, paragraphs=[Paragraph("p1", kind, text, 1)])
    assert [(c.kind, c.target) for c in cite(doc)] == expected


# ---------------------------------------------------------------------------
# A symbol alone on a masthead line names the document itself, never a document it cites


def _kind_targets(kind: str, text: str) -> list[str | None]:
    """Return the targets of the un_symbol citations of a one-paragraph document whose paragraph is of `kind`."""
    md = Metadata(symbols=["E/2025/8"], language="en")
    doc = Document(source=None, format="text", metadata=md, paragraphs=[Paragraph("p1", kind, text, 1)])
    return [c.target for c in cite(doc) if c.kind == "un_symbol"]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("masthead", "E/25", []),  # a session's label printed in the symbol block (E/2025/8)
        ("masthead", "S/1935/987", []),  # the document's own symbol, its year damaged by OCR
        ("masthead", "Item 5 of the provisional agenda: see A/79/150", ["A/79/150"]),
        ("body", "E/25", ["E/25"]),
    ],
)
def test_masthead_symbol_line(kind: str, text: str, expected: list[str]) -> None:
    assert _kind_targets(kind, text) == expected
