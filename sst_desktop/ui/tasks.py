"""The one background-operation helper: long work off the UI thread, results back on it.

Threading contract (read before you use it):

- ``TaskRunner.run(work, on_done, on_failed)`` calls ``work(control)`` on the runner's single
  worker thread. One thread on purpose: the profile has one writer (pool of one connection), and
  the KDF of an unlock must not race a write.
- ``work`` never touches Qt widgets or models. It gets a ``TaskControl`` with ``cancelled()`` to
  poll and ``progress(done, total)`` to report; both are safe from the worker.
- ``on_done(result)``, ``on_failed(error)`` and ``on_progress(done, total)`` run on the UI thread
  (queued signal delivery), after ``work`` returned or raised. ``on_failed`` gets the exception
  object; show ``ui.errors.error_text(err)``, never ``str(err)`` of a foreign exception.
- ``synchronous=True`` runs ``work`` inline on the caller's thread and calls the callbacks
  directly: for tests of a screen's logic and for the self-test, not for the application.
- A callback bound to a QObject (a screen's method) is dropped if that object was deleted
  before the work finished (a lock or a language switch threw the screen away).
- Cancelling is cooperative: ``Task.cancel()`` sets the flag; work that polls it stops early and
  its ``on_done`` is not called (``on_cancelled`` is, if given).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


@dataclass
class TaskControl:
    """What the work function may use from the worker thread."""

    _cancel: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int], None] = lambda done, total: None

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        self._report(done, total)


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call to the UI thread."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Task:
    """A handle on one background operation."""

    def __init__(self, control: TaskControl, relay: _Relay | None) -> None:
        self._control = control
        self._relay = relay  # kept alive until the task ends
        self.finished = False

    def cancel(self) -> None:
        self._control._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._control.cancelled()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[TaskControl], Any], control: TaskControl, relay: _Relay):
        super().__init__()
        self._work, self._control, self._relay = work, control, relay

    def run(self) -> None:
        try:
            result = self._work(self._control)
        except BaseException as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """Runs work on one worker thread and delivers its outcome on the UI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: set[Task] = set()

    def run(
        self,
        work: Callable[[TaskControl], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        *,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        if self._synchronous:
            return self._run_inline(work, on_done, on_failed, on_progress, on_cancelled)
        relay = _Relay()
        control = TaskControl(_report=relay.progressed.emit)
        task = Task(control, relay)
        relay.done.connect(lambda result: self._finish(task, on_done, result, on_cancelled))
        relay.failed.connect(lambda exc: self._finish(task, on_failed, exc, None))
        if on_progress is not None:
            relay.progressed.connect(on_progress)
        self._started(task)
        self._pool.start(_Runnable(work, control, relay))
        return task

    def _run_inline(
        self,
        work: Callable[[TaskControl], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> Task:
        control = TaskControl(_report=on_progress or (lambda done, total: None))
        task = Task(control, None)
        try:
            result = work(control)
        except Exception as exc:
            self._finish(task, on_failed, exc, None)
        else:
            self._finish(task, on_done, result, on_cancelled)
        return task

    def _started(self, task: Task) -> None:
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

    def _finish(
        self,
        task: Task,
        callback: Callable[[Any], None],
        value: Any,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        task.finished = True
        if not shiboken6.isValid(self):
            return  # the window that owned the runner closed while the work ran
        was_running = task in self._running
        self._running.discard(task)
        if was_running and not self._running:
            self.busy_changed.emit(False)
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the screen that asked is gone
        if task.cancelled and on_cancelled is not None:
            on_cancelled()
        elif not task.cancelled:
            callback(value)

    def is_busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (shutdown and lock use it before closing the engine)."""
        return bool(self._pool.waitForDone(msecs))
