"""`ddwizard history` words data version 2's changes: a flag, a finding, the decision."""

from ddwizard import services
from ddwizard.cli import main
from ddwizard.core.assessment import ChecklistEntry, Cost, Decision, Finding
from ddwizard.core.changes import AnswerFlagsSet, ChecklistEntrySet, DecisionSet


def test_history_shows_flags_findings_and_the_decision_in_words(tmp_path, capsys):
    path = tmp_path / "dd.db"
    with services.open_database(path) as db:
        aid = services.create_demo(db)
        a = db.load_assessment(aid)
        question = a.answers[0].question
        item = a.due_diligence[0].item
        db.apply(aid, AnswerFlagsSet(question, ["below_minimum"]))
        finding = Finding("serious", "Roof at end of life", Cost(180_000, "estimated"))
        db.apply(aid, ChecklistEntrySet(ChecklistEntry(item, "done", finding=finding)))
        db.apply(aid, DecisionSet(Decision("Should the school join?", "2027-01-20")))
    assert main(["--db", str(path), "history", str(aid)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "below a legal or safety minimum" in out
    assert "Serious: Roof at end of life (£180,000, estimated)" in out
    assert "“Should the school join?”, decide by 2027-01-20" in out
