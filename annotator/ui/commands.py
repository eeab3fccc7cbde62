"""One undo command per user action; each calls one operation, which writes at once, and
tells the session what it touched. The undo menu names the label and the text."""

from __future__ import annotations

from typing import Any

from annotator.core.model import GOLD, Span, Status
from annotator.core.text import isolate
from annotator.ops import adjudicating, editing, viewing
from annotator.ops.editing import DeletedSpan
from annotator.ui.edit_command import EditCommand
from annotator.ui.session import Session


def describe(session: Session, label: str, text: str) -> str:
    """A label's name and a span's text, as the undo menu shows them."""
    found = session.schema.label(label)
    name = found.name("en") if found else label
    shown = text if len(text) <= 30 else text[:29] + "…"
    return f"{name} {isolate('«' + shown + '»')}"


class CreateSpan(EditCommand):
    def __init__(
        self,
        session: Session,
        document_id: int,
        label: str,
        start: int,
        end: int,
        layer: str | None = None,
    ) -> None:
        text = session.text[start:end] if session.document_id == document_id else ""
        super().__init__(session, document_id, f"Mark {describe(session, label, text)}")
        self.label, self.start, self.end = label, start, end
        self.layer = layer or session.annotator  # GOLD when a reviewer edits gold
        self.span_id: int | None = None

    def apply(self) -> None:
        span = editing.create_span(
            self.project,
            self.document_id,
            self.layer,
            self.label,
            self.start,
            self.end,
            span_id=self.span_id,
            by=self.annotator,
        )
        self.span_id = self.focus = span.id
        self.start, self.end = span.start, span.end
        self.session.edited(self.document_id, self.layer, [(self.start, self.end)])

    def revert(self) -> None:
        editing.delete_span(self.project, self.span_id, self.annotator)
        self.focus = None
        self.session.edited(self.document_id, self.layer, [(self.start, self.end)])


