"""What a project holds: documents, the spans annotators mark on them, the events they record,
and links between spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.discussion import Thread

GOLD = "gold"  # the layer written only by adjudication


class Status:
    """Where an annotator stands with a document."""

    NEW = "new"
    IN_PROGRESS = "in progress"
    DONE = "done"
    ALL = (NEW, IN_PROGRESS, DONE)


@dataclass(frozen=True)
class Document:
    id: int
    name: str
    text: str
    sha256: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list: what it shows without reading the text."""

    id: int
    name: str
    length: int
    status: str
    spans: int


@dataclass(frozen=True)
class Span:
    """A labelled stretch of a document's text in one annotator's layer."""

    id: int
    document_id: int
    annotator: str
    label: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any] = field(default_factory=dict)
    entity_id: int | None = None
    provenance: dict[str, Any] | None = None  # gold only: who adjudicated it, from what


@dataclass(frozen=True)
class Argument:
    """One argument of an event: the span that fills a role, or (nested events: a regulation
    of a binding) another event."""

    role: str
    span: int | None = None
    event: int | None = None


@dataclass(frozen=True)
class Event:
    """An event: a record of its own in an annotator's layer (:mod:`annotator.core.events`).

    Its type is a label of kind event; its trigger, a span (several events may share one) or
    none (an event the report as a whole describes); its arguments are in order, a role
    repeated where the schema allows; its attributes are the event's coding (ACLED's date,
    type, sub-type, fatalities…)."""

    id: int
    document_id: int
    annotator: str
    label: str
    trigger: int | None = None
    arguments: tuple[Argument, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Any] | None = None  # gold only: who adjudicated it, from what

    def fillers(self, role: str) -> list[int]:
        """The spans that fill ``role``, in order."""
        return [a.span for a in self.arguments if a.role == role and a.span is not None]


@dataclass(frozen=True)
class Relation:
    """A typed link between two spans that is not an event's role (brat's relations, a
    dependency layer of WebAnno): from ``source`` to ``target``, of type ``role``."""

    id: int
    document_id: int
    annotator: str
    source: int  # the event span
    target: int  # the argument span
    role: str


@dataclass(frozen=True)
class Entity:
    """A canonical actor or place that mentions in many documents can refer to."""

    id: int
    kind: str
    name: str
    latitude: float | None = None  # a place's coordinates (WGS 84), when known
    longitude: float | None = None


@dataclass(frozen=True)
class AnnotatedDocument:
    """A document with its spans, links, events and each annotator's status: what exporters
    write."""

    document: Document
    spans: list[Span]
    relations: list[Relation]
    status: dict[str, str]
    threads: list[Thread] = field(default_factory=list)  # discussions on it and its spans
    events: list[Event] = field(default_factory=list)
