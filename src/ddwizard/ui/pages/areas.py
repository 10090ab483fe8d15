"""Step 3, Areas: which areas (referents) to look at for this school, by group. An area the
school's phase leaves out says so, and cannot be chosen unless answers are recorded in it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ddwizard.core.asked import a_school, area_recorded, out_of_phase, phases_words, school_phase
from ddwizard.core.changes import AreasSelected
from ddwizard.core.questionnaire import Referent
from ddwizard.ui import theme
from ddwizard.ui.pages.base import ScrollPage, card, heading, named

INTRO = (
    "An area (the framework calls it a referent) is one part of school life looked at on "
    "its own: the more specific, the more useful. Choose the areas that matter for this "
    "school; each gets its own page of questions. Changes are saved at once."
)


class AreasPage(ScrollPage):
    name = "areas"  # its row in the wizard's table (ui/pages/table.py)

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.body.addWidget(heading(self.title, INTRO))
        self.count = theme.label("", "muted")
        self.body.addWidget(self.count)
        self.boxes: dict[str, QCheckBox] = {}
        self.phase_notes: dict[str, QLabel] = {}
        self.left_out: list[str] = []  # areas the school's phase leaves out (see _show_phase)
        for group in model.questionnaire.groups:
            members = [r for r in model.questionnaire.referents if r.group == group]
            self.body.addWidget(self._group(group, members))
        self.scroll.finish()

    def _group(self, group: str, members: list[Referent]) -> QWidget:
        frame, layout = card()
        top = QHBoxLayout()
        top.addWidget(theme.label(group, size=1.15, bold=True), 1)
        for text, state in (("Select all", True), ("Select none", False)):
            button = QPushButton(text)
            named(button, f"{text} in {group}")
            button.clicked.connect(lambda _=False, m=members, s=state: self._set_all(m, s))
            top.addWidget(button)
        layout.addLayout(top)
        for referent in members:
            layout.addWidget(self._choice(referent))
        return frame

    def _choice(self, referent: Referent) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(0)
        box = QCheckBox(referent.title)
        named(box, referent.title, referent.description)
        box.toggled.connect(self._save_choice)
        self.boxes[referent.id] = box
        column.addWidget(box)
        indent = box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth) + 8
        if referent.description:
            text = theme.label(referent.description, "muted")
            text.setIndent(indent)
            column.addWidget(text)
        if referent.phases:  # said only when the school's phase leaves the area out
            self.phase_notes[referent.id] = note = theme.label("", "help")
            note.setIndent(indent)
            column.addWidget(note)
        return holder

    def _show_phase(self) -> None:
        """An area the school's phase leaves out cannot be chosen, and says so; one with
        answers recorded stays, and says why."""
        a, phase = self.model.assessment, school_phase(self.model.assessment)
        self.left_out = []
        for referent in self.model.questionnaire.referents:
            note = self.phase_notes.get(referent.id)
            if note is None:
                continue
            outside = out_of_phase(referent, phase)
            kept = area_recorded(referent, a) if outside else 0
            words = ""
            if outside:
                words = f"Not asked of {a_school(phase)} (only of {phases_words(referent.phases)})"
                words += f": kept, as {kept} of its questions have answers." if kept else "."
                self.left_out += [] if kept else [referent.id]
            note.setText(words)
            note.setVisible(outside)
            self.boxes[referent.id].setEnabled(not outside or bool(kept))
            box = self.boxes[referent.id]
            named(box, referent.title, " ".join(x for x in (words, referent.description) if x))

    def first_field(self) -> QWidget | None:
        """The first area that can be chosen, not a group's Select all: Space on arriving
        changes one area, never every area at once."""
        return next((b for b in self.boxes.values() if b.isEnabled()), super().first_field())

    def load(self) -> None:
        self._show_phase()
        chosen = {r.id for r in self.model.selected_referents()}
        for rid, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(rid in chosen)
            box.blockSignals(False)
        self._show_count()

    def chosen(self) -> list[str]:
        return [rid for rid, box in self.boxes.items() if box.isChecked()]

    def _set_all(self, members: list[Referent], state: bool) -> None:
        for r in members:
            if self.boxes[r.id].isEnabled():  # not those the school's phase leaves out
                self.boxes[r.id].blockSignals(True)
                self.boxes[r.id].setChecked(state)
                self.boxes[r.id].blockSignals(False)
        self._save_choice()

    def _save_choice(self, *_) -> None:
        self.model.apply(AreasSelected(tuple(self.chosen())))
        self._show_count()

    def _show_count(self) -> None:
        n, total = len(self.chosen()), len(self.boxes) - len(self.left_out)
        phase = school_phase(self.model.assessment)
        left = len(self.left_out)
        out = (
            f" {left} more {'is' if left == 1 else 'are'} not asked of {a_school(phase)}."
            if left
            else ""
        )
        if n == 0:
            every = f"every area asked of {a_school(phase)}" if left else "every area"
            self.count.setText(f"No area is chosen: until you choose some, {every} is included.")
        else:
            self.count.setText(f"{n} of {total} areas chosen.{out}")
