"""A final assessment opens read-only: every field of a page shows its value but takes no
change (text fields read-only, choices and buttons that change it disabled). Moving about,
reading, exporting and reopening still work: those controls carry WORKS_WHEN_FINAL."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.changes import StatusSet
from ddwizard.core.statuses import Status
from ddwizard.ui import theme
from ddwizard.ui.pages.base import MARGIN, card, named

WORKS_WHEN_FINAL = "works_when_final"  # a property: this control is for looking or sharing


def keep_working(widget: QWidget) -> QWidget:
    """Mark a control that stays usable on a final assessment (navigation, export)."""
    widget.setProperty(WORKS_WHEN_FINAL, True)
    return widget


def lock(page: QWidget, locked: bool) -> None:
    """Make every editing control of `page` read-only, or editable again (the page is then
    loaded again, which disables what has nothing to act on, such as Clear answer)."""
    for w in page.findChildren(QWidget):
        if w.property(WORKS_WHEN_FINAL):
            continue
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            if not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox)):
                w.setReadOnly(locked)
        elif isinstance(w, QAbstractSpinBox):
            w.setReadOnly(locked)
        elif isinstance(w, (QAbstractButton, QComboBox)):
            w.setEnabled(not locked)


FINAL_BANNER = (
    "This assessment is final, so it is read-only. Reopen it as a draft to change "
    "it (the history records that)."
)


class FinalBanner(QWidget):
    """Over every step of a final assessment: what that means, and the way back to a
    draft. Locks the wizard's pages while the assessment is final (`apply`)."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self.wizard = wizard
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, 0)
        frame, layout = card("aside")
        column.addWidget(frame)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.text = theme.label(FINAL_BANNER, bold=True)
        self.reopen_button = QPushButton("Reopen as a draft")
        named(self.reopen_button, "Reopen as a draft", "Make the assessment editable again")
        self.reopen_button.clicked.connect(self.reopen)
        row.addWidget(self.text, 1)
        row.addWidget(self.reopen_button)
        self.hide()

    def is_final(self) -> bool:
        a = self.wizard.model.assessment
        return a is not None and a.status == Status.FINAL

    def reopen(self) -> None:
        """Back to a draft (stored, and recorded in the history, like every change)."""
        if self.is_final():
            self.wizard.model.apply(StatusSet(Status.DRAFT))
            self.refresh()

    def apply(self, page) -> None:
        """Lock or unlock a page as the assessment is final or not."""
        final = self.is_final()
        if page is not None and page.locked != final:
            page.locked = final
            lock(page, final)
            if not final:
                page.load()  # back to what each control can do (Clear answer and the like)

    def refresh(self) -> None:
        had_focus = self.reopen_button.hasFocus()
        self.setVisible(self.is_final())
        page = self.wizard.current_page()
        self.apply(page)
        if had_focus and not self.isVisible() and page is not None:
            page.focus_first()  # the button has gone with the banner: on into the page
