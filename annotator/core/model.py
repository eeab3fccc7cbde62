"""What a project holds: documents, the spans annotators mark on them, and links between spans."""

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
class Relation:
    """A role link from an event span to one of its arguments."""

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


@dataclass(frozen=True)
class AnnotatedDocument:
    """A document with its spans, links and each annotator's status: what exporters write."""

    document: Document
    spans: list[Span]
    relations: list[Relation]
    status: dict[str, str]
    threads: list[Thread] = field(default_factory=list)  # discussions on it and its spans
