"""The start screen: empty state, the list and its search, re-assess, delete, import and
export through the background runner, and the demo."""

from __future__ import annotations

from ddwizard.core.assessment import School, Status, Target
from ddwizard.ui.assessment_table import COMPLETE

from .helpers import click


def visible_rows(window) -> list[str]:
    proxy = window.start.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def new_named(window, school: str) -> int:
    aid = window.actions.new_assessment()
    window.model.set_details(school=School(school), trust_name="Riverside Learning Trust")
    return aid


def test_empty_state_then_list_and_search(qtbot, window):
    assert window.start.pages.currentIndex() == 0
    new_named(window, "Hillside Primary")
    new_named(window, "Oakfield Academy")
    window.show_start()
    assert window.start.pages.currentIndex() == 1
    assert sorted(visible_rows(window)) == ["Hillside Primary", "Oakfield Academy"]
    qtbot.keyClicks(window.start.search, "oak")
    assert visible_rows(window) == ["Oakfield Academy"]
    assert window.start.proxy.index(0, COMPLETE).data() == "0%"


def test_reassess_starts_from_the_previous_answers_notes_and_targets(qtbot, window, db):
    old = new_named(window, "Hillside Primary")
    qid = window.model.questionnaire.referents[0].questions[0].id
    rid = window.model.questionnaire.referents[0].id
    window.model.set_answer(qid, option="mostly", note="kept")
    window.model.set_referent_note(rid, note="area note")
    window.model.set_target(Target(rid, 0.5, 0.5, "2027-09"))
    window.model.set_details(status=Status.FINAL)
    window.show_start()
    window.start.select(old)
    click(qtbot, next(b for b in window.start._row_buttons if b.text() == "Re-assess"))
    new = window.model.assessment_id
    assert new != old
    a, b = db.load_assessment(old), db.load_assessment(new)
    assert (b.answers, b.referent_notes, b.targets) == (a.answers, a.referent_notes, a.targets)
    assert (b.school, b.trust.name, b.status) == (a.school, a.trust.name, Status.DRAFT)
    assert b.uid != a.uid
    assert [i.id for i in window.model.earlier_assessments()] == [old] or (
        a.assessed_on == b.assessed_on
    )  # same day: storage orders by creation


def test_delete_asks_first(qtbot, window, dialogs, db):
    aid = new_named(window, "Hillside Primary")
    window.show_start()
    dialogs.confirms = [False, True]
    window.actions.delete(aid)
    assert [i.id for i in db.list_assessments()] == [aid]
    window.actions.delete(aid)
    assert db.list_assessments() == []
    assert window.start.pages.currentIndex() == 0


def test_export_then_import_as_a_copy(qtbot, window, dialogs, db, tmp_path):
    aid = new_named(window, "Hillside Primary")
    window.show_start()
    bundle = tmp_path / "hillside.json"
    dialogs.save_paths = [str(bundle)]
    window.actions.export_bundle(aid)
    qtbot.waitUntil(lambda: not window.runner.busy())
    assert bundle.exists()
    dialogs.open_paths = [str(bundle)]
    dialogs.choices = [1]  # the uid is already here: add as a copy
    window.actions.import_bundle()
    qtbot.waitUntil(lambda: len(db.list_assessments()) == 2)
    qtbot.waitUntil(lambda: not window.runner.busy())
    assert any(kind == "choose" for kind, _ in dialogs.asked)
    assert not dialogs.errors


def test_a_bundle_needs_the_names(qtbot, window, dialogs):
    aid = window.actions.new_assessment()
    window.actions.export_bundle(aid)
    assert "names" in dialogs.errors[0]
    assert not any(kind == "save" for kind, _ in dialogs.asked)


def test_a_bad_bundle_is_reported_in_words(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    dialogs.open_paths = [str(bad)]
    window.actions.import_bundle()
    qtbot.waitUntil(lambda: bool(dialogs.errors))
    assert "bad.json" in dialogs.errors[0]


def test_the_demo_opens(qtbot, window):
    window.actions.demo()
    qtbot.waitUntil(lambda: window.model.is_open(), timeout=10_000)
    assert window.model.has_answers()
