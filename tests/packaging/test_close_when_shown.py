"""The hook the packaged build's smoke test opens the window with, run from source: the
window opens, is closed as a person closes it, and the database is closed with it."""

from __future__ import annotations

import os
import subprocess
import sys

from ddwizard.cli import main


def test_the_app_opens_and_closes_cleanly_when_asked(tmp_path):
    db = tmp_path / "dd.db"
    assert main(["--db", str(db), "demo"]) == 0
    home = tmp_path / "home"  # the window's settings and the check note go here, not ~
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DDWIZARD_CLOSE_WHEN_SHOWN="1",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "ddwizard", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # SQLite removes the write-ahead log when the last connection is closed, not at exit.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dd.db", "home"]
