"""Step 3, Areas: which areas (referents) to look at for this school, by group."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

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
    name, title = "areas", "Areas to look at"

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.body.addWidget(heading(self.title, INTRO))
        self.count = theme.label("", "muted")
        self.body.addWidget(self.count)
        self.boxes: dict[str, QCheckBox] = {}
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
        if referent.description:
            text = theme.label(referent.description, "muted")
            text.setIndent(box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth) + 8)
            column.addWidget(text)
        return holder

    def load(self) -> None:
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
            self.boxes[r.id].blockSignals(True)
            self.boxes[r.id].setChecked(state)
            self.boxes[r.id].blockSignals(False)
        self._save_choice()

    def _save_choice(self, *_) -> None:
        self.model.apply(AreasSelected(tuple(self.chosen())))
        self._show_count()

    def _show_count(self) -> None:
        n, total = len(self.chosen()), len(self.boxes)
        if n == 0:
            self.count.setText("No area is chosen: until you choose some, every area is included.")
        else:
            self.count.setText(f"{n} of {total} areas chosen.")
