"""For the checklist step: the due-diligence findings made on the area pages (answers
flagged as below a legal or safety minimum), read-only, each naming its area, question,
answer and note, with a way to go to the question to change it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.area_findings import AreaFinding, below_minimum
from ddwizard.core.changes import AnswerChosen, AnswerCleared, AnswerFlagsSet, AnswerNoted
from ddwizard.ui import theme
from ddwizard.ui.pages.base import Scrolling, card, named, section
from ddwizard.ui.readonly import keep_working

TITLE = "Found in the areas"
INTRO = (
    "Answers flagged on the area pages as below a legal or safety minimum: due-diligence "
    "findings, not differences from the trust. Change them on their question."
)
NONE = "Nothing is flagged below a legal or safety minimum in the areas."


class FoundInAreas(QWidget):
    """Add it to a page and connect `openQuestion`; it loads itself as answers change."""

    openQuestion = Signal(str)  # a question, by id
    counted = Signal(int)  # how many findings, each time it loads

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section(TITLE, INTRO))
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.findings: list[AreaFinding] = []
        self._buttons: list[QPushButton] = []
        model.changed.connect(self._on_changed)

    def load(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone from the page now, deleted when Qt is ready
                item.widget().deleteLater()
        self.findings = below_minimum(self.model.asked, self.model.assessment)
        self._buttons: list[QPushButton] = []
        if not self.findings:
            self.rows.addWidget(theme.label(NONE, "muted"))
        for finding in self.findings:
            self.rows.addWidget(self._row(finding))
        self.counted.emit(len(self.findings))

    def _row(self, f: AreaFinding) -> QWidget:
        frame, layout = card()
        layout.addWidget(theme.label(f.referent.title, "muted"))
        layout.addWidget(theme.label(f.question.text, bold=True))
        answer = f.answer_label or "Not answered yet"
        layout.addWidget(theme.label(f"Answer: {answer}"))
        if f.answer.note:
            layout.addWidget(theme.label(f"Note: {f.answer.note}"))
        row = QHBoxLayout()
        button = keep_working(QPushButton("Go to the question"))
        named(button, "Go to the question", f"{f.referent.title}: {f.question.text}")
        button.clicked.connect(lambda _=False, q=f.question.id: self.openQuestion.emit(q))
        self._buttons.append(button)
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return frame

    def texts(self) -> str:
        """Everything it says now, in order (for reading back)."""
        shown = [self.rows.itemAt(i).widget() for i in range(self.rows.count())]
        labels = [w for row in shown for w in [row, *row.findChildren(QLabel)]]
        return " ".join(w.text() for w in labels if isinstance(w, QLabel))

    def buttons(self) -> list[QPushButton]:
        """Its "Go to the question" buttons, one a finding."""
        return list(self._buttons)

    def _on_changed(self, change) -> None:
        kinds = AnswerFlagsSet | AnswerNoted | AnswerChosen | AnswerCleared
        if not isinstance(change, kinds):
            return
        if self.isVisible():
            self.load()
        else:  # the count in the list only; the rows when it is shown
            self.counted.emit(len(below_minimum(self.model.asked, self.model.assessment)))


def attach(page) -> FoundInAreas:
    """The findings made in the areas, first in a checklist page's list of areas
    (`page.list`, a tree whose rows show in `page.stack`), with their count in its
    "Findings" column; going to a question goes through the page's `openQuestion`."""
    found = FoundInAreas(page.model)
    holder = Scrolling(page)
    holder.body.addWidget(found)
    holder.finish()
    page.stack.addWidget(holder)
    item = QTreeWidgetItem([TITLE, "", ""])
    item.setData(0, Qt.ItemDataRole.AccessibleTextRole, TITLE)
    page.list.insertTopLevelItem(0, item)
    found.item = item

    def chosen(current, _previous) -> None:
        if current is item:
            found.load()
            page.stack.setCurrentWidget(holder)

    page.list.currentItemChanged.connect(chosen)
    found.openQuestion.connect(page.openQuestion)
    found.counted.connect(lambda n: item.setText(2, str(n) if n else ""))
    return found
