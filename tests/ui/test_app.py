"""Opening the app: a database that cannot be opened is reported in words, never
overwritten, and a backup can be put back; the app opens as a person starts it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from ddwizard import services
from ddwizard.storage import DatabaseInUse, list_backups
from ddwizard.ui.app import open_or_recover

from .helpers import FakeDialogs


def last_line_of(code: str) -> str:
    """Run `code` in a fresh Python (offscreen): the last line it prints (its errors, if
    it printed none)."""
    env = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp())  # not the user's settings
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    lines = out.stdout.strip().splitlines()
    return lines[-1] if lines else out.stderr


def damaged_with_backup(db_path):
    with services.open_database(db_path) as db:
        services.ensure_default(db)
        backup = db.backup()
    db_path.write_bytes(b"this is not a database any more")
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    return backup


def restoring(backup) -> FakeDialogs:
    """Dialogs that answer "Restore a backup…" and choose `backup`."""
    dialogs = FakeDialogs()
    dialogs.choices = [0]
    dialogs.open_paths = [str(backup)]
    return dialogs


def test_a_damaged_database_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "ddwizard.db"
    damaged_with_backup(path)
    dialogs = FakeDialogs()  # answers Cancel: quit
    assert open_or_recover(path, dialogs) is None
    kind, text = dialogs.asked[0]
    assert kind == "choose" and "not a ddwizard database" in text and "backup" in text
    assert path.read_bytes() == b"this is not a database any more"


def test_a_backup_can_be_put_back(tmp_path):
    path = tmp_path / "ddwizard.db"
    backup = damaged_with_backup(path)
    dialogs = restoring(backup)
    db = open_or_recover(path, dialogs)
    assert db is not None
    assert db.questionnaires()
    db.close()
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert [p.read_bytes() for p in kept] == [b"this is not a database any more"]
    assert list_backups(path) == [backup]


def test_a_busy_database_offers_to_try_again_not_a_restore(tmp_path, monkeypatch):
    # In WAL mode the app opens alongside another writer; "in use" comes when the other
    # program holds the file through the whole busy timeout (for instance mid-migration).
    path = tmp_path / "ddwizard.db"
    real_open = services.open_database
    attempts = []

    def busy_once(p, **options):
        attempts.append(p)
        if len(attempts) == 1:
            raise DatabaseInUse(f"The database '{p}' is in use by another program.")
        return real_open(p, **options)

    monkeypatch.setattr(services, "open_database", busy_once)
    dialogs = FakeDialogs()
    dialogs.choices = [0]  # "Try again"
    db = open_or_recover(path, dialogs)
    assert db is not None
    db.close()
    kind, text = dialogs.asked[0]
    assert kind == "choose" and "in use" in text and "backup" not in text.lower()
    assert len(attempts) == 2 and not any(k == "open" for k, _ in dialogs.asked)


def test_ddwizard_opens_its_window_on_the_assessments(tmp_path):
    """`ddwizard --db PATH` in a fresh process, as a person starts it: the window comes up on
    the start screen listing the assessment, and closing it ends the app with exit 0."""
    path = tmp_path / "x.db"
    with services.open_database(path) as db:
        services.create_demo(db)
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "seen = []\n"
        "def look():\n"
        "    shown = [w for w in app.topLevelWidgets() if w.isVisible()]\n"
        "    seen.extend(w.start.table_model.rowCount() for w in shown if hasattr(w, 'start'))\n"
        "    app.closeAllWindows()\n"
        "QTimer.singleShot(0, look)\n"
        "from ddwizard.cli import main\n"
        f"assert main(['--db', {str(path)!r}]) == 0\n"
        "print(seen)\n"
    )
    assert last_line_of(code) == "[1]"


def test_restore_from_the_file_menu_reopens_on_the_backup(qtbot, tmp_path, app_look):
    from ddwizard.ui.app import App

    path = tmp_path / "ddwizard.db"
    with services.open_database(path) as db:
        services.ensure_default(db)
        backup = db.backup()
    dialogs = FakeDialogs()
    app = App(path, dialogs)
    assert app.open()
    first = app.window
    qtbot.addWidget(first, before_close_func=lambda w: w.actions.wait())
    first.actions.new_assessment()  # made after the backup: the restore takes it away
    dialogs.confirms = [True]
    dialogs.open_paths = [str(backup)]
    app.restore()
    qtbot.addWidget(app.window, before_close_func=lambda w: w.actions.wait())
    assert app.window is not first and not first.isVisible()
    assert app.window.db.list_assessments() == []
    assert "put back" in dialogs.infos[0]
    app.window.close()
    app.window.db.close()


def test_the_app_draws_in_fusion_with_fusions_own_light_palette():
    """The app chooses Fusion when it makes the QApplication, and writes out Fusion's light
    palette rather than asking the style for it (see theme._LIGHT): the two must agree."""
    code = (
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "os.environ['DDWIZARD_THEME'] = 'light'\n"
        "from PySide6.QtGui import QPalette\n"
        "from PySide6.QtWidgets import QStyleFactory\n"
        "from ddwizard.ui import theme\n"
        "from ddwizard.ui.app import application\n"
        "app = application()\n"
        "fusion = QStyleFactory.create('Fusion').standardPalette()\n"
        "ours = app.palette()\n"
        "roles = [r for r in QPalette.ColorRole if r != QPalette.ColorRole.NColorRoles]\n"
        "differ = [(g.name, r.name) for g in theme._GROUPS for r in roles\n"
        "          if ours.color(g, r).rgba() != fusion.color(g, r).rgba()]\n"
        "print(app.style().name(), differ)\n"
    )
    assert last_line_of(code) == "fusion []"


def _damaged_inside_with_backup(path):
    """A file that opens (its header and schema are whole) but fails the integrity check:
    the last page is garbled. One good backup of it is kept. It was left at an assessment
    since deleted, so the app, opening on the start screen, has a new place to remember."""
    with services.open_database(path) as db:
        services.create_demo(db)
        db.set_state("ui.last", '{"assessment": 999, "step": "about"}')
        backup = db.backup()
    data = bytearray(path.read_bytes())
    data[-4096:] = b"\x55" * 4096
    path.write_bytes(bytes(data))
    return backup


def test_damage_found_after_the_window_is_up_offers_a_backup(qtbot, tmp_path, app_look):
    from ddwizard.ui.app import App

    path = tmp_path / "ddwizard.db"
    backup = _damaged_inside_with_backup(path)
    dialogs = restoring(backup)
    app = App(path, dialogs)
    assert app.open()  # the window comes up at once; the check runs once it is up
    first = app.window  # not given to qtbot: the app deletes it when it restores
    qtbot.waitUntil(lambda: app.window is not first, timeout=10_000)
    qtbot.addWidget(app.window, before_close_func=lambda w: w.actions.wait())
    kind, text = dialogs.asked[0]
    assert kind == "choose" and "damaged" in text and str(backup) in text
    assert len(app.window.db.list_assessments()) == 1
    qtbot.waitUntil(lambda: app.window.db.unchecked is None)  # the restored file passes
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1  # the damaged file, kept aside
    app.window.close()
    app.window.db.close()


def test_damage_found_after_the_window_is_up_quits_when_cancelled(
    qtbot, tmp_path, app_look, monkeypatch
):
    from PySide6.QtWidgets import QApplication

    from ddwizard.ui.app import App

    path = tmp_path / "ddwizard.db"
    _damaged_inside_with_backup(path)
    before = path.read_bytes()
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    dialogs = FakeDialogs()  # answers Cancel
    app = App(path, dialogs)
    assert app.open()
    window = app.window
    qtbot.addWidget(window, before_close_func=lambda w: w.actions.wait())
    qtbot.waitUntil(lambda: bool(quits), timeout=10_000)
    assert not window.isVisible() and dialogs.asked[0][0] == "choose"
    window.db.close()
    assert path.read_bytes() == before  # not even where the person was is written
