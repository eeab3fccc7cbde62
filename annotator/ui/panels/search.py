"""Search across every article: a search box and the matches, each in its context.

Each row is one match: the article's name, then the words around the match with the match
in bold, set right to left when the context is Arabic. Text is painted as plain text (a
:class:`QTextLayout` with formats), never as HTML, so an article holding ``<img src=…>`` shows
exactly that. Rows are fetched a page of articles at a time as the list is scrolled.
Choosing a row emits ``matchChosen(document_id, start, end)`` with offsets in code points of
the stored text; the window opens the article and selects the match.

The first search of a project builds its index (:mod:`annotator.ops.searching`) in a worker
thread on its own connection, with its progress in the panel; later searches index only
articles imported since, in the same way when there are many of them.
"""

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
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.text import is_rtl, isolate
from annotator.ops.opening import Project
from annotator.ops.searching import CorpusSearch, DocumentHit, Match, SearchResults
from annotator.ui.positions import Positions
from annotator.ui.tasks import Outcome, Task

PAGE = 25  # articles fetched at a time
INLINE = 200  # up to this many articles are indexed on the spot; more, in a worker thread
TYPING_PAUSE_MS = 300  # a search starts this long after the last key press (Enter: at once)

Index = QModelIndex | QPersistentModelIndex
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
PIECES_ROLE = Qt.ItemDataRole.UserRole + 2  # (before, match, after)
MATCH_ROLE = Qt.ItemDataRole.UserRole + 3  # (document id, start, end)


class SearchResultsModel(QAbstractListModel):
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
        more = self.searcher.search(current.query, PAGE, current.after)
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


class SearchPanel(QWidget):
    """The search box over the list of matches; see the module documentation."""

    matchChosen = Signal(int, int, int)  # document id, start, end (code points)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Search all articles (أ/ا, ة/ه, ى/ي, diacritics ignored)")
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it repeats the query as typed
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = SearchResultsModel()
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(MatchDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        layout.addWidget(self.view, 1)
        self.project: Project | None = None
        self.searcher: CorpusSearch | None = None
        self.indexing: Task | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _text: self._pause.start())
        self.field.returnPressed.connect(self.search)
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)

    def set_project(self, project: Project | None) -> None:
        """Search this project from now on (None: none). Stops indexing the last one and closes
        the connection to its index: a backup can be restored only when no connection is open.
        Nothing is opened or written until the first search."""
        self._stop_indexing()
        if self.searcher is not None:
            self.searcher.close()
        self.project, self.searcher = project, None
        self.model.show(None, None)
        self.status.clear()

    def search(self, text: str | None = None) -> None:
        """Search for ``text`` (default: what the box holds)."""
        self._pause.stop()
        if text is not None and text != self.field.text():
            self.field.blockSignals(True)
            self.field.setText(text)
            self.field.blockSignals(False)
        query = self.field.text().strip()
        if self.project is None or not query:
            self.model.show(None, None)
            self.status.clear()
            return
        if self.indexing is not None:
            return  # the search runs when the index is ready
        try:
            if self.searcher is None:
                self.searcher = CorpusSearch(self.project)
            if self.searcher.outdated() > INLINE:
                self._start_indexing()
                return
            results = self.searcher.search(query, PAGE)
        except AnnotatorError as error:
            self.status.setText(str(error))
            return
        self.model.show(self.searcher, results)
        self.status.setText(_summary(results))
        if results.hits:
            self.view.scrollToTop()

    # -- indexing in the background ---------------------------------------------------------

    def _start_indexing(self) -> None:
        self.status.setText("Preparing the search index…")
        self.indexing = Task(self.project.folder, _build_index, self)
        self.indexing.progressed.connect(self._indexing_progressed)
        self.indexing.finished.connect(self._indexing_finished)
        self.indexing.start()

    def _indexing_progressed(self, done: int, total: int | None) -> None:
        if total:
            self.status.setText(f"Preparing the search index: {done:,} of {total:,} articles…")

    def _indexing_finished(self, outcome: Outcome) -> None:
        self.indexing = None
        if outcome.error is not None:
            self.status.setText(outcome.error)
        elif outcome.ok:
            self.search()

    def _stop_indexing(self) -> None:
        if self.indexing is not None:
            task, self.indexing = self.indexing, None
            task.finished.disconnect(self._indexing_finished)
            task.cancel()
            task.wait()

    # -- choosing -------------------------------------------------------------------------

    def _chosen(self, index: QModelIndex) -> None:
        found = index.data(MATCH_ROLE)
        if found is not None:
            self.matchChosen.emit(*found)


def _build_index(project: Project, progress) -> int:
    with CorpusSearch(project) as searching:
        return searching.update(progress)


def _summary(results: SearchResults) -> str:
    quoted = isolate(f"«{results.query}»")  # an Arabic query keeps its place in the sentence
    if not results.hits:
        return f"No article has {quoted}."
    if results.exact:
        return f"{results.documents:,} article{'s' * (results.documents != 1)}"
    return f"Articles with {quoted} (of {results.documents:,} with all its words)"
