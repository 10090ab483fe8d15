"""The status bar's autosave indicator: "All changes saved", "Saving…", or why not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ddwizard.ui.access import announce

SAVED = "All changes saved"
SAVING = "Saving…"


class SaveIndicator(QLabel):
    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(SAVED, parent)
        self.model = model
        self.setAccessibleName(f"Save status: {SAVED}")
        self.setContentsMargins(8, 0, 8, 0)
        self.failed = False
        model.editing.connect(self._editing)
        model.saved.connect(self._saved)
        model.saveFailed.connect(self._failed)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Show the status, and say it to a screen reader when it changes."""
        if text != self.text():
            super().setText(text)
            self.setAccessibleName(f"Save status: {text}")
            announce(self, text)

    def _editing(self) -> None:
        if not self.failed:
            self.setText(SAVING)

    def _saved(self) -> None:
        if self.model.has_failed_writes():
            return  # keep saying what was refused until it is stored
        self.failed = False
        self.setText(SAVING if self.model.has_pending_edits() else SAVED)
        self.setToolTip("")

    def _failed(self, message: str) -> None:
        self.failed = True
        self.setText("Not saved: " + message)
        self.setToolTip(
            message + "\nWhat you typed is still on screen; it is saved again "
            "with your next change."
        )
