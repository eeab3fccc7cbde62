"""The layers of one document side by side, one pane per annotator plus gold, scrolling together.

For right-to-left articles the panes run right to left too: the first annotator's pane is
the rightmost, where a reader's eye starts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from annotator.core.model import GOLD, Span
from annotator.ui.language import figure, fill, translate
from annotator.ui.text_view import TextView


class Pane(QWidget):
    def __init__(self, layer: str, number: int, font_size: float) -> None:
        super().__init__()
        self.layer = layer
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-weight: bold; padding: 3px;")
        column.addWidget(self.title)
        self.view = TextView(font_size=font_size)
        column.addWidget(self.view, 1)
        self.number = number
        self.set_count(0)

    def set_count(self, spans: int) -> None:
        if self.layer == GOLD:
            who = translate("Pane", "gold")
        else:
            who = f"{figure(self.number)}  {self.layer}"
        if spans == 1:
            text = translate("Pane", "%1 — %2 span")
        else:
            text = translate("Pane", "%1 — %2 spans")
        self.title.setText(fill(text, who, figure(spans)))


class ReviewPanes(QSplitter):
    spanClicked = Signal(str, object)  # layer, span id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.panes: list[Pane] = []
        self._syncing = False

    def set_layers(self, layers: list[str], font_size: float, label_keys: frozenset[str]) -> None:
        for pane in self.panes:
            pane.hide()  # gone from the splitter now, not at the event loop's next turn
            pane.deleteLater()
        self.panes = []
        for number, layer in enumerate(layers, 1):
            pane = Pane(layer, number, font_size)
            # only gold is edited here; colleagues' layers are read, compared and accepted
            pane.view.label_keys = label_keys if layer == GOLD else frozenset()
            pane.view.spanClicked.connect(
                lambda span_id, name=layer: self.spanClicked.emit(name, span_id)
            )
            pane.view.verticalScrollBar().valueChanged.connect(
                lambda value, p=pane: self._follow(p, value)
            )
            self.addWidget(pane)
            self.panes.append(pane)

    def pane(self, layer: str) -> Pane | None:
        return next((p for p in self.panes if p.layer == layer), None)

    def show_document(
        self, text: str, spans: list[Span], colors: dict[str, str], relations: list, events: list
    ) -> None:
        for pane in self.panes:
            layer_spans = [s for s in spans if s.annotator == pane.layer]
            layer_relations = [r for r in relations if r.annotator == pane.layer]
            layer_events = [e for e in events if e.annotator == pane.layer]
            pane.view.show_document(text, layer_spans, colors, layer_relations, events=layer_events)
            pane.set_count(len(layer_spans))

    def show_offset(self, offset: int) -> None:
        """Bring the same place of the text to a third of the way down every pane."""
        self._syncing = True
        try:
            for pane in self.panes:
                view = pane.view
                cursor = view.textCursor()
                cursor.setPosition(view.positions.qt(offset))
                view.setTextCursor(cursor)
                bar = view.verticalScrollBar()
                line = view.cursorRect(cursor).top() + bar.value()
                bar.setValue(max(0, line - view.viewport().height() // 3))
        finally:
            self._syncing = False

    def _follow(self, source: Pane, value: int) -> None:
        """Scroll every pane with the one scrolled (same text, same width, same lines)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            bar = source.view.verticalScrollBar()
            fraction = value / bar.maximum() if bar.maximum() else 0.0
            for pane in self.panes:
                if pane is not source:
                    other = pane.view.verticalScrollBar()
                    other.setValue(round(fraction * other.maximum()))
        finally:
            self._syncing = False
