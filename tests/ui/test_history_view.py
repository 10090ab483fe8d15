"""The History view shows the audit trail in words, newest first, and can be searched."""

from dataclasses import replace

from PySide6.QtCore import Qt

from ddwizard import services
from ddwizard.core.assessment import ItemStatus
from ddwizard.core.changes import ChecklistEntrySet, DetailSet
from ddwizard.ui.history_view import HistoryView


def test_history_view_shows_changes_newest_first_and_filters(qtbot, db):
    aid = services.create_demo(db)
    entry = db.load_assessment(aid).due_diligence[0]
    db.apply(aid, ChecklistEntrySet(replace(entry, status=ItemStatus.IN_PROGRESS)))
    db.apply(aid, DetailSet("label", "Second visit <after> half-term & 🙂"))
    view = HistoryView(db, aid)
    qtbot.addWidget(view)
    view.show()
    rows = view.visible_rows()
    assert rows[0][1] == "Label" and rows[0][3] == "Second visit <after> half-term & 🙂"
    assert rows[1][1].endswith(": status") and rows[1][2:] == ("Done", "In progress")
    assert rows[-1][1:] == ("The assessment", "(nothing)", "created")

    qtbot.keyClicks(view.search, "in progress")
    assert [r[3] for r in view.visible_rows()] == ["In progress"]
    view.search.clear()
    assert len(view.visible_rows()) == len(rows)

    # The list is one Tab stop: Tab leaves it for the Close button, arrows move inside.
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert view.tree.currentItem() is view.tree.topLevelItem(1)
    qtbot.keyClick(view.tree, Qt.Key.Key_Tab)
    assert not view.tree.hasFocus()
