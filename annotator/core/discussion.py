"""Discussion anchored to an annotation: threads of comments on a span, an event or a document.

A thread on a span keeps an *anchor* — the span's layer, extent, label and text when the
thread began — so that it still says what it was about after the span is deleted, and so
that it finds the span again when an undo or a merge puts the same span back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Comment:
    id: int
    thread_id: int
    author: str
    body: str
    created: str


@dataclass(frozen=True)
class Thread:
    """A discussion on one span (``span_id``) or on the whole document (``span_id`` None)."""

    id: int
    document_id: int
    span_id: int | None
    anchor: dict[str, Any] | None  # annotator, start, end, label, text of the span discussed
    resolved: bool
    changed_by: str | None  # who last resolved or reopened it
    changed_at: str | None  # and when
    created: str
    comments: tuple[Comment, ...] = ()

    @property
    def is_open(self) -> bool:
        return not self.resolved

    @property
    def on_document(self) -> bool:
        return self.anchor is None

    def anchored_to(self, annotator: str, start: int, end: int, label: str) -> bool:
        """Whether the thread began on a span of this layer, extent and label."""
        anchor = self.anchor or {}
        return (anchor.get("annotator"), anchor.get("start"), anchor.get("end")) == (
            annotator,
            start,
            end,
        ) and anchor.get("label") == label


def anchor_of(annotator: str, start: int, end: int, label: str, text: str) -> dict[str, Any]:
    """What a thread remembers of the span it is about."""
    return {"annotator": annotator, "start": start, "end": end, "label": label, "text": text}


@dataclass
class MessageRecord:
    author: str
    body: str
    created: str


@dataclass
class ThreadRecord:
    """A thread as a file gives it; ``annotation`` is the file's id of the span discussed."""

    annotation: str | None
    messages: list[MessageRecord] = field(default_factory=list)
    anchor: dict[str, Any] | None = None
    resolved: bool = False
    changed_by: str | None = None
    changed_at: str | None = None
    created: str | None = None
