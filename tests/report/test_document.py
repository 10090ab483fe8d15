"""The brief as a document: DRAFT marks, page numbers, metadata, bookmarks, determinism."""

from __future__ import annotations

import pytest

from ddwizard.core.assessment import Status
from ddwizard.core.qfile import load_questionnaire
from ddwizard.report import BriefError, render_brief
from ddwizard.resources import default_questionnaire_path

from .builders import filled_assessment, rich_assessment
from .conftest import read


def test_draft_is_marked_on_every_page(brief):
    assert len(brief.pages) > 5
    for n, page in enumerate(brief.pages, start=1):
        assert "DRAFT" in page, f"page {n}"


def test_final_is_marked_on_no_page(assessment, questionnaire):
    final = read(render_brief(assessment.with_changes(status=Status.FINAL), questionnaire))
    for page in final.pages:
        assert "DRAFT" not in page


def test_every_page_is_numbered_n_of_total(brief):
    total = len(brief.pages)
    for n, page in enumerate(brief.pages, start=1):
        assert f"Page {n} of {total}" in page


def test_metadata_names_the_school_and_the_assessor(brief):
    meta = brief.reader.metadata
    assert meta.title == "Integration brief: Oakfield Primary School"
    assert meta.author == "Sam Patel"
    assert meta.subject == (
        "How the practice and purposes of Oakfield Primary School relate to "
        "Northern Lights Trust (Pre-join visit, 22 November 2026)"
    )
    assert meta.creator == "ddwizard"
    assert meta.creation_date.date().isoformat() == "2026-11-22"  # the visit, never "now"


def test_author_is_ddwizard_when_no_assessor(assessment, questionnaire):
    anonymous = read(render_brief(assessment.with_changes(assessor=""), questionnaire))
    assert anonymous.reader.metadata.author == "ddwizard"


def test_bookmarks_for_every_section_and_every_area(brief, questionnaire):
    outline = brief.outline()
    sections = [title for depth, title in outline if depth == 0]
    assert sections == [
        "Cover",
        "1 Summary",
        "2 The plane",
        "3 Route map",
        "4 Area by area",
        "5 Due diligence",
        "Appendix: method",
    ]
    areas = outline[
        outline.index((0, "4 Area by area")) + 1 : outline.index((0, "5 Due diligence"))
    ]
    assert areas == [(1, r.title) for r in questionnaire.referents]
    checklist = outline[outline.index((0, "5 Due diligence")) + 1 : -1]
    assert checklist == [(1, a.title) for a in questionnaire.due_diligence]


def test_bookmarks_point_at_their_pages(brief):
    assert brief.reader.get_destination_page_number(brief.reader.outline[0]) == 0
    for item in brief.reader.outline[1:]:
        if isinstance(item, list):
            continue
        page = brief.reader.get_destination_page_number(item)
        title = item.title.split(" ", 1)[-1].split(":")[0]
        assert title in " ".join(brief.pages[page].split()), item.title


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
    assert "No area has yet been placed on the plane" in b.flat
    assert "No targets have been agreed yet" in b.flat
    assert "No item is marked as a concern." in b.flat
    assert "Of 6 items: 6 not started." in b.flat


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


def test_summary_is_laid_out_last_but_comes_second(brief):
    """The summary is laid out after everything it cites, then moved after the cover: its
    pages, the footers and the outline must read in document order."""
    assert "1 Summary" in " ".join(brief.pages[1].split())
    titles = [t for depth, t in brief.outline() if depth == 0 and t[0].isdigit()]
    assert titles[0] == "1 Summary"
    assert titles == sorted(titles, key=lambda t: int(t.split()[0]))
    pages = [brief.reader.get_destination_page_number(item) for item in brief.reader.outline
             if not isinstance(item, list)]  # fmt: skip
    assert pages == sorted(pages)
