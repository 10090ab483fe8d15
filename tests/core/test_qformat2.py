"""Questionnaire format 2: the new keys read into the values, each new rule is reported at its
line in words a trust's staff can act on, and format 1 files keep loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddwizard.core.qfile import (
    Problem,
    QuestionnaireError,
    load_questionnaire,
    parse_questionnaire,
    questionnaire_from_json,
    questionnaire_to_dict,
)
from ddwizard.core.questionnaire import Means, phase_key

EXAMPLE = Path(__file__).parent / "fixtures" / "example_questionnaire.yaml"

# Line numbers matter: they are listed on the right of each line.
V2 = """\
format: ddwizard.questionnaire
format_version: 2
id: mini
version: "2"
title: Minimal
scales:
  like:
    options:
      - {key: own, label: "The trust's own", score: 1, hint: "Same scheme, same checks"}
      - {key: other, label: Other, score: -1}
      - {key: unknown, label: "Don't know yet", score: null}
      - {key: open, label: "The trust has no set way here", score: null, means: trust_open}
referents:
  - id: reading
    title: Reading
    group: Teaching
    phases: [primary, secondary]
    questions:
      - id: r-scheme
        axis: practice
        text: Which scheme?
        scale: like
        core: true
        when: visit
        requests: [Phonics policy]
        evidence: [documents, parents]
      - id: r-aim-stated
        axis: purpose
        text: What is reading for, as written?
        scale: like
        facet: stated
        when: before
      - id: r-catch-up
        axis: practice
        text: Catch-up in Year 7
        scale: like
        phases: [secondary]
