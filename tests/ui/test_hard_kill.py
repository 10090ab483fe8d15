"""A hard kill loses nothing shown as saved. The real window runs in a child process,
driven through its widgets; after each change the model reports saved, the child prints
it; the test kills the child (SIGKILL) mid-session and finds every printed change stored."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ddwizard import services

DRIVER = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from ddwizard import services
from ddwizard.ui.app import application
from ddwizard.ui.mainwindow import MainWindow

app = application()
db = services.open_database(sys.argv[1])
window = MainWindow(db)
window.show()
window.start_up()
window.actions.new_assessment()
window.model.set_show_all(True)  # five questions an area, beyond the core set
areas = [s.key for s in window.wizard.steps if s.key.startswith("area:")]
actions, last = [], {}

def box_on(area, n):
    window.wizard.go(area)
    return list(window.wizard.current_page().questions.values())[n]

def pick(area, n, i):  # each action says what it will change, then changes it
    def act():
        box = box_on(area, n)
        index = i % (len(box.radios) - 1)
        last["change"] = {"question": box.question.id, "option": box.question.options[index].key}
        box.radios[index].click()
    return act

def note(area, n):
    def act():
        box = box_on(area, n)
        text = f"note {area} {n}"
        last["change"] = {"question": box.question.id, "note": text}
        QTest.keyClicks(box.note, text)  # saved after the pause, as when typing
    return act

for a, area in enumerate(areas[:6]):
    for n in range(5):
        actions.append(pick(area, n, a + n))
        if n % 2 == 0:
            actions.append(note(area, n))

def next_action():
    if actions:
        actions.pop(0)()
    else:
        print("done", flush=True)

def reported_saved():
    change = last.pop("change", None)
    if change is not None:
        print(json.dumps(change), flush=True)
        QTimer.singleShot(0, next_action)

window.model.saved.connect(reported_saved)
print(json.dumps({"assessment": window.model.assessment_id}), flush=True)
QTimer.singleShot(0, next_action)
app.exec()
"""


def read_lines(proc: subprocess.Popen, count: int, deadline: float) -> list[str]:
    lines: list[str] = []
    while len(lines) < count and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
    return lines


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_hard_kill_loses_nothing_reported_saved(tmp_path: Path):
    path = tmp_path / "killed.db"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(path)],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        lines = read_lines(proc, 1 + 20, time.monotonic() + 60)
    finally:
        proc.send_signal(signal.SIGKILL)  # mid-session: more changes are on their way
        proc.wait(10)
    assert len(lines) == 21, lines
    assessment = json.loads(lines[0])["assessment"]
    reported = [json.loads(line) for line in lines[1:]]
    assert any("note" in r for r in reported) and any("option" in r for r in reported)
    with services.open_database(path) as db:
        stored = db.load_assessment(assessment)
    for change in reported:
        answer = stored.answer(change["question"])
        assert answer is not None, change
        if "option" in change:
            assert answer.option == change["option"]
        else:
            assert answer.note == change["note"]
