"""The schema editor's roles tab: the slots of an event label and what may fill them.

A role's name and its kinds are edited in the table (F2), "several" is ticked there;
renaming carries the existing links along, and a change that existing links contradict is
refused with a count.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.schema import KINDS, Label, Role
from annotator.ops import role_changes
from annotator.ui.language import fill, kind_name, listed
from annotator.ui.schema.tables import item_table, rename_and_delete
from annotator.ui.schema.widgets import Editing

COLUMNS = (
    QT_TRANSLATE_NOOP("RolesTab", "Name"),
    QT_TRANSLATE_NOOP("RolesTab", "Kinds of span (empty: any)"),
    QT_TRANSLATE_NOOP("RolesTab", "Several"),
)
NAME, KINDS_COLUMN, MANY = range(len(COLUMNS))


def parse_kinds(text: str) -> tuple[str, ...]:
    """ "actor, location" (or spaces between, or the kinds' names in the window's language) as
    kinds; unknown words are left to the check."""
    named = {kind_name(kind): kind for kind in KINDS}
    return tuple(named.get(w, w.lower()) for w in re.split(r"[,،\s]+", text) if w)


class RolesTab(QWidget):
    def __init__(self, editor: Editing) -> None:
        super().__init__()
        self.editor = editor
        self._label: Label | None = None
        self.table = item_table(COLUMNS, KINDS_COLUMN, "RolesTab")
        self.rename_button, self.delete_button, buttons = rename_and_delete(
            self.tr("Rename role"), self.tr("Delete role"), self.tr("Remove the role (Delete)")
        )

        box = QGroupBox(self.tr("New role"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("name, e.g. target"))
        self.new_kinds = {kind: QCheckBox(kind_name(kind)) for kind in KINDS}
        self.new_many = QCheckBox(self.tr("several"))
        self.add_button = QPushButton(self.tr("Add &role"))
        line = QHBoxLayout(box)
        line.addWidget(self.new_name, 1)
        line.addWidget(QLabel(self.tr("filled by")))
        for check in self.new_kinds.values():
            line.addWidget(check)
        line.addWidget(self.new_many)
        line.addWidget(self.add_button)

        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(box)
        self.table.itemChanged.connect(self._item_changed)
        self.rename_button.clicked.connect(self.start_rename)
        self.delete_button.clicked.connect(self.delete_role)
        self.add_button.clicked.connect(self.add_role)
        self.new_name.returnPressed.connect(self.add_role)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.delete_role)

    def selected(self) -> Role | None:
        row = self.table.currentRow()
        if self._label is None or not 0 <= row < len(self._label.roles):
            return None
        return self._label.roles[row]

    def show_label(self, label: Label) -> None:
        previous = self.selected()
        keep = previous.name if previous and self._label and self._label.id == label.id else None
        self._label = label
        self.table.blockSignals(True)
        self.table.setRowCount(len(label.roles))
        for row, role in enumerate(label.roles):
            many = QTableWidgetItem()
            many.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            many.setCheckState(Qt.CheckState.Checked if role.many else Qt.CheckState.Unchecked)
            self.table.setItem(row, NAME, QTableWidgetItem(role.name))
            self.table.setItem(
                row, KINDS_COLUMN, QTableWidgetItem(listed(kind_name(k) for k in role.kinds))
            )
            self.table.setItem(row, MANY, many)
        names = [role.name for role in label.roles]
        self.table.setCurrentCell(names.index(keep) if keep in names else (0 if names else -1), 0)
        self.table.blockSignals(False)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        role = self._label.roles[item.row()] if self._label else None
        if role is None:
            return
        if item.column() == NAME and item.text().strip() != role.name:
            change = {"new_name": item.text()}
        elif item.column() == KINDS_COLUMN and parse_kinds(item.text()) != role.kinds:
            change = {"kinds": parse_kinds(item.text())}
        elif item.column() == MANY and (item.checkState() == Qt.CheckState.Checked) != role.many:
            change = {"many": item.checkState() == Qt.CheckState.Checked}
        else:
            return
        self.editor.apply(role_changes.update_role, self._label.id, role.name, **change)

    def start_rename(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.setFocus()
            self.table.editItem(self.table.item(row, NAME))

    def add_role(self) -> None:
        if self._label is None:
            return
        kinds = tuple(kind for kind, check in self.new_kinds.items() if check.isChecked())
        role = Role(self.new_name.text(), kinds, self.new_many.isChecked())
        if self.editor.apply(role_changes.add_role, self._label.id, role):
            self.new_name.clear()
            for check in (*self.new_kinds.values(), self.new_many):
                check.setChecked(False)
            self.table.setCurrentCell(self.table.rowCount() - 1, NAME)

    def delete_role(self) -> None:
        role = self.selected()
        if role is not None:
            self.editor.apply(
                role_changes.remove_role,
                self._label.id,
                role.name,
                ask=fill(self.tr("Remove the role %1 and those links?"), role.name),
            )
