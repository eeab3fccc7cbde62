"""Adjudication: bringing annotators' spans and events into the gold layer, each with its
provenance.

Gold spans and events are ordinary spans and events of the layer ``gold`` (edit them with
``ops/editing.py`` and ``ops/event_editing.py``); only these functions,
``ops/event_adjudicating.py`` and the editing of gold write that layer, and a merge never
does. Each function is one transaction with an audit entry, like every edit, and each accept
can be taken back exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.events import Filler, event_problems
from annotator.core.model import GOLD, Argument, Event, Relation, Span, Status
from annotator.ops.editing import DeletedSpan, EditError, deleting, put_back
from annotator.review.adjudicate import (
    ACCEPTED,
    AGREED,
    AgreedEvent,
    AgreedSpan,
    Key,
    agreed_events,
    agreed_links,
    agreed_spans,
    event_provenance,
    key_of,
    provenance,
    sources_of,
)
from annotator.store.project import Project, now
from annotator.store.streams import iter_annotated


@dataclass(frozen=True)
class Accepted:
    """What accepting a span did, so that the window can show it and undo it."""

    gold: Span
    created: bool  # False: an identical gold span (extent and label) took the new version
    previous: Span | None  # that gold span as it was before
    links: tuple[Relation, ...]  # links added to gold with it
    replaced: tuple[DeletedSpan, ...]  # gold spans it took the place of
    skipped_links: tuple[str, ...] = ()  # links and arguments left out, and why
    marked: bool = False  # gold had no status for the document: the accept set one


def add_copy(project: Project, source: Span, made: dict[str, Any], time: str) -> int:
    """A gold copy of ``source`` (attributes and entity too) with its provenance; its id."""
    return project.spans.add(
        source.document_id,
        GOLD,
        source.label,
        source.start,
        source.end,
        source.text,
        source.attributes,
        entity_id=source.entity_id,
        provenance=made,
        time=time,
    )


class GoldSpans:
    """The gold spans of a document, found by the spans they came from or by extent and
    label: where an accepted span or event finds what gold has already."""

    def __init__(self, project: Project, document_id: int) -> None:
        self.project = project
        self.by_source: dict[tuple[str, int], Span] = {}
        self.by_key: dict[Key, Span] = {}
        for span in project.spans.for_document(document_id, GOLD):
            self.add(span)

    def add(self, span: Span) -> None:
        self.by_key.setdefault(key_of(span), span)
        for source in sources_of(span):
            self.by_source.setdefault((source.get("annotator"), source.get("span")), span)

    def counterpart(self, span: Span) -> Span | None:
        return self.by_source.get((span.annotator, span.id)) or self.by_key.get(key_of(span))

    def copy(self, source: Span, adjudicator: str, time: str) -> tuple[Span, bool]:
        """The gold version of ``source``: the one gold has, or a copy made now (True)."""
        found = self.counterpart(source)
        if found is not None:
            return found, False
        made = provenance(adjudicator, [source], ACCEPTED, self.project.schema.version, time)
        gold = self.project.spans.get(add_copy(self.project, source, made, time))
        self.add(gold)
        self.by_source[source.annotator, source.id] = gold
        return gold, True


def span_record(span: Span) -> dict[str, Any]:
    return {
        "id": span.id,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "attributes": span.attributes,
    }


def mark_gold(project: Project, document_id: int, time: str) -> bool:
    """Gold's status of the document becomes "in progress" if it had none; whether it did."""
    if project.progress.get(document_id, GOLD) is not None:
        return False
    project.progress.set(document_id, GOLD, Status.IN_PROGRESS, time)
    return True


def _add_link(
    project: Project, source: Span, target: Span, role: str, time: str
) -> tuple[Relation | None, str | None]:
    """Add a gold link unless it is there already."""
    if project.relations.find(source.id, target.id, role) is not None:
        return None, None
    relation_id = project.relations.add(
        source.document_id, GOLD, source.id, target.id, role, time=time
    )
    return project.relations.get(relation_id), None


def _fits(project: Project, event: Event, trigger: int | None, arguments: list[Argument]) -> bool:
    """Whether a gold event may have this trigger and these arguments (its rules)."""

    def filler(span_id: int) -> Filler:
        span = project.spans.get(span_id)
        return Filler(span_id, span.label, span.text)

    fillers = [(a.role, filler(a.span)) for a in arguments if a.span is not None]
    made = filler(trigger) if trigger is not None else None
    return not event_problems(project.schema, event.label, made, fillers)


