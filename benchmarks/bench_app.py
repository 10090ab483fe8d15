"""The app's side of the budgets: start-up, autosave from a widget, step changes, growth of
opening the app and an assessment, and memory.

Start-up and memory are measured in fresh processes (`app_driver.py`): from starting the
process to the end of the main window's first frame, against the same for a bare
QMainWindow showing one QLabel of text. The app is started as `ddwizard` starts it, on a
file with no assessment left open and on one closed in the middle of an assessment (the
start screen then offers to carry on; Enter on that offer is timed to the step's page drawn).
Beside them runs the same start screen built with PySide alone (`plain_start.py`), which
shows how much of the start-up is Qt's and PySide's own and how much is ddwizard's. The
processes write their bytecode to a cache in a temporary folder (and are run once before
timing), as an installed app does after its first run: this machine's environment sets
PYTHONDONTWRITEBYTECODE, which would otherwise charge every run for compiling each module.
Opening the app is measured on an unchanged file (its integrity check, remembered from an
earlier run, is not repeated) and on a file changed since (its times touched: the full
`integrity_check` reads it all again, once the window has drawn its first frame, as the app
does).

The rest is measured in this process, on the real main window with the demo assessment, the
window shown offscreen. "Shown and laid out" means: the event loop has handled what showing
the page posted (layout, then the page's first paint).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_store import bare_upsert_connection, demo_db
from harness import Figure, median, percentile

from ddwizard.storage import Database

DRIVER = Path(__file__).with_name("app_driver.py")
# Opening an assessment for the first time in a session loads the wizard and the step's
# page: a deliberate action, answered within a fifth of a second (moving between steps after
# that is held to the step-change budget).
CARRY_ON_S = 0.200


# --- in fresh processes ---------------------------------------------------------------------


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CACHE_HOME"] = str(cache / "xdg-cache")  # the integrity-check stamps
    # The window's size and the theme, as the app leaves them for its next start, kept
    # apart from the settings of whoever runs the benchmarks.
    env["XDG_CONFIG_HOME"] = str(cache / "xdg-config")
    env.pop("DDWIZARD_DB", None)
    return env


def _spawn(env: dict[str, str], *args: str) -> tuple[float, str]:
    """Seconds from starting the driver to its first line, and that line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - start
    proc.stdout.read()
    if proc.wait(timeout=60) != 0 or not line:
        raise RuntimeError(f"app_driver {' '.join(args)} failed (exit {proc.returncode})")
    return elapsed, line


def _starts(
    env, a: tuple[str, ...], b: tuple[str, ...], rounds: int, before=lambda: None
) -> tuple[float, float]:
    """Interleaved start-ups of two kinds (`before` runs before each); medians."""
    return tuple(_interleaved(env, [a, b], rounds, before))


def _interleaved(env, kinds: list[tuple[str, ...]], rounds: int, before=lambda: None):
    """Start-ups of several kinds, taken in turn so that load falls on all alike; medians."""
    for args in kinds:  # warm the bytecode cache and the file cache
        _spawn(env, *args)
    samples: list[list[float]] = [[] for _ in kinds]
    for _ in range(rounds):
        for args, taken in zip(kinds, samples, strict=True):
            before()
            taken.append(_spawn(env, *args)[0])
    return [median(taken) for taken in samples]


def startup(tmp: Path, env: dict[str, str]) -> list[Figure]:
    one, left = tmp / "start.db", tmp / "left-at-plane.db"
    demo_db(one, 1)
    demo_db(left, 1)
    with Database(left) as db:  # closed at the plane step: the start screen offers to carry on
        place = {"assessment": 1, "step": "plane", "title": "Plane and route map"}
        db.set_state("ui.last", json.dumps(place))
    m, b, p = _interleaved(env, [("app", str(one)), ("bare",), ("plain", str(one))], rounds=15)
    m2, b2 = _starts(env, ("app", str(left)), ("bare",), rounds=9)
    carried = []
    for _ in range(10):  # Enter on the offer: the wizard and the plane page, first in a session
        carried.append(float(_spawn(env, "carry", str(left))[1]) / 1000)
    return [
        Figure("start-up to the first window (the start screen)", m, b, 1.5),
        # The same screen built with PySide alone (plain_start.py): what Qt and PySide cost
        # for it, so that the row above can be read as theirs and ours.
        Figure("start-up: the same screen in plain PySide, one file", p, b, 1.5),
        Figure("start-up with an assessment left open (offers to carry on)", m2, b2, 1.5),
        Figure(
            "carry on: Enter to the step left shown (first in a session)",
            median(carried[1:]),
            None,
            CARRY_ON_S,
        ),
    ]


