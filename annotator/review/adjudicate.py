"""Deciding what goes into the gold layer: agreed spans, events and links, and where each
came from.

A gold span or event records its *provenance*: who adjudicated it, when, under which version
of the schema (the guideline), how (``accepted``: the adjudicator chose one annotator's
version; ``agreed``: enough annotators marked exactly the same), and what it came from — for
a span, the annotator, span id, extent and label; for an event, the annotator, event id,
type, and its trigger's and arguments' extents and labels — so that it stays readable if
they go.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.model import GOLD, AnnotatedDocument, Event, Span
from annotator.core.schema import Schema
from annotator.review.agreement import is_annotated
from annotator.review.events import EventForm, EventRules, event_rows

ACCEPTED = "accepted"
AGREED = "agreed"

Key = tuple[int, int, str]  # (start, end, label)


def key_of(span: Span) -> Key:
    return (span.start, span.end, span.label)


def _made(
    adjudicator: str, method: str, schema_version: str, time: str, origins: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "adjudicator": adjudicator,
        "method": method,
        "time": time,
        "schema_version": schema_version,
        "from": origins,
    }


def provenance(
    adjudicator: str, sources: Sequence[Span], method: str, schema_version: str, time: str
) -> dict[str, Any]:
    """What a gold span records about its making."""
    origins = [{"annotator": s.annotator, **_extent(s)} for s in sources]
    return _made(adjudicator, method, schema_version, time, origins)


def _extent(span: Span) -> dict[str, Any]:
    return {"span": span.id, "start": span.start, "end": span.end, "label": span.label}


def event_source(event: Event, spans: Mapping[int, Span]) -> dict[str, Any]:
    """What a gold event records of one event it came from; ``spans`` holds its layer's
    spans by id."""
    trigger = spans.get(event.trigger) if event.trigger is not None else None
    return {
        "annotator": event.annotator,
        "event": event.id,
        "label": event.label,
        "trigger": _extent(trigger) if trigger is not None else None,
        "arguments": [
            {"role": a.role, **_extent(spans[a.span])} for a in event.arguments if a.span in spans
        ],
    }


def event_provenance(
    adjudicator: str,
    sources: Sequence[Event],
    spans: Mapping[int, Span],
    method: str,
    schema_version: str,
    time: str,
) -> dict[str, Any]:
    """What a gold event records about its making."""
    origins = [event_source(event, spans) for event in sources]
    return _made(adjudicator, method, schema_version, time, origins)


def sources_of(item: Span | Event) -> list[dict[str, Any]]:
    """The spans a gold span (or the events a gold event) came from, as its provenance lists
    them."""
    return list((item.provenance or {}).get("from") or [])


@dataclass(frozen=True)
class AgreedSpan:
    """A span enough annotators marked identically, ready to go into gold.

    ``attributes`` holds the values every one of them gave; ``unsettled`` names the
    attributes they set differently, left for the adjudicator.
    """

    start: int
    end: int
    label: str
    text: str
    attributes: dict[str, Any]
    unsettled: tuple[str, ...]
    sources: tuple[Span, ...]


def _agreed_attributes(
    sources: Sequence[Span] | Sequence[Event],
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The attributes every source gave alike, and the names of those they set differently."""
    names = sorted({name for s in sources for name in s.attributes})
    agreed, unsettled = {}, []
    for name in names:
        values = [s.attributes.get(name) for s in sources]
        if all(v == values[0] for v in values):
            agreed[name] = values[0]
        else:
            unsettled.append(name)
    return agreed, tuple(unsettled)


def agreed_spans(
    document: AnnotatedDocument, annotators: Sequence[str], minimum: int | None = None
) -> list[AgreedSpan]:
    """Spans on which at least ``minimum`` of the annotators agree exactly, not yet in gold.

    Without ``minimum``, every annotator who annotated the document must agree, and at least
    two must have annotated it (see :func:`annotator.review.agreement.is_annotated`).
    """
    layers: dict[str, dict[Key, Span]] = {name: {} for name in annotators if name != GOLD}
    gold: set[Key] = set()
    for span in sorted(document.spans, key=lambda s: s.id):
        if span.annotator == GOLD:
            gold.add(key_of(span))
        elif span.annotator in layers:
            layers[span.annotator].setdefault(key_of(span), span)
    annotated = [
        name for name, spans in layers.items() if is_annotated(document, name, list(spans.values()))
    ]
    needed = _needed(len(annotated), minimum)
    found: dict[Key, list[Span]] = defaultdict(list)
    for name in annotated:
        for key, span in layers[name].items():
            found[key].append(span)
    agreed = []
    for key in sorted(found):
        sources = found[key]
        if len(sources) >= needed and key not in gold:
            attributes, unsettled = _agreed_attributes(sources)
            agreed.append(AgreedSpan(*key, sources[0].text, attributes, unsettled, tuple(sources)))
    return agreed


