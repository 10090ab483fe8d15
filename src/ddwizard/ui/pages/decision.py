"""The step "Decision": what the governing board is asked to decide and by when, the
proposed joining date, why each side wants this, and the recommendation with its
conditions. It opens the board paper. Everything is saved as it is typed, as one decision
(`DecisionSet`), so each edit can be undone."""

from __future__ import annotations

import dataclasses
import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ddwizard.core.assessment import Decision
from ddwizard.core.changes import Change, DecisionSet
from ddwizard.ui import theme
from ddwizard.ui.access import announce
from ddwizard.ui.dates import shown
from ddwizard.ui.fields import TextBinding, date_edit, show_date, text_box
from ddwizard.ui.pages.base import ScrollPage, em, heading, section
from ddwizard.ui.pages.conditions import ConditionList
from ddwizard.ui.readonly import lock

INTRO = (
    "What the governing board is asked to decide, by when, and why each side wants it. "
    "The brief opens with this. Everything here is saved as you type."
)
TEXTS = (  # field, label, accessible name, hint, lines
    ("question", "&Question", "Question for the board", "What is the board asked to decide?", 2),
    ("school_reasons", "&School's reasons", "The school's reasons", "Why the school wants this", 2),
    ("trust_reasons", "&Trust's reasons", "The trust's reasons", "Why the trust wants this", 2),
    (
        "recommendation",
        "&Recommendation",
        "Recommendation",
        "What the assessor recommends the board decides",
        2,
    ),
)


def joining_before_decision(d: Decision | None) -> str:
    """In words, when the proposed joining date comes before the board decides ("" when
    not, or when either date is missing)."""
    if d is None or not d.decide_by or not d.joining_on:
        return ""
    try:
        decide = datetime.date.fromisoformat(d.decide_by)
        join = datetime.date.fromisoformat(d.joining_on)
    except ValueError:
        return ""
    if join >= decide:
        return ""
    return (
        f"The proposed joining date ({shown(d.joining_on)}) comes before the board decides "
        f"({shown(d.decide_by)}). Check both dates: the school can only join after the "
        "decision."
    )


class DecisionPage(ScrollPage):
    name = "decision"  # its row in the wizard's table (ui/pages/table.py)

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.body.addWidget(heading(self.title, INTRO))
        holder = QWidget()
        holder.setMaximumWidth(52 * em(holder))
        form = self.form = QFormLayout(holder)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        self.body.addWidget(holder)
        self.texts: dict[str, TextBinding] = {}
        self._text_row(*TEXTS[0])
        self._dates()
        form.addRow(section("Why each side wants this"))
        for spec in TEXTS[1:3]:
            self._text_row(*spec)
        form.addRow(section("Recommendation"))
        self._text_row(*TEXTS[3])
        self.conditions = ConditionList(model, lambda c: self._save(conditions=c))
        label = QLabel("&Conditions")
        label.setBuddy(self.conditions.add_button)
        form.addRow(label, self.conditions)
        self.scroll.finish()
        model.changed.connect(self._on_changed)  # a bound method: let go when the page goes

    def _text_row(self, field: str, label: str, name: str, hint: str, lines: int) -> None:
        box = text_box(name, hint, lines=lines)
        self.texts[field] = TextBinding(box, self.model, lambda t, f=field: self._save(**{f: t}))
        self.form.addRow(label, box)

    def _dates(self) -> None:
        self.decide_by = date_edit("Decide by")
        self.decide_by.dateChanged.connect(lambda iso: self._save(decide_by=iso))
        self.form.addRow("&Decide by", self.decide_by)
        self.joining_on = date_edit("Proposed joining date")
        self.joining_on.dateChanged.connect(lambda iso: self._save(joining_on=iso))
        self.form.addRow("&Joining date", self.joining_on)
        self.date_warning = theme.label("", bold=True)
        self.date_warning.hide()
        self.form.addRow("", self.date_warning)

    # --- load and save -----------------------------------------------------------------------

    def decision(self) -> Decision:
        return self.model.assessment.decision or Decision()

    def load(self) -> None:
        d = self.decision()
        for field, binding in self.texts.items():
            binding.set_text(getattr(d, field))
        show_date(self.decide_by, d.decide_by)
        show_date(self.joining_on, d.joining_on)
        self.conditions.show_conditions(d.conditions)
        if self.locked:  # rows made just now are locked like the rest of the page
            lock(self.conditions, True)
        self._warn()

    def _save(self, **fields) -> bool:
        new = dataclasses.replace(self.decision(), **fields)
        return new == self.decision() or self.model.apply(DecisionSet(new))

    def save(self) -> None:
        self.conditions.flush()
        super().save()

    def _on_changed(self, change: Change) -> None:
        if isinstance(change, DecisionSet):
            self._warn()

    def _warn(self) -> None:
        words = joining_before_decision(self.model.assessment.decision)
        if words and words != self.date_warning.text() and self.isVisible():
            announce(self.date_warning, words)  # said as it appears, not only shown
        self.date_warning.setText(words)
        self.date_warning.setVisible(bool(words))
