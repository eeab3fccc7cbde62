"""Where two layers' events disagree, by kind, for the list the window walks.

Events pair as agreement pairs them (:func:`annotator.review.events.pair_events`); then

- *missing event*: an event the other layer has nothing for — several events on one
  trigger pair one to one, so the second of two clashes coded on «اشتباكات» is missing from
  the layer that coded one;
- *event type*: a pair whose types differ — the label, or a typing attribute (conflict:
  ``event_type``, ``sub_event_type``);
- *role filler*: a pair whose fillers of some role do not agree (one to one, same label,
  overlapping; a filler that only differs in extent is a boundary disagreement of spans);
- *event attribute*: a pair (agreeing or not) whose other attributes differ (fatalities,
  date…).

The events' triggers are the disagreement's spans; its fillers are the arguments involved
(for events with no trigger, all their arguments: they place the disagreement in the text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.model import Event, Span
from annotator.review.disagreement import Disagreement, Kind, disagreement
from annotator.review.events import (
    EVENT_TYPE,
    ROLE_FILLER,
    EventForm,
    EventRules,
    attribute_differences,
    differing_roles,
    event_rows,
    pair_events,
)


class _LayerEvents:
    """One layer of a document as the comparison of events reads it."""

    def __init__(self, spans: Sequence[Span], events: Sequence[Event], rules: EventRules) -> None:
        self.spans = {span.id: span for span in spans}
        self.events = list(events)
        rows = {span.id: (span.start, span.end, span.label) for span in spans}
        self.forms: list[EventForm] = rules.forms(event_rows(events), rows)

    def trigger(self, event: Event) -> Span | None:
        return self.spans.get(event.trigger) if event.trigger is not None else None

    def fillers(self, event: Event, roles: Sequence[str] | None = None) -> list[Span]:
        """The spans filling the event's roles (or only ``roles``), in argument order."""
        return [
            self.spans[a.span]
            for a in event.arguments
            if a.span in self.spans and (roles is None or a.role in roles)
        ]


def _type_differences(a: Event, b: Event, rules: EventRules) -> dict[str, tuple[Any, Any]]:
    differences: dict[str, tuple[Any, Any]] = {}
    if a.label != b.label:
        differences["label"] = (a.label, b.label)
    names = dict.fromkeys((*rules.typing_of(a.label), *rules.typing_of(b.label)))
    for name in names:
        mine, theirs = a.attributes.get(name), b.attributes.get(name)
        if mine != theirs:
            differences[name] = (mine, theirs)
    return differences


def _role_differences(
    first: _LayerEvents, second: _LayerEvents, i: int, j: int
) -> tuple[dict[str, tuple[Any, Any]], list[Span]]:
    a, b = first.events[i], second.events[j]
    roles = differing_roles(first.forms[i].roles, second.forms[j].roles)
    differences = {
        role: (
            [s.id for s in first.fillers(a, (role,))],
            [s.id for s in second.fillers(b, (role,))],
        )
        for role in roles
    }
    return differences, first.fillers(a, roles) + second.fillers(b, roles)


def compare_events(
    pair: tuple[str, str],
    first_spans: Sequence[Span],
    second_spans: Sequence[Span],
    first_events: Sequence[Event],
    second_events: Sequence[Event],
    rules: EventRules,
) -> list[Disagreement]:
    """The disagreements between two layers' events in one document."""
    if not first_events and not second_events:
        return []
    first = _LayerEvents(first_spans, first_events, rules)
    second = _LayerEvents(second_spans, second_events, rules)
    pairing = pair_events(first.forms, second.forms)
    found = []

    def add(kind: str, i: int | None, j: int | None, **extra: Any) -> None:
        a = first.events[i] if i is not None else None
        b = second.events[j] if j is not None else None
        if "fillers" not in extra and not (a and a.trigger) and not (b and b.trigger):
            # no trigger to place it on: its arguments place it
            extra["fillers"] = (
                *(first.fillers(a) if a else ()),
                *(second.fillers(b) if b else ()),
            )
        found.append(
            disagreement(
                kind,
                pair,
                first.trigger(a) if a else None,
                second.trigger(b) if b else None,
                first_event=a,
                second_event=b,
                **extra,
            )
        )

    for i in pairing.unpaired_first:
        add(Kind.MISSING_EVENT, i, None, fillers=tuple(first.fillers(first.events[i])))
    for j in pairing.unpaired_second:
        add(Kind.MISSING_EVENT, None, j, fillers=tuple(second.fillers(second.events[j])))
    for (i, j), kinds in zip(pairing.differing, pairing.kinds, strict=True):
        a, b = first.events[i], second.events[j]
        if EVENT_TYPE in kinds:
            add(Kind.EVENT_TYPE, i, j, differences=_type_differences(a, b, rules))
        if ROLE_FILLER in kinds:
            differences, fillers = _role_differences(first, second, i, j)
            add(Kind.ROLE_FILLER, i, j, differences=differences, fillers=tuple(fillers))
    for i, j in (*pairing.exact, *pairing.overlap, *pairing.differing):
        a, b = first.events[i], second.events[j]
        differences = attribute_differences(rules, (a.label, a.attributes), (b.label, b.attributes))
        if differences:
            add(Kind.EVENT_ATTRIBUTE, i, j, differences=differences)
    return found
