"""The document list in review order: documents two or more annotators annotated, worst
agreement first, so that a lead starts where the work is."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from annotator.review.agreement import DocumentAgreement
from annotator.ui.language import figure, fill, listed, translate
from annotator.ui.models.table import Index, OrderedDocuments


def two_lines(title: str) -> str:
    """A column title on two lines, broken at the space nearest its middle, so that a
    column of short figures is not as wide as its title."""
    spaces = [n for n, c in enumerate(title) if c == " "]
    if not spaces:
        return title
    cut = min(spaces, key=lambda n: abs(n - len(title) / 2))
    return f"{title[:cut]}\n{title[cut + 1 :]}"


class ReviewListModel(OrderedDocuments):
    """Each document's name and its agreement; who annotated it is the row's tooltip, so
    that the name keeps the room in a narrow panel."""

    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ReviewListModel", "Document"),
        QT_TRANSLATE_NOOP("ReviewListModel", "Exact F1"),
        QT_TRANSLATE_NOOP("ReviewListModel", "Overlap F1"),
    )

    def __init__(self, documents: list[DocumentAgreement]) -> None:
        super().__init__()
        self.documents = sorted(documents, key=lambda d: (d.exact_f1, d.overlap_f1, d.id))
        self._rows = {d.id: row for row, d in enumerate(self.documents)}
        self.name_filter = ""

    def row_count(self) -> int:
        return len(self.documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        document = self.documents[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                document.name,
                figure(f"{document.exact_f1:.2f}"),
                figure(f"{document.overlap_f1:.2f}"),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            who = translate("ReviewListModel", "%1 — annotated by %2")
            return fill(who, document.name, listed(document.annotators))
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 2):
            value = document.exact_f1 if column == 1 else document.overlap_f1
            return QColor("#c62828" if value < 0.6 else "#ef6c00" if value < 0.85 else "#2e7d32")
        if role == Qt.ItemDataRole.UserRole:
            return document.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        title = super().headerData(section, orientation, role)
        return two_lines(title) if section and isinstance(title, str) else title

    # the document list's interface
    def document_id(self, row: int) -> int | None:
        return self.documents[row].id if 0 <= row < len(self.documents) else None

    def document_changed(self, document_id: int) -> None:
        row = self.row_of(document_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def refresh(self) -> None:
        if self.documents:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.documents) - 1, len(self.HEADERS) - 1)
            )

    def set_annotator(self, annotator: str) -> None:
        """The review order does not depend on who is looking."""
