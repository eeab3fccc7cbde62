"""The coding panel follows the selected span: its attributes, its canonical entity, and an
event's role links (whose arguments are marked in the text); what is edited there becomes a
command."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.errors import AnnotatorError
from annotator.core.text import isolate
from annotator.ops import editing, viewing
from annotator.ui import commands, link_commands
from annotator.ui.panels.attributes import AttributesPanel
from annotator.ui.panels.guidelines import GuidelinesPanel
from annotator.ui.session import Session
from annotator.ui.text_view import TextView


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
        panel.attributesEdited.connect(self.attributes_edited)
        panel.entityChosen.connect(self.entity_chosen)
        panel.unlinkRequested.connect(self.unlink)
        for signal in (session.selectionChanged, session.documentShown, session.schemaChanged):
            signal.connect(self.show)
        session.spansChanged.connect(lambda _change: self.show())

    def show(self) -> None:
        """The coding panel, the argument marks and the guidelines follow the selected span."""
        session, panel = self.session, self.panel
        span = session.selected_span()
        label = session.schema.label(span.label) if span and session.project else None
        if span is None or label is None:
            panel.show_span(None, None)
            self.view.mark_spans([], None)
            return
        relations = session.relations
        names = {i: s.text for i, s in session.by_id.items()}
        links = [(r.id, r.role, names.get(r.target, "?")) for r in relations if r.source == span.id]
        linked_from = [
            f"{r.role} of {isolate('«' + names.get(r.source, '?') + '»')}"
            for r in relations
            if r.target == span.id
        ]
        entity_names: list[str] = []
        entity_name = None
        if label.kind in ("actor", "location"):
            entity_names = viewing.entity_names(session.project, label.kind)
            entity_name = viewing.entity_name(session.project, span.entity_id)
        panel.show_span(span, label, entity_names, entity_name, links, linked_from)
        panel.set_read_only(session.read_only)
        arguments = [session.span(r.target) for r in relations if r.source == span.id]
        self.view.mark_spans([a for a in arguments if a], label.color)
        self.guidelines.show_label(span.label)

    def focus(self) -> None:
        panel = self.panel
        if panel.editors:
            next(iter(panel.editors.values())).setFocus()
        elif panel.entity_box is not None:
            panel.entity_box.setFocus()

    def attributes_edited(self, values: dict) -> None:
        span = self.session.selected_span()
        if span is not None and values != span.attributes and not self.session.read_only:
            self.session.push(commands.UpdateSpan(self.session, span, attributes=values))

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

    def unlink(self, relation_id: int) -> None:
        session = self.session
        if session.document_id is not None and not session.read_only:
            session.push(link_commands.Unlink(session, session.document_id, relation_id))
