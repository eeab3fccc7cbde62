"""Edits a project could not take, kept as plain data, and made again in another project.

When a project's files are removed or replaced under an open window
(:class:`~annotator.store.files.ProjectFilesChanged`), the edit that raised it, and any the
annotator makes afterwards, cannot be saved into that project. The window keeps each as an
:class:`UnsavedEdit`, which carries all it needs (the document's name and text, the spans by
their offsets and label, never by an id of the project it came from), and offers to write
them to a new project with :func:`save_to_new_project`, or, once the project is whole and
open again, to make them there with :func:`replay`.

Edits are made again in order through :mod:`annotator.ops.editing`, so each is one
transaction with its audit-trail entry. A span is found by its layer, offsets and label: an
edit whose span is already as the edit leaves it changes nothing (replaying twice is
harmless), and one that cannot be made (its span is gone, its label is not in the schema) is
listed in the report instead of stopping the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import Argument
from annotator.core.schema import Schema
from annotator.core.text import sha256_text
from annotator.ops import editing, event_editing
from annotator.store.project import Project, now

ACTIONS = (
    "create", "update", "delete", "link", "unlink", "status",
    "event create", "event update", "event delete",
)  # fmt: skip


@dataclass(frozen=True)
class SpanState:
    """A span as the annotator saw it: offsets into the document's text, label, attributes."""

    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EventState:
    """An event as the annotator saw it: its type, coding and arguments (by their spans)."""

    label: str
    attributes: dict[str, Any] = field(default_factory=dict)
    arguments: tuple[tuple[str, SpanState], ...] = ()


@dataclass(frozen=True)
class UnsavedEdit:
    """One edit that was not saved.

    ``span`` is the span created, or (update, delete) the span as it was before, or (link,
    unlink) the trigger of the event; ``after`` the span as an update left it; ``argument``
    and ``role`` the span the event's role is given or taken; ``status`` a document's new
    status.
    """

    action: str
    annotator: str
    document: str  # the document's name
    text: str  # the document's text, which the offsets refer to
    span: SpanState | None = None
    after: SpanState | None = None
    argument: SpanState | None = None
    role: str | None = None
    status: str | None = None
    event: EventState | None = None  # event edits: the event (as it was, for update/delete)
    event_after: EventState | None = None  # event update: as it was left


@dataclass
class ReplayReport:
    documents_added: int = 0
    made: int = 0  # edits made
    already: int = 0  # edits whose result was there already
    not_made: list[str] = field(default_factory=list)  # edits that could not be made, and why

    def summary(self) -> str:
        parts = [f"{self.made} edits made", f"{self.documents_added} documents added"]
        if self.already:
            parts.append(f"{self.already} already there")
        if self.not_made:
            parts.append(f"{len(self.not_made)} could not be made")
        return ", ".join(parts)


def save_to_new_project(
    folder: str | Path, schema: Schema, edits: Iterable[UnsavedEdit], name: str | None = None
) -> ReplayReport:
    """Create a project at ``folder`` (which must not hold one) and make the edits in it."""
    with Project.create(folder, schema, name) as project:
        return replay(project, edits)


def replay(project: Project, edits: Iterable[UnsavedEdit]) -> ReplayReport:
    """Make the edits in ``project``, in order; see the module documentation."""
    report = ReplayReport()
    for number, edit in enumerate(edits, start=1):
        try:
            made = _make(project, edit, report)
        except AnnotatorError as error:
            report.not_made.append(f"edit {number} ({edit.action}, {edit.document}): {error}")
            continue
        if made:
            report.made += 1
        else:
            report.already += 1
    return report


def _document(project: Project, edit: UnsavedEdit, report: ReplayReport) -> int:
    sha256 = sha256_text(edit.text)
    document_id = project.documents.id_for_sha256(sha256)
    if document_id is None:
        with project.write():
            document_id = project.documents.add(edit.document, edit.text, sha256, {}, now())
        report.documents_added += 1
    return document_id


