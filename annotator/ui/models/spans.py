"""The annotations panel's model: the document's spans in text order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.core.text import is_rtl
from annotator.ui.highlighter import DEPTH_ALPHA, tint
from annotator.ui.models.table import Index, TableModel


def attributes_text(span: Span) -> str:
    return "; ".join(f"{k}={v}" for k, v in span.attributes.items() if v not in (None, ""))


class SpanTableModel(TableModel):
    HEADERS = ("Label", "Text", "Annotator", "Attributes")

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[Span] = []
        self._rows: dict[int, int] | None = None
        self.colors: dict[str, str] = {}

    def set_spans(self, spans: list[Span], colors: dict[str, str]) -> None:
        """``spans`` in text order (as the store and the window keep them)."""
        self.beginResetModel()
        self.spans = list(spans)
        self._rows: dict[int, int] | None = None  # span id -> row, built when first asked
        self.colors = colors
        self.endResetModel()

    def row_of(self, span_id: int) -> int | None:
        if self._rows is None:
            self._rows = {s.id: row for row, s in enumerate(self.spans)}
        return self._rows.get(span_id)

    def row_count(self) -> int:
        return len(self.spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        span = self.spans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (span.label, span.text, span.annotator, attributes_text(span))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1 and is_rtl(span.text):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return tint(self.colors.get(span.label, "#808080"), DEPTH_ALPHA[0])
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(self.colors.get(span.label, "#000000")).darker(150)
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        return None
