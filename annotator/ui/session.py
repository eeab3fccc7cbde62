"""The open project as the window sees it: who is annotating, per-document undo stacks, and
signals that tell every view what an edit changed (the views never re-read on their own)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.core.errors import AnnotatorError
from annotator.store.project import Project


class Session(QObject):
    spansChanged = Signal(int, list)  # document id, [(start, end)] touched
    documentChanged = Signal(int)  # a document's status or counts changed
    saved = Signal(str)  # time of the last write
    failed = Signal(str)  # an edit that could not be made or saved

    def __init__(self, project: Project, annotator: str, undo_group: QUndoGroup) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.undo_group = undo_group
        self._stacks: dict[int, QUndoStack] = {}

    def close(self) -> None:
        """Forget this project's undo histories and close its database."""
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self.project.close()

    def stack(self, document_id: int) -> QUndoStack:
        """Each document has its own undo history; the open document's is active."""
        stack = self._stacks.get(document_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[document_id] = stack
        return stack

    def activate(self, document_id: int) -> None:
        self.undo_group.setActiveStack(self.stack(document_id))

    def push(self, command: EditCommand) -> bool:
        """Make an edit: written to the project first, then put on the undo stack."""
        try:
            command.apply()
        except (AnnotatorError, ValueError) as error:
            self.failed.emit(f"{command.text()}: {error}")
            return False
        command.applied = True
        self.stack(command.document_id).push(command)
        self.mark_saved()
        return True

    def mark_saved(self) -> None:
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))

    def clear_undo(self) -> None:
        for stack in self._stacks.values():
            stack.clear()

    def set_annotator(self, annotator: str) -> None:
        self.annotator = annotator
        for stack in self._stacks.values():
            stack.clear()  # another person's edits are not this person's to undo


class EditCommand(QUndoCommand):
    """One user action. ``apply``/``revert`` call exactly one operation each."""

    def __init__(self, session: Session, document_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.document_id = document_id
        self.applied = False

    @property
    def project(self) -> Project:
        return self.session.project

    @property
    def annotator(self) -> str:
        return self.session.annotator

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.applied:  # the first redo is the edit push() already made
            self.applied = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, action) -> None:
        try:
            action()
        except (AnnotatorError, ValueError) as error:
            self.session.failed.emit(f"{self.text()}: {error}")
            return
        self.session.mark_saved()
