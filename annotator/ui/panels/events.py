"""The events panel: the document's events, a row each; choosing a row selects the event
(and its word in the text). Buttons make another event on the selected word, an event with
no word, or delete the selected event."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.column_fit import ColumnFitter
from annotator.ui.language import translate
from annotator.ui.models.events import EventTableModel


class EventsPanel(QWidget):
    eventChosen = Signal(object)  # event id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.model = EventTableModel()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(40)  # fitted to the first rows, not to all 500
        header.setMaximumSectionSize(190)  # a long coded type leaves room for the word
        self.fitter = ColumnFitter(self.table)  # every column read without scrolling sideways
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.another = QPushButton(translate("EventsPanel", "Another on this word"))
        self.another.setToolTip(
            translate("EventsPanel", "Another event on the selected word (Ctrl+J)")
        )
        self.without_word = QPushButton(translate("EventsPanel", "No word"))
        self.without_word.setToolTip(
            translate("EventsPanel", "An event with no trigger word (Ctrl+Shift+J)")
        )
        self.delete = QPushButton(translate("EventsPanel", "Delete event"))
        for button in (self.another, self.without_word, self.delete):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self._quiet = False
        self.table.selectionModel().selectionChanged.connect(self._chosen)

    def _chosen(self) -> None:
        if self._quiet:
            return
        rows = self.table.selectionModel().selectedRows()
        self.eventChosen.emit(self.model.events[rows[0].row()].id if rows else None)

    def fit_columns(self) -> None:
        """Columns as wide as the events listed need, within the width the table shows."""
        self.fitter.fit()

    def showEvent(self, event) -> None:
        """The selected event's row in view when the panel comes into view (a hidden table
        cannot scroll to the row chosen while it was hidden)."""
        super().showEvent(event)
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.scrollTo(rows[0])

    def show_event(self, event_id: int | None) -> None:
        """Follow the event selected elsewhere, without echoing it back."""
        self._quiet = True
        try:
            row = self.model.row_of(event_id)
            if row is None:
                self.table.clearSelection()
            else:
                index = self.model.index(row, 0)
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            self._quiet = False
