"""The window's model: the open project, the shown document and layer, the selected span and
review mode, with a signal for each change. Every view derives what it shows from this state
alone and follows the signals; data changes only through commands pushed here, each of which
calls one operation and reports what it touched. When the shown document changes, all that
was derived from the old one is replaced before ``documentShown``: no view can paint a span
of another document."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.model import Document, Relation, Span
from annotator.core.schema import Schema
from annotator.ops import opening, viewing
from annotator.ops.opening import OpenedInWindow, Project, ProjectFilesChanged
from annotator.ops.unsaved import UnsavedEdit
from annotator.ui.histories import Histories
from annotator.ui.span_merge import merged
from annotator.ui.watch import ProjectWatch


class Edit(Protocol):
    """What the session needs of an edit (:class:`annotator.ui.edit_command.EditCommand`)."""

    document_id: int
    applied: bool
    focus: int | None

    def apply(self) -> None: ...

    def text(self) -> str: ...

    def unsaved(self) -> list[UnsavedEdit]: ...


class Session(QObject):
    projectChanged = Signal()  # a project was opened, or closed
    documentShown = Signal()  # another document, or the same one read again, is shown
    spansChanged = Signal(object)  # a SpanChange in the shown layer of the shown document
    layerEdited = Signal(int, str)  # document id, layer: any layer changed (review follows)
    documentChanged = Signal(int)  # a document's status or span count changed
    selectionChanged = Signal()
    layerChanged = Signal()  # who annotates, or whose layer is shown
    reviewChanged = Signal(bool)
    schemaChanged = Signal()
    changedElsewhere = Signal()  # another program changed the project
    linkingChanged = Signal()  # link mode started or ended
    saved = Signal(str)  # time of the last write
    failed = Signal(str)  # an edit that could not be saved (the project refused the write)
    refused = Signal(str)  # an edit the rules do not allow, with the reason
    message = Signal(str, int)  # a note for the status bar, and for how long (ms)
    waiting = Signal(float)  # an edit waits for another program's write (seconds so far)
    projectLost = Signal(object)  # ProjectFilesChanged: the project can no longer be saved to

    def __init__(self, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.annotator = annotator  # who is annotating: edits are credited to them
        self.layer = annotator  # whose layer the text shows (another's is read-only)
        self.opened: OpenedInWindow | None = None
        self.undo_group = Histories(self)
        self._clear_document()
        self.review = False
        self.lost: ProjectFilesChanged | None = None  # the project's files went under us
        self.unsaved: list[UnsavedEdit] = []  # edits that could not be saved because of it
        self._seen: int | None = None
        self.watch = ProjectWatch(self)
        self.watch.tick.connect(self.look_for_changes)

    def _clear_document(self) -> None:
        self.document: Document | None = None
        self.spans: list[Span] = []
        self.by_id: dict[int, Span] = {}
        self.relations: list[Relation] = []
        self.selected: int | None = None
        self.linking_from: int | None = None

    # -- the project -----------------------------------------------------------------------

    @property
    def project(self) -> Project | None:
        return self.opened.project if self.opened else None

    @property
    def schema(self) -> Schema | None:
        return self.project.schema if self.project else None

    @property
    def colors(self) -> dict[str, str]:
        return {label.id: label.color for label in self.schema.labels} if self.project else {}

    def open_project(self, folder: Path, *, take_over: bool = False) -> None:
        """Open a project (closing the one open before); raises AnnotatorError, leaving the
        session as it was, when it cannot be opened."""
        opened = opening.open_in_window(folder, self.annotator, take_over=take_over)
        self.close_project(quietly=True)
        self.opened = opened
        self.lost, self.unsaved = None, []
        opened.project.waiting = self._waiting
        self._seen = viewing.changes_seen(opened.project)
        self.watch.start(opened)
        self.projectChanged.emit()

    def close_project(self, *, quietly: bool = False) -> Path | None:
        """Close the project (to restore a backup, say); returns its folder."""
        if self.opened is None:
            return None
        folder = self.opened.project.folder
        self.watch.stop()
        self.undo_group.drop()
        self.opened.close()
        self.opened = None
        self._clear_document()
        self.review = False
        if not quietly:
            self.projectChanged.emit()
            self.documentShown.emit()
        return folder

    # -- the shown document ----------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self.document.id if self.document else None

    @property
    def text(self) -> str:
        return self.document.text if self.document else ""

    @property
    def read_only(self) -> bool:
        """Another annotator's layer is shown: it is read, not changed."""
        return self.layer != self.annotator

    def show_document(self, document_id: int | None) -> bool:
        """Show a document (None: none); False if it is not in the project."""
        project = self.project
        document = viewing.document(project, document_id) if project and document_id else None
        if document_id is not None and document is None:
            return False
        self._clear_document()
        self.document = document
        if document is not None:
            shown = viewing.layer(project, document.id, self.layer)
            self.spans, self.relations = shown.spans, shown.relations
            self.by_id = {span.id: span for span in self.spans}
            self.undo_group.show(document.id)
        self.documentShown.emit()
        self.selectionChanged.emit()
        return True

    def reshow(self) -> None:
        """Read the shown document again from the project (its layer or schema changed)."""
        selected = self.selected
        if self.show_document(self.document_id) and selected in self.by_id:
            self.select(selected)

    def span(self, span_id: int | None) -> Span | None:
        return self.by_id.get(span_id) if span_id is not None else None

    def selected_span(self) -> Span | None:
        return self.span(self.selected)

    def select(self, span_id: int | None) -> None:
        self.selected = span_id if span_id in self.by_id else None
        self.selectionChanged.emit()

    def start_linking(self, event_id: int | None) -> None:
        self.linking_from = event_id
        self.linkingChanged.emit()

    # -- who, and which layer --------------------------------------------------------------

    def set_annotator(self, name: str) -> None:
        """Annotate as someone else: their layer is shown, and the undo histories, which
        hold another person's edits, are forgotten."""
        self.annotator = self.layer = name
        self.undo_group.clear()
        self.layerChanged.emit()
        self.reshow()

    def show_layer(self, name: str) -> None:
        """Show another annotator's layer, read-only (the own layer again: editable)."""
        self.layer = name
        self.layerChanged.emit()
        self.reshow()

    def set_review(self, on: bool) -> None:
        if on != self.review and self.project is not None:
            self.review = on
            self.reviewChanged.emit(on)

    # -- edits -----------------------------------------------------------------------------

    def push(self, command: Edit) -> bool:
        """Make an edit: written to the project first, then put on the undo stack."""
        if self.lost is not None:
            self.failed.emit(f"{command.text()}: not saved, the project can no longer be saved to")
            return False
        watching = self.watch.active()
        try:
            command.apply()
        except ProjectFilesChanged as error:
            self.lose(error, command.unsaved())
            return False
        except ProjectError as error:
            self.failed.emit(f"{command.text()}: {error}")
            return False
        except (AnnotatorError, ValueError) as error:
            self.refused.emit(f"{command.text()}: {error}")
            return False
        finally:
            if watching and self.lost is None:
                self.watch.resume()
        command.applied = True
        self.undo_group.of(command.document_id).push(command)
        self.mark_saved()
        self.after(command.focus)
        return True

    def _waiting(self, seconds: float) -> None:
        """An edit waits for another program's write (an import): say so, and keep the
        window painting meanwhile; keys and clicks wait their turn, none is lost."""
        self.watch.pause()
        self.waiting.emit(seconds)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def lose(self, error: ProjectFilesChanged, unsaved: list[UnsavedEdit] = ()) -> None:
        """The project's files were removed or replaced: nothing more is saved into it; the
        edit that could not be saved is kept to be saved elsewhere."""
        self.watch.pause()
        self.unsaved.extend(unsaved)
        if self.lost is None:
            self.lost = error
            self.projectLost.emit(error)

    def mark_saved(self) -> None:
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))

    def after(self, span_id: int | None) -> None:
        """After an edit or its undo: select the span it was about, if it is shown."""
        if span_id is not None and span_id in self.by_id:
            self.select(span_id)

    def edited(self, document_id: int, layer: str, touched: list[tuple[int, int]]) -> None:
        """A command changed ``layer`` of a document within ``touched`` (code points)."""
        if document_id == self.document_id and layer == self.layer:
            self._reread(touched)
        self.layerEdited.emit(document_id, layer)
        self.documentChanged.emit(document_id)

    def _reread(self, touched: list[tuple[int, int]]) -> None:
        """Re-read the shown layer where an edit touched it: an edit costs the size of what
        it touched, not of the document."""
        project, document_id = self.project, self.document_id
        fresh = viewing.spans_touching(project, document_id, self.layer, touched)
        self.spans, change = merged(self.spans, fresh, touched)
        for span in change.removed:
            self.by_id.pop(span.id, None)
        self.by_id.update((span.id, span) for span in change.added)
        self.relations = viewing.layer_relations(project, document_id, self.layer)
        gone = self.selected is not None and self.selected not in self.by_id
        if gone:
            self.selected = None
        if self.linking_from not in self.by_id:
            self.linking_from = None
        self.spansChanged.emit(change)
        if gone:
            self.selectionChanged.emit()

    # -- changes made elsewhere ------------------------------------------------------------

    def look_for_changes(self) -> None:
        """Read again what is shown when another program has changed the project."""
        project = self.project
        if project is None or self.lost is not None:
            return
        try:
            self.opened.check_files()
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
            self.schemaChanged.emit()
        self.changedElsewhere.emit()
        if self.document is not None:
            self._reread([(0, len(self.text))])
        self.message.emit("Updated with changes made elsewhere.", 3000)
