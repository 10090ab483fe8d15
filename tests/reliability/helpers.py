"""Builders and checks shared by the reliability tests: full bundles of the shipped
questionnaire, real `ddwizard` processes, and the checks a sound database must pass."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
import uuid
import warnings
from pathlib import Path

from ddwizard import services
from ddwizard.core import bundle
from ddwizard.core.assessment import (
    Answer,
    Assessment,
    ChecklistEntry,
    Confidence,
    ItemStatus,
    ReferentNote,
    School,
    Step,
    Target,
    Trust,
    TrustReference,
)
from ddwizard.core.questionnaire import Questionnaire
from ddwizard.storage import Database

# --- bundles ---------------------------------------------------------------------------------


def full_assessment(q: Questionnaire, uid: str = "", note: str = "seen in lessons") -> Assessment:
    """Every question answered, every area noted, a target, every checklist item set: an
    assessment with many rows, so a half-written one would show."""
    answers = tuple(
        Answer(
            question.id,
            question.options[n % len(question.options)].key,
            f"{note} {n}",
            ("documents", "staff"),
        )
        for n, question in enumerate(qq for r in q.referents for qq in r.questions)
    )
    first = q.referents[0].id
    return Assessment(
        uid=uid or str(uuid.uuid4()),
        school=School("Oakfield Primary", "100001", "Primary", "Kent"),
        trust=Trust("Weald Trust", (TrustReference(first, "Our way", "Our why"),)),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        label="Pre-join visit",
        assessor="A. Assessor",
        assessed_on="2026-11-22",
        answers=answers,
        referent_notes=tuple(
            ReferentNote.same(r.id, Confidence.MEDIUM, f"{note} about {r.title}")
            for r in q.referents
        ),
        targets=(Target(first, 0.8, 0.6, "2027-09", False, "Close", (Step(0.5, 0.2, "", "a"),)),),
        due_diligence=tuple(
            ChecklistEntry(item, ItemStatus.IN_PROGRESS, note) for item in q.checklist_items()
        ),
    )


def as_imported(a: Assessment) -> Assessment:
    """What the database should hold after importing `a`'s bundle."""
    data = json.loads(bundle.dumps_bundle(a))
    got, _, _ = bundle.read_bundle(data, lambda qid, v: services.shipped_default(), "b")
    return got


def write_bundles(folder: Path, count: int, **kw) -> dict[str, Assessment]:
    """`count` bundle files (fresh uids) in `folder`; returns what each should import as."""
    folder.mkdir(parents=True, exist_ok=True)
    a = full_assessment(services.shipped_default(), **kw)
    text, imported = bundle.dumps_bundle(a), as_imported(a)
    expected = {}
    for _ in range(count):
        uid = str(uuid.uuid4())
        (folder / f"{uid}.json").write_text(text.replace(a.uid, uid), encoding="utf-8")
        expected[uid] = imported.with_changes(uid=uid)
    return expected


# --- processes -------------------------------------------------------------------------------


def ddwizard(*args: str, db: Path | None = None, **kw) -> subprocess.CompletedProcess:
    """`python -m ddwizard ...` as a real process, as a script or a person runs it."""
    return subprocess.run(_argv(args, db), capture_output=True, text=True, timeout=120, **kw)


def _argv(args, db) -> list[str]:
    return [sys.executable, "-m", "ddwizard", *(["--db", str(db)] if db else []), *args]


class Lines:
    """Output lines collected as they come, so a process can be killed at any moment and
    what it had reported by then is known."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.err: list[str] = []
        self.reported = threading.Event()
        self._threads: list[threading.Thread] = []

    def _collect(self, stream, into: list[str]) -> None:
        def read() -> None:
            for line in stream:
                into.append(line.rstrip("\n"))
                if into is self.lines:
                    self.reported.set()

        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _join(self) -> None:
        for t in self._threads:
            t.join(10)


class Running(Lines):
    """A real process (`python -m ddwizard ...` or `python -c ...`)."""

    def __init__(self, argv: list[str], **kw) -> None:
        super().__init__()
        self.proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw
        )
        self._collect(self.proc.stdout, self.lines)
        self._collect(self.proc.stderr, self.err)

    @classmethod
    def cli(cls, *args: str, db: Path, **kw) -> Running:
        return cls(_argv(args, db), **kw)

    def kill(self) -> int:
        self.proc.kill()
        return self.finish()

    def finish(self, timeout: float = 60) -> int:
        self.proc.wait(timeout)
        self._join()
        return self.proc.returncode


class Forked(Lines):
    """A child of this process running `fn(*args)`: a real process to kill, without the
    second or so an interpreter takes to start and import ddwizard. Its stdout and stderr
    come back as lines; exit 0 when `fn` returns, 1 when it raises."""

    def __init__(self, fn, *args) -> None:
        super().__init__()
        out, err = os.pipe(), os.pipe()
        with warnings.catch_warnings():
            # Python 3.12 warns when other threads exist (here: the readers of earlier
            # children). The child only runs code already imported and leaves by _exit.
            warnings.simplefilter("ignore", DeprecationWarning)
            self.pid = os.fork()
        if self.pid == 0:
            _child(fn, args, out[1], err[1])
        for _, w in (out, err):
            os.close(w)
        self._collect(os.fdopen(out[0], encoding="utf-8"), self.lines)
        self._collect(os.fdopen(err[0], encoding="utf-8"), self.err)

    @classmethod
    def cli(cls, *args: str, db: Path) -> Forked:
        from ddwizard.cli import main

        return cls(main, ["--db", str(db), *args])

    def kill(self) -> int:
        os.kill(self.pid, signal.SIGKILL)
        return self.finish()

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while (done := os.waitpid(self.pid, os.WNOHANG))[0] == 0:
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
            self._threads[0].join(0.01)
        self._join()
        return os.waitstatus_to_exitcode(done[1])


def _child(fn, args, out: int, err: int) -> None:
    code = 1
    try:
        sys.stdout = open(out, "w", buffering=1, encoding="utf-8")  # noqa: SIM115
        sys.stderr = open(err, "w", buffering=1, encoding="utf-8")  # noqa: SIM115
        result = fn(*args)
        code = result if isinstance(result, int) else 0
    except BaseException as e:  # noqa: BLE001 - reported to the parent, never raised here
        with contextlib.suppress(Exception):
            sys.stderr.write(f"{type(e).__name__}: {e}\n")
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


# --- checks ----------------------------------------------------------------------------------


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def assert_sound(path: Path, expected: dict[str, Assessment]) -> set[int]:
    """The database opens as the app would open it, passes `integrity_check`, and every
    assessment in it is one of `expected`, whole. Returns the ids."""
    with Database(path) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = set()
        for info in db.list_assessments():
            got = db.load_assessment(info.id)
            assert got.uid in expected, f"an assessment nobody imported: {got.uid}"
            assert got == expected[got.uid], f"assessment {info.id} is not whole"
            ids.add(info.id)
    return ids


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (to show nothing changed)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
