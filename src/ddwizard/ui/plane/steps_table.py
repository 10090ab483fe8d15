"""The route's steps as an editable table, one row a step: where it sits and by when, what
is done, who owns it and who needs to know.

Each change is handed to `save(steps)` (the target editor writes it through the model):
positions at once, text after the usual autosave pause. Rows are updated in place when the
number of steps is unchanged, so a refresh never takes the cursor out of a field being typed.
A row's fields are stacked in two columns, so a narrow panel shows each of them whole; the
arrow keys move between steps and Tab goes through the fields and then out of the table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QSignalBlocker
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from ddwizard.core.assessment import Step
from ddwizard.core.limits import LONG_MAX, SHORT_MAX
from ddwizard.ui.fields import TextBinding

MONTH = QRegularExpression(r"(\d{4}-(0[1-9]|1[0-2]))?")
MONTH_HINT = "YYYY-MM"
COLUMNS = ("Where and by when", "What, and who")
TEXTS = (  # field, label, accessible name's end, hint, limit
    ("action", "Action", "action", "What is done at this step", LONG_MAX),
    ("owner", "Owner", "owner", "Who does it", SHORT_MAX),
    ("tell", "Tell", "who needs to know", "Who needs to know, and how", LONG_MAX),
)
MIN_HEIGHT = 120  # room for a step or two before there are any
FIELDS = ("purpose", "practice", "by", *(t[0] for t in TEXTS))


def month_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(MONTH_HINT)
    edit.setValidator(QRegularExpressionValidator(MONTH, edit))
    edit.setAccessibleName(name)
    edit.setMaxLength(7)
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000-00000"))
    return edit


def position_spin(name: str) -> QDoubleSpinBox:
    """−1 to +1 in steps of 0.05; typing writes on Enter or leaving the box, not per key."""
    spin = QDoubleSpinBox()
    spin.setRange(-1.0, 1.0)
    spin.setSingleStep(0.05)
    spin.setDecimals(2)
    spin.setKeyboardTracking(False)
    spin.setAccessibleName(name)
    return spin


def _form(owner: QWidget) -> QFormLayout:
    form = QFormLayout(owner)
    form.setContentsMargins(4, 3, 4, 3)
    form.setVerticalSpacing(3)
    form.setHorizontalSpacing(6)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class StepsTable(QTableWidget):
    def __init__(
        self, model, save: Callable[[tuple[Step, ...]], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.model = model
        self._save = save
        self._steps: tuple[Step, ...] = ()
        self._fields: list[dict[str, QWidget]] = []  # each row's fields, by name
        self._focus = _RowFollowsFocus(self)
        self.setHorizontalHeaderLabels(COLUMNS)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Steps on the route")
        self.setTabKeyNavigation(False)  # arrows move between steps; Tab goes on to the fields

    def field(self, row: int, name: str) -> QWidget:
        """One field of a step's row: purpose, practice, by, action, owner or tell."""
        return self._fields[row][name]

    def cells(self) -> list[QWidget]:
        """The editing fields, row by row, in the order Tab takes them."""
        return [fields[name] for fields in self._fields for name in FIELDS]

    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def show_steps(self, steps: tuple[Step, ...]) -> None:
        """Show stored steps; rebuild the rows only when their number changed."""
        self._steps = tuple(steps)
        if self.rowCount() != len(steps):
            current = self.currentRow()
            self.setRowCount(0)
            self._fields = []
            self.setRowCount(len(steps))
            for row in range(len(steps)):
                self._make_row(row)
            if 0 <= current < len(steps):
                self.selectRow(current)
        for row, step in enumerate(steps):
            self._fill_row(row, step)
        self._fit()

    def _fit(self) -> None:
        """As tall as its rows (the panel scrolls, not the table inside it)."""
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        frame = 2 * self.frameWidth() + self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(max(MIN_HEIGHT, rows + frame + 2))

    def _make_row(self, row: int) -> None:
        n, fields = row + 1, {}
        where = QWidget()
        form = _form(where)
        for axis in ("purpose", "practice"):
            spin = fields[axis] = position_spin(f"Step {n} {axis}")
            spin.valueChanged.connect(lambda v, r=row, a=axis: self._edit(r, **{a: v}))
            form.addRow(axis.capitalize(), spin)
        by = fields["by"] = month_edit(f"Step {n} by (month)")
        by.binding = TextBinding(by, self.model, lambda t, r=row: self._edit_by(r, t))
        form.addRow("By", by)
        what = QWidget()
        form = _form(what)
        for name, label, words, hint, limit in TEXTS:
            edit = fields[name] = QLineEdit(placeholderText=hint)
            edit.setAccessibleName(f"Step {n} {words}")
            edit.binding = TextBinding(
                edit, self.model, lambda t, r=row, f=name: self._edit(r, **{f: t}), limit=limit
            )
            form.addRow(label, edit)
        for widget in fields.values():
            widget.installEventFilter(self._focus)
        self._fields.append(fields)
        self.setCellWidget(row, 0, where)
        self.setCellWidget(row, 1, what)
        self.setRowHeight(row, max(where.sizeHint().height(), what.sizeHint().height()))

    def _fill_row(self, row: int, step: Step) -> None:
        fields = self._fields[row]
        for name in ("purpose", "practice"):
            spin, value = fields[name], getattr(step, name)
            if spin.value() != value:
                with QSignalBlocker(spin):
                    spin.setValue(value)
        for name in FIELDS[2:]:
            binding = fields[name].binding
            if not binding.dirty:  # text being typed stays; its binding writes it soon
                binding.set_text(getattr(step, name))
                binding.widget.setCursorPosition(0)  # show the start of a long action

    def _edit_by(self, row: int, text: str) -> bool:
        if not self.field(row, "by").hasAcceptableInput():
            return False  # half a month: keep it as typed until it reads YYYY-MM
        return self._edit(row, by=text)

    def _edit(self, row: int, **changes) -> bool:
        if not 0 <= row < len(self._steps):
            return True
        steps = list(self._steps)
        steps[row] = dataclasses.replace(steps[row], **changes)
        return self._save(tuple(steps))

    def flush(self) -> None:
        for fields in self._fields:
            for name in FIELDS[2:]:
                fields[name].binding.flush()


class _RowFollowsFocus(QObject):
    """The step whose field has the focus is the chosen one (for Remove, Up and Down)."""

    def __init__(self, table: StepsTable) -> None:
        super().__init__(table)
        self.table = table

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn:
            for row, fields in enumerate(self.table._fields):
                if watched in fields.values() and self.table.currentRow() != row:
                    self.table.selectRow(row)
        return False
