"""Review mode in the window: the text view gives way to the layers side by side, and the
document list shows the documents with the worst agreement first."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.ops import adjudicating, reviewing, viewing
from annotator.ui.browsing import Browsing
from annotator.ui.language import figure, fill, listed
from annotator.ui.project_actions import Busy, show_error
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.documents import ReviewListModel
from annotator.ui.review.view import ReviewView
from annotator.ui.session import Session
from annotator.ui.tasks import run_task


class ReviewMode(QObject):
    """Follows the session: when review mode is on, the review view shows the shown
    document's layers and the list is in review order; edits to any layer refresh it."""

    def __init__(self, session: Session, browsing: Browsing, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.browsing, self.parent_widget = session, browsing, parent
        self.view = ReviewView(session)
        self.view.status.connect(lambda text: session.message.emit(text, 5000))
        self.view.accept_agreed_button.clicked.connect(self.accept_agreed_here)
        session.reviewChanged.connect(self._toggled)
        session.documentShown.connect(self._document_shown)
        session.layerEdited.connect(self._layer_edited)
        session.changedElsewhere.connect(self._changed_elsewhere)
        session.projectChanged.connect(self.view.clear)

    @property
    def active(self) -> bool:
        return self.session.review

    def _toggled(self, on: bool) -> None:
        if on:
            self.order_by_agreement()
            self._document_shown()
        else:
            self.view.clear()
            self.browsing.show_all()

    def _document_shown(self) -> None:
        if self.active:
            self.view.show_document(self.session.document_id)

    def _layer_edited(self, document_id: int, _layer: str) -> None:
        if self.active and document_id == self.view.document_id:
            self.view.refresh()

    def _changed_elsewhere(self) -> None:
        if self.active:
            self.view.refresh()

    def _agreement(self, show_error: bool = True):
        """Agreement over the whole project, measured in a worker with progress and Cancel."""
        outcome = run_task(
            self.parent_widget,
            self.tr("Agreement"),
            self.session.project.folder,
            lambda project, progress: reviewing.agreement(project, progress=progress),
            show_error=show_error,
        )
        return outcome.result if outcome.ok else None

    def order_by_agreement(self) -> None:
        """The documents two or more annotators annotated, worst agreement first."""
        agreement = self._agreement(show_error=False)
        if agreement is None:
            self.session.message.emit(
                self.tr(
                    "Fewer than two annotators: review mode shows the layers, with nothing to "
                    "compare yet."
                ),
                6000,
            )
            return
        model = ReviewListModel(agreement.documents)
        self.browsing.show_order(model)
        if agreement.documents:  # start where the work is: the worst document
            self.session.show_document(model.document_id(0))

    def accept_agreed_here(self) -> None:
        if self.session.document_id is not None:
            self._accept_agreed([self.session.document_id], None)

    def accept_agreed_everywhere(self) -> None:
        if self.session.project is None:
            return
        names = reviewing.layers(self.session.project)
        minimum, ok = QInputDialog.getInt(
            self.parent_widget,
            self.tr("Accept all agreed"),
            fill(
                self.tr(
                    "Accept every span on which at least this many annotators agree\n"
                    "(of %1: %2), in every document:"
                ),
                figure(len(names)),
                listed(names),
            ),
            max(2, len(names)),
            1,
            max(1, len(names)),
        )
        if ok:
            self._accept_agreed(None, minimum)

    def _accept_agreed(self, documents: list[int] | None, minimum: int | None) -> None:
        session = self.session
        try:
            with Busy():
                report = adjudicating.accept_agreed(
                    session.project, session.annotator, minimum=minimum, documents=documents
                )
        except AnnotatorError as error:
            show_error(self.parent_widget, error)
            return
        QMessageBox.information(self.parent_widget, self.tr("Accept all agreed"), self.said(report))
        for document_id in documents or [session.document_id]:
            if document_id is not None:
                session.edited(document_id, GOLD, [(0, len(session.text))], None)

    def said(self, report) -> str:
        """What accepting the agreed did, in the window's language."""
        text = fill(
            self.tr("%1 agreed spans, %2 agreed events and %3 links added to gold in %4 documents"),
            *(figure(n) for n in (report.spans_added, report.events_added, report.links_added)),
            figure(report.documents),
        )
        if report.unsettled:
            unsettled = self.tr(
                "; %1 of them have attributes the annotators set differently, left empty for "
                "you to settle"
            )
            text += fill(unsettled, figure(report.unsettled))
        return text + "."

    def dashboard(self) -> AgreementDashboard | None:
        session = self.session
        if session.project is None:
            return None
        agreement = self._agreement()
        if agreement is None:
            return None
        progress = reviewing.progress(session.project)
        total = viewing.document_count(session.project)
        dialog = AgreementDashboard(agreement, progress, total, self.parent_widget)
        dialog.documentChosen.connect(session.show_document)
        dialog.show()
        return dialog
