"""Review of one document: the annotators' layers and gold side by side, the disagreements
listed in text order, and one key to accept a version into gold.

Keys: F8 / Shift+F8 next and previous disagreement; 1–9 accept that annotator's version of
the current disagreement (a span, or a whole event with its word and arguments); A accepts
the span clicked in an annotator's pane; in the gold pane the label keys, Delete and the
mouse edit gold like any layer. The current disagreement's events have their links drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import GOLD, Event, Span
from annotator.core.required import by_trigger
from annotator.ops import viewing
from annotator.review.diff import Disagreement, Kind
from annotator.ui.column_fit import ColumnFitter
from annotator.ui.language import figure, fill
from annotator.ui.models.spans import span_problems
from annotator.ui.review import accepting
from annotator.ui.review.describing import described
from annotator.ui.review.disagreements import DisagreementModel, summary
from annotator.ui.review.panes import ReviewPanes
from annotator.ui.session import Session

DISAGREEMENT_COLOR = "#c62828"


class ReviewView(QWidget):
    status = Signal(str)  # a message for the status bar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document_id: int | None = None
        self.text = ""
        self.chosen: list[str] | None = None  # annotators to compare (None: all who annotated)
        self.layers: list[str] = []
        self.spans: list[Span] = []
        self.events: list[Event] = []
        self._triggered: dict[int, list[Event]] = {}  # the events on each word
        self.current = -1
        self.candidate: Span | None = None
        self.font_size = 15.0

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        self.who = QToolButton()
        self.who.setText(self.tr("Annotators ▾"))
        self.who.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.who.setMenu(QMenu(self.who))
        bar.addWidget(self.who)
        self.accept_agreed_button = QPushButton(self.tr("Accept all agreed"))
        self.accept_agreed_button.setToolTip(
            self.tr("Every span all annotators of this document marked the same way goes to gold")
        )
        bar.addWidget(self.accept_agreed_button)
        column.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.panes = ReviewPanes()
        split.addWidget(self.panes)
        self.table = QTableView()
        self.model = DisagreementModel()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.fitter = ColumnFitter(self.table)  # every column read without scrolling sideways
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 220])
        column.addWidget(split, 1)
        self.table.clicked.connect(lambda index: self.go_to(index.row()))
        self.panes.spanClicked.connect(self._span_clicked)
        self.table.installEventFilter(self)

    # -- showing -----------------------------------------------------------------------------

    def clear(self) -> None:
        """Show nothing (no document, or review mode left)."""
        self.document_id, self.text, self.spans, self.current = None, "", [], -1
        self.events, self._triggered = [], {}
        self.candidate = None
        self.layers = []
        self.panes.set_layers([], self.font_size, frozenset())
        self.model.set_items([])
        self.summary.clear()

    def show_document(self, document_id: int | None) -> None:
        project = self.session.project
        document = viewing.document(project, document_id) if document_id is not None else None
        if document is None:
            self.clear()
            return
        keep = self.current if document_id == self.document_id else 0
        self.document_id = document_id
        self.text = document.text
        shown = viewing.layers(project, document_id)
        self.spans, relations, self.events = shown.spans, shown.relations, shown.events
        self._triggered = by_trigger(self.events)  # every layer's: span ids are the project's
        self.candidate = None
        present = sorted({a.annotator for a in (*self.spans, *self.events)} - {GOLD})
        compared = [a for a in (self.chosen or present) if a in present or self.chosen]
        self._fill_annotator_menu(present)
        layers = [*compared, GOLD]
        if layers != self.layers:
            label_keys = frozenset(label.key for label in project.schema.labels if label.key)
            self.panes.set_layers(layers, self.font_size, label_keys)
            for pane in self.panes.panes:
                pane.view.missing = self._missing
                pane.view.installEventFilter(self)
                if pane.layer == GOLD:
                    pane.view.labelKey.connect(self._gold_label_key)
                    pane.view.deleteRequested.connect(self._gold_delete)
            self.layers = layers
        colors = {label.id: label.color for label in project.schema.labels}
        self.panes.show_document(document.text, self.spans, colors, relations, shown.events)
        found = described(project, document_id, compared, self.spans, self.events)
        self.model.set_items(found)
        self.fitter.fit()
        items = self.model.items
        self._mark_disagreements(items)
        self.summary.setText(summary(compared, items))
        self.current = -1
        if items:
            self.go_to(min(keep, len(items) - 1) if keep >= 0 else 0)

    def _missing(self, span: Span) -> list[str]:
        """What the span's mark shows missing: for an event's word, its events' coding."""
        return span_problems(self.session.schema, span, self._triggered.get(span.id, ()))

    def _fill_annotator_menu(self, present: list[str]) -> None:
        menu = self.who.menu()
        menu.clear()
        for name in present:
            action = QAction(name, menu, checkable=True)
            action.setChecked(self.chosen is None or name in self.chosen)
            action.toggled.connect(lambda _on: self._annotators_changed())
            menu.addAction(action)

    def _annotators_changed(self) -> None:
        self.chosen = [a.text() for a in self.who.menu().actions() if a.isChecked()]
        self.refresh()

    def _mark_disagreements(self, items: list[Disagreement]) -> None:
        for pane in self.panes.panes:
            involved = {
                s.id: s
                for item in items
                for s in (*item.spans, *item.fillers)
                if s.annotator == pane.layer
            }
            pane.view.mark_spans(list(involved.values()), DISAGREEMENT_COLOR)

    # -- walking the disagreements -----------------------------------------------------------

    def go_to(self, row: int) -> None:
        items = self.model.items
        if not items:
            return
        row %= len(items)
        self.current = row
        item = items[row]
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))
        for pane in self.panes.panes:
            mine = next((s for s in item.spans if s.annotator == pane.layer), None)
            pane.view.select_span(mine.id if mine else None, scroll=False)
            event = next((e for e in item.events if e.annotator == pane.layer), None)
            pane.view.show_event(event)  # its links drawn, in each layer that has it
        QTimer.singleShot(0, lambda: self.panes.show_offset(item.start))  # once laid out
        self.candidate = item.first or item.second
        self.status.emit(
            fill(self.tr("Disagreement %1 of %2"), figure(row + 1), figure(len(items)))
        )

    def step(self, direction: int) -> None:
        if self.model.items:
            self.go_to(self.current + direction if self.current >= 0 else 0)

    # -- accepting ---------------------------------------------------------------------------

    def accept_version(self, number: int) -> None:
        """Accept annotator ``number``'s (1-based) version of the current disagreement."""
        if not 1 <= number <= len(self.layers) - 1 or self.current < 0:
            return
        layer = self.layers[number - 1]
        item = self.model.items[self.current]
        if item.kind in Kind.EVENTS:
            version = next((e for e in item.events if e.annotator == layer), None)
        else:
            version = next((s for s in item.spans if s.annotator == layer), None)
        if version is None:
            self.status.emit(fill(self.tr("%1 has no version of this; nothing to accept"), layer))
        elif isinstance(version, Event):
            accepting.accept_event(self.session, self.events, item, version)
        else:
            self.accept(version)

    def accept(self, span: Span) -> None:
        if self.document_id is not None:
            accepting.accept_span(self.session, self.document_id, self.spans, span)

    def refresh(self) -> None:
        if self.document_id is not None:
            self.show_document(self.document_id)

    # -- gold, edited like any layer ---------------------------------------------------------

    def _gold_pane(self):
        return self.panes.pane(GOLD)

    def _gold_label_key(self, key: str) -> None:
        view = self._gold_pane().view
        accepting.gold_label_key(self.session, self.document_id, view, self.text, key)

    def _gold_delete(self) -> None:
        accepting.gold_delete(self.session, self._gold_pane().view)

    def _span_clicked(self, layer: str, span_id: int | None) -> None:
        pane = self.panes.pane(layer)
        pane.view.select_span(span_id, scroll=False)
        span = pane.view.by_id.get(span_id) if span_id is not None else None
        if layer != GOLD:
            self.candidate = span
            if span is not None:
                text = self.tr("A accepts %1's %2 «%3» into gold")
                self.status.emit(fill(text, layer, span.label, span.text))

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key: QKeyEvent = event
        in_gold = self._gold_pane() is not None and watched is self._gold_pane().view
        if key.key() == Qt.Key.Key_F8:
            self.step(-1 if key.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        if not in_gold and key.text().isdigit() and key.text() != "0":
            self.accept_version(int(key.text()))
            return True
        if not in_gold and key.text().lower() == "a" and self.candidate is not None:
            self.accept(self.candidate)
            return True
        return super().eventFilter(watched, event)

    def point_of(self, layer: str, offset: int) -> QPoint:
        """Where a character of a pane is on screen (for tests and tooltips)."""
        view = self.panes.pane(layer).view
        cursor = view.textCursor()
        cursor.setPosition(view.positions.qt(offset))
        return view.cursorRect(cursor).center()
