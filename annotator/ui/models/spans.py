"""The annotations panel's model: the document's spans in text order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Event, Span
from annotator.core.required import by_trigger, span_codings
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


def span_problems(schema: Schema | None, span: Span, events: Iterable[Event]) -> list[str]:
    """What the span's mark says is missing, in the window's words: its own coding's, or
    that of the events among ``events`` it triggers (the rule ``annotator check`` follows)."""
    if schema is None:
        return []
    found = [
        problem
        for label, coded in span_codings(schema, span, events)
        for problem in coding_problems(label, coded)
    ]
    return list(dict.fromkeys(found))  # two events on a word may lack the same


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
        self.triggered: dict[int, list[Event]] = {}  # the events on each word
        self._events: list[Event] | None = None  # the list ``triggered`` was made from
        self._missing: dict[int, list[str]] = {}  # what each span's mark lacks, once asked

    def set_spans(
        self, spans: list[Span], colors: dict[str, str], schema: Schema, events: list[Event]
    ) -> None:
        """``spans`` in text order (as the store and the window keep them), and the layer's
        events in the document, whose coding their words answer for."""
        self.beginResetModel()
        self.spans = list(spans)
        self._rows: dict[int, int] | None = None  # span id -> row, built when first asked
        self.colors, self.schema = colors, schema
        self._follow(events)
        self.endResetModel()

    def set_events(self, events: list[Event]) -> None:
        """The events changed (made, coded, deleted): their words' coding column follows."""
        self._follow(events)
        if self.spans:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.spans) - 1, 2))

    def _follow(self, events: list[Event]) -> None:
        """The session replaces its list of events whenever one changes, so the same list
        means the same events."""
        self._missing = {}
        if events is not self._events:
            self._events, self.triggered = events, by_trigger(events)

    def missing(self, span: Span) -> list[str]:
        """Asked for every visible span at every paint: kept until the spans, the events
        or the schema change."""
        found = self._missing.get(span.id)
        if found is None:
            found = span_problems(self.schema, span, self.triggered.get(span.id, ()))
            self._missing[span.id] = found
        return found

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
