"""The board paper reads what version 2 of the data records (the decision, findings with
costs, agreed targets, steps with owners, per-axis confidence, flagged answers, what the
trust leaves to its schools), and says it the same way in the PDF and in Word: each test
reads both formats back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ddwizard.core.assessment import (
    ChecklistEntry,
    Cost,
    CostBasis,
    Finding,
    FindingLevel,
    ItemStatus,
    Step,
)
from ddwizard.core.qfile import load_questionnaire
from ddwizard.report import render_brief, render_brief_docx
from ddwizard.resources import default_questionnaire_path

from .builders import decided_assessment, filled_assessment
from .conftest import WordPaper, read


def both(assessment, questionnaire) -> dict[str, str]:
    """The paper's words as a reader gets them from each format, spaces made single."""
    return {
        "pdf": read(render_brief(assessment, questionnaire)).flat,
        "docx": WordPaper(render_brief_docx(assessment, questionnaire)).flat,
    }


@pytest.fixture(scope="module")
def decided(questionnaire):
    return both(decided_assessment(questionnaire), questionnaire)


FORMATS = pytest.mark.parametrize("fmt", ["pdf", "docx"])


@FORMATS
def test_findings_come_from_checklist_entries_with_a_level(decided, fmt):
    flat = decided[fmt]
    assert "Finance: Deficit of £85k. £85,000 (known), due 15 December 2026 (CFO)." in flat
    # A finding with no text of its own is told in the item's note.
    assert "Roof needs replacing. £180,000 (estimated)" in flat
    # Level "none" is no finding: its words appear nowhere.
    assert "Nothing to report." not in flat


@FORMATS
def test_an_answer_below_a_minimum_is_a_serious_finding(decided, fmt):
    flat = decided[fmt]
    assert "HR practice: Two staff files lack right-to-work checks. Cost not yet known." in flat
    assert (
        "Serious: the answer to \u201cHow close is the school's hr practice practice 3 to the "
        "trust's?\u201d Two staff files lack right-to-work checks. Cost not yet known."
    ) in flat
    assert "Below what law or statutory guidance requires (a finding)." in flat


@FORMATS
def test_costs_have_totals_by_basis(decided, fmt):
    flat = decided[fmt]
    assert "Known 1 finding £85,000" in flat
    assert "Estimated 1 finding £180,000" in flat
    assert "Not yet known 2 findings Not yet known" in flat  # the lease and the HR answer
    assert "Known and estimated 2 findings £265,000" in flat


@FORMATS
def test_questions_ask_about_costs_the_uncosted_and_the_serious(decided, fmt):
    flat = decided[fmt]
    assert (
        "Who meets the £265,000 of costs found: Estates and land £180,000 and Finance "
        "£85,000? What if they rise?"
    ) in flat
    assert "The findings on HR practice and Estates and land have no cost yet" in flat
    # Conditions are recorded (page 1): the board checks them, it is not asked afresh.
    assert (
        "HR practice: Two staff files lack right-to-work checks. How and by when is it put "
        "right, and do the conditions on page 1 cover it?"
    ) in flat


def test_with_no_conditions_recorded_the_board_asks_whether_to_make_one(questionnaire):
    a = decided_assessment(questionnaire)
    a = a.with_changes(decision=replace(a.decision, conditions=()))
    for flat in both(a, questionnaire).values():
        assert (
            "HR practice: Two staff files lack right-to-work checks. How and by when is it "
            "put right, and is that a condition of joining?"
        ) in flat


@FORMATS
def test_confidence_per_axis_softens_only_that_axis(decided, fmt):
    flat = decided[fmt]
    assert "practice seems largely the trust's; purpose partly other" in flat
    assert "practice low, purpose high; sources disagree" in flat


@FORMATS
def test_sources_disagree_is_said_where_the_area_is_described(decided, fmt):
    flat = decided[fmt]
    assert "Sources disagree: on 1 question (marked below)" in flat
    assert "Sources disagree. Two leaders described different aims." in flat


