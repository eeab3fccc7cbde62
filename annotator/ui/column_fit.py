"""A table whose every column is read without scrolling sideways: each column as wide as its
contents when they all fit; when they do not, their text wraps onto as few lines as lets
them fit, the columns sharing out the room left, none narrower than its title or its longest
word."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

SAMPLED = 40  # rows measured, as the header's own fitting does: the first ones, not all 500


def shared_widths(natural: list[int], floors: list[int], room: int) -> list[int]:
    """Widths that fit ``room``: ``natural`` when they fit, else each column narrowed by its
    share of the overflow, in proportion to what it can spare above its floor."""
    overflow = sum(natural) - room
    spare = [max(0, want - floor) for want, floor in zip(natural, floors, strict=True)]
    if overflow <= 0 or not sum(spare):
        return list(natural)
    given = min(overflow, sum(spare))
    widths, taken, owed = [], 0, 0
    for want, can in zip(natural, spare, strict=True):
        owed += can * given
        step = -(-owed // sum(spare)) - taken  # rounded up, so that the total fits
        taken += step
        widths.append(want - step)
    return widths


def lines_needed(words: list[int], width: int, space: int) -> int:
    """On how many lines words of these widths wrap in ``width``."""
    used, line = 1, -space
    for word in words:
        line += space + word
        if line > width and line != word:
            used, line = used + 1, word
    return used


def lines_width(words: list[int], lines: int, space: int) -> int:
    """The narrowest width in which words of these widths wrap onto at most ``lines``."""
    low, high = max(words, default=0), sum(words) + space * max(0, len(words) - 1)
    while low < high:
        width = (low + high) // 2
        fits = lines_needed(words, width, space) <= lines
        low, high = (low, width) if fits else (width + 1, high)
    return low


def _padding(table: QTableView) -> int:
    """What a cell adds around its text (the item's margins and the grid line), and a pixel
    for rounding."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return 2 * margin + (1 if table.showGrid() else 0) + 1


class ColumnFitter(QObject):
    """Fits a table's columns when asked (another document shown) and whenever the width it
    shows changes (the window, a splitter, a scroll bar coming or going); its rows are as
    tall as the most lines a cell wraps onto — one height for all, so that 500 rows are not
    measured row by row at every edit. A hidden table is fitted when it is shown."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.stale = True  # asked to fit while hidden
        self._fitting = False
        self._words: dict[str, list[int]] = {}  # a cell's text -> its words' widths
        table.setWordWrap(True)
        rows = table.verticalHeader()
        self.line_height = rows.defaultSectionSize()  # a row of one line
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().sectionResized.connect(self.fit_rows)
        table.model().modelReset.connect(self.fit_rows)
        table.verticalScrollBar().valueChanged.connect(self.fit_rows)
        self.viewport = table.viewport()
        table.installEventFilter(self)
        self.viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        shown = kind == QEvent.Type.Show and watched is self.table and self.stale
        narrower_or_wider = (
            kind == QEvent.Type.Resize
            and watched is self.viewport
            and event.size().width() != event.oldSize().width()
        )
        if shown or narrower_or_wider:
            self.fit()
        return False

    def fit(self) -> None:
        """Columns on as few lines as the width shown allows, then the rows' height."""
        if not self.table.isVisible():
            self.stale = True
            return
        self.stale, self._fitting = False, True
        try:
            self._fit_columns()
        finally:
            self._fitting = False
        self.fit_rows()

    def fit_rows(self) -> None:
        """Every row as tall as the most lines a cell of the rows in view wraps onto (those
        only: an edit among 500 rows measures a handful)."""
        table = self.table
        if self._fitting:
            return
        if not table.isVisible():
            self.stale = True
            return
        header, padding, space = table.horizontalHeader(), _padding(table), self._space()
        first = max(0, table.rowAt(0))
        rows = range(first, first + self.viewport.height() // self.line_height + 1)
        lines = max(
            (
                lines_needed(words, header.sectionSize(column) - padding, space)
                for column in range(table.model().columnCount())
                for words in self._cells(column, rows)
            ),
            default=1,
        )
        height = self.line_height + (lines - 1) * table.fontMetrics().lineSpacing()
        table.verticalHeader().setDefaultSectionSize(height)

    def _space(self) -> int:
        return self.table.fontMetrics().horizontalAdvance(" ")

    def _cells(self, column: int, rows: range = range(SAMPLED)) -> list[list[int]]:
        """The widths of the words of each cell of ``column`` in ``rows``."""
        model, metrics = self.table.model(), self.table.fontMetrics()
        if len(self._words) > 5000:
            self._words.clear()
        rows = range(rows.start, min(rows.stop, model.rowCount()))
        cells = []
        for text in (str(model.index(row, column).data() or "") for row in rows):
            if text not in self._words:
                self._words[text] = [metrics.horizontalAdvance(w) for w in text.split()]
            cells.append(self._words[text])
        return cells

    def _fit_columns(self) -> None:
        table = self.table
        header = table.horizontalHeader()
        count = table.model().columnCount()
        padding, space = _padding(table), self._space()
        titles = [header.sectionSizeHint(c) for c in range(count)]
        natural = [
            min(header.maximumSectionSize(), max(table.sizeHintForColumn(c), titles[c]))
            for c in range(count)
        ]
        cells = [self._cells(c) for c in range(count)]
        most = max((len(words) for column in cells for words in column), default=1)

        def on_lines(lines: int) -> list[int]:
            """Each column as narrow as its cells allow on ``lines`` lines."""
            needed = (
                max((lines_width(w, lines, space) for w in column), default=0) for column in cells
            )
            return [min(natural[c], max(titles[c], n + padding)) for c, n in enumerate(needed)]

        room, lines = table.viewport().width(), 1
        wider = narrower = natural
        while sum(narrower) > room and lines < most:
            lines += 1
            wider, narrower = narrower, on_lines(lines)
        for column, width in enumerate(shared_widths(wider, narrower, room)):
            header.resizeSection(column, width)