def growth_of_start(tmp: Path, env: dict[str, str]) -> list[Figure]:
    small, large = tmp / "start-one.db", tmp / "start-many.db"
    demo_db(small, 1)
    demo_db(large, 300)
    m, b = _starts(env, ("app", str(large)), ("app", str(small)), rounds=9)

    def changed() -> None:  # as after a session of work: the file's integrity is checked again
        for path in (small, large):
            os.utime(path)

    m2, b2 = _starts(env, ("app", str(large)), ("app", str(small)), rounds=7, before=changed)
    return [
        Figure("growth: opening the app, 300 vs 1 assessments", m, b, 1.3),
        Figure("growth: opening the app after the file changed, 300 vs 1", m2, b2, 1.3),
    ]


def memory(tmp: Path, env: dict[str, str]) -> list[Figure]:
    path = tmp / "memory.db"
    demo_db(path, 1)
    _, line = _spawn(env, "memory", str(path), "1")
    return [
        Figure(
            "memory: demo open, every step visited (RSS)",
            int(line) / 1024,
            None,
            250,
            unit="MB",
        )
    ]


# --- in this process, on the real window ----------------------------------------------------


class _NoDialogs:
    """Every question is cancelled; nothing here should ask one."""

    parent = None

    def __getattr__(self, name):
        return lambda *a, **k: None