due_diligence:
  - id: trust-finance
    title: The trust's finances
    side: trust
    items:
      - {id: t-accounts, text: The trust's audited accounts}
"""
# 1 format 2 format_version 9 own 12 open 14 "- id: reading" 17 phases 19 "- id: r-scheme"
# 23 core 24 when 25 requests 26 evidence 31 facet 32 when 37 phases 39 "- id: trust-finance"
# 41 side


def edit(old: str, new: str, text: str = V2) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def only(text: str) -> Problem:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "q.yaml")
    found = caught.value.problems
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def problems(text: str) -> list[Problem]:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "q.yaml")
    return caught.value.problems


def test_the_new_keys_are_on_the_values():
    q = parse_questionnaire(V2)
    reading = q.referent("reading")
    assert reading.phases == ("primary", "secondary")
    scheme = q.question("r-scheme")
    assert (scheme.core, scheme.when, scheme.facet) == (True, "visit", None)
    assert scheme.requests == ("Phonics policy",)
    assert scheme.evidence == ("documents", "parents")
    assert scheme.option("own").hint == "Same scheme, same checks"
    assert scheme.option("own").means is None
    assert scheme.option("unknown").means is Means.UNKNOWN
    assert scheme.option("open").means is Means.TRUST_OPEN and scheme.option("open").trust_open
    stated = q.question("r-aim-stated")
    assert (stated.core, stated.when, stated.facet) == (False, "before", "stated")
    assert q.question("r-catch-up").phases == ("secondary",)
    assert [x.id for x in reading.questions_for("primary")] == ["r-scheme", "r-aim-stated"]
    assert len(reading.questions_for("secondary")) == 3
    assert reading.for_phase("secondary") and not reading.for_phase("special")
    assert q.due_diligence[0].side == "trust"


def test_a_format_2_questionnaire_round_trips_through_the_stored_form():
    q = parse_questionnaire(V2)
    data = questionnaire_to_dict(q)
    assert data["format_version"] == 2
    assert questionnaire_from_json(json.dumps(data)) == q


def test_a_format_1_questionnaire_still_loads_with_the_defaults():
    q = load_questionnaire(EXAMPLE)
    question = q.referents[0].questions[0]
    assert (question.core, question.when, question.facet, question.requests) == (
        False,
        None,
        None,
        (),
    )
    assert q.referents[0].phases == () and q.referents[0].for_phase("secondary")
    assert all(a.side == "school" for a in q.due_diligence)
    assert question.options[-1].means is Means.UNKNOWN
    data = questionnaire_to_dict(q)
    assert questionnaire_from_json(json.dumps(data)) == q


# --- format 2 keys need format_version 2 -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "what"),
    [(9, "`hint`"), (12, "`means`"), (17, "`phases`"), (23, "`core`"), (41, "`side`")],
)
def test_each_format_2_key_in_a_format_1_file_is_reported_at_its_first_use(line, what):
    found = problems(edit("format_version: 2", "format_version: 1"))
    mine = [p for p in found if p.message.startswith(what)]
    assert len(mine) == 1 and mine[0].line == line
    assert "came with questionnaire format 2" in mine[0].message
    assert "change it to `format_version: 2`" in mine[0].message


def test_every_format_2_key_is_reported_once_and_nothing_else():
    found = problems(edit("format_version: 2", "format_version: 1"))
    assert [p.line for p in found] == [9, 12, 17, 23, 24, 25, 26, 31, 41]
    assert all("format_version: 2" in p.message for p in found)


def test_a_new_evidence_source_in_a_format_1_file_names_the_source():
    found = problems(edit("format_version: 2", "format_version: 1"))
    parents = next(p for p in found if "`parents`" in p.message)
    assert parents.line == 26
    assert parents.message.startswith("the evidence source `parents` came with questionnaire")


# --- means ----------------------------------------------------------------------------------


def test_means_only_on_an_answer_that_does_not_count():
    problem = only(edit("score: -1}", "score: -1, means: not_applicable}"))
    assert problem.line == 10
    assert problem.message == (
        "the option 'other' of scale 'like' has `means: not_applicable` but also a score; "
        "`means` is only for an answer that does not count: set `score: null`, or remove `means`"
    )


def test_means_must_be_one_of_the_three():
    problem = only(edit("means: trust_open", "means: trust_opn"))
    assert problem.line == 12
    assert "should be one of unknown, trust_open, not_applicable" in problem.message
    assert "did you mean `trust_open`?" in problem.message


# --- when, facet, core, side, requests ------------------------------------------------------


def test_when_is_before_visit_or_after():
    problem = only(edit("when: visit", "when: during"))
    assert problem.line == 24
    assert problem.message == (
        "`when` of question 'r-scheme' should be one of before, visit, after "
        "(before the visit, on it, or after it), not 'during'"
    )


def test_facet_is_stated_or_lived():
    problem = only(edit("facet: stated", "facet: lives"))
    assert problem.line == 31
    assert "`facet` of question 'r-aim-stated' should be stated or lived, not 'lives'" in (
        problem.message
    )
    assert "did you mean `lived`?" in problem.message


def test_core_is_true_or_false():
    problem = only(edit("core: true", 'core: "yes"'))
    assert problem.line == 23
    assert problem.message.startswith("`core` of question 'r-scheme' should be true or false")


def test_side_is_school_trust_or_conversion():
    problem = only(edit("side: trust", "side: trusts"))
    assert problem.line == 41
    assert "`side` of due-diligence area 'trust-finance' should be one of school, trust, " in (
        problem.message
    )
    assert "did you mean `trust`?" in problem.message


def test_requests_are_a_list_of_documents():
    problem = only(edit("requests: [Phonics policy]", "requests: Phonics policy"))
    assert problem.line == 25
    assert "should be a list of documents to ask the school for" in problem.message
    assert "write it as a list: requests: [Phonics policy]" in problem.message


# --- phases ---------------------------------------------------------------------------------


def test_phases_are_a_list_of_known_phases():
    problem = only(edit("phases: [primary, secondary]", "phases: [primary, KS3]"))
    assert problem.line == 17
    assert "the 2nd entry in `phases` of referent 'reading' should be one of nursery, " in (
        problem.message
    )
    assert "post16, not 'KS3'" in problem.message


def test_a_single_phase_is_written_as_a_list():
    problem = only(edit("phases: [secondary]", "phases: secondary"))
    assert problem.line == 37
    assert "write it as a list: phases: [secondary]" in problem.message


def test_a_question_for_a_phase_its_area_is_not_asked_of():
    problem = only(edit("phases: [secondary]", "phases: [special]"))
    assert problem.line == 37
    assert problem.message == (
        "question 'r-catch-up' is for special schools, but referent 'reading' is only asked of "
        "primary, secondary schools; add the phase to the area's `phases`, or take it off the "
        "question"
    )


def test_every_phase_of_an_area_needs_both_axes():
    problem = only(
        edit("        facet: stated\n", "        facet: stated\n        phases: [primary]\n")
    )
    assert problem.line == 14
    assert problem.message.startswith(
        "referent 'reading' has no purpose question for secondary schools; every area needs "
        "one on each axis for every phase it is asked of"
    )


def test_an_area_for_every_phase_needs_both_axes_in_each():
    text = edit("    phases: [primary, secondary]\n", "")
    text = edit(
        "        facet: stated\n", "        facet: stated\n        phases: [primary]\n", text
    )
    problem = only(text)
    assert problem.line == 14
    assert "no purpose question for nursery, secondary, all_through, special, alternative, " in (
        problem.message
    )


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Primary", "primary"),
        ("All-through", "all_through"),
        (" secondary ", "secondary"),
        ("Post-16", "post16"),
        ("Sixth form", "post16"),
        ("Alternative provision", "alternative"),
        ("Middle", None),
        ("", None),
        (None, None),
    ],
)
def test_a_phase_as_the_app_writes_it_names_a_phase_key(label, key):
    assert phase_key(label) == key


def test_an_unknown_phase_is_asked_everything():
    reading = parse_questionnaire(V2).referent("reading")
    assert reading.for_phase(phase_key("Middle"))
    assert len(reading.questions_for(phase_key("Middle"))) == 3
