"""What the annotator does in the text, in code-point offsets: the selection, label keys,
keys that move a span's edges, clicks (again on the same spot: the next span under it),
double-clicks that select a word by the project's rule, right clicks and tooltips. The text
view (:mod:`annotator.ui.text_view`) supplies the spans under a point and what to say."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip

from annotator.core.model import Span
from annotator.ui import keys
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.positions import Positions

WordRule = Callable[[str, int], "tuple[int, int] | None"]  # (text, offset) -> word to select


class TextInput(QTextEdit):
    """The input half of the text view; the view itself sets the attributes declared here."""

    labelKey = Signal(str)  # a label shortcut was pressed
    deleteRequested = Signal()
    spanClicked = Signal(object)  # the span id under a click, or None
    menuRequested = Signal(object, QPoint)  # span id under a right click (or None), where
    boundaryKey = Signal(str)  # move an edge of the selected span: one of BOUNDARY_MOVES

    positions: Positions
    highlighter: SpanHighlighter
    by_id: dict[int, Span]
    label_keys: frozenset[str]
    word_rule: WordRule | None
    key_hook: Callable[[QKeyEvent], bool] | None  # takes a key first (suggestions), if set
    _press: QPoint | None
    _last_click: tuple[int, list[int]] | None

    def spans_at(self, offset: int) -> list[Span]:
        raise NotImplementedError

    def tooltip_for(self, spans: list[Span]) -> str:
        raise NotImplementedError

    # -- selection in code points ----------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected text as (start, end) code-point offsets, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self.positions.offset(cursor.selectionStart()),
            self.positions.offset(cursor.selectionEnd()),
        )

    def select_range(self, start: int, end: int) -> None:
        """Select characters [start, end) (code points) and bring them into view."""
        cursor = self.textCursor()
        cursor.setPosition(self.positions.qt(start))
        cursor.setPosition(self.positions.qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def offset_at(self, point: QPoint) -> int:
        return self.positions.offset(self.cursorForPosition(point).position())

    # -- input ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_hook is not None and self.key_hook(event):
            return
        label = keys.label_key(event, self.label_keys)
        if label is not None:
            self.labelKey.emit(label)
            return
        move = self._boundary_move(event)
        if move is not None:
            self.boundaryKey.emit(move)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
            return
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            event.ignore()  # the window moves between documents
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear_selection()
            self.spanClicked.emit(None)
            return
        super().keyPressEvent(event)

    def _boundary_move(self, event: QKeyEvent) -> str | None:
        span = self.by_id.get(self.highlighter.selected)
        if span is None:
            return None
        block = self.document().findBlock(self.positions.qt(span.start))
        return keys.boundary_move(event, block.blockFormat().layoutDirection())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        dragged = self._press is not None and (point - self._press).manhattanLength() > 3
        if (
            event.button() != Qt.MouseButton.LeftButton
            or dragged
            or self.textCursor().hasSelection()
        ):
            return
        offset = self.offset_at(point)
        under = [s.id for s in self.spans_at(offset)]
        if not under:
            self._last_click = None
            self.spanClicked.emit(None)
            return
        # clicking again on the same spot moves to the next span under it (nested spans)
        if self._last_click and self._last_click[1] == under and self.highlighter.selected in under:
            chosen = under[(under.index(self.highlighter.selected) + 1) % len(under)]
        else:
            chosen = under[0]
        self._last_click = (offset, under)
        self.spanClicked.emit(chosen)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Select the word under the pointer by the project's rule (a proclitic stays
        outside when the schema says so), as a drag over it would."""
        super().mouseDoubleClickEvent(event)
        if self.word_rule is not None and event.button() == Qt.MouseButton.LeftButton:
            text = self.toPlainText().replace("\u2029", "\n")
            word = self.word_rule(text, self.offset_at(event.position().toPoint()))
            if word is not None:
                self.select_range(*word)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        spans = self.spans_at(self.offset_at(event.pos()))
        chosen = self.highlighter.selected
        if chosen not in {s.id for s in spans}:
            chosen = spans[0].id if spans else None
        self.menuRequested.emit(chosen, event.globalPos())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            spans = self.spans_at(self.offset_at(event.pos()))
            if spans:
                QToolTip.showText(event.globalPos(), self.tooltip_for(spans), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
