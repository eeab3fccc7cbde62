"""Undo histories: each document has its own, and the shown document's is the active one."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoGroup, QUndoStack


class Histories(QUndoGroup):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stacks: dict[int, QUndoStack] = {}

    def of(self, document_id: int) -> QUndoStack:
        stack = self._stacks.get(document_id)
        if stack is None:
            stack = QUndoStack(self)
            self._stacks[document_id] = stack
        return stack

    def show(self, document_id: int) -> None:
        self.setActiveStack(self.of(document_id))

    def clear(self) -> None:
        """Forget every edit (the schema changed under them, or another person annotates)."""
        for stack in self._stacks.values():
            stack.clear()

    def drop(self) -> None:
        """Forget the histories altogether (the project was closed)."""
        for stack in self._stacks.values():
            self.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
