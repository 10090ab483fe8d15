"""`ddwizard` with no command: open the database and the main window.

A database that cannot be opened (damaged, not ours, too new, busy) is reported in words,
with the way back: put back one of its backups. The file itself is never overwritten;
restoring moves it aside first.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ddwizard import paths, services
from ddwizard.storage import (
    Database,
    DatabaseDamaged,
    DatabaseInUse,
    StorageError,
    list_backups,
    restore,
)
from ddwizard.ui import theme
from ddwizard.ui.dialogs import Dialogs, QtDialogs

BACKUPS = "ddwizard backups (*.db);;All files (*)"
# Set by the packaged build's smoke test (packaging/smoke.py), which has no one to close the
# window: once the event loop has shown it, it is closed as a person would close it.
CLOSE_WHEN_SHOWN = "DDWIZARD_CLOSE_WHEN_SHOWN"


def application() -> QApplication:
    app, made = QApplication.instance(), False
    if app is None:
        app, made = QApplication(sys.argv[:1] + theme.QT_ARGS), True
    app.setApplicationName("ddwizard")
    app.setApplicationDisplayName("ddwizard")
    theme.apply(app, style=not made)
    return app


def open_or_recover(path: Path, dialogs: Dialogs, check_later: bool = False) -> Database | None:
    """Open the database; when it cannot be, say why and offer to restore a backup.
    `check_later`: see Database (the app checks a changed file once its window is up)."""
    while True:
        try:
            return services.open_database(path, check_later=check_later)
        except DatabaseInUse as e:
            # Busy is not damage: the way on is to wait for the other program, not a backup.
            choice = dialogs.choose(
                "The database is in use",
                f"{e}\n\nAnother ddwizard window or command is writing to it. Nothing has "
                "been changed. Close the other one, then try again.",
                ["Try again"],
            )
            if choice is None:
                return None
        except StorageError as e:
            choice = dialogs.choose(
                "The database cannot be opened",
                f"{e}\n\nThe file has not been changed. You can put back one of its backups "
                "(the current file is kept beside it under another name), or quit.",
                ["Restore a backup…"],
            )
            if choice is None or not restore_from_backup(path, dialogs):
                return None


def restore_from_backup(path: Path, dialogs: Dialogs, chosen: Path | str | None = None) -> bool:
    """Put back `chosen`, or a backup the person chooses."""
    if chosen is None:
        found = list_backups(path)
        folder = str(found[0].parent) if found else str(path.parent)
        chosen = dialogs.get_open_path("Choose a backup to restore", folder, BACKUPS)
    if not chosen:
        return False
    try:
        aside = restore(path, chosen)
    except StorageError as e:
        dialogs.error("Restore a backup", str(e))
        return False
    kept = f" The file it replaced is kept as {aside}." if aside else ""
    dialogs.inform("Restore a backup", f"The backup has been put back.{kept}")
    return True


class FirstFrame(QObject):
    """Calls `then` once `window` has drawn its first frame (Qt paints a window first, then
    what is in it, in one pass: `then` runs when that pass is over)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


class App:
    """Holds the window, so File > Restore can close the database, restore, and reopen."""

    def __init__(self, path: Path, dialogs: Dialogs | None = None) -> None:
        self.path = path
        self.dialogs = dialogs or QtDialogs()
        self.window = None
        self._told = None  # the window told of damage (once is enough)

    def open(self) -> bool:
        db = open_or_recover(self.path, self.dialogs, check_later=True)
        if db is None:
            return False
        from ddwizard.ui.mainwindow import MainWindow

        self.window = window = MainWindow(db, self.dialogs, restore_backup=self.restore)
        self.dialogs.parent = window
        # Damage met at any moment (the check below, or while working) is told once the
        # call that met it has returned: a question asked in the middle of a write would
        # run the event loop inside it.
        db.on_damage = lambda error: QTimer.singleShot(0, lambda: self._damaged(window, error))
        if db.unchecked is not None:
            # The integrity check reads the whole file: it runs once the window has drawn
            # its first frame, on the window's own connection (the only one this process
            # holds on the file), and before the first write at the latest.
            FirstFrame(window, lambda: self._check(window))
        window.show()
        window.start_up()
        self._tell(db)
        return True

    def _tell(self, db: Database) -> None:
        """What the person should know about the file before they start."""
        if db.read_only:
            self.dialogs.inform(
                "A read-only database",
                f"The database '{db.path}' is read-only (its owner made it so): you can look, "
                "export and print, but changes cannot be saved. ddwizard leaves it read-only.",
            )
        for warning in db.warnings:
            self.dialogs.inform("Where the database is", warning[0].upper() + warning[1:])

    def _check(self, window) -> None:
        if window is not self.window or not window.isVisible():
            return  # restored or closed before the check's turn came
        try:
            window.db.check_integrity()
        except DatabaseDamaged:
            pass  # told through the database's `on_damage`
        except Exception as e:  # noqa: BLE001 - reported in words by _damaged
            self._damaged(window, e)

    def _damaged(self, window, error: Exception) -> None:
        """Damage met, on opening or while working: nothing more is written, and the way
        back is offered: the newest good backup, named, or one the person chooses."""
        if window is not self.window or window is self._told:
            return  # that window has gone (restored or closed), or has been told
        if not isinstance(error, StorageError):
            window.statusBar().showMessage(
                f"The database could not be checked for damage: {error}", 15_000
            )
            return
        self._told = window
        window.stop_writing()  # the damaged file stays as it was found
        backup = window.db.newest_good_backup()
        choices = [f"Restore {backup.name}", "Choose another backup…"] if backup else []
        choice = self.dialogs.choose(
            "The database is damaged",
            f"{error}\n\nNothing more will be written to it. You can put back one of its "
            "backups (the damaged file is kept beside it under another name), or quit.",
            choices or ["Restore a backup…"],
        )
        if choice is None:
            window.close()
            QApplication.quit()
            return
        self._replace(window, backup if backup and choice == 0 else None)

    def restore(self) -> None:
        if not self.dialogs.confirm(
            "Restore a backup",
            "Put back a backup in place of the current database? The "
            "current file is kept beside it under another name.",
            "Choose a backup…",
        ):
            return
        self._replace(self.window)

    def _replace(self, old, backup: Path | None = None) -> None:
        """Close the window and its database, put a backup back (`backup`, or one the
        person chooses), and open again."""
        old.close()
        old.db.close()
        restore_from_backup(self.path, self.dialogs, backup)
        old.deleteLater()
        if not self.open():
            QApplication.quit()


def run(db: str | None) -> int:
    app = application()
    holder = App(paths.database_path(db))
    opened = holder.open()
    # Garbage collection, set here only. What start-up made (modules, classes, Qt's
    # wrappers: most of the app's objects) lives as long as the app; frozen, it is left out
    # of Python's full collections, which would otherwise walk all of it each time and could
    # fall in the middle of a keystroke. Objects freed by their reference count, as nearly
    # all are, are freed as before.
    gc.freeze()
    if not opened:
        return 1
    if os.environ.get(CLOSE_WHEN_SHOWN):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, holder.window.close)
    code = app.exec()
    if holder.window is not None:
        # Closed, not left to the end of the process: SQLite then folds its write-ahead log
        # back into the file and removes it, as every command does.
        holder.window.db.close()
    return code
