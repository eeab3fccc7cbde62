"""The shown document in the text view and the panels beside it, derived from the session:
a new document replaces everything shown of the old one; an edit repaints what it touched;
a selection moves the table row, the discussion and the history with it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.model import Span
from annotator.ops import viewing
from annotator.ui.find_bar import FindBar
from annotator.ui.panels.annotations import AnnotationsPanel
from annotator.ui.panels.discussion import DiscussionPanel
from annotator.ui.panels.events import EventsPanel
from annotator.ui.panels.history import HistoryPanel
from annotator.ui.session import Session
from annotator.ui.span_merge import SpanChange
from annotator.ui.text_view import TextView


class ShownDocument(QObject):
    def __init__(
        self,
        session: Session,
        view: TextView,
        annotations: AnnotationsPanel,
        find_bar: FindBar,
        discussion: DiscussionPanel,
        history: HistoryPanel,
        events: EventsPanel,
    ) -> None:
        super().__init__(view)
        self.session, self.view, self.annotations = session, view, annotations
        self.find_bar, self.discussion, self.history = find_bar, discussion, history
        self.events = events
        events.eventChosen.connect(self._event_chosen)
        session.eventsChanged.connect(self.events_changed)
        view.missing = self.missing
        session.documentShown.connect(self.show_document)
        session.spansChanged.connect(self.spans_changed)
        session.selectionChanged.connect(self.selection_changed)
        session.editing.connect(view.highlighter.hold)  # an edit's paragraphs formatted once
        session.schemaChanged.connect(self.colors_changed)
        annotations.spanSelected.connect(self._chosen_in_table)
        discussion.spanChosen.connect(self._chosen_in_table)

    def missing(self, span: Span) -> list[str]:
        """What the span's mark shows missing: for an event's word, its events' coding."""
        return self.annotations.spans_model.missing(span)

    def show_document(self) -> None:
        session = self.session
        colors = session.colors
        self.view.show_document(
            session.text, session.spans, colors, session.relations, session.selected, session.events
        )
        self.annotations.spans_model.set_spans(
            session.spans, colors, session.schema, session.events
        )
        self.find_bar.set_text(session.text)
        self.events_changed(fit=True)

    def spans_changed(self, change: SpanChange) -> None:
        session = self.session
        self.view.update_spans(
            session.spans, change.removed, change.added, session.relations, session.events
        )
        self.annotations.change_spans(session.spans, change, session.events)
        self.annotations.show_span(session.selected)
        if session.selected in {s.id for s in change.added}:  # the selected span was changed
            self._follow_selected()

    def colors_changed(self) -> None:
        colors = self.session.colors
        self.view.set_colors(colors)
        session = self.session
        self.annotations.spans_model.set_spans(
            session.spans, colors, session.schema, session.events
        )

    def selection_changed(self) -> None:
        session = self.session
        self.view.select_span(session.selected, scroll=False)
        self.view.show_event(session.selected_event())
        self.annotations.show_span(session.selected)
        self.events.show_event(session.event)
        self._follow_selected()

    def events_changed(self, fit: bool = False) -> None:
        """The events list follows the layer's events (its columns fitted to them when
        another document is shown, not at every edit)."""
        session = self.session
        self.view.events = list(session.events)  # what its tooltips list
        self.annotations.spans_model.set_events(session.events)  # their words' marks
        self.events.model.set_events(session.events, session.by_id, session.schema)
        if fit:
            self.events.fit_columns()
        self.events.show_event(session.event)
        self.view.show_event(session.selected_event())

    def _event_chosen(self, event_id: int | None) -> None:
        self.session.select_event(event_id)
        event = self.session.selected_event()
        trigger = self.session.span(event.trigger) if event else None
        if trigger is not None:
            self.view.scroll_to(trigger.start)

    def _follow_selected(self) -> None:
        """The discussion and the history are those of the selected span."""
        session = self.session
        span = session.selected_span()
        self.discussion.set_context(session, session.document_id, span)
        entries = viewing.span_history(session.project, span.id) if span else []
        self.history.show_entries(entries)

    def _chosen_in_table(self, span_id: int | None) -> None:
        if self.session.linking_from is not None and span_id is not None:
            return  # in link mode, Enter on a row picks the argument
        self.session.select(span_id)
        span = self.session.span(span_id)
        if span is not None:
            self.view.scroll_to(span.start)
        self.view.setFocus()
