"""The events panel's model: the document's events, a row each, in the order they were made:
their type, their word, who and where (the roles), when and how many were killed."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from annotator.core.events import event_title
from annotator.core.model import Event, Span
from annotator.core.schema import Schema
from annotator.core.text import is_rtl
from annotator.ui.models.table import Index, TableModel
from annotator.ui.problems import coding_problems

CODED = ("date", "fatalities")  # attributes worth a column when the schema has them
COLUMN_TITLES = {  # the roles and codes of the conflict schema; any other is shown by its name
    "actor1": QT_TRANSLATE_NOOP("EventTableModel", "Actor 1"),
    "actor2": QT_TRANSLATE_NOOP("EventTableModel", "Actor 2"),
    "location": QT_TRANSLATE_NOOP("EventTableModel", "Location"),
    "date": QT_TRANSLATE_NOOP("EventTableModel", "Date"),
    "fatalities": QT_TRANSLATE_NOOP("EventTableModel", "Fatalities"),
}


class EventTableModel(TableModel):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[Event] = []
        self.spans: dict[int, Span] = {}
        self.schema: Schema | None = None
        self.roles: list[str] = []
        self.coded: list[str] = []
        self.HEADERS = (
            QT_TRANSLATE_NOOP("EventTableModel", "Type"),
            QT_TRANSLATE_NOOP("EventTableModel", "Word"),
        )

    def set_events(self, events: list[Event], spans: dict[int, Span], schema: Schema | None):
        self.beginResetModel()
        self.events, self.spans, self.schema = list(events), spans, schema
        labels = [label for label in schema.labels if label.kind == "event"] if schema else []
        self.roles = list(dict.fromkeys(r.name for label in labels for r in label.roles))
        names = {a.name for label in labels for a in label.attributes}
        self.coded = [name for name in CODED if name in names]
        self.HEADERS = (
            QT_TRANSLATE_NOOP("EventTableModel", "Type"),
            QT_TRANSLATE_NOOP("EventTableModel", "Word"),
            *(COLUMN_TITLES.get(name, name) for name in (*self.roles, *self.coded)),
        )
        self.endResetModel()

    def row_of(self, event_id: int | None) -> int | None:
        """The row of an event: the rows are in the order the events were made, their ids'."""
        if event_id is None:
            return None
        row = bisect_left(self.events, event_id, key=lambda e: e.id)
        return row if row < len(self.events) and self.events[row].id == event_id else None

    def row_count(self) -> int:
        return len(self.events)

    def missing(self, event: Event) -> list[str]:
        return (
            coding_problems(self.schema.label(event.label), event.attributes) if self.schema else []
        )

    def type_of(self, event: Event) -> str:
        """The event's type as a coder reads it: its coded type and sub-type, else its label."""
        shown = event_title(event.label, event.attributes)
        return f"⚠ {shown}" if self.missing(event) else shown

    def _cell(self, event: Event, column: int) -> str:
        if column == 0:
            return self.type_of(event)
        if column == 1:
            trigger = self.spans.get(event.trigger)
            return trigger.text if trigger else "—"
        column -= 2
        if column < len(self.roles):
            role = self.roles[column]
            texts = [self.spans[a.span].text for a in event.arguments
                     if a.role == role and a.span in self.spans]  # fmt: skip
            return "، ".join(texts)
        value = event.attributes.get(self.coded[column - len(self.roles)])
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(event, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return "\n".join(self.missing(event)) or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and self.missing(event):
            return QColor("#b00020")
        if role == Qt.ItemDataRole.TextAlignmentRole and is_rtl(self._cell(event, index.column())):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return event.id
        return None
