"""The schema editor's attributes tab: a label's attributes, and the values a choice offers.

The table renames an attribute in place (F2, or double-click the name) and ticks it
required; Delete removes it. Below it, a new attribute is described and added, and the
values of the selected choice attribute (a sub-type's under each value of its type) are
added or withdrawn one at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.schema import ATTRIBUTE_TYPES, Attribute, Label
from annotator.ops import attribute_changes
from annotator.ui.language import fill, kind_name
from annotator.ui.schema.tables import fixed, item_table, rename_and_delete, summary
from annotator.ui.schema.widgets import Editing, build_values

COLUMNS = (
    QT_TRANSLATE_NOOP("AttributesTab", "Name"),
    QT_TRANSLATE_NOOP("AttributesTab", "Type"),
    QT_TRANSLATE_NOOP("AttributesTab", "Values"),
    QT_TRANSLATE_NOOP("AttributesTab", "Required"),
    QT_TRANSLATE_NOOP("AttributesTab", "Depends on"),
)
NAME, TYPE, VALUES, REQUIRED, DEPENDS = range(len(COLUMNS))
NO_PARENT = "—"


class AttributesTab(QWidget):
    def __init__(self, editor: Editing) -> None:
        super().__init__()
        self.editor = editor
        self._label: Label | None = None
        self.table = item_table(COLUMNS, VALUES, "AttributesTab")
        self.rename_button, self.delete_button, row = rename_and_delete(
            self.tr("Rename attribute"),
            self.tr("Delete attribute"),
            self.tr("Remove the attribute (Delete)"),
        )

        column = QVBoxLayout(self)
        column.addWidget(self.table, 2)
        column.addLayout(row)
        column.addWidget(self._build_new_attribute())
        column.addWidget(build_values(self), 1)
        self._connect()

    def _build_new_attribute(self) -> QGroupBox:
        box = QGroupBox(self.tr("New attribute"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("name, e.g. civilian_targeting"))
        self.new_type = QComboBox()
        for kind in ATTRIBUTE_TYPES:
            self.new_type.addItem(kind_name(kind), kind)
        self.new_values = QLineEdit()
        self.new_parent = QComboBox()
        self.new_parent.setToolTip(
            self.tr("A choice whose values each list their own values (a sub-type)")
        )
        self.new_required = QCheckBox(self.tr("required"))
        self.add_button = QPushButton(self.tr("Add &attribute"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Name")), 0, 0)
        grid.addWidget(self.new_name, 0, 1)
        grid.addWidget(QLabel(self.tr("Type")), 0, 2)
        grid.addWidget(self.new_type, 0, 3)
        grid.addWidget(self.new_required, 0, 4)
        grid.addWidget(QLabel(self.tr("Values")), 1, 0)
        grid.addWidget(self.new_values, 1, 1)
        grid.addWidget(QLabel(self.tr("Depends on")), 1, 2)
        grid.addWidget(self.new_parent, 1, 3)
        grid.addWidget(self.add_button, 1, 4)
        grid.setColumnStretch(1, 1)
        return box

    def _connect(self) -> None:
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._show_values())
        self.rename_button.clicked.connect(self.start_rename)
        self.delete_button.clicked.connect(self.delete_attribute)
        self.add_button.clicked.connect(self.add_attribute)
        self.new_name.returnPressed.connect(self.add_attribute)
        self.new_type.currentIndexChanged.connect(self._type_chosen)
        self.new_parent.currentTextChanged.connect(self._type_chosen)
        self.under.currentTextChanged.connect(lambda _: self._show_values())
        self.add_value_button.clicked.connect(self.add_value)
        self.value_edit.returnPressed.connect(self.add_value)
        self.remove_value_button.clicked.connect(self.remove_value)
        for widget, slot in ((self.table, self.delete_attribute), (self.values, self.remove_value)):
            shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), widget, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._type_chosen()

    # -- showing -----------------------------------------------------------------------------

    def selected(self) -> Attribute | None:
        row = self.table.currentRow()
        if self._label is None or not 0 <= row < len(self._label.attributes):
            return None
        return self._label.attributes[row]

    def show_label(self, label: Label) -> None:
        previous = self.selected()
        same_label = self._label is not None and self._label.id == label.id
        keep = previous.name if previous and same_label else None
        self._label = label
        self.table.blockSignals(True)
        self.table.setRowCount(len(label.attributes))
        for row, attribute in enumerate(label.attributes):
            name = QTableWidgetItem(attribute.name)
            name.setToolTip(self.tr("F2 or double-click to rename"))
            required = fixed("")
            required.setFlags(required.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            required.setCheckState(
                Qt.CheckState.Checked if attribute.required else Qt.CheckState.Unchecked
            )
            cells = (
                name,
                fixed(kind_name(attribute.type)),
                fixed(summary(attribute)),
                required,
                fixed(attribute.depends_on or ""),
            )
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        names = [a.name for a in label.attributes]
        row = names.index(keep) if keep in names else (0 if names else -1)
        self.table.setCurrentCell(row, NAME)
        self.table.blockSignals(False)
        parents = [a.name for a in label.attributes if a.type == "choice" and not a.depends_on]
        self.new_parent.blockSignals(True)
        self.new_parent.clear()
        self.new_parent.addItems([NO_PARENT, *parents])
        self.new_parent.blockSignals(False)
        self._type_chosen()
        self._show_values()

    def _show_values(self) -> None:
        attribute = self.selected()
        choice = attribute is not None and attribute.type == "choice"
        self.values_box.setEnabled(choice)
        grouped = choice and bool(attribute.values_by)
        self.under_label.setVisible(grouped)
        self.under.setVisible(grouped)
        self.values.clear()
        if not choice:
            self.values_box.setTitle(
                self.tr("Values (only a choice attribute has a list of values)")
            )
            return
        self.values_box.setTitle(fill(self.tr("Values of %1"), attribute.name))
        if grouped:
            current = self.under.currentText()
            self.under.blockSignals(True)
            self.under.clear()
            self.under.addItems(list(attribute.values_by))
            if current in attribute.values_by:
                self.under.setCurrentText(current)
            self.under.blockSignals(False)
            self.values.addItems(list(attribute.values_by.get(self.under.currentText(), ())))
        else:
            self.values.addItems(list(attribute.values))

    def _type_chosen(self) -> None:
        choice = self.new_type.currentData() == "choice"
        self.new_parent.setEnabled(choice)
        grouped = choice and self.new_parent.currentText() not in ("", NO_PARENT)
        self.new_values.setEnabled(choice and not grouped)
        if grouped:
            self.new_values.setPlaceholderText(
                self.tr("add its values below, under each parent value")
            )
        else:
            self.new_values.setPlaceholderText(self.tr("for a choice: values, separated by commas"))

    # -- changing ----------------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        attribute = self._label.attributes[item.row()] if self._label else None
        if attribute is None:
            return
        if item.column() == NAME and item.text().strip() != attribute.name:
            self.editor.apply(
                attribute_changes.rename_attribute, self._label.id, attribute.name, item.text()
            )
        elif item.column() == REQUIRED:
            required = item.checkState() == Qt.CheckState.Checked
            if required != attribute.required:
                self.editor.apply(
                    attribute_changes.update_attribute,
                    self._label.id,
                    attribute.name,
                    required=required,
                )

    def start_rename(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.setFocus()
            self.table.editItem(self.table.item(row, NAME))

    def add_attribute(self) -> None:
        if self._label is None:
            return
        kind = self.new_type.currentData()
        parent = self.new_parent.currentText() if kind == "choice" else NO_PARENT
        values: tuple[str, ...] = ()
        values_by: dict[str, tuple[str, ...]] = {}
        if parent not in ("", NO_PARENT):
            values_by = {v: () for v in self._label.attribute(parent).choices()}
        elif kind == "choice":
            values = tuple(v.strip() for v in self.new_values.text().split(",") if v.strip())
        attribute = Attribute(
            name=self.new_name.text(),
            type=kind,
            values=values,
            required=self.new_required.isChecked(),
            depends_on=None if parent in ("", NO_PARENT) else parent,
            values_by=values_by,
        )
        if self.editor.apply(attribute_changes.add_attribute, self._label.id, attribute):
            self.new_name.clear()
            self.new_values.clear()
            self.new_required.setChecked(False)
            self.table.setCurrentCell(self.table.rowCount() - 1, NAME)

    def delete_attribute(self) -> None:
        attribute = self.selected()
        if attribute is not None:
            self.editor.apply(
                attribute_changes.remove_attribute,
                self._label.id,
                attribute.name,
                ask=fill(
                    self.tr("Remove %1 and clear its values from those spans?"), attribute.name
                ),
            )

    def add_value(self) -> None:
        attribute = self.selected()
        if attribute is None or attribute.type != "choice":
            return
        under = self.under.currentText() if attribute.values_by else None
        if self.editor.apply(
            attribute_changes.add_choice_value,
            self._label.id,
            attribute.name,
            self.value_edit.text(),
            under=under,
        ):
            self.value_edit.clear()

    def remove_value(self) -> None:
        attribute = self.selected()
        item = self.values.currentItem()
        if attribute is None or item is None:
            return
        under = self.under.currentText() if attribute.values_by else None
        self.editor.apply(
            attribute_changes.remove_choice_value,
            self._label.id,
            attribute.name,
            item.text(),
            under=under,
            ask=fill(
                self.tr(
                    "Withdraw %1 and clear it from those spans (with any sub-type chosen under it)?"
                ),
                repr(item.text()),
            ),
        )
