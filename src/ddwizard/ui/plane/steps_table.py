"""The route's steps as an editable table: where each step sits, by when, and what is done.

Each change is handed to `save(steps)` (the target editor writes it through the model):
positions at once, text after the usual autosave pause. Rows are updated in place when the
number of steps is unchanged, so a refresh never takes the cursor out of a cell being typed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, QSignalBlocker
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from ddwizard.core.assessment import Step
from ddwizard.core.limits import LONG_MAX
from ddwizard.ui.fields import TextBinding

MONTH = QRegularExpression(r"(\d{4}-(0[1-9]|1[0-2]))?")
MONTH_HINT = "YYYY-MM"
COLUMNS = ("Purpose", "Practice", "By", "Action")


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


class StepsTable(QTableWidget):
    def __init__(
        self, model, save: Callable[[tuple[Step, ...]], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.model = model
        self._save = save
        self._steps: tuple[Step, ...] = ()
        self.setHorizontalHeaderLabels(COLUMNS)
        header = self.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Steps on the route")
        self.setTabKeyNavigation(False)  # arrows move between steps; Tab goes on to the cells

    def cells(self) -> list[QWidget]:
        """The editing fields, row by row."""
        return [self.cellWidget(r, c) for r in range(self.rowCount()) for c in range(4)]

    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def show_steps(self, steps: tuple[Step, ...]) -> None:
        """Show stored steps; rebuild the rows only when their number changed."""
        self._steps = tuple(steps)
        if self.rowCount() != len(steps):
            current = self.currentRow()
            self.setRowCount(0)
            self.setRowCount(len(steps))
            for row in range(len(steps)):
                self._make_row(row)
            if 0 <= current < len(steps):
                self.selectRow(current)
        for row, step in enumerate(steps):
            self._fill_row(row, step)

    def _make_row(self, row: int) -> None:
        n = row + 1
        for col, axis in enumerate(("purpose", "practice")):
            spin = position_spin(f"Step {n} {axis}")
            spin.valueChanged.connect(lambda v, r=row, a=axis: self._edit(r, **{a: v}))
            self.setCellWidget(row, col, spin)
        by = month_edit(f"Step {n} by (month)")
        by.binding = TextBinding(by, self.model, lambda t, r=row: self._edit_by(r, t))
        self.setCellWidget(row, 2, by)
        action = QLineEdit()
        action.setPlaceholderText("What is done at this step")
        action.setAccessibleName(f"Step {n} action")
        action.binding = TextBinding(
            action, self.model, lambda t, r=row: self._edit(r, action=t), limit=LONG_MAX
        )
        self.setCellWidget(row, 3, action)

    def _fill_row(self, row: int, step: Step) -> None:
        for col, value in ((0, step.purpose), (1, step.practice)):
            spin = self.cellWidget(row, col)
            if spin.value() != value:
                with QSignalBlocker(spin):
                    spin.setValue(value)
        for col, text in ((2, step.by), (3, step.action)):
            binding = self.cellWidget(row, col).binding
            if not binding.dirty:  # text being typed stays; its binding writes it soon
                binding.set_text(text)
                binding.widget.setCursorPosition(0)  # show the start of a long action

    def _edit_by(self, row: int, text: str) -> bool:
        if not self.cellWidget(row, 2).hasAcceptableInput():
            return False  # half a month: keep it as typed until it reads YYYY-MM
        return self._edit(row, by=text)

    def _edit(self, row: int, **changes) -> bool:
        if not 0 <= row < len(self._steps):
            return True
        steps = list(self._steps)
        steps[row] = dataclasses.replace(steps[row], **changes)
        return self._save(tuple(steps))

    def flush(self) -> None:
        for row in range(self.rowCount()):
            for col in (2, 3):
                self.cellWidget(row, col).binding.flush()
