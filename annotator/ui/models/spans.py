"""The annotations panel's model: the document's spans in text order."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Event, Span
from annotator.core.required import by_trigger, span_codings
from annotator.core.schema import Schema
from annotator.core.text import is_rtl
from annotator.ui.highlighter import DEPTH_ALPHA, tint
from annotator.ui.models.table import Index, TableModel
from annotator.ui.problems import coding_problems
from annotator.ui.span_merge import SpanChange, text_order


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
        self._by_id: dict[int, Span] = {}
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
        self._by_id = {span.id: span for span in spans}
        self.colors, self.schema = colors, schema
        self._missing, self._events = {}, None
        self._follow(events)
        self.endResetModel()

    def change_spans(self, spans: list[Span], change: SpanChange, events: list[Event]) -> None:
        """An edit's change: its rows taken out and put in where they belong, the other
        thousands left as they are (a reset would make the view ask for them all again).
        ``spans`` is the whole list after the change, which the rows end up equal to."""
        for span in sorted(change.removed, key=text_order, reverse=True):
            row = self._row_of_span(span)
            if row is None:
                break
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.spans[row]
            del self._by_id[span.id]
            self.endRemoveRows()
        for span in change.added:
            row = bisect_left(self.spans, text_order(span), key=text_order)
            self.beginInsertRows(QModelIndex(), row, row)
            self.spans.insert(row, span)
            self._by_id[span.id] = span
            self.endInsertRows()
        for span in (*change.removed, *change.added):
            self._missing.pop(span.id, None)
        if self.spans != spans:  # not the change the list was given: take the list whole
            self.set_spans(spans, self.colors, self.schema, events)
            return
        self._follow(events)

    def set_events(self, events: list[Event]) -> None:
        """The events changed (made, coded, deleted): their words' coding column follows."""
        self._follow(events)
        if self.spans:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.spans) - 1, 2))

    def _follow(self, events: list[Event]) -> None:
        """The session replaces its list of events whenever one changes, keeping the objects
        of those that did not: the same list means the same events, and only the words of
        events made, changed or gone are asked again what their marks lack."""
        if events is self._events:
            return
        before, self._events = self._events, events
        if before is None:
            self.triggered = by_trigger(events)
            return
        now, then = {id(e) for e in events}, {id(e) for e in before}
        gone = [e for e in before if id(e) not in now]
        new = [e for e in events if id(e) not in then]
        for trigger in {e.trigger for e in (*gone, *new) if e.trigger is not None}:
            kept = [e for e in self.triggered.get(trigger, ()) if id(e) in now]
            on_it = sorted((*kept, *(e for e in new if e.trigger == trigger)), key=lambda e: e.id)
            if on_it:
                self.triggered[trigger] = on_it
            else:
                self.triggered.pop(trigger, None)
            self._missing.pop(trigger, None)

    def missing(self, span: Span) -> list[str]:
        """Asked for every visible span at every paint: kept until the spans, the events
        or the schema change."""
        found = self._missing.get(span.id)
        if found is None:
            found = span_problems(self.schema, span, self.triggered.get(span.id, ()))
            self._missing[span.id] = found
        return found

    def row_of(self, span_id: int) -> int | None:
        span = self._by_id.get(span_id)
        return self._row_of_span(span) if span is not None else None

    def _row_of_span(self, span: Span) -> int | None:
        """The row of a span shown, found by its place in the text."""
        row = bisect_left(self.spans, text_order(span), key=text_order)
        return row if row < len(self.spans) and self.spans[row].id == span.id else None

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
