"""The assessor's view of one area, at the foot of its page: how sure they are of the
practice answers and of the purpose answers (each its own), and a note."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from ddwizard.core.assessment import Confidence
from ddwizard.core.changes import ConfidenceSet, ReferentNoted
from ddwizard.core.questionnaire import Axis, Referent
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, text_box
from ddwizard.ui.pages.base import named
from ddwizard.ui.widgets import FlowLayout, one_tab_stop

CONFIDENCE = [
    ("Not set", None),
    ("Low", Confidence.LOW),
    ("Medium", Confidence.MEDIUM),
    ("High", Confidence.HIGH),
]
AXES = (Axis.PRACTICE, Axis.PURPOSE)  # in the order of the page's sections


class AreaView(QWidget):
    def __init__(self, model, referent: Referent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.referent = model, referent
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.confidences: dict[Axis, QButtonGroup] = {}
        for axis in AXES:
            layout.addLayout(self._confidence(axis))
        title = referent.title
        self.note = text_box(f"Notes on {title}", "Notes on this area (optional)", lines=4)
        layout.addWidget(self.note)
        self._note = TextBinding(
            self.note, model, lambda t: model.apply(ReferentNoted(referent.id, t))
        )

    def _confidence(self, axis: Axis) -> FlowLayout:
        """One axis's confidence: one Tab stop, arrows between the choices."""
        row = FlowLayout(spacing=12)
        words = f"{axis.value.capitalize()} confidence:"
        row.addWidget(theme.label(words, wrap=False))
        group = self.confidences[axis] = QButtonGroup(self)
        about = f"How sure you are of the {axis.value} answers on {self.referent.title}"
        for i, (text, _) in enumerate(CONFIDENCE):
            radio = QRadioButton(text)
            named(radio, f"{text} {axis.value} confidence", about)
            group.addButton(radio, i)
            row.addWidget(radio)
        group.idToggled.connect(lambda i, on, axis=axis: self._save(axis, i, on))
        one_tab_stop(group)
        return row

    def controls(self) -> list[QWidget]:
        """Its controls in tab order."""
        radios = [b for axis in AXES for b in self.confidences[axis].buttons()]
        return [*radios, self.note]

    def load(self) -> None:
        note = self.model.assessment.note_for(self.referent.id)
        levels = [c for _, c in CONFIDENCE]
        for axis, group in self.confidences.items():
            with QSignalBlocker(group):
                level = note.confidence_on(axis) if note else None
                group.button(levels.index(level)).setChecked(True)
        self._note.set_text(note.note if note else "")

    def _save(self, axis: Axis, index: int, checked: bool) -> None:
        if checked:
            self.model.apply(ConfidenceSet(self.referent.id, CONFIDENCE[index][1], axis))