def _find(project: Project, document_id: int, annotator: str, state: SpanState) -> int | None:
    for span in project.spans.for_document(document_id, annotator):
        if (span.start, span.end, span.label) == (state.start, state.end, state.label):
            return span.id
    return None


def _ensure(project: Project, document_id: int, annotator: str, state: SpanState) -> int:
    found = _find(project, document_id, annotator, state)
    if found is not None:
        return found
    return editing.create_span(
        project, document_id, annotator, state.label, state.start, state.end, state.attributes
    ).id


def _make(project: Project, edit: UnsavedEdit, report: ReplayReport) -> bool:
    """Make one edit; False when its result was there already."""
    if edit.action not in ACTIONS:
        raise AnnotatorError(f"unknown action {edit.action!r}")
    document_id = _document(project, edit, report)
    who = edit.annotator
    if edit.action == "status":
        return editing.set_status(project, document_id, who, edit.status) != edit.status
    if edit.action.startswith("event "):
        return _make_event(project, document_id, edit)
    span = _require(edit.span, edit)
    found = _find(project, document_id, who, span)
    if edit.action == "create":
        if found is not None:
            return False
        _ensure(project, document_id, who, span)
        return True
    if edit.action == "delete":
        if found is None:
            return False
        editing.delete_span(project, found, who)
        return True
    if edit.action == "update":
        after = _require(edit.after, edit)
        if found is None:
            if _find(project, document_id, who, after) is not None:
                return False
            _ensure(project, document_id, who, after)
            return True
        current = project.spans.get(found)
        if (current.label, current.attributes) == (after.label, after.attributes):
            return False
        editing.update_span(project, found, who, label=after.label, attributes=after.attributes)
        return True
    argument = _require(edit.argument, edit)
    role = edit.role or ""
    trigger = found if found is not None else _ensure(project, document_id, who, span)
    target = _ensure(project, document_id, who, argument)
    events = project.events.on_trigger(trigger)
    filled = [e for e in events for a in e.arguments if a.role == role and a.span == target]
    if edit.action == "link":
        if filled:
            return False
        event_editing.link(project, trigger, target, role, who)
        return True
    if not filled:
        return False
    event = filled[0]
    position = next(n for n, a in enumerate(event.arguments) if a.role == role and a.span == target)
    event_editing.remove_argument(project, event.id, who, position)
    return True


def _arguments(project: Project, document_id: int, who: str, state: EventState):
    return tuple(
        Argument(role, _ensure(project, document_id, who, filler))
        for role, filler in state.arguments
    )


def _make_event(project: Project, document_id: int, edit: UnsavedEdit) -> bool:
    """An event edit made again; an event is found by its trigger, type and arguments."""
    who, state = edit.annotator, edit.event
    if state is None:
        raise AnnotatorError(f"an {edit.action} edit needs its event")
    trigger = _ensure(project, document_id, who, edit.span) if edit.span else None
    arguments = _arguments(project, document_id, who, state)
    found = next(
        (
            e
            for e in project.events.for_document(document_id, who)
            if (e.label, e.trigger, e.arguments) == (state.label, trigger, arguments)
        ),
        None,
    )
    if edit.action == "event create":
        if found is not None:
            return False
        event_editing.create_event(
            project, document_id, who, state.label, trigger, arguments, state.attributes
        )
        return True
    if found is None:
        return False
    if edit.action == "event delete":
        event_editing.delete_event(project, found.id, who)
        return True
    after = edit.event_after or state
    event_editing.set_arguments(
        project, found.id, who, _arguments(project, document_id, who, after)
    )
    event_editing.update_event(
        project, found.id, who, label=after.label, attributes=after.attributes
    )
    return True


def _require(state: SpanState | None, edit: UnsavedEdit) -> SpanState:
    if state is None:
        raise AnnotatorError(f"a {edit.action} edit needs its span")
    return state
