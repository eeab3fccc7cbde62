"""Review mode in the window: the text view gives way to the layers side by side, and the
document list shows the documents with the worst agreement first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.ops import adjudicating, reviewing
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.documents import ReviewListModel
from annotator.ui.review.view import ReviewView
from annotator.ui.tasks import run_task

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class _Busy:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class ReviewMode:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = ReviewView()
        self.active = False
        self._sizes: list[int] = []
        self.view.status.connect(lambda text: window.statusBar().showMessage(text, 5000))
        self.view.accept_agreed_button.clicked.connect(self.accept_agreed_here)

    def toggle(self, on: bool) -> None:
        window = self.window
        if window.project is None:
            return
        if on == self.active:
            return
        self.active = on
        if on:
            self.view.font_size = window.text_view.font_size()
            self._sizes = window.splitter.sizes()
            total = sum(self._sizes)
            window.splitter.setSizes([200, total - 480, 280])  # room for the panes
            window.center.setCurrentWidget(self.view)
            self.order_by_agreement()
            if window.document_id is not None and self.view.document_id != window.document_id:
                self.view.show_document(window.session, window.document_id)
        else:
            window.center.setCurrentIndex(0)
            window.splitter.setSizes(self._sizes)
            window.documents.set_model(DocumentListModel(window.project, window.annotator))
            if window.document_id is not None:
                window.open_document(window.document_id)

    def _agreement(self, show_error: bool = True):
        """Agreement over the whole project, measured in a worker with progress and Cancel."""
        outcome = run_task(
            self.window,
            "Agreement",
            self.window.project.folder,
            lambda project, progress: reviewing.agreement(project, progress=progress),
            show_error=show_error,
        )
        return outcome.result if outcome.ok else None

    def order_by_agreement(self) -> None:
        """The documents two or more annotators annotated, worst agreement first."""
        window = self.window
        agreement = self._agreement(show_error=False)
        if agreement is None:
            window.statusBar().showMessage(
                "Fewer than two annotators: review mode shows the layers, with nothing to "
                "compare yet.",
                6000,
            )
            return
        window.documents.set_model(ReviewListModel(agreement.documents))
        if agreement.documents:  # start where the work is: the worst document
            window.open_document(window.documents.model.document_id(0))

    def document_opened(self, document_id: int) -> None:
        if self.active:
            self.view.show_document(self.window.session, document_id)

    def spans_changed(self, document_id: int) -> None:
        if self.active and document_id == self.view.document_id:
            self.view.refresh()

    def accept_agreed_here(self) -> None:
        window = self.window
        if window.document_id is None:
            return
        self._accept_agreed([window.document_id], None)

    def accept_agreed_everywhere(self) -> None:
        window = self.window
        if window.project is None:
            return
        names = reviewing.layers(window.project)
        minimum, ok = QInputDialog.getInt(
            window,
            "Accept all agreed",
            f"Accept every span on which at least this many annotators agree\n"
            f"(of {len(names)}: {', '.join(names)}), in every document:",
            max(2, len(names)),
            1,
            max(1, len(names)),
        )
        if ok:
            self._accept_agreed(None, minimum)

    def _accept_agreed(self, documents: list[int] | None, minimum: int | None) -> None:
        window = self.window
        try:
            with _Busy():
                report = adjudicating.accept_agreed(
                    window.project, window.annotator, minimum=minimum, documents=documents
                )
        except AnnotatorError as error:
            window.show_error(error)
            return
        QMessageBox.information(window, "Accept all agreed", report.summary() + ".")
        for document_id in documents or []:
            window.session.spansChanged.emit(document_id, [(0, len(window.text))])
        if documents is None and window.document_id is not None:
            window.session.spansChanged.emit(window.document_id, [(0, len(window.text))])

    def dashboard(self) -> None:
        window = self.window
        if window.project is None:
            return
        agreement = self._agreement()
        if agreement is None:
            return
        progress = reviewing.progress(window.project)
        dialog = AgreementDashboard(agreement, progress, window.project.documents.count(), window)
        dialog.documentChosen.connect(window.open_document)
        dialog.show()
        return dialog
