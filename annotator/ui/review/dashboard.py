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
from annotator.ui.language import figure, fill, listed


def _number(value: float | None) -> str:
    return "—" if value is None else figure(f"{value:.3f}")


def _words(chart, title=None, xlabel=None, ylabel=None, legend=()) -> None:
    """Put the window's words on a chart drawn in English, shaped for matplotlib."""
    from annotator.reports import charts

    axes = chart.axes[0]
    for setter, text in ((axes.set_title, title), (axes.set_xlabel, xlabel)):
        if text is not None:
            setter(charts.display(text), fontfamily=charts.FONTS)
    if ylabel is not None:
        axes.set_ylabel(charts.display(ylabel), fontfamily=charts.FONTS)
    for item, text in zip(axes.get_legend().get_texts() if legend else (), legend, strict=True):
        item.set_text(charts.display(text))
        item.set_fontfamily(charts.FONTS)


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
        save = QPushButton(self.tr("Save as PNG or SVG…"))
        save.clicked.connect(self.save)
        column.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)

    def save(self) -> None:
        from annotator.reports import charts

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{self.name}.png", self.tr("Images (*.png *.svg)")
        )
        if path:
            try:
                charts.save(self.figure, path)
            except AnnotatorError as error:
                QLabel(str(error), self).show()


class AgreementDashboard(QDialog):
    documentChosen = Signal(int)

    def __init__(self, agreement: Agreement, progress: dict, total: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement"))
        self.resize(980, 700)
        self.agreement = agreement
        column = QVBoxLayout(self)
        alpha = _number(agreement.alpha)
        column.addWidget(
            QLabel(
                fill(
                    self.tr("<b>Krippendorff's alpha</b> across %1: %2 (on %3 token labels)"),
                    listed(agreement.annotators),
                    alpha,
                    figure(agreement.tokens),
                )
            )
        )
        tabs = QTabWidget()
        column.addWidget(tabs, 1)
        self.pairs = _table(
            [
                self.tr("Annotators"),
                self.tr("Documents"),
                self.tr("Exact P"),
                self.tr("Exact R"),
                self.tr("Exact F1"),
                self.tr("Overlap F1"),
                self.tr("Kappa"),
                self.tr("Events exact F1"),
                self.tr("Events overlap F1"),
            ],
            [
                [
                    " / ".join(p.annotators),
                    figure(p.documents),
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
        tabs.addTab(self.pairs, self.tr("Pairs"))
        by_label = agreement.by_label()
        self.labels = _table(
            [self.tr("Label"), self.tr("Exact F1"), self.tr("Overlap F1")],
            [[label, _number(c.exact.f1), _number(c.overlap.f1)] for label, c in by_label.items()],
        )
        tabs.addTab(self.labels, self.tr("Labels"))
        self.worst = _table(
            [
                self.tr("Document"),
                self.tr("Exact F1"),
                self.tr("Overlap F1"),
                self.tr("Annotators"),
            ],
            [
                [d.name, _number(d.exact_f1), _number(d.overlap_f1), listed(d.annotators)]
                for d in agreement.documents
            ],
        )
        self.worst.cellDoubleClicked.connect(
            lambda row, _column: self.documentChosen.emit(agreement.documents[row].id)
        )
        tabs.addTab(self.worst, self.tr("Documents (worst first)"))
        for chart, name, title in self._charts(agreement, progress, total):
            tabs.addTab(ChartTab(chart, name), title)
        close = QHBoxLayout()
        close.addStretch(1)
        button = QPushButton(self.tr("Close"))
        button.clicked.connect(self.accept)
        close.addWidget(button)
        column.addLayout(close)

    def _charts(self, agreement: Agreement, progress: dict, total: int) -> list:
        """The charts, with the window's words on them: (figure, file name, tab title)."""
        from annotator.reports import charts

        pairs = ", ".join("–".join(pair.annotators) for pair in agreement.pairs)
        by_label = charts.agreement_by_label(agreement)
        exact, overlap = self.tr("exact F1"), self.tr("overlap F1")
        title = fill(self.tr("Agreement per label (%1)"), pairs)
        _words(by_label, title=title, ylabel="F1", legend=(exact, overlap))
        shown = [(by_label, "agreement-per-label", self.tr("Chart: labels"))]
        if agreement.pairs:
            labels, matrix = agreement.confusion(agreement.pairs[0])
            confusion = charts.confusion_heatmap(
                labels, matrix, agreement.pairs[0].annotators, agreement.schema
            )
            _words(confusion, title=self.tr("Label confusion"))
            shown.append((confusion, "confusion", self.tr("Chart: confusion")))
        done = charts.progress_by_annotator(progress, total)
        legend = (self.tr("done"), self.tr("in progress"))
        _words(done, xlabel=fill(self.tr("documents (of %1)"), figure(total)), legend=legend)
        shown.append((done, "progress", self.tr("Chart: progress")))
        return shown
