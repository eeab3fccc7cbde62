"""The base of every undoable edit: it calls one operation to make the change and one to undo
it, and reports failures to the session instead of raising inside Qt's undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.ops.opening import Project, ProjectFilesChanged
from annotator.ops.unsaved import SpanState, UnsavedEdit
from annotator.ui.language import translate
from annotator.ui.session import Session


class EditCommand(QUndoCommand):
    """One user action. ``apply``/``revert`` call exactly one operation each, then report
    what they touched with :meth:`Session.edited`."""

    def __init__(self, session: Session, document_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.document_id = document_id
        self.applied = False
        self.focus: int | None = None  # the span to select after the edit (or its undo)

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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        """The edit (or its undoing) as plain data, to be saved elsewhere when the project
        cannot take it."""
        return []

    def lost_edit(self, action: str, span: SpanState | None, **more) -> UnsavedEdit:
        """One unsaved edit on this command's document, in the session's annotator's name."""
        document = self.session.document
        return UnsavedEdit(action, self.annotator, document.name, document.text, span, **more)

    def _guarded(self, action) -> None:
        self.session.editing.emit(True)
        try:
            self._guarded_action(action)
        finally:
            self.session.editing.emit(False)

    def _guarded_action(self, action) -> None:
        if self.session.saving.lost is not None:
            self.session.failed.emit(
                translate("saving", "%1: not saved, the project can no longer be saved to").replace(
                    "%1", self.text()
                )
            )
            return
        try:
            action()
        except ProjectFilesChanged as error:
            self.session.saving.lose(error, self.unsaved(undoing=action == self.revert))
            return
        except ProjectError as error:
            self.session.failed.emit(f"{self.text()}: {error}")
            return
        except (AnnotatorError, ValueError) as error:
            self.session.refused.emit(f"{self.text()}: {error}")
            return
        self.session.saving.mark_saved()
        self.session.after(self.focus)