class DeleteSpan(EditCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(
            session, span.document_id, f"Delete {describe(session, span.label, span.text)}"
        )
        self.span_id = span.id
        self.layer = span.annotator
        self.deleted: DeletedSpan | None = None

    def apply(self) -> None:
        self.deleted = editing.delete_span(self.project, self.span_id, self.annotator)
        self.focus = None
        self._changed()

    def revert(self) -> None:
        editing.restore_span(self.project, self.deleted, self.annotator)
        self.focus = self.span_id
        self._changed()

    def _changed(self) -> None:
        span = self.deleted.span
        self.session.edited(self.document_id, self.layer, [(span.start, span.end)])


class UpdateSpan(EditCommand):
    """Relabel a span or change its attributes or canonical entity."""

    def __init__(self, session: Session, span: Span, **changes: Any) -> None:
        if "label" in changes:
            what = f"Relabel {describe(session, span.label, span.text)} as "
            found = session.schema.label(changes["label"])
            what += found.name("en") if found else changes["label"]
        else:
            what = f"Code {describe(session, span.label, span.text)}"
        super().__init__(session, span.document_id, what)
        self.span_id = self.focus = span.id
        self.layer = span.annotator
        self.changes = changes
        self.before = {key: getattr(span, key) for key in changes}
        self.extent = (span.start, span.end)

    def apply(self) -> None:
        editing.update_span(self.project, self.span_id, self.annotator, **self.changes)
        self.session.edited(self.document_id, self.layer, [self.extent])

    def revert(self) -> None:
        editing.update_span(self.project, self.span_id, self.annotator, **self.before)
        self.session.edited(self.document_id, self.layer, [self.extent])


class ResizeSpan(EditCommand):
    """Move a span's boundaries by a letter or a proclitic."""

    def __init__(self, session: Session, span: Span, start: int, end: int) -> None:
        new = session.text[start:end] if session.document_id == span.document_id else ""
        super().__init__(
            session,
            span.document_id,
            f"Resize {describe(session, span.label, span.text)} to {isolate('«' + new + '»')}",
        )
        self.span_id = self.focus = span.id
        self.layer = span.annotator
        self.before, self.after = (span.start, span.end), (start, end)

    def apply(self) -> None:
        editing.resize_span(self.project, self.span_id, self.annotator, *self.after)
        self._changed()

    def revert(self) -> None:
        editing.resize_span(self.project, self.span_id, self.annotator, *self.before)
        self._changed()

    def _changed(self) -> None:
        touched = (min(self.before[0], self.after[0]), max(self.before[1], self.after[1]))
        self.session.edited(self.document_id, self.layer, [touched])


class SetStatus(EditCommand):
    def __init__(self, session: Session, document_id: int, status: str) -> None:
        verb = "Mark done" if status == Status.DONE else f"Mark {status}"
        super().__init__(session, document_id, verb)
        self.status = status
        self.previous: str | None = None

    def apply(self) -> None:
        self.previous = editing.set_status(
            self.project, self.document_id, self.annotator, self.status
        )
        self.session.documentChanged.emit(self.document_id)

    def revert(self) -> None:
        editing.restore_status(self.project, self.document_id, self.annotator, self.previous)
        self.session.documentChanged.emit(self.document_id)


class LinkArgument(EditCommand):
    """Join an event span to an argument span in a role."""

    def __init__(self, session: Session, event: Span, argument: Span, role: str) -> None:
        super().__init__(
            session, event.document_id, f"Link {role} {isolate('«' + argument.text + '»')}"
        )
        self.source, self.target, self.role = event.id, argument.id, role
        self.layer = event.annotator
        self.focus = event.id
        self.relation_id: int | None = None

    def apply(self) -> None:
        relation = editing.link(
            self.project,
            self.source,
            self.target,
            self.role,
            self.annotator,
            relation_id=self.relation_id,
        )
        self.relation_id = relation.id
        self.session.edited(self.document_id, self.layer, [])

    def revert(self) -> None:
        editing.unlink(self.project, self.relation_id, self.annotator)
        self.session.edited(self.document_id, self.layer, [])


class Unlink(EditCommand):
    def __init__(self, session: Session, document_id: int, relation_id: int) -> None:
        super().__init__(session, document_id, "Unlink")
        self.relation_id = relation_id
        self.layer = session.layer
        self.removed = None

    def apply(self) -> None:
        self.removed = editing.unlink(self.project, self.relation_id, self.annotator)
        self.focus = self.removed.source
        self.setText(f"Unlink {self.removed.role}")
        self.session.edited(self.document_id, self.layer, [])

    def revert(self) -> None:
        relation = self.removed
        editing.link(
            self.project,
            relation.source,
            relation.target,
            relation.role,
            self.annotator,
            relation_id=relation.id,
        )
        self.session.edited(self.document_id, self.layer, [])


class AcceptSpan(EditCommand):
    """Put one annotator's version of a span into gold (replacing gold versions of it)."""

    def __init__(
        self, session: Session, document_id: int, span_id: int, replacing: tuple[int, ...] = ()
    ) -> None:
        super().__init__(session, document_id, "Accept into gold")
        self.span_id = span_id
        self.replacing = replacing
        self.accepted: adjudicating.Accepted | None = None

    def apply(self) -> None:
        self.accepted = adjudicating.accept(
            self.project, self.span_id, self.annotator, replacing=self.replacing
        )
        gold = self.accepted.gold
        self.setText(f"Accept {describe(self.session, gold.label, gold.text)} into gold")
        self.session.edited(self.document_id, GOLD, [(gold.start, gold.end)])

    def revert(self) -> None:
        adjudicating.undo_accept(self.project, self.accepted, self.annotator)
        gold = self.accepted.gold
        self.session.edited(self.document_id, GOLD, [(gold.start, gold.end)])


def span_of(session: Session, span_id: int) -> Span | None:
    """A span of any layer, read from the project (review panes show several layers)."""
    return viewing.span(session.project, span_id)
