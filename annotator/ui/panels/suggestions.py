"""The suggestions tab: what the model learned from, how many suggestions the shown document
has, and each recommender's precision on what the annotator accepted and rejected."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ops.suggest_verdicts import Precision
from annotator.ui.language import figure


class SuggestionsPanel(QWidget):
    startRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = QPushButton(self.tr("Suggest from a layer…"))
        self.start.clicked.connect(self.startRequested)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.count = QLabel()
        self.help = QLabel(
            self.tr(
                "Suggestions are outlined in the text. F4 and Shift+F4 choose one; Enter "
                "accepts it, a label key accepts it with that label, Backspace rejects it, "
                "Shift+Enter accepts every suggestion of its label in the document."
            )
        )
        self.help.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Recommender"), self.tr("Accepted"), self.tr("Rejected"), self.tr("Precision")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        for widget in (self.start, self.status, self.count, self.help):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_count(self, text: str) -> None:
        self.count.setText(text)

    def show_precision(self, rows: list[Precision]) -> None:
        """One row a recommender: accepted, rejected, and the share accepted."""
        self.table.setRowCount(len(rows))
        for row, found in enumerate(rows):
            share = found.precision
            shown = "—" if share is None else figure(f"{share:.0%}")
            name = self.tr("dictionary") if found.recommender == "dictionary" else found.recommender
            cells = (name, figure(found.accepted), figure(found.rejected), shown)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def rows(self) -> list[tuple[str, ...]]:
        """The table as shown, row by row."""
        table = self.table
        return [
            tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())
        ]
