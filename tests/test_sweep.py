"""The signal counters of bench/sweep.py, on small hand-written records (no corpus)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from benchmods import load_bench


@pytest.fixture(scope="module")
def sweep() -> ModuleType:
    return load_bench("sweep")


def kinds(found: list[tuple[str, int]]) -> list[str]:
    return [k for k, _ in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("He said: “We will not accept it.”", []),
    ("« Le Conseil de sécurité » a décidé", []),
    ("„Внешняя политика“ и «мир»", []),
    ("«Он сказал „нет“»", []),
    ("“The Security Council, Recalling its resolution 242 (1967),", ["unpaired_curly"]),
    ("the so-called referendum” held in", ["unpaired_curly"]),
    ("« une phrase sans fin", ["unpaired_guillemets"]),
    ("„ohne Ende", ["unpaired_low9"]),
    ('the "Republic of Artsakh" and the "regime', ["odd_straight"]),
    ('the "Republic of Artsakh"', []),
    ("“outer « inner ” text", ["unpaired_guillemets"]),  # the closing ” skips over an open «
    # A quotation of several paragraphs joined in one text (a footnote): each opens, the last closes.
    ("para. 6): “NPOs are at risk. Without prejudice to recommendation 1: “(a) Countries should identify NPOs. "
     "“(b) Countries should assess them.”", []),
    ("« Premier paragraphe. « Second et dernier. »", []),
    ("He said “one thing and “another”", ["unpaired_curly"]),  # no sentence end before the second “
    ("“Not closed. Then “a quote” here", ["unpaired_curly"]),  # the next “ follows no sentence end
])
def test_unpaired_quotes(sweep: ModuleType, text: str, expected: list[str]) -> None:
    assert kinds(sweep.unpaired_quotes(text)) == expected


def test_unpaired_quote_offsets(sweep: ModuleType) -> None:
    assert sweep.unpaired_quotes("a ” b “ c") == [("unpaired_curly", 2), ("unpaired_curly", 6)]


def record(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {"language": "en", "paragraphs": [], "footnotes": [], "footnote_refs": [],
                               "citations": [], "quotes": []}
    base.update(kw)
    return base


def test_marker_note_mismatch(sweep: ModuleType) -> None:
    rec = record(
        paragraphs=[{"id": "p1", "text": "As stated in the report,1 and again,3 the Council"}],
        footnotes=[{"id": "fn1", "label": "1", "text": "S/2025/1.", "page": 1},
                   {"id": "fn2", "label": "2", "text": "A/79/2.", "page": 1},
                   {"id": "fn4", "label": "4", "text": "Linked by id.", "page": 2}],
        footnote_refs=[{"label": "1", "paragraph": "p1", "offset": 24, "footnote": "fn1"},
                       {"label": "3", "paragraph": "p1", "offset": 37, "footnote": None},
                       {"label": "x", "paragraph": "p1", "offset": 40, "footnote": "fn4"}],
    )
    refs, notes = sweep.marker_mismatches(rec)
    assert len(refs) == 1 and refs[0].startswith("marker 3 in p1")
    assert len(notes) == 1 and notes[0].startswith("note 2 (p. 1): A/79/2.")  # fn4 is linked by id


def test_analyse_counts(sweep: ModuleType) -> None:
    rec = record(
        paragraphs=[{"id": "p1", "text": "The Council recalled “its resolution and the secretariatt of the Committee."},
                    {"id": "p2", "text": "Signed by Kyslytsya; see https://dsns.gov.ua/news/nadzvicaini-podiyi ."}],
        quotes=[{"text": "a", "location": "p1", "attributed_to": None},
                {"text": "b", "location": "p1", "attributed_to": "Secretary-General"}],
        citations=[{"kind": "un_resolution", "text": "resolution 1701", "location": "p1", "resolved": False,
                    "target": None, "reason": "the resolution is named without its year or session"},
                   {"kind": "un_symbol", "text": "S/2025/1", "location": "p1", "resolved": True,
                    "target": "S/2025/1", "reason": None}],
    )
    counts, examples = sweep.analyse(rec)
    assert counts["unpaired_curly"] == 1
    assert counts["quotes_without_source"] == 1
    assert counts["unresolved"] == 1
    assert counts["unresolved:un_resolution: the resolution is named without its year or session"] == 1
    assert counts["cit:un_symbol"] == 1 and counts["citations"] == 2
    # "secretariatt" and the name are stray; the words of the address are not
    assert counts["stray_words"] == 2 and counts["stray_words_lower"] == 1
    assert "secretariatt" in examples["stray_words_lower"][0]


def test_stray_words_repeat_and_capitals(sweep: ModuleType) -> None:
    rec = record(paragraphs=[{"id": "p1", "text": "Zzqx and zzqx; UNAMAX said so; the qwzv report."}])
    assert [w for w, _ in sweep.stray_words(rec)] == ["qwzv"]


def test_quotation_of_several_paragraphs(sweep: ModuleType) -> None:
    rec = record(paragraphs=[{"id": "p1", "text": "“First paragraph of a quotation,"},
                             {"id": "p2", "text": "“second and last.”"},
                             {"id": "p3", "text": "“Not continued."},
                             {"id": "p4", "text": "Plain text."}])
    counts, examples = sweep.analyse(rec)
    assert counts["unpaired_curly"] == 1 and examples["unpaired_curly"][0].startswith("p3:")


def test_pair_disagreement(sweep: ModuleType) -> None:
    pdf = sweep.pair_fields(record(symbols=["S/2025/1"], date="2025-01-02", title="Letter  dated\n2 January",
                                   citations=[{"kind": "url", "target": "https://www.un.org/a/"},
                                              {"kind": "un_symbol", "target": "S/RES/2334 (2016)"}]))
    text = sweep.pair_fields(record(symbols=["S/2025/1"], date="2025-01-03", title="Letter dated 2 January",
                                    citations=[{"kind": "url", "target": "http://un.org/a"}],
                                    footnotes=[{"label": "1", "text": "x"}]))
    diff = sweep.disagreements(pdf, text)
    assert set(diff) == {"date", "footnotes", "un_targets"}
    assert "S/RES/2334 (2016)" in diff["un_targets"]


def test_summarise_pairs_twins(sweep: ModuleType) -> None:
    fields = sweep.pair_fields(record(date="2025-01-02"))
    other = sweep.pair_fields(record(date=None))
    entries = {
        "dev/X.en.pdf": {"group": "pdf", "counts": {"files": 1}, "fields": fields},
        "dev/X.en.pdftotext.txt": {"group": "text", "counts": {"files": 1}, "fields": other},
        "dev/Y.en.pdf": {"group": "pdf", "counts": {"files": 1, "failed": 1}, "error": "boom"},
        "dev/Y.en.pdftotext.txt": {"group": "text", "counts": {"files": 1}, "fields": other},
    }
    result = sweep.summarise(entries, {"wall_seconds": 0, "workers": 1, "unref": "x"})
    assert result["pairs"] == 1 and result["disagreements"]["date"] == 1
    assert result["totals"]["pdf"]["failed"] == 1


def test_absent_corpus_exits_zero(sweep: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sweep.main(["--corpus", str(tmp_path / "nowhere")]) == 0
    assert "absent" in capsys.readouterr().out


@pytest.mark.parametrize(("text", "expected"), [
    ("people still lack access to electricity.1 More than", ["1"]),
    ("the Treaty on the Prohibition of Nuclear Weapons1", ["1"]),
    ("covering the period from16 July", ["16"]),
    ("the Council (S/1995/222 and Corr.1 and 2) and A/79/L.1/Rev.1", []),
    ("resolution 2334 (2016), paragraph 3; COVID-19; see https://un.org/page1 now", []),
])
def test_glued_digits(sweep: ModuleType, text: str, expected: list[str]) -> None:
    found = [text[at:].split()[0].rstrip(".,") for at in sweep.glued_digits(text)]
    assert found == expected


def test_glued_digits_units_and_ranges(sweep: ModuleType) -> None:
    assert sweep.glued_digits("about 280 km2 have been placed; CoE-ECRI, pp.9-39; JS5, pages.11-12") == []