def _needed(annotated: int, minimum: int | None) -> int:
    return minimum if minimum is not None else max(2, annotated)


def agreed_links(
    document: AnnotatedDocument, annotators: Sequence[str], minimum: int | None = None
) -> list[tuple[Key, Key, str]]:
    """(event key, argument key, role) of links enough annotators made (as for spans)."""
    by_id = {span.id: span for span in document.spans}
    layers = {name: [s for s in document.spans if s.annotator == name] for name in annotators}
    needed = _needed(
        sum(1 for name, spans in layers.items() if is_annotated(document, name, spans)), minimum
    )
    holders: dict[tuple[Key, Key, str], set[str]] = defaultdict(set)
    for relation in document.relations:
        source, target = by_id.get(relation.source), by_id.get(relation.target)
        if relation.annotator in annotators and source is not None and target is not None:
            holders[key_of(source), key_of(target), relation.role].add(relation.annotator)
    return sorted(link for link, names in holders.items() if len(names) >= needed)


@dataclass(frozen=True)
class AgreedEvent:
    """An event enough annotators coded identically (:mod:`annotator.review.events`: the same
    type, trigger and role fillers), ready to go into gold.

    Its trigger and arguments are given by (start, end, label), in the order of the first
    source's arguments: gold spans of those extents carry them. ``attributes`` holds the
    values every source gave; ``unsettled`` names the attributes they set differently.
    """

    label: str
    trigger: Key | None
    arguments: tuple[tuple[str, Key], ...]
    attributes: dict[str, Any]
    unsettled: tuple[str, ...]
    sources: tuple[Event, ...]


def _event_forms(
    events: Sequence[Event], spans: Sequence[Span], rules: EventRules
) -> list[tuple[EventForm, Event]]:
    """Each event with its form; events with an event as argument are left out (their
    adjudicator accepts them one by one)."""
    simple = [e for e in events if all(a.span is not None for a in e.arguments)]
    rows = {s.id: key_of(s) for s in spans}
    return list(zip(rules.forms(event_rows(simple), rows), simple, strict=True))


def agreed_events(
    document: AnnotatedDocument,
    annotators: Sequence[str],
    schema: Schema,
    minimum: int | None = None,
) -> list[AgreedEvent]:
    """Events at least ``minimum`` of the annotators coded identically, not yet in gold
    (the annotators and ``minimum`` as for :func:`agreed_spans`).

    Several events of one form in one layer (two identical events) agree as many times as
    that many annotators have them; gold's events of that form count against them.
    """
    rules = EventRules(schema)
    names = [name for name in annotators if name != GOLD]
    spans: dict[str, list[Span]] = {name: [] for name in (*names, GOLD)}
    for span in document.spans:
        if span.annotator in spans:
            spans[span.annotator].append(span)
    events: dict[str, list[Event]] = {name: [] for name in (*names, GOLD)}
    for event in sorted(document.events, key=lambda e: e.id):
        if event.annotator in events:
            events[event.annotator].append(event)
    annotated = [name for name in names if is_annotated(document, name, spans[name])]
    needed = _needed(len(annotated), minimum)
    coded: dict[EventForm, dict[str, list[Event]]] = defaultdict(dict)
    for name in annotated:
        for form, event in _event_forms(events[name], spans[name], rules):
            coded[form].setdefault(name, []).append(event)
    in_gold: dict[EventForm, int] = defaultdict(int)
    for form, _ in _event_forms(events[GOLD], spans[GOLD], rules):
        in_gold[form] += 1
    by_id = {span.id: span for span in document.spans}
    agreed = []
    for form in sorted(coded, key=_form_order):
        holders = coded[form]
        counts = sorted((len(found) for found in holders.values()), reverse=True)
        times = counts[needed - 1] if len(counts) >= needed else 0
        for number in range(in_gold[form], times):
            sources = tuple(found[number] for found in holders.values() if len(found) > number)
            first = sources[0]
            arguments = tuple((a.role, key_of(by_id[a.span])) for a in first.arguments)
            attributes, unsettled = _agreed_attributes(sources)
            agreed.append(
                AgreedEvent(form.label, form.trigger, arguments, attributes, unsettled, sources)
            )
    return agreed


def _form_order(form: EventForm) -> tuple:
    """Text order: by trigger (events with none first), then type, then fillers."""
    return (form.trigger is not None, form.trigger or (), repr(form.kind), form.roles)
