"""Paints spans into the text as character formats (no HTML, no change to the text).

Each character takes the colour of the innermost span over it, stronger the deeper it is
nested, so a span inside another of the same label stands out; the selected span is drawn
strong with white text, except where a span nested in it keeps its own colour. Which span
encloses which is drawn as bars under the text (:mod:`annotator.ui.span_bars`).

What is painted belongs to one content of the document: the spans are stamped with the
count of the document's content changes when they are set, and a paragraph is painted only
while no change has come since. Any change of the text (or of a paragraph's format) clears
every paragraph it touches until spans are set for the new content: spans of an earlier text
can never be painted on a later one.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import defaultdict
from itertools import pairwise

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span
from annotator.ui.positions import Positions

DEPTH_ALPHA = (60, 110, 160)  # background alpha of a character under 1, 2, 3+ spans
SELECTED_ALPHA = 210


def tint(color: str, alpha: int) -> QColor:
    result = QColor(color)
    result.setAlpha(alpha)
    return result


def shown_span(covering: list[Span], selected: int | None) -> Span:
    """Whose colour a character covered by ``covering`` takes: the innermost span's, or the
    selected span's where no span nested in it covers the character."""
    inner = min(covering, key=lambda s: (s.end - s.start, s.id))
    chosen = next((s for s in covering if s.id == selected), None)
    if chosen is not None and chosen.end - chosen.start == inner.end - inner.start:
        return chosen
    return inner


class SpanHighlighter(QSyntaxHighlighter):
    """Formats each paragraph from the spans that touch it; an edit repaints only its own."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document.parent())
        self._changes = 0  # content changes of the document so far
        self._stamp = -1  # how many there had been when the spans below were set
        # counted before Qt re-formats the changed paragraphs (slots run in connection order)
        document.contentsChange.connect(self._content_changed)
        self.setDocument(document)
        self._spans: list[Span] = []
        self._colors: dict[str, str] = {}
        self._positions: Positions | None = None
        self._by_block: dict[int, list[Span]] = {}
        self._block_starts: list[int] = []
        self._ready: set[int] = set()  # paragraphs that have been in view (painted with spans)
        self.selected: int | None = None
        self.formatted: dict[int, int] = {}  # how often each paragraph has been formatted
        self._holding = 0  # edits under way: paragraphs are formatted once they are done
        self._held: set[int] = set()

    def layout_key(self) -> int:
        """Changes whenever the document's text or paragraph formats change (what is laid
        out from them is stale then)."""
        return self._changes

    def show(
        self, spans: list[Span], colors: dict[str, str], positions: Positions, selected=None
    ) -> None:
        """The spans of the text the document now holds. Paragraphs are formatted when they
        first come into view (:meth:`reveal`), so opening a long document costs a screenful."""
        self._stamp = self._changes
        self._spans = spans
        self._set_colors(colors)
        self._positions = positions
        self.selected = selected
        self._ready, self._held = set(), set()
        self._index()

    def _content_changed(self, _position: int, _removed: int, _added: int) -> None:
        self._changes += 1

    def forget(self) -> None:
        """The text is about to change: paint nothing until spans are set for the new one."""
        self._stamp = -1

    def current(self) -> bool:
        """Whether the spans set belong to the text the document holds now."""
        return self._stamp == self._changes

    def set_colors(self, colors: dict[str, str]) -> None:
        """Label colours changed (the schema was edited): repaint what is painted."""
        if self._set_colors(colors):
            self._repaint(set(self._by_block))

    def _set_colors(self, colors: dict[str, str]) -> bool:
        if colors == self._colors:
            return False
        self._colors = dict(colors)
        self._format_for.cache_clear()
        return True

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
        self._repaint(blocks)

    def select(self, span_id: int | None, by_id: dict[int, Span]) -> None:
        previous = by_id.get(self.selected)
        self.selected = span_id
        changed = (previous, by_id.get(span_id))
        blocks = {n for span in changed if span for n in self._blocks_of(span)}
        self._repaint(blocks)

    def hold(self, on: bool) -> None:
        """While an edit is under way, the paragraphs it touches (its spans, then the
        selection moved onto what it made) are formatted once, when it is done."""
        self._holding = max(0, self._holding + (1 if on else -1))
        if not self._holding:
            blocks, self._held = self._held, set()
            self._repaint(blocks)

    def _repaint(self, blocks: set[int]) -> None:
        if self._holding:
            self._held |= blocks
            return
        if not self.current():
            return
        document = self.document()
        for number in sorted(blocks & self._ready):
            self.rehighlightBlock(document.findBlockByNumber(number))

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

    def spans_in_blocks(self, first: int, last: int) -> list[Span]:
        """Shown spans that lie in paragraphs ``first``..``last``."""
        found: dict[int, Span] = {}
        for number in range(max(first, 0), last + 1):
            for span in self._by_block.get(number, ()):
                found[span.id] = span
        return list(found.values())

    def spans_touching(self, start: int, end: int) -> list[Span]:
        """Shown spans that touch [start, end], found through the paragraph index."""
        if self._positions is None or not self._block_starts:
            return []
        first = bisect_right(self._block_starts, self._positions.qt(start)) - 1
        last = bisect_right(self._block_starts, self._positions.qt(end)) - 1
        return [s for s in self.spans_in_blocks(first, last) if s.start <= end and s.end >= start]

    def _blocks_of(self, span: Span) -> range:
        """The paragraphs (block numbers) a span lies in."""
        if self._positions is None:
            return range(0)
        first = bisect_right(self._block_starts, self._positions.qt(span.start)) - 1
        last = bisect_right(self._block_starts, max(self._positions.qt(span.end) - 1, 0)) - 1
        return range(max(first, 0), last + 1)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        number = block.blockNumber()  # its formats, and so its layout, are made again
        self.formatted[number] = self.formatted.get(number, 0) + 1
        if not self.current() or block.blockNumber() not in self._ready:
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
        shown = shown_span(covering, self.selected)
        return self._format_for(shown.label, shown.id == self.selected, min(len(covering), 3))

    @functools.lru_cache(maxsize=256)  # noqa: B019 (a few formats, reused by every paragraph)
    def _format_for(self, label: str, selected: bool, depth: int) -> QTextCharFormat:
        fmt = QTextCharFormat()
        color = self._colors.get(label, "#808080")
        if selected:
            fmt.setBackground(tint(color, SELECTED_ALPHA))
            fmt.setForeground(QColor("white"))
        else:
            fmt.setBackground(tint(color, DEPTH_ALPHA[depth - 1]))
        return fmt
