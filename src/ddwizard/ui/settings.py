"""What the app remembers about its window between runs (size, position, splitters), kept
in the user's Qt settings rather than the database: it belongs to this computer's screen,
not to the assessments (which may be carried to another computer)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = APPLICATION = "ddwizard"


def settings() -> QSettings:
    """An INI file in the user's settings folder (tests move that folder to tmp)."""
    ini, user = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    return QSettings(ini, user, ORGANISATION, APPLICATION)


def read_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def write(key: str, value) -> None:
    settings().setValue(key, value)


MOVE_ON_KEY = "keys/move_on"  # after answering with 1 to 9, on to the next question


def move_on_after_key() -> bool:
    return str(settings().value(MOVE_ON_KEY, "true")).lower() == "true"


def set_move_on_after_key(on: bool) -> None:
    write(MOVE_ON_KEY, "true" if on else "false")
