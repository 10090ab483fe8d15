"""Run in a subprocess by `bench_app`: start a window, say when it is first painted, quit.

    python app_driver.py bare             a QMainWindow showing one QLabel (the baseline)
    python app_driver.py app DB           `ddwizard --db DB`, exactly as a person starts it
    python app_driver.py plain DB         the same start screen built with PySide alone
                                          (plain_start.py: no module of ddwizard)
    python app_driver.py memory DB ID     the app with assessment ID open, every step visited;
                                          prints the resident memory (VmRSS) in kB
    python app_driver.py carry DB         the app, then Enter on its offer to carry on where
                                          the person left off; prints the milliseconds from
                                          the key to the step's page painted

Prints `shown` (or the memory) on stdout the moment the main window's first frame has been
painted, then closes the windows and quits through the event loop, as a person would.
The parent times from starting the process to reading that line.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def watch_first_paint(then) -> None:
    """`then(window)` is called once a main window's first frame has been painted (the
    window and everything in it).

    The filter watches each QMainWindow from the moment it is shown (`QMainWindow.show` is
    wrapped to install it there), never the whole application: a Python filter on the
    application sees every event of every object, and wrapping each new kind of object for
    it makes PySide load every class of its modules (about 30 ms, which the app itself never
    pays).
    """

    def install(widgets) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        class FirstPaint(QObject):
            done = False

            def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
                if not self.done and event.type() == QEvent.Type.Paint:
                    # The window's own paint event comes first in a frame; its children
                    # are painted next, in the same pass. Posted now, `then` runs once
                    # that pass is over: the whole first frame is drawn.
                    self.done = True
                    QTimer.singleShot(0, lambda: then(watched))
                return False

        watcher, show = FirstPaint(), widgets.QMainWindow.show
        watchers.append(watcher)

        def watched_show(window) -> None:
            window.installEventFilter(watcher)
            show(window)

        widgets.QMainWindow.show = watched_show

    from PySide6 import QtWidgets

    watchers: list = []
    install(QtWidgets)


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def quit_soon(_window=None) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    QTimer.singleShot(0, QApplication.closeAllWindows)
    QTimer.singleShot(0, QApplication.quit)


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    watch_first_paint(lambda w: (say("shown"), quit_soon()))
    _app = QApplication(sys.argv[:1])  # kept for the run
    window = QMainWindow()
    window.setCentralWidget(QLabel("Practice and purpose due diligence"))
    window.resize(800, 600)
    window.show()
    return _app.exec()


def plain(db: str) -> int:
    from plain_start import window

    watch_first_paint(lambda w: (say("shown"), quit_soon()))
    main = window(db)
    main.show()
    return main.app.exec()


def real_app(db: str) -> int:
    from ddwizard.cli import main  # as the `ddwizard` script does

    watch_first_paint(lambda w: (say("shown"), quit_soon()))
    return main(["--db", db])


def memory(db: str, assessment: str) -> int:
    from PySide6.QtCore import QTimer

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
                window.actions.wait()
                say(str(rss_kb()))
                quit_soon()

        QTimer.singleShot(0, step)

    watch_first_paint(lambda w: QTimer.singleShot(0, lambda: visit_all(w)))
    from ddwizard.cli import main

    return main(["--db", db])


def carry_on(db: str) -> int:
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def press(window) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent

        button = window.start.carry_on.button
        if QApplication.focusWidget() is not button and window.focusWidget() is not button:
            raise SystemExit("the offer to carry on does not have the focus")
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(button, key)
        window.repaint()  # the frame with the step's page, drawn now
        say(f"{(time.perf_counter() - start) * 1000:.1f}")
        quit_soon()

    watch_first_paint(lambda w: QTimer.singleShot(0, lambda: press(w)))
    from ddwizard.cli import main

    return main(["--db", db])


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    sys.exit(
        {
            "bare": bare,
            "plain": plain,
            "app": real_app,
            "memory": memory,
            "carry": carry_on,
        }[mode](*rest)
    )
