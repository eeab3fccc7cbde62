"""Undoable commands that join an event to its arguments, and part them."""

from __future__ import annotations

from annotator.core.model import Span
from annotator.core.text import isolate
from annotator.ops import editing
from annotator.ops.unsaved import UnsavedEdit
from annotator.ui.commands import state
from annotator.ui.edit_command import EditCommand
from annotator.ui.session import Session


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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        return _link_edit(self, self.source, self.target, self.role, undoing)


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

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        relation = self.removed
        if relation is None:
            return []
        return _link_edit(self, relation.source, relation.target, relation.role, not undoing)


def _link_edit(
    command: EditCommand, source: int, target: int, role: str, undoing: bool
) -> list[UnsavedEdit]:
    """A link (or, undoing, an unlink) as plain data."""
    event, argument = command.session.span(source), command.session.span(target)
    if event is None or argument is None:
        return []
    action = "unlink" if undoing else "link"
    return [command.lost_edit(action, state(event), argument=state(argument), role=role)]
