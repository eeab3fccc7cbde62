"""What the window reads from a project: one document and its layers, a page of the document
list, a span's history, the canonical names. Reads only; changes go through the editing,
reviewing and discussing operations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.model import Document, DocumentSummary, Event, Relation, Span
from annotator.store.audit import AuditEntry
from annotator.store.project import Project

__all__ = [
    "AuditEntry",
    "DocumentListing",
    "ListFilter",
    "Project",
    "ShownLayer",
    "annotators",
    "changes_seen",
    "document",
    "document_count",
    "entity_name",
    "entity_names",
    "first_document",
    "layer",
    "layer_events",
    "layer_relations",
    "layers",
    "span",
    "span_history",
    "spans_touching",
]


@dataclass(frozen=True)
class ShownLayer:
    """One annotator's spans on one document (in text order), its events (in the order they
    were made) and the links between its spans that are no event's roles."""

    spans: list[Span]
    relations: list[Relation]
    events: list[Event]


def document(project: Project, document_id: int) -> Document | None:
    return project.documents.get(document_id)


def span(project: Project, span_id: int) -> Span | None:
    return project.spans.get(span_id)


def document_count(project: Project) -> int:
    return project.documents.count()


def first_document(project: Project) -> int | None:
    return project.documents.first_id()


def layer(project: Project, document_id: int, annotator: str) -> ShownLayer:
    return ShownLayer(
        project.spans.for_document(document_id, annotator),
        project.relations.for_document(document_id, annotator),
        project.events.for_document(document_id, annotator),
    )


def layer_relations(project: Project, document_id: int, annotator: str) -> list[Relation]:
    return project.relations.for_document(document_id, annotator)


def layer_events(project: Project, document_id: int, annotator: str) -> list[Event]:
    return project.events.for_document(document_id, annotator)


def events_touching(
    project: Project,
    document_id: int,
    annotator: str,
    span_ids: Iterable[int],
    event_ids: Iterable[int],
) -> list[Event]:
    """The layer's events an edit of those spans or events may have changed (as they are now)."""
    return project.events.touching(document_id, annotator, span_ids, event_ids)


def layers(project: Project, document_id: int) -> ShownLayer:
    """Every layer of a document, gold included (for review)."""
    return ShownLayer(
        project.spans.for_document(document_id),
        project.relations.for_document(document_id),
        project.events.for_document(document_id),
    )


def spans_touching(
    project: Project, document_id: int, annotator: str, ranges: Iterable[tuple[int, int]]
) -> dict[int, Span]:
    """The annotator's spans that overlap or touch any of ``ranges``, by id: an edit re-reads
    what it touched, not the whole document."""
    found: dict[int, Span] = {}
    for start, end in ranges:
        for span in project.spans.overlapping(document_id, annotator, start, end):
            found[span.id] = span
    return found


def annotators(project: Project) -> list[str]:
    """Everyone with a layer or a status in the project (gold included when it exists)."""
    return project.annotators()


def span_history(project: Project, span_id: int) -> list[AuditEntry]:
    return project.audit.for_span(span_id)


def entity_names(project: Project, kind: str) -> list[str]:
    """Canonical names of a kind, the most used first."""
    return [entity.name for entity, _uses in project.entities.of_kind(kind)]


def entity_name(project: Project, entity_id: int | None) -> str | None:
    entity = project.entities.get(entity_id) if entity_id is not None else None
    return entity.name if entity else None


def changes_seen(project: Project) -> int:
    """A number that moves when another connection commits a change to the project."""
    return project.data_version()


@dataclass(frozen=True)
class ListFilter:
    """Which documents the list shows: names containing ``name``, or those with open
    discussions."""

    name: str = ""
    open_threads: bool = False


class DocumentListing:
    """The document list, read a page at a time for one annotator. In a hub's copy the
    documents the hub assigns to that annotator come first (:meth:`assigned` of them)."""

    def __init__(self, project: Project, annotator: str, shown: ListFilter = ListFilter()):
        self.project, self.annotator, self.shown = project, annotator, shown

    def count(self) -> int:
        return self.project.documents.count(self.shown.name, self.shown.open_threads)

    def assigned(self) -> int:
        """How many of the listed documents are assigned to the annotator: the first rows."""
        shown = self.shown
        return self.project.documents.assigned_count(self.annotator, shown.name, shown.open_threads)

    def page(self, offset: int, limit: int) -> list[DocumentSummary]:
        shown = self.shown
        return self.project.documents.page(
            self.annotator, offset, limit, shown.name, shown.open_threads
        )

    def row_of(self, document_id: int) -> int | None:
        shown = self.shown
        return self.project.documents.row_of(
            document_id, shown.name, shown.open_threads, self.annotator
        )

    def neighbour(self, document_id: int, step: int) -> int | None:
        shown = self.shown
        return self.project.documents.neighbour(
            document_id, step, shown.name, shown.open_threads, self.annotator
        )
