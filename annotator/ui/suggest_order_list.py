"""The document list, most uncertain first: the documents the annotator has not annotated,
the one the learned model is least sure of at the top, each with its uncertainty. Lazy like
the ordinary list: it holds the documents' ids in order, and reads names and scores a page
at a time, as the view shows them."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from annotator.core.text import is_rtl
from annotator.ops import suggest_uncertainty
from annotator.ops.opening import Project
from annotator.ui.language import figure
from annotator.ui.models.table import Index, OrderedDocuments

PAGE = 256
KEPT_PAGES = 64


class UncertaintyListModel(OrderedDocuments):
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("UncertaintyListModel", "Document"),
        QT_TRANSLATE_NOOP("UncertaintyListModel", "Uncertainty"),
    )

    def __init__(self, project: Project, model: str, annotator: str) -> None:
        super().__init__()
        self.project, self.model, self.annotator = project, model, annotator
        self.name_filter = ""
        self.ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._pages: dict[int, dict[int, tuple[str, float | None]]] = {}
        self.pages_read = 0  # pages of names and scores read since the order was read
        self._order()

    def _order(self) -> None:
        self.ids = suggest_uncertainty.order(self.project, self.model, self.annotator)
        self._rows = {document_id: row for row, document_id in enumerate(self.ids)}
        self._pages.clear()
        self.pages_read = 0

    def reorder(self) -> None:
        """Read the order again (more documents measured, or some annotated meanwhile)."""
        self.beginResetModel()
        self._order()
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.ids)

    def _row(self, row: int) -> tuple[int, str, float | None] | None:
        if not 0 <= row < len(self.ids):
            return None
        page = row // PAGE
        if page not in self._pages:
            if len(self._pages) >= KEPT_PAGES:
                self._pages.clear()
            ids = self.ids[page * PAGE : (page + 1) * PAGE]
            self._pages[page] = suggest_uncertainty.rows(self.project, self.model, ids)
            self.pages_read += 1
        document_id = self.ids[row]
        name, score = self._pages[page].get(document_id, ("", None))
        return document_id, name, score

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self._row(index.row())
        if found is None:
            return None
        document_id, name, score = found
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return name if column == 0 else ("—" if score is None else figure(f"{score:.2f}"))
        if role == Qt.ItemDataRole.TextAlignmentRole and (column == 1 or is_rtl(name)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return document_id
        return None

    # the document list's interface
    def document_id(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def document_changed(self, document_id: int) -> None:
        """A document annotated stays where it is until the order is read again."""

    def refresh(self) -> None:
        self.reorder()

    def set_annotator(self, annotator: str) -> None:
        self.annotator = annotator
        self.reorder()
