"""The board paper as a PDF document: the DRAFT mark, page numbers, metadata, language,
bookmarks, determinism."""

from __future__ import annotations

import pytest

from ddwizard.core.assessment import Status
from ddwizard.core.qfile import load_questionnaire
from ddwizard.report import BriefError, render_brief
from ddwizard.resources import default_questionnaire_path

from .builders import filled_assessment, rich_assessment
from .conftest import read


def test_the_draft_mark_is_a_picture_on_every_page_never_text(brief):
    """A screen reader or a copy-paste never meets the letters of the DRAFT mark; the
    cover says it is a draft once, in words."""
    assert len(brief.pages) > 5
    for n, page in enumerate(brief.pages, start=1):
        assert "DRAFT" not in page.replace("\n", "").replace(" ", ""), f"page {n}"
    assert all(len(p.images) >= 1 for p in brief.reader.pages)
    assert brief.flat.count("Draft for discussion") == 1


def test_final_is_marked_on_no_page(assessment, questionnaire):
    final = read(render_brief(assessment.with_changes(status=Status.FINAL), questionnaire))
    assert not any(p.images for p in final.reader.pages)
    assert "22 November 2026. Final." in final.flat and "Draft for discussion" not in final.flat


def test_every_page_is_numbered_n_of_total(brief):
    total = len(brief.pages)
    for n, page in enumerate(brief.pages, start=1):
        assert f"Page {n} of {total}" in page


def test_metadata_names_the_school_and_the_assessor(brief):
    meta = brief.reader.metadata
    assert meta.title == "Board paper: Oakfield Primary School joining Northern Lights Trust"
    assert meta.author == "Sam Patel"
    assert meta.subject == (
        "Whether Oakfield Primary School joins Northern Lights Trust "
        "(Pre-join visit, 22 November 2026)"
    )
    assert meta.creator == "ddwizard"
    assert meta.creation_date.date().isoformat() == "2026-11-22"  # the visit, never "now"


def test_language_is_british_english_and_the_title_is_the_window_title(brief):
    root = brief.reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def test_author_is_ddwizard_when_no_assessor(assessment, questionnaire):
    anonymous = read(render_brief(assessment.with_changes(assessor=""), questionnaire))
    assert anonymous.reader.metadata.author == "ddwizard"


def test_bookmarks_for_every_section_and_every_area(brief, questionnaire):
    outline = brief.outline()
    sections = [title for depth, title in outline if depth == 0]
    assert sections == [
        "Board paper: Oakfield Primary School joining Northern Lights Trust",
        "Summary",
        "Costs and timeline",
        "The plane",
        "Areas at a glance",
        "Routes",
        "Due diligence",
        "Appendix A: Area by area",
        "Appendix B: The full checklist",
        "Appendix C: Method and sources",
    ]
    areas = outline[
        outline.index((0, "Appendix A: Area by area")) + 1 : outline.index(
            (0, "Appendix B: The full checklist")
        )
    ]
    assert areas == [(1, r.title) for r in questionnaire.referents]
    checklist = outline[outline.index((0, "Appendix B: The full checklist")) + 1 : -1]
    assert checklist == [(1, a.title) for a in questionnaire.due_diligence]


def test_bookmarks_point_at_their_pages(brief):
    assert brief.reader.get_destination_page_number(brief.reader.outline[0]) == 0
    for item in brief.reader.outline[1:]:
        if isinstance(item, list):
            continue
        page = brief.reader.get_destination_page_number(item)
        assert item.title in " ".join(brief.pages[page].split()), item.title


def test_same_assessment_same_bytes(assessment, questionnaire, brief):
    # Render something else in between: nothing may leak from one brief into the next.
    render_brief(
        rich_assessment(questionnaire, school=assessment.school.__class__("Zoë 😀 א")),
        questionnaire,
    )
    assert render_brief(assessment, questionnaire) == brief.data


def test_fonts_are_embedded(brief):
    fonts = set()
    for page in brief.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert "/FontFile2" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).strip("/").split("+")[-1])
    assert {"NotoSans-Regular", "NotoSans-Bold"} <= fonts
    assert not fonts & {"Helvetica", "Times-Roman", "Courier"}


def test_a_different_questionnaire_is_refused(assessment, questionnaire):
    with pytest.raises(BriefError, match="questionnaire 'rich'"):
        render_brief(assessment.with_changes(questionnaire_id="other"), questionnaire)
    with pytest.raises(BriefError, match="version '1'"):
        render_brief(assessment.with_changes(questionnaire_version="1"), questionnaire)


def test_an_empty_assessment_still_makes_a_brief(questionnaire):
    empty = rich_assessment(
        questionnaire,
        answers=(),
        referent_notes=(),
        targets=(),
        due_diligence=(),
        label="",
        assessor="",
        assessed_on="",
    )
    b = read(render_brief(empty, questionnaire))
    assert "No area is placed yet." in b.flat
    assert "No targets are set yet, so there are no routes to describe." in b.flat
    assert "No finding is recorded." in b.flat
    assert "6 checklist items still open (0 in progress)" in b.flat


def test_the_shipped_questionnaire_fully_answered():
    path = default_questionnaire_path()
    if not path.exists():
        pytest.skip("questionnaires/default.yaml is not there yet")
    q = load_questionnaire(path)
    a = filled_assessment(q)
    b = read(render_brief(a, q))
    outline = b.outline()
    for r in q.referents:
        assert (1, r.title) in outline
    assert "St Siân’s" in b.flat or "St Siân's" in b.flat
    assert "The Łódź Learning Partnership" in b.flat


def test_same_bytes_in_a_fresh_process(brief):
    # Nothing may depend on hash seeds, the clock or what the process did before.
    import hashlib
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import hashlib, sys\n"
        "from tests.report.builders import rich_assessment, rich_questionnaire\n"
        "from ddwizard.report import render_brief\n"
        "q = rich_questionnaire()\n"
        "print(hashlib.sha256(render_brief(rich_assessment(q), q)).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Pacific/Auckland"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == hashlib.sha256(brief.data).hexdigest()
