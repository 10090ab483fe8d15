"""The visit pack, written as PDF and as Word and read back (pypdf, python-docx): the documents
to request once each, grouped by area; the questions in the order a visit takes them; what
the user typed exactly as typed; Word's own heading styles and tables with header rows."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from ddwizard.core.assessment import Answer, Assessment, School, Trust, TrustReference
from ddwizard.core.qfile import load_questionnaire
from ddwizard.core.questionnaire import phase_key
from ddwizard.fileio import WriteError
from ddwizard.report import visit_pack_pdf
from ddwizard.report.visit_pack import VisitPackError, render_visit_pack, write_visit_pack
from ddwizard.resources import default_questionnaire_path

AREAS = (
    "curriculum_intent",
    "early_reading",
    "pedagogy",
    "behaviour",
    "safeguarding",
    "pastoral_care",
    "staff_hr",
    "ethos_values",
    "community",
)
SCHOOL = "Ysgol 😀 <b>Bryn</b> & Co שלום"
TRUST = "Trust &amp; <i>Friends</i> مرحبا بكم"
NOTE = "Head said <script>x</script> & 5 < 6 🎒 — עולם"
WHEN_ORDER = {"before": 0, "visit": 1, "after": 2}


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(default_questionnaire_path())


@pytest.fixture(scope="module")
def assessment(questionnaire):
    return Assessment(
        "uid-visit-pack",
        School(SCHOOL, phase="Secondary"),
        Trust(TRUST, (TrustReference("pedagogy", "Shared <lesson> routines", "Why & how"),)),
        questionnaire.id,
        questionnaire.version,
        label="First visit",
        assessor="Siân <Ellis>",
        assessed_on="2026-11-18",
        referents=AREAS,
        answers=(Answer("ped_lessons", "unknown", NOTE),),
    )


def asked(questionnaire, assessment):
    """(area, question) as the pack should ask them: the chosen areas, the school's phase."""
    phase = phase_key(assessment.school.phase)
    return [
        (r, q)
        for r in questionnaire.referents
        if r.id in AREAS and r.for_phase(phase)
        for q in r.questions_for(phase)
    ]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdf(questionnaire, assessment):
    data = render_visit_pack(assessment, questionnaire, ".pdf")
    return PdfReader(io.BytesIO(data))


@pytest.fixture(scope="module")
def pdf_pages(pdf):
    return [flat(p.extract_text() or "") for p in pdf.pages]


@pytest.fixture(scope="module")
def word(questionnaire, assessment):
    return docx.Document(io.BytesIO(render_visit_pack(assessment, questionnaire, ".docx")))


def word_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return flat("\n".join(parts))


def request_section(text: str) -> str:
    return text.split("Documents to request", 2)[-1].split("Before the visit: from the")[0]


def check_requests(section: str, questionnaire, assessment) -> None:
    """Each request named once, under the first area that asks for it, areas in order."""
    wanted: dict[str, str] = {}
    for r, q in asked(questionnaire, assessment):
        for request in q.requests:
            wanted.setdefault(request, r.title)
    assert wanted
    for request in wanted:
        containing = sum(request in other for other in wanted)
        assert section.count(request) == containing, request
    cursor = 0
    for area in dict.fromkeys(wanted.values()):
        cursor = section.index(area, cursor)
        for request in (r for r, a in wanted.items() if a == area):
            cursor = section.index(request, cursor)
    shared = "Timetable for the visit day, with lessons open to visitors"
    # first asked under early reading; the others it serves are named
    assert wanted[shared] == "Early reading and reading support"
    assert "Teaching, Behaviour, Safeguarding culture" in section.split(shared, 1)[1][:120]


def check_order(text: str, questionnaire, assessment) -> None:
    """Before / on the visit / after; the core set first within each; nothing else."""
    pairs = asked(questionnaire, assessment)
    found = sorted((text.index(flat(q.text)), q) for _, q in pairs)
    keys = [(WHEN_ORDER[q.when], not q.core) for _, q in found]
    assert keys == sorted(keys)
    assert {k[0] for k in keys} == {0, 1, 2} and len(set(keys)) > 3
    phase_only = {"reading_programme", "reading_sessions"}  # primary phases only
    assert not any(q.id in phase_only for _, q in pairs)
    for q in questionnaire.referent("early_reading").questions:
        assert (flat(q.text) in text) == (q.id not in phase_only), q.id


