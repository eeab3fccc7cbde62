"""Building annotated documents by hand for review tests: the figures are then checkable."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count
from typing import Any

from annotator.core.model import AnnotatedDocument, Argument, Document, Event, Relation, Span
from annotator.core.text import sha256_text

_ids = count(1)


def span(annotator: str, label: str, text: str, start: int, end: int, **attributes: Any) -> Span:
    return Span(next(_ids), 1, annotator, label, start, end, text[start:end], attributes)


def event(
    annotator: str,
    label: str,
    trigger: Span | None,
    arguments: Sequence[tuple[str, Span]] = (),
    **attributes: Any,
) -> Event:
    """An event of ``annotator``'s layer on ``trigger`` (or none), its arguments (role, span)."""
    return Event(
        next(_ids),
        1,
        annotator,
        label,
        trigger.id if trigger is not None else None,
        tuple(Argument(role, filler.id) for role, filler in arguments),
        attributes,
    )


def at(text: str, word: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    return start, start + len(word)


def document(
    text: str,
    spans: list[Span],
    relations: list[tuple[Span, Span, str]] = (),
    status: dict[str, str] | None = None,
    document_id: int = 1,
    name: str = "doc",
    events: list[Event] = (),
) -> AnnotatedDocument:
    links = [
        Relation(next(_ids), document_id, source.annotator, source.id, target.id, role)
        for source, target, role in relations
    ]
    return AnnotatedDocument(
        Document(document_id, name, text, sha256_text(text)),
        spans,
        links,
        status or {},
        events=list(events),
    )
