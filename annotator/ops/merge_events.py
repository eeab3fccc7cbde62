"""Events in a merge: the source's checked against this project's schema, then written into
a layer in place of ours.

An event here with the same type, trigger and arguments (in order) as one of the source's is
kept under its id, its attributes brought up to date (counted as changed, as is one that lost
an argument with a span the merge removed); the others are added or removed. The
schema's rules (:func:`annotator.core.events.event_problems`) hold for a merged event as for
one made in the window: an argument in a role the type lacks here is left out, an event that
breaks the rules otherwise is left out whole, and the report counts both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from annotator.core.events import Filler, event_problems
from annotator.core.model import Argument, Event
from annotator.core.records import PreparedEvent, PreparedSpan
from annotator.core.schema import Schema
from annotator.ops.merge_report import LayerReport, MergeReport
from annotator.store.project import Project


def checked_events(
    events: Iterable[PreparedEvent],
    spans: dict[str, PreparedSpan],
    schema: Schema,
    report: MergeReport,
    document: str,
) -> list[PreparedEvent]:
    """The events of one layer (in making order) that this schema takes; ``spans`` are the
    layer's, by key. An argument whose event was left out goes with it."""
    kept: dict[str, PreparedEvent] = {}
    for event in events:
        trigger = None
        if event.trigger is not None:
            span = spans.get(event.trigger)
            if span is None:
                report.unmatched.events += 1
                continue
            trigger = Filler(event.trigger, span.label, span.text)
        label = schema.label(event.label)
        arguments, fillers = [], []
        for role, key in event.arguments:
            if key in spans:
                filler = Filler(key, spans[key].label, spans[key].text)
            elif key in kept:
                filler = Filler(key, kept[key].label, f"{kept[key].label} event")
            else:
                report.unmatched.arguments += 1
                continue
            if label is not None and label.kind == "event" and label.role(role) is None:
                report.roles_unknown += 1
                continue
            arguments.append((role, key))
            fillers.append((role, filler))
        problems = event_problems(schema, event.label, trigger, fillers)
        if problems:
            report.events_refused.append(f"«{document}»: {problems[0]}")
            continue
        kept[event.key] = replace(event, arguments=tuple(arguments))
    return list(kept.values())


def replace_events(
    project: Project,
    document_id: int,
    annotator: str,
    events: list[PreparedEvent],
    span_ids: dict[str, int],
    before: list[Event],
    report: LayerReport,
    time: str,
) -> None:
    """Write the source's events (in making order) in place of ours, once the spans are
    replaced: ``span_ids`` maps the source's span keys to ours, ``before`` are our events
    as they were (those on spans the merge removed have gone with them)."""
    waiting: dict[tuple, list[Event]] = defaultdict(list)
    for event in project.events.for_document(document_id, annotator):
        waiting[event.label, event.trigger, event.arguments].append(event)
    was = {event.id: event for event in before}
    made: dict[str, int] = {}
    kept: set[int] = set()
    for event in events:
        trigger = span_ids[event.trigger] if event.trigger is not None else None
        arguments = tuple(
            Argument(role, span=span_ids[key])
            if key in span_ids
            else Argument(role, event=made[key])
            for role, key in event.arguments
        )
        same = waiting.get((event.label, trigger, arguments))
        if same:
            mine = same.pop(0)
            changes = {
                name: value
                for name, value, was in (
                    ("attributes", event.attributes, mine.attributes),
                    ("provenance", event.provenance, mine.provenance),
                )
                if value != was
            }
            if changes:
                project.events.update(mine.id, time, **changes)
            if changes or was[mine.id].arguments != mine.arguments:  # or lost one with its span
                report.events_changed += 1
            made[event.key] = mine.id
            kept.add(mine.id)
            continue
        made[event.key] = project.events.add(
            document_id,
            annotator,
            event.label,
            trigger,
            arguments,
            event.attributes,
            time=time,
            provenance=event.provenance,
        )
        report.events_added += 1
    for left in waiting.values():
        for event in left:
            project.events.delete(event.id)
    report.events_removed += sum(1 for event in before if event.id not in kept)
