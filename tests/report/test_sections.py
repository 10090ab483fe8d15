"""Each section of the brief says what it should, read back from the PDF's text."""

from __future__ import annotations

import re

from ddwizard.core.assessment import Status


def test_cover_names_school_trust_visit_and_status(brief):
    cover = " ".join(brief.pages[0].split())
    for expected in (
        "INTEGRATION BRIEF",
        "Oakfield Primary School",
        "Northern Lights Trust",
        "Pre-join visit",
        "22 November 2026",
        "Sam Patel",
        "Draft",
        "123456",
        "Northshire",
        "A rich test questionnaire (version 2)",
    ):
        assert expected in cover, expected
    assert (
        "Confidential. Prepared for the governing boards of Oakfield Primary School and "
        "Northern Lights Trust" in cover
    )


def test_summary_says_where_the_school_sits_and_why(brief):
    page = " ".join(brief.pages[1].split())
    assert "1 Summary" in page.replace("\u00a0", " ")
    assert (
        "Taking the 5 placed areas together, Oakfield Primary School sits close to the "
        "horizontal axis" in page
    )
    assert "(purpose +0.23, practice +0.07)" in page.replace("\u2212", "-")
    assert "Purposes differ from the trust’s in Behaviour policy and Financial practice" in page
    assert (
        "Practice differs from the trust’s in Early reading and phonics and Financial "
        "practice" in page
    )


def test_summary_counts_areas_per_quadrant(brief):
    page = " ".join(brief.pages[1].split())
    for row in (
        "A Aligned Curriculum intent 1",
        "B Different practice, shared purpose Early reading and phonics 1",
        "C Shared practice, different purpose Behaviour policy 1",
        "Borderline (within 0.1 of an axis) HR practice 1",
        "Not yet placed Site management 1",
    ):
        assert row in page, row


def test_summary_points_cite_the_pages_where_they_are_covered(brief):
    page = " ".join(brief.pages[1].split())
    assert "Points for the board to discuss" in page
    area_pages = {
        item.title: brief.reader.get_destination_page_number(item) + 1
        for item in _flat(brief.reader.outline)
    }

    def cited(pattern: str) -> int:
        found = re.search(pattern, page)
        assert found, pattern
        return int(found.group(1))

    assert (
        cited(
            r"Different practice and different purpose \(D\) in Financial practice "
            r"\(page (\d+)\): the starting point"
        )
        == area_pages["Financial practice"]
    )
    assert (
        cited(r"Different purpose \(C\) in Behaviour policy \(page (\d+)\)")
        == area_pages["Behaviour policy"]
    )
    assert (
        cited(r"Return trip planned for Early reading and phonics \(page (\d+)\)")
        == (area_pages["Early reading and phonics"])
    )
    concerns = cited(
        r"2 due-diligence concerns recorded: Finance; Estates and land "
        r"\(page (\d+)\)"
    )
    assert "Concerns Area Item" in " ".join(brief.pages[concerns - 1].split())
    assert cited(r"1 area \(page (\d+)\) not yet placed") == brief.page_of("2 The plane")


def test_plane_labels_every_placed_area_and_lists_the_unplaced(brief):
    n = brief.page_of("The plane Each point")
    page = " ".join(brief.pages[n - 1].split())
    for title in (
        "Curriculum intent",
        "Early reading and phonics",
        "Behaviour policy",
        "Financial practice",
        "HR practice",
    ):
        assert title in page
    for quadrant in (
        "Aligned",
        "Different practice, shared purpose",
        "Shared practice, different purpose",
        "Different practice, different purpose",
    ):
        assert quadrant in page
    assert "other purpose" in page and "the trust’s purpose" in page
    assert "other practice" in page and "the trust’s practice" in page
    assert "Site management No counted answers yet on the purpose axis" in page
    assert "Borderline band: within 0.1 of an axis" in page


def test_route_map_tables_every_target_with_steps_and_return_trip(brief):
    assert "Routes, step by step" in brief.flat
    start = brief.flat.index("Routes, step by step")
    table = brief.flat[start : start + 1500].replace("\u2212", "-")
    assert (
        "Early reading and phonics RETURN TRIP Now: B (+0.83, -0.67) Target: A (+0.80, "
        "+0.70) By September 2027 Why: The trust wants this phonics approach." in table
    )
    assert "1. By January 2027 · B (+0.80, -0.60) Review outcomes of the school's phonics" in table
    assert "2. By September 2027 · A (+0.80, +0.70) Adopt the approach across the trust" in table
    assert "Financial practice Now: D" in table and "Agree what finance is for" in table
    assert "Behaviour policy Now: C" in table and "A single move, straight to the target." in table


