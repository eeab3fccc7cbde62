"""The list of a document's disagreements, in text order, walked with F8 / Shift+F8."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Event, Span
from annotator.core.text import isolate
from annotator.review.diff import Disagreement, Kind
from annotator.ui.language import figure, fill, listed, translate
from annotator.ui.models.table import Index, TableModel

KIND_NAMES = {
    Kind.MISSING: QT_TRANSLATE_NOOP("DisagreementModel", "missing span"),
    Kind.BOUNDARY: QT_TRANSLATE_NOOP("DisagreementModel", "boundary"),
    Kind.LABEL: QT_TRANSLATE_NOOP("DisagreementModel", "label"),
    Kind.ATTRIBUTE: QT_TRANSLATE_NOOP("DisagreementModel", "attribute"),
    Kind.ROLE: QT_TRANSLATE_NOOP("DisagreementModel", "role"),
    Kind.MISSING_EVENT: QT_TRANSLATE_NOOP("DisagreementModel", "missing event"),
    Kind.EVENT_TYPE: QT_TRANSLATE_NOOP("DisagreementModel", "event type"),
    Kind.ROLE_FILLER: QT_TRANSLATE_NOOP("DisagreementModel", "argument"),
    Kind.EVENT_ATTRIBUTE: QT_TRANSLATE_NOOP("DisagreementModel", "event coding"),
}
KIND_COLORS = {
    Kind.MISSING: "#c62828",
    Kind.BOUNDARY: "#ef6c00",
    Kind.LABEL: "#6a1b9a",
    Kind.ATTRIBUTE: "#1565c0",
    Kind.ROLE: "#2e7d32",
    Kind.MISSING_EVENT: "#ad1457",
    Kind.EVENT_TYPE: "#4527a0",
    Kind.ROLE_FILLER: "#00695c",
    Kind.EVENT_ATTRIBUTE: "#0277bd",
}


def version(span: Span | None) -> str:
    if span is None:
        return "—"
    return f"{span.label} {isolate('«' + span.text + '»')}"


def event_version(event: Event | None, trigger: Span | None) -> str:
    """An event as a column reads: its type, and its word or that it has none."""
    if event is None:
        return "—"
    no_word = translate("DisagreementModel", "(no word)")
    word = isolate("«" + trigger.text + "»") if trigger else no_word
    return fill(translate("DisagreementModel", "%1 event %2"), event.label, word)


def _value(value: Any) -> str:
    return translate("DisagreementModel", "None") if value is None else repr(value)


def details(item: Disagreement) -> str:
    if item.kind == Kind.MISSING:
        return fill(translate("DisagreementModel", "not marked by %1"), item.missing_from)
    parts = []
    for name, (first, second) in item.differences.items():
        parts.append(f"{name}: {_value(first)} / {_value(second)}")
    return "; ".join(parts)


class DisagreementModel(TableModel):
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("DisagreementModel", "Kind"),
        QT_TRANSLATE_NOOP("DisagreementModel", "Annotators"),
        QT_TRANSLATE_NOOP("DisagreementModel", "First version"),
        QT_TRANSLATE_NOOP("DisagreementModel", "Second"),
        QT_TRANSLATE_NOOP("DisagreementModel", "What differs"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Disagreement] = []
        self.descriptions: list[str | None] = []

    def set_items(self, items: list[tuple[Disagreement, str | None]]) -> None:
        """Disagreements, each with its description in words (events have one)."""
        self.beginResetModel()
        self.items = [item for item, _ in items]
        self.descriptions = [description for _, description in items]
        self.endResetModel()

    def _versions(self, item: Disagreement) -> tuple[str, str]:
        if item.kind in Kind.EVENTS:
            return event_version(item.first_event, item.first), event_version(
                item.second_event, item.second
            )
        return version(item.first), version(item.second)

    def row_count(self) -> int:
        return len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            described = self.descriptions[index.row()] or details(item)
            if role == Qt.ItemDataRole.ToolTipRole:
                return described if column == 4 else None
            return (
                translate("DisagreementModel", KIND_NAMES.get(item.kind, item.kind)),
                " / ".join(item.annotators),
                *self._versions(item),
                described,
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(KIND_COLORS.get(item.kind, "#000000"))
        return None


def summary(compared: list[str], items: list[Disagreement]) -> str:
    """The line above the panes: how many disagreements, between whom, and the keys."""
    if len(compared) < 2:
        return translate(
            "review", "Fewer than two annotators have annotated this document: nothing to compare."
        )
    count = len(items)
    if count == 1:
        text = translate(
            "review",
            "%1 disagreement between %2 — F8 next, Shift+F8 previous, 1–9 accept that "
            "annotator's version, A accept the clicked span",
        )
    else:
        text = translate(
            "review",
            "%1 disagreements between %2 — F8 next, Shift+F8 previous, 1–9 accept that "
            "annotator's version, A accept the clicked span",
        )
    return fill(text, figure(count), listed(compared))
