"""Edits saved one after another in a thread of their own, so that a window never waits.

An import is one transaction (all or nothing), so it holds the project's write lock for as
long as it runs: about 15 seconds for 60,000 articles. An edit made meanwhile waits for it:
:meth:`annotator.store.project.Project.write` waits as long as needed, never refusing the
edit, and calls the project's ``waiting`` hook about five times a second while it does. A
window must not wait on its own thread, so it hands its edits to an :class:`EditQueue`:

    queue = EditQueue(folder, on_waiting=lambda seconds, edits: ...)  # called on the queue's thread
    future = queue.submit(lambda project: editing.create_span(project, 3, "samira", "ACTOR", 0, 4))
    future.add_done_callback(...)  # on the queue's thread: hand the result to the window's
    ...
    queue.close()  # saves what is queued, then closes its connection

``submit`` returns at once. Edits are saved in the order they were submitted, each in its own
transaction, on the queue's own connection to the project (the window's connection stays
free for reading, and sees the queue's edits as it sees any other program's: through
``Project.data_version``). While an import holds the lock, ``on_waiting(seconds waited,
edits queued)`` lets the window say "waiting for the import to finish" beside the edits it
shows as not yet saved. An edit that fails sets its future's exception: an
:class:`~annotator.core.errors.AnnotatorError` (the schema does not allow it,
:class:`~annotator.store.files.ProjectFilesChanged`, a damaged project…), which the window
shows, keeping the edit as an :class:`~annotator.ops.unsaved.UnsavedEdit` when it could not
be saved.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from annotator.store.project import Project

T = TypeVar("T")
Edit = Callable[[Project], Any]
OnWaiting = Callable[[float, int], None]  # (seconds the current edit has waited, edits queued)

_STOP = object()


class EditQueue:
    """A thread that saves the edits it is given, in order, on its own connection."""

    def __init__(self, folder: str | Path, on_waiting: OnWaiting | None = None) -> None:
        self.folder = Path(folder)
        self.on_waiting = on_waiting
        self._edits: queue.Queue = queue.Queue()
        self._waiting_edits = 0  # submitted and not saved yet
        self._count = threading.Lock()
        self._opened: Future[None] = Future()
        self._thread = threading.Thread(target=self._run, name="edits", daemon=True)
        self._thread.start()
        self._opened.result()  # a project that cannot be opened is said here, at once

    def submit(self, edit: Callable[[Project], T]) -> Future[T]:
        """Queue an edit (a function of the project); returns at once."""
        if not self._thread.is_alive():
            raise RuntimeError("the edit queue is closed")
        done: Future[T] = Future()
        with self._count:
            self._waiting_edits += 1
        self._edits.put((edit, done))
        return done

    def pending(self) -> int:
        """Edits submitted and not saved yet (the one being saved included)."""
        with self._count:
            return self._waiting_edits

    def close(self) -> None:
        """Save every edit queued so far, then close the queue's connection."""
        if self._thread.is_alive():
            self._edits.put((_STOP, None))
            self._thread.join()

    def __enter__(self) -> EditQueue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _saved(self) -> None:
        with self._count:
            self._waiting_edits -= 1

    def _waiting(self, seconds: float) -> None:
        if self.on_waiting is not None:
            self.on_waiting(seconds, self.pending())

    def _run(self) -> None:
        try:
            project = Project.open(self.folder)
        except Exception as error:
            self._opened.set_exception(error)
            return
        self._opened.set_result(None)
        project.waiting = self._waiting
        try:
            while True:
                edit, done = self._edits.get()
                if edit is _STOP:
                    return
                if done.set_running_or_notify_cancel():
                    try:
                        result = edit(project)
                    except Exception as error:  # the future carries it to the window
                        self._saved()
                        done.set_exception(error)
                    else:
                        self._saved()
                        done.set_result(result)
                else:
                    self._saved()
        finally:
            project.close()
