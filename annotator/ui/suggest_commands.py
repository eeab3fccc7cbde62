"""Undoable verdicts on suggestions: accepting one or several (they become spans of the
annotator's layer, in one transaction) and rejecting one (remembered by the project)."""

from __future__ import annotations

from annotator.core.suggestions import Suggestion
from annotator.ops import suggest_verdicts
from annotator.ops.suggest_verdicts import AcceptedSuggestions
from annotator.ops.unsaved import SpanState, UnsavedEdit
from annotator.ui.commands import describe
from annotator.ui.edit_command import EditCommand
from annotator.ui.language import figure, label_name, translate
from annotator.ui.session import Session


class AcceptSuggestions(EditCommand):
    """Accept suggestions, each with the label chosen for it."""

    def __init__(self, session: Session, chosen: list[tuple[Suggestion, str]]) -> None:
        if len(chosen) == 1:
            found, label = chosen[0]
            what = describe(session, label, found.text)
            text = translate("suggest_commands", "Accept suggestion %1").replace("%1", what)
        else:
            found = session.schema.label(chosen[0][1])
            text = (
                translate("suggest_commands", "Accept %1 suggestions of %2")
                .replace("%1", figure(len(chosen)))
                .replace("%2", label_name(found) if found else chosen[0][1])
            )
        super().__init__(session, session.document_id, text)
        self.chosen = chosen
        self.accepted: AcceptedSuggestions | None = None

    def apply(self) -> None:
        ids = [span.id for span in self.accepted.spans] if self.accepted else []
        events = self.accepted.events if self.accepted else []
        self.accepted = suggest_verdicts.accept(
            self.project, self.document_id, self.annotator, self.chosen, self.annotator, ids,
            events,
        )  # fmt: skip
        self.focus = self.accepted.spans[-1].id if len(self.chosen) == 1 else None
        self._changed()

    def revert(self) -> None:
        suggest_verdicts.undo_accept(self.project, self.accepted, self.annotator)
        self.focus = None
        self._changed()

    def _changed(self) -> None:
        touched = [(found.start, found.end) for found, _label in self.chosen]
        self.session.edited(self.document_id, self.annotator, touched)

    def unsaved(self, undoing: bool = False) -> list[UnsavedEdit]:
        action = "delete" if undoing else "create"
        return [
            self.lost_edit(action, SpanState(f.start, f.end, label)) for f, label in self.chosen
        ]


class RejectSuggestion(EditCommand):
    def __init__(self, session: Session, found: Suggestion) -> None:
        what = describe(session, found.label, found.text)
        text = translate("suggest_commands", "Reject suggestion %1").replace("%1", what)
        super().__init__(session, session.document_id, text)
        self.found = found
        self.verdict: int | None = None

    def apply(self) -> None:
        self.verdict = suggest_verdicts.reject(
            self.project, self.document_id, self.annotator, self.found
        )
        self.session.edited(self.document_id, self.annotator, [])

    def revert(self) -> None:
        suggest_verdicts.undo_reject(self.project, self.verdict)
        self.session.edited(self.document_id, self.annotator, [])
