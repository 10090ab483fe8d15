"""The start screen's offer to carry on where the person left off.

The app opens on the list of assessments, never straight into one: on a school laptop, the
screen is often in front of another school's headteacher when the app starts. When the app
was closed in the middle of an assessment, the list says which one and where, and Enter
carries on there (the button has the focus).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ddwizard.ui import theme
from ddwizard.ui.assessment_table import school_text
from ddwizard.ui.pages.base import named


class CarryOn(QWidget):
    """A strip above the list: where the person was, and a Carry on button."""

    carryOn = Signal(int, str)  # the assessment, the step
    offered = Signal(bool)  # whether there is somewhere to carry on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place: tuple[int, str] | None = None
        frame = theme.Panel("card")
        row = QHBoxLayout(frame)
        row.setContentsMargins(16, 10, 12, 10)
        row.setSpacing(12)
        self.words = theme.label("")
        self.button = QPushButton("Carry on")
        self.button.setDefault(True)
        named(self.button, "Carry on where you left off")
        self.button.clicked.connect(self.carry_on)
        row.addWidget(self.words, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.hide()

    def offer(self, info, step: str, title: str) -> None:
        """Offer to carry on with `info` (an assessment in the list) at `step`."""
        where = f", at \u201c{title}\u201d" if title else ""
        trust = f" with {info.trust}" if info.trust else ""
        label = f" ({info.label})" if info.label else ""
        text = f"You were working on {school_text(info)}{label}{trust}{where}."
        self.words.setText(text)
        named(self.button, "Carry on where you left off", text)
        self.place = (info.id, step)
        self.show()
        self.offered.emit(True)

    def withdraw(self) -> None:
        self.place = None
        self.hide()
        self.offered.emit(False)

    def carry_on(self) -> None:
        """Open the assessment at the step offered (the button, or File > Carry on)."""
        if self.place is not None:
            assessment, step = self.place
            self.withdraw()
            self.carryOn.emit(assessment, step)
