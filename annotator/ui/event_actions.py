"""What the annotator does with events: another event on a word, an event with no word,
its arguments (Ctrl+L, then the span that fills a role is clicked, or picked in the
annotations list with Enter), its deletion. Each is a command pushed to the session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from annotator.core.model import Span
from annotator.core.schema import Role
from annotator.core.text import isolate
from annotator.ui import event_commands
from annotator.ui.panels.annotations import AnnotationsPanel
from annotator.ui.panels.attributes import AttributesPanel
from annotator.ui.panels.events import EventsPanel
from annotator.ui.session import Session
from annotator.ui.text_view import TextView

RoleChooser = Callable[[list[Role], Span], "str | None"]


class EventActions(QObject):
    def __init__(self, session: Session, view: TextView, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.view, self.parent_widget = session, view, parent
        self.choose_role: RoleChooser = self._role_menu
        self.choose_type: Callable[[list[str]], str | None] = self._type_menu
        self.annotations: AnnotationsPanel | None = None

    def attach(
        self, coding: AttributesPanel, events: EventsPanel, annotations: AnnotationsPanel
    ) -> None:
        """Take requests from the panels: the coding panel's link and unlink buttons, the
        events panel's buttons, and Enter on a row of the annotations list (in link mode,
        the argument: arguments are set by keyboard as well as by clicking)."""
        self.annotations = annotations
        coding.linkRequested.connect(self.start_linking)
        coding.unlinkRequested.connect(self.unlink)
        events.another.clicked.connect(self.new_event_here)
        events.without_word.clicked.connect(self.new_event_without_word)
        events.delete.clicked.connect(self.delete_event)
        annotations.activated.connect(
            lambda index: self.picked(annotations.spans_model.spans[index.row()])
        )

    def _say(self, text: str, ms: int = 4000) -> None:
        self.session.message.emit(text, ms)

    def _writable(self) -> bool:
        session = self.session
        if session.document is None:
            return False
        if session.read_only:
            self._say(self.tr("This is %1's layer, shown read-only.").replace("%1", session.layer))
            return False
        return True

    # -- making and deleting events --------------------------------------------------------

    def new_event_here(self) -> None:
        """Another event on the selected word (ACLED: one event per place and day)."""
        session = self.session
        span = session.selected_span()
        label = session.schema.label(span.label) if span else None
        if label is None or label.kind != "event":
            self._say(self.tr("Select a word marked as an event first (or Ctrl+Shift+J: no word)."))
            return
        if self._writable():
            session.push(event_commands.NewEvent(session, span.label, span))

    def new_event_without_word(self) -> None:
        """An event the report as a whole describes, with no single trigger word."""
        session = self.session
        types = [label.id for label in session.schema.labels if label.kind == "event"]
        if not types:
            self._say(self.tr("The schema has no event label."))
            return
        chosen = types[0] if len(types) == 1 else self.choose_type(types)
        if chosen is not None and self._writable():
            session.push(event_commands.NewEvent(session, chosen, None))

    def delete_event(self) -> None:
        event = self.session.selected_event()
        if event is None:
            self._say(self.tr("Select an event first (in the events list, or its word)."))
        elif self._writable():
            self.session.push(event_commands.DeleteEvent(self.session, event))

    def _type_menu(self, types: list[str]) -> str | None:
        chosen, ok = QInputDialog.getItem(
            self.parent_widget, self.tr("New event"), self.tr("Type of the event:"), types, 0, False
        )
        return chosen if ok else None

    # -- arguments -------------------------------------------------------------------------

    def start_linking(self) -> None:
        session = self.session
        event = session.selected_event()
        label = session.schema.label(event.label) if event else None
        if label is None or not label.roles:
            span = session.selected_span()
            said = self.tr("Select an event first, then link its arguments.")
            if span:
                hint = self.tr("%1 has no event yet: Ctrl+J makes one.")
                said += " " + hint.replace("%1", f"«{span.text}»")
            self._say(said)
            return
        if not self._writable():
            return
        session.start_linking(event.id)
        trigger = session.span(event.trigger)
        name = isolate("«" + trigger.text + "»") if trigger else self.tr("the event")
        said = self.tr(
            "Click the span that fills a role of %1 (or pick it in the annotations list "
            "and press Enter); Esc cancels."
        )
        self._say(said.replace("%1", name), 0)

    def picked(self, span: Span) -> None:
        """A span chosen in the annotations list with Enter: in link mode, the argument."""
        if self.session.linking_from is not None:
            self.finish_linking(span.id)

    def finish_linking(self, target_id: int | None) -> None:
        session = self.session
        event = session.find_event(session.linking_from)
        session.start_linking(None)
        self._say("", 1)
        target = session.span(target_id)
        if event is None or target is None or target.id == event.trigger:
            return
        label = session.schema.label(event.label)
        target_kind = getattr(session.schema.label(target.label), "kind", None)
        roles = [r for r in label.roles if not r.kinds or target_kind in r.kinds]
        if not roles:
            said = self.tr("%1 has no role for a %2 span.").replace("%1", event.label)
            self._say(said.replace("%2", target.label))
            return
        role = self.choose_role(roles, target)
        if role is not None:
            session.push(event_commands.link(session, event, target, role))
        session.select_event(event.id)

    def unlink(self, position: int) -> None:
        event = self.session.selected_event()
        if event is not None and self._writable() and 0 <= position < len(event.arguments):
            self.session.push(event_commands.unlink(self.session, event, position))

    def _role_menu(self, roles: list[Role], target: Span) -> str | None:
        """A menu of the roles the argument may fill; number keys pick one."""
        menu = QMenu(self.parent_widget)
        for number, role in enumerate(roles, 1):
            action = menu.addAction(f"&{number}  {role.name}")
            action.setData(role.name)
        cursor = self.view.cursorRect()
        chosen = menu.exec(self.view.viewport().mapToGlobal(cursor.bottomRight()))
        return chosen.data() if chosen else None
