"""Promise 6 ("Your data"): ddwizard changes nobody's permissions but to take others' away,
and a database its owner made read-only is read, never written, its mode kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.core.changes import DetailSet
from ddwizard.storage import Database, StorageError

from .helpers import ddwizard, full_assessment, mode, write_bundles


@pytest.fixture
def read_only(tmp_path) -> Path:
    path = tmp_path / "data" / "dd.db"
    with Database(path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
    path.chmod(0o400)
    return path


def test_a_read_only_database_is_read_and_never_written(read_only, tmp_path):
    before = read_only.read_bytes()
    listed = ddwizard("list", db=read_only)
    assert listed.returncode == 0 and "Oakfield Primary" in listed.stdout, listed.stderr
    for argv in (["place", "1"], ["backup"]):  # reading it is fine, a backup too
        done = ddwizard(*argv, db=read_only)
        assert done.returncode == 0, done.stderr
    write_bundles(tmp_path / "in", 1)
    for argv in (["demo"], ["import", *map(str, (tmp_path / "in").glob("*"))]):
        done = ddwizard(*argv, db=read_only)
        assert done.returncode == 1, (argv, done.stdout)
        assert "read-only" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert mode(read_only) == 0o400
    assert read_only.read_bytes() == before
    assert sorted(p.name for p in read_only.parent.iterdir()) == ["backups", "dd.db"]


def test_the_app_model_says_a_read_only_database_cannot_be_changed(read_only, qtbot):
    from ddwizard.ui.model import AssessmentModel

    with Database(read_only, check_later=True) as db:
        assert db.read_only
        model = AssessmentModel(db)
        model.open(1)
        with qtbot.waitSignal(model.saveFailed) as said:
            assert not model.apply(DetailSet("label", "changed?"))
        assert "read-only" in said.args[0]
        with pytest.raises(StorageError, match="read-only"):
            db.set_state("ui.last", "{}")
    assert mode(read_only) == 0o400


def test_only_others_permissions_are_ever_taken_away(tmp_path):
    path = tmp_path / "dd.db"
    with Database(path):
        pass
    path.chmod(0o640)
    with Database(path):
        assert mode(path) == 0o600  # others' read taken away
    os.chmod(path, 0o400)
    with Database(path):
        pass
    assert mode(path) == 0o400  # the owner's own choice kept


def test_a_database_folder_others_can_change_is_named_in_a_warning(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "dd.db"
    with Database(path):
        pass
    folder.chmod(0o777)  # as a shared folder may be
    try:
        done = ddwizard("list", db=path)
        assert done.returncode == 0, done.stderr
        assert f"ddwizard: warning: the folder '{folder}'" in done.stderr, done.stderr
        assert "other users" in done.stderr
        assert mode(folder) == 0o777  # the person's folder: named, not changed
    finally:
        folder.chmod(0o700)


def test_the_app_says_a_read_only_database_is_read_only(read_only, qtbot):
    from ddwizard.ui.app import App

    from ..ui.helpers import FakeDialogs

    dialogs = FakeDialogs()
    app = App(read_only, dialogs)
    assert app.open()
    qtbot.addWidget(app.window, before_close_func=lambda w: w.actions.wait())
    assert any("read-only" in text for text in dialogs.infos), dialogs.infos
    app.window.close()
    app.window.db.close()
    assert mode(read_only) == 0o400
