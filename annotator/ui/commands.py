"""One undo command per user action; each calls one operation, which writes at once."""

from __future__ import annotations

from typing import Any

from annotator.core.model import Status
from annotator.ops import adjudicating, editing
from annotator.ops.editing import DeletedSpan
from annotator.ui.session import EditCommand, Session


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
        super().__init__(session, document_id, f"Mark {label}")
        self.label, self.start, self.end = label, start, end
        self.layer = layer  # None: the annotator's own layer; GOLD when a reviewer edits gold
        self.span_id: int | None = None

    def apply(self) -> None:
        span = editing.create_span(
            self.project,
            self.document_id,
            self.layer or self.annotator,
            self.label,
            self.start,
            self.end,
            span_id=self.span_id,
            by=self.annotator,
        )
        self.span_id = span.id
        self.start, self.end = span.start, span.end
        self._changed()

    def revert(self) -> None:
        editing.delete_span(self.project, self.span_id, self.annotator)
        self._changed()

    def _changed(self) -> None:
        self.session.spansChanged.emit(self.document_id, [(self.start, self.end)])
        self.session.documentChanged.emit(self.document_id)


class DeleteSpan(EditCommand):
    def __init__(self, session: Session, document_id: int, span_id: int) -> None:
        super().__init__(session, document_id, "Delete span")
        self.span_id = span_id
        self.deleted: DeletedSpan | None = None

    def apply(self) -> None:
        self.deleted = editing.delete_span(self.project, self.span_id, self.annotator)
        self.setText(f"Delete {self.deleted.span.label} «{self.deleted.span.text}»")
        self._changed()

    def revert(self) -> None:
        editing.restore_span(self.project, self.deleted, self.annotator)
        self._changed()

    def _changed(self) -> None:
        span = self.deleted.span
        self.session.spansChanged.emit(self.document_id, [(span.start, span.end)])
        self.session.documentChanged.emit(self.document_id)


class UpdateSpan(EditCommand):
    """Relabel a span or change its attributes or canonical entity."""

    def __init__(self, session: Session, document_id: int, span_id: int, **changes: Any) -> None:
        what = f"Relabel as {changes['label']}" if "label" in changes else "Change attributes"
        super().__init__(session, document_id, what)
        self.span_id = span_id
        self.changes = changes
        span = session.project.spans.get(span_id)
        self.before = {key: getattr(span, key) for key in changes}
        self.extent = (span.start, span.end)

    def apply(self) -> None:
        editing.update_span(self.project, self.span_id, self.annotator, **self.changes)
        self._changed()

    def revert(self) -> None:
        editing.update_span(self.project, self.span_id, self.annotator, **self.before)
        self._changed()

    def _changed(self) -> None:
        self.session.spansChanged.emit(self.document_id, [self.extent])
        self.session.documentChanged.emit(self.document_id)


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


class Link(EditCommand):
    """Join an event span to an argument span in a role."""

    def __init__(
        self, session: Session, document_id: int, source: int, target: int, role: str
    ) -> None:
        super().__init__(session, document_id, f"Link {role}")
        self.source, self.target, self.role = source, target, role
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
        self.session.spansChanged.emit(self.document_id, [])

    def revert(self) -> None:
        editing.unlink(self.project, self.relation_id, self.annotator)
        self.session.spansChanged.emit(self.document_id, [])


class Unlink(EditCommand):
    def __init__(self, session: Session, document_id: int, relation_id: int) -> None:
        super().__init__(session, document_id, "Unlink")
        self.relation_id = relation_id
        self.removed = None

    def apply(self) -> None:
        self.removed = editing.unlink(self.project, self.relation_id, self.annotator)
        self.setText(f"Unlink {self.removed.role}")
        self.session.spansChanged.emit(self.document_id, [])

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
        self.session.spansChanged.emit(self.document_id, [])


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
        self.setText(f"Accept {gold.label} «{gold.text}» into gold")
        self.session.spansChanged.emit(self.document_id, [(gold.start, gold.end)])
        self.session.documentChanged.emit(self.document_id)

    def revert(self) -> None:
        adjudicating.undo_accept(self.project, self.accepted, self.annotator)
        gold = self.accepted.gold
        self.session.spansChanged.emit(self.document_id, [(gold.start, gold.end)])
        self.session.documentChanged.emit(self.document_id)
