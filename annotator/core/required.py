"""Whose coding the schema's required attributes ask for.

An entity's span answers for attributes of its own. An event is a record of its own (a type,
an optional trigger word, arguments, attributes; several events may share one word): its
coding is the event's, never its trigger word's, so the word of an event is fully coded when
every event on it is. ``annotator check`` and the window's marks both follow this one rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.core.model import Event, Span
from annotator.core.schema import Label, Schema

Coding = tuple[Label, dict[str, Any]]  # a label, and the attributes coded under it


def codes_itself(label: Label | None) -> bool:
    """Whether a span of ``label`` answers for attributes of its own (an event's word does
    not: its events do)."""
    return label is not None and label.kind != "event" and bool(label.attributes)


def self_coded_labels(schema: Schema) -> frozenset[str]:
    """The labels whose spans carry coding of their own."""
    return frozenset(label.id for label in schema.labels if codes_itself(label))


def event_coding(schema: Schema, event: Event) -> Coding | None:
    """The event's coding under its type; None when its type is no event label of the
    schema (there is nothing it is required to have)."""
    label = schema.label(event.label)
    return (label, event.attributes) if label is not None and label.kind == "event" else None


def by_trigger(events: Iterable[Event]) -> dict[int, list[Event]]:
    """The events on each trigger word, by the word's span id."""
    found: dict[int, list[Event]] = {}
    for event in events:
        if event.trigger is not None:
            found.setdefault(event.trigger, []).append(event)
    return found


def span_codings(schema: Schema, span: Span, events: Iterable[Event]) -> list[Coding]:
    """What a span's mark in the text answers for: its own coding when its label codes
    itself, and the coding of each of ``events`` that it triggers."""
    label = schema.label(span.label)
    own: list[Coding] = [(label, span.attributes)] if label and codes_itself(label) else []
    triggered = (event_coding(schema, e) for e in events if e.trigger == span.id)
    return own + [coding for coding in triggered if coding is not None]
