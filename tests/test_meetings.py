"""Meetings named by number are citations of their records (GOLD.md), and written symbols
of every series cited through the whole stage (unref.cite)."""

from __future__ import annotations

import pytest

from unref.cite import cite
from unref.model import Document, Metadata, Paragraph


def _targets(*paragraphs: str, symbols: tuple[str, ...] = ()) -> list[str | None]:
    doc = Document(
        source=None,
        format="text",
        metadata=Metadata(symbols=list(symbols), language="en"),
        paragraphs=[Paragraph(f"p{i}", "body", text, 1) for i, text in enumerate(paragraphs, 1)],
    )
    return [c.target for c in cite(doc) if c.kind == "un_symbol"]


COUNCIL = ("S/2025/411",)
ASSEMBLY = ("A/80/1",)

MEETINGS = [
    # the organ named after "At its ...", in the same sentence
    ("At its 9877th meeting, held in private on Wednesday, 12 March 2025, the Security Council considered the item.",
     ASSEMBLY, ["S/PV.9877"]),
    # the organ named before "at its", far back in the sentence (summary statements)
    ("The Security Council resumed its consideration of the item at its 4575th meeting, held on 17 July 2002.",
     ASSEMBLY, ["S/PV.4575"]),
    # meetings in a list
    ("The Security Council considered the item at its 4575th and 4576th meetings.", ASSEMBLY,
     ["S/PV.4575", "S/PV.4576"]),
    ("the 4575th, 4577th and 4578th meetings of the Security Council", ASSEMBLY,
     ["S/PV.4575", "S/PV.4577", "S/PV.4578"]),
    # a summary statement lists each meeting on a line of its own
    ("6171st meeting, held on 27 July 2009.", COUNCIL, ["S/PV.6171"]),
    ("6171st meeting, held on 27 July 2009.", ASSEMBLY, []),
    # "its" is another body's
    ("At its 3rd meeting, under agenda item 3 as a whole, the Commission held a panel discussion.", COUNCIL, []),
    ("The Security Council met. At its 12th meeting, the Committee decided to act.", COUNCIL, []),
    ("views held at the 312th and 313th meetings of the Special Committee, on 18 February", COUNCIL, []),
    ("The meeting was preceded by the Council\u2019s 1254th meeting in Kinshasa.", COUNCIL, []),
    # a resolution's adoption line is metadata
    ("Adopted by the Security Council at its 9928th meeting, on 30 May 2025", COUNCIL, []),
]


@pytest.mark.parametrize(("text", "symbols", "expected"), MEETINGS)
def test_meetings(text: str, symbols: tuple[str, ...], expected: list[str]) -> None:
    assert _targets(text, symbols=symbols) == expected


WRITTEN = [
    ("report of the Joint Inspection Unit (JIU/REP/2023/3).", ["JIU/REP/2023/3"]),
    ("is contained in TD/40(2)/L.7 and Add.1.", ["TD/40(2)/L.7", "TD/40(2)/L.7/Add.1"]),
    ("on the draft Convention; [A/CONF.162/3/Add.1-3]",
     ["A/CONF.162/3/Add.1", "A/CONF.162/3/Add.2", "A/CONF.162/3/Add.3"]),
    ("the Secretary-General (A/79/620S/2024/841), the", ["A/79/620", "S/2024/841"]),
    ("the reports in E/CN.9/2025/5 and 6.", ["E/CN.9/2025/5", "E/CN.9/2025/6"]),
    # number-slash forms that are not symbols
    ("on 12/2024, pages 4/14, 24/7 and 2/3 of https://undocs.org/en/A/79/796", []),
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN)
def test_written_symbols(text: str, expected: list[str]) -> None:
    assert _targets(text, symbols=ASSEMBLY) == expected


def test_summary_statement() -> None:
    # The form of the Secretary-General's weekly summary statements (S/2006/10/Add.21 and the like).
    paragraphs = (
        "The situation in the Middle East (see S/9427 and Corr.1, S/10855/Add.15, 16 and 44; S/11185/Add.14-16,"
        " 42/Rev.1 and 47; S/19420/Add.22 and Corr.1, 30 and 50; see also S/19420/Add.51)",
        "The Security Council resumed its consideration of the item at its 5443rd meeting, held on 24 May 2006"
        " in accordance with the understanding reached in its prior consultations.",
        "6171st meeting, held on 27 July 2009.",
    )
    assert _targets(*paragraphs, symbols=("S/2006/10/Add.21",)) == [
        "S/9427", "S/9427/Corr.1", "S/10855/Add.15", "S/10855/Add.16", "S/10855/Add.44", "S/11185/Add.14",
        "S/11185/Add.15", "S/11185/Add.16", "S/11185/Add.42/Rev.1", "S/11185/Add.47", "S/19420/Add.22",
        "S/19420/Add.22/Corr.1", "S/19420/Add.30", "S/19420/Add.50", "S/19420/Add.51", "S/PV.5443", "S/PV.6171",
    ]
