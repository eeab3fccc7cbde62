"""Suggestions painted over the text: an outline in the label's colour around each one's
characters, never a fill, so a suggestion cannot be mistaken for a span. The selected one's
outline is thicker and dashed. Laid out from Qt's glyph runs like the spans' bars
(:func:`annotator.ui.span_bars.text_rects`), so they follow bidi reordering."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from annotator.core.model import Span
from annotator.ui import span_bars

THIN, THICK = 1.5, 3.0


@dataclass(frozen=True)
class Outline:
    """One suggestion as drawn: its extent and label, and its rectangles in viewport pixels."""

    start: int
    end: int
    label: str
    color: str
    selected: bool
    rects: tuple[QRectF, ...]


def draw(view) -> list[Outline]:
    """Lay out and paint the outlines of a text view's suggestions in the paragraphs it shows;
    returns them as drawn."""
    top, bottom = view.visible_blocks()
    document = view.document()
    first = document.findBlockByNumber(max(top, 0)).position()
    last_block = document.findBlockByNumber(bottom)
    last = last_block.position() + last_block.length() if last_block.isValid() else 1 << 30
    offset = QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    outlines = []
    for index, found in enumerate(view.suggestions):
        if view.positions.qt(found.end) < first or view.positions.qt(found.start) > last:
            continue
        where = Span(0, 0, "", found.label, found.start, found.end, found.text)
        rects = span_bars.text_rects(document, view.positions, where, offset)
        color = view.colors.get(found.label, "#808080")
        selected = index == view.suggestion_selected
        outlines.append(Outline(found.start, found.end, found.label, color, selected, tuple(rects)))
    painter = QPainter(view.viewport())
    paint(painter, outlines)
    painter.end()
    return outlines


def paint(painter: QPainter, outlines: list[Outline]) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for outline in outlines:
        pen = QPen(QColor(outline.color).darker(110), THICK if outline.selected else THIN)
        if outline.selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for rect in outline.rects:
            painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