def test_pdf_requests_appear_once_each_grouped_by_area(pdf_pages, questionnaire, assessment):
    check_requests(request_section(" ".join(pdf_pages)), questionnaire, assessment)


def test_pdf_questions_in_visit_order_core_first(pdf_pages, questionnaire, assessment):
    text = " ".join(pdf_pages)
    body = text.split("Before the visit: from the documents", 2)[-1]
    check_order(body, questionnaire, assessment)


def test_pdf_carries_options_hints_and_what_is_recorded(pdf_pages, questionnaire):
    text = " ".join(pdf_pages)
    question = questionnaire.question("intent_content")
    for option in question.options:
        assert option.label in text
        assert not option.hint or flat(option.hint) in text
    assert f"Recorded so far: Don't know yet. {NOTE}" in text


def test_pdf_keeps_awkward_text_and_prints_well(pdf, pdf_pages):
    text = " ".join(pdf_pages)
    assert SCHOOL in text and TRUST in text
    assert f"Visit pack: {SCHOOL}" in pdf_pages[-1]  # the footer, in its fallback fonts too
    assert "Siân <Ellis>" in text and "18 November 2026" in text
    assert "Shared <lesson> routines" in text and "Why & how" in text
    assert "like the trust" in text and "unlike the trust" in text
    assert not {"good", "bad", "better", "worse"} & set(pdf_pages[0].lower().split())
    width, height = (float(x) for x in pdf.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4
    total = len(pdf.pages)
    for n, page in enumerate(pdf_pages, 1):
        assert f"Page {n} of {total}" in page
    outline = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert outline[1:] == [
        "Documents to request",
        "Before the visit: from the documents",
        "On the visit",
        "After the visit",
        "The trust's way in each area",
    ]
    nested = [
        i.title
        for items in pdf.outline
        if isinstance(items, list)
        for i in items
        if not isinstance(i, list)
    ]
    assert "Core questions" in nested and "Further questions" in nested
    assert pdf.metadata.title == "Visit pack: Ysgol 😀 <b>Bryn</b> & Co שלום"


def test_word_requests_and_order(word, questionnaire, assessment):
    text = word_text(word)
    table_text = flat(" ".join(c.text for row in word.tables[0].rows for c in row.cells))
    check_requests(table_text, questionnaire, assessment)
    body = flat(" ".join(p.text for p in word.paragraphs))
    check_order(body.split("Before the visit: from the documents", 1)[1], questionnaire, assessment)
    for s in (SCHOOL, TRUST, NOTE, "Siân <Ellis>", "Shared <lesson> routines"):
        assert s in text


def test_word_uses_heading_styles_and_tables_with_header_rows(word):
    headings = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert ("Title", f"Visit pack: {SCHOOL}") in headings
    for title in ("Documents to request", "On the visit", "After the visit"):
        assert ("Heading 1", title) in headings
    assert ("Heading 2", "Core questions") in headings
    assert ("Heading 3", "Behaviour") in headings
    assert len(word.tables) == 2  # the requests, the trust's way
    for table in word.tables:
        first = table.rows[0]._tr  # python-docx has no call that reads the header flag
        assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert all(cell.text for cell in table.rows[0].cells)
    assert [c.text for c in word.tables[0].rows[0].cells] == ["Sent", "Document", "Also informs"]
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert word.core_properties.language == "en-GB"


def test_a_failure_leaves_no_file_and_the_old_one_untouched(
    tmp_path, questionnaire, assessment, monkeypatch
):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"earlier")

    def broken(pack):
        raise RuntimeError("the layout failed")

    monkeypatch.setattr(visit_pack_pdf, "render_pdf", broken)
    with pytest.raises(VisitPackError, match="could not make the visit pack"):
        write_visit_pack(target, assessment, questionnaire)
    assert target.read_bytes() == b"earlier"
    assert os.listdir(tmp_path) == ["pack.pdf"]


def test_wrong_suffix_and_missing_folder_are_worded(tmp_path, questionnaire, assessment):
    with pytest.raises(VisitPackError, match=r"ending in \.pdf or \.docx"):
        write_visit_pack(tmp_path / "pack.txt", assessment, questionnaire)
    with pytest.raises(WriteError, match="does not exist"):
        write_visit_pack(tmp_path / "no" / "pack.docx", assessment, questionnaire)
    assert not list(Path(tmp_path).iterdir())
