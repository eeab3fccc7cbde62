"""The lead's part of the hub status: dealing out the documents no one has to the annotators
chosen, in turn, and ending the assignments they have not begun — what ``annotator hub
assign`` and ``unassign`` do. Shown only to a lead: the hub refuses anyone else."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.ops import hub_window
from annotator.ops.hub_setup import Unassigned
from annotator.ui.language import figure, fill
from annotator.ui.tasks import BackgroundCall, Outcome

Target = Callable[[], tuple[str, str | None]]  # the hub's address and the password kept for it


class HubAssigning(QGroupBox):
    """Checkable annotators, how many of them per document, and the two buttons. ``said``
    carries what was done (or why not) once the hub has answered."""

    said = Signal(str, bool)  # the words, and whether the hub changed

    def __init__(self, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assign documents"), parent)
        self.target = target
        self.call: BackgroundCall | None = None
        grid = QGridLayout(self)
        self.names = QListWidget()
        self.names.setMaximumHeight(96)
        grid.addWidget(self.names, 0, 0, 3, 1)
        grid.addWidget(QLabel(self.tr("Annotators per document:")), 0, 1)
        self.per_document = QSpinBox()
        self.per_document.setMinimum(1)
        grid.addWidget(self.per_document, 0, 2)
        self.assign_button = QPushButton(self.tr("Assign the documents no one has"))
        self.assign_button.setToolTip(
            self.tr(
                "Each document without an annotator goes to the annotators ticked, in turn, in "
                "the order the hub received the documents. They see theirs first after their "
                "next sync."
            )
        )
        self.assign_button.clicked.connect(self.assign)
        grid.addWidget(self.assign_button, 1, 1, 1, 2)
        self.end_button = QPushButton(self.tr("End their assignments not begun"))
        self.end_button.setToolTip(
            self.tr("The ticked annotators' documents that they have not begun are theirs no more.")
        )
        self.end_button.clicked.connect(self.end)
        grid.addWidget(self.end_button, 2, 1, 1, 2)
        grid.setColumnStretch(0, 1)
        self.hide()

    def show_members(self, members: list[tuple[str, str]], login: str | None) -> None:
        """The hub's annotators, ticked as they were (all, the first time); shown to a lead."""
        was = {self.names.item(row).text(): self._ticked(row) for row in range(self.names.count())}
        annotators = [name for name, role in members if role != "lead"]
        self.names.clear()
        for name in annotators:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = was.get(name, True)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.names.addItem(item)
        self.per_document.setMaximum(max(1, len(annotators)))
        self.setVisible((login, "lead") in members)

    def _ticked(self, row: int) -> bool:
        return self.names.item(row).checkState() == Qt.CheckState.Checked

    def chosen(self) -> list[str]:
        return [self.names.item(r).text() for r in range(self.names.count()) if self._ticked(r)]

    def assign(self) -> None:
        names, count = self.chosen(), self.per_document.value()
        if self._ready(names) and self._enough(names, count):
            url, password = self.target()
            self._start(lambda: hub_window.assign_documents(url, password, names, count))

    def end(self) -> None:
        names = self.chosen()
        if self._ready(names):
            url, password = self.target()
            self._start(lambda: hub_window.end_assignments(url, password, names))

    def _ready(self, names: list[str]) -> bool:
        if self.call is not None:
            return False
        if not names:
            self.said.emit(self.tr("Tick at least one annotator."), False)
            return False
        return True

    def _enough(self, names: list[str], count: int) -> bool:
        if count > len(names):
            said = self.tr("Tick as many annotators as there are to be per document (%1).")
            self.said.emit(fill(said, figure(count)), False)
            return False
        return True

    def _start(self, work: Callable[[], object]) -> None:
        self.assign_button.setEnabled(False)
        self.end_button.setEnabled(False)
        self.call = BackgroundCall(work, self)
        self.call.finished.connect(self._finished)
        self.call.start()

    def _finished(self, outcome: Outcome) -> None:
        self.call = None
        self.assign_button.setEnabled(True)
        self.end_button.setEnabled(True)
        if not outcome.ok:
            self.said.emit(outcome.error or "", False)
        elif isinstance(outcome.result, Unassigned):
            said = self.tr("%1 assignments ended; %2 begun ones kept.")
            self.said.emit(
                fill(said, figure(outcome.result.removed), figure(outcome.result.kept_started)),
                True,
            )
        elif outcome.result:
            said = self.tr(
                "%1 new assignments: each annotator sees theirs first after their next sync."
            )
            self.said.emit(fill(said, figure(outcome.result)), True)
        else:
            self.said.emit(self.tr("Every document has its annotators: nothing to assign."), False)
