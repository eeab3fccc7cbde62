"""Adjudication: bringing annotators' spans into the gold layer, each with its provenance.

Gold spans are ordinary spans of the layer ``gold`` (edit them with ``ops/editing.py``); only
these functions and the editing of gold spans write that layer, and a merge never does.
Each function is one transaction with an audit entry, like every edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import GOLD, Relation, Span, Status
from annotator.ops.editing import DeletedSpan, EditError, put_back
from annotator.review.adjudicate import (
    ACCEPTED,
    AGREED,
    AgreedSpan,
    Key,
    agreed_links,
    agreed_spans,
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
    links: tuple[Relation, ...]  # role links added to gold with it
    replaced: tuple[DeletedSpan, ...]  # gold spans it took the place of
    skipped_links: tuple[str, ...] = ()  # links left out, and why


def _gold_counterparts(gold: Sequence[Span]) -> tuple[dict[tuple[str, int], Span], dict[Key, Span]]:
    """Gold spans by the (annotator, span id) they came from, and by extent and label."""
    by_source: dict[tuple[str, int], Span] = {}
    by_key: dict[Key, Span] = {}
    for span in gold:
        by_key.setdefault(key_of(span), span)
        for source in sources_of(span):
            by_source.setdefault((source.get("annotator"), source.get("span")), span)
    return by_source, by_key


def _counterpart(
    span: Span, by_source: dict[tuple[str, int], Span], by_key: dict[Key, Span]
) -> Span | None:
    return by_source.get((span.annotator, span.id)) or by_key.get(key_of(span))


def _span_record(span: Span) -> dict[str, Any]:
    return {
        "id": span.id,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "attributes": span.attributes,
    }


def _add_link(
    project: Project, event: Span, argument: Span, role: str, time: str
) -> tuple[Relation | None, str | None]:
    """Add a gold link unless it is there already or the role takes only one filler."""
    if project.relations.find(event.id, argument.id, role) is not None:
        return None, None
    label = project.schema.label(event.label)
    role_def = label.role(role) if label else None
    if role_def is None:
        return None, f"{event.label} has no role {role!r} in this schema"
    if not role_def.many:
        for other in project.relations.for_document(event.document_id, GOLD):
            if other.source == event.id and other.role == role:
                return None, f"gold {event.label} «{event.text}» already has its {role}"
    relation_id = project.relations.add(
        event.document_id, GOLD, event.id, argument.id, role, time=time
    )
    return project.relations.get(relation_id), None


def accept(
    project: Project, span_id: int, adjudicator: str, *, replacing: Iterable[int] = ()
) -> Accepted:
    """Put one annotator's version of a span into gold, with its attributes and the role links
    whose other end is in gold already. ``replacing``: gold spans it takes the place of."""
    source = project.spans.get(span_id)
    if source is None:
        raise EditError(f"span {span_id} no longer exists")
    if source.annotator == GOLD:
        raise EditError("this span is in the gold layer already")
    time = now()
    with project.write():
        removed = []
        for gold_id in replacing:
            old = project.spans.get(gold_id)
            if old is None or old.annotator != GOLD or old.document_id != source.document_id:
                raise EditError(f"span {gold_id} is not a gold span of this document")
            removed.append(DeletedSpan(old, tuple(project.relations.touching(gold_id))))
            project.spans.delete(gold_id)
            project.audit.record(
                time, adjudicator, "delete", old.document_id, gold_id, before=_span_record(old)
            )
        gold_spans = project.spans.for_document(source.document_id, GOLD)
        by_source, by_key = _gold_counterparts(gold_spans)
        made = provenance(adjudicator, [source], ACCEPTED, project.schema.version, time)
        previous = by_key.get(key_of(source))
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
            gold_id = project.spans.add(
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
        gold = project.spans.get(gold_id)
        by_source[source.annotator, source.id] = gold
        links, skipped = _copy_links(project, source, gold, by_source, by_key, time)
        if project.progress.get(source.document_id, GOLD) is None:
            project.progress.set(source.document_id, GOLD, Status.IN_PROGRESS, time)
        project.audit.record(
            time,
            adjudicator,
            "accept",
            source.document_id,
            gold_id,
            before=_span_record(previous) if previous else None,
            after={**_span_record(gold), "from": made["from"]},
        )
    return Accepted(gold, previous is None, previous, tuple(links), tuple(removed), tuple(skipped))


def _copy_links(
    project: Project,
    source: Span,
    gold: Span,
    by_source: dict[tuple[str, int], Span],
    by_key: dict[Key, Span],
    time: str,
) -> tuple[list[Relation], list[str]]:
    links, skipped = [], []
    for relation in project.relations.touching(source.id):
        if relation.annotator != source.annotator:
            continue
        other_id = relation.target if relation.source == source.id else relation.source
        other = project.spans.get(other_id)
        partner = _counterpart(other, by_source, by_key) if other else None
        if partner is None:
            continue  # the other end is not in gold (yet): accepting it brings the link
        event, argument = (gold, partner) if relation.source == source.id else (partner, gold)
        added, why = _add_link(project, event, argument, relation.role, time)
        if added is not None:
            links.append(added)
        elif why:
            skipped.append(why)
    return links, skipped


def undo_accept(project: Project, accepted: Accepted, adjudicator: str) -> None:
    """Take back :func:`accept`: the gold span as it was (or gone), replaced spans back."""
    time = now()
    with project.write():
        gold = accepted.gold
        if accepted.created:
            project.spans.delete(gold.id)
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
        for deleted in accepted.replaced:
            put_back(project, deleted, time)
        project.audit.record(
            time, adjudicator, "undo accept", gold.document_id, gold.id, before=_span_record(gold)
        )


@dataclass
class AgreedReport:
    documents: int = 0  # documents where something went into gold
    spans_added: int = 0
    links_added: int = 0
    unsettled: int = 0  # spans whose annotators set some attribute differently
    added: list[Span] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.spans_added} agreed spans and {self.links_added} links added to gold "
            f"in {self.documents} documents"
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
    """Put every span on which the annotators agree exactly into gold, in one transaction.

    Agreement means: every annotator who annotated the document (at least two), or at least
    ``minimum`` of them, has a span with this start, end and label. Spans already in gold are
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
        if agreed:
            plans.append((document.document.id, agreed, agreed_links(document, names, minimum)))
    with project.write():
        for document_id, agreed, links in plans:
            _write_agreed(project, document_id, agreed, links, adjudicator, time, report)
            report.documents += 1
            project.audit.record(
                time, adjudicator, "accept agreed", document_id, None, after={"spans": len(agreed)}
            )
            if project.progress.get(document_id, GOLD) is None:
                project.progress.set(document_id, GOLD, Status.IN_PROGRESS, time)
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
    _, by_key = _gold_counterparts(project.spans.for_document(document_id, GOLD))
    for event_key, argument_key, role in links:
        event, argument = by_key.get(event_key), by_key.get(argument_key)
        if event is not None and argument is not None:
            added, _ = _add_link(project, event, argument, role, time)
            report.links_added += added is not None