class Painted:
    """Spins the event loop until a widget, or anything in it, has been painted.

    A page that is covered by its own children is not itself sent a paint event, so the
    first frame of a page is the first paint of the page or of a scrolling area in it, and
    the wait ends when the event loop returns from handling that frame. The filter goes on
    those widgets only, never on the application: a Python filter on the application
    would see every event of every object, a cost the app itself never pays. Installing it
    is counted in the time.
    """

    def __init__(self, app) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.seen = False

            def eventFilter(self, watched, event) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    self.seen = True
                return False

        self.app = app
        self.filter = Filter()

    def wait(self, widget, limit: float = 5.0) -> None:
        """Until `widget` or a widget in it is painted: call it before the event loop next
        runs."""
        from PySide6.QtWidgets import QAbstractScrollArea

        self.filter.seen = False
        # A page's first frame starts with the page, or with the first scrolling area in it
        # (which fills its background): those are watched, not every control.
        areas = widget.findChildren(QAbstractScrollArea)
        watched = [widget, *(a.viewport() for a in areas)] if areas else [widget]
        for w in watched:
            w.installEventFilter(self.filter)
        end = time.perf_counter() + limit
        try:
            while not self.filter.seen:
                self.app.processEvents()
                if time.perf_counter() > end:
                    raise RuntimeError(f"{type(widget).__name__} was never painted")
        finally:
            for w in watched:
                w.removeEventFilter(self.filter)

    def settle(self) -> None:
        """What the event loop does between two things a person does: pending events,
        and the deletion of what was let go (`deleteLater`), which `processEvents` alone
        leaves for the event loop proper: pages dropped on reopening would pile up."""
        from PySide6.QtCore import QCoreApplication, QEvent

        for _ in range(3):
            self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def idle(self, seconds: float) -> None:
        """The event loop running with nothing to do for a while (timers fire)."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.app.processEvents()
            time.sleep(0.002)


# Qt's offscreen platform says this whenever a window's size limits change (it has no window
# manager to tell); hundreds of times a run, it buried the table. Anything else Qt says is shown.
_OFFSCREEN_CHATTER = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if message != _OFFSCREEN_CHATTER:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _window(path: Path):
    from PySide6.QtCore import QSettings

    from ddwizard import services
    from ddwizard.ui.app import application
    from ddwizard.ui.mainwindow import MainWindow

    _quiet_offscreen()
    app = application()
    # The window's remembered size and the like go beside the database, not the user's.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path.parent))
    window = MainWindow(services.open_database(path), _NoDialogs())
    window.resize(1093, 614)  # a school laptop: 1366×768 at 125%, less a taskbar
    window.show()
    window.start_up()
    return app, window


def _close(window) -> None:
    window.close()
    window.actions.wait()
    window.db.close()
    window.deleteLater()


def steps_and_autosave(tmp: Path) -> list[Figure]:
    path = tmp / "app.db"
    demo_db(path, 1)
    app, window = _window(path)
    painted = Painted(app)
    wizard = window.wizard

    def through_areas(pause: float = 0.0) -> list[float]:
        """Next through every area page; each timed until shown and painted. `pause`: time
        spent on each page before moving on (the event loop running), as a person would."""
        wizard.go("areas")
        painted.settle()
        samples = []
        for _ in areas:
            painted.idle(pause)
            start = time.perf_counter()
            wizard.next()
            painted.wait(wizard.current_page())
            samples.append(time.perf_counter() - start)
            painted.settle()
        return samples

    window.open_assessment(1, "areas")  # every page to be built: a first visit
    painted.settle()
    areas = [s.key for s in wizard.steps if s.key.startswith("area:")]
    at_once = through_areas()  # the first time also loads the area pages' modules
    window.open_assessment(1, "areas")  # and again, for a steadier p95
    painted.settle()
    at_once += through_areas()
    window.open_assessment(1, "areas")  # again from nothing built
    painted.settle()
    paused = through_areas(pause=0.4)
    warm = []
    for _ in range(4):
        warm += through_areas()
    for key in [s.key for s in wizard.steps]:  # every page built and listening, as in use
        wizard.go(key)
        painted.settle()

    n = len(areas)
    figures = [
        Figure(
            f"step change p95, first visit, 0.4 s on each page ({n} areas)",
            percentile(paused, 95),
            None,
            0.050,
        ),
        Figure(
            "step change p95, first visit, moving on at once", percentile(at_once, 95), None, 0.050
        ),
        Figure("step change p95, visited before", percentile(warm, 95), None, 0.050),
    ]
    figures += _autosave(app, window, painted, tmp)
    _close(window)
    painted.settle()
    return figures


def _autosave(app, window, painted, tmp: Path) -> list[Figure]:
    """A radio button of an area page clicked: timed from the click to the moment the
    answer's transaction is committed (storage's `apply` returns), and, for the p99,
    to the end of everything the click does (the model's announcement and every listener).
    Between clicks the event loop runs, so repaints and deferred updates happen as in use."""
    wizard = window.wizard
    area = next(s.key for s in wizard.steps if s.key.startswith("area:"))
    wizard.go(area)
    painted.settle()
    page = wizard.current_page()
    radios = [r for box in page.questions.values() for r in box.radios[:2]]
    db = window.model.db
    committed = {"at": 0.0}
    real = db.apply

    def apply(*args, **kwargs):
        real(*args, **kwargs)
        committed["at"] = time.perf_counter()

    db.apply = apply  # the instance's own: only this benchmark sees it
    state = {"i": 0}
    bare = bare_upsert_connection(tmp / "bare-autosave.db")

    def click() -> tuple[float, float]:
        """(to committed, to the end of the click), in seconds."""
        i = state["i"] = state["i"] + 1
        start = time.perf_counter()
        radios[i % len(radios)].click()
        done = time.perf_counter()
        return committed["at"] - start, done - start

    def baseline() -> float:
        i = state["bare"] = state.get("bare", 0) + 1
        start = time.perf_counter()
        bare.execute("BEGIN")
        bare.execute(
            "INSERT INTO answers VALUES (1, ?, ?) ON CONFLICT (assessment, question) "
            "DO UPDATE SET option = excluded.option",
            (f"q{i % 7}", ("a", "b")[i % 2]),
        )
        bare.execute("COMMIT")
        return time.perf_counter() - start

    for _ in range(5):
        click()
        painted.settle()
    to_commit, whole, bare_samples = [], [], []
    for _ in range(200):  # interleaved with the baseline, the event loop run between
        a, b = click()
        to_commit.append(a)
        whole.append(b)
        painted.settle()
        bare_samples.append(baseline())
    db.apply = real
    bare.close()
    return [
        Figure(
            "autosave from the widget: click to committed",
            median(to_commit),
            median(bare_samples),
            2.0,
        ),
        Figure(
            "autosave from the widget p99 (click to every listener done)",
            percentile(whole, 99),
            None,
            0.020,
        ),
    ]


def growth_of_open(tmp: Path) -> list[Figure]:
    small, large = tmp / "open-one.db", tmp / "open-many.db"
    demo_db(small, 1)
    demo_db(large, 300)
    opened = []
    for path in (small, large):
        app, window = _window(path)
        painted = Painted(app)
        window.open_assessment(1)
        painted.settle()
        window.show_start()
        painted.settle()

        def open_it(window=window, painted=painted):
            window.open_assessment(1, "area:early_reading")
            painted.wait(window.wizard.current_page())

        def close_it(window=window, painted=painted):
            window.show_start()
            painted.settle()

        opened.append((open_it, close_it, window))
    samples: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(9):
        for k, (open_it, close_it, _) in enumerate(opened):
            start = time.perf_counter()
            open_it()
            samples[k].append(time.perf_counter() - start)
            close_it()
    for _, _, window in opened:
        _close(window)
    return [
        Figure(
            "growth: opening an assessment in the app, 300 vs 1",
            median(samples[1]),
            median(samples[0]),
            1.3,
        )
    ]


def run_all() -> list[Figure]:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        env = _env(tmp / "pycache")
        # The figures measured in this process come first: the bursts of fresh processes
        # the others start leave this machine slower for a while after.
        inside = steps_and_autosave(tmp) + growth_of_open(tmp)
        starting = startup(tmp, env)
        return starting + inside + growth_of_start(tmp, env) + memory(tmp, env)


if __name__ == "__main__":
    from harness import table

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(table(run_all()))
