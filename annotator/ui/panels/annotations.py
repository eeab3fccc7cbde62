"""The annotations panel: the document's spans in text order, in step with the text view."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.model import Event, Span
from annotator.ui.models.spans import SpanTableModel
from annotator.ui.span_merge import SpanChange


class AnnotationsPanel(QTableView):
    spanSelected = Signal(object)  # span id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spans_model = SpanTableModel()
        self.setModel(self.spans_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sizing to contents
        header.setStretchLastSection(True)  # would read every row of a long document
        for column, width in enumerate((80, 140)):
            header.resizeSection(column, width)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._quiet = False
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        if self._quiet:
            return
        indexes = self.selectionModel().selectedIndexes()
        self.spanSelected.emit(self.spans_model.spans[indexes[0].row()].id if indexes else None)

    def change_spans(self, spans: list[Span], change: SpanChange, events: list[Event]) -> None:
        """An edit's rows in and out; a selected row taken out is not a choice made here."""
        self._quiet = True
        try:
            self.spans_model.change_spans(spans, change, events)
        finally:
            self._quiet = False

    def showEvent(self, event) -> None:
        """The selected span's row in view when the list comes into view (a hidden table
        cannot scroll to the row chosen while it was hidden)."""
        super().showEvent(event)
        rows = self.selectionModel().selectedRows()
        if rows:
            self.scrollTo(rows[0])

    def show_span(self, span_id: int | None) -> None:
        """Follow a selection made in the text, without echoing it back."""
        self._quiet = True
        try:
            row = self.spans_model.row_of(span_id) if span_id is not None else None
            if row is None:
                self.clearSelection()
            else:
                index = self.spans_model.index(row, 0)
                self.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.scrollTo(index)
        finally:
            self._quiet = False