def _take_over(
    project: Project, replaced: Sequence[DeletedSpan], gold: Span, time: str
) -> list[str]:
    """The gold span that replaces others takes their place in gold's events: as the trigger
    of those they triggered and in the roles they filled, where the rules allow. Returns
    what could not be carried over."""
    old = {deleted.span.id for deleted in replaced}
    skipped = []

    def moved(event: Event, trigger: int | None) -> list[Argument]:
        arguments: list[Argument] = []
        for argument in event.arguments:
            if argument.span in old:
                argument = Argument(argument.role, gold.id)
            elif argument.span is not None and project.spans.get(argument.span) is None:
                continue
            if argument.span != trigger and argument not in arguments:
                arguments.append(argument)
        return arguments

    triggered = {e.id: e for deleted in replaced for e in deleted.events}
    for event in triggered.values():
        arguments = moved(event, gold.id)
        if not _fits(project, event, gold.id, arguments):
            skipped.append(f"the {event.label} event on «{gold.text}» could not be kept")
            continue
        project.events.add(
            event.document_id,
            GOLD,
            event.label,
            gold.id,
            arguments,
            event.attributes,
            time=time,
            provenance=event.provenance,
            event_id=event.id,
        )
    filled = {e.id: e for deleted in replaced for e in deleted.filled if e.id not in triggered}
    for event in filled.values():
        current = project.events.get(event.id)
        if current is None:
            continue
        arguments = moved(event, current.trigger)
        if _fits(project, current, current.trigger, arguments):
            project.events.set_arguments(event.id, arguments)
        else:
            skipped.append(f"«{gold.text}» could not take its place in a {event.label} event")
    return skipped


def accept(
    project: Project, span_id: int, adjudicator: str, *, replacing: Iterable[int] = ()
) -> Accepted:
    """Put one annotator's version of a span into gold, with its attributes and the links
    (not events' arguments) whose other end is in gold already. ``replacing``: gold spans it
    takes the place of — in gold's events too, as trigger or argument."""
    source = project.spans.get(span_id)
    if source is None:
        raise EditError(f"span {span_id} no longer exists")
    if source.annotator == GOLD:
        raise EditError("this span is in the gold layer already")
    time = now()
    with project.write():
        olds = []
        for gold_id in dict.fromkeys(replacing):
            old = project.spans.get(gold_id)
            if old is None or old.annotator != GOLD or old.document_id != source.document_id:
                raise EditError(f"span {gold_id} is not a gold span of this document")
            olds.append(old)
        removed = [deleting(project, old) for old in olds]  # all read before any goes
        for old in olds:
            project.spans.delete(old.id)
            project.audit.record(
                time, adjudicator, "delete", old.document_id, old.id, before=span_record(old)
            )
        gold_spans = GoldSpans(project, source.document_id)
        made = provenance(adjudicator, [source], ACCEPTED, project.schema.version, time)
        previous = gold_spans.by_key.get(key_of(source))
        if previous is not None:
            project.spans.update(
                previous.id,
                time,
                attributes=source.attributes,
                entity_id=source.entity_id,
                provenance=made,
            )
            gold_id = previous.id
        else:
            gold_id = add_copy(project, source, made, time)
        gold = project.spans.get(gold_id)
        gold_spans.by_source[source.annotator, source.id] = gold
        skipped = _take_over(project, removed, gold, time) if removed else []
        links = _copy_links(project, source, gold, gold_spans, time)
        marked = mark_gold(project, source.document_id, time)
        project.audit.record(
            time,
            adjudicator,
            "accept",
            source.document_id,
            gold_id,
            before=span_record(previous) if previous else None,
            after={**span_record(gold), "from": made["from"]},
        )
    return Accepted(
        gold, previous is None, previous, tuple(links), tuple(removed), tuple(skipped), marked
    )


def _copy_links(
    project: Project, source: Span, gold: Span, gold_spans: GoldSpans, time: str
) -> list[Relation]:
    links = []
    for relation in project.relations.touching(source.id):
        if relation.annotator != source.annotator:
            continue
        other_id = relation.target if relation.source == source.id else relation.source
        other = project.spans.get(other_id)
        partner = gold_spans.counterpart(other) if other else None
        if partner is None:
            continue  # the other end is not in gold (yet): accepting it brings the link
        start, end = (gold, partner) if relation.source == source.id else (partner, gold)
        added, _ = _add_link(project, start, end, relation.role, time)
        if added is not None:
            links.append(added)
    return links


def undo_accept(project: Project, accepted: Accepted, adjudicator: str) -> None:
    """Take back :func:`accept`: the gold span as it was (or gone), the spans it replaced
    back with their links and their places in gold's events, gold's status as it was."""
    time = now()
    with project.write():
        gold = accepted.gold
        if accepted.created:
            project.spans.delete(gold.id)  # what took over from the replaced goes with it
        else:
            previous = accepted.previous
            project.spans.update(
                gold.id,
                time,
                attributes=previous.attributes,
                entity_id=previous.entity_id,
                provenance=previous.provenance,
            )
            for link in accepted.links:
                project.relations.delete(link.id)
            for replaced in accepted.replaced:  # events it took over go, to come back as they were
                for event in replaced.events:
                    project.events.delete(event.id)
        for replaced in accepted.replaced:
            put_back(project, replaced, time)
        if accepted.marked:
            project.progress.set(gold.document_id, GOLD, Status.NEW, time)
        project.audit.record(
            time, adjudicator, "undo accept", gold.document_id, gold.id, before=span_record(gold)
        )


