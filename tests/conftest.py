"""Shared test set-up.

Qt (pytest-qt): every test runs offscreen, QSettings go to a temporary folder, and a test
that leaves a top-level window open or a background job running fails. Other layers may add
their own fixtures below; keep this file additive.
"""

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
# Passed integrity checks are remembered in the user's cache folder (storage/checked.py): for
# the tests and every process they start, a temporary one.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="ddwizard-test-cache-")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def _qt_settings_in_tmp(tmp_path_factory):
    """QSettings (if anything uses them) write under a temporary folder, not the user's."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)
    return folder


@pytest.fixture(autouse=True)
def _qt_hygiene(request):
    """For tests that use qtbot: settings in tmp, and nothing left behind afterwards.

    pytest-qt closes the widgets registered with `qtbot.addWidget` before fixtures are torn
    down, so anything still visible here was never handed to qtbot (or reopened itself).
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("_qt_settings_in_tmp")
    yield
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for w in left:  # close them so one failure does not cascade into the next tests
        w.close()
    busy = [r for r in _runners() if r.active_threads()]
    for r in busy:
        r.wait(10_000)
    global_pool = QThreadPool.globalInstance().activeThreadCount()
    assert not left, f"top-level windows left open: {[type(w).__name__ for w in left]}"
    assert not busy, "background jobs still running at the end of the test"
    assert not global_pool, "threads still running in the global thread pool"


def _runners():
    tasks = sys.modules.get("ddwizard.ui.tasks")
    return tasks.live_runners() if tasks else []
