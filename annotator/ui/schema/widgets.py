"""Small widgets of the schema editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QPixmap
from PySide6.QtWidgets import QTextEdit, QWidget

from annotator.core.schema import Label
from annotator.ops.opening import Project
from annotator.ops.schema_changes import SchemaChange


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
