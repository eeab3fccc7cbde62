"""The edits an annotator makes to events, each one transaction with its audit-trail entry.

An event is made on a trigger span, on the trigger of another event (several events may share
one: «اشتباكات عنيفة في الثردات والميادين» is two events), or on none. Its arguments are
checked by :func:`annotator.core.events.event_problems` before they are written, whoever
writes them. Undo puts a deleted event back under its own id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from annotator.core.events import Filler, event_problems
from annotator.core.model import Argument, Event
from annotator.ops.editing import EditError, event_record, existing_arguments, mark_in_progress
from annotator.store.project import Project, now

_record = event_record


def _audit(
    project: Project, by: str, action: str, event: Event, before=None, after=None, time=None
):
    project.audit.record(time or now(), by, action, event.document_id, event.trigger, before, after)


def _filler(project: Project, argument: Argument) -> tuple[Filler, int, str]:
    """An argument as the rules see it, with the document and layer it belongs to."""
    if argument.span is not None:
        span = project.spans.get(argument.span)
        if span is None:
            raise EditError(f"span {argument.span} no longer exists")
        return Filler(("span", span.id), span.label, span.text), span.document_id, span.annotator
    event = project.events.get(argument.event) if argument.event is not None else None
    if event is None:
        raise EditError(f"event {argument.event} no longer exists")
    return (
        Filler(("event", event.id), event.label, f"event {event.id}"),
        event.document_id,
        (event.annotator),
    )


def check(
    project: Project,
    document_id: int,
    annotator: str,
    label: str,
    trigger: int | None,
    arguments: Iterable[Argument],
    event_id: int | None = None,
) -> None:
    """Refuse (EditError) an event the schema's rules do not allow, with the reason."""
    trigger_filler = None
    if trigger is not None:
        span = project.spans.get(trigger)
        if span is None:
            raise EditError(f"span {trigger} no longer exists")
        if (span.document_id, span.annotator) != (document_id, annotator):
            raise EditError("an event's trigger is a span of its own document and layer")
        trigger_filler = Filler(("span", span.id), span.label, span.text)
    fillers = []
    for argument in arguments:
        if argument.event is not None and argument.event == event_id:
            raise EditError("an event cannot be its own argument")
        filler, document, layer = _filler(project, argument)
        if (document, layer) != (document_id, annotator):
            raise EditError(f"«{filler.text}» is in another document or layer than the event")
        fillers.append((argument.role, filler))
    problems = event_problems(project.schema, label, trigger_filler, fillers)
    if problems:
        raise EditError(problems[0])


def create_event(
    project: Project,
    document_id: int,
    annotator: str,
    label: str,
    trigger: int | None = None,
    arguments: Iterable[Argument] = (),
    attributes: dict[str, Any] | None = None,
    *,
    event_id: int | None = None,
    provenance: dict[str, Any] | None = None,
    by: str | None = None,
) -> Event:
    """Record an event in an annotator's layer; ``by`` is who made the edit when it is not
    the layer's own annotator (a reviewer editing gold)."""
    arguments = tuple(arguments)
    check(project, document_id, annotator, label, trigger, arguments)
    time = now()
    with project.write():
        new_id = project.events.add(
            document_id,
            annotator,
            label,
            trigger,
            arguments,
            attributes or {},
            time=time,
            provenance=provenance,
            event_id=event_id,
        )
        event = project.events.get(new_id)
        mark_in_progress(project, document_id, annotator, time)
        _audit(project, by or annotator, "event create", event, after=_record(event), time=time)
    return event


def _get(project: Project, event_id: int) -> Event:
    event = project.events.get(event_id)
    if event is None:
        raise EditError(f"event {event_id} no longer exists")
    return event


