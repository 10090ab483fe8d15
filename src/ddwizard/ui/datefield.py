"""A date typed as it is shown ("15 Jan 2027"; 15/01/2027 and 2027-01-15 are read too), or
chosen from a calendar (the button, or Alt+Down or F4 in the field). A date that cannot be
read is refused in words under the field and nothing is saved: the text stays as typed, to
be put right. An empty field is no date. `dateChanged` carries the ISO date ("" for none)
each time a different one is kept; `confirm(date) -> bool`, if given, is asked first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ddwizard.ui.dates import DateError, parse, shown

HINT = "e.g. 15 Jan 2027"


class DateField(QWidget):
    dateChanged = Signal(str)  # ISO date, "" for none

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._iso = ""
        self.confirm: Callable[[object], bool] | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.edit = QLineEdit(placeholderText=HINT)
        self.edit.setAccessibleName(name)
        self.edit.editingFinished.connect(self.commit)
        self.edit.installEventFilter(self)
        self.calendar_button = QPushButton("Calendar…")
        self.calendar_button.setAccessibleName(f"Calendar… for the {name.lower()}")
        self.calendar_button.clicked.connect(self.open_calendar)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        column.addLayout(row)
        self.error = QLabel(wordWrap=True)
        self.error.hide()
        column.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self._popup: QCalendarWidget | None = None

    # --- what is stored --------------------------------------------------------------------

    def iso(self) -> str:
        return self._iso

    def set_iso(self, iso: str) -> None:
        """Show a stored date (no signal): the field's own words for it."""
        self._iso = iso or ""
        self.edit.setText(shown(self._iso) if self._iso else "")
        self._say("")

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.edit.setAccessibleDescription(text)
        super().setAccessibleDescription(text)

    # --- typing ----------------------------------------------------------------------------

    def commit(self) -> bool:
        """Read what is typed: keep it if it is a date (and, if asked, confirmed)."""
        try:
            day = parse(self.edit.text())
        except DateError as e:
            self._say(str(e))
            return False
        iso = day.isoformat() if day else ""
        if iso != self._iso and day is not None and self.confirm and not self.confirm(day):
            self.set_iso(self._iso)  # not kept: back to the stored date
            return False
        self._say("")
        self.edit.setText(shown(iso) if iso else "")
        if iso != self._iso:
            self._iso = iso
            self.dateChanged.emit(iso)
        return True

    def _say(self, words: str) -> None:
        self.error.setText(words)
        self.error.setVisible(bool(words))
        self.edit.setAccessibleDescription(words or self.accessibleDescription())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            alt_down = (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.open_calendar()
                return True
        return False

    # --- the calendar ----------------------------------------------------------------------

    def open_calendar(self) -> None:
        """A month to choose from, below the field; Enter or a click chooses, Esc closes."""
        popup = self._popup = QCalendarWidget(self)  # goes with the field
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.setGridVisible(True)
        popup.setAccessibleName(f"Calendar: {self.edit.accessibleName()}")
        start = QDate.fromString(self._iso, Qt.DateFormat.ISODate)
        popup.setSelectedDate(start if start.isValid() else QDate.currentDate())
        popup.activated.connect(self._chosen)
        popup.clicked.connect(self._chosen)
        popup.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        popup.show()
        popup.setFocus()

    def _chosen(self, date: QDate) -> None:
        if self._popup is not None:
            self._popup.close()
            self._popup = None
        self.edit.setText(date.toString(Qt.DateFormat.ISODate))
        self.commit()
        self.edit.setFocus()
