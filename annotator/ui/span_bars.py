"""Bars under the text that show how spans nest: one bar per span in its label's colour, the
innermost nearest the text and each span that encloses another one row further down; spans
that cross each other take different rows. The selected span's bar is thick, so an event
selected around a nested place still shows where it begins and ends; a span whose required
coding is missing has a dashed bar.

Bars are laid out from Qt's own glyph runs for each span's characters, so they follow the
text however bidi reorders it (an Arabic line with numbers and Latin names in it).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QTextBlock, QTextDocument

from annotator.core.model import Span
from annotator.ui.positions import Positions

ROOM = 14  # pixels between lines for the bars
GAP = 2  # between the text and the first row of bars
ROW = 4  # from one row of bars to the next
THIN, THICK = 2, 4
ROWS = 3  # deeper nesting shares the last row
DASH = 4  # the dashes of the bar of a span whose required coding is missing


@dataclass(frozen=True)
class Bar:
    """One span's bar as drawn: its row and the rectangles it covers, in viewport pixels."""

    span_id: int
    label: str
    color: str
    row: int
    selected: bool
    rects: tuple[QRectF, ...]
    incomplete: bool = False  # required coding missing: drawn dashed


def rows(spans: list[Span]) -> dict[int, int]:
    """The row of each span's bar: below every span it encloses, and apart from spans it
    crosses. Spans with the same extent stack in id order. Spans are placed shortest first,
    so only those placed already that start within one span's length can meet it."""
    order = sorted(spans, key=lambda s: (s.end - s.start, s.start, s.id))
    starts: list[int] = []  # of the spans placed so far, in order
    placed: list[Span] = []  # in the same order
    result: dict[int, int] = {}
    for span in order:
        low = bisect_right(starts, span.start - (span.end - span.start))
        high = bisect_left(starts, span.end)
        near = [t for t in placed[low:high] if span.start < t.end]
        floor = 1 + max(
            (result[t.id] for t in near if span.start <= t.start and t.end <= span.end),
            default=-1,
        )
        crossing = {result[t.id] for t in near}
        row = floor
        while row in crossing:
            row += 1
        result[span.id] = row
        at = bisect_right(starts, span.start)
        starts.insert(at, span.start)
        placed.insert(at, span)
    return result


def _runs(block: QTextBlock, start: int, end: int) -> list[QRectF]:
    """Rectangles (in block layout coordinates) of a block's UTF-16 range, line by line: one
    per visually contiguous piece, as tall as its line."""
    layout = block.layout()
    found = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        first = max(start, line.textStart())
        last = min(end, line.textStart() + line.textLength())
        if first >= last:
            continue
        pieces = sorted(
            (r.boundingRect().left(), r.boundingRect().right())
            for r in line.glyphRuns(first, last - first)
        )
        merged: list[list[float]] = []
        for left, right in pieces:
            if merged and left <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], right)
            else:
                merged.append([left, right])
        found += [QRectF(left, line.y(), right - left, line.height()) for left, right in merged]
    return found


class GlyphRuns:
    """The rectangles of spans' characters within their paragraphs, kept from one paint to
    the next: asking Qt for glyph runs is most of the bars' cost, and an edit re-formats one
    paragraph. A paragraph's entries go when it is formatted again (``formatted``: how often
    each has been); all go when the text, its paragraph formats, the width or the font change
    (``key``)."""

    LIMIT = 20_000  # entries kept before starting afresh

    def __init__(self) -> None:
        self._key: object = None
        self._blocks: dict[int, tuple[int, dict[tuple[int, int], list[QRectF]]]] = {}
        self._count = 0
        self._formatted: dict[int, int] = {}

    def follow(self, key: object, formatted: dict[int, int]) -> None:
        if key != self._key or self._count > self.LIMIT:
            self._key, self._blocks, self._count = key, {}, 0
        self._formatted = formatted

    def of(self, block: QTextBlock, start: int, end: int) -> list[QRectF]:
        number = block.blockNumber()
        version = self._formatted.get(number, 0)
        entry = self._blocks.get(number)
        if entry is None or entry[0] != version:
            entry = self._blocks[number] = (version, {})
        found = entry[1].get((start, end))
        if found is None:
            found = entry[1][(start, end)] = _runs(block, start, end)
            self._count += 1
        return found


def text_rects(
    document: QTextDocument,
    positions: Positions,
    span: Span,
    offset: QPointF,
    runs: GlyphRuns | None = None,
) -> list[QRectF]:
    """Where a span's characters are, in viewport pixels (``offset``: where the document's
    origin is in the viewport), a rectangle per line and visually contiguous piece
    (``runs``: those already found, when the layout has not changed since)."""
    layout = document.documentLayout()
    start, end = positions.qt(span.start), positions.qt(span.end)
    rects = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        origin = layout.blockBoundingRect(block).topLeft() + offset
        local_start = max(start - block.position(), 0)
        local_end = min(end - block.position(), block.length() - 1)
        pieces = (
            runs.of(block, local_start, local_end) if runs else _runs(block, local_start, local_end)
        )
        rects += [rect.translated(origin) for rect in pieces]
        block = block.next()
    return rects


def lay_out(
    document: QTextDocument,
    spans: list[Span],
    positions: Positions,
    colors: dict[str, str],
    selected: int | None,
    offset: QPointF,
    missing: Callable[[Span], list[str]] | None = None,
    runs: GlyphRuns | None = None,
) -> list[Bar]:
    """The bars of ``spans``, placed in viewport pixels (``offset``: where the document's
    origin is in the viewport); ``missing`` tells which spans lack required coding."""
    placed = rows(spans)
    bars = []
    for span in spans:
        rects = text_rects(document, positions, span, offset, runs)
        row = min(placed[span.id], ROWS - 1)
        is_selected = span.id == selected
        height = THICK if is_selected else THIN
        shaped = tuple(
            QRectF(r.left(), r.bottom() + GAP + row * ROW, r.width(), height) for r in rects
        )
        color = colors.get(span.label, "#808080")
        incomplete = bool(missing and missing(span))
        bars.append(Bar(span.id, span.label, color, row, is_selected, shaped, incomplete))
    return bars


def draw(view) -> list[Bar]:
    """Lay out and paint the bars of the spans in the paragraphs a text view shows; returns
    them as drawn."""
    top, bottom = view.visible_blocks()
    shown = view.highlighter.spans_in_blocks(top, bottom)
    offset = QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    document = view.document()
    key = (
        view.highlighter.layout_key(),
        document.textWidth(),
        view.font().key(),
        int(document.defaultTextOption().flags().value),
    )
    view.runs.follow(key, view.highlighter.formatted)
    bars = lay_out(
        view.document(),
        shown,
        view.positions,
        view.colors,
        view.highlighter.selected,
        offset,
        view.missing,
        view.runs,
    )
    painter = QPainter(view.viewport())
    paint(painter, bars)
    painter.end()
    return bars


def paint(painter: QPainter, bars: list[Bar]) -> None:
    for bar in bars:
        color = QColor(bar.color)
        if bar.selected:
            color = color.darker(130)
        for rect in bar.rects:
            if not bar.incomplete:
                painter.fillRect(rect, color)
                continue
            x = rect.left()
            while x < rect.right():  # dashed: required coding is missing
                painter.fillRect(
                    QRectF(x, rect.top(), min(DASH, rect.right() - x), rect.height()), color
                )
                x += 2 * DASH
