"""What every table model of the window shares: fixed headers, rows from ``row_count``."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = ()  # marked with QT_TRANSLATE_NOOP(<class name>, …)

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
        return None


class OrderedDocuments(TableModel):
    """A document list in an order of its own (review's worst agreement first, the learned
    model's most uncertain first): its rows by ``_rows`` (document id → row), stepped
    through with Page Down and Page Up; the ordinary list's filter does not apply."""

    _rows: dict[int, int]

    def document_id(self, row: int) -> int | None:
        raise NotImplementedError

    def row_of(self, document_id: int) -> int | None:
        return self._rows.get(document_id)

    def neighbour(self, document_id: int, step: int) -> int | None:
        row = self.row_of(document_id)
        return self.document_id(row + step) if row is not None else None

    def set_filter(self, text: str, open_threads: bool | None = None) -> None:
        """Filtering is offered by the ordinary list; an order of its own keeps every row."""
