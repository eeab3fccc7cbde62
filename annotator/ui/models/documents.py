"""The document list: a lazy model over paged queries, instant with 100,000 documents. In a
hub's copy the documents the hub assigns to the listed annotator come first, their names in
bold beside a person."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from annotator.core.model import DocumentSummary, Status
from annotator.core.text import is_rtl
from annotator.ops.viewing import DocumentListing, ListFilter, Project
from annotator.ui.icons import icon
from annotator.ui.language import figure, translate
from annotator.ui.models.table import Index, TableModel

PAGE = 256


class DocumentListModel(TableModel):
    """Name, the current annotator's status, and their span count, read a page at a time."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentListModel", "Document"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Spans"),
    )
    STATUS_MARK: ClassVar[dict[str, str]] = {
        Status.NEW: QT_TRANSLATE_NOOP("DocumentListModel", "○ new"),
        Status.IN_PROGRESS: QT_TRANSLATE_NOOP("DocumentListModel", "◐ in progress"),
        Status.DONE: QT_TRANSLATE_NOOP("DocumentListModel", "● done"),
    }

    def status_mark(self, status: str) -> str:
        return translate("DocumentListModel", self.STATUS_MARK.get(status, status))

    def __init__(self, project: Project, annotator: str) -> None:
        super().__init__()
        self.listing = DocumentListing(project, annotator)
        self._count = self.listing.count()
        self._assigned = self.listing.assigned()  # the first rows: assigned by the hub
        self._pages: dict[int, list[DocumentSummary]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def name_filter(self) -> str:
        return self.listing.shown.name

    @property
    def open_threads(self) -> bool:
        """Only documents with open discussions are listed."""
        return self.listing.shown.open_threads

    # -- Qt model -------------------------------------------------------------------------

    def row_count(self) -> int:
        return self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                summary.name,
                translate(
                    "DocumentListModel", self.STATUS_MARK.get(summary.status, summary.status)
                ),
                figure(summary.spans),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and (
            column == 2 or (column == 0 and is_rtl(summary.name))
        ):  # counts, and names that read right to left, sit on the right
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        if column == 0 and index.row() < self._assigned:
            return self._assigned_look(role)
        return None

    def is_assigned(self, row: int) -> bool:
        """The hub assigns the row's document to the listed annotator."""
        return 0 <= row < self._assigned

    def _assigned_look(self, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("person")
        if role == Qt.ItemDataRole.ToolTipRole:
            said = translate("DocumentListModel", "Assigned to %1 by the hub")
            return said.replace("%1", self.listing.annotator)
        return None

    # -- paging ---------------------------------------------------------------------------

    def summary(self, row: int) -> DocumentSummary | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        if page not in self._pages:
            if len(self._pages) > 64:
                self._pages.clear()
            self._pages[page] = self.listing.page(page * PAGE, PAGE)
        rows = self._pages[page]
        offset = row - page * PAGE
        return rows[offset] if offset < len(rows) else None

    def document_id(self, row: int) -> int | None:
        summary = self.summary(row)
        return summary.id if summary else None

    def row_of(self, document_id: int) -> int | None:
        return self.listing.row_of(document_id)

    def neighbour(self, document_id: int, step: int) -> int | None:
        return self.listing.neighbour(document_id, step)

    # -- changes ------------------------------------------------------------------------------

    def set_filter(self, text: str, open_threads: bool | None = None) -> None:
        self.beginResetModel()
        threads = self.open_threads if open_threads is None else open_threads
        self.listing.shown = ListFilter(text.strip(), threads)
        self._count = self.listing.count()
        self._assigned = self.listing.assigned()
        self._pages.clear()
        self.endResetModel()

    def set_annotator(self, annotator: str) -> None:
        self.beginResetModel()
        self.listing.annotator = annotator
        self._assigned = self.listing.assigned()
        self._pages.clear()
        self.endResetModel()

    def reload(self) -> None:
        """Re-read everything (after an import or a merge)."""
        self.set_filter(self.name_filter)

    def refresh(self) -> None:
        """Re-read rows after changes made elsewhere, keeping the view where it is."""
        count = self.listing.count()
        if count != self._count:
            self.reload()
            return
        self._assigned = self.listing.assigned()
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.HEADERS) - 1))

    def document_changed(self, document_id: int) -> None:
        """Re-read one document's row (its status or span count changed)."""
        row = self.row_of(document_id)
        if row is None:
            return
        self._pages.pop(row // PAGE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
