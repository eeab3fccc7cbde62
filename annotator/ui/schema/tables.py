"""Pieces the schema editor's tabs share: a table of named items with rename and delete, and
what its cells say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from annotator.core.schema import Attribute


def item_table(columns: tuple[str, ...], stretch: int) -> QTableWidget:
    """A table of one row per item, selected by rows, one column taking the spare width."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def rename_and_delete(noun: str) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    """The buttons under such a table, right-aligned."""
    rename = QPushButton(f"Rename {noun}")
    rename.setToolTip("Type the new name in the table (F2)")
    delete = QPushButton(f"Delete {noun}")
    delete.setToolTip(f"Remove the {noun} (Delete)")
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(rename)
    row.addWidget(delete)
    return rename, delete, row


def summary(attribute: Attribute) -> str:
    """What the values column says about an attribute."""
    if attribute.type == "choice" and attribute.values_by:
        count = sum(len(values) for values in attribute.values_by.values())
        return f"{count} values, listed under each {attribute.depends_on}"
    if attribute.type == "choice":
        return ", ".join(attribute.values)
    if attribute.type == "integer" and (attribute.minimum, attribute.maximum) != (None, None):
        low = "…" if attribute.minimum is None else attribute.minimum
        high = "…" if attribute.maximum is None else attribute.maximum
        return f"{low}–{high}"
    return {"date": "YYYY-MM-DD, YYYY-MM or YYYY", "boolean": "yes / no"}.get(attribute.type, "")


def fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item
