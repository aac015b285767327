"""A small corpus for the web UI and REST API tests: generated UN letters that cite each other.

The letters are written as pdftotext leaves them (see fixtures/letter.txt): a masthead, a
letter with footnotes, a quotation and citations, and a job number. They form one thread
(S/2026/1 <- S/2026/2 <- S/2026/3), cite a resolution that is not in the corpus
(S/RES/822 (1993)), and one of them (S/2026/9) holds markup that must be shown as text.
A PDF letter (S/2025/999, from pdfgen) gives the reader a source file to link to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from unref.corpus.ingest import ingest
from unref.corpus.store import open_store

HOSTILE = "<script>alert(1)</script>"
BOLD = "<b>x</b>"


@dataclass(frozen=True)
class Letter:
    """A fixture letter: its symbol, date and the text of its body and notes."""

    symbol: str
    day: int  # of March 2026
    sender: str
    body: str
    notes: tuple[str, ...] = ()


LETTERS = (
    Letter("S/2026/1", 2, "Utopia", """I have the honour to draw your attention to the situation in the valley of
Arcadia, which has been described in detail by the Commission of Inquiry in its
report to the Council. 1 The Commission observed that the borders remained closed
throughout the period and that the humanitarian situation was grave.2
The Special Rapporteur stated the following:
“The population of the valley has been without water and electricity for several
months, and the authorities have taken no measures to restore either service.”3
I should be grateful if you would have the present letter circulated as a document
of the Security Council.""", (
        "See A/80/999, para. 12.",
        "See https://www.example.org/reports/2026/valley.pdf.",
        "Report of the Special Rapporteur on the right to water (A/HRC/61/40), para. 7.",
    )),
    Letter("S/2026/2", 9, "Arcadia", """I have the honour to refer to the letter dated 2 March 2026 from the Permanent
Representative of Utopia (S/2026/1) concerning the valley. My Government rejects
the allegations made in that letter. 1 The waterworks of the valley were restored
in full, as the Council was informed in its resolution 822 (1993).2
I should be grateful if you would have the present letter circulated as a document
of the Security Council.""", (
        "See S/RES/822 (1993), para. 3.",
        "Letter dated 2 March 2026 from the Permanent Representative of Utopia (S/2026/1).",
    )),
    Letter("S/2026/3", 16, "Utopia", """Further to my letter dated 2 March 2026 (S/2026/1), I have the honour to reply
to the letter dated 9 March 2026 from the Permanent Representative of Arcadia
(S/2026/2). The claims made in that letter are not supported by the facts on the
ground. 1 The Commission of Inquiry stated that “no water has reached the valley
since January”.2
I should be grateful if you would have the present letter circulated as a document
of the Security Council.""", (
        "See S/2026/2, para. 2.",
        "Report of the Commission of Inquiry (A/HRC/61/41), para. 9.",
    )),
    Letter("S/2026/9", 20, "Erewhon", f"""I have the honour to transmit the text {HOSTILE} that was posted on the
website of the Ministry, together with the marked-up fragment {BOLD} that it
carried. 1 The Ministry has since removed the page.
I should be grateful if you would have the present letter circulated as a document
of the Security Council.""", (
        f"The page read {HOSTILE} when it was seen.",
    )),
)


RESOLUTION = """S/RES/2799 (2026)

United Nations

Security Council

Distr.: General
25 March 2026

Resolution 2799 (2026)
Adopted by the Security Council at its 9999th meeting, on
25 March 2026
The Security Council,
Recalling its resolution 822 (1993) and taking note of the letters dated 2 March 2026
(S/2026/1) and 9 March 2026 (S/2026/2),
Gravely concerned by the humanitarian situation in the valley of Arcadia,
1.
Demands that water and electricity be restored to the valley without delay;
2.
Decides to remain seized of the matter.

26-04020 (E)

250326

*2604020*
"""

# A letter to both the General Assembly and the Security Council, under two agenda items.
DOUBLE = """A/81/5-S/2026/5

United Nations

General Assembly
Security Council

Distr.: General
27 March 2026
Original: English

General Assembly
Eighty-first session
Agenda items 12 and 34 (b)

Security Council
Eighty-first year

Maintenance of international peace and security

Letter dated 26 March 2026 from the Permanent Representative of
Utopia to the United Nations addressed to the Secretary-General
I have the honour to refer to Security Council resolution 2799 (2026) on the valley of
Arcadia and to my letter dated 16 March 2026 (S/2026/3). 1 My Government welcomes
the resolution and will cooperate with the Commission in full.
I should be grateful if you would have the present letter circulated as a document
of the General Assembly, under agenda items 12 and 34 (b), and of the Security Council.
(Signed) Maria Example
Ambassador
Permanent Representative

__________________

1 See S/RES/2799 (2026), para. 1.

26-04021 (E)

270326

*2604021*
"""


def letter_text(letter: Letter, n: int) -> str:
    """Return the letter as pdftotext leaves it, its notes under a rule and labelled by number."""
    notes = "\n".join(f"{i} {note}" for i, note in enumerate(letter.notes, 1))
    return f"""{letter.symbol}

United Nations

Security Council

Distr.: General
{letter.day} March 2026
Original: English

Letter dated {letter.day - 1} March 2026 from the Permanent Representative of
{letter.sender} to the United Nations addressed to the President of the Security Council
{letter.body}
(Signed) Maria Example
Ambassador
Permanent Representative

__________________

{notes}

26-{n:05d} (E)

{letter.day:02d}0326

*26{n:05d}*
"""


def write_corpus(folder: Path) -> list[Path]:
    """Write the fixture letters (and a PDF letter, when fpdf2 can) to `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, letter in enumerate(LETTERS, 1):
        path = folder / (letter.symbol.replace("/", "_") + ".txt")
        path.write_text(letter_text(letter, 4000 + n), encoding="utf-8")
        paths.append(path)
    for name, text in (("S_RES_2799_2026.txt", RESOLUTION), ("A_81_5-S_2026_5.txt", DOUBLE)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    try:
        import pdfgen
    except ImportError:  # fpdf2 missing: no PDF in the corpus
        return paths
    paths.append(pdfgen.letter(folder / "S_2025_999.pdf"))
    return paths


def build_store(folder: Path) -> str:
    """Write the fixtures to `folder`, ingest them into a SQLite corpus there; return its URL."""
    paths = write_corpus(folder / "files")
    url = f"sqlite:///{folder / 'corpus.db'}"
    with open_store(url) as store:
        result = ingest(paths, store)
    if result.failures:
        raise RuntimeError(f"fixture ingest failed: {[f.to_json() for f in result.failures]}")
    return url


_BUILT: dict[str, str] = {}


def shared_store(factory: pytest.TempPathFactory) -> str:
    """Return the URL of the fixture corpus, built once per test session."""
    if "url" not in _BUILT:
        _BUILT["url"] = build_store(factory.mktemp("serve"))
    return _BUILT["url"]
