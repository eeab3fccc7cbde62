"""What an importer reads from a file, before it goes into a project.

Readers produce :class:`Record` objects whose offsets are code points into the text exactly
as the file gave it; :func:`prepare` checks them and moves them onto the stored text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from annotator.core.discussion import ThreadRecord
from annotator.core.errors import InputError
from annotator.core.events import Filler, event_problems
from annotator.core.model import Status
from annotator.core.schema import Schema
from annotator.core.text import lone_surrogate, sha256_text, store_text


@dataclass(slots=True)
class SpanRecord:
    start: int
    end: int
    label: str
    text: str | None = None  # the surface text the file claims; checked against the offsets
    annotator: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # the span's id in the file, for relations
    entity: str | None = None  # the canonical entity a mention refers to
    provenance: dict[str, Any] | None = None
    line: int | None = None  # where the span is in its file, for formats that know it


@dataclass
class RelationRecord:
    source: str
    target: str
    role: str
    annotator: str | None = None


@dataclass
class EventRecord:
    """An event as a file gives it: its type, its trigger (a span's key, or none) and its
    arguments (role, key of a span or of another event), in order."""

    label: str
    trigger: str | None = None
    arguments: list[tuple[str, str]] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    annotator: str | None = None
    key: str | None = None  # the event's id in the file, for events that are arguments
    provenance: dict[str, Any] | None = None
    line: int | None = None


@dataclass
class Record:
    text: str
    name: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    # None: the file does not speak of events (then each span of an event label, with its
    # links, is read as an event: our earlier format, and formats that know only links)
    events: list[EventRecord] | None = None
    status: dict[str, str] = field(default_factory=dict)
    threads: list[ThreadRecord] = field(default_factory=list)  # discussions, by span key
    line: int | None = None  # where the record starts in its file, when that means something
    number: int = 1  # the record's position in its file, from 1
    file: str | None = None  # the file it came from, when the import reads a folder


class PreparedSpan(NamedTuple):
    """A span checked and on the stored text. A named tuple: an import makes one per span of
    the file, and a tuple is made several times faster than a frozen dataclass."""

    start: int
    end: int
    label: str
    text: str
    annotator: str
    attributes: dict[str, Any]
    key: str | None
    entity: str | None
    provenance: dict[str, Any] | None


@dataclass(frozen=True)
class PreparedEvent:
    key: str  # the event's key (made up when the file gave none)
    label: str
    trigger: str | None
    arguments: tuple[tuple[str, str], ...]  # (role, key of a span or of an event)
    attributes: dict[str, Any]
    annotator: str
    provenance: dict[str, Any] | None


@dataclass(frozen=True)
class PreparedRecord:
    text: str
    sha256: str
    name: str
    meta: dict[str, Any]
    spans: tuple[PreparedSpan, ...]
    relations: tuple[RelationRecord, ...]
    status: dict[str, str]
    threads: tuple[ThreadRecord, ...] = ()
    events: tuple[PreparedEvent, ...] = ()


class UnknownLabels(InputError):
    """Labels a record uses that the project's schema does not have."""

    def __init__(self, labels: set[str]) -> None:
        self.labels = labels
        super().__init__(f"labels not in the project's schema: {', '.join(sorted(labels))}")

    def __reduce__(self) -> tuple:
        return UnknownLabels, (self.labels,)  # sent between processes whole, labels and all


def check_links(relations: list[RelationRecord], spans: list[PreparedSpan]) -> None:
    """Every link joins two spans of the record, in one layer."""
    by_key = {span.key: span for span in spans if span.key is not None}
    for number, relation in enumerate(relations, 1):
        where = f"relation {number} ({relation.role})"
        ends = []
        for end_key in (relation.source, relation.target):
            if end_key not in by_key:
                raise InputError(f"{where}: no span with id {end_key!r}")
            ends.append(by_key[end_key])
        source, target = ends
        layer = relation.annotator or source.annotator
        if not source.annotator == target.annotator == layer:
            raise InputError(
                f"{where}: joins a span of the layer {source.annotator!r} to one of "
                f"{target.annotator!r}{f' in the layer {layer!r}' if relation.annotator else ''}"
                "; a link stays within one annotator's layer"
            )


def fold_role_links(
    spans: list[PreparedSpan], relations: list[RelationRecord], schema: Schema
) -> tuple[list[PreparedSpan], list[EventRecord], list[RelationRecord]]:
    """Read each span of an event label as one event on it: its links are the event's
    arguments (in file order), its attributes the event's. Other links stay links.

    This is how events were kept before they were records, and how formats that know only
    links (Label Studio, doccano, INCEpTION's slots) say them.
    """
    events: dict[str, EventRecord] = {}
    kept: list[PreparedSpan] = []
    event_labels = {label.id for label in schema.labels if label.kind == "event"}
    for number, span in enumerate(spans, 1):
        if span.label not in event_labels:
            kept.append(span)
            continue
        key = span.key if span.key is not None else f"#span-{number}"
        kept.append(
            PreparedSpan(
                span.start,
                span.end,
                span.label,
                span.text,
                span.annotator,
                {},
                key,
                span.entity,
                span.provenance,
            )
        )
        events[key] = EventRecord(
            span.label,
            trigger=key,
            attributes=span.attributes,
            annotator=span.annotator,
            key=f"#event-{number}",
            provenance=span.provenance,
        )
    links = []
    for relation in relations:
        event = events.get(relation.source)
        if event is None:
            links.append(relation)
        else:
            event.arguments.append((relation.role, relation.target))
    return kept, list(events.values()), links


def any_key(spans: list[SpanRecord]) -> bool:
    return any(span.key is not None for span in spans)


def fold_unlinked(
    spans: list[PreparedSpan], schema: Schema
) -> tuple[list[PreparedSpan], tuple[PreparedEvent, ...]]:
    """:func:`fold_role_links` and :func:`prepare_events` at once, for spans without ids or
    links (label triples): each span of an event label is an event on it with no argument,
    which the rules cannot refuse, so it is made prepared."""
    event_labels = {label.id for label in schema.labels if label.kind == "event"}
    kept: list[PreparedSpan] = []
    events: list[PreparedEvent] = []
    for number, span in enumerate(spans, 1):
        if span.label not in event_labels:
            kept.append(span)
            continue
        key = f"#span-{number}"
        kept.append(span._replace(attributes={}, key=key))
        events.append(
            PreparedEvent(
                f"#event-{number}",
                span.label,
                key,
                (),
                span.attributes,
                span.annotator,
                span.provenance,
            )
        )
    return kept, tuple(events)


def prepare_events(
    events: list[EventRecord], spans: list[PreparedSpan], schema: Schema | None, annotator: str
) -> tuple[PreparedEvent, ...]:
    """Check each event against the record's spans and the schema's rules
    (:func:`annotator.core.events.event_problems`); a refusal names the event's line when
    the file gave one."""
    by_key = {span.key: span for span in spans if span.key is not None}
    others = {e.key: (n, e.label) for n, e in enumerate(events, 1) if e.key is not None}
    prepared = []
    alone: dict[str, list[str]] = {}  # event type → its problems as an event without arguments
    for number, event in enumerate(events, 1):
        try:
            prepared.append(
                _prepared_event(number, event, by_key, others, schema, annotator, alone)
            )
        except InputError as error:
            raise error.located(line=event.line) from None
    return tuple(prepared)


def _prepared_event(
    number: int,
    event: EventRecord,
    by_key: dict[str, PreparedSpan],
    others: dict[str, tuple[int, str]],
    schema: Schema | None,
    annotator: str,
    alone: dict[str, list[str]],
) -> PreparedEvent:
    """One event checked: its trigger and arguments are the record's, in its layer, and
    fill the roles its type has. ``others``: every event's key → (number, type); ``alone``:
    what is wrong with an event of a type without arguments (its trigger then does not
    matter to the rules), found once per type."""
    where = f"event {number} ({event.label})"
    trigger = by_key.get(event.trigger) if event.trigger is not None else None
    if event.trigger is not None and trigger is None:
        raise InputError(f"{where}: its trigger {event.trigger!r} is no span of the record")
    layer = event.annotator or (trigger.annotator if trigger else annotator)
    if trigger is not None and trigger.annotator != layer:
        raise InputError(
            f"{where}: its trigger is in the layer {trigger.annotator!r}, the event in "
            f"{layer!r}; an event stays within one annotator's layer"
        )
    fillers = []
    for role, key in event.arguments:
        if key == event.key:
            raise InputError(f"{where}: the event cannot be its own {role}")
        if key in by_key:
            span = by_key[key]
            if span.annotator != layer:
                raise InputError(
                    f"{where}: its {role} is a span of the layer {span.annotator!r}; "
                    "an event stays within one annotator's layer"
                )
            fillers.append((role, Filler(key, span.label, span.text)))
        elif key in others:
            other_number, other_label = others[key]
            fillers.append((role, Filler(key, other_label, f"event {other_number}")))
        else:
            raise InputError(f"{where}: its {role} {key!r} is no span or event of the record")
    if schema is not None and not fillers:
        problems = alone.get(event.label)
        if problems is None:
            problems = alone[event.label] = event_problems(schema, event.label, None, [])
        if problems:
            raise InputError(f"{where}: {problems[0]}")
    elif schema is not None:
        trigger_filler = Filler(trigger.key, trigger.label, trigger.text) if trigger else None
        problems = event_problems(schema, event.label, trigger_filler, fillers)
        if problems:
            raise InputError(f"{where}: {problems[0]}")
    return PreparedEvent(
        event.key if event.key is not None else f"#event-{number}",
        event.label,
        event.trigger,
        tuple(event.arguments),
        event.attributes,
        layer,
        event.provenance,
    )


def in_making_order(events: tuple[PreparedEvent, ...]) -> list[PreparedEvent]:
    """The events, each after the events that are its arguments (nested events); events
    that are each other's arguments are refused. Iterative: a chain of any length is fine."""
    by_key = {event.key: event for event in events}
    if len(by_key) == len(events) and not any(
        key in by_key for event in events for _role, key in event.arguments
    ):
        return list(events)  # no event is another's argument: the order is the file's
    ordered: list[PreparedEvent] = []
    state: dict[str, str] = {}  # key → "open" while its arguments are placed, then "placed"
    for first in events:
        if first.key in state:
            continue
        stack = [(first, iter(first.arguments))]
        state[first.key] = "open"
        while stack:
            event, pending = stack[-1]
            for _role, key in pending:
                inner = by_key.get(key)
                if inner is None or state.get(inner.key) == "placed":
                    continue
                if state.get(inner.key) == "open":
                    raise InputError(
                        f"events {event.key!r} and {inner.key!r} are each other's arguments"
                    )
                state[inner.key] = "open"
                stack.append((inner, iter(inner.arguments)))
                break
            else:
                stack.pop()
                state[event.key] = "placed"
                ordered.append(event)
    return ordered


def prepare(
    record: Record,
    default_name: str,
    annotator: str,
    labels: tuple[str, ...],
    schema: Schema | None = None,
) -> PreparedRecord:
    """Check a record against its own text and the schema, and move it onto stored text.

    The record has passed :class:`~annotator.core.validation.RecordCheck` (its fields have
    their kinds); ``schema``, when given, also has links checked against the roles' kinds.
    """
    raw = record.text
    if not isinstance(raw, str):
        raise InputError(f"'text' must be a string, got {type(raw).__name__}")
    surrogate = lone_surrogate(raw)
    if surrogate is not None:
        raise InputError(
            f"the text has an unpaired surrogate (broken emoji) at character {surrogate}"
        )
    if not isinstance(record.meta, dict):
        raise InputError(f"'meta' must be an object, got {type(record.meta).__name__}")
    unknown = {s.label for s in record.spans if s.label not in labels}
    if unknown:
        raise UnknownLabels(unknown)
    stored = store_text(raw)
    if not stored.text.strip():
        raise InputError("the text is empty")
    moved = stored.offset if stored.removed else None
    length, text = len(raw), stored.text
    spans = []
    for number, span in enumerate(record.spans, 1):
        start, end = span.start, span.end
        if type(start) is not int or type(end) is not int:
            raise InputError(f"span {number}: start and end must be whole numbers")
        if not 0 <= start < end <= length:
            raise InputError(
                f"span {number} ({span.label}): offsets {start}-{end} are outside the text "
                f"(it has {length} characters) or empty"
            )
        if span.text is not None and raw[start:end] != span.text:
            raise InputError(
                f"span {number} ({span.label}): the text at {start}-{end} is {raw[start:end]!r} "
                f"but the file says {span.text!r}"
            )
        if moved is not None:
            start, end = moved(start), moved(end)
            if start >= end:
                raise InputError(
                    f"span {number} ({span.label}): covers only a line-ending character"
                )
        spans.append(
            PreparedSpan(
                start,
                end,
                span.label,
                text[start:end],
                span.annotator or annotator,
                span.attributes,
                span.key,
                span.entity,
                span.provenance,
            )
        )
    relations, events = record.relations, record.events
    if events is None and schema is not None and not relations and not any_key(record.spans):
        spans, prepared_events = fold_unlinked(spans, schema)
    else:
        if events is None and schema is not None:
            spans, events, relations = fold_role_links(spans, relations, schema)
        check_links(relations, spans)
        unknown = {e.label for e in events or () if e.label not in labels}
        if unknown:
            raise UnknownLabels(unknown)
        prepared_events = prepare_events(list(events or ()), spans, schema, annotator)
        in_making_order(prepared_events)  # refuses events that are each other's arguments
    for name, status in record.status.items():
        if status not in Status.ALL:
            raise InputError(f"status of {name!r} must be one of {', '.join(Status.ALL)}")
    name = record.name if isinstance(record.name, str) and record.name.strip() else default_name
    return PreparedRecord(
        text=stored.text,
        sha256=sha256_text(stored.text),
        name=name,
        meta=record.meta,
        spans=tuple(spans),
        relations=tuple(relations),
        status=dict(record.status),
        threads=tuple(record.threads),
        events=prepared_events,
    )
