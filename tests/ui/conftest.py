"""Fixtures for the app's tests: a database in tmp_path, fake dialogs, the main window."""

from __future__ import annotations

import pytest

from ddwizard import services
from ddwizard.ui.app import application

from .helpers import FakeDialogs


@pytest.fixture(autouse=True)
def _fresh_settings(_qt_settings_in_tmp):
    """No window size or splitter remembered from another test."""
    from ddwizard.ui.settings import settings

    settings().clear()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "ddwizard.db"


@pytest.fixture
def db(db_path):
    database = services.open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def app_look(qapp):
    """The app's own style, palette and fonts, as `ddwizard` sets them; put back after, so
    tests that draw (the plane's) see the same application every time."""
    before = (qapp.style().name(), qapp.palette(), qapp.font(), qapp.styleSheet())
    yield application()
    style, palette, font, sheet = before
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def make_window(qtbot, dialogs, app_look):
    """Open the main window on a database; closed (and its jobs waited for) afterwards."""
    from ddwizard.ui.mainwindow import MainWindow

    windows = []

    def make(database):
        window = MainWindow(database, dialogs)
        qtbot.addWidget(window, before_close_func=lambda w: w.actions.wait())
        window.show()
        window.start_up()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.actions.wait()


@pytest.fixture
def window(make_window, db):
    return make_window(db)
