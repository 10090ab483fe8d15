"""One area's target and route: where it should sit and by when, why, whether it is a
return trip, and the dated steps on the way. Every change is written through the model at
once (positions, ticks, buttons) or after the autosave pause (text)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.assessment import Step, Target, TargetStatus
from ddwizard.core.changes import RouteSet, TargetRemoved, TargetSet
from ddwizard.core.routes import suggest_route
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, date_edit, show_date, text_box
from ddwizard.ui.plane.steps_table import StepsTable, month_edit, position_spin
from ddwizard.ui.widgets import FlowLayout

RETURN_TRIP_HELP = (
    "The trust takes this area on because the school's practice differs: the route goes "
    "into B and brings that practice home to the trust, so the learning flows to the trust."
)
STATUSES = {
    TargetStatus.NOT_RECORDED: "Not recorded",
    TargetStatus.PROPOSED: "Proposed",
    TargetStatus.AGREED: "Agreed",
}
NO_TARGET = (
    "No target yet. Where should this area sit, and by when? The target need not be A: "
    "agreeing a shared purpose with a different practice (B) can be the right start."
)


class TargetEditor(QWidget):
    """Shows and edits the target of one area; `dialogs` asks before anything is lost."""

    note = Signal(str)  # a short word for the person (e.g. why no route was suggested)

    def __init__(self, model, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.dialogs = dialogs
        self.referent: str | None = None
        self.start: tuple[float, float] | None = None  # the area's current position
        self._build()
        self.show_area(None)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = theme.label(NO_TARGET, "muted")
        self.set_button = QPushButton("Set a target")
        self.set_button.setAccessibleName("Set a target")
        self.set_button.setAccessibleDescription("Start at the area's current position")
        self.set_button.clicked.connect(self.create_target)
        layout.addWidget(self.empty)
        layout.addWidget(self.set_button)
        self.body = QWidget()
        layout.addWidget(self.body)
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        self.purpose = position_spin("Target purpose")
        self.practice = position_spin("Target practice")
        self.purpose.valueChanged.connect(lambda v: self.save(purpose=v))
        self.practice.valueChanged.connect(lambda v: self.save(practice=v))
        where = QHBoxLayout()
        where.addWidget(QLabel("Purpose"))
        where.addWidget(self.purpose)
        where.addSpacing(8)
        where.addWidget(QLabel("Practice"))
        where.addWidget(self.practice)
        where.addStretch(1)
        form.addRow("Where", where)
        self.by = month_edit("Target: by (month)")
        self.by_binding = TextBinding(self.by, self.model, self._save_by)
        form.addRow("By", self.by)
        self.return_trip = QCheckBox("Return trip")
        self.return_trip.setAccessibleName("Return trip")
        self.return_trip.setAccessibleDescription(RETURN_TRIP_HELP)
        self.return_trip.toggled.connect(lambda on: self.save(return_trip=on))
        form.addRow("", self.return_trip)
        form.addRow("", theme.label(RETURN_TRIP_HELP, "muted"))
        self.rationale = text_box("Why this target", "Why here, and why by then?", lines=2)
        self.rationale_binding = TextBinding(
            self.rationale, self.model, lambda t: self.save(rationale=t)
        )
        form.addRow("Why", self.rationale)
        self._agreement(form)
        form.addRow(self._steps_box())
        self.clear_button = QPushButton("Clear target")
        self.clear_button.setAccessibleName("Clear target")
        self.clear_button.clicked.connect(self.clear_target)
        form.addRow("", self.clear_button)

    def _agreement(self, form: QFormLayout) -> None:
        """Whether the target is proposed or agreed, and if agreed, by whom and when."""
        self.status = QComboBox()
        for status, words in STATUSES.items():
            self.status.addItem(words, str(status))
        self.status.setAccessibleName("Status")
        self.status.setAccessibleDescription("Whether this target is proposed or agreed")
        self.status.activated.connect(lambda _i: self.save(status=self.status.currentData()))
        form.addRow("Status", self.status)
        self.agreed_by = QLineEdit(placeholderText="Who agreed it, e.g. both boards")
        self.agreed_by.setAccessibleName("Agreed by")
        self.agreed_by_binding = TextBinding(
            self.agreed_by, self.model, lambda t: self.save(agreed_by=t)
        )
        self.agreed_on = date_edit("Agreed on")
        self.agreed_on.dateChanged.connect(lambda iso: self.save(agreed_on=iso))
        self.agreement_rows = []
        for label, field in (("Agreed by", self.agreed_by), ("Agreed on", self.agreed_on)):
            form.addRow(label, field)
            self.agreement_rows.append((form.labelForField(field), field))

    def _steps_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(theme.label("Route map", bold=True))
        layout.addWidget(
            theme.label(
                "The dated steps from now to the target. Usually purpose first, then practice.",
                "muted",
            )
        )
        self.steps = StepsTable(self.model, self.save_route)
        layout.addWidget(self.steps)
        buttons = FlowLayout(spacing=6)  # onto two lines when the panel is narrow
        for text, slot, name, words in (
            ("Add step", self.add_step, "add", "Add a step after the chosen one"),
            ("Remove", self.remove_step, "remove", "Remove the chosen step"),
            ("Up", lambda: self.move_step(-1), "up", "Move the chosen step earlier"),
            ("Down", lambda: self.move_step(1), "down", "Move the chosen step later"),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(words)
            button.setObjectName(f"step-{name}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            setattr(self, f"{name}_button", button)
        layout.addLayout(buttons)
        buttons = QHBoxLayout()
        self.suggest_button = QPushButton("Suggest a route")
        self.suggest_button.setAccessibleName("Suggest a route")
        self.suggest_button.setAccessibleDescription(
            "Fill the steps with the usual route: purpose first, then practice"
        )
        self.suggest_button.clicked.connect(self.suggest)
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    # --- showing ---------------------------------------------------------------------------

    def target(self) -> Target | None:
        if self.referent is None or self.model.assessment is None:
            return None
        return self.model.assessment.target_for(self.referent)

    def show_area(self, referent: str | None, start: tuple[float, float] | None = None) -> None:
        if referent != self.referent:
            self.flush()
        self.referent, self.start = referent, start
        self.refresh()

    def refresh(self) -> None:
        """Show what is stored (text being typed stays: its binding only writes it back)."""
        t = self.target()
        self.setEnabled(self.referent is not None)
        self.empty.setVisible(t is None)
        self.set_button.setVisible(t is None)
        self.body.setVisible(t is not None)
        if t is None:
            return
        for spin, value in ((self.purpose, t.purpose), (self.practice, t.practice)):
            if spin.value() != value:
                with QSignalBlocker(spin):
                    spin.setValue(value)
        with QSignalBlocker(self.return_trip):
            self.return_trip.setChecked(t.return_trip)
        if not self.by_binding.dirty:
            self.by_binding.set_text(t.by)
        if not self.rationale_binding.dirty:
            self.rationale_binding.set_text(t.rationale)
        self._show_agreement(t)
        self.steps.show_steps(t.steps)
        self._order_tabs()

    def _show_agreement(self, t: Target) -> None:
        with QSignalBlocker(self.status):
            self.status.setCurrentIndex(self.status.findData(str(t.status)))
        if not self.agreed_by_binding.dirty:
            self.agreed_by_binding.set_text(t.agreed_by)
        show_date(self.agreed_on, t.agreed_on)
        agreed = t.status is TargetStatus.AGREED or bool(t.agreed_by or t.agreed_on)
        for label, field in self.agreement_rows:
            label.setVisible(agreed)
            field.setVisible(agreed)

    def _order_tabs(self) -> None:
        """The route's cells in the tab order, row by row, between the table and its
        buttons (cells made later would otherwise come at the end of the window's order)."""
        chain = [
            self.steps,
            *self.steps.cells(),
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.suggest_button,
            self.clear_button,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def show_position(self, purpose: float, practice: float) -> None:
        """Follow a target being dragged on the plane, without writing."""
        for spin, value in ((self.purpose, purpose), (self.practice, practice)):
            with QSignalBlocker(spin):
                spin.setValue(value)

    # --- writing ---------------------------------------------------------------------------

    def save(self, **changes) -> bool:
        t = self.target()
        if t is None:
            return True
        new = dataclasses.replace(t, **changes)
        return new == t or self.model.apply(TargetSet(new))

    def save_route(self, steps: tuple[Step, ...]) -> bool:
        t = self.target()
        if t is None:
            return True
        return tuple(steps) == t.steps or self.model.apply(RouteSet(t.referent, steps))

    def _save_by(self, text: str) -> bool:
        if not self.by.hasAcceptableInput():
            return False  # keep "2027-" as typed until it reads YYYY-MM
        return self.save(by=text)

    def move_target(self, purpose: float, practice: float) -> None:
        self.save(purpose=purpose, practice=practice)

    def create_target(self) -> None:
        if self.referent is None:
            return
        x, y = self.start if self.start is not None else (0.0, 0.0)
        if self.model.apply(TargetSet(Target(self.referent, round(x, 2), round(y, 2)))):
            self.refresh()
            self.purpose.setFocus()  # the button has gone: the focus goes to the target

    def clear_target(self) -> None:
        t = self.target()
        if t is None:
            return
        if (t.rationale or t.steps) and not self.dialogs.confirm(
            "Clear target",
            "Clear this area's target, its reasons and its route map?",
            "Clear target",
        ):
            return
        if self.model.apply(TargetRemoved(t.referent)):
            self.refresh()
            self.set_button.setFocus()  # the target's fields have gone

    def flush(self) -> None:
        self.agreed_by_binding.flush()
        self.by_binding.flush()
        self.rationale_binding.flush()
        self.steps.flush()

    # --- steps -----------------------------------------------------------------------------

    def add_step(self, focus: bool = False) -> None:
        """A new step after the selected one (or at the end), halfway along that leg;
        `focus`: with the focus in its action, to be typed (else it stays where it is)."""
        t = self.target()
        if t is None:
            return
        self.steps.flush()
        steps = list(t.steps)
        row = self.steps.currentRow()
        at = row + 1 if 0 <= row < len(steps) else len(steps)
        before = (steps[at - 1].purpose, steps[at - 1].practice) if at else self.start
        after = (
            (steps[at].purpose, steps[at].practice) if at < len(steps) else (t.purpose, t.practice)
        )
        before = before or after
        mid = (round((before[0] + after[0]) / 2, 2), round((before[1] + after[1]) / 2, 2))
        steps.insert(at, Step(*mid))
        if self.save_route(tuple(steps)):
            self.refresh()
            self.steps.selectRow(at)
            if focus:
                self.steps.field(at, "action").setFocus()

    def remove_step(self) -> None:
        t, row = self.target(), self.steps.currentRow()
        if t is None or not 0 <= row < len(t.steps):
            return
        steps = t.steps[:row] + t.steps[row + 1 :]
        if self.save_route(steps) and steps:
            self.steps.selectRow(min(row, len(steps) - 1))

    def move_step(self, delta: int) -> None:
        t, row = self.target(), self.steps.currentRow()
        other = row + delta
        if t is None or not (0 <= row < len(t.steps) and 0 <= other < len(t.steps)):
            return
        self.steps.flush()
        steps = list(self.target().steps)
        steps[row], steps[other] = steps[other], steps[row]
        if self.save_route(tuple(steps)):
            self.steps.selectRow(other)

    def suggest(self) -> None:
        t = self.target()
        if t is None:
            return
        steps = suggest_route(self.start, t)
        if not steps:
            why = (
                "this area is not placed yet"
                if self.start is None
                else "the target is one move away: the arrow from now says it all"
            )
            self.note.emit(f"No route to suggest: {why}.")
            return
        if t.steps and not self.dialogs.confirm(
            "Suggest a route",
            f"Replace the {len(t.steps)} steps with a suggested route?",
            "Replace steps",
        ):
            return
        self.save_route(steps)
        self.note.emit("Suggested steps filled in: edit their dates and actions as you agree them.")
