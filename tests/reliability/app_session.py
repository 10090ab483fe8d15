"""The real app in a process of its own, started through its own entry point
(`ddwizard.cli.main`, offscreen), editing an assessment through its widgets for as long as
the test wants, while other processes use the same database.

Each change the app reports saved (the model's `saved` signal, after the write committed)
is printed as one JSON line; the test then finds every one of them in the file."""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from pathlib import Path

from .helpers import Running

DRIVER = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ddwizard.cli import main
from ddwizard.ui.app import application

db_path, edits, stop_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
app = application()  # the entry point uses this one
state = {"n": 0, "visits": {}, "change": None}

def window():
    from ddwizard.ui.mainwindow import MainWindow
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return found[0] if found and found[0].isVisible() else None

def begin():
    w = window()
    if w is None:
        QTimer.singleShot(20, begin)
        return
    state["window"] = w
    w.model.saved.connect(reported_saved)
    w.model.saveFailed.connect(lambda text: failed(text))
    w.actions.new_assessment()
    state["areas"] = [s.key for s in w.wizard.steps if s.key.startswith("area:")][:6]
    print(json.dumps({"assessment": w.model.assessment_id}), flush=True)
    QTimer.singleShot(0, next_edit)

def next_edit():
    w = state["window"]
    if os.path.exists(stop_file) or (edits and state["n"] >= edits):
        print(json.dumps({"quitting": state["n"]}), flush=True)
        w.close()
        return
    n = state["n"]
    state["n"] += 1
    w.wizard.go(state["areas"][n % len(state["areas"])])
    boxes = list(w.wizard.current_page().questions.values())
    box = boxes[(n // len(state["areas"])) % len(boxes)]
    qid = box.question.id
    visit = state["visits"][qid] = state["visits"].get(qid, -1) + 1
    if n % 7 == 3:  # a note, typed: saved after the pause, as when typing
        text = f" n{n}"
        state["change"] = {"question": qid, "note": box.note.toPlainText() + text}
        QTest.keyClicks(box.note, text)
    else:
        options = len(box.radios) - 1
        index = visit % options
        if box.radios[index].isChecked():
            index = (index + 1) % options
        state["change"] = {"question": qid, "option": box.question.options[index].key}
        box.radios[index].click()

def reported_saved():
    change, state["change"] = state["change"], None
    if change is not None:
        print(json.dumps(change), flush=True)
        QTimer.singleShot(0, next_edit)

def failed(text):
    print(json.dumps({"failed": text}), flush=True)
    state["change"] = None
    QTimer.singleShot(0, next_edit)

QTimer.singleShot(0, begin)
sys.exit(main(["--db", db_path]))
"""


class AppSession(Running):
    """`ddwizard --db PATH` with a driver: edits until `quit()` (or `edits` are made)."""

    def __init__(self, db: Path, edits: int = 0) -> None:
        self.db = db
        self.stop_file = db.with_name(f".stop-{uuid.uuid4().hex}")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        argv = [sys.executable, "-c", DRIVER, str(db), str(edits), str(self.stop_file)]
        super().__init__(argv, env=env)

    def wait_ready(self, timeout: float = 90) -> int:
        """The assessment the app made and is editing, once it is editing."""
        self._wait(lambda: self.records(), timeout, "the app to open")
        return self.records()[0]["assessment"]

    def wait_saved(self, count: int, timeout: float = 90) -> None:
        self._wait(lambda: len(self.changes()) >= count, timeout, f"{count} saved edits")

    def _wait(self, done, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if self.proc.poll() is not None:
                self._join()
                raise AssertionError(f"the app ended waiting for {what}: {self.err[-20:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}: {self.err[-20:]}")
            time.sleep(0.05)

    def records(self) -> list[dict]:
        return [json.loads(line) for line in list(self.lines) if line.startswith("{")]

    def changes(self) -> list[dict]:
        return [r for r in self.records() if "question" in r]

    def failures(self) -> list[str]:
        return [r["failed"] for r in self.records() if "failed" in r]

    def quit(self, timeout: float = 90) -> int:
        """Ask the app to close its window (as a person quits) and wait for it to end."""
        self.stop_file.touch()
        try:
            return self.finish(timeout)
        finally:
            self.stop_file.unlink(missing_ok=True)


def last_of_each(changes: list[dict]) -> dict[tuple[str, str], str]:
    """(question, "option" or "note") -> the last value the app reported saved."""
    last = {}
    for c in changes:
        kind = "option" if "option" in c else "note"
        last[(c["question"], kind)] = c[kind]
    return last


def missing_edits(db_path: Path, assessment: int, changes: list[dict]) -> list[str]:
    """The edits reported saved that the file does not hold (read as the app would)."""
    from ddwizard.storage import Database

    with Database(db_path) as db:
        stored = db.load_assessment(assessment)
    lost = []
    for (question, kind), value in last_of_each(changes).items():
        answer = stored.answer(question)
        got = None if answer is None else getattr(answer, kind)
        if got != value:
            lost.append(f"{question} {kind}: saved {value!r}, file has {got!r}")
    return lost
