"""The Word board paper: the same paper as the PDF, in Word's own heading styles, with real
tables whose header rows repeat, the plane as a picture with alternative text, and the page
number and draft marking in the header; written whole or not at all."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from docx.oxml.ns import qn

from ddwizard import fileio
from ddwizard.core.assessment import Status
from ddwizard.fileio import WriteError
from ddwizard.report import BriefError, render_brief_docx, write_brief
from ddwizard.report import brief as brief_module
from ddwizard.report.blocks import Heading
from ddwizard.report.brief import make_paper

from .conftest import WordPaper


def test_headings_use_words_heading_styles(word, assessment, questionnaire):
    paper = make_paper(assessment, questionnaire)
    expected = [(f"Heading {b.level}", b.text) for b in paper.blocks if isinstance(b, Heading)]
    assert word.headings() == expected
    assert ("Heading 1", "Appendix A: Area by area") in expected


def test_the_same_words_as_the_pdf(word, brief):
    for said in (
        "No decision is recorded yet.",
        "Questions the board should ask",
        "The school keeps its practice; the trust adopts it.",
        "Rollett, S. (2022) Integrating practices as Trusts grow. Nottingham",
    ):
        assert said in word.flat and said in brief.flat, said


def test_tables_have_header_rows_that_repeat(word):
    tables = word.document.tables
    assert len(tables) > 8
    for t in tables:
        first = t.rows[0]
        assert first.cells[0].paragraphs[0].runs[0].bold
        header = word.document.element.body
        assert header is not None
    body = word.document.element.body
    for tbl in body.iter(qn("w:tbl")):
        tr = tbl.find(qn("w:tr"))
        assert tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None


def test_the_plane_is_a_picture_with_alternative_text(word):
    shapes = word.document.inline_shapes
    assert len(shapes) == 1
    doc_pr = next(word.document.element.body.iter(qn("wp:docPr")))
    assert doc_pr.get("descr").startswith("The practice and purpose plane for Oakfield")
    assert "placed as points" in doc_pr.get("descr")
    with zipfile.ZipFile(io.BytesIO(word.data)) as z:
        pngs = [n for n in z.namelist() if n.endswith(".png")]
        assert pngs and z.read(pngs[0]).startswith(b"\x89PNG")


def test_page_numbers_and_the_draft_marking_are_in_the_header(word, assessment, questionnaire):
    header = word.document.sections[0].header
    xml = header.part.element
    assert header.paragraphs[0].text.startswith("DRAFT \u00b7 Board paper: Oakfield")
    fields = [f.get(qn("w:instr")).strip() for f in xml.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "DRAFT" not in word.text  # in the header only, not in the paper's own text
    final = WordPaper(
        render_brief_docx(assessment.with_changes(status=Status.FINAL), questionnaire)
    )
    assert "DRAFT" not in final.document.sections[0].header.paragraphs[0].text


def test_title_author_and_language(word):
    props = word.document.core_properties
    assert props.title == "Board paper: Oakfield Primary School joining Northern Lights Trust"
    assert props.author == "Sam Patel" and props.language == "en-GB"
    lang = word.document.styles.element.find(qn("w:docDefaults")).iter(qn("w:lang"))
    assert next(lang).get(qn("w:val")) == "en-GB"


def test_writes_a_docx_whole(tmp_path, assessment, questionnaire):
    path = write_brief(tmp_path / "paper.docx", assessment, questionnaire)
    assert zipfile.is_zipfile(path)
    assert os.listdir(tmp_path) == ["paper.docx"]
    assert "Areas at a glance" in WordPaper(path.read_bytes()).text


def test_a_failed_docx_write_leaves_nothing(tmp_path, assessment, questionnaire, monkeypatch):
    monkeypatch.setattr(fileio.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(WriteError, match="full"):
        write_brief(tmp_path / "paper.docx", assessment, questionnaire)
    assert os.listdir(tmp_path) == []


def test_a_failure_inside_python_docx_is_a_brief_error(
    tmp_path, assessment, questionnaire, monkeypatch
):
    from ddwizard.report import word

    monkeypatch.setattr(word, "_table", lambda *a: (_ for _ in ()).throw(ValueError("boom")))
    with pytest.raises(BriefError, match="could not write the Word brief: boom"):
        write_brief(tmp_path / "paper.docx", assessment, questionnaire)
    assert os.listdir(tmp_path) == []
    assert brief_module  # (the module the errors are worded in)
