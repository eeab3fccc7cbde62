"""The agreement dashboard: figures per pair of annotators and per label, charts that can be
saved as PNG or SVG, and the documents that need review most, worst first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.review.agreement import Agreement


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ChartTab(QWidget):
    """A matplotlib figure in the window, with a button to save it."""

    def __init__(self, figure, name: str) -> None:
        super().__init__()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.figure = figure
        self.name = name
        column = QVBoxLayout(self)
        column.addWidget(FigureCanvasQTAgg(figure), 1)
        save = QPushButton("Save as PNG or SVG…")
        save.clicked.connect(self.save)
        column.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)

    def save(self) -> None:
        from annotator.reports import charts

        path, _ = QFileDialog.getSaveFileName(
            self, "Save chart", f"{self.name}.png", "Images (*.png *.svg)"
        )
        if path:
            try:
                charts.save(self.figure, path)
            except AnnotatorError as error:
                QLabel(str(error), self).show()


class AgreementDashboard(QDialog):
    documentChosen = Signal(int)

    def __init__(self, agreement: Agreement, progress: dict, total: int, parent=None) -> None:
        from annotator.reports import charts  # matplotlib: loaded when a chart is first drawn

        super().__init__(parent)
        self.setWindowTitle("Agreement")
        self.resize(980, 700)
        self.agreement = agreement
        column = QVBoxLayout(self)
        alpha = _number(agreement.alpha)
        column.addWidget(
            QLabel(
                f"<b>Krippendorff's alpha</b> across {', '.join(agreement.annotators)}: {alpha} "
                f"(on {agreement.tokens:,} token labels)"
            )
        )
        tabs = QTabWidget()
        column.addWidget(tabs, 1)
        self.pairs = _table(
            [
                "Annotators",
                "Documents",
                "Exact P",
                "Exact R",
                "Exact F1",
                "Overlap F1",
                "Kappa",
                "Events exact F1",
                "Events overlap F1",
            ],
            [
                [
                    " / ".join(p.annotators),
                    str(p.documents),
                    _number(p.exact.precision),
                    _number(p.exact.recall),
                    _number(p.exact.f1),
                    _number(p.overlap.f1),
                    _number(p.cohen_kappa),
                    _number(p.events["exact"].f1),
                    _number(p.events["overlap"].f1),
                ]
                for p in agreement.pairs
            ],
        )
        tabs.addTab(self.pairs, "Pairs")
        by_label = agreement.by_label()
        self.labels = _table(
            ["Label", "Exact F1", "Overlap F1"],
            [[label, _number(c.exact.f1), _number(c.overlap.f1)] for label, c in by_label.items()],
        )
        tabs.addTab(self.labels, "Labels")
        self.worst = _table(
            ["Document", "Exact F1", "Overlap F1", "Annotators"],
            [
                [d.name, _number(d.exact_f1), _number(d.overlap_f1), ", ".join(d.annotators)]
                for d in agreement.documents
            ],
        )
        self.worst.cellDoubleClicked.connect(
            lambda row, _column: self.documentChosen.emit(agreement.documents[row].id)
        )
        tabs.addTab(self.worst, "Documents (worst first)")
        tabs.addTab(
            ChartTab(charts.agreement_by_label(agreement), "agreement-per-label"), "Chart: labels"
        )
        if agreement.pairs:
            labels, matrix = agreement.confusion(agreement.pairs[0])
            figure = charts.confusion_heatmap(
                labels, matrix, agreement.pairs[0].annotators, agreement.schema
            )
            tabs.addTab(ChartTab(figure, "confusion"), "Chart: confusion")
        tabs.addTab(
            ChartTab(charts.progress_by_annotator(progress, total), "progress"), "Chart: progress"
        )
        close = QHBoxLayout()
        close.addStretch(1)
        button = QPushButton("Close")
        button.clicked.connect(self.accept)
        close.addWidget(button)
        column.addLayout(close)
