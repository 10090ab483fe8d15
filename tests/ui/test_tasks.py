"""The background runner: results and errors come back to the UI thread as signals."""

from __future__ import annotations

import threading

from ddwizard.ui.tasks import TaskRunner


def test_result_arrives_on_the_ui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    def done(result):
        seen["result"], seen["slot"] = result, threading.current_thread()

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: not busy):
        runner.run(work, done)
    assert seen["result"] == 42
    assert seen["slot"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()


def test_an_error_is_handed_to_on_error(qtbot):
    runner = TaskRunner()
    errors = []

    def work():
        raise ValueError("bad bundle")

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: not busy):
        runner.run(work, on_error=errors.append)
    assert [str(e) for e in errors] == ["bad bundle"]
    assert not runner.busy()
