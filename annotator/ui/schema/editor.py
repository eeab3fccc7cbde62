"""The schema editor: labels, their attributes and roles, changed on the open project at once.

There is no separate save step: every field commits when it is left (Enter, Tab, a click
elsewhere) or picked, through one operation of :mod:`annotator.ops.schema_changes` (and its
siblings for attributes and roles), which carries the spans and links along or refuses with
a reason shown in the status line. A removal that annotations still use asks first.
``schemaChanged`` tells the window to redraw the palette, the text and the guidelines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.schema import Label
from annotator.core.text import isolate
from annotator.ops import schema_changes
from annotator.ops.opening import Project
from annotator.ops.schema_changes import InUseError, SchemaChange
from annotator.ui.language import fill, kind_name, label_name, project_name
from annotator.ui.schema.attributes import AttributesTab
from annotator.ui.schema.label_tab import LabelTab
from annotator.ui.schema.messages import counted, refused, said
from annotator.ui.schema.roles import RolesTab
from annotator.ui.schema.widgets import swatch

ERROR_STYLE = "color: #b00020;"


class SchemaEditor(QDialog):
    schemaChanged = Signal()

    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.changed = False
        self._open = True  # once closed, a field losing focus must not write any more
        self._label_id: str | None = None
        self.setWindowTitle(fill(self.tr("Schema — %1"), project_name(project.name)))
        self.resize(1000, 660)
        self._build()
        self.reload()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.version_edit = QLineEdit()
        self.version_edit.setMaximumWidth(220)
        version_label = QLabel(self.tr("&Guideline version:"))
        version_label.setBuddy(self.version_edit)
        top.addWidget(version_label)
        top.addWidget(self.version_edit)
        top.addStretch(1)

        self.label_list = QListWidget()
        self.label_list.setMinimumWidth(240)
        self.new_label_button = QPushButton(self.tr("&New label"))
        self.new_label_button.setToolTip(self.tr("Add a label (Ctrl+N)"))
        self.rename_label_button = QPushButton(self.tr("Rena&me"))
        self.rename_label_button.setToolTip(self.tr("Give the label another id (F2)"))
        self.delete_label_button = QPushButton(self.tr("&Delete label"))
        self.delete_label_button.setToolTip(self.tr("Delete the label and its spans (Delete)"))
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(QLabel(self.tr("Labels")))
        left_column.addWidget(self.label_list, 1)
        buttons = QHBoxLayout()
        for button in (self.new_label_button, self.rename_label_button, self.delete_label_button):
            buttons.addWidget(button)
        left_column.addLayout(buttons)

        self.tabs = QTabWidget()
        self.label_tab = LabelTab(self)
        self.tabs.addTab(self.label_tab, self.tr("&Label"))
        self.attributes_tab = AttributesTab(self)
        self.tabs.addTab(self.attributes_tab, self.tr("A&ttributes"))
        self.roles_tab = RolesTab(self)
        self.tabs.addTab(self.roles_tab, self.tr("R&oles"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 720])
        splitter.setChildrenCollapsible(False)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)

        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(splitter, 1)
        column.addLayout(bottom)
        self._connect()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter commits the field being edited, nothing else
        self.setTabOrder(self.version_edit, self.label_list)
        self.setTabOrder(self.label_list, self.new_label_button)
        self.setTabOrder(self.new_label_button, self.rename_label_button)
        self.setTabOrder(self.rename_label_button, self.delete_label_button)
        self.setTabOrder(self.delete_label_button, self.tabs)

    def _connect(self) -> None:
        self.version_edit.editingFinished.connect(self._version_edited)
        self.label_list.currentRowChanged.connect(self._label_chosen)
        self.new_label_button.clicked.connect(self.new_label)
        self.rename_label_button.clicked.connect(self.start_rename)
        self.delete_label_button.clicked.connect(self.delete_label)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_label)
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_label),
            ("F2", self.start_rename),
        ):
            shortcut = QShortcut(QKeySequence(key), self.label_list, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- showing -----------------------------------------------------------------------------

    def current_label(self) -> Label | None:
        return self.project.schema.label(self._label_id) if self._label_id else None

    def reload(self, select: str | None = None) -> None:
        """Show the schema as stored, on ``select`` or the label shown before."""
        schema = self.project.schema
        wanted = select or self._label_id
        if schema.label(wanted or "") is None:
            wanted = schema.labels[0].id
        self._label_id = wanted
        self.version_edit.setText(schema.version)
        self.label_list.blockSignals(True)
        self.label_list.clear()
        for label in schema.labels:
            key = f"{label.key}   " if label.key else "     "
            arabic = label.names.get("ar")
            name = label.name("en") + (f" · {isolate(arabic)}" if arabic else "")
            item = QListWidgetItem(swatch(label.color), f"{key}{name}   ({label.id})")
            item.setData(Qt.ItemDataRole.UserRole, label.id)
            item.setToolTip(fill(self.tr("%1: %2 label"), label.id, kind_name(label.kind)))
            self.label_list.addItem(item)
        self.label_list.setCurrentRow(schema.label_ids.index(wanted))
        self.label_list.blockSignals(False)
        self._show_label(schema.label(wanted))

    def _show_label(self, label: Label) -> None:
        self.label_tab.show_label(label)
        self.attributes_tab.show_label(label)
        self.roles_tab.show_label(label)
        self.tabs.setTabEnabled(2, label.kind == "event")
        roles = "" if label.kind == "event" else self.tr("Only event labels have roles")
        self.tabs.setTabToolTip(2, roles)

    def _label_chosen(self, row: int) -> None:
        if row >= 0:
            self._label_id = self.label_list.item(row).data(Qt.ItemDataRole.UserRole)
            self._show_label(self.project.schema.label(self._label_id))

    def say(self, message: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(message)

    # -- changing ----------------------------------------------------------------------------

    def apply(
        self,
        change: Callable[..., SchemaChange],
        *args: Any,
        select: str | None = None,
        ask: str | None = None,
        **kwargs: Any,
    ) -> bool:
        """Make one change; with ``ask``, a change refused because it is in use is offered
        again, forced, after the user agrees to ``ask``."""
        if not self._open:
            return False
        try:
            result = change(self.project, self.annotator, *args, **kwargs)
        except InUseError as error:
            question = f"{said(str(error))}.\n\n{ask}"
            if ask is None or not self.confirm(self.tr("Annotations use it"), question):
                self.say(refused(error), error=True)
                self.reload()
                return False
            return self.apply(change, *args, select=select, **kwargs, force=True)
        except AnnotatorError as error:
            self.say(refused(error), error=True)
            self.reload()
            return False
        if result.changed:
            self.changed = True
            self.say(said(result.message))
            self.reload(select)
            self.schemaChanged.emit()
        return True

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _version_edited(self) -> None:
        if self.version_edit.text().strip() != self.project.schema.version:
            self.apply(schema_changes.set_version, self.version_edit.text())

    def commit_label_fields(self) -> None:
        self.label_tab.commit()

    def new_label(self) -> None:
        self.commit_label_fields()
        fresh = schema_changes.fresh_label(self.project.schema)
        if self.apply(schema_changes.add_label, fresh, select=fresh.id):
            self.tabs.setCurrentIndex(0)
            self.start_rename()

    def start_rename(self) -> None:
        """Put the cursor in the id field: typing a new id and leaving it renames the label."""
        self.tabs.setCurrentIndex(0)
        self.label_tab.start_rename()

    def delete_label(self) -> None:
        label = self.current_label()
        if label is None:
            return
        usage = schema_changes.label_usage(self.project, label.id)
        if usage.spans or usage.links:
            question = self.tr(
                "Delete the label %1 (%2)?\n\n%3 in every annotator's layer will be deleted "
                "with it. This cannot be undone."
            )
            question = fill(question, label.id, label_name(label), counted(usage.describe()))
            if not self.confirm(self.tr("Delete a label in use"), question):
                self.say(fill(self.tr("%1 was not deleted."), label.id))
                return
        self.apply(schema_changes.delete_label, label.id)
        self.label_list.setFocus()

    def done(self, result: int) -> None:
        """Closing commits a field still being edited, as leaving it would."""
        self.commit_label_fields()
        self._open = False
        super().done(result)


def open_schema_editor(parent: QWidget, project: Project, annotator: str) -> bool:
    """Edit the project's schema in a dialog; True when anything was changed."""
    dialog = SchemaEditor(project, annotator, parent)
    dialog.exec()
    changed = dialog.changed
    dialog.deleteLater()
    return changed
