"""The start list shows the checklist's progress apart from the questions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ddwizard.core.assessment import ChecklistEntry, Finding, ItemStatus, School
from ddwizard.core.changes import ChecklistEntrySet, SchoolSet
from ddwizard.ui.assessment_table import CHECKLIST, COLUMNS, COMPLETE


def test_the_start_list_shows_items_done_and_findings_apart_from_questions(qtbot, window):
    aid = window.actions.new_assessment()
    window.model.apply(SchoolSet(School("Hillside Primary")))
    items = [i.id for area in window.model.questionnaire.due_diligence for i in area.items]
    concern = Finding("concern", "Lease unsigned")
    window.model.apply(ChecklistEntrySet(ChecklistEntry(items[0], ItemStatus.DONE)))
    window.model.apply(ChecklistEntrySet(ChecklistEntry(items[1], "done", finding=concern)))
    window.model.apply(ChecklistEntrySet(ChecklistEntry(items[2], ItemStatus.IN_PROGRESS)))
    window.model.flush()
    window.show_start()
    table = window.start.table.model()
    row = window.start.table_model.row_of(aid)
    assert (COLUMNS[COMPLETE], COLUMNS[CHECKLIST]) == ("Questions", "Checklist")
    cell = table.index(row, CHECKLIST)
    assert cell.data() == f"2 of {len(items)}, 1 finding"
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Due diligence: 2 of {len(items)} items done or not applicable; 1 with a finding"
    assert table.index(row, COMPLETE).data() == "0%"  # no question answered yet
