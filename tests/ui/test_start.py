"""The start screen: empty state, the list and its search, re-assess, delete, import and
export through the background runner, and the demo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from ddwizard.core.assessment import School, Status, Target
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerNoted,
    ReferentNoted,
    SchoolSet,
    StatusSet,
    TargetSet,
    TrustChosen,
)
from ddwizard.ui.assessment_table import CHANGED, COMPLETE, changed_text

from .helpers import click


def visible_rows(window) -> list[str]:
    model = window.start.table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def new_named(window, school: str) -> int:
    aid = window.actions.new_assessment()
    window.model.apply(SchoolSet(School(school)))
    window.model.apply(TrustChosen("Riverside Learning Trust"))
    return aid


def test_empty_state_then_list_and_search(qtbot, window):
    assert window.start.showing_welcome()
    new_named(window, "Hillside Primary")
    new_named(window, "Oakfield Academy")
    window.show_start()
    assert not window.start.showing_welcome()
    assert sorted(visible_rows(window)) == ["Hillside Primary", "Oakfield Academy"]
    qtbot.keyClicks(window.start.search, "oak")
    assert visible_rows(window) == ["Oakfield Academy"]
    assert window.start.table.model().index(0, COMPLETE).data() == "0%"


def test_reassess_starts_from_the_previous_answers_notes_and_targets(qtbot, window, db):
    old = new_named(window, "Hillside Primary")
    question = window.model.questionnaire.referents[0].questions[0]
    rid = window.model.questionnaire.referents[0].id
    # An option the question has: re-assess carries only answers the questionnaire can hold.
    window.model.apply(AnswerChosen(question.id, question.options[1].key))
    window.model.apply(AnswerNoted(question.id, "kept"))
    window.model.apply(ReferentNoted(rid, "area note"))
    window.model.apply(TargetSet(Target(rid, 0.5, 0.5, "2027-09")))
    window.model.apply(StatusSet(Status.FINAL))
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
    assert window.start.showing_welcome()


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


def test_sorting_by_a_column_keeps_the_selected_assessment(qtbot, window):
    hill = new_named(window, "hillside Primary")
    oak = new_named(window, "Oakfield Academy")
    ash = new_named(window, "Ashby Juniors")
    first = window.model.questionnaire.referents[0].questions[0]
    window.model.apply(AnswerChosen(first.id, "mostly"))
    window.show_start()
    assert visible_rows(window) == ["Ashby Juniors", "Oakfield Academy", "hillside Primary"]
    window.start.select(oak)
    header = window.start.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(0) + 5, 5),
    )
    names = visible_rows(window)
    assert names in (sorted(names, key=str.casefold), sorted(names, key=str.casefold)[::-1])
    assert names[0] in ("Ashby Juniors", "Oakfield Academy")  # case is ignored
    assert window.start.selected_id() == oak
    window.start.table.sortByColumn(COMPLETE, Qt.SortOrder.DescendingOrder)
    assert visible_rows(window)[0] == "Ashby Juniors"  # the only one with an answer
    window.start.table.sortByColumn(CHANGED, Qt.SortOrder.AscendingOrder)
    assert visible_rows(window) == ["hillside Primary", "Oakfield Academy", "Ashby Juniors"]
    assert window.start.selected_id() == oak
    assert {i.id for i in window.start.table_model.rows} == {hill, oak, ash}


def test_search_finds_any_part_ignoring_case_and_clears(qtbot, window):
    new_named(window, "Hillside Primary")
    new_named(window, "Oakfield Academy")
    window.show_start()
    qtbot.keyClicks(window.start.search, " RIVERSIDE ")  # the trust's name, in other case
    assert len(visible_rows(window)) == 2
    window.start.search.clear()
    qtbot.keyClicks(window.start.search, "draft")  # the status
    assert len(visible_rows(window)) == 2
    window.start.search.clear()
    qtbot.keyClicks(window.start.search, "<nothing & no one>")
    assert visible_rows(window) == []
    assert not any(b.isEnabled() for b in window.start._row_buttons)
    window.start.search.clear()
    assert len(visible_rows(window)) == 2


def test_the_time_changed_is_shown_in_local_time(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        assert changed_text("2026-07-01T09:05:00.000Z") == "1 Jul 2026, 10:05"  # summer time
        assert changed_text("2026-12-01T09:05:00.000Z") == "1 Dec 2026, 09:05"
        assert changed_text("not a time") == "not a time"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_search_keeps_the_selected_assessment_while_it_is_shown(qtbot, window):
    hill = new_named(window, "Hillside Primary")
    new_named(window, "Oakfield Academy")
    window.show_start()
    window.start.select(hill)
    qtbot.keyClicks(window.start.search, "hill")
    assert window.start.selected_id() == hill
    window.start.search.clear()
    assert window.start.selected_id() == hill and len(visible_rows(window)) == 2


def test_in_a_narrow_window_the_names_keep_room_and_other_columns_give_way(qtbot, window):
    """At 700 wide the school, trust and label each keep at least eight ems (they were a few
    letters each); the assessor and the checklist give way first, and come back when the
    window is widened again."""
    from ddwizard.ui.pages.base import em
    from ddwizard.ui.start import NAME_EMS, NAMES

    new_named(window, "Wrenholme St Aidan's C of E Primary School")
    window.show_start()
    table = window.start.table
    header = table.horizontalHeader()
    heads = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(8)]

    def shown() -> list[str]:
        return [h for c, h in enumerate(heads) if not table.isColumnHidden(c)]

    window.resize(700, 614)
    qtbot.waitUntil(lambda: "Assessor" not in shown())
    assert shown()[:3] == ["School", "Trust", "Label"] and "Last changed" in shown()
    assert "Checklist" not in shown()
    for column in NAMES:
        assert header.sectionSize(column) >= NAME_EMS * em(table) - 1
    assert not table.horizontalScrollBar().isVisible()  # still never sideways
    window.resize(1093, 614)
    qtbot.waitUntil(lambda: len(shown()) == 8)
