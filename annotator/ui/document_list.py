"""The document list panel: a filter box over the lazy list of documents, and the order it
is in: import order (the ordinary list, where the filter works), or most uncertain first
(the documents not annotated yet that the learned model is least sure of,
:mod:`annotator.ui.suggest_order`). Review mode puts the list in its own order."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.language import translate
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.suggest_order_list import UncertaintyListModel

IMPORT_ORDER, UNCERTAIN = "import", "uncertain"


class DocumentList(QWidget):
    documentChosen = Signal(int)
    orderChosen = Signal(str)  # IMPORT_ORDER or UNCERTAIN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("DocumentList", "Filter by name…"))
        self.filter.setClearButtonEnabled(True)
        self.order = QComboBox()
        self.order.addItem(translate("DocumentList", "Import order"), IMPORT_ORDER)
        self.order.addItem(translate("DocumentList", "Most uncertain first"), UNCERTAIN)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.order)
        layout.addLayout(row)
        self.open_threads = QCheckBox(
            translate("DocumentList", "Only documents with open discussions")
        )
        layout.addWidget(self.open_threads)
        self.view = QTableView()  # lays out uniform rows without visiting 100,000 of them
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        layout.addWidget(self.view, 1)
        self.model: DocumentListModel | None = None
        self._quiet = False
        self.filter.textChanged.connect(self._filter)
        self.open_threads.toggled.connect(lambda _on: self._filter(self.filter.text()))
        self.order.activated.connect(lambda i: self.orderChosen.emit(self.order.itemData(i)))

    def set_model(self, model) -> None:
        """The ordinary list (DocumentListModel), most uncertain first (UncertaintyListModel)
        or the review order (ReviewListModel)."""
        self.model = model
        self.view.setModel(model)
        uncertain = isinstance(model, UncertaintyListModel)
        self.order.setEnabled(uncertain or isinstance(model, DocumentListModel))
        self.order.setCurrentIndex(self.order.findData(UNCERTAIN if uncertain else IMPORT_ORDER))
        if model is None:
            return
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            wide = (
                translate("DocumentListModel", "◐ in progress")
                if title == translate("DocumentListModel", "Status")
                else title
            )
            widest = max(metrics.horizontalAdvance(line) for line in wide.split("\n"))
            header.resizeSection(column, widest + 16)
        filterable = isinstance(model, DocumentListModel)
        self.filter.setEnabled(filterable)
        self.open_threads.setEnabled(filterable)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

    def _row_changed(self, current, _previous) -> None:
        if self._quiet or self.model is None or not current.isValid():
            return
        document_id = self.model.document_id(current.row())
        if document_id is not None:
            self.documentChosen.emit(document_id)

    def _filter(self, text: str) -> None:
        if self.model is not None:
            self.model.set_filter(text, self.open_threads.isChecked())

    def show_document(self, document_id: int | None) -> None:
        """Select a document's row without reopening it."""
        if self.model is None:
            return
        row = self.model.row_of(document_id) if document_id is not None else None
        self._quiet = True
        try:
            if row is None:
                self.view.clearSelection()
                return
            index = self.model.index(row, 0)
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        finally:
            self._quiet = False
