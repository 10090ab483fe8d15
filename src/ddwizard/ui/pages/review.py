"""Review and export: what is still open (questions, items, findings, the decision), what
is still unanswered (each a link to its question), where the areas sit by quadrant (each
area on its own: no whole-school point), marking the assessment final, and exporting the
bundle and brief."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ddwizard.core.assessment import Status
from ddwizard.core.changes import StatusSet
from ddwizard.core.placement import Quadrant
from ddwizard.ui import theme
from ddwizard.ui.pages.base import ScrollPage, card, heading, named, section
from ddwizard.ui.readonly import keep_working
from ddwizard.ui.still_open import still_open, unanswered_words
from ddwizard.ui.wrapping import WrapToColumn

QID_ROLE = Qt.ItemDataRole.UserRole
FINAL_WORDS = (
    "This assessment is final: it opens read-only. Reopen it as a draft to change "
    "it (the history records that)."
)
DRAFT_WORDS = "This assessment is a draft. Mark it final when the visit's work is complete."


class ReviewPage(ScrollPage):
    name = "review"  # its row in the wizard's table (ui/pages/table.py)

    @classmethod
    def create(cls, model, step, *, dialogs=None, height: int = 0, width: int = 0) -> ReviewPage:
        return cls(model, dialogs=dialogs)

    def __init__(self, model, parent: QWidget | None = None, dialogs=None) -> None:
        super().__init__(model, parent)
        if dialogs is None:
            from ddwizard.ui.dialogs import QtDialogs

            dialogs = QtDialogs(self)
        self.dialogs = dialogs
        self.body.addWidget(
            heading(
                self.title,
                "Check what is left, see where the areas sit, then share the assessment.",
            )
        )
        self._status_card()
        self._export_card()  # within sight on arriving, on a laptop too
        self.body.addWidget(section("Still to answer"))
        self.missing_text = theme.label("")
        self.body.addWidget(self.missing_text)
        self.missing = QTreeWidget()
        self.missing.setHeaderHidden(True)
        WrapToColumn(self.missing)  # a long question on two lines or more, never cut short
        self.missing.setMinimumHeight(16 * self.fontMetrics().height())
        named(
            self.missing,
            "Questions still to answer",
            "Choose a question to go to it on its area's page",
        )
        self.missing.itemActivated.connect(self._go_to)
        self.missing.itemClicked.connect(self._go_to)
        self.body.addWidget(self.missing)
        self.body.addWidget(
            section(
                "Where the areas sit",
                "Letters are the framework's quadrants. None is a verdict: "
                "each describes a relationship with the trust.",
            )
        )
        self.quadrants = QGridLayout()
        self.quadrants.setHorizontalSpacing(16)
        self.quadrants.setVerticalSpacing(8)
        self.body.addLayout(self.quadrants)
        self.scroll.finish()
        model.shownChanged.connect(self._shown_changed)  # a bound method: let go with the page

    def _status_card(self) -> None:
        frame, layout = card()
        row = QHBoxLayout()
        self.status_text = theme.label("")
        self.status_button = QPushButton()
        self.status_button.clicked.connect(self._toggle_status)
        keep_working(self.status_button)
        row.addWidget(self.status_text, 1)
        row.addWidget(self.status_button)
        layout.addLayout(row)
        self.open_text = theme.label("")
        layout.addWidget(self.open_text)
        self.body.addWidget(frame)

    def _export_card(self) -> None:
        self.body.addWidget(
            section(
                "Share",
                "The brief is the paper for governing boards, as a PDF or a Word document; "
                "the bundle carries the whole assessment to another copy of ddwizard.",
            )
        )
        row = QHBoxLayout()
        brief = QPushButton("Export brief (PDF)…")
        named(brief, "Export the integration brief as a PDF")
        brief.clicked.connect(self.exportBrief)
        word = QPushButton("Export brief as Word…")
        named(word, "Export the integration brief as a Word document")
        word.clicked.connect(self.exportBriefWord)
        bundle = QPushButton("Export bundle…")
        named(bundle, "Export the assessment as a bundle file")
        bundle.clicked.connect(self.exportBundle)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the brief does not report steps
        named(self.progress, "Export in progress")
        self.progress.hide()
        for button in (brief, word, bundle):
            row.addWidget(keep_working(button))
        row.addWidget(self.progress, 1)
        row.addStretch(1)  # the buttons keep their own width
        self.body.addLayout(row)
        self.export_text = theme.label("", "muted")
        self.body.addWidget(self.export_text)

    # --- load ----------------------------------------------------------------------------------

    def load(self) -> None:
        self._show_status()
        self._show_missing()
        self._show_quadrants()

    def show_busy(self, text: str) -> None:
        """Called while an export runs in the background (and with "" when it ends)."""
        self.progress.setVisible(bool(text))
        self.export_text.setText(text)

    def _final(self) -> bool:
        return self.model.assessment.status == Status.FINAL

    def _show_status(self) -> None:
        final = self._final()
        self.status_text.setText(FINAL_WORDS if final else DRAFT_WORDS)
        self.status_button.setText("Reopen as a draft" if final else "Mark as final…")
        named(self.status_button, self.status_button.text())
        left = still_open(self.model)
        self.open_text.setText(
            "Still open:\n" + "\n".join(f"•  {line}." for line in left)
            if left
            else "Nothing is still open."
        )
        self.open_text.setVisible(not final)

    def _toggle_status(self) -> None:
        self.reopen() if self._final() else self.mark_final()

    def mark_final(self) -> bool:
        """Mark final, once the person has seen what is still open (if anything is)."""
        if self._final():
            return True
        left = still_open(self.model)
        if left and not self.dialogs.confirm(
            "Mark as final",
            "Still open:\n\n"
            + "\n".join(f"•  {line}" for line in left)
            + "\n\nA final assessment opens read-only; it can be reopened as a draft. "
            "Mark it final anyway?",
            "Mark as final",
        ):
            return False
        done = self.model.apply(StatusSet(Status.FINAL))
        self._show_status()
        return done

    def reopen(self) -> bool:
        """Back to a draft, to be changed (recorded in the history like every change)."""
        done = self._final() and self.model.apply(StatusSet(Status.DRAFT))
        self._show_status()
        return done

    def _show_missing(self) -> None:
        """The questions the area pages show (the core set, or every question) that have no
        answer, area by area."""
        from ddwizard.core.asked import unanswered

        self.missing.clear()
        left = unanswered(self.model.selected_referents(), self.model.assessment)
        shown = left.core if self.model.core_only() else left.every
        ids = {q.id for q in shown}
        for referent in self.model.selected_referents():
            todo = [q for q in self.model.shown_questions(referent) if q.id in ids]
            if not todo:
                continue
            area = QTreeWidgetItem(self.missing, [f"{referent.title} ({len(todo)})"])
            area.setData(0, QID_ROLE, todo[0].id)
            for question in todo:
                item = QTreeWidgetItem(area, [question.text])
                item.setData(0, QID_ROLE, question.id)
        if len(shown) <= 30:
            self.missing.expandAll()
        self.missing.setVisible(bool(shown))
        self.missing_text.setText(self._missing_words(left, bool(shown)))

    def _missing_words(self, left, any_shown: bool) -> str:
        if any_shown:
            return (
                f"{unanswered_words(self.model)}. Choose one to go to it; choose an area to go "
                "to its first unanswered question."
            )
        if not left.every:
            return "Every question in the chosen areas has an answer."
        others = _plural(len(left.every), "other question has", "other questions have")
        return (
            f"Every core question in the chosen areas has an answer; {others} none "
            "(Go > Show all questions lists them)."
        )

    def _shown_changed(self, _show_all: bool) -> None:
        """The core set or every question now: what is still open says which."""
        if self.isVisible():
            self._show_status()
            self._show_missing()

    def _go_to(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.openQuestion.emit(item.data(0, QID_ROLE))

    def _show_quadrants(self) -> None:
        while self.quadrants.count():
            old = self.quadrants.takeAt(0).widget()
            old.hide()  # gone from the screen now; deleted when the event loop next can
            old.deleteLater()
        placement = self.model.placement()
        groups = placement.by_quadrant()
        for row, q in enumerate(Quadrant):
            members = groups[q]
            borderline = sum(1 for rp in members if rp.borderline)
            count = _areas(len(members)) + (f", {borderline} borderline" if borderline else "")
            names = ", ".join(
                rp.referent.title + (" (borderline)" if rp.borderline else "") for rp in members
            )
            self._quadrant_row(row, q.value, q.title, count, names or "none")
        on_axis = [rp for rp in placement.referents if rp.placed and rp.quadrant is None]
        unplaced = [rp for rp in placement.referents if not rp.placed]
        for row, title, members in ((4, "On an axis", on_axis), (5, "Not placed", unplaced)):
            if members:
                names = ", ".join(rp.referent.title for rp in members)
                self._quadrant_row(row, "\u2013", title, _areas(len(members)), names)

    def _quadrant_row(self, row: int, letter: str, title: str, count: str, names: str) -> None:
        cells = (
            theme.label(letter, size=1.5, bold=True, wrap=False),
            theme.label(title, bold=True),
            theme.label(count),
            theme.label(names, "muted"),
        )
        for column, cell in enumerate(cells):
            self.quadrants.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        self.quadrants.setColumnStretch(3, 1)


def _areas(n: int) -> str:
    return f"{n} area" if n == 1 else f"{n} areas"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
