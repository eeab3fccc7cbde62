"""The list of a document's disagreements, in text order, walked with F8 / Shift+F8."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.core.text import isolate
from annotator.review.diff import Disagreement, Kind
from annotator.ui.models.table import Index, TableModel

KIND_NAMES = {
    Kind.MISSING: "missing span",
    Kind.BOUNDARY: "boundary",
    Kind.LABEL: "label",
    Kind.ATTRIBUTE: "attribute",
    Kind.ROLE: "role",
}
KIND_COLORS = {
    Kind.MISSING: "#c62828",
    Kind.BOUNDARY: "#ef6c00",
    Kind.LABEL: "#6a1b9a",
    Kind.ATTRIBUTE: "#1565c0",
    Kind.ROLE: "#2e7d32",
}


def version(span: Span | None) -> str:
    if span is None:
        return "—"
    return f"{span.label} {isolate('«' + span.text + '»')}"


def details(item: Disagreement) -> str:
    if item.kind == Kind.MISSING:
        return f"not marked by {item.missing_from}"
    parts = []
    for name, (first, second) in item.differences.items():
        parts.append(f"{name}: {first!r} / {second!r}")
    return "; ".join(parts)


class DisagreementModel(TableModel):
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Kind",
        "Annotators",
        "First version",
        "Second",
        "What differs",
    )

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Disagreement] = []

    def set_items(self, items: list[Disagreement]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                KIND_NAMES.get(item.kind, item.kind),
                " / ".join(item.annotators),
                version(item.first),
                version(item.second),
                details(item),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(KIND_COLORS.get(item.kind, "#000000"))
        return None


def summary(compared: list[str], items: list[Disagreement]) -> str:
    """The line above the panes: how many disagreements, between whom, and the keys."""
    if len(compared) < 2:
        return "Fewer than two annotators have annotated this document: nothing to compare."
    count = len(items)
    return (
        f"{count} disagreement{'s' * (count != 1)} between {', '.join(compared)} — "
        "F8 next, Shift+F8 previous, 1–9 accept that annotator's version, A accept the "
        "clicked span"
    )
