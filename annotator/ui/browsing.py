"""Moving through the documents: the list follows the session (who annotates, the review
order, the shown document), and Page Down / Page Up and "done and next" move along it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.model import Status
from annotator.ops import editing, viewing
from annotator.ui import commands
from annotator.ui.document_list import IMPORT_ORDER, DocumentList
from annotator.ui.language import figure, translate
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.session import Session
from annotator.ui.settings import Settings


class Browsing(QObject):
    def __init__(self, session: Session, panel: DocumentList, settings: Settings) -> None:
        super().__init__(panel)
        self.session, self.panel, self.settings = session, panel, settings
        panel.documentChosen.connect(session.show_document)
        panel.orderChosen.connect(lambda order: order == IMPORT_ORDER and self.show_all())
        session.projectChanged.connect(self._project_changed)
        session.documentShown.connect(self._document_shown)
        session.documentChanged.connect(self._document_changed)
        session.changedElsewhere.connect(self._changed_elsewhere)
        session.layerChanged.connect(lambda: self.model and self.model.set_annotator(session.layer))

    @property
    def model(self):
        return self.panel.model

    def _project_changed(self) -> None:
        session = self.session
        if session.project is None:
            self.panel.set_model(None)
            return
        self.show_all()
        folder = session.project.folder
        first = self.settings.last_document(folder)
        if first is None or viewing.document(session.project, first) is None:
            first = viewing.first_document(session.project)
        session.show_document(first)

    def show_all(self) -> None:
        """The ordinary list: every document in import order, with the layer's statuses."""
        self.panel.set_model(DocumentListModel(self.session.project, self.session.layer))
        self.panel.show_document(self.session.document_id)

    def show_order(self, model) -> None:
        """Another order (review: worst agreement first; most uncertain first)."""
        self.panel.set_model(model)
        self.panel.show_document(self.session.document_id)

    def _document_shown(self) -> None:
        session = self.session
        self.panel.show_document(session.document_id)
        if session.document_id is not None:
            self.settings.set_last_document(session.project.folder, session.document_id)

    def _changed_elsewhere(self) -> None:
        """Rows re-read; the shown document's row selected again (a sync that brings
        assignments moves documents up or down the list)."""
        if self.model is not None:
            self.model.refresh()
            self.panel.show_document(self.session.document_id)

    def _document_changed(self, document_id: int) -> None:
        if self.model is not None:
            self.model.document_changed(document_id)

    def position(self) -> tuple[int | None, int]:
        """The shown document's row in the list (None when filtered out), and the rows."""
        model, document_id = self.model, self.session.document_id
        if model is None:
            return None, 0
        row = model.row_of(document_id) if document_id is not None else None
        return row, model.rowCount()

    def step(self, direction: int) -> None:
        session = self.session
        if session.document_id is None or self.model is None:
            return
        neighbour = self.model.neighbour(session.document_id, direction)
        if neighbour is not None:
            session.show_document(neighbour)
        else:
            last = (
                translate("browsing", "This is the last document.")
                if direction > 0
                else translate("browsing", "This is the first document.")
            )
            session.message.emit(last, 3000)

    def set_status(self, status: str) -> bool:
        session = self.session
        if session.document_id is None or session.read_only:
            return False
        return session.push(commands.SetStatus(session, session.document_id, status))

    def missing_before_done(self) -> list[str]:
        session = self.session
        return editing.missing_required(session.project, session.document_id, session.annotator)

    def done_and_next(self) -> None:
        if self.set_status(Status.DONE):
            self.step(1)


def confirm_done(parent: QWidget, problems: list[str]) -> bool:
    """Ask before marking a document done whose spans lack required attributes."""
    shown = "\n".join(f"• {p}" for p in problems[:12])
    more = translate("browsing", "… and %1 more").replace("%1", figure(len(problems) - 12))
    more = f"\n{more}" if len(problems) > 12 else ""
    answer = QMessageBox.question(
        parent,
        translate("browsing", "Required attributes missing"),
        translate(
            "browsing", "Some spans are not fully coded:\n%1\n\nMark the document done anyway?"
        ).replace("%1", shown + more),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
