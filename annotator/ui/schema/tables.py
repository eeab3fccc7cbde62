"""Pieces the schema editor's tabs share: a table of named items with rename and delete."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
)


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