@FORMATS
def test_targets_say_who_agreed_them(decided, fmt):
    flat = decided[fmt]
    assert "agreed by Both boards, 30 November 2026" in flat
    assert "proposed (no agreement recorded)" in flat  # the other targets


@FORMATS
def test_steps_say_their_owner_and_who_needs_to_know(decided, fmt):
    flat = decided[fmt]
    assert "Head of English" in flat
    assert "Trust reading lead; parents by letter" in flat
    assert "Adopt the approach across the trust Trust CEO Not recorded" in flat


@FORMATS
def test_the_schools_call_from_trust_open_answers_the_trusts_words_or_who_decides(decided, fmt):
    flat = decided[fmt]
    assert "The trust has no set way here (1 of 6 questions): the school decides." in flat
    assert "The trust leaves to the school: Rewards and the house system." in flat
    assert "Not yet settled: head and trust to agree by 1 December 2026." in flat
    assert (
        "Not yet settled: HR practice and Site management: the headteacher and the trust to "
        "agree them by 1 December 2026."
    ) in flat
    assert "No target; the trust says what its schools decide there: Curriculum intent." in flat
    assert (
        "Aligning with the trust, with a target: Behaviour policy and Financial practice." in flat
    )


def contradictions(questionnaire, **changes):
    a = decided_assessment(questionnaire)
    return both(a.with_changes(**changes(a) if callable(changes) else changes), questionnaire)


@FORMATS
def test_dates_that_contradict_each_other(questionnaire, fmt):
    a = decided_assessment(questionnaire)
    reading, finance, behaviour = a.targets
    late = replace(reading, steps=(Step(0.8, -0.6, "2027-12", "Review"),))
    before = replace(
        finance, steps=(Step(0.6, -0.5, "2027-03", "Move the payroll before transfer"),)
    )
    entries = [e for e in a.due_diligence if e.item != "scr"]
    entries.append(ChecklistEntry("scr", ItemStatus.IN_PROGRESS, "", "DSL", "2026-12-20"))
    changed = a.with_changes(targets=(late, before, behaviour), due_diligence=tuple(entries))
    flat = both(changed, questionnaire)[fmt]
    assert (
        "Early reading and phonics: the target is dated September 2027, before its own "
        "step 1 (December 2027)."
    ) in flat
    assert (
        "Financial practice: step 1 is due March 2027, after the joining date (1 January "
        "2027), though it must come before it."
    ) in flat
    assert (
        "Due after the joining date (1 January 2027), though due diligence and the "
        "conversion's steps come before it: Condition survey of the buildings (Feb 2027)."
    ) in flat
    assert (
        "Due after the board decides (1 December 2026), though each informs the decision: "
        "Single central record checked (20 Dec 2026)."
    ) in flat


def test_joining_before_the_decision_is_a_contradiction(questionnaire):
    a = decided_assessment(questionnaire)
    a = a.with_changes(decision=replace(a.decision, joining_on="2026-11-01"))
    for flat in both(a, questionnaire).values():
        assert (
            "The proposed joining date (1 November 2026) is before the board decides "
            "(1 December 2026)."
        ) in flat


@pytest.fixture(scope="module")
def default_q():
    return load_questionnaire(default_questionnaire_path())


def test_what_changes_on_joining_draws_on_findings_targets_and_the_trust(default_q):
    a = filled_assessment(default_q)
    entries = [e for e in a.due_diligence if e.item != "fin_deficit"]
    entries.append(
        ChecklistEntry(
            "fin_deficit",
            ItemStatus.DONE,
            "",
            "CFO",
            "2027-01-15",
            Finding(FindingLevel.SERIOUS, "A deficit.", Cost(412_000, CostBasis.ESTIMATED)),
        )
    )
    a = a.with_changes(due_diligence=tuple(entries))
    for changes in both(a, default_q).values():
        assert "Employer Usually: The trust becomes the employer" in changes
        assert "under TUPE (the rules for a change of employer)" in changes  # said, not assumed
        assert "Admission authority Usually: The trust becomes the admission authority" in changes
        assert "Findings, below: Finance (cost not yet known; £412,000 estimated)." in changes
        assert "Target: " in changes  # finance has a target in the filled assessment
