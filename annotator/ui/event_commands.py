"""Undoable commands on events: mark a word as an event, another event on the same word, an
event with no word, its coding and its arguments, its deletion, its acceptance into gold.
Each calls the operations of :mod:`annotator.ops.event_editing` (or of
:mod:`annotator.ops.event_adjudicating`) and keeps ids, so that undo and redo bring back the
very event they took away."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.model import GOLD, Argument, Event, Span
from annotator.core.text import isolate
from annotator.ops import editing, event_adjudicating, event_editing, viewing
from annotator.ops.unsaved import EventState, SpanState, UnsavedEdit
from annotator.ui.commands import describe, state
from annotator.ui.edit_command import EditCommand
from annotator.ui.language import translate
from annotator.ui.session import Session


def argument_states(session: Session, arguments: tuple[Argument, ...]):
    """Arguments as plain data: (role, the span as the annotator saw it)."""
    return tuple((a.role, state(session.span(a.span))) for a in arguments if session.span(a.span))


def event_state(session: Session, event: Event) -> EventState:
    return EventState(
        event.label, dict(event.attributes), argument_states(session, event.arguments)
    )


def name_of(session: Session, event: Event) -> str:
    """An event as the undo menu names it: its type and its word."""
    trigger = session.span(event.trigger)
    if trigger:
        return describe(session, event.label, trigger.text)
    return translate("event_commands", "%1 (no word)").replace("%1", event.label)


class MarkEvent(EditCommand):
    """Mark a word with an event label: the span and an event on it, in one edit."""

    def __init__(self, session: Session, label: str, start: int, end: int) -> None:
        text = session.text[start:end]
        super().__init__(
            session,
            session.document_id,
            translate("commands", "Mark %1").replace("%1", describe(session, label, text)),
        )
        self.label, self.start, self.end = label, start, end
        self.layer = session.annotator
        self.span_id: int | None = None
        self.event_id: int | None = None

    def apply(self) -> None:
        span = editing.create_span(
            self.project, self.document_id, self.layer, self.label, self.start, self.end,
            span_id=self.span_id, by=self.annotator,
        )  # fmt: skip
        self.span_id, self.start, self.end = span.id, span.start, span.end
        event = event_editing.create_event(
            self.project, self.document_id, self.layer, self.label, span.id,
            event_id=self.event_id, by=self.annotator,
        )  # fmt: skip
        self.event_id = event.id
        self.focus = ("event", event.id)
        self.session.edited(self.document_id, self.layer, [(self.start, self.end)])

    def revert(self) -> None:
        editing.delete_span(self.project, self.span_id, self.annotator)  # its event goes too
        self.focus = None
        self.session.edited(self.document_id, self.layer, [(self.start, self.end)])

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        trigger = SpanState(self.start, self.end, self.label)
        if undoing:
            return [self.lost_edit("delete", trigger)]
        return [
            self.lost_edit("create", trigger),
            self.lost_edit("event create", trigger, event=EventState(self.label)),
        ]


class NewEvent(EditCommand):
    """Another event on a word that has one, or an event with no word."""

    def __init__(self, session: Session, label: str, trigger: Span | None) -> None:
        if trigger:
            what = describe(session, label, trigger.text)
        else:
            what = translate("event_commands", "%1 with no word").replace("%1", label)
        new = translate("event_commands", "New event %1").replace("%1", what)
        super().__init__(session, session.document_id, new)
        self.label, self.trigger = label, trigger
        self.layer = session.annotator
        self.event_id: int | None = None

    def apply(self) -> None:
        event = event_editing.create_event(
            self.project, self.document_id, self.layer, self.label,
            self.trigger.id if self.trigger else None, event_id=self.event_id, by=self.annotator,
        )  # fmt: skip
        self.event_id = event.id
        self.focus = ("event", event.id)
        self.session.edited(self.document_id, self.layer, [], [self.event_id])

    def revert(self) -> None:
        event_editing.delete_event(self.project, self.event_id, self.annotator)
        self.focus = self.trigger.id if self.trigger else None
        self.session.edited(self.document_id, self.layer, [], [self.event_id])

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        trigger = state(self.trigger) if self.trigger else None
        action = "event delete" if undoing else "event create"
        return [self.lost_edit(action, trigger, event=EventState(self.label))]


class ChangeEvent(EditCommand):
    """Code an event (its attributes), or set its arguments (link, unlink)."""

    def __init__(self, session: Session, event: Event, what: str, **changes: Any) -> None:
        super().__init__(session, event.document_id, f"{what} {name_of(session, event)}")
        self.before, self.event_id = event, event.id
        self.changes = changes  # attributes=…, arguments=…
        self.layer = event.annotator
        self.focus = ("event", event.id)

    def _set(self, event: Event, values: dict[str, Any]) -> None:
        project, who = self.project, self.annotator
        if "arguments" in values:
            event_editing.set_arguments(project, self.event_id, who, values["arguments"])
        if "attributes" in values:
            event_editing.update_event(project, self.event_id, who, attributes=values["attributes"])
        self.session.edited(self.document_id, self.layer, [], [self.event_id])

    def apply(self) -> None:
        self._set(self.before, self.changes)

    def revert(self) -> None:
        self._set(self.before, {k: getattr(self.before, k) for k in self.changes})

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        old = event_state(self.session, self.before)
        arguments = self.changes.get("arguments")
        new = EventState(
            old.label,
            dict(self.changes.get("attributes", old.attributes)),
            argument_states(self.session, arguments) if arguments is not None else old.arguments,
        )
        if undoing:
            old, new = new, old
        trigger = self.session.span(self.before.trigger)
        where = state(trigger) if trigger else None
        return [self.lost_edit("event update", where, event=old, event_after=new)]


def link(session: Session, event: Event, argument: Span, role: str) -> ChangeEvent:
    arguments = (*event.arguments, Argument(role, argument.id))
    what = translate("event_commands", "Link %1 %2 to").replace("%1", role)
    what = what.replace("%2", isolate("«" + argument.text + "»"))
    return ChangeEvent(session, event, what, arguments=arguments)


def unlink(session: Session, event: Event, position: int) -> ChangeEvent:
    gone = event.arguments[position]
    arguments = event.arguments[:position] + event.arguments[position + 1 :]
    return ChangeEvent(
        session,
        event,
        translate("event_commands", "Unlink %1 from").replace("%1", gone.role),
        arguments=arguments,
    )


class DeleteEvent(EditCommand):
    def __init__(self, session: Session, event: Event) -> None:
        said = translate("event_commands", "Delete event %1").replace("%1", name_of(session, event))
        super().__init__(session, event.document_id, said)
        self.event = event
        self.layer = event.annotator

    def apply(self) -> None:
        event_editing.delete_event(self.project, self.event.id, self.annotator)
        self.focus = self.event.trigger
        self.session.edited(self.document_id, self.layer, [], [self.event.id])

    def revert(self) -> None:
        event_editing.restore_event(self.project, self.event, self.annotator)
        self.focus = ("event", self.event.id)
        self.session.edited(self.document_id, self.layer, [], [self.event.id])

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        trigger = self.session.span(self.event.trigger)
        action = "event create" if undoing else "event delete"
        where = state(trigger) if trigger else None
        return [self.lost_edit(action, where, event=event_state(self.session, self.event))]


class AcceptEvent(EditCommand):
    """Put one annotator's version of an event into gold, with its word and arguments
    (replacing the gold versions accepted from the other side of the disagreement)."""

    def __init__(self, session: Session, event: Event, replacing: tuple[int, ...] = ()) -> None:
        super().__init__(
            session, event.document_id, translate("event_commands", "Accept event into gold")
        )
        self.event, self.replacing = event, replacing
        self.layer = GOLD
        self.accepted: event_adjudicating.AcceptedEvent | None = None

    def _touched(self) -> list[tuple[int, int]]:
        spans = [viewing.span(self.project, s) for s in self._span_ids()]
        return [(s.start, s.end) for s in spans if s is not None]

    def _event_ids(self) -> list[int]:
        """The gold event, and those it replaced."""
        accepted = self.accepted
        return [accepted.gold.id, *(e.id for e in accepted.replaced)] if accepted else []

    def _span_ids(self) -> list[int]:
        gold = self.accepted.gold if self.accepted else self.event
        ids = [a.span for a in gold.arguments if a.span is not None]
        return ids + ([gold.trigger] if gold.trigger is not None else [])

    def apply(self) -> None:
        self.accepted = event_adjudicating.accept_event(
            self.project, self.event.id, self.annotator, replacing=self.replacing
        )
        said = translate("event_commands", "Accept %1's %2 event into gold")
        self.setText(said.replace("%1", self.event.annotator).replace("%2", self.event.label))
        self.session.edited(self.document_id, GOLD, self._touched(), self._event_ids())

    def revert(self) -> None:
        touched, events = self._touched(), self._event_ids()
        event_adjudicating.undo_accept_event(self.project, self.accepted, self.annotator)
        self.session.edited(self.document_id, GOLD, touched, events)

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        """The accepted version as a gold event (its provenance is not kept)."""
        event = self.accepted.gold if self.accepted else self.event
        spans = {s: viewing.span(self.project, s) for s in self._span_ids()}
        arguments = tuple(
            (a.role, state(spans[a.span])) for a in event.arguments if spans.get(a.span)
        )
        trigger = spans.get(event.trigger) if event.trigger is not None else None
        coded = EventState(event.label, dict(event.attributes), arguments)
        action = "event delete" if undoing else "event create"
        edit = self.lost_edit(action, state(trigger) if trigger else None, event=coded)
        return [replace(edit, annotator=GOLD)]
