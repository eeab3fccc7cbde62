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
from annotator.ui.language import fill, listed, translate


def item_table(columns: tuple[str, ...], stretch: int, context: str) -> QTableWidget:
    """A table of one row per item, selected by rows, one column taking the spare width
    (its headers marked with QT_TRANSLATE_NOOP in ``context``)."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([translate(context, column) for column in columns])
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def rename_and_delete(
    rename_text: str, delete_text: str, delete_tip: str
) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    """The buttons under such a table, at its end."""
    rename = QPushButton(rename_text)
    rename.setToolTip(translate("schema", "Type the new name in the table (F2)"))
    delete = QPushButton(delete_text)
    delete.setToolTip(delete_tip)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(rename)
    row.addWidget(delete)
    return rename, delete, row


def summary(attribute: Attribute) -> str:
    """What the values column says about an attribute."""
    if attribute.type == "choice" and attribute.values_by:
        count = sum(len(values) for values in attribute.values_by.values())
        text = translate("schema", "%1 values, listed under each %2")
        return fill(text, count, attribute.depends_on)
    if attribute.type == "choice":
        return listed(attribute.values)
    if attribute.type == "integer" and (attribute.minimum, attribute.maximum) != (None, None):
        low = "…" if attribute.minimum is None else attribute.minimum
        high = "…" if attribute.maximum is None else attribute.maximum
        return f"{low}–{high}"
    if attribute.type == "date":
        return translate("schema", "YYYY-MM-DD, YYYY-MM or YYYY")
    return translate("schema", "yes / no") if attribute.type == "boolean" else ""


def fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item
