"""Accepting one annotator's version of an event into gold, and taking it back.

The event comes whole: its type, attributes, trigger and arguments. Its trigger and its
arguments' spans are found in gold — the gold spans accepted from them, or of the same extent
and label — or copied there with it. The gold event records its provenance (who adjudicated,
from whose event, when, under which guideline version: :mod:`annotator.review.adjudicate`).
Undo puts gold back exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.model import GOLD, Argument, Event, Span, Status
from annotator.ops.adjudicating import GoldSpans, mark_gold
from annotator.ops.editing import EditError
from annotator.ops.event_editing import check, put_back_event
from annotator.review.adjudicate import ACCEPTED, event_provenance, sources_of
from annotator.store.project import Project, now


@dataclass(frozen=True)
class AcceptedEvent:
    """What accepting an event did, so that the window can show it and undo it."""

    gold: Event
    created: bool  # False: a gold event took the new version (see :func:`accept_event`)
    previous: Event | None  # that gold event as it was before
    spans: tuple[Span, ...]  # gold spans made for its trigger and arguments
    replaced: tuple[Event, ...]  # gold events it took the place of
    skipped: tuple[str, ...] = ()  # arguments left out, and why
    marked: bool = False  # gold had no status for the document: the accept set one
    holders: tuple[Event, ...] = ()  # gold events a replaced event was an argument of, as they were


def _record(event: Event) -> dict:
    return {
        "event": event.id,
        "label": event.label,
        "trigger": event.trigger,
        "arguments": [[a.role, a.span, a.event] for a in event.arguments],
        "attributes": event.attributes,
    }


def _gold_event_of(project: Project, source: Event) -> dict[tuple[str, int], Event]:
    """Gold events of the document by the (annotator, event id) they came from."""
    found: dict[tuple[str, int], Event] = {}
    for event in project.events.for_document(source.document_id, GOLD):
        for origin in sources_of(event):
            found.setdefault((origin.get("annotator"), origin.get("event")), event)
    return found


def _same(event: Event, label: str, trigger: int | None, arguments: list[Argument]) -> bool:
    return (event.label, event.trigger, set(event.arguments)) == (label, trigger, set(arguments))


def accept_event(
    project: Project, event_id: int, adjudicator: str, *, replacing: Iterable[int] = ()
) -> AcceptedEvent:
    """Put one annotator's version of an event into gold, with its trigger and arguments.

    If gold has the event accepted from this very event before, or one with the same type,
    trigger and arguments, that gold event takes the new version (same id). ``replacing``:
    gold events it takes the place of (another annotator's version accepted before), removed
    in the same step. An argument that is another event comes along when that event's gold
    version exists; otherwise it is left out and said in ``skipped``.
    """
    source = project.events.get(event_id)
    if source is None:
        raise EditError(f"event {event_id} no longer exists")
    if source.annotator == GOLD:
        raise EditError("this event is in the gold layer already")
    document_id = source.document_id
    time = now()
    with project.write():
        replaced = []
        for gold_id in dict.fromkeys(replacing):
            old = project.events.get(gold_id)
            if old is None or old.annotator != GOLD or old.document_id != document_id:
                raise EditError(f"event {gold_id} is not a gold event of this document")
            replaced.append(old)
        gone = {old.id for old in replaced}
        holders = tuple(
            e
            for e in project.events.for_document(document_id, GOLD)
            if e.id not in gone and any(a.event in gone for a in e.arguments)
        )
        for old in replaced:
            project.events.delete(old.id)
            project.audit.record(
                time, adjudicator, "event delete", document_id, old.trigger, before=_record(old)
            )
        gold_spans = GoldSpans(project, document_id)
        made_spans: list[Span] = []

        def gold_span(span_id: int) -> int:
            gold, made = gold_spans.copy(project.spans.get(span_id), adjudicator, time)
            if made:
                made_spans.append(gold)
            return gold.id

        trigger = gold_span(source.trigger) if source.trigger is not None else None
        gold_events = _gold_event_of(project, source)
        arguments, skipped = [], []
        for argument in source.arguments:
            if argument.span is not None:
                arguments.append(Argument(argument.role, gold_span(argument.span)))
                continue
            nested = gold_events.get((source.annotator, argument.event))
            if nested is None:
                skipped.append(
                    f"its {argument.role} is an event not in gold yet: accept that event first"
                )
            else:
                arguments.append(Argument(argument.role, event=nested.id))
        previous = gold_events.get((source.annotator, source.id)) or next(
            (
                e
                for e in project.events.for_document(document_id, GOLD)
                if _same(e, source.label, trigger, arguments)
            ),
            None,
        )
        check(
            project,
            document_id,
            GOLD,
            source.label,
            trigger,
            arguments,
            previous.id if previous is not None else None,
        )
        spans = {s.id: s for s in project.spans.for_document(document_id, source.annotator)}
        made = event_provenance(
            adjudicator, [source], spans, ACCEPTED, project.schema.version, time
        )
        if previous is not None:
            project.events.update(
                previous.id,
                time,
                label=source.label,
                trigger=trigger,
                attributes=source.attributes,
                provenance=made,
            )
            project.events.set_arguments(previous.id, arguments)
            gold_id = previous.id
        else:
            gold_id = project.events.add(
                document_id,
                GOLD,
                source.label,
                trigger,
                arguments,
                source.attributes,
                time=time,
                provenance=made,
            )
        gold = project.events.get(gold_id)
        marked = mark_gold(project, document_id, time)
        project.audit.record(
            time,
            adjudicator,
            "accept event",
            document_id,
            trigger,
            before=_record(previous) if previous else None,
            after={**_record(gold), "from": made["from"]},
        )
    return AcceptedEvent(
        gold,
        previous is None,
        previous,
        tuple(made_spans),
        tuple(replaced),
        tuple(skipped),
        marked,
        holders,
    )


def undo_accept_event(project: Project, accepted: AcceptedEvent, adjudicator: str) -> None:
    """Take back :func:`accept_event`: the gold event as it was (or gone), the spans made for
    it gone, the events it replaced back, gold's status as it was."""
    time = now()
    gold = accepted.gold
    with project.write():
        if accepted.created:
            project.events.delete(gold.id)
        else:
            previous = accepted.previous
            project.events.update(
                gold.id,
                time,
                label=previous.label,
                trigger=previous.trigger,
                attributes=previous.attributes,
                provenance=previous.provenance,
            )
            project.events.set_arguments(gold.id, previous.arguments)
        for span in accepted.spans:
            project.spans.delete(span.id)
        for event in accepted.replaced:
            put_back_event(project, event, time)
        for holder in accepted.holders:
            if project.events.get(holder.id) is not None:
                project.events.set_arguments(holder.id, holder.arguments)
        if accepted.marked:
            project.progress.set(gold.document_id, GOLD, Status.NEW, time)
        project.audit.record(
            time,
            adjudicator,
            "undo accept event",
            gold.document_id,
            gold.trigger,
            before=_record(gold),
        )
