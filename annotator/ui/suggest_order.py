"""The document list's "most uncertain first" order: the learned model that suggestions use
measures, in the background, how unsure it is of each document the annotator has not
annotated (:mod:`annotator.ops.suggest_uncertainty`), and the list shows the least sure
first. It is read again as measuring goes on, and measured anew when the model is trained
again, or for another layer."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject

from annotator.ops import suggest_uncertainty
from annotator.ui.document_list import UNCERTAIN
from annotator.ui.language import figure, fill
from annotator.ui.session import Session
from annotator.ui.suggest_order_list import UncertaintyListModel
from annotator.ui.tasks import Outcome, Task

REORDER_EVERY = 3.0  # seconds between two readings of the order while measuring


class UncertaintyOrder(QObject):
    def __init__(self, session: Session, suggesting: QObject) -> None:
        super().__init__(suggesting)
        self.session, self.suggesting = session, suggesting
        self.browsing = None
        self.task: Task | None = None
        self.list: UncertaintyListModel | None = None
        self._read = 0.0  # when the order was last read
        suggesting.modelTrained.connect(self._remeasure)
        session.layerChanged.connect(self._remeasure)  # another layer: others to measure

    def attach(self, browsing) -> None:
        """Offer the order in the document list that ``browsing`` keeps."""
        self.browsing = browsing
        browsing.panel.orderChosen.connect(self._chosen)

    def _chosen(self, order: str) -> None:
        if order == UNCERTAIN:
            self.show()

    def active(self) -> bool:
        return self.list is not None and self.browsing.model is self.list

    def show(self) -> None:
        """List the documents most uncertain first, and measure those not measured yet."""
        self._cancel()
        model = self.suggesting.model
        found = suggest_uncertainty.scorer(model.recommenders) if model is not None else None
        if found is None or self.session.project is None:
            self.session.message.emit(
                self.tr(
                    "Most uncertain first needs the learned model: suggest from a layer with "
                    "it first (Suggestions menu)."
                ),
                8000,
            )
            self.browsing.show_all()
            return
        session = self.session
        self.list = UncertaintyListModel(session.project, found.fingerprint(), session.layer)
        self.browsing.show_order(self.list)
        self._read = time.monotonic()
        copy, layer = found.copy(), session.layer

        def operation(project, progress) -> int:
            return suggest_uncertainty.measure(project, copy, layer, progress)

        self.task = Task(session.project.folder, operation, self)
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._measured)
        self.task.start()

    def measuring(self) -> bool:
        return self.task is not None

    def _progressed(self, done: int, total: int | None) -> None:
        said = self.tr("Measuring how unsure the learned model is: %1 of %2 documents…")
        self.session.message.emit(fill(said, figure(done), figure(total or done)), 3000)
        if self.active() and time.monotonic() - self._read >= REORDER_EVERY:
            self._reorder()

    def _measured(self, outcome: Outcome) -> None:
        self.task = None
        if outcome.error is not None:
            self.session.message.emit(outcome.error, 8000)
        elif outcome.ok and self.active():
            self._reorder()

    def _reorder(self) -> None:
        self._read = time.monotonic()
        self.list.reorder()
        self.browsing.panel.show_document(self.session.document_id)

    def _remeasure(self) -> None:
        if self.active():
            self.show()

    def _cancel(self) -> None:
        if self.task is not None:
            task, self.task = self.task, None
            task.finished.disconnect(self._measured)
            task.cancel()
            task.wait()

    def stop(self) -> None:
        """The project closed (or another opened), or the window: no measuring goes on."""
        self._cancel()
        self.list = None
