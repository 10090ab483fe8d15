"""Due diligence: the standard checklist, area by area, beside the practice–purpose work.
Each item has a status, an owner, a due date and a note; the page counts findings."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.assessment import ChecklistEntry, ItemStatus
from ddwizard.core.changes import Change, ChecklistEntrySet
from ddwizard.core.questionnaire import ChecklistArea, ChecklistItem
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, date_edit, date_text, show_date, text_box
from ddwizard.ui.pages.base import MARGIN, Page, Scrolling, em, heading, named, titled_card
from ddwizard.ui.widgets import FlowLayout

TITLE_CHARS = 20  # an area title's line in the list, at its narrowest
INTRO = (
    "The usual due-diligence checklist, kept beside the practice and purpose work rather "
    "than replaced by it. Choose an area on the left; each item has a status, an owner, a "
    "date it is due and a note."
)


class ItemRow(QWidget):
    """One checklist item. Every change is stored at once (text after a short pause)."""

    def __init__(self, item: ChecklistItem, model) -> None:
        super().__init__()
        self.item, self.model = item, model
        layout = titled_card(self, item.text, item.help, "help")
        fields = FlowLayout(spacing=12)  # side by side, or onto two lines when narrow
        self.status = QComboBox()
        for status in ItemStatus:
            self.status.addItem(status.label, status)
        named(self.status, "Status", item.text)
        self.owner = QLineEdit(placeholderText="Who is doing it")
        named(self.owner, "Owner", item.text)
        self.due = date_edit("Due date")
        self.due.setAccessibleDescription(item.text)
        self.note = text_box("Note", "Note (optional)", lines=1)
        self.note.setAccessibleDescription(item.text)
        self.owner.setMinimumWidth(14 * em(self))
        for text, widget in (("Status", self.status), ("Owner", self.owner), ("Due", self.due)):
            fields.addWidget(_labelled(text, widget))
        layout.addLayout(fields)
        layout.addWidget(self.note)
        self.status.currentIndexChanged.connect(self._save)
        self.due.dateChanged.connect(self._save)
        self.bindings = [
            TextBinding(w, model, lambda _t: self._save()) for w in (self.owner, self.note)
        ]

    def load(self) -> None:
        entry = self.model.assessment.entry_for(self.item.id) or ChecklistEntry(self.item.id)
        with QSignalBlocker(self.status):
            self.status.setCurrentIndex(self.status.findData(entry.status))
        show_date(self.due, entry.due)
        self.bindings[0].set_text(entry.owner)
        self.bindings[1].set_text(entry.note)

    def _save(self, *_) -> bool:
        status = ItemStatus(self.status.currentData())
        entry = ChecklistEntry(
            self.item.id, status, self.note.toPlainText(), self.owner.text(), date_text(self.due)
        )
        return self.model.apply(ChecklistEntrySet(entry))


class AreaChecklist(Scrolling):
    def __init__(self, area: ChecklistArea, model) -> None:
        super().__init__(max_em=56)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(theme.label(area.title, size=1.25, bold=True))
        self.rows = [ItemRow(item, model) for item in area.items]
        for row in self.rows:
            self.body.addWidget(row)
        self.finish()

    def load(self) -> None:
        for row in self.rows:
            row.load()


class ChecklistPage(Page):
    name, title = "checklist", "Due diligence"

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.areas = list(model.questionnaire.due_diligence)
        self.details: dict[int, AreaChecklist] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, 0, 0)
        top = QVBoxLayout()
        top.setContentsMargins(0, 0, MARGIN, 0)
        top.addWidget(heading(self.title, INTRO))
        self.summary = theme.label("")
        top.addWidget(self.summary)
        layout.addLayout(top)
        row = QHBoxLayout()
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Area", "Done", "Findings"])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        named(self.list, "Checklist areas", "Choose an area to see its items")
        self.list.setMinimumWidth(14 * em(self))  # narrower in a narrow window, never wider
        self.list.setMaximumWidth(26 * em(self))
        self.list.currentItemChanged.connect(
            lambda item, _old: item and self._show_area(self.list.indexOfTopLevelItem(item))
        )
        self.stack = QStackedWidget()
        row.addWidget(self.list, 1)
        row.addWidget(self.stack, 2)
        layout.addLayout(row, 1)
        for area in self.areas:
            item = QTreeWidgetItem(self.list, [_lines(area.title), "", ""])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, area.title)
        model.changed.connect(self._on_changed)  # a bound method: let go when the page goes

    def load(self) -> None:
        if self.areas and self.list.currentItem() is None:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        for detail in self.details.values():
            detail.load()
        self._count()

    def _on_changed(self, change: Change) -> None:
        if isinstance(change, ChecklistEntrySet):
            self._count()

    def area_rows(self, index: int) -> list[ItemRow]:
        """The rows of one area (built if not yet shown)."""
        return self._detail(index).rows

    def _detail(self, index: int) -> AreaChecklist:
        if index not in self.details:
            detail = AreaChecklist(self.areas[index], self.model)
            detail.load()
            self.details[index] = detail
            self.stack.addWidget(detail)
        return self.details[index]

    def _show_area(self, index: int) -> None:
        if index >= 0:
            self.stack.setCurrentWidget(self._detail(index))

    def _count(self) -> None:
        if not self.areas:
            self.summary.setText("This questionnaire has no due-diligence checklist.")
            return
        due = self.model.assessment.due_diligence
        entries = {e.item: e.status for e in due}
        found = {e.item for e in due if e.finding is not None and e.finding.matters}
        for i, area in enumerate(self.areas):
            statuses = [entries.get(item.id, ItemStatus.NOT_STARTED) for item in area.items]
            done = sum(s in (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE) for s in statuses)
            findings = sum(item.id in found for item in area.items)
            item = self.list.topLevelItem(i)
            item.setText(1, f"{done}/{len(statuses)}")
            item.setText(2, str(findings) if findings else "")
        total = sum(len(a.items) for a in self.areas)
        all_statuses = list(entries.values())
        done = all_statuses.count(ItemStatus.DONE) + all_statuses.count(ItemStatus.NOT_APPLICABLE)
        self.summary.setText(
            f"{_plural(len(found), 'item')} with a finding. "
            f"{done} of {total} items done or not applicable."
        )


def _lines(title: str, width: int = TITLE_CHARS) -> str:
    """A long area title on two or more lines, broken between words: the list's rows are
    as tall as their text, and a title is never cut short in a narrow window."""
    return "\n".join(textwrap.wrap(title, width)) or title


def _labelled(text: str, field: QWidget) -> QWidget:
    """A field with its name above it."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(theme.label(text, "muted", wrap=False))
    column.addWidget(field)
    return box


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
