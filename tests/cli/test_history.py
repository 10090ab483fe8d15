"""`ddwizard history ID [--json]`: what changed in an assessment, when, from what to what."""

import json

from ddwizard import services
from ddwizard.cli import main
from ddwizard.core.assessment import ChecklistEntry, ItemStatus
from ddwizard.core.changes import AnswerChosen, ChecklistEntrySet


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_history_lists_every_change_oldest_first_in_json_and_in_words(tmp_path, capsys):
    path = tmp_path / "dd.db"
    with services.open_database(path) as db:
        aid = services.create_demo(db)
        a = db.load_assessment(aid)
        answer = a.answers[0]
        q = db.questionnaire_for(aid)
        question = q.question(answer.question)
        other = next(o for o in question.options if o.key != answer.option)
        db.apply(aid, AnswerChosen(answer.question, other.key))
        entry = a.due_diligence[0]
        db.apply(
            aid,
            ChecklistEntrySet(
                ChecklistEntry(
                    entry.item, ItemStatus.IN_PROGRESS, "Waiting for the 2025-26 outturn"
                )
            ),
        )
    code, out, _ = run(capsys, "--db", str(path), "history", str(aid), "--json")
    assert code == 0
    rows = json.loads(out)
    assert [set(r) for r in rows] == [{"at", "what", "old", "new"}] * len(rows)
    assert rows[0]["what"] == "assessment" and rows[0]["new"] == "created"
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)
    changed = {r["what"]: (r["old"], r["new"]) for r in rows}
    assert changed[f"answer:{answer.question}.option"] == (answer.option, other.key)
    assert changed[f"checklist:{entry.item}.status"] == ("done", "in_progress")
    assert changed[f"checklist:{entry.item}.note"] == (
        entry.note,
        "Waiting for the 2025-26 outturn",
    )

    code, out, _ = run(capsys, "--db", str(path), "history", str(aid))
    assert code == 0
    assert question.text[:40] in out.replace("\n", " ")
    assert f"→ {other.label}" in out
    assert "Done → In progress" in out


def test_history_of_an_unknown_assessment_is_a_worded_error(tmp_path, capsys):
    path = tmp_path / "dd.db"
    assert run(capsys, "--db", str(path), "demo")[0] == 0
    code, out, err = run(capsys, "--db", str(path), "history", "99")
    assert code == 1 and out == ""
    assert err.startswith("ddwizard: error: ") and "99" in err