@dataclass
class AgreedReport:
    documents: int = 0  # documents where something went into gold
    spans_added: int = 0
    events_added: int = 0
    links_added: int = 0
    unsettled: int = 0  # spans and events whose annotators set some attribute differently
    added: list[Span] = field(default_factory=list)
    added_events: list[Event] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.spans_added} agreed spans, {self.events_added} agreed events and "
            f"{self.links_added} links added to gold in {self.documents} documents"
        )
        if self.unsettled:
            text += (
                f"; {self.unsettled} of them have attributes the annotators set differently, "
                "left empty for you to settle"
            )
        return text


def accept_agreed(
    project: Project,
    adjudicator: str,
    annotators: Sequence[str] | None = None,
    minimum: int | None = None,
    documents: Iterable[int] | None = None,
) -> AgreedReport:
    """Put every span and event on which the annotators agree exactly into gold, in one
    transaction.

    Agreement means: every annotator who annotated the document (at least two), or at least
    ``minimum`` of them, has a span with this start, end and label — or an event of this
    type, trigger and fillers (:mod:`annotator.review.events`). What gold has already is
    skipped. Links go along when enough annotators made them and both ends are in gold.
    """
    if minimum is not None and minimum < 1:
        raise EditError("the number of annotators who must agree is at least 1")
    names = [a for a in (annotators or project.annotators()) if a != GOLD]
    wanted = set(documents) if documents is not None else None
    report = AgreedReport()
    time = now()
    plans = []
    for document in iter_annotated(project):
        if wanted is not None and document.document.id not in wanted:
            continue
        agreed = agreed_spans(document, names, minimum)
        events = agreed_events(document, names, project.schema, minimum)
        if agreed or events:
            links = agreed_links(document, names, minimum)
            plans.append((document.document.id, agreed, events, links))
    with project.write():
        for document_id, agreed, events, links in plans:
            _write_agreed(project, document_id, agreed, links, adjudicator, time, report)
            _write_agreed_events(project, document_id, events, adjudicator, time, report)
            report.documents += 1
            project.audit.record(
                time,
                adjudicator,
                "accept agreed",
                document_id,
                None,
                after={"spans": len(agreed), "events": len(events)},
            )
            mark_gold(project, document_id, time)
    return report


def _write_agreed(
    project: Project,
    document_id: int,
    agreed: list[AgreedSpan],
    links: list[tuple[Key, Key, str]],
    adjudicator: str,
    time: str,
    report: AgreedReport,
) -> None:
    for item in agreed:
        made = provenance(adjudicator, item.sources, AGREED, project.schema.version, time)
        if item.unsettled:
            made["unsettled"] = list(item.unsettled)
        entities = {s.entity_id for s in item.sources}
        gold_id = project.spans.add(
            document_id,
            GOLD,
            item.label,
            item.start,
            item.end,
            item.text,
            item.attributes,
            entity_id=entities.pop() if len(entities) == 1 else None,
            provenance=made,
            time=time,
        )
        report.spans_added += 1
        report.unsettled += bool(item.unsettled)
        report.added.append(project.spans.get(gold_id))
    by_key = GoldSpans(project, document_id).by_key
    for source_key, target_key, role in links:
        source, target = by_key.get(source_key), by_key.get(target_key)
        if source is not None and target is not None:
            added, _ = _add_link(project, source, target, role, time)
            report.links_added += added is not None


def _write_agreed_events(
    project: Project,
    document_id: int,
    agreed: list[AgreedEvent],
    adjudicator: str,
    time: str,
    report: AgreedReport,
) -> None:
    """Each agreed event on the gold spans of its trigger's and fillers' extents (the agreed
    spans are in gold by now: every source has them)."""
    if not agreed:
        return
    by_key = GoldSpans(project, document_id).by_key
    spans = {
        span.id: span
        for source in {e.annotator for item in agreed for e in item.sources}
        for span in project.spans.for_document(document_id, source)
    }
    for item in agreed:
        trigger = by_key.get(item.trigger) if item.trigger is not None else None
        fillers = [by_key.get(key) for _, key in item.arguments]
        if (item.trigger is not None and trigger is None) or None in fillers:
            continue
        made = event_provenance(
            adjudicator, item.sources, spans, AGREED, project.schema.version, time
        )
        if item.unsettled:
            made["unsettled"] = list(item.unsettled)
        arguments = [
            Argument(role, filler.id)
            for (role, _), filler in zip(item.arguments, fillers, strict=True)
        ]
        event_id = project.events.add(
            document_id,
            GOLD,
            item.label,
            trigger.id if trigger is not None else None,
            arguments,
            item.attributes,
            time=time,
            provenance=made,
        )
        report.events_added += 1
        report.unsettled += bool(item.unsettled)
        report.added_events.append(project.events.get(event_id))
