"""Long operations (import, export, merge, agreement, indexing) run off the GUI thread.

An operation is a function ``operation(project, progress) -> result``. It runs in a worker
thread on a connection of its own, opened there from the project's folder and closed when it
ends: the window's connection is never used from two threads, and the window keeps painting.
``progress(done, total)`` (``total`` None when unknown) is passed on to the window, at most
a few times a second, and raises :class:`~annotator.core.errors.Cancelled` once the user has
pressed Cancel; the operations call it inside their transaction, so a cancelled one leaves
the project and any output file as they were.

:func:`run_task` runs one with a progress dialog and waits for it (the window stays
responsive); :class:`Task` runs one in the background and says when it is done, and
:class:`BackgroundCall` runs work that needs no open project (a hub's server, a clone).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.ops import opening, troubles
from annotator.ops.opening import Project
from annotator.ops.progress import Progress
from annotator.ui.language import figure, translate
from annotator.ui.trouble_words import explained

T = TypeVar("T")
Operation = Callable[[Project, Progress], T]

REPORT_EVERY = 0.1  # seconds between two progress signals
UNKNOWN = -1  # the total of a signal when the operation does not know it


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How a task ended: its result, or why it has none."""

    result: T | None = None
    error: str | None = None  # a message for the user
    cancelled: bool = False
    trouble: str = ""  # what sort of trouble the error is (ops.troubles), when a common one

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


def _on_project(folder: Path, operation: Operation, changes: bool) -> Callable[[Progress], Any]:
    """The work of a task on a project: opened in the worker thread, closed when it ends."""

    def work(progress: Progress) -> Any:
        opener = opening.open_to_change if changes else opening.open_to_read
        with opener(folder) as project:
            return operation(project, progress)

    return work


class _Worker(QThread):
    progressed = Signal(int, int)  # done, total (UNKNOWN when not known)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None) -> None:
        super().__init__(parent)
        self.work = work
        self.stop = threading.Event()
        self.outcome: Outcome = Outcome(error=translate("tasks", "The task did not run."))
        self._last_report = 0.0

    def progress(self, done: int, total: int | None) -> None:
        if self.stop.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last_report >= REPORT_EVERY or (total is not None and done >= total):
            self._last_report = now
            self.progressed.emit(done, UNKNOWN if total is None else total)

    def run(self) -> None:
        try:
            self.outcome = Outcome(result=self.work(self.progress))
        except Cancelled:
            self.outcome = Outcome(cancelled=True)
        except AnnotatorError as error:
            self.outcome = Outcome(error=str(error), trouble=troubles.kind(error))
        except Exception as error:  # a bug: say so in the window, keep the details for a report
            traceback.print_exc(file=sys.stderr)
            said = translate("tasks", "Unexpected error (%1).")
            self.outcome = Outcome(error=said.replace("%1", f"{type(error).__name__}: {error}"))


class _Background(QObject):
    """Work in a worker thread; ``finished`` carries its :class:`Outcome`."""

    progressed = Signal(int, object)  # done, total or None
    finished = Signal(object)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None) -> None:
        super().__init__(parent)
        self._worker = _Worker(work, self)
        self._worker.progressed.connect(self._progressed)
        self._worker.finished.connect(self._finished)
        self.outcome: Outcome | None = None

    def start(self) -> None:
        self._worker.start()

    def cancel(self) -> None:
        """Ask the operation to stop at its next progress report."""
        self._worker.stop.set()

    def is_running(self) -> bool:
        return self._worker.isRunning()

    def wait(self) -> Outcome:
        """Block until the operation has ended (for closing a window with a task running)."""
        self._worker.wait()
        return self._worker.outcome

    def _progressed(self, done: int, total: int) -> None:
        self.progressed.emit(done, None if total == UNKNOWN else total)

    def _finished(self) -> None:
        self.outcome = self._worker.outcome
        self.finished.emit(self.outcome)


class Task(_Background):
    """One operation on a project in the background."""

    def __init__(
        self,
        folder: Path,
        operation: Operation,
        parent: QObject | None = None,
        *,
        changes: bool = False,
    ) -> None:
        """``changes``: the operation changes the project, which is backed up first."""
        super().__init__(_on_project(Path(folder), operation, changes), parent)


class BackgroundCall(_Background):
    """Work that needs no open project (speaking to a hub, cloning one): ``work()`` runs in
    the worker thread as it is, and its errors come back as messages too."""

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(lambda _progress: work(), parent)


def _describe(label: str, done: int, total: int | None) -> str:
    if total is None:
        return f"{label}\n" + translate("tasks", "%1 so far").replace("%1", figure(done))
    said = translate("tasks", "%1 of %2").replace("%1", figure(done))
    return f"{label}\n" + said.replace("%2", figure(total))


def run_task(
    parent: QWidget,
    title: str,
    folder: Path,
    operation: Operation,
    *,
    label: str = "",
    show_error: bool = True,
    changes: bool = False,
) -> Outcome:
    """Run ``operation`` on its own connection to the project at ``folder``, with a progress
    dialog that has a Cancel button, and return how it ended.

    The window stays responsive while it waits (the dialog is modal to it, so no edit can
    start meanwhile). An error is shown in a message box unless ``show_error`` is false.
    An operation that ``changes`` the project runs after the project is backed up.
    """
    label = label or f"{title}…"
    dialog = QProgressDialog(label, translate("tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(300)
    task = Task(folder, operation, parent, changes=changes)
    loop = QEventLoop()

    def progressed(done: int, total: Any) -> None:
        if dialog.wasCanceled():
            return
        if total is None:
            dialog.setRange(0, 0)
        else:
            dialog.setRange(0, max(total, 1))
            dialog.setValue(min(done, total))
        dialog.setLabelText(_describe(label, done, total))

    def cancelled() -> None:
        task.cancel()
        dialog.setLabelText(translate("tasks", "Cancelling…"))

    task.progressed.connect(progressed)
    task.finished.connect(lambda _outcome: loop.quit())
    dialog.canceled.connect(cancelled)
    dialog.setValue(0)
    task.start()
    loop.exec()
    outcome = task.outcome or Outcome(error=translate("tasks", "The task did not finish."))
    dialog.close()
    dialog.deleteLater()
    task.deleteLater()
    if outcome.error is not None and show_error:
        QMessageBox.warning(parent, title, explained(outcome.error, outcome.trouble))
    return outcome
