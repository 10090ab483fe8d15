"""Data version 2's audit rows in words: flags, confidence per axis, findings with their cost,
the decision, who agreed a target, whose view, and the trust's reference."""

from ddwizard.core.history import NOTHING, describe
from ddwizard.core.questionnaire import ChecklistArea, ChecklistItem, Questionnaire

from .builders import referent


def _q() -> Questionnaire:
    area = ChecklistArea("finance", "Finance", (ChecklistItem("fin_accounts", "Audited accounts"),))
    return Questionnaire("t", "1", "T", (referent("reading"),), due_diligence=(area,))


def test_an_answers_flags_read_as_words():
    line = describe("answer:reading_pr0.flags", "[]", '["below_minimum","sources_disagree"]', _q())
    assert line.what == "Reading: “Question reading_pr0?”: flags"
    assert (line.old, line.new) == (
        "no flags",
        "below a legal or safety minimum, sources disagree",
    )


def test_confidence_reads_per_axis():
    line = describe("referent:reading.practice_confidence", None, "high", _q())
    assert (line.what, line.old, line.new) == ("Reading: confidence in practice", NOTHING, "high")


def test_a_finding_reads_with_its_level_text_and_cost():
    new = (
        '{"level":"serious","text":"Roof at end of life",'
        '"cost":{"amount":180000,"basis":"estimated"}}'
    )
    line = describe("checklist:fin_accounts.finding", None, new, _q())
    assert line.what == "Due diligence: Audited accounts: finding"
    assert line.old == "no finding"
    assert line.new == "Serious: Roof at end of life (£180,000, estimated)"
    unknown = '{"level":"concern","text":"","cost":{"amount":null,"basis":"unknown"}}'
    assert describe("checklist:fin_accounts.finding", None, unknown, _q()).new == (
        "Concern (cost not yet known)"
    )


def test_the_decision_reads_as_its_question_and_dates():
    new = (
        '{"question":"Should Hillside join?","decide_by":"2027-01-20","joining_on":"",'
        '"school_reasons":"","trust_reasons":"","recommendation":"Join","conditions":["A plan"]}'
    )
    line = describe("decision", None, new, _q())
    assert line.what == "Decision put to the board"
    assert line.old == "none recorded"
    assert (
        line.new == "“Should Hillside join?”, decide by 2027-01-20, recommended: Join, 1 condition"
    )


def test_an_agreed_target_says_who_agreed_it_and_when():
    new = (
        '{"purpose":0.5,"practice":0.5,"by":"","steps":[],"status":"agreed",'
        '"agreed_by":"Both boards","agreed_on":"2026-12-01"}'
    )
    line = describe("target:reading", None, new, _q())
    assert line.new == "purpose +0.50, practice +0.50, agreed by Both boards on 2026-12-01"


def test_details_perspective_and_the_trusts_reference():
    q = _q()
    role = describe("assessor_role", "", "Head of Hillside", q)
    assert (role.what, role.old, role.new) == ("Assessor's role", NOTHING, "Head of Hillside")
    view = describe("perspective", None, "school", q)
    assert (view.what, view.old, view.new) == (
        "Whose view this is",
        "not recorded",
        "the school's own",
    )
    ref = describe(
        "reference:reading", None, '{"practice":"Phonics","purpose":"","school_decides":"Books"}', q
    )
    assert ref.what == "Trust reference for Reading"
    assert ref.new == "practice: Phonics; the school decides: Books"
    taken = describe("reference_as_of", "2026-11-01", "2026-12-05", q)
    assert (taken.what, taken.old, taken.new) == (
        "Trust reference: as it stood on",
        "2026-11-01",
        "2026-12-05",
    )
