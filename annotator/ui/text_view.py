"""The article, read-only: each paragraph in its own direction, spans painted in, selectable
by mouse and keyboard. Speaks code-point offsets to the rest of the window.

Everything it shows derives from one call, :meth:`TextView.show_document`, which replaces
all that was derived from the previous text (painted spans, bars, marks, the last click, a
tooltip) before the new text is set.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.core.model import Relation, Span
from annotator.ui import keys, paragraphs, span_bars
from annotator.ui.fonts import arabic_font
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.paragraphs import tooltip
from annotator.ui.positions import Positions

WordRule = Callable[[str, int], "tuple[int, int] | None"]  # (text, offset) -> word to select


class TextView(QTextEdit):
    """Shows one document; emits what the annotator asks for in code-point offsets."""

    labelKey = Signal(str)  # a label shortcut was pressed
    deleteRequested = Signal()
    spanClicked = Signal(object)  # the span id under a click, or None
    menuRequested = Signal(object, QPoint)  # span id under a right click (or None), where
    boundaryKey = Signal(str)  # move an edge of the selected span: one of BOUNDARY_MOVES

    MIN_SIZE, MAX_SIZE = 8.0, 40.0

    def __init__(self, parent: QWidget | None = None, font_size: float = 15.0) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.setFont(arabic_font(font_size))
        self.setMouseTracking(True)
        self.document().setDocumentMargin(18)
        self.highlighter = SpanHighlighter(self.document())
        self.label_keys: frozenset[str] = frozenset()
        self.word_rule: WordRule | None = None  # which word a double-click selects
        self.missing: Callable[[Span], list[str]] | None = None  # a span's missing coding
        self._forget()

    def _forget(self) -> None:
        """Drop everything derived from the text shown so far."""
        self.positions = Positions("")
        self.spans: list[Span] = []
        self.by_id: dict[int, Span] = {}
        self.relations: list[Relation] = []
        self.colors: dict[str, str] = {}
        self.drawn_bars: list[span_bars.Bar] = []
        self._press: QPoint | None = None
        self._last_click: tuple[int, list[int]] | None = None
        QToolTip.hideText()
        self.setExtraSelections([])

    # -- showing ----------------------------------------------------------------------------

    def show_document(
        self,
        text: str,
        spans: list[Span],
        colors: dict[str, str],
        relations: list[Relation] = (),
        selected: int | None = None,
    ) -> None:
        self._forget()
        self.highlighter.forget()
        self.positions = Positions(text)
        self.setPlainText(text)  # never HTML: an article may contain < and &
        paragraphs.set_directions(self.document(), room_below=span_bars.ROOM)
        self.spans, self.relations, self.colors = spans, list(relations), dict(colors)
        self.by_id = {s.id: s for s in spans}
        self.highlighter.show(spans, colors, self.positions, selected)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.reveal_visible()

    def update_spans(
        self, spans: list[Span], removed: list[Span], added: list[Span], relations=None
    ) -> None:
        """Spans after an edit (in text order), with what the edit removed and added."""
        self.spans = spans
        for span in removed:
            self.by_id.pop(span.id, None)
        for span in added:
            self.by_id[span.id] = span
        if relations is not None:
            self.relations = list(relations)
        self.highlighter.update_spans(spans, removed, added)
        self.viewport().update()

    def set_colors(self, colors: dict[str, str]) -> None:
        self.colors = dict(colors)
        self.highlighter.set_colors(colors)
        self.viewport().update()

    def show_invisibles(self, on: bool) -> None:
        paragraphs.show_invisibles(self.document(), on)

    def visible_blocks(self) -> tuple[int, int]:
        viewport = self.viewport().rect()
        top = self.cursorForPosition(viewport.topLeft()).block().blockNumber()
        bottom = self.cursorForPosition(viewport.bottomRight()).block().blockNumber()
        return top, bottom

    def reveal_visible(self) -> None:
        """Format the paragraphs on screen, and a screenful either side."""
        top, bottom = self.visible_blocks()
        margin = max(bottom - top, 10)
        self.highlighter.reveal(top - margin, bottom + margin)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.reveal_visible()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reveal_visible()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.drawn_bars = span_bars.draw(self) if self.highlighter.current() else []

    def select_span(self, span_id: int | None, *, scroll: bool = True) -> None:
        self.highlighter.select(span_id, self.by_id)
        self.viewport().update()
        span = self.by_id.get(span_id)
        if span is not None and scroll:
            self.scroll_to(span.start)

    def scroll_to(self, offset: int) -> None:
        """Put the cursor at an offset and bring it into view."""
        cursor = self.textCursor()
        cursor.setPosition(self.positions.qt(offset))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

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

    def spans_at(self, offset: int) -> list[Span]:
        """Spans under a click, innermost first. A click between two characters may mean
        either (Qt places the cursor at the nearest edge, which differs with direction)."""
        near = self.highlighter.spans_touching(offset, offset)
        inside = [s for s in near if s.start <= offset < s.end]
        if not inside:
            inside = [s for s in near if s.start < offset <= s.end]
        return sorted(inside, key=lambda s: (s.end - s.start, s.id))

    # -- zoom -----------------------------------------------------------------------------------

    def font_size(self) -> float:
        return self.font().pointSizeF()

    def set_font_size(self, size: float) -> None:
        font = self.font()
        font.setPointSizeF(max(self.MIN_SIZE, min(self.MAX_SIZE, size)))
        self.setFont(font)

    # -- input ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
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

    def tooltip_for(self, spans: list[Span]) -> str:
        return tooltip(spans, self.relations, self.by_id, self.missing)

    def mark_spans(self, spans: list[Span], color: str | None) -> None:
        """Wavy underlines in ``color`` under some spans (an event's arguments, disagreements)."""
        self.setExtraSelections(
            paragraphs.wavy_marks(self.document(), self.positions, spans, color)
        )
