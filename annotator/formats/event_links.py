"""Events as links, for formats that know only spans and the links between them (Label
Studio, doccano, WebAnno TSV).

An event is written as its trigger span, each argument as a link from the trigger to the span
that fills the role, in order, and the event's attributes as the trigger's; an import reads
them back as that event (:func:`annotator.core.records.fold_role_links`). What links cannot
say is left out and counted for the export report: an event with no trigger, a second event
on one trigger (it would come back merged with the first), an event whose trigger has another
label (it would come back of that label), and an argument that is itself an event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from annotator.core.model import AnnotatedDocument, Event, Relation


@dataclass
class LinkedEvents:
    """What an export could not write as links, counted over every document."""

    written: int = 0
    no_trigger: int = 0
    shared_trigger: int = 0
    other_label: int = 0
    event_arguments: int = 0

    def notes(self, form: str) -> list[str]:
        """The export report's notes: how events were written, and what was left out."""
        if not (self.written or self.no_trigger or self.shared_trigger or self.other_label):
            return []
        notes = [
            f"{self.written} events written as their trigger span with a link to each argument "
            f"({form} has no events of their own); an import reads them back as events"
        ]
        left_out = [
            (self.no_trigger, "events with no trigger"),
            (self.shared_trigger, "events on the trigger of an event written before them"),
            (self.other_label, "events whose trigger is a span of another label"),
            (self.event_arguments, "arguments that are events"),
        ]
        notes += [
            f"{count} {what} left out: links cannot say them" for count, what in left_out if count
        ]
        return notes


def as_links(item: AnnotatedDocument, counts: LinkedEvents) -> AnnotatedDocument:
    """The document with its events turned into links from their triggers and attributes on
    them, and no events."""
    spans = {span.id: span for span in item.spans}
    taken: set[int] = set()
    coded: dict[int, dict[str, Any]] = {}
    links: list[Relation] = []
    next_id = max((r.id for r in item.relations), default=0)
    for event in item.events:
        trigger = spans.get(event.trigger) if event.trigger is not None else None
        if trigger is None:
            counts.no_trigger += 1
            continue
        if trigger.id in taken:
            counts.shared_trigger += 1
            continue
        if trigger.label != event.label:
            counts.other_label += 1
            continue
        taken.add(trigger.id)
        counts.written += 1
        coded[trigger.id] = {**trigger.attributes, **event.attributes}
        for role, target in _span_arguments(event, counts):
            next_id += 1
            links.append(
                Relation(next_id, event.document_id, event.annotator, trigger.id, target, role)
            )
    triggers = [
        replace(span, attributes=coded[span.id]) if span.id in coded else span
        for span in item.spans
    ]
    return replace(item, spans=triggers, relations=[*item.relations, *links], events=[])


def _span_arguments(event: Event, counts: LinkedEvents) -> list[tuple[str, int]]:
    found = []
    for argument in event.arguments:
        if argument.span is None:
            counts.event_arguments += 1
        else:
            found.append((argument.role, argument.span))
    return found
