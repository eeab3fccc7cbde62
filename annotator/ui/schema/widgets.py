"""Small widgets of the schema editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.schema import Label
from annotator.ops.opening import Project
from annotator.ops.schema_changes import SchemaChange
from annotator.ui.language import translate


class Editing(Protocol):
    """What the editor's tabs ask of the editor: the label shown, and one change at a time."""

    project: Project

    def current_label(self) -> Label | None: ...

    def apply(
        self,
        change: Callable[..., SchemaChange],
        *args: Any,
        select: str | None = None,
        ask: str | None = None,
        **kwargs: Any,
    ) -> bool: ...

    def say(self, message: str, *, error: bool = False) -> None: ...

    def confirm(self, title: str, question: str) -> bool: ...


class TextBox(QTextEdit):
    """A multi-line plain-text field that, like a line edit, says when the user has left it.

    A QTextEdit rather than a QPlainTextEdit: its layout sets each line in the direction of
    its own text, so an Arabic example reads right to left beside an English one.
    """

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field

    def text(self) -> str:
        """The text as typed: no-break spaces and line separators kept (toPlainText drops them)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def build_values(tab) -> QGroupBox:
    """The attributes tab's box of a choice's values (its widgets kept on ``tab``)."""
    tab.values_box = QGroupBox(translate("AttributesTab", "Values"))
    tab.under_label = QLabel(translate("AttributesTab", "under"))
    tab.under = QComboBox()
    tab.values = QListWidget()
    tab.value_edit = QLineEdit()
    tab.value_edit.setPlaceholderText(translate("AttributesTab", "a new value"))
    tab.add_value_button = QPushButton(translate("AttributesTab", "Add &value"))
    tab.remove_value_button = QPushButton(translate("AttributesTab", "Remove value"))
    tab.remove_value_button.setToolTip(
        translate("AttributesTab", "Withdraw the selected value (Delete)")
    )
    column = QVBoxLayout(tab.values_box)
    top = QHBoxLayout()
    top.addWidget(tab.under_label)
    top.addWidget(tab.under, 1)
    column.addLayout(top)
    column.addWidget(tab.values, 1)
    bottom = QHBoxLayout()
    bottom.addWidget(tab.value_edit, 1)
    bottom.addWidget(tab.add_value_button)
    bottom.addWidget(tab.remove_value_button)
    column.addLayout(bottom)
    return tab.values_box
