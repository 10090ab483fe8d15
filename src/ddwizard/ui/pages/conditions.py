"""The conditions a recommendation comes with, as a list a person edits from the keyboard:
each condition its own text box (Tab moves on, as in a form), Enter at the end of one adds
the next after it, and each has a Remove button. Empty conditions are not kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ddwizard.ui.fields import GrowingText, TextBinding
from ddwizard.ui.pages.base import named


class ConditionRow(QWidget):
    def __init__(self, n: int, model, save: Callable[[str], bool]) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = GrowingText(min_lines=1, max_lines=6)
        self.text.setPlaceholderText("A condition of the recommendation")
        self.binding = TextBinding(self.text, model, save)
        self.remove = QPushButton("Remove")
        row.addWidget(self.text, 1)
        row.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        self.number(n)

    def number(self, n: int) -> None:
        named(self.text, f"Condition {n}", "Enter at its end adds another condition")
        named(self.remove, "Remove", f"Remove condition {n}")


class ConditionList(QWidget):
    """`save(conditions)` writes the list as a whole (the page makes it a DecisionSet)."""

    def __init__(self, model, save: Callable[[tuple[str, ...]], bool]) -> None:
        super().__init__()
        self.model, self._save = model, save
        self.rows: list[ConditionRow] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.column = QVBoxLayout()
        self.column.setSpacing(6)
        column.addLayout(self.column)
        self.add_button = QPushButton("Add a condition")
        named(self.add_button, "Add a condition", "A new condition at the end of the list")
        self.add_button.clicked.connect(lambda: self.add(len(self.rows)))
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._keys = _EnterAdds(self)

    def conditions(self) -> tuple[str, ...]:
        """What the rows hold, empty ones left out."""
        return tuple(t for r in self.rows if (t := r.text.toPlainText().strip()))

    def show_conditions(self, stored: tuple[str, ...]) -> None:
        """Show the stored list, unless the rows already say the same (a row being typed,
        or a new empty one, stays as it is)."""
        if self.conditions() == tuple(stored):
            return
        while self.rows:
            self._drop(self.rows[-1])
        for text in stored:
            self._make_row().binding.set_text(text)

    def add(self, at: int) -> ConditionRow:
        """A new empty condition at `at`, with the focus in it, to be typed."""
        self.flush()
        row = self._make_row(at)
        row.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def remove(self, row: ConditionRow) -> None:
        self.flush()
        at = self.rows.index(row)
        self._drop(row)
        self._save(self.conditions())
        target = self.rows[min(at, len(self.rows) - 1)].text if self.rows else self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)  # never left on a button now gone

    def flush(self) -> None:
        for row in self.rows:
            row.binding.flush()

    def _make_row(self, at: int | None = None) -> ConditionRow:
        at = len(self.rows) if at is None else at
        row = ConditionRow(at + 1, self.model, lambda _t: self._save(self.conditions()))
        row.remove.clicked.connect(lambda: self.remove(row))
        row.text.installEventFilter(self._keys)
        self.rows.insert(at, row)
        self.column.insertWidget(at, row)
        row.show()  # now, not on the layout's next turn: Tab reaches its Remove at once
        self._renumber()
        return row

    def _drop(self, row: ConditionRow) -> None:
        self.rows.remove(row)
        row.binding.set_text(row.text.toPlainText())  # nothing left to write
        row.hide()
        row.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        chain = []
        for n, row in enumerate(self.rows, 1):
            row.number(n)
            chain += [row.text, row.remove]
        for before, after in zip([*chain], [*chain[1:], self.add_button], strict=False):
            QWidget.setTabOrder(before, after)


class _EnterAdds(QObject):
    """Enter (without Shift) at the very end of a condition adds the next one after it."""

    def __init__(self, owner: ConditionList) -> None:
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or event.key() not in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or watched.isReadOnly():
            return False
        if not watched.textCursor().atEnd():
            return False
        rows = [r.text for r in self.owner.rows]
        if watched in rows:
            self.owner.add(rows.index(watched) + 1)
            return True
        return False
