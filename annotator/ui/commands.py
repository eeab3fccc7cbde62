"""One undo command per user action; each calls one operation, which writes at once, and
tells the session what it touched. The undo menu names the label and the text."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.model import GOLD, Span, Status
from annotator.core.text import isolate
from annotator.ops import adjudicating, editing, viewing
from annotator.ops.editing import DeletedSpan
from annotator.ops.unsaved import SpanState, UnsavedEdit
from annotator.ui.edit_command import EditCommand
from annotator.ui.language import label_name, translate
from annotator.ui.session import Session


def state(span: Span) -> SpanState:
    return SpanState(span.start, span.end, span.label, dict(span.attributes))


def describe(session: Session, label: str, text: str) -> str:
    """A label's name and a span's text, as the undo menu shows them."""
    found = session.schema.label(label)
    name = label_name(found) if found else label
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
        super().__init__(
            session,
            document_id,
            translate("commands", "Mark %1").replace("%1", describe(session, label, text)),
        )
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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        made = SpanState(self.start, self.end, self.label)
        return [self.lost_edit("delete" if undoing else "create", made)]


class DeleteSpan(EditCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(
            session,
            span.document_id,
            translate("commands", "Delete %1").replace(
                "%1", describe(session, span.label, span.text)
            ),
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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        span = self.deleted.span if self.deleted else self.session.span(self.span_id)
        if span is None:
            return []
        return [self.lost_edit("create" if undoing else "delete", state(span))]


class UpdateSpan(EditCommand):
    """Relabel a span or change its attributes or canonical entity."""

    def __init__(self, session: Session, span: Span, **changes: Any) -> None:
        if "label" in changes:
            found = session.schema.label(changes["label"])
            what = translate("commands", "Relabel %1 as %2").replace(
                "%2", label_name(found) if found else changes["label"]
            )
            what = what.replace("%1", describe(session, span.label, span.text))
        else:
            what = translate("commands", "Code %1").replace(
                "%1", describe(session, span.label, span.text)
            )
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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        span = self.session.span(self.span_id)
        if span is None:
            return []
        coded = ("label", "attributes")
        now = {"label": span.label, "attributes": span.attributes}
        old = {**now, **{k: v for k, v in self.before.items() if k in coded}}
        new = {**now, **{k: v for k, v in self.changes.items() if k in coded}}
        if undoing:
            old, new = new, old
        start, end = self.extent
        before = SpanState(start, end, old["label"], dict(old["attributes"]))
        after = SpanState(start, end, new["label"], dict(new["attributes"]))
        return [self.lost_edit("update", before, after=after)]


class ResizeSpan(EditCommand):
    """Move a span's boundaries by a letter or a proclitic."""

    def __init__(self, session: Session, span: Span, start: int, end: int) -> None:
        new = session.text[start:end] if session.document_id == span.document_id else ""
        super().__init__(
            session,
            span.document_id,
            translate("commands", "Resize %1 to %2")
            .replace("%2", isolate("«" + new + "»"))
            .replace("%1", describe(session, span.label, span.text)),
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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        span = self.session.span(self.span_id)
        if span is None:
            return []
        old, new = (self.after, self.before) if undoing else (self.before, self.after)
        kept = dict(span.attributes)
        return [
            self.lost_edit("delete", SpanState(*old, span.label, kept)),
            self.lost_edit("create", SpanState(*new, span.label, kept)),
        ]


class SetStatus(EditCommand):
    def __init__(self, session: Session, document_id: int, status: str) -> None:
        if status == Status.DONE:
            verb = translate("commands", "Mark done")
        elif status == Status.IN_PROGRESS:
            verb = translate("commands", "Mark in progress")
        else:
            verb = translate("commands", "Mark %1").replace("%1", status)
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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        status = (self.previous or Status.NEW) if undoing else self.status
        return [self.lost_edit("status", None, status=status)]


class AcceptSpan(EditCommand):
    """Put one annotator's version of a span into gold (replacing gold versions of it)."""

    def __init__(
        self, session: Session, document_id: int, span_id: int, replacing: tuple[int, ...] = ()
    ) -> None:
        super().__init__(session, document_id, translate("commands", "Accept into gold"))
        self.span_id = span_id
        self.replacing = replacing
        self.accepted: adjudicating.Accepted | None = None

    def apply(self) -> None:
        self.accepted = adjudicating.accept(
            self.project, self.span_id, self.annotator, replacing=self.replacing
        )
        gold = self.accepted.gold
        said = translate("commands", "Accept %1 into gold")
        self.setText(said.replace("%1", describe(self.session, gold.label, gold.text)))
        self.session.edited(self.document_id, GOLD, [(gold.start, gold.end)])

    def revert(self) -> None:
        adjudicating.undo_accept(self.project, self.accepted, self.annotator)
        gold = self.accepted.gold
        self.session.edited(self.document_id, GOLD, [(gold.start, gold.end)])

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        """The accepted version as a gold span (its provenance is not kept)."""
        span = self.accepted.gold if self.accepted else viewing.span(self.project, self.span_id)
        if span is None:
            return []
        edit = self.lost_edit("delete" if undoing else "create", state(span))
        return [replace(edit, annotator=GOLD)]
