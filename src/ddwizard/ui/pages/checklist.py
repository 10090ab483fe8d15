"""Due diligence: the standard checklist, area by area, beside the practice–purpose work,
both ways (the trust on the school, the school on the trust) and the conversion's own steps.
Each item has a status (how far the work has gone), an owner, a due date and a note, and,
apart from its status, what was found (see `finding`); the page counts findings."""

from __future__ import annotations

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

from ddwizard.core.assessment import ChecklistEntry, Finding, ItemStatus
from ddwizard.core.changes import Change, ChecklistEntrySet
from ddwizard.core.questionnaire import ChecklistArea, ChecklistItem
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, date_edit, date_text, show_date, text_box
from ddwizard.ui.pages.base import MARGIN, Page, Scrolling, em, heading, named, titled_card
from ddwizard.ui.pages.finding import FindingEditor, labelled
from ddwizard.ui.pages.found_in_areas import attach as found_in_areas
from ddwizard.ui.widgets import FlowLayout
from ddwizard.ui.wrapping import WrapToColumn

INTRO = (
    "The usual due-diligence checklist, kept beside the practice and purpose work rather "
    "than replaced by it. Choose an area on the left; each item has a status, an owner, a "
    "date it is due and a note, and what was found, if anything, with its cost."
)
AREA_ROLE = Qt.ItemDataRole.UserRole  # a list row's area, by its index in the questionnaire
SIDES = {  # whose due diligence an area is, as the list heads it
    "school": "Due diligence on the school",
    "trust": "Due diligence on the trust",
    "conversion": "The conversion: steps and dates",
}
SETTLED = (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE)
STORED = object()  # an item saved with its finding as stored


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
            fields.addWidget(labelled(text, widget))
        layout.addLayout(fields)
        layout.addWidget(self.note)
        self.finding = FindingEditor(model, item.text, lambda f: self._save(finding=f))
        layout.addWidget(self.finding)
        self.status.currentIndexChanged.connect(lambda _i: self._save())
        self.due.dateChanged.connect(lambda _iso: self._save())
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
        self.finding.show_finding(entry.finding)

    def _save(self, finding: Finding | None | object = STORED) -> bool:
        """Store the item as its fields show it; `finding` as given, else as stored (the
        finding's own fields write it themselves)."""
        if finding is STORED:
            stored = self.model.assessment.entry_for(self.item.id)
            finding = stored.finding if stored else None
        status = ItemStatus(self.status.currentData())
        entry = ChecklistEntry(
            self.item.id,
            status,
            self.note.toPlainText(),
            self.owner.text(),
            date_text(self.due),
            finding,
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
    name = "checklist"  # its row in the wizard's table (ui/pages/table.py)

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.areas = list(model.questionnaire.due_diligence)
        self.details: dict[int, AreaChecklist] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, 0, 0)
        self.top = QVBoxLayout()
        self.top.setContentsMargins(0, 0, MARGIN, 0)
        self.top.addWidget(heading(self.title, INTRO))
        self.summary = theme.label("")
        self.top.addWidget(self.summary)
        layout.addLayout(self.top)
        row = QHBoxLayout()
        self.list = self._area_list()
        self.stack = QStackedWidget()
        row.addWidget(self.list, 1)
        row.addWidget(self.stack, 2)
        layout.addLayout(row, 1)
        self.found = found_in_areas(self)  # answers below a legal or safety minimum, first
        model.changed.connect(self._on_changed)  # a bound method: let go when the page goes

    def _area_list(self) -> QTreeWidget:
        """The areas, under a heading for each side when there is more than one."""
        tree = QTreeWidget()
        tree.setHeaderLabels(["Area", "Done", "Findings"])
        tree.setRootIsDecorated(False)
        WrapToColumn(tree)  # a title on two lines or more, never cut short
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        named(tree, "Checklist areas", "Choose an area to see its items")
        tree.setMinimumWidth(14 * em(self))  # narrower in a narrow window, never wider
        tree.setMaximumWidth(26 * em(self))
        sides = list(dict.fromkeys(a.side for a in self.areas))
        tree.setIndentation(em(self) if len(sides) > 1 else 0)
        self._items: list[QTreeWidgetItem] = []
        for side in sides:
            parent = tree if len(sides) == 1 else _side_item(tree, side)
            for i, area in enumerate(self.areas):
                if area.side == side:
                    item = QTreeWidgetItem(parent, [area.title, "", ""])
                    item.setData(0, Qt.ItemDataRole.AccessibleTextRole, area.title)
                    item.setData(0, AREA_ROLE, i)
                    self._items.append(item)
        self._items.sort(key=lambda item: item.data(0, AREA_ROLE))
        tree.expandAll()
        tree.currentItemChanged.connect(lambda item, _old: self._chosen(item))
        return tree

    def load(self) -> None:
        if self.areas and self.list.currentItem() is None:
            self.list.setCurrentItem(self._items[0])
        for detail in self.details.values():
            detail.load()
        self.found.load()
        self._count()

    def _on_changed(self, change: Change) -> None:
        if isinstance(change, ChecklistEntrySet):
            self._count()

    def area_rows(self, index: int) -> list[ItemRow]:
        """The rows of one area (built if not yet shown)."""
        return self._detail(index).rows

    def show_area(self, index: int) -> None:
        """Choose an area in the list (by its place in the questionnaire), showing it."""
        self.list.setCurrentItem(self._items[index])

    def _detail(self, index: int) -> AreaChecklist:
        if index not in self.details:
            detail = AreaChecklist(self.areas[index], self.model)
            detail.load()
            self.details[index] = detail
            self.stack.addWidget(detail)
        return self.details[index]

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        index = item.data(0, AREA_ROLE) if item is not None else None
        if index is not None:  # not a side's heading
            self.stack.setCurrentWidget(self._detail(index))

    def _count(self) -> None:
        if not self.areas:
            self.summary.setText("This questionnaire has no due-diligence checklist.")
            return
        entries = {e.item: e for e in self.model.assessment.due_diligence}
        found = done = total = 0
        for area, item in zip(self.areas, self._items, strict=True):
            here = [entries.get(i.id) for i in area.items]
            settled = sum(1 for e in here if e is not None and e.status in SETTLED)
            findings = sum(1 for e in here if e is not None and e.finding and e.finding.matters)
            item.setText(1, f"{settled}/{len(here)}")
            item.setText(2, str(findings) if findings else "")
            found, done, total = found + findings, done + settled, total + len(here)
        self.summary.setText(
            f"{_plural(found, 'finding')} recorded. {done} of {total} items done or not applicable."
        )


def _side_item(tree: QTreeWidget, side: str) -> QTreeWidgetItem:
    """A side's heading in the list: read, not chosen."""
    words = SIDES.get(side, side.capitalize())
    item = QTreeWidgetItem(tree, [words])
    item.setFirstColumnSpanned(True)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{words} (heading)")
    return item


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
