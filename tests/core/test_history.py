"""An assessment's history in words: each kind of audit row reads as a sentence, and nothing
stored is dropped or misread."""

from ddwizard.core.history import NOTHING, describe, history, local_time
from ddwizard.core.questionnaire import ChecklistArea, ChecklistItem, Questionnaire

from .builders import referent


def _q() -> Questionnaire:
    area = ChecklistArea("finance", "Finance", (ChecklistItem("fin_accounts", "Audited accounts"),))
    reading = referent("reading")
    return Questionnaire("t", "1", "T", (reading,), due_diligence=(area,))


def test_an_answer_reads_as_the_question_and_its_option_labels():
    line = describe("answer:reading_pr0.option", None, "mostly", _q())
    assert line.what == "Reading: “Question reading_pr0?”: answer"
    assert (line.old, line.new) == ("not answered", "Mostly the trust's")
    cleared = describe("answer:reading_pr0.option", "own", None, _q())
    assert (cleared.old, cleared.new) == ("The trust's own", "not answered")


def test_evidence_notes_checklist_and_details_read_in_words():
    q = _q()
    evidence = describe(
        "answer:reading_pu1.evidence", '["documents"]', '["documents","parents"]', q
    )
    assert evidence.what.endswith("evidence sources")
    assert (evidence.old, evidence.new) == ("documents", "documents, parents")
    status = describe("checklist:fin_accounts.status", "in_progress", "done", q)
    assert status.what == "Due diligence: Audited accounts: status"
    assert (status.old, status.new) == ("In progress", "Done")
    note = describe("referent:reading.note", None, "Seen in Year 1 <b>&</b> 2 🙂", q)
    assert (note.what, note.old, note.new) == (
        "Reading: note",
        NOTHING,
        "Seen in Year 1 <b>&</b> 2 🙂",
    )
    school = describe("school", '{"name": "Old name"}', '{"name": "St Mary’s"}', q)
    assert (school.what, school.old, school.new) == ("School", "Old name", "St Mary’s")
    status = describe("status", "draft", "final", q)
    assert (status.what, status.old, status.new) == ("Status", "draft", "final")


def test_a_target_reads_as_its_position_date_and_steps():
    new = '{"purpose": 0.8, "practice": -0.25, "by": "2027-09", "steps": [{"purpose": 0.5}]}'
    line = describe("target:reading", None, new, _q())
    assert line.what == "Reading: target and route"
    assert line.old == "no target"
    assert line.new == "purpose +0.80, practice −0.25, by 2027-09, 1 step"


def test_unknown_keys_and_ids_are_shown_as_stored_never_dropped():
    q = _q()
    assert describe("something:new", "a", "b", q).what == "something:new"
    gone = describe("answer:removed_question.option", None, "x", q)
    assert gone.what == "removed_question: answer" and gone.new == "x"


def test_history_keeps_order_and_times():
    rows = [
        ("assessment", None, "created", "2026-12-01T09:00:00.000Z"),
        ("label", "", "Pre-join visit", "2026-12-01T09:05:00.000Z"),
    ]
    lines = history(rows, _q())
    assert [line.at for line in lines] == [r[3] for r in rows]
    assert lines[1].what == "Label" and lines[1].new == "Pre-join visit"
    assert local_time("not a time") == "not a time"
    assert len(local_time(rows[0][3])) == len("2026-12-01 09:00")
