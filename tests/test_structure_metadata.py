"""Table tests for the metadata the body gives: the document's type by its rules, the signatories and the
request to circulate a letter."""

from __future__ import annotations

import pytest

from unref.model import Document, Line, Metadata, Paragraph
from unref.structure.masthead.metadata import _take_circulation, _take_signatory, doc_type, read_job_number


def document(symbols: list[str], title: str | None, *paragraphs: tuple[str, str]) -> Document:
    """Return a document with the masthead's symbols and title and paragraphs of (kind, text)."""
    md = Metadata(symbols=symbols, title=title)
    paras = [Paragraph(id=f"p{k}", kind=kind, text=text, page=1)  # type: ignore[arg-type]
             for k, (kind, text) in enumerate(paragraphs, 1)]
    return Document(source=None, format="text", metadata=md, paragraphs=paras)


@pytest.mark.parametrize(
    ("symbols", "title", "paragraphs", "kind"),
    [
        (["S/PV.9000"], None, (), "meeting_record"),
        (["E/2024/SR.12"], None, (), "meeting_record"),
        (["A/RES/79/1"], None, (), "resolution"),
        (["UNEP/EA.6/DEC/1"], None, (), "decision"),
        (["A/79/1"], "Identical letters dated 1 May 2024", (), "identical_letters"),
        (["A/79/1"], "Note verbale dated 1 May 2024", (), "note_verbale"),
        (["A/79/1"], "Observer status for the Union", (("title", "Letter dated 1 May 2024 from"),), "letter"),
        (["A/79/1"], "Note by the Secretary-General", (), "note"),
        (["A/79/1"], "Report of the Secretary-General on Somalia", (), "report"),
        (["A/79/1"], "Resolution adopted by the General Assembly", (), "resolution"),
        (["A/79/1"], "Provisional agenda", (), "agenda"),
        (["S/2024/1"], None, (("body", "Iraq: draft resolution"),), "draft_resolution"),
        (["A/C.3/79/L.1"], None, (("body", "Projet de résolution"),), "draft_resolution"),
        (["A/C.3/79/L.1"], None, (("body", "Draft decision submitted by the Chair"),), "draft_decision"),
        (["A/79/1"], "The situation in Africa", (("body", "Note by the Secretariat"),), "note"),
        (["A/79/1"], "Annual report on evaluation, 2024", (), "report"),
        (["A/79/1"], "The situation", (("title", "The situation"), ("body", "Progress report by the secretariat")),
         "report"),
        (["A/79/1"], "The situation in Africa", (), "other"),
        # A draft's heading over its title decides, whatever the title says.
        (["E/2025/L.5"], "Report of the Statistical Commission on its fifty-sixth session",
         (("heading", "Draft decision submitted by the Vice-President of the Council,"),
          ("title", "Report of the Statistical Commission on its fifty-sixth session")), "draft_decision"),
        (["A/79/L.5"], "Oceans and the law of the sea",
         (("heading", "Draft resolution submitted by the President"), ("title", "Oceans and the law of the sea")),
         "draft_resolution"),
        # A note's by-line names whoever wrote it.
        (["TD/B/71/2"], "Unlocking Africa’s trade potential",
         (("title", "Unlocking Africa’s trade potential"), ("body", "Note by the UNCTAD secretariat")), "note"),
        (["UNEP/EA.6/3"], "Ocean governance",
         (("title", "Ocean governance"), ("body", "Note by the Executive Director")), "note"),
        (["ECE/TRANS/WP.29/1175"], "Annotated provisional agenda for the 192nd session", (), "agenda"),
        ([], "The situation in Africa", (), None),
    ],
)
def test_doc_type(symbols: list[str], title: str | None, paragraphs: tuple[tuple[str, str], ...],
                  kind: str | None) -> None:
    doc = document(symbols, title, *paragraphs)
    assert doc_type(doc.metadata, doc) == kind


@pytest.mark.parametrize(
    ("text", "name", "title", "function"),
    [
        ("(Signed) John Smith\nAmbassador\nPermanent Representative\nof Utopia", "John Smith", "Ambassador",
         "Permanent Representative, of Utopia"),
        ("(Signed) John Smith", "John Smith", None, None),
    ],
)
def test_take_signatory(text: str, name: str, title: str | None, function: str | None) -> None:
    md = Metadata()
    _take_signatory(md, Paragraph(id="p9", kind="signature", text=text, page=2))
    assert [(s.name, s.title, s.function) for s in md.signatories] == [(name, title, function)]


@pytest.mark.parametrize(
    ("text", "organs", "items"),
    [
        ("I should be grateful if the present letter could be circulated as a document of the General Assembly,"
         " under agenda item 68, and of the Security Council.", ["General Assembly", "Security Council"],
         {"General Assembly": ["68"]}),
        ("The Council met to consider the question.", [], {}),
    ],
)
def test_take_circulation(text: str, organs: list[str], items: dict[str, list[str]]) -> None:
    md = Metadata()
    _take_circulation(md, Paragraph(id="p3", kind="body", text=text, page=1))
    assert md.organs == organs
    assert md.agenda_items == items
    assert (md.circulation is not None) is bool(organs)


@pytest.mark.parametrize(
    ("texts", "job"),
    [
        (("I have the honour", "25-02826 (E)    270225", "*2502826*"), "25-02826 (E)"),
        (("GE.24-12345(E)",), "GE.24-12345 (E)"),
        (("V.03-80680 (E) 270203 280203",), "V.03-80680 (E)"),
        (("25-05010X (E)", "080425"), "25-05010X (E)"),
        (("25-02826* (E) 110325",), "25-02826 (E)"),  # the star of a reissue
        (("GE.24-25555 (F) 120125 130125",), "GE.24-25555 (F)"),
        (("25-02826", "Page 2"), "25-02826"),  # a running foot's number alone
        (("25-02826", "25-02826 (E)"), "25-02826 (E)"),  # the number with its language mark first
        (("resolution 25-02826 of the text",), None),
        (("(Signed) John Smith",), None),
    ],
)
def test_read_job_number(texts: tuple[str, ...], job: str | None) -> None:
    assert read_job_number([Line(t, k * 100, 1) for k, t in enumerate(texts)]) == job
