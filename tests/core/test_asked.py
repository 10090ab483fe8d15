"""What is asked of a school: its phase's areas and questions, never hiding what is
recorded; and the core set a first visit starts with."""

from __future__ import annotations

from dataclasses import replace

from ddwizard.core.asked import (
    a_school,
    core_of,
    for_school,
    of_assessment,
    out_of_phase,
    phases_words,
    school_phase,
    starts_with_core,
    unanswered,
)
from ddwizard.core.assessment import Answer, Assessment, School, Trust
from ddwizard.core.placement import place_assessment

from .builders import questionnaire, referent


def phased():
    reading = referent("reading")
    later = replace(reading.questions[1], phases=("secondary",), core=True)
    first = replace(reading.questions[0], core=True)
    reading = replace(reading, questions=(first, later, *reading.questions[2:]))
    sixth = replace(referent("sixth"), phases=("secondary", "post16"))
    return questionnaire(reading, sixth)


def assessment(phase: str, *answers: Answer) -> Assessment:
    return Assessment("u", School("S", phase=phase), Trust("T"), "test", "1", answers=answers)


def test_a_primary_school_is_asked_its_phases_areas_and_questions():
    asked = for_school(phased(), assessment("Primary"))
    assert [r.id for r in asked.referents] == ["reading"]
    assert [q.id for q in asked.referent("reading").questions] == [
        "reading_pr0",
        "reading_pu0",
        "reading_pu1",
    ]


def test_anything_recorded_is_kept_whatever_the_phase():
    a = assessment("Primary", Answer("sixth_pu0", note="seen"), Answer("reading_pr1", "own"))
    asked = for_school(phased(), a)
    assert [r.id for r in asked.referents] == ["reading", "sixth"]
    assert "reading_pr1" in [q.id for q in asked.referent("reading").questions]


def test_no_phase_or_one_no_file_names_asks_everything():
    for phase in ("", "Middle"):
        assert for_school(phased(), assessment(phase)) == phased()
    assert school_phase(assessment("16 plus")) == "post16"
    assert school_phase(assessment("All-through")) == "all_through"


def test_phase_words():
    sixth = phased().referent("sixth")
    assert out_of_phase(sixth, "primary") and not out_of_phase(sixth, None)
    assert phases_words(sixth.phases) == "secondary and 16 plus schools"
    assert a_school("all_through") == "an all-through school"
    assert a_school("primary") == "a primary school"


def test_a_first_visit_starts_with_the_core_set_until_more_is_recorded():
    q = phased()
    assert starts_with_core(q, assessment("Primary", Answer("reading_pr0", "own")))
    assert not starts_with_core(q, assessment("Primary", Answer("reading_pu0", note="x")))
    assert not starts_with_core(questionnaire(referent("plain")), assessment(""))
    assert [x.id for x in core_of(q.referent("reading"))] == ["reading_pr0", "reading_pr1"]
    assert core_of(q.referent("sixth")) == q.referent("sixth").questions  # none marked: all


def test_an_assessments_areas_are_its_selection_as_asked_of_its_phase():
    q = phased()
    chosen = replace(assessment("Primary"), referents=("sixth", "reading"))
    assert [r.id for r in of_assessment(q, chosen).referents] == ["reading"]
    noted = replace(chosen, answers=(Answer("sixth_pr0", note="a visit"),))
    assert [r.id for r in of_assessment(q, noted).referents] == ["reading", "sixth"]
    assert [r.id for r in of_assessment(q, assessment("Secondary")).referents] == [
        "reading",
        "sixth",
    ]
    assert [p.referent.id for p in place_assessment(q, assessment("Primary")).referents] == [
        "reading"
    ]


def test_what_is_unanswered_of_the_core_set_and_of_every_question():
    q = phased()  # reading: two core questions of four; sixth: none marked, so all four
    a = assessment("", Answer("reading_pr0", "own"), Answer("reading_pu0", "other"))
    a = replace(a, answers=(*a.answers, Answer("sixth_pr0", note="a note, no answer")))
    left = unanswered(q.referents, a)
    assert (left.core_total, left.total) == (6, 8)
    assert [x.id for x in left.core] == [
        "reading_pr1",
        *[x.id for x in q.referent("sixth").questions],
    ]
    assert len(left.every) == 6 and "reading_pu0" not in [x.id for x in left.every]
