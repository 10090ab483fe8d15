"""One small background runner: slow work (import, export, the brief, the demo, backups)
runs on a thread pool and comes back as signals to slots on the UI thread.

A job is a plain callable that touches no widget. Its result (or the exception it raised)
is delivered to the callbacks on the UI thread, through a queued signal into this runner.
No `processEvents` anywhere: the event loop keeps running while a job works.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

_RUNNERS: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._work, self._signals = job_id, work, signals

    def run(self) -> None:  # on a worker thread: never touch a widget here
        try:
            result = self._work()
        except Exception as e:  # noqa: BLE001 - handed to the UI thread to report in words
            self._signals.failed.emit(self._id, e)
        else:
            self._signals.finished.emit(self._id, result)


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    signals: _Signals


class TaskRunner(QObject):
    """Runs jobs off the UI thread; `busyChanged` says when there is work under way."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        _RUNNERS.add(self)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        signals = _Signals()
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)
        self._pending[job_id] = _Pending(on_done, on_error, signals)
        self._pool.start(_Job(job_id, work, signals))
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        return job_id

    def busy(self) -> bool:
        return bool(self._pending)

    def active_threads(self) -> int:
        return self._pool.activeThreadCount()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has run (on closing the window, and in tests)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _finished(self, job_id: int, result: Any) -> None:
        pending = self._take(job_id)
        if pending and pending.on_done:
            pending.on_done(result)

    @Slot(int, object)
    def _failed(self, job_id: int, error: Exception) -> None:
        pending = self._take(job_id)
        if pending and pending.on_error:
            pending.on_error(error)

    def _take(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self.busyChanged.emit(False)
        return pending


def live_runners() -> list[TaskRunner]:
    """Runners still alive (tests check none is left with work running)."""
    return [r for r in list(_RUNNERS) if isValid(r)]
