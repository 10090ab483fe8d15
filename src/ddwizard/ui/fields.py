"""Text fields that save themselves: 400 ms after the last keystroke, at once when the field
loses focus, and whenever the model asks (page change, close). A failed write leaves the
field as typed and marked unsaved, so the next flush tries again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ddwizard.core.limits import LONG_MAX, SHORT_MAX
from ddwizard.ui.datefield import DateField

DELAY_MS = 400

TextWidget = QLineEdit | QPlainTextEdit | QComboBox


class TextBinding(QObject):
    """Binds one text widget to `save(text) -> bool` through the model's autosave rhythm."""

    def __init__(
        self,
        widget: TextWidget,
        model,
        save: Callable[[str], bool],
        delay: int = DELAY_MS,
        limit: int | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget, self._model, self._save = widget, model, save
        self.limit = limit or (LONG_MAX if isinstance(widget, QPlainTextEdit) else SHORT_MAX)
        line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        if isinstance(line, QLineEdit):  # a line edit stops at its limit by itself
            line.setMaxLength(min(line.maxLength(), self.limit))
        self.dirty = False
        self._timer = QTimer(self, singleShot=True, interval=delay)
        self._timer.timeout.connect(self.flush)
        self._connect(widget)
        model.flushRequested.connect(self.flush)

    def _connect(self, widget: TextWidget) -> None:
        if isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(self._edited)
            widget.activated.connect(lambda _: self.flush())
            watched: QWidget = widget.lineEdit() or widget
        else:
            widget.textChanged.connect(self._edited)
            watched = widget
        watched.installEventFilter(self)

    def text(self) -> str:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        return w.currentText() if isinstance(w, QComboBox) else w.text()

    def set_text(self, text: str) -> None:
        """Show the stored value (no write back)."""
        self._timer.stop()
        self.dirty = False
        self._model.edit_finished(id(self))
        if text == self.text():
            return
        with QSignalBlocker(self.widget):
            w = self.widget
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(text)
            elif isinstance(w, QComboBox):
                w.setCurrentText(text)
            else:
                w.setText(text)

    def flush(self) -> None:
        self._timer.stop()
        if not self.dirty:
            return
        self.dirty = False
        self._model.edit_finished(id(self))
        if not self._save(self.text()):
            self.dirty = True  # keep it: the next flush tries again
            self._model.edit_started(id(self))

    def _edited(self, *_) -> None:
        if isinstance(self.widget, QPlainTextEdit) and len(self.text()) > self.limit:
            self._trim()
        self.dirty = True
        self._timer.start()
        self._model.edit_started(id(self))

    def _trim(self) -> None:
        """Text past the limit (typed or pasted) is not kept: say so, keep the rest."""
        w = self.widget
        with QSignalBlocker(w):
            w.setPlainText(self.text()[: self.limit])
            w.moveCursor(QTextCursor.MoveOperation.End)
        self._model.notice.emit(
            f"{w.accessibleName() or 'This text'} holds up to {self.limit:,} characters: "
            "the rest was not kept."
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False


# --- dates (see datefield.py) ----------------------------------------------------------------


def date_edit(name: str) -> DateField:
    return DateField(name)


def show_date(edit: DateField, iso_text: str) -> None:
    """Show a stored ISO date (or none) without writing it back."""
    edit.set_iso(iso_text)


def date_text(edit: DateField) -> str:
    return edit.iso()


# --- notes that grow with their text ---------------------------------------------------------


class GrowingText(QPlainTextEdit):
    """A plain-text note that grows with what is written (up to `max_lines`), so a long note
    is read whole rather than through a slot. Tab moves on, as in a form."""

    def __init__(self, min_lines: int = 2, max_lines: int = 12) -> None:
        super().__init__()
        self.min_lines, self.max_lines = min_lines, max_lines
        self.setTabChangesFocus(True)
        # It wraps at its width: a sideways scroll bar could only slide the text about.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.textChanged.connect(self._fit)
        self._fit()

    def lines(self) -> int:
        """How many lines the text takes at the box's width now. Each paragraph is laid out
        here: a plain-text box otherwise lays out only what it paints, so a count read
        after a resize could be the old width's."""
        layout, block, lines = self.document().documentLayout(), self.document().begin(), 0
        while block.isValid():
            layout.blockBoundingRect(block)
            lines += max(1, block.layout().lineCount())
            block = block.next()
        return lines

    def _fit(self) -> None:
        lines = self.lines()
        # A scroll bar only past the most lines shown: one that came and went would change
        # the width the text wraps to, and leave a box one line short with a bar beside it.
        policy = Qt.ScrollBarPolicy
        fits = lines <= self.max_lines
        self.setVerticalScrollBarPolicy(
            policy.ScrollBarAlwaysOff if fits else policy.ScrollBarAsNeeded
        )
        lines = max(self.min_lines, min(self.max_lines, lines))
        margins = self.contentsMargins()
        extra = 2 * self.document().documentMargin() + margins.top() + margins.bottom()
        self.setFixedHeight(int(lines * self.fontMetrics().lineSpacing() + extra + 2))

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setPlainText(text)
        self._fit()  # also when shown with its signals blocked (a stored note loaded)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()


def text_box(name: str, hint: str, lines: int = 3) -> GrowingText:
    edit = GrowingText(min_lines=lines)
    edit.setPlaceholderText(hint)
    edit.setAccessibleName(name)
    return edit
