"""Coding the selected span: its attributes, canonical entity and an event's role links.

The window owns the panel; this keeps what the panel asks for, and the link mode (Ctrl+L,
then the argument is clicked in the text or picked in the annotations list).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.text import isolate
from annotator.ops import editing
from annotator.ui import commands

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class Coding:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.linking_from: int | None = None  # the event span being linked, in link mode
        panel = window.coding
        panel.attributesEdited.connect(self.attributes_edited)
        panel.entityChosen.connect(self.entity_chosen)
        panel.unlinkRequested.connect(self.unlink)
        panel.linkRequested.connect(self.start_linking)

    @property
    def _project(self):
        return self.window.project

    def _push(self, command) -> None:
        self.window.session.push(command)

    def show(self) -> None:
        """The coding panel, the argument marks and the guidelines follow the selected span."""
        window = self.window
        span = window.selected()
        label = self._project.schema.label(span.label) if span else None
        if span is None or label is None:
            window.coding.show_span(None, None)
            window.text_view.mark_spans([], None)
            return
        relations = window.relations
        names = {i: s.text for i, s in window.text_view.by_id.items()}
        links = [(r.id, r.role, names.get(r.target, "?")) for r in relations if r.source == span.id]
        linked_from = [
            f"{r.role} of {isolate('«' + names.get(r.source, '?') + '»')}"
            for r in relations
            if r.target == span.id
        ]
        entity_names, entity_name = [], None
        if label.kind in ("actor", "location"):
            entity_names = [e.name for e, _uses in self._project.entities.of_kind(label.kind)]
            if span.entity_id is not None:
                entity = self._project.entities.get(span.entity_id)
                entity_name = entity.name if entity else None
        window.coding.show_span(span, label, entity_names, entity_name, links, linked_from)
        arguments = [window.text_view.by_id.get(r.target) for r in relations if r.source == span.id]
        window.text_view.mark_spans([a for a in arguments if a], label.color)
        window.guidelines.show_label(span.label)

    def focus(self) -> None:
        panel = self.window.coding
        if panel.editors:
            next(iter(panel.editors.values())).setFocus()
        elif panel.entity_box is not None:
            panel.entity_box.setFocus()

    def attributes_edited(self, values: dict) -> None:
        span = self.window.selected()
        if span is not None and values != span.attributes:
            self._push(
                commands.UpdateSpan(
                    self.window.session, span.document_id, span.id, attributes=values
                )
            )

    def entity_chosen(self, name: str) -> None:
        span = self.window.selected()
        if span is None:
            return
        label = self._project.schema.label(span.label)
        try:
            entity_id = editing.ensure_entity(self._project, label.kind, name) if name else None
        except AnnotatorError as error:
            self.window.show_error(error)
            return
        if entity_id != span.entity_id:
            self._push(
                commands.UpdateSpan(
                    self.window.session, span.document_id, span.id, entity_id=entity_id
                )
            )

    # -- role links ---------------------------------------------------------------------------

    def start_linking(self) -> None:
        span = self.window.selected()
        label = self._project.schema.label(span.label) if span else None
        status = self.window.statusBar()
        if label is None or not label.roles:
            status.showMessage("Select an event span first, then link its arguments.", 4000)
            return
        self.linking_from = span.id
        status.showMessage(
            f"Click the span that fills a role of «{span.text}» (or pick it in the annotations "
            "list and press Enter); Esc cancels."
        )

    def finish_linking(self, target_id: int | None) -> None:
        window = self.window
        source_id, self.linking_from = self.linking_from, None
        window.statusBar().clearMessage()
        event = window.text_view.by_id.get(source_id)
        target = window.text_view.by_id.get(target_id) if target_id is not None else None
        if event is None or target is None or target.id == event.id:
            return
        label = self._project.schema.label(event.label)
        target_kind = getattr(self._project.schema.label(target.label), "kind", None)
        roles = [r for r in label.roles if not r.kinds or target_kind in r.kinds]
        if not roles:
            window.statusBar().showMessage(
                f"{event.label} has no role for a {target.label} span.", 4000
            )
            return
        role = window.choose_role(roles, target)
        if role is not None:
            self._push(commands.Link(window.session, event.document_id, event.id, target.id, role))
        window.select_span(event.id)

    def unlink(self, relation_id: int) -> None:
        self._push(commands.Unlink(self.window.session, self.window.document_id, relation_id))


def role_menu(window: MainWindow, roles, target: Span) -> str | None:
    """A menu of the roles the argument may fill; number keys pick one."""
    menu = QMenu(window)
    for number, role in enumerate(roles, 1):
        action = menu.addAction(f"&{number}  {role.name}")
        action.setData(role.name)
    cursor = window.text_view.cursorRect()
    chosen = menu.exec(window.text_view.viewport().mapToGlobal(cursor.bottomRight()))
    return chosen.data() if chosen else None
