"""Paints spans into the text: the innermost span's colour as background, an outer span's as
underline, so that nested and overlapping spans all stay visible (no HTML, no text changes)."""

from __future__ import annotations

import functools
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
        self._ready: set[int] = set()  # paragraphs that have been in view (painted with spans)
        self.selected: int | None = None

    def set_spans(self, spans: list[Span], colors: dict[str, str], positions: Positions) -> None:
        """A new document's spans. Paragraphs are formatted when they first come into view
        (:meth:`reveal`), so opening a long document costs what fits on the screen."""
        self._spans = spans
        if colors != self._colors:
            self._colors = colors
            self._format_for.cache_clear()
        self._positions = positions
        self._ready = set()
        self._index()

    def reveal(self, first: int, last: int) -> None:
        """Format the paragraphs ``first``..``last`` (block numbers) if not done yet."""
        document = self.document()
        for number in range(max(first, 0), min(last, document.blockCount() - 1) + 1):
            if number not in self._ready:
                self._ready.add(number)
                if number in self._by_block:
                    self.rehighlightBlock(document.findBlockByNumber(number))

    def reveal_all(self) -> None:
        self.reveal(0, self.document().blockCount() - 1)

    def update_spans(self, spans: list[Span], removed: list[Span], added: list[Span]) -> None:
        """New spans after an edit: re-index and repaint only the paragraphs it touched."""
        self._spans = spans
        blocks: set[int] = set()
        for span in removed:
            for number in self._blocks_of(span):
                self._by_block[number] = [
                    s for s in self._by_block.get(number, []) if s.id != span.id
                ]
                blocks.add(number)
        for span in added:
            for number in self._blocks_of(span):
                self._by_block.setdefault(number, []).append(span)
                blocks.add(number)
        document = self.document()
        for number in sorted(blocks & self._ready):
            self.rehighlightBlock(document.findBlockByNumber(number))

    def select(self, span_id: int | None, by_id: dict[int, Span]) -> None:
        previous = by_id.get(self.selected)
        self.selected = span_id
        current = by_id.get(span_id)
        for span in (previous, current):
            if span is not None:
                self._rehighlight_range(span.start, span.end)

    def _index(self) -> None:
        document = self.document()
        starts = []
        block = document.begin()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        self._block_starts = starts
        by_block: dict[int, list[Span]] = defaultdict(list)
        for span in self._spans:
            for number in self._blocks_of(span):
                by_block[number].append(span)
        self._by_block = dict(by_block)

    def spans_touching(self, start: int, end: int) -> list[Span]:
        """Shown spans that touch [start, end], found through the paragraph index."""
        if self._positions is None or not self._block_starts:
            return []
        first = bisect_right(self._block_starts, self._positions.qt(start)) - 1
        last = bisect_right(self._block_starts, self._positions.qt(end)) - 1
        found = {}
        for number in range(max(first, 0), last + 1):
            for span in self._by_block.get(number, ()):
                if span.start <= end and span.end >= start:
                    found[span.id] = span
        return list(found.values())

    def _blocks_of(self, span: Span) -> range:
        """The paragraphs (block numbers) a span lies in."""
        if self._positions is None:
            return range(0)
        first = bisect_right(self._block_starts, self._positions.qt(span.start)) - 1
        last = bisect_right(self._block_starts, max(self._positions.qt(span.end) - 1, 0)) - 1
        return range(max(first, 0), last + 1)

    def _rehighlight_range(self, start: int, end: int) -> None:
        if self._positions is None:
            return
        document = self.document()
        first = document.findBlock(self._positions.qt(start))
        last = document.findBlock(self._positions.qt(end))
        block = first
        while block.isValid():
            if block.blockNumber() in self._ready:
                self.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        if block.blockNumber() not in self._ready:
            return
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
        under = next((s.label for s in covering if s is not shown), None)
        return self._format_for(shown.label, selected is not None, under)

    @functools.lru_cache(maxsize=256)  # noqa: B019 (a few formats, reused by every paragraph)
    def _format_for(self, label: str, selected: bool, underline: str | None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        color = self._colors.get(label, "#808080")
        if selected:
            fmt.setBackground(tint(color, SELECTED_ALPHA))
            fmt.setForeground(QColor("white"))
        else:
            fmt.setBackground(tint(color, BACKGROUND_ALPHA))
        if underline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(self._colors.get(underline, "#808080")))
        return fmt
