"""The coding panel follows the selected span: its attributes, its canonical entity, and an
event's role links (whose arguments are marked in the text); what is edited there becomes a
command."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from annotator.core.errors import AnnotatorError
from annotator.core.text import isolate
from annotator.ops import editing, viewing
from annotator.ui import commands, event_commands
from annotator.ui.language import fill, translate
from annotator.ui.panels.attributes import AttributesPanel
from annotator.ui.panels.guidelines import GuidelinesPanel
from annotator.ui.session import Session
from annotator.ui.text_view import TextView


@dataclass(frozen=True)
class Coded:
    """An event as the coding panel shows it: its type, its word, its coding."""

    id: tuple[str, int]
    label: str
    text: str
    attributes: dict[str, Any]


class Coding(QObject):
    def __init__(
        self,
        session: Session,
        panel: AttributesPanel,
        view: TextView,
        guidelines: GuidelinesPanel,
    ) -> None:
        super().__init__(panel)
        self.session, self.panel, self.view, self.guidelines = session, panel, view, guidelines
        self._shown: tuple = ()
        panel.attributesEdited.connect(self.attributes_edited)
        panel.entityChosen.connect(self.entity_chosen)
        for signal in (
            session.selectionChanged,
            session.documentShown,
            session.schemaChanged,
            session.eventsChanged,
        ):
            signal.connect(self.show)
        session.spansChanged.connect(
            lambda change: self.show() if change.removed or change.added else None
        )

    def show(self) -> None:
        """The coding panel, the argument marks and the guidelines follow the selected event
        (its coding and arguments), or the selected span (its coding and canonical entity)."""
        session, panel = self.session, self.panel
        event, span = session.selected_event(), session.selected_span()
        schema = session.schema if session.project else None
        # what it is made from; the session replaces its lists whenever a span or an event
        # changes, so an edit's several signals show it once
        shown = (event, span, session.spans, session.events, schema, session.read_only)
        if len(shown) == len(self._shown) and all(map(operator.is_, shown, self._shown)):
            return
        self._shown = shown

        def names(span_id: int | None, default: str) -> str:
            found = session.span(span_id)
            return found.text if found else default

        if event is not None and schema is not None and schema.label(event.label):
            label = schema.label(event.label)
            trigger = session.span(event.trigger)
            word = trigger.text if trigger else ""
            shown = Coded(("event", event.id), event.label, word, event.attributes)
            links = [(n, a.role, names(a.span, "?")) for n, a in enumerate(event.arguments)]
            panel.show_span(shown, label, [], None, links, [])
            arguments = [session.span(a.span) for a in event.arguments]
            self.view.mark_spans([a for a in arguments if a], label.color)
        elif span is not None and schema is not None and schema.label(span.label):
            label = schema.label(span.label)
            of = translate("coding", "%1 of %2")  # a role of an event: location of «clashes»
            linked_from = [
                fill(of, a.role, isolate("«" + names(e.trigger, e.label) + "»"))
                for e in session.events
                for a in e.arguments
                if a.span == span.id
            ]
            entity_names: list[str] = []
            entity_name = None
            if label.kind in ("actor", "location"):
                entity_names = viewing.entity_names(session.project, label.kind)
                entity_name = viewing.entity_name(session.project, span.entity_id)
            panel.show_span(span, label, entity_names, entity_name, [], linked_from)
            self.view.mark_spans([], None)
        else:
            panel.show_span(None, None)
            self.view.mark_spans([], None)
            return
        panel.set_read_only(session.read_only)
        self.guidelines.show_label(label.id)

    def focus(self) -> None:
        panel = self.panel
        if panel.editors:
            next(iter(panel.editors.values())).setFocus()
        elif panel.entity_box is not None:
            panel.entity_box.setFocus()

    def attributes_edited(self, values: dict) -> None:
        session = self.session
        if session.read_only:
            return
        if isinstance(self.panel.span, Coded):  # an event's coding
            event = session.selected_event()
            if event is not None and values != event.attributes:
                session.push(
                    event_commands.ChangeEvent(
                        session, event, translate("coding", "Code"), attributes=values
                    )
                )
            return
        span = session.selected_span()
        if span is not None and values != span.attributes:
            session.push(commands.UpdateSpan(session, span, attributes=values))

    def entity_chosen(self, name: str) -> None:
        session = self.session
        span = session.selected_span()
        if span is None or session.read_only:
            return
        label = session.schema.label(span.label)
        try:
            entity_id = editing.ensure_entity(session.project, label.kind, name) if name else None
        except AnnotatorError as error:
            session.failed.emit(str(error))
            return
        if entity_id != span.entity_id:
            session.push(commands.UpdateSpan(session, span, entity_id=entity_id))
