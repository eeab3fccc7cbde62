"""Paints spans into the text: the innermost span's colour as background, an outer span's as
underline, so that nested and overlapping spans all stay visible (no HTML, no text changes)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from itertools import pairwise

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span
from annotator.ui.positions import Positions

BACKGROUND_ALPHA = 70
SELECTED_ALPHA = 200


def tint(color: str, alpha: int) -> QColor:
    result = QColor(color)
    result.setAlpha(alpha)
    return result


class SpanHighlighter(QSyntaxHighlighter):
    """Formats each paragraph from the spans that touch it; an edit repaints only its own."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[Span] = []
        self._colors: dict[str, str] = {}
        self._positions: Positions | None = None
        self._by_block: dict[int, list[Span]] = {}
        self._block_starts: list[int] = []
        self.selected: int | None = None

    def set_spans(self, spans: list[Span], colors: dict[str, str], positions: Positions) -> None:
        self._spans = spans
        self._colors = colors
        self._positions = positions
        self._index()
        self.rehighlight()

    def update_spans(self, spans: list[Span], touched: list[tuple[int, int]]) -> None:
        """New spans after an edit; repaint only the paragraphs of the touched ranges."""
        self._spans = spans
        self._index()
        for start, end in touched:
            self._rehighlight_range(start, end)

    def select(self, span_id: int | None) -> None:
        previous = next((s for s in self._spans if s.id == self.selected), None)
        self.selected = span_id
        current = next((s for s in self._spans if s.id == span_id), None)
        for span in (previous, current):
            if span is not None:
                self._rehighlight_range(span.start, span.end)

    def _index(self) -> None:
        document = self.document()
        positions = self._positions
        starts = []
        block = document.begin()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        self._block_starts = starts
        by_block: dict[int, list[Span]] = defaultdict(list)
        if positions is not None:
            for span in self._spans:
                first = bisect_right(starts, positions.qt(span.start)) - 1
                last = bisect_right(starts, max(positions.qt(span.end) - 1, 0)) - 1
                for number in range(first, last + 1):
                    by_block[number].append(span)
        self._by_block = dict(by_block)

    def _rehighlight_range(self, start: int, end: int) -> None:
        if self._positions is None:
            return
        document = self.document()
        first = document.findBlock(self._positions.qt(start))
        last = document.findBlock(self._positions.qt(end))
        block = first
        while block.isValid():
            self.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        spans = self._by_block.get(block.blockNumber())
        if not spans or self._positions is None:
            return
        base = block.position()
        length = len(text.encode("utf-16-le")) // 2
        pieces = []
        for span in spans:
            start = max(self._positions.qt(span.start) - base, 0)
            end = min(self._positions.qt(span.end) - base, length)
            if start < end:
                pieces.append((start, end, span))
        cuts = sorted({p for start, end, _ in pieces for p in (start, end)})
        for left, right in pairwise(cuts):
            covering = [span for start, end, span in pieces if start <= left and right <= end]
            if covering:
                self.setFormat(left, right - left, self._format(covering))

    def _format(self, covering: list[Span]) -> QTextCharFormat:
        covering.sort(key=lambda s: (s.end - s.start, s.id))
        selected = next((s for s in covering if s.id == self.selected), None)
        shown = selected or covering[0]
        fmt = QTextCharFormat()
        color = self._colors.get(shown.label, "#808080")
        if selected is not None:
            fmt.setBackground(tint(color, SELECTED_ALPHA))
            fmt.setForeground(QColor("white"))
        else:
            fmt.setBackground(tint(color, BACKGROUND_ALPHA))
        others = [s for s in covering if s is not shown]
        if others:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(self._colors.get(others[0].label, "#808080")))
        return fmt
