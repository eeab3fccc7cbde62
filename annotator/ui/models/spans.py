"""The annotations panel's model: the document's spans in text order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.core.text import is_rtl
from annotator.ui.highlighter import DEPTH_ALPHA, tint
from annotator.ui.models.table import Index, TableModel
from annotator.ui.problems import coding_problems


def values_text(span: Span) -> str:
    """The span's attribute values, short enough for a column (the names are in the tooltip)."""
    return "; ".join(str(v) for v in span.attributes.values() if v not in (None, ""))


def attributes_text(span: Span) -> str:
    return "; ".join(f"{k}={v}" for k, v in span.attributes.items() if v not in (None, ""))


class SpanTableModel(TableModel):
    """Label, text, and the coding: attribute values, or what a span still lacks."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SpanTableModel", "Label"),
        QT_TRANSLATE_NOOP("SpanTableModel", "Text"),
        QT_TRANSLATE_NOOP("SpanTableModel", "Coding"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[Span] = []
        self._rows: dict[int, int] | None = None
        self.colors: dict[str, str] = {}
        self.schema: Schema | None = None

    def set_spans(self, spans: list[Span], colors: dict[str, str], schema: Schema) -> None:
        """``spans`` in text order (as the store and the window keep them)."""
        self.beginResetModel()
        self.spans = list(spans)
        self._rows: dict[int, int] | None = None  # span id -> row, built when first asked
        self.colors, self.schema = colors, schema
        self.endResetModel()

    def missing(self, span: Span) -> list[str]:
        return (
            coding_problems(self.schema.label(span.label), span.attributes) if self.schema else []
        )

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
            missing = self.missing(span) if column == 2 else []
            coding = f"⚠ {'; '.join(missing)}" if missing else values_text(span)
            return (span.label, span.text, coding)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return "\n".join([*self.missing(span), attributes_text(span)]).strip()
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and self.missing(span):
            return QColor("#b00020")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1 and is_rtl(span.text):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return tint(self.colors.get(span.label, "#808080"), DEPTH_ALPHA[0])
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(self.colors.get(span.label, "#000000")).darker(150)
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        return None
