"""What the board paper says, read back from the PDF (and its document model): the
decision on page 1, the summary, costs and dates, words before numbers, the school's call."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from ddwizard.report import render_brief
from ddwizard.report.blocks import Figure, Heading, Para
from ddwizard.report.brief import make_paper

from .builders import decided_assessment
from .conftest import read


@pytest.fixture(scope="module")
def decided_a(questionnaire):
    return decided_assessment(questionnaire)


@pytest.fixture(scope="module")
def decided(decided_a, questionnaire):
    return read(render_brief(decided_a, questionnaire))


def test_page_one_says_no_decision_is_recorded_yet(brief):
    page = " ".join(brief.pages[0].split())
    assert "No decision is recorded yet." in page
    assert "The assessor must record the question for the board" in page
    assert "Decide by Not recorded yet" in page


def test_page_one_states_the_decision(decided):
    page = " ".join(decided.pages[0].split())
    assert "The board is asked Whether Oakfield Primary School applies to join" in page
    assert "Decide by 1 December 2026" in page
    assert "Proposed joining date 1 January 2027" in page
    assert "Recommendation Join, subject to the conditions." in page
    assert "1. The trust meets the pension deficit 2. A roof survey before joining" in page
    assert "What was found 4 findings (2 serious); £265,000 known or estimated" in page
    assert "Sam Patel (Director of school improvement); the trust's view" in page
    assert "Draft for discussion" in page
    assert "No decision is recorded yet" not in decided.flat


def test_no_whole_school_quadrant(brief, assessment, questionnaire):
    flat = brief.flat.lower()
    for said in ("sits in quadrant", "overall position", "average of", "taking the"):
        assert said not in flat
    paper = make_paper(assessment, questionnaire)
    figures = [b for b in paper.blocks if isinstance(b, Figure)]
    assert figures and all(not hasattr(f.scene, "overall") for f in figures)


def test_summary_has_what_a_board_needs_in_order(brief):
    outline = brief.outline()
    after = outline[outline.index((0, "Summary")) + 1 :]
    assert [t for _, t in after[:6]] == [
        "Why each side wants this",
        "What changes for the school on joining",
        "What stays the school's call",
        "Findings that matter",
        "Questions the board should ask",
        "Evidence still missing",
    ]
    for topic in (
        "Employer",
        "Land and buildings",
        "Admission authority",
        "The local committee's remit",
        "Funding and reserves",
        "Systems",
    ):
        assert topic in brief.flat
    assert "Not recorded yet: the assessor records it in the Decision part." in brief.flat


def test_without_a_joining_date_the_check_says_so(brief):
    assert (
        "The joining date is not recorded, so route steps and checklist items cannot "
        "be checked against it." in brief.flat
    )


def test_return_trip_says_the_school_keeps_its_practice(brief):
    assert "The school keeps its practice; the trust adopts it." in brief.flat
    assert "the school keeps its practice and the trust adopts it" in brief.flat
    assert "aligns with the trust's practice" not in brief.flat


def test_every_area_states_the_schools_call(assessment, questionnaire):
    paper = make_paper(assessment, questionnaire)
    glance = next(
        b for b in paper.blocks if getattr(b, "header", ())[-1:] == ("The school's call",)
    )
    assert len(glance.rows) == len(questionnaire.referents)
    calls = ["".join(r.text for r in row[-1]) for row in glance.rows]
    assert all(calls)
    assert "Not yet settled: head and trust to agree before the board decides." in calls
    assert (
        "The school aligns its practice with the trust's and shares the trust's purpose." in calls
    )


def test_positions_in_words_first_numbers_in_the_appendix(brief):
    glance = brief.flat[brief.flat.index("Areas at a glance") : brief.flat.index("Routes")]
    assert re.search(
        r"practice (and purpose )?(clearly|largely|partly) (the trust's|other)", glance
    )
    assert "purpose +" not in glance and "practice +" not in glance
    appendix = brief.flat[brief.flat.index("Appendix A: Area by area") :]
    assert re.search(r"purpose [+\u2212]\d\.\d\d, practice [+\u2212]\d\.\d\d", appendix)


def test_no_paragraph_is_repeated_across_areas(assessment, questionnaire):
    paper = make_paper(assessment, questionnaire)
    start = next(
        i
        for i, b in enumerate(paper.blocks)
        if isinstance(b, Heading) and b.text.startswith("Appendix A")
    )
    seen: dict[str, set[str]] = defaultdict(set)
    area = ""
    for b in paper.blocks[start + 1 :]:
        if isinstance(b, Heading) and b.level == 1:
            break
        if isinstance(b, Heading):
            area = b.text
        elif isinstance(b, Para):
            seen["".join(r.text for r in b.runs)].add(area)
    repeated = [t for t, areas in seen.items() if len(areas) > 1 and len(t) > 60]
    assert not repeated


def test_due_diligence_findings_first_then_open_items(assessment, questionnaire):
    paper = make_paper(assessment, questionnaire)
    titles = [b.text for b in paper.blocks if isinstance(b, Heading)]
    at = titles.index("Due diligence")
    assert titles[at + 1 : at + 3] == ["Findings", "Open items, soonest first"]
    text = paper.text()
    section = text[text.index("\nDue diligence\n") : text.index("\nAppendix A:")]
    assert section.index("Deficit of £85k") < section.index("Open items")


def test_checklist_appendix_condenses_done_items_with_nothing_to_note(brief):
    appendix = brief.flat[brief.flat.index("Appendix B: The full checklist") :]
    assert "Clean opinion each year." in appendix  # a done item with a note keeps its row


def test_method_cites_rollett_with_nottingham(brief):
    assert (
        "Rollett, S. (2022) Integrating practices as Trusts grow. Nottingham: "
        "Confederation of School Trusts."
    ) in brief.flat
    assert "This brief was made with ddwizard" in brief.flat


def test_never_the_language_of_verdicts(brief):
    words = set(re.findall(r"[a-z]+", brief.text.lower()))
    assert not words & {"score", "scores", "fail", "failed", "failing"}


def test_due_dates_fit_one_line(decided):
    """A date such as "15 Dec 2026" is never broken across two lines in a table."""
    for page in decided.pages:
        lines = page.splitlines()
        for a, b in zip(lines, lines[1:], strict=False):
            assert not (a.strip() in {"15 Dec", "12 Feb", "1 Dec"} and b.strip() == "2026"), page
    assert "15 Dec 2026" in decided.text