def update_event(project: Project, event_id: int, annotator: str, **changes: Any) -> Event:
    """Change an event's type, trigger or attributes."""
    event = _get(project, event_id)
    changed = replace(event, **changes)
    check(
        project,
        event.document_id,
        event.annotator,
        changed.label,
        changed.trigger,
        changed.arguments,
        event.id,
    )
    time = now()
    with project.write():
        project.events.update(event_id, time, **changes)
        after = project.events.get(event_id)
        before = {k: getattr(event, k) for k in changes}
        _audit(
            project,
            annotator,
            "event update",
            after,
            before={"event": event_id, **before},
            after={"event": event_id, **{k: getattr(after, k) for k in changes}},
            time=time,
        )
    return after


def set_arguments(
    project: Project, event_id: int, annotator: str, arguments: Iterable[Argument]
) -> Event:
    """The event's arguments, in order, in place of those it had."""
    event = _get(project, event_id)
    arguments = tuple(arguments)
    check(
        project, event.document_id, event.annotator, event.label, event.trigger, arguments, event_id
    )
    time = now()
    with project.write():
        project.events.set_arguments(event_id, arguments)
        after = project.events.get(event_id)
        _audit(
            project,
            annotator,
            "event arguments",
            after,
            before={"event": event_id, "arguments": _record(event)["arguments"]},
            after={"event": event_id, "arguments": _record(after)["arguments"]},
            time=time,
        )
    return after


def add_argument(project: Project, event_id: int, annotator: str, role: str, span_id: int) -> Event:
    """One more argument: a span in a role."""
    event = _get(project, event_id)
    if any(a.role == role and a.span == span_id for a in event.arguments):
        return event
    return set_arguments(project, event_id, annotator, (*event.arguments, Argument(role, span_id)))


def remove_argument(project: Project, event_id: int, annotator: str, position: int) -> Event:
    event = _get(project, event_id)
    if not 0 <= position < len(event.arguments):
        raise EditError(f"event {event_id} has no argument {position + 1}")
    kept = event.arguments[:position] + event.arguments[position + 1 :]
    return set_arguments(project, event_id, annotator, kept)


def delete_event(project: Project, event_id: int, annotator: str) -> Event:
    """Delete an event; returns it as it was, for :func:`restore_event`."""
    event = _get(project, event_id)
    with project.write():
        project.events.delete(event_id)
        _audit(project, annotator, "event delete", event, before=_record(event))
    return event


def put_back_event(project: Project, event: Event, time: str) -> None:
    """Re-insert a deleted event under its old id, with those of its arguments that still
    exist (inside the caller's transaction)."""
    arguments = existing_arguments(project, event.arguments)
    trigger = (
        event.trigger if event.trigger is not None and project.spans.get(event.trigger) else None
    )
    project.events.add(
        event.document_id,
        event.annotator,
        event.label,
        trigger,
        arguments,
        event.attributes,
        time=time,
        provenance=event.provenance,
        event_id=event.id,
    )


def restore_event(project: Project, event: Event, annotator: str) -> Event:
    """Put a deleted event back under its old id."""
    time = now()
    with project.write():
        put_back_event(project, event, time)
        _audit(project, annotator, "event restore", event, after=_record(event), time=time)
    return project.events.get(event.id)


def event_on(project: Project, trigger: int, annotator: str) -> Event:
    """The one event a trigger span has, made if it has none; refused when it has several
    (say which, through its id)."""
    span = project.spans.get(trigger)
    if span is None:
        raise EditError(f"span {trigger} no longer exists")
    events = project.events.on_trigger(trigger)
    if len(events) > 1:
        raise EditError(
            f"«{span.text}» is the trigger of {len(events)} events: choose the event to change"
        )
    if events:
        return events[0]
    return create_event(
        project, span.document_id, span.annotator, span.label, trigger, by=annotator
    )


def link(project: Project, trigger: int, argument: int, role: str, annotator: str) -> Event:
    """Give the event on ``trigger`` (see :func:`event_on`) the span ``argument`` in ``role``."""
    event = event_on(project, trigger, annotator)
    return add_argument(project, event.id, annotator, role, argument)
