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

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.text import isolate
from annotator.ops.opening import Project
from annotator.ops.searching import CorpusSearch, SearchResults
from annotator.ui.find_bar import LIKE_LETTERS
from annotator.ui.language import figure, translate
from annotator.ui.panels.search_results import MATCH_ROLE, MatchDelegate, SearchResultsModel
from annotator.ui.tasks import Outcome, Task

INLINE = 200  # up to this many articles are indexed on the spot; more, in a worker thread
TYPING_PAUSE_MS = 300  # a search starts this long after the last key press (Enter: at once)


class SearchPanel(QWidget):
    """The search box over the list of matches; see the module documentation."""

    matchChosen = Signal(int, int, int)  # document id, start, end (code points)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search all articles"))
        self.field.setToolTip(
            self.tr(
                "Words are found whatever their spelling of %1, their diacritics and "
                "tatweel, and with a proclitic before them (و ف ب ل ك ال)"
            ).replace("%1", LIKE_LETTERS)
        )
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
            results = self.searcher.search(query, self.model.page)
        except AnnotatorError as error:
            self.status.setText(str(error))
            return
        self.model.show(self.searcher, results)
        self.status.setText(_summary(results))
        if results.hits:
            self.view.scrollToTop()

    # -- indexing in the background ---------------------------------------------------------

    def _start_indexing(self) -> None:
        self.status.setText(self.tr("Preparing the search index…"))
        self.indexing = Task(self.project.folder, _build_index, self)
        self.indexing.progressed.connect(self._indexing_progressed)
        self.indexing.finished.connect(self._indexing_finished)
        self.indexing.start()

    def _indexing_progressed(self, done: int, total: int | None) -> None:
        if total:
            said = self.tr("Preparing the search index: %1 of %2 articles…")
            self.status.setText(said.replace("%1", figure(done)).replace("%2", figure(total)))

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
    count = figure(results.documents)
    if not results.hits:
        return translate("SearchPanel", "No article has %1.").replace("%1", quoted)
    if results.exact:
        if results.documents == 1:
            return translate("SearchPanel", "1 article").replace("1", count)
        return translate("SearchPanel", "%1 articles").replace("%1", count)
    said = translate("SearchPanel", "Articles with %1 (of %2 with all its words)")
    return said.replace("%1", quoted).replace("%2", count)
