"""The edits an annotator makes, each one transaction with its audit-trail entry.

The window's undo commands call these functions and nothing else, so every edit is on disk
the moment it is shown, and a test can make any edit without a window.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import Argument, Event, Relation, Span, Status
from annotator.core.text import strip_span
from annotator.store.project import Project, now


class EditError(AnnotatorError):
    """An edit the schema or the text does not allow."""


@dataclass(frozen=True)
class DeletedSpan:
    """What deleting a span took away, so that undo can put all of it back: its links, the
    events it was the trigger of, and the events it was an argument of, as they were."""

    span: Span
    relations: tuple[Relation, ...]
    events: tuple[Event, ...] = ()  # triggered by the span: deleted with it
    filled: tuple[Event, ...] = ()  # the span was one of their arguments


def deleting(project: Project, span: Span) -> DeletedSpan:
    """What deleting ``span`` will take away (read before it is deleted)."""
    return DeletedSpan(
        span,
        tuple(project.relations.touching(span.id)),
        tuple(project.events.on_trigger(span.id)),
        tuple(e for e in project.events.with_argument(span.id) if e.trigger != span.id),
    )


def _audit(
    project: Project,
    annotator: str,
    action: str,
    document_id: int | None,
    span_id: int | None,
    before: Any = None,
    after: Any = None,
    time: str | None = None,
) -> None:
    project.audit.record(time or now(), annotator, action, document_id, span_id, before, after)


def _span_record(span: Span) -> dict[str, Any]:
    return {k: v for k, v in asdict(span).items() if k != "provenance"}


def event_record(event: Event) -> dict[str, Any]:
    """An event as the audit trail keeps it (arguments without empty fields)."""
    out = asdict(event)
    out.pop("provenance", None)
    out["arguments"] = [
        {k: v for k, v in asdict(a).items() if v is not None} for a in event.arguments
    ]
    return out


def _audit_events(project: Project, annotator: str, deleted: DeletedSpan, time: str, undo: bool):
    """The events a span's deletion (or its undo) took away or gave back, in the trail too:
    those it was the word of, and those it was an argument of."""
    action = "event restore" if undo else "event delete"
    for event in deleted.events:
        record = {"after" if undo else "before": event_record(event)}
        _audit(project, annotator, action, event.document_id, event.trigger, time=time, **record)
    for event in deleted.filled:
        whole = {"event": event.id, "arguments": event_record(event)["arguments"]}
        kept = [a for a in whole["arguments"] if a.get("span") != deleted.span.id]
        less = {"event": event.id, "arguments": kept}
        before, after = (less, whole) if undo else (whole, less)
        _audit(
            project, annotator, "event arguments", event.document_id, event.trigger,
            before=before, after=after, time=time,
        )  # fmt: skip


def mark_in_progress(project: Project, document_id: int, annotator: str, time: str) -> None:
    if project.progress.get(document_id, annotator) is None:
        project.progress.set(document_id, annotator, Status.IN_PROGRESS, time)


def create_span(
    project: Project,
    document_id: int,
    annotator: str,
    label: str,
    start: int,
    end: int,
    attributes: dict[str, Any] | None = None,
    *,
    span_id: int | None = None,
    entity_id: int | None = None,
    by: str | None = None,
) -> Span:
    """Add a span (trimmed of surrounding white space) to an annotator's layer; ``by`` is who
    made the edit when it is not the layer's own annotator (a reviewer editing gold)."""
    if project.schema.label(label) is None:
        raise EditError(f"label {label} is not in the project's schema")
    document = project.documents.get(document_id)
    if document is None:
        raise EditError(f"document {document_id} does not exist")
    start, end = strip_span(document.text, start, end)
    if not 0 <= start < end <= len(document.text):
        raise EditError("a span needs at least one character that is not white space")
    time = now()
    with project.write():
        new_id = project.spans.add(
            document_id,
            annotator,
            label,
            start,
            end,
            document.text[start:end],
            attributes or {},
            entity_id=entity_id,
            time=time,
            span_id=span_id,
        )
        span = project.spans.get(new_id)
        mark_in_progress(project, document_id, annotator, time)
        _audit(
            project,
            by or annotator,
            "create",
            document_id,
            new_id,
            after=_span_record(span),
            time=time,
        )
    return span


def delete_span(project: Project, span_id: int, annotator: str) -> DeletedSpan:
    span = project.spans.get(span_id)
    if span is None:
        raise EditError(f"span {span_id} no longer exists")
    deleted = deleting(project, span)
    time = now()
    with project.write():
        project.spans.delete(span_id)  # its links and events go with it (ON DELETE CASCADE)
        _audit(
            project, annotator, "delete", span.document_id, span_id,
            before=_span_record(span), time=time,
        )  # fmt: skip
        _audit_events(project, annotator, deleted, time, undo=False)
    return deleted


