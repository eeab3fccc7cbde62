"""The search panel's list: one row per match, the article's name and the match in its
context, painted as plain text with the match in bold, right to left when the context is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from annotator.core.text import is_rtl
from annotator.ops.searching import CorpusSearch, DocumentHit, Match, SearchResults
from annotator.ui.positions import Positions

PAGE = 25  # articles fetched at a time
Index = QModelIndex | QPersistentModelIndex
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
PIECES_ROLE = Qt.ItemDataRole.UserRole + 2  # (before, match, after)
MATCH_ROLE = Qt.ItemDataRole.UserRole + 3  # (document id, start, end)


class SearchResultsModel(QAbstractListModel):
    page = PAGE  # articles fetched at a time
    """The matches of one query, a row each, read a page of articles at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.searcher: CorpusSearch | None = None
        self.results: SearchResults | None = None
        self.rows: list[tuple[DocumentHit, Match]] = []

    def show(self, searcher: CorpusSearch | None, results: SearchResults | None) -> None:
        self.beginResetModel()
        self.searcher, self.results = searcher, results
        self.rows = [(hit, m) for hit in results.hits for m in hit.matches] if results else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        hit, match = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{match.before}{match.text}{match.after}"
        if role in (NAME_ROLE, Qt.ItemDataRole.ToolTipRole):
            return hit.name
        if role == PIECES_ROLE:
            return match.before, match.text, match.after
        if role == MATCH_ROLE:
            return hit.id, match.start, match.end
        if role == Qt.ItemDataRole.TextAlignmentRole:
            rtl = is_rtl(f"{match.before}{match.text}{match.after}")
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.results is not None and self.results.after is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.searcher is None:
            return
        current = self.results
        more = self.searcher.search(current.query, self.page, current.after)
        rows = [(hit, m) for hit in more.hits for m in hit.matches]
        self.results = SearchResults(
            current.query, current.hits + more.hits, current.documents, current.exact, more.after
        )
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows += rows
            self.endInsertRows()


class MatchDelegate(QStyledItemDelegate):
    """Paints a row: the article's name, then the match in its context, as plain text."""

    MARGIN = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, 2 * height + 3 * self.MARGIN)

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = QRectF(option.rect).adjusted(self.MARGIN, self.MARGIN / 2, -self.MARGIN, 0)
        before, match, after = index.data(PIECES_ROLE)
        painter.save()
        painter.setClipRect(option.rect)
        painter.setPen(option.palette.color(role))
        small = QFont(option.font)
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        name = _line(index.data(NAME_ROLE), small, rect.width(), 0, 0)
        name.draw(painter, rect.topLeft())
        snippet = f"{before}{match}{after}"
        positions = Positions(snippet)
        start, end = positions.qt(len(before)), positions.qt(len(before) + len(match))
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        marker = QColor(option.palette.color(QPalette.ColorRole.Highlight))
        marker.setAlpha(70)
        bold.setBackground(marker)
        layout = _line(snippet, option.font, rect.width(), start, end, bold)
        line = layout.lineAt(0)
        shift = _shift_to_show(line.cursorToX(start)[0], line.cursorToX(end)[0], rect.width())
        top = rect.top() + name.boundingRect().height() + self.MARGIN / 2
        layout.draw(painter, QPointF(rect.left() + shift, top))
        painter.restore()


def _line(
    text: str,
    font: QFont,
    width: float,
    start: int,
    end: int,
    emphasis: QTextCharFormat | None = None,
) -> QTextLayout:
    """One unwrapped line of plain text in its own direction; [start, end) (UTF-16) stressed."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    rtl = is_rtl(text)
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    layout.setTextOption(option)
    if emphasis is not None and end > start:
        stressed = QTextLayout.FormatRange()
        stressed.start, stressed.length, stressed.format = start, end - start, emphasis
        layout.setFormats([stressed])
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    layout.endLayout()
    return layout


def _shift_to_show(x1: float, x2: float, width: float) -> float:
    """How far to move a line so that the stretch between x1 and x2 is in view."""
    left, right = min(x1, x2), max(x1, x2)
    if left >= 0 and right <= width:
        return 0.0
    return width / 2 - (left + right) / 2
