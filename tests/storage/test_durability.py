"""Every answer reported as saved survives the process being killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ddwizard.storage import Database

from .storage_helpers import make_assessment, make_questionnaire

SRC = Path(__file__).resolve().parents[2] / "src"

WRITER = textwrap.dedent(
    """
    import sys
    from ddwizard.core.changes import AnswerChosen, AnswerNoted
    from ddwizard.storage import Database
    db = Database(sys.argv[1])
    aid = int(sys.argv[2])
    for n in range(100_000):
        with db.atomic():
            db.apply(aid, AnswerChosen(f'q{n}', 'trust'))
            db.apply(aid, AnswerNoted(f'q{n}', f'note {n}'))
        print(n, flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_answers_reported_saved_survive_sigkill(db_path):
    with Database(db_path) as db:
        aid = db.create_assessment(make_assessment(), make_questionnaire())
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(aid)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    reported = []
    assert writer.stdout is not None
    for line in writer.stdout:
        reported.append(int(line))
        if len(reported) == 40:
            os.kill(writer.pid, signal.SIGKILL)  # mid-way: it is still writing
            break
    writer.wait(timeout=10)
    reported += [int(line) for line in writer.stdout.read().split()]
    assert writer.returncode == -signal.SIGKILL
    with Database(db_path) as db:
        saved = {a.question for a in db.load_assessment(aid).answers}
    assert {f"q{n}" for n in reported} <= saved