def put_back(project: Project, deleted: DeletedSpan, time: str) -> None:
    """Re-insert a deleted span under its old id, with those of its links whose other end
    still exists (inside the caller's transaction)."""
    span = deleted.span
    project.spans.add(
        span.document_id,
        span.annotator,
        span.label,
        span.start,
        span.end,
        span.text,
        span.attributes,
        entity_id=span.entity_id,
        provenance=span.provenance,
        time=time,
        span_id=span.id,
    )
    for relation in deleted.relations:
        if project.spans.get(relation.source) and project.spans.get(relation.target):
            project.relations.add(
                relation.document_id,
                relation.annotator,
                relation.source,
                relation.target,
                relation.role,
                time=time,
                relation_id=relation.id,
            )
    for event in deleted.events:
        if project.events.get(event.id) is None:
            project.events.add(
                event.document_id,
                event.annotator,
                event.label,
                event.trigger,
                existing_arguments(project, event.arguments),
                event.attributes,
                time=time,
                provenance=event.provenance,
                event_id=event.id,
            )
    for event in deleted.filled:
        if project.events.get(event.id) is not None:
            project.events.set_arguments(event.id, existing_arguments(project, event.arguments))


def existing_arguments(project: Project, arguments: tuple[Argument, ...]) -> list[Argument]:
    """The arguments whose span or event still exists."""
    return [
        a
        for a in arguments
        if (a.span is not None and project.spans.get(a.span) is not None)
        or (a.event is not None and project.events.get(a.event) is not None)
    ]


def restore_span(project: Project, deleted: DeletedSpan, annotator: str) -> Span:
    """Put a deleted span back under its old id, with the links it had."""
    span = deleted.span
    time = now()
    with project.write():
        put_back(project, deleted, time)
        _audit(project, annotator, "restore", span.document_id, span.id, after=_span_record(span))
        _audit_events(project, annotator, deleted, time, undo=True)
    return project.spans.get(span.id)


def update_span(project: Project, span_id: int, annotator: str, **changes: Any) -> Span:
    """Change a span's label, attributes or canonical entity (or its extent, through
    :func:`resize_span`)."""
    span = project.spans.get(span_id)
    if span is None:
        raise EditError(f"span {span_id} no longer exists")
    if "label" in changes and project.schema.label(changes["label"]) is None:
        raise EditError(f"label {changes['label']} is not in the project's schema")
    time = now()
    with project.write():
        project.spans.update(span_id, time, **changes)
        after = project.spans.get(span_id)
        _audit(
            project,
            annotator,
            "update",
            span.document_id,
            span_id,
            before={k: getattr(span, k) for k in changes},
            after={k: getattr(after, k) for k in changes},
            time=time,
        )
    return after


def resize_span(project: Project, span_id: int, annotator: str, start: int, end: int) -> Span:
    """Move a span's boundaries (its text follows); refused when it would hold no character
    that is not white space, or would become a copy of another span of its layer."""
    span = project.spans.get(span_id)
    if span is None:
        raise EditError(f"span {span_id} no longer exists")
    document = project.documents.get(span.document_id)
    start, end = strip_span(document.text, start, end)
    if not 0 <= start < end <= len(document.text):
        raise EditError("a span needs at least one character that is not white space")
    twin = project.spans.with_extent(span.document_id, span.annotator, start, end, span.label)
    if twin is not None and twin != span_id:
        raise EditError(f"{span.label} «{document.text[start:end]}» is already marked")
    return update_span(
        project, span_id, annotator, start=start, end=end, text=document.text[start:end]
    )


def set_status(project: Project, document_id: int, annotator: str, status: str) -> str | None:
    """Set an annotator's status for a document; returns the status it had (None: derived)."""
    previous = project.progress.get(document_id, annotator)
    time = now()
    with project.write():
        project.progress.set(document_id, annotator, status, time)
        _audit(
            project,
            annotator,
            "status",
            document_id,
            None,
            before=previous,
            after=status,
            time=time,
        )
    return previous


def restore_status(project: Project, document_id: int, annotator: str, status: str | None) -> None:
    """Undo of :func:`set_status`: back to an explicit status, or to none."""
    with project.write():
        if status is None:
            project.progress.set(document_id, annotator, Status.NEW, now())
        else:
            project.progress.set(document_id, annotator, status, now())


def ensure_entity(project: Project, kind: str, name: str) -> int:
    """The canonical entity of this kind and name, created if it is new."""
    name = name.strip()
    if not name:
        raise EditError("a canonical entity needs a name")
    with project.write():
        return project.entities.ensure(kind, name)


def missing_required(project: Project, document_id: int, annotator: str) -> list[str]:
    """Spans and events whose required coding is empty or wrong: what is asked about before
    a document is marked done. An event is named by its trigger (or its number)."""
    schema = project.schema
    spans = {s.id: s for s in project.spans.for_document(document_id, annotator)}
    problems = []
    for span in spans.values():
        label = schema.label(span.label)
        if label is not None and label.kind != "event":
            problems += [
                f"{span.label} «{span.text}»: {p}"
                for p in schema.missing(span.label, span.attributes)
            ]
    for number, event in enumerate(project.events.for_document(document_id, annotator), 1):
        trigger = spans.get(event.trigger)
        named = f"«{trigger.text}»" if trigger else f"without a trigger (event {number})"
        problems += [
            f"{event.label} {named}: {p}" for p in schema.missing(event.label, event.attributes)
        ]
    return problems
