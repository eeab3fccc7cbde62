"""How the window's edits reach the project, and how it hears of other programs' changes.

Each edit is written before it is shown, then put on its document's undo history. An edit
that must wait behind another program's write (an import) says so while the window keeps
painting; an edit the rules refuse says why; when the project's files were removed or
replaced under the window, nothing more claims to be saved and the edit is kept, as plain
data, to be saved elsewhere. A timer looks at the project's files and at what other programs
committed, and has what is shown read again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.ops import viewing
from annotator.ops.opening import OpenedInWindow, ProjectFilesChanged
from annotator.ops.unsaved import UnsavedEdit
from annotator.ui.histories import Histories
from annotator.ui.language import translate
from annotator.ui.watch import ProjectWatch


class Edit(Protocol):
    """What saving needs of an edit (:class:`annotator.ui.edit_command.EditCommand`)."""

    document_id: int
    applied: bool
    focus: int | None

    def apply(self) -> None: ...

    def text(self) -> str: ...

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]: ...


class Saving(QObject):
    """The session's saving half (the session is typed loosely: it imports this module)."""

    def __init__(self, session: Any) -> None:
        super().__init__(session)
        self.session = session
        self.histories = Histories(self)
        self.lost: ProjectFilesChanged | None = None  # the project's files went under us
        self.unsaved: list[UnsavedEdit] = []  # edits that could not be saved because of it
        self._seen: int | None = None
        self.watch = ProjectWatch(self)
        self.watch.tick.connect(self.look_for_changes)

    def attach(self, opened: OpenedInWindow) -> None:
        self.lost, self.unsaved = None, []
        opened.project.waiting = self._waiting
        self._seen = viewing.changes_seen(opened.project)
        self.watch.start(opened)

    def detach(self) -> None:
        self.watch.stop()
        self.histories.drop()

    def push(self, command: Edit) -> bool:
        """Make an edit: written to the project first, then put on the undo history."""
        self.session.editing.emit(True)
        try:
            return self._push(command)
        finally:
            self.session.editing.emit(False)

    def _push(self, command: Edit) -> bool:
        session = self.session
        if self.lost is not None:
            session.failed.emit(
                translate("saving", "%1: not saved, the project can no longer be saved to").replace(
                    "%1", command.text()
                )
            )
            return False
        watching = self.watch.active()
        try:
            command.apply()
        except ProjectFilesChanged as error:
            self.lose(error, command.unsaved())
            return False
        except ProjectError as error:
            session.failed.emit(f"{command.text()}: {error}")
            return False
        except (AnnotatorError, ValueError) as error:
            session.refused.emit(f"{command.text()}: {error}")
            return False
        finally:
            if watching and self.lost is None:
                self.watch.resume()
        command.applied = True
        self.histories.of(command.document_id).push(command)
        self.mark_saved()
        session.after(command.focus)
        return True

    def _waiting(self, seconds: float) -> None:
        """An edit waits for another program's write (an import): say so, and keep the
        window painting meanwhile; keys and clicks wait their turn, none is lost."""
        self.watch.pause()
        self.session.waiting.emit(seconds)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def lose(self, error: ProjectFilesChanged, unsaved: list[UnsavedEdit] = ()) -> None:
        """The project's files were removed or replaced: nothing more is saved into it; the
        edit that could not be saved is kept to be saved elsewhere."""
        self.watch.pause()
        self.unsaved.extend(unsaved)
        if self.lost is None:
            self.lost = error
            self.session.projectLost.emit(error)

    def mark_saved(self) -> None:
        self.session.saved.emit(datetime.now().strftime("%H:%M:%S"))

    def look_for_changes(self) -> None:
        """Read again what is shown when another program has changed the project."""
        session = self.session
        project = session.project
        if project is None or self.lost is not None:
            return
        try:
            session.opened.check_files()
        except ProjectFilesChanged as error:
            self.lose(error)
            return
        seen = viewing.changes_seen(project)
        if seen == self._seen:
            return
        self._seen = seen
        before = project.schema
        project.forget_cached_schema()
        if project.schema != before:
            session.schemaChanged.emit()
        session.changedElsewhere.emit()
        session.reread_all()
        session.message.emit(translate("saving", "Updated with changes made elsewhere."), 3000)
