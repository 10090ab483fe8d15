"""What every wizard page shares: the model, `load()`/`save()`, a scrolling body of readable
width, and a few builders for headings and sections."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ddwizard.ui import theme
from ddwizard.ui.access import as_heading

MARGIN = 24
READABLE_EM = 62  # the widest a column of text and questions gets, in ems


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control its accessible name (and description), for screen readers. A name
    starts with the words on the control ("Back", not "Previous step"), as a person who can
    see them would say them; a longer `name` then becomes part of the description."""
    shown = visible_text(widget)
    if shown and not name.casefold().startswith(shown.casefold()):
        description = f"{name}. {description}" if description else name
        name = shown
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def visible_text(widget: QWidget) -> str:
    """The words a control shows (a button's text without its & marks), if any."""
    shown = getattr(widget, "shown_text", None)  # a radio whose label wraps (ui.widgets)
    text = shown() if shown else widget.text() if isinstance(widget, QAbstractButton) else ""
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def em(widget: QWidget) -> int:
    return widget.fontMetrics().horizontalAdvance("M")


class Page(QWidget):
    """A step of the wizard. Built once, on first visit; `load()` shows the model's assessment
    (called on every visit), `save()` writes whatever a text field still holds.

    A page class declares the `name` of its row in the wizard's table of steps
    (`ddwizard.ui.pages.table.PAGES`), which gives its title. A page asks the wizard for anything
    beyond itself through the signals below and never holds another page."""

    name = ""
    locked = False  # a final assessment's page: shown, not changed (see ui.readonly)
    goTo = Signal(str)  # another step, by key
    openQuestion = Signal(str)  # a question, by id, on its area's page
    exportBundle = Signal()
    exportBrief = Signal()
    exportBriefWord = Signal()

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    @property
    def title(self) -> str:
        from ddwizard.ui.pages.table import title_of

        return title_of(self.name)

    @classmethod
    def create(cls, model, step, *, dialogs=None, height: int = 0, width: int = 0) -> Page:
        """The page for `step` (a `ui.steps.Step`), as the wizard builds it."""
        return cls(model)

    def load(self) -> None:
        pass

    def save(self) -> None:
        self.model.flush()

    def first_field(self) -> QWidget | None:
        """Where the focus goes when the step is shown: its first control."""
        from ddwizard.ui.pagestack import first_control

        return first_control(self)

    def focus_first(self) -> None:
        """Put the focus on `first_field`, scrolled into view, so typing starts there."""
        field = self.first_field()
        if field is None:
            return
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        scroll = getattr(self, "scroll", None)
        if isinstance(scroll, QScrollArea) and scroll.isAncestorOf(field):
            scroll.ensureWidgetVisible(field, 0, 40)


class Scrolling(QScrollArea):
    """A frameless vertical scroll area whose column is `body` (a QVBoxLayout)."""

    def __init__(self, parent: QWidget | None = None, max_em: int | None = READABLE_EM) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: its controls are
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QWidget()
        row = QHBoxLayout(outer)
        row.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column = QWidget()
        if max_em:
            column.setMaximumWidth(max_em * em(column))
        self.body = QVBoxLayout(column)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(12)
        row.addWidget(column, 1)
        row.addStretch(0)
        self.setWidget(outer)

    finished = False

    def finish(self) -> None:
        """Push the content up when it is shorter than the window."""
        self.body.addStretch(1)
        self.finished = True


class ScrollPage(Page):
    """A page that is one scrolling column."""

    def __init__(self, model, parent: QWidget | None = None, max_em: int | None = READABLE_EM):
        super().__init__(model, parent)
        self.scroll = Scrolling(self, max_em)
        self.body = self.scroll.body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)


def heading(title: str, intro: str = "", kicker: str = "") -> QWidget:
    """A page heading: an optional small line above, the title, and a short introduction."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(4)
    if kicker:
        layout.addWidget(theme.label(kicker, "muted"))
    layout.addWidget(as_heading(theme.label(title, size=1.6, bold=True), 1))
    if intro:
        layout.addWidget(theme.label(intro))
    return box


def section(title: str, intro: str = "") -> QWidget:
    """A section heading inside a page."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 12, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(as_heading(theme.label(title, size=1.25, bold=True), 2))
    if intro:
        layout.addWidget(theme.label(intro, "muted"))
    return box


def card(role: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = theme.Panel(role)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(6)
    return frame, layout


def titled_card(owner: QWidget, title: str, detail: str, detail_role: str) -> QVBoxLayout:
    """Fill `owner` with one card headed by a bold title and, when there is one, a line of
    detail; returns the card's layout for the rest of its contents."""
    frame, layout = card()
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(frame)
    layout.addWidget(theme.label(title, bold=True))
    if detail:
        layout.addWidget(theme.label(detail, detail_role))
    return layout
