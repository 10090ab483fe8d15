"""Run in a subprocess by `bench_app`: start a window, say when it is first painted, quit.

    python app_driver.py bare             an empty QMainWindow (the start-up baseline)
    python app_driver.py app DB           `ddwizard --db DB`, exactly as a person starts it
    python app_driver.py memory DB ID     the app with assessment ID open, every step visited;
                                          prints the resident memory (VmRSS) in kB

Prints `shown` (or the memory) on stdout the moment the main window's first paint event
arrives, then closes the windows and quits through the event loop, as a person would.
The parent times from starting the process to reading that line.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    """The first Paint of a main window calls `then` once.

    It watches each QMainWindow from the moment it is shown (`QMainWindow.show` is wrapped
    to install it there), never the whole application: a Python filter on the application
    sees every event of every object, and wrapping each new kind of object for it makes
    PySide load every class of its modules (about 30 ms, which the app itself never pays).
    """

    def __init__(self, then) -> None:
        super().__init__()
        self.then = then
        self.done = False
        watcher, show = self, QMainWindow.show

        def watched_show(window) -> None:
            window.installEventFilter(watcher)
            show(window)

        QMainWindow.show = watched_show

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            self.then(watched)
        return False


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def quit_soon(_window=None) -> None:
    QTimer.singleShot(0, QApplication.closeAllWindows)
    QTimer.singleShot(0, QApplication.quit)


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def bare() -> int:
    _app = QApplication(sys.argv[:1])  # kept for the run
    _watcher = FirstPaint(lambda w: (say("shown"), quit_soon()))
    window = QMainWindow()
    window.resize(800, 600)
    window.show()
    return _app.exec()


def real_app(db: str) -> int:
    # The app makes its own QApplication when there is none; made here only so the watcher
    # can be installed before the app's window is shown. Everything else is `ddwizard`.
    _app = QApplication(sys.argv[:1])  # kept for the run
    _watcher = FirstPaint(lambda w: (say("shown"), quit_soon()))
    from ddwizard.cli import main

    return main(["--db", db])


def memory(db: str, assessment: str) -> int:
    _app = QApplication(sys.argv[:1])  # kept for the run

    def visit_all(window) -> None:
        wizard = window.wizard
        window.open_assessment(int(assessment), "about")
        keys = [s.key for s in wizard.steps]
        state = {"i": 0}

        def step() -> None:  # one step per turn of the event loop, each laid out and painted
            if state["i"] < len(keys):
                wizard.go(keys[state["i"]])
                state["i"] += 1
                QTimer.singleShot(0, step)
            else:
                window.runner.wait()
                say(str(rss_kb()))
                quit_soon()

        QTimer.singleShot(0, step)

    _watcher = FirstPaint(lambda w: QTimer.singleShot(0, lambda: visit_all(w)))
    from ddwizard.cli import main

    return main(["--db", db])


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    sys.exit({"bare": bare, "app": real_app, "memory": memory}[mode](*rest))