def test_movement_since_an_earlier_assessment(brief_with_earlier, brief):
    flat = brief_with_earlier.flat
    assert "Movement since the earlier assessment" in flat
    assert "Scoping visit (10 June 2026)" in flat
    assert "Curriculum intent Not yet placed A" in flat and "Newly placed" in flat
    assert "Movement since" not in brief.flat
    assert (1, "Movement since the earlier assessment") in brief_with_earlier.outline()


def test_area_pages_give_position_reading_reference_and_every_answer(brief, questionnaire):
    flat = brief.flat
    start = flat.index("4 Area by area Each area")
    areas = flat[start : flat.index("Due diligence Of") if "Due diligence Of" in flat else None]
    for r in questionnaire.referents:
        assert r.title in areas
        for q in r.questions:
            assert q.text in areas, q.text
    assert "Quadrant B: Different practice, shared purpose" in areas
    assert "Quadrant Borderline" in areas
    assert "Quadrant Not yet placed" in areas
    assert "Not yet placed: no counted answers yet on the purpose axis." in areas
    assert "What the trust does here Systematic synthetic phonics from Reception." in areas
    assert "What the trust does it for Every child reads fluently by seven." in areas
    assert "Answer: Mostly other" in areas and "Answer: Don't know yet (not counted)" in areas
    assert "Answer: Not answered" in areas
    assert "Evidence: Documents and Staff" in areas
    assert "Note on reading pr0: seen in the staff handbook." in areas
    assert "Confidence Medium" in areas and "Confidence Not recorded" in areas
    assert "The phonics scheme differs from ours." in areas
    assert "Return trip. Here the learning is meant to flow from the school to the trust" in areas
    assert "Practice: stays the school’s call." not in areas  # every target aligns practice
    assert "No target has been agreed for this area yet" in areas


def test_due_diligence_lists_concerns_first_with_words_not_colours(brief):
    flat = brief.flat
    start = flat.index("Due diligence The standard")
    dd = flat[start : flat.index("Appendix: method")]
    assert "Of 6 items: 2 concerns, 1 in progress, 1 not started, 1 done and 1 not applicable" in dd
    concerns = dd.index("Concerns Area Item Owner Due Note")
    assert concerns < dd.index("Finance Item Status")
    assert (
        "Finance Budget forecast and any deficit recovery plan CFO 15 Dec 2026 Deficit of "
        "£85k forecast for 2027." in dd
    )
    finance = dd[dd.index("Finance Item Status") :]
    # Within an area, concerns come first.
    assert finance.index("Budget forecast") < finance.index("Audited accounts")
    for status in ("Concern", "Done", "In progress", "Not started", "Not applicable"):
        assert status in dd
    assert "Estates lead" in dd and "Roof needs replacing." in dd


def test_method_appendix_explains_and_cites(brief):
    n = brief.page_of("Appendix: method")
    appendix = " ".join(" ".join(brief.pages[n - 1 :]).split())
    for name in ("Sovereign", "Introjected", "Projected", "Exotic"):
        assert name in appendix
    for citation in (
        "Rollett, S. (2022) Integrating practices as Trusts grow",
        "Maton, K. (2014) Knowledge and Knowers: Towards a realist sociology of education",
        "Cruddas, L. (2023) Starting with Why",
        "Greany, T. and Bernardes, E. (2024) A constant dance: values-based leadership in",
    ):
        assert citation in appendix, citation
    assert "weighted mean" in appendix and "not counted" in appendix
    assert "identifier rich, version 2" in appendix
    assert "Site management: 3 questions unanswered and 2 answered “don’t know yet”" in appendix


def test_never_the_language_of_verdicts(brief):
    words = set(re.findall(r"[a-z]+", brief.text.lower()))
    assert not words & {"score", "scores", "fail", "failed", "failing"}


def test_final_brief_has_final_status_on_the_cover(assessment, questionnaire):
    from ddwizard.report import render_brief

    from .conftest import read

    final = read(render_brief(assessment.with_changes(status=Status.FINAL), questionnaire))
    assert "Status Final" in " ".join(final.pages[0].split())
    assert "This is a draft" not in final.flat


def _flat(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item
