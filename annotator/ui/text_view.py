"""The article, read-only: each paragraph in its own direction, spans painted in, selectable
by mouse and keyboard. Speaks code-point offsets to the rest of the window."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.core.model import Relation, Span
from annotator.core.text import is_rtl
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.positions import Positions

ARABIC_FONTS = (
    "Noto Naskh Arabic",
    "Noto Sans Arabic",
    "Amiri",
    "Scheherazade New",
    "Noto Naskh Arabic UI",
    "Geeza Pro",
    "Segoe UI",
    "Arial",
    "DejaVu Sans",
)


def arabic_font(size: float) -> QFont:
    """A font that shapes Arabic well, from those installed."""
    families = set(QFontDatabase.families())
    family = next((f for f in ARABIC_FONTS if f in families), None)
    font = QFont(family) if family else QFont()
    font.setPointSizeF(size)
    return font


class TextView(QTextEdit):
    """Shows one document; emits what the annotator asks for in code-point offsets."""

    labelKey = Signal(str)  # a label shortcut was pressed
    deleteRequested = Signal()
    spanClicked = Signal(object)  # the span id under a click, or None

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
        self.setFont(arabic_font(font_size))
        self.setMouseTracking(True)
        self.document().setDocumentMargin(18)
        self.highlighter = SpanHighlighter(self.document())
        self.positions = Positions("")
        self.spans: list[Span] = []
        self.by_id: dict[int, Span] = {}
        self.relations: list[Relation] = []
        self.label_keys: frozenset[str] = frozenset()
        self._press: QPoint | None = None
        self._last_click: tuple[int, list[int]] | None = None

    # -- showing ----------------------------------------------------------------------------

    def show_document(self, text: str, spans: list[Span], colors: dict[str, str]) -> None:
        self.positions = Positions(text)
        self.spans = spans
        self.by_id = {s.id: s for s in spans}
        self.highlighter.selected = None
        self.setPlainText(text)  # never HTML: an article may contain < and &
        self._set_directions()
        self.highlighter.set_spans(spans, colors, self.positions)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.reveal_visible()

    def show_invisibles(self, on: bool) -> None:
        option = self.document().defaultTextOption()
        flags = option.flags()
        flag = QTextOption.Flag.ShowDefaultIgnorables
        option.setFlags(flags | flag if on else flags & ~flag)
        self.document().setDefaultTextOption(option)

    def reveal_visible(self) -> None:
        """Format the paragraphs on screen, and a screenful either side."""
        viewport = self.viewport()
        top = self.cursorForPosition(viewport.rect().topLeft()).block().blockNumber()
        bottom = self.cursorForPosition(viewport.rect().bottomRight()).block().blockNumber()
        margin = max(bottom - top, 10)
        self.highlighter.reveal(top - margin, bottom + margin)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.reveal_visible()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reveal_visible()

    def _set_directions(self) -> None:
        """Each paragraph right-to-left and right-aligned when its text is RTL."""
        document = self.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        block = document.begin()
        while block.isValid():
            rtl = is_rtl(block.text())
            fmt = QTextBlockFormat(block.blockFormat())
            fmt.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
            fmt.setAlignment(
                (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignAbsolute
            )
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()

    def update_spans(self, spans: list[Span], removed: list[Span], added: list[Span]) -> None:
        """Spans after an edit (in text order), with what the edit removed and added."""
        self.spans = spans
        for span in removed:
            self.by_id.pop(span.id, None)
        for span in added:
            self.by_id[span.id] = span
        self.highlighter.update_spans(spans, removed, added)

    def select_span(self, span_id: int | None, *, scroll: bool = True) -> None:
        self.highlighter.select(span_id, self.by_id)
        span = self.by_id.get(span_id)
        if span is not None and scroll:
            cursor = self.textCursor()
            cursor.setPosition(self.positions.qt(span.start))
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
        inside = [s for s in self.spans if s.start <= offset < s.end]
        if not inside:
            inside = [s for s in self.spans if s.start < offset <= s.end]
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
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            text
            and text in self.label_keys
            and modifiers
            in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
        ):
            self.labelKey.emit(text)
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
        """Rich text built from escaped plain text: span text may contain < and &."""
        texts = {s.id: s.text for s in self.spans}
        lines = []
        for span in spans:
            lines.append(f"<b>{html.escape(span.label)}</b>: {html.escape(span.text)}")
            for relation in self.relations:
                if relation.source == span.id:
                    argument = html.escape(texts.get(relation.target, "?"))
                    lines.append(f"&nbsp;&nbsp;{html.escape(relation.role)} → {argument}")
        return f"<p style='white-space:pre'>{'<br>'.join(lines)}</p>"

    def mark_spans(self, spans: list[Span], color: str | None) -> None:
        """Wavy underlines in ``color`` under some spans (an event's arguments, disagreements)."""
        selections = []
        for span in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.positions.qt(span.start))
            cursor.setPosition(self.positions.qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(color or "#000000").darker(140))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
