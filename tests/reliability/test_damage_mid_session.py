"""Promise 3 while the app is in use: damage met mid-session stops every write at once, and
the app offers the way back, naming the newest good backup and putting it back when asked.

The real app and its real dialogs; only the message box is answered by the test (its
`exec`), as a person would click its button.
"""

from __future__ import annotations

import sqlite3

import pytest

from ddwizard import services
from ddwizard.storage import Database

from .helpers import full_assessment
from .test_damage_found import garble_keeping_size_and_times


@pytest.fixture
def answered(monkeypatch):
    """Every message box is answered at once: the button starting with a word in `clicks`
    (if there is one) is clicked; what each box said is recorded."""
    from PySide6.QtWidgets import QMessageBox

    said: list[tuple[str, list[str]]] = []
    clicks = ["Restore"]

    def answer(box: QMessageBox) -> int:
        names = [b.text() for b in box.buttons()]
        said.append((box.text(), names))
        for button in box.buttons():
            if any(button.text().startswith(word) for word in clicks):
                button.click()
                break
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return said


def test_damage_met_while_working_offers_the_newest_good_backup(qtbot, tmp_path, answered):
    from ddwizard.ui.app import App

    path = tmp_path / "data" / "dd.db"
    with Database(path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
        backup = db.backup()
    app = App(path)
    assert app.open()
    first = app.window  # not given to qtbot: the app deletes it when it restores
    qtbot.waitUntil(lambda: first.db.unchecked is None)  # opened sound
    garble_keeping_size_and_times(path)
    elsewhere = sqlite3.connect(path, isolation_level=None)  # another program's change:
    elsewhere.execute("INSERT INTO state VALUES ('elsewhere', '')")  # the app reads afresh
    elsewhere.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # in the file, the -wal empty
    elsewhere.close()
    damaged = path.read_bytes()
    first.open_assessment(1)  # its checklist rows are on the garbled page
    qtbot.waitUntil(lambda: app.window is not first, timeout=10_000)
    qtbot.addWidget(app.window, before_close_func=lambda w: w.actions.wait())
    text, buttons = next(said for said in answered if "damaged" in said[0])
    assert str(backup) in text and f"Restore {backup.name}" in buttons
    [kept] = [p for p in path.parent.iterdir() if ".replaced-" in p.name]
    assert kept.read_bytes() == damaged  # nothing was written after the damage was met
    assert app.window.db.load_assessment(1).school.name == "Oakfield Primary"
    qtbot.waitUntil(lambda: app.window.db.unchecked is None)  # the restored file passes
    app.window.close()
    app.window.db.close()
