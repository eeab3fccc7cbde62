"""The window's model: the open project, the shown document and layer, the selected span and
review mode, with a signal for each change. Every view derives what it shows from this state
alone and follows the signals; data changes only through commands pushed here, each of which
calls one operation and reports what it touched. When the shown document changes, all that
was derived from the old one is replaced before ``documentShown``: no view can paint a span
of another document."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from annotator.core.model import Document, Event, Relation, Span
from annotator.core.schema import Schema
from annotator.ops import opening, syncing, viewing
from annotator.ops.opening import OpenedInWindow, Project
from annotator.ui.saving import Edit, Saving
from annotator.ui.span_merge import event_with, events_merged, merged, span_with


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
    eventsChanged = Signal()  # the shown layer's events changed
    editing = Signal(bool)  # an edit (or its undo) begins, or is done: views may wait for it

    def __init__(self, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chosen = annotator  # the name given; a hub's copy is annotated as its login
        self.annotator = annotator  # who is annotating: edits are credited to them
        self.layer = annotator  # whose layer the text shows (another's is read-only)
        self.opened: OpenedInWindow | None = None
        self.saving = Saving(self)
        self.undo_group, self.watch = self.saving.histories, self.saving.watch
        self._clear_document()
        self.review = False

    def _clear_document(self) -> None:
        self.document: Document | None = None
        self.spans: list[Span] = []
        self.by_id: dict[int, Span] = {}
        self.longest = 0  # no shown span is longer (it may once have been; never shorter)
        self.relations: list[Relation] = []
        self.events: list[Event] = []  # the shown layer's, in the order they were made
        self.selected: int | None = None  # a span
        self.event: int | None = None  # the selected event (its trigger, if any, is selected)
        self.linking_from: int | None = None  # the event being given an argument

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
        self.annotator = self.layer = syncing.own_layer(opened.project, self.chosen)
        self.saving.attach(opened)
        self.projectChanged.emit()

    def close_project(self, *, quietly: bool = False) -> Path | None:
        """Close the project (to restore a backup, say); returns its folder."""
        if self.opened is None:
            return None
        folder = self.opened.project.folder
        self.saving.detach()
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
            self.spans, self.relations, self.events = shown.spans, shown.relations, shown.events
            self.by_id = {span.id: span for span in self.spans}
            self.longest = max((s.end - s.start for s in self.spans), default=0)
            self.undo_group.show(document.id)
        self.documentShown.emit()
        self.selectionChanged.emit()
        return True

    def reshow(self) -> None:
        """Read the shown document again from the project (its layer or schema changed)."""
        selected, event = self.selected, self.event
        if self.show_document(self.document_id) and selected in self.by_id:
            self.select(selected, event)

    def span(self, span_id: int | None) -> Span | None:
        return self.by_id.get(span_id) if span_id is not None else None

    def selected_span(self) -> Span | None:
        return self.span(self.selected)

    def span_at(self, start: int, end: int, label: str) -> Span | None:
        """The shown span of ``label`` over exactly ``start``..``end``, if there is one."""
        return span_with(self.spans, start, end, label)

    def select(self, span_id: int | None, event_id: int | None = None) -> None:
        """Select a span; the event selected is ``event_id``, or the first the span is the
        trigger of (the one selected before, when the span triggers it too)."""
        self.selected = span_id if span_id in self.by_id else None
        on_it = self.events_on(self.selected)
        ids = [e.id for e in on_it]
        chosen = event_id if event_id in ids else self.event if self.event in ids else None
        self.event = chosen if chosen is not None else (ids[0] if ids else None)
        self.selectionChanged.emit()

    def select_event(self, event_id: int | None) -> None:
        """Select an event, and its trigger in the text."""
        event = self.find_event(event_id)
        self.event = event.id if event else None
        self.selected = event.trigger if event and event.trigger in self.by_id else None
        self.selectionChanged.emit()

    def find_event(self, event_id: int | None) -> Event | None:
        return event_with(self.events, event_id) if event_id is not None else None

    def selected_event(self) -> Event | None:
        return self.find_event(self.event)

    def events_on(self, span_id: int | None) -> list[Event]:
        return [e for e in self.events if span_id is not None and e.trigger == span_id]

    def push(self, command: Edit) -> bool:
        return self.saving.push(command)

    def start_linking(self, event_id: int | None) -> None:
        self.linking_from = event_id
        self.linkingChanged.emit()

    # -- who, and which layer --------------------------------------------------------------

    def set_annotator(self, name: str) -> None:
        """Annotate as someone else: their layer is shown, and the undo histories, which
        hold another person's edits, are forgotten."""
        self.chosen = self.annotator = self.layer = name
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

    def after(self, focus: int | tuple[str, int] | None) -> None:
        """After an edit or its undo: select the span, or ("event", id) the event, it was
        about, if it is shown."""
        if isinstance(focus, tuple):
            if self.find_event(focus[1]) is not None:
                self.select_event(focus[1])
        elif focus is not None and focus in self.by_id:
            self.select(focus)

    def edited(
        self,
        document_id: int,
        layer: str,
        touched: list[tuple[int, int]],
        events: Iterable[int] | None = (),
    ) -> None:
        """A command changed ``layer`` of a document within ``touched`` (code points), and the
        events ``events`` besides those of the spans it touched (None: any event)."""
        if document_id == self.document_id and layer == self.layer:
            self._reread(touched, None if events is None else list(events))
        self.layerEdited.emit(document_id, layer)
        self.documentChanged.emit(document_id)

    def _reread(self, touched: list[tuple[int, int]], events: list[int] | None = None) -> None:
        """Re-read the shown layer where an edit touched it: an edit costs the size of what
        it touched, not of the document — its spans, and the events that name them or that
        it changed (``events``; None: every event)."""
        project, document_id = self.project, self.document_id
        events_only = not touched and events is not None  # an edit of events, not of spans
        fresh = viewing.spans_touching(project, document_id, self.layer, touched) if touched else {}
        self.longest = max([self.longest, *(s.end - s.start for s in fresh.values())])
        self.spans, change = merged(self.spans, fresh, touched, self.by_id, self.longest)
        for span in change.removed:
            self.by_id.pop(span.id, None)
        self.by_id.update((span.id, span) for span in change.added)
        self.relations = viewing.layer_relations(project, document_id, self.layer)
        if events is None:
            self.events = viewing.layer_events(project, document_id, self.layer)
        else:
            self._reread_events(change, events)
        event_gone = self.event is not None and self.find_event(self.event) is None
        gone = (self.selected is not None and self.selected not in self.by_id) or event_gone
        if gone:
            self.selected = self.selected if self.selected in self.by_id else None
            self.event = None if event_gone else self.event
        if self.find_event(self.linking_from) is None:
            self.linking_from = None
        if change.removed or change.added or not events_only:
            self.spansChanged.emit(change)
        self.eventsChanged.emit()
        if gone:
            self.selectionChanged.emit()

    def _reread_events(self, change, events: list[int]) -> None:
        """Re-read only the events an edit may have changed: those it names, and those whose
        word or arguments are among the spans it removed or added. The events shown name a
        removed span; only the project knows which name an added one (an undone deletion
        brings back the span and the events that had it)."""
        removed = {s.id for s in change.removed}
        named = set(events)
        if removed:
            named |= {
                e.id
                for e in self.events
                if e.trigger in removed or any(a.span in removed for a in e.arguments)
            }
        spans = removed | {s.id for s in change.added}
        project, document_id = self.project, self.document_id
        fresh = viewing.events_touching(project, document_id, self.layer, spans, named)
        self.events = events_merged(self.events, named, fresh)

    def reread_all(self) -> None:
        """Read the whole shown layer again (another program changed the project)."""
        if self.document is not None:
            self._reread([(0, len(self.text))], None)
