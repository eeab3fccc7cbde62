"""Streaming the whole corpus with its annotations, one document at a time, in constant memory.

Six cursors ordered by document id are walked side by side (a merge join), so an export
of 100,000 documents runs six queries, not six per document. Agreement reads the same way,
with spans as plain rows grouped by layer (:func:`iter_layers`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import attrgetter, itemgetter
from typing import Generic, NamedTuple, TypeVar

from annotator.core.model import AnnotatedDocument, Document, Relation
from annotator.store.events import EventRow
from annotator.store.project import Project
from annotator.store.spans import SpanRow

T = TypeVar("T")
_DOCUMENT_ID = attrgetter("document_id")


class _Grouped(Generic[T]):
    """Pulls the items of one document at a time from an iterator ordered by document id."""

    def __init__(self, items: Iterator[T], document_of: Callable[[T], int]) -> None:
        self._items = items
        self._document_of = document_of
        self._next: T | None = next(items, None)

    def take(self, document_id: int) -> list[T]:
        taken = []
        document_of, items, item = self._document_of, self._items, self._next
        while item is not None:
            owner = document_of(item)
            if owner > document_id:
                break
            if owner == document_id:
                taken.append(item)
            item = next(items, None)
        self._next = item
        return taken


def iter_annotated(project: Project, annotator: str | None = None) -> Iterator[AnnotatedDocument]:
    """Every document with its spans, relations, statuses (of one layer, or all) and threads."""
    spans = _Grouped(project.spans.iter_all(annotator), _DOCUMENT_ID)
    relations = _Grouped(project.relations.iter_all(annotator), _DOCUMENT_ID)
    events = _Grouped(project.events.iter_all(annotator), _DOCUMENT_ID)
    progress = _Grouped(project.progress.iter_all(), itemgetter(0))
    threads = _Grouped(project.comments.iter_all(), _DOCUMENT_ID)
    for document in project.documents.iter_all():
        status = {
            name: value
            for _, name, value in progress.take(document.id)
            if annotator is None or name == annotator
        }
        yield AnnotatedDocument(
            document,
            spans.take(document.id),
            relations.take(document.id),
            status,
            threads.take(document.id),
            events.take(document.id),
        )


class Layers(NamedTuple):
    """A document with each annotator's spans as rows (:meth:`Spans.iter_layers`) and its
    events as rows, layer by layer (:meth:`Events.iter_rows`)."""

    document: Document
    spans: dict[str, list[SpanRow]]
    relations: list[Relation]
    status: dict[str, str]
    events: list[EventRow]


def iter_layers(project: Project) -> Iterator[Layers]:
    """Every document with its layers as span rows, its links, statuses and event rows: what
    agreement reads, without a :class:`Span` or :class:`Event` built for each of hundreds of
    thousands."""
    layers = _Grouped(project.spans.iter_layers(), itemgetter(0))
    relations = _Grouped(project.relations.iter_all(), _DOCUMENT_ID)
    events = _Grouped(project.events.iter_rows(), itemgetter(0))
    progress = _Grouped(project.progress.iter_all(), itemgetter(0))
    for document in project.documents.iter_all():
        spans = layers.take(document.id)
        coded = events.take(document.id)
        yield Layers(
            document,
            spans[0][1] if spans else {},
            relations.take(document.id),
            {name: value for _, name, value in progress.take(document.id)},
            coded[0][1] if coded else [],
        )
