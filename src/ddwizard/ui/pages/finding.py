"""What due diligence found on one item, kept apart from how far the work has gone: a level
(none, a note, a concern, serious), a text and, where it has one, a cost in pounds with its
basis (known, estimated, not yet known). The text and cost show only for a finding, so an
item with none stays one short card."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from ddwizard.core.assessment import Cost, CostBasis, Finding, FindingLevel
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, text_box
from ddwizard.ui.pages.base import em, named
from ddwizard.ui.widgets import FlowLayout

LEVELS = {
    FindingLevel.NONE: "No finding",
    FindingLevel.NOTE: "A note",
    FindingLevel.CONCERN: "A concern",
    FindingLevel.SERIOUS: "Serious",
}
NO_COST = ""  # the basis list's first entry: no cost recorded for this finding
BASES = {
    NO_COST: "No cost recorded",
    CostBasis.KNOWN: "Known",
    CostBasis.ESTIMATED: "Estimated",
    CostBasis.UNKNOWN: "Not yet known",
}
# Pounds and pence, with or without £ and thousands commas, below a million million.
_AMOUNT = re.compile(r"£?\s*(\d{1,3}(,\d{3}){1,3}|\d{1,12})(\.\d{1,2})?")
AMOUNT_WORDS = "Type the cost in pounds as a number, e.g. 412,000 or 412000.50."


class AmountError(ValueError):
    """Why a typed amount was refused, in words."""


def parse_amount(text: str) -> float | None:
    """Pounds as typed ("412,000", "£412000.50"); None when empty; AmountError if not."""
    text = text.strip()
    if not text:
        return None
    if not _AMOUNT.fullmatch(text):
        raise AmountError(f"“{text}” is not an amount. {AMOUNT_WORDS}")
    return float(text.lstrip("£").strip().replace(",", ""))


def amount_text(amount: float | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"


class FindingEditor(QWidget):
    """Edits one item's finding; `save(finding or None)` writes it (the row makes the
    checklist entry)."""

    def __init__(self, model, about: str, save: Callable[[Finding | None], bool]) -> None:
        super().__init__()
        self.model, self._save = model, save
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.level = _combo(LEVELS, "Finding", about)
        self.level.activated.connect(self._level_chosen)
        column.addWidget(labelled("Finding", self.level), 0, Qt.AlignmentFlag.AlignLeft)
        self.details = QWidget()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        self.text = text_box("What was found", "What was found, and what it means", lines=1)
        self.text.setAccessibleDescription(about)
        self.text_binding = TextBinding(self.text, model, lambda _t: self.write())
        inner.addWidget(self.text)
        costs = FlowLayout(spacing=12)
        self.basis = _combo(BASES, "Cost", about)
        self.basis.activated.connect(lambda _i: self._basis_chosen())
        self.amount = QLineEdit(placeholderText="e.g. 412,000")
        named(self.amount, "Amount in pounds", about)
        self.amount.setMinimumWidth(9 * em(self))
        self.amount.editingFinished.connect(self._amount_typed)
        model.flushRequested.connect(self._amount_typed)
        self._kept: Cost | None = None  # the cost as stored
        costs.addWidget(labelled("Cost", self.basis))
        costs.addWidget(labelled("Amount (£)", self.amount))
        inner.addLayout(costs)
        self.error = theme.label("")
        self.error.hide()
        inner.addWidget(self.error)
        column.addWidget(self.details)

    # --- showing -------------------------------------------------------------------------------

    def show_finding(self, f: Finding | None) -> None:
        f = f or Finding()
        with QSignalBlocker(self.level):
            self.level.setCurrentIndex(self.level.findData(str(f.level)))
        if not self.text_binding.dirty:
            self.text_binding.set_text(f.text)
        self._kept = f.cost
        basis = str(f.cost.basis) if f.cost else NO_COST
        with QSignalBlocker(self.basis):
            self.basis.setCurrentIndex(self.basis.findData(basis))
        if not self.amount.isModified():  # an amount being typed stays
            self.amount.setText(amount_text(f.cost.amount if f.cost else None))
            self._say("")
        self._fit()

    def _fit(self) -> None:
        """The text and cost only for a finding; the amount only for a cost in pounds."""
        self.details.setVisible(self.level.currentData() != FindingLevel.NONE)
        self.amount.setEnabled(
            self.basis.currentData() in (CostBasis.KNOWN, CostBasis.ESTIMATED)
            and self.basis.isEnabled()
        )

    # --- writing -------------------------------------------------------------------------------

    def cost(self) -> Cost | None:
        """The cost the fields say (None: none recorded); AmountError for an amount unread."""
        basis = self.basis.currentData()
        if basis == NO_COST:
            return None
        amount = None if basis == CostBasis.UNKNOWN else parse_amount(self.amount.text())
        return Cost(amount, CostBasis(basis))

    def write(self) -> bool:
        """Store the finding as its fields say. An amount that cannot be read is said in
        words and waits, as typed, to be put right; the rest is stored with the cost kept."""
        try:
            cost = self.cost()
        except AmountError as e:
            self._say(str(e))
            self.amount.setModified(True)  # still to be put right: kept as typed
            cost = self._kept
        else:
            self._say("")
            self._kept = cost
            if cost is not None:
                self.amount.setText(amount_text(cost.amount))  # as the app shows pounds
        level, text = FindingLevel(self.level.currentData()), self.text.toPlainText()
        empty = level is FindingLevel.NONE and not text.strip() and cost is None
        return self._save(None if empty else Finding(level, text, cost))

    def _amount_typed(self) -> None:
        """Leaving the step or closing: an amount typed but not yet written is written."""
        if self.amount.isModified():
            self.amount.setModified(False)
            self.write()

    def flush(self) -> None:
        self.text_binding.flush()

    def _level_chosen(self, _index: int) -> None:
        self.text_binding.flush()
        self.write()
        self._fit()  # the focus stays on the level: arrow keys go on choosing

    def _basis_chosen(self) -> None:
        self._fit()
        if not self.amount.isEnabled():
            self.amount.clear()
        self.write()

    def _say(self, words: str) -> None:
        self.error.setText(words)
        self.error.setVisible(bool(words))
        self.amount.setAccessibleDescription(words)


def _combo(choices: dict, name: str, about: str) -> QComboBox:
    box = QComboBox()
    for value, words in choices.items():
        box.addItem(words, str(value))
    named(box, name, about)
    return box


def labelled(text: str, field: QWidget) -> QWidget:
    """A field with its name above it."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    label = theme.label(text, "muted", wrap=False)
    label.setBuddy(field)
    column.addWidget(label)
    column.addWidget(field)
    return box
