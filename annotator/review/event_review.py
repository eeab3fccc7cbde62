"""One document's event disagreements as the review screen lists them: per disagreement its
kind, the event of each side, where it is, and a short description a researcher reads.

The comparison itself is :func:`annotator.review.diff.disagreements`; this names what it
found. An event is named by its trigger's text, its type (the values of its typing
attributes, or its label) and, where it helps tell events on one trigger apart, its
arguments: «اشتباكات» (Battles / Armed clash: actor1 «الجيش», location «قرية الدوالي»). An
event with no trigger word is named by its type and arguments alone.

The descriptions are English, built from the templates below (``*_TEXT``); ``differences``
gives each side's value as text, so that a translated list can be built from the same parts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.model import AnnotatedDocument, Event, Span
from annotator.core.schema import Schema
from annotator.review.diff import disagreements
from annotator.review.disagreement import Disagreement, Kind
from annotator.review.events import EventRules

MISSING_EVENT_TEXT = "{has} codes {event}; {lacks} has no such event"
DIFFERENCE_TEXT = "{what}: {first} {first_value}, {second} {second_value}"
EVENT_TEXT = "«{trigger}» ({summary})"
NO_TRIGGER_TEXT = "an event with no trigger word ({summary})"
NOTHING_TEXT = "none"
LINE_TEXT = "{filler} (line {line})"  # two different spans of the same words
TYPE = "type"  # the name of the one difference an event type disagreement lists


@dataclass(frozen=True)
class EventDisagreementSummary:
    """One event disagreement, named for the review list.

    ``first_event`` is the event of ``annotators[0]``, ``second_event`` that of
    ``annotators[1]`` (None on the side that lacks it); ``differences`` maps what differs —
    ``type``, a role, an attribute — to its two values as text; ``disagreement`` is the whole
    record (triggers, argument spans to mark, raw differences)."""

    kind: str
    annotators: tuple[str, str]
    first_event: Event | None
    second_event: Event | None
    start: int
    end: int
    differences: dict[str, tuple[str, str]]
    description: str
    disagreement: Disagreement

    @property
    def events(self) -> tuple[Event, ...]:
        return self.disagreement.events

    @property
    def missing_from(self) -> str | None:
        return self.disagreement.missing_from


class EventNames:
    """How a document's events, spans and values read in a description. The words are the
    command line's; the window's descriptions override :meth:`join` and :meth:`said` to say
    them in its language."""

    def __init__(
        self, spans: Iterable[Span], events: Iterable[Event], rules: EventRules, text: str = ""
    ) -> None:
        self.spans: dict[int, Span] = {span.id: span for span in spans}
        self.events: dict[int, Event] = {event.id: event for event in events}
        self.on_trigger = Counter((e.annotator, e.trigger) for e in self.events.values())
        self.text_of_document = text  # for line numbers
        self.rules = rules

    def join(self, items: Iterable[str]) -> str:
        return ", ".join(items)

    def said(self, trigger: str | None, summary: str) -> str:
        """An event by its trigger word and summary (its type, and arguments)."""
        if trigger is None:
            return NO_TRIGGER_TEXT.format(summary=summary)
        return EVENT_TEXT.format(trigger=trigger, summary=summary)

    def type(self, event: Event) -> str:
        values = [event.attributes.get(n) for n in self.rules.typing_of(event.label)]
        shown = [str(v) for v in values if v not in (None, "")]
        return " / ".join(shown) if shown else event.label

    def text(self, span_id: int | None) -> str | None:
        span = self.spans.get(span_id) if span_id is not None else None
        return span.text if span is not None else None

    def filler(self, span: int | None, event: int | None, lines: bool = False) -> str:
        if span is not None:
            filler = f"«{self.text(span) or '?'}»"
            if lines and span in self.spans:
                line = self.text_of_document.count("\n", 0, self.spans[span].start) + 1
                return LINE_TEXT.format(filler=filler, line=line)
            return filler
        nested = self.events.get(event) if event is not None else None
        return self.event(nested, arguments=False) if nested is not None else "?"

    def fillers(self, event: Event, role: str, lines: bool = False) -> str:
        found = [self.filler(a.span, a.event, lines) for a in event.arguments if a.role == role]
        return ", ".join(found) if found else NOTHING_TEXT

    def arguments(self, event: Event, leaving: Collection[str] = ()) -> str:
        return self.join(
            f"{a.role} {self.filler(a.span, a.event)}"
            for a in event.arguments
            if a.role not in leaving
        )

    def event(self, event: Event, arguments: bool = True) -> str:
        summary = self.type(event)
        if arguments and event.arguments:
            summary = f"{summary}: {self.arguments(event)}"
        return self.said(self.text(event.trigger), summary)

    def where(self, first: Event, second: Event, differing: Collection[str]) -> str:
        """A pair named by its triggers («سيطرته» / «سيطرته الكاملة»), or its events. When
        a layer has several events on the trigger, the arguments of the first that are not in
        question tell which: «اشتباكات» (location «قرية الدوالي»)."""
        triggers = [self.text(e.trigger) for e in (first, second)]
        if None in triggers:
            return " / ".join(self.event(e, arguments=False) for e in (first, second))
        named = " / ".join(f"«{t}»" for t in dict.fromkeys(triggers))
        shared = any(self.on_trigger[e.annotator, e.trigger] > 1 for e in (first, second))
        told = self.arguments(first, differing) if shared else ""
        return f"{named} ({told})" if told else named


def _value(value: Any) -> str:
    return NOTHING_TEXT if value in (None, "") else str(value)


def _differences(found: Disagreement, names: EventNames) -> dict[str, tuple[str, str]]:
    a, b = found.first_event, found.second_event
    if a is None or b is None:
        return {}
    if found.kind == Kind.EVENT_TYPE:
        return {TYPE: (names.type(a), names.type(b))}
    if found.kind == Kind.ROLE_FILLER:
        differences = {}
        for role in found.differences:
            mine, theirs = names.fillers(a, role), names.fillers(b, role)
            if mine == theirs:  # the same words, marked in different places
                mine, theirs = names.fillers(a, role, True), names.fillers(b, role, True)
            differences[role] = (mine, theirs)
        return differences
    return {name: (_value(x), _value(y)) for name, (x, y) in found.differences.items()}


def _description(
    found: Disagreement, differences: Mapping[str, tuple[str, str]], names: EventNames
) -> str:
    first, second = found.annotators
    a, b = found.first_event, found.second_event
    if a is None or b is None:
        (event,) = found.events
        has, lacks = (first, second) if b is None else (second, first)
        return MISSING_EVENT_TEXT.format(has=has, lacks=lacks, event=names.event(event))
    listed = "; ".join(
        DIFFERENCE_TEXT.format(what=what, first=first, first_value=x, second=second, second_value=y)
        for what, (x, y) in differences.items()
    )
    differing = found.differences if found.kind == Kind.ROLE_FILLER else ()
    return f"{names.where(a, b, differing)} — {listed}"


def summarise(
    found: Sequence[Disagreement], document: AnnotatedDocument, schema: Schema | None = None
) -> list[EventDisagreementSummary]:
    """The event disagreements among ``found`` (disagreements of ``document``), named."""
    names = EventNames(document.spans, document.events, EventRules(schema), document.document.text)
    summaries = []
    for item in found:
        if item.kind not in Kind.EVENTS:
            continue
        differences = _differences(item, names)
        summaries.append(
            EventDisagreementSummary(
                item.kind,
                item.annotators,
                item.first_event,
                item.second_event,
                item.start,
                item.end,
                differences,
                _description(item, differences, names),
                item,
            )
        )
    return summaries


def event_disagreements(
    document: AnnotatedDocument,
    annotators: Sequence[str] | None = None,
    schema: Schema | None = None,
) -> list[EventDisagreementSummary]:
    """Where the given layers of one document disagree on events, in text order, each named
    (with no annotators given, every layer is compared)."""
    return summarise(disagreements(document, annotators, schema), document, schema)
