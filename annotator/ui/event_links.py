"""The selected event's links, drawn over the text: a curve from its trigger word to each of
its arguments, arrowed at the argument and named with the role, in the event type's colour.
An event with no trigger word has nothing to draw from; its arguments are still marked (wavy
underlines, :mod:`annotator.ui.coding`).

Ends are placed on Qt's own glyph runs (:func:`annotator.ui.span_bars.text_rects`), so a
link reaches the word wherever bidi puts it on the line."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from annotator.core.model import Event, Span
from annotator.ui.span_bars import text_rects

RISE = 16.0  # how far above the words a link arches
HEAD = 5.0  # the arrow head's half width
PAD = 2.0  # around a role name
ROOM_ABOVE = 22.0  # kept free above the first line, for the links that arch over it


@dataclass(frozen=True)
class Link:
    """One drawn link: the argument span it reaches, its role, its ends and where its role
    name is written, in viewport pixels."""

    role: str
    argument: int
    start: QPointF
    end: QPointF
    name_rect: QRectF


def _anchor(rects: list[QRectF]) -> QPointF | None:
    """The top middle of a span's first piece of text."""
    return QPointF(rects[0].center().x(), rects[0].top()) if rects else None


def lay_out(view, event: Event | None, font_metrics: QFontMetricsF) -> list[Link]:
    """The links of ``event`` in a text view's viewport (none when it has no trigger shown)."""
    by_id: dict[int, Span] = view.by_id
    trigger = by_id.get(event.trigger) if event is not None and event.trigger else None
    if trigger is None:
        return []
    document, positions = view.document(), view.positions
    offset = QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    start = _anchor(text_rects(document, positions, trigger, offset))
    links: list[Link] = []
    height = font_metrics.height()
    for argument in event.arguments:
        span = by_id.get(argument.span)
        end = _anchor(text_rects(document, positions, span, offset)) if span else None
        if start is None or end is None:
            continue
        width = font_metrics.horizontalAdvance(argument.role) + 2 * PAD
        centre = QPointF((start.x() + end.x()) / 2, min(start.y(), end.y()) - RISE)
        name = _free(QRectF(0, 0, width, height), centre, [link.name_rect for link in links])
        links.append(Link(argument.role, argument.span, start, end, name))
    return links


def _free(box: QRectF, centre: QPointF, taken: list[QRectF]) -> QRectF:
    """Where a role name goes: centred over its link, kept below the viewport's top edge (the
    first line has little room above it), and moved up, or else aside, off names already
    placed, so that no name hides another."""
    box.moveCenter(QPointF(centre.x(), max(centre.y(), box.height() / 2 + 1)))
    for _ in range(len(taken) + 1):
        hit = next((rect for rect in taken if rect.intersects(box)), None)
        if hit is None:
            break
        if hit.top() - box.height() - 1 >= 1:
            box.moveBottom(hit.top() - 1)
        else:
            box.moveLeft(hit.right() + 2)
    return box


def _curve(link: Link) -> QPainterPath:
    top = link.name_rect.center().y()
    path = QPainterPath(link.start)
    path.cubicTo(QPointF(link.start.x(), top), QPointF(link.end.x(), top), link.end - QPointF(0, 1))
    return path


def paint(painter: QPainter, links: list[Link], color: str) -> None:
    ink = QColor(color).darker(160)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for link in links:
        painter.drawPath(_curve(link))
    painter.setBrush(ink)
    for link in links:
        tip = link.end
        painter.drawPolygon(
            QPolygonF([tip, tip + QPointF(-HEAD, -2 * HEAD), tip + QPointF(HEAD, -2 * HEAD)])
        )
    for link in links:
        painter.setPen(QPen(ink, 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(link.name_rect, 3, 3)
        painter.drawText(link.name_rect, Qt.AlignmentFlag.AlignCenter, link.role)


def draw(view, event: Event | None, color: str) -> list[Link]:
    """Lay out and paint the links of the selected event; returns them as drawn."""
    painter = QPainter(view.viewport())
    font = painter.font()
    font.setPointSizeF(max(7.0, view.font_size() * 0.6))
    painter.setFont(font)
    links = lay_out(view, event, QFontMetricsF(font))
    paint(painter, links, color)
    painter.end()
    return links
