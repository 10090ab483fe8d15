"""The History view: an assessment's audit trail in words (what changed, when, from what,
to what), newest first, with a search box. The same words as `ddwizard history`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.history import HistoryLine, history, local_time

COLUMNS = ("When", "What changed", "From", "To")


class HistoryView(QDialog):
    """Shows the history of one assessment. Made from rows the database keeps, so it reads
    the same whether the changes came from this window, another, or an import."""

    def __init__(self, db, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        info = db.assessment_info(assessment_id)
        self.setWindowTitle(f"History: {info.school}")
        rows = [(e.what, e.old, e.new, e.at) for e in db.audit(assessment_id)]
        self.lines = list(reversed(history(rows, db.questionnaire_for(assessment_id))))
        self.search = QLineEdit(placeholderText="Search the history")
        self.search.setAccessibleName("Search the history")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAccessibleName("Changes, newest first")
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setTabKeyNavigation(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(False)
        for line in self.lines:
            self.tree.addTopLevelItem(_item(line))
        for column, width in enumerate((130, 340, 200)):
            self.tree.setColumnWidth(column, width)
        count = QLabel(_count_words(len(self.lines)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(count)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.tree.setFocus()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def visible_rows(self) -> list[tuple[str, str, str, str]]:
        """The rows shown now, as text (for tests and for reading aloud)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if not item.isHidden():
                out.append(tuple(item.text(c) for c in range(len(COLUMNS))))
        return out

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            haystack = " ".join(item.text(c) for c in range(len(COLUMNS))).casefold()
            item.setHidden(not all(w in haystack for w in words))


def _item(line: HistoryLine) -> QTreeWidgetItem:
    item = QTreeWidgetItem([local_time(line.at), line.what, line.old, line.new])
    for column in range(len(COLUMNS)):
        item.setToolTip(column, item.text(column))
        item.setData(column, Qt.ItemDataRole.AccessibleTextRole, item.text(column))
    return item


def _count_words(n: int) -> str:
    return "No changes recorded yet." if n == 0 else f"{n} change{'s' if n != 1 else ''}."
