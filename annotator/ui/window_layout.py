"""The main window's layout: documents and search on one side, the text (or review's panes)
in the middle, the label palette, the side panels and the coding panel on the other."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from annotator.ui.language import translate


def build(window: Any) -> None:
    """Lay out the main window's panels, which it has made already (typed loosely: this
    module may not import the window's, which imports it)."""
    annotate = QWidget()
    column = QVBoxLayout(annotate)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(window.text_view, 1)
    column.addWidget(window.find_bar)
    window.center = QStackedWidget()
    window.center.addWidget(annotate)
    window.center.addWidget(window.review.view)
    window.side = QSplitter(Qt.Orientation.Vertical)
    window.side.addWidget(window.palette_panel)
    window.side_tabs = QTabWidget()
    for panel, title in (
        (window.annotations, translate("window_layout", "Annotations")),
        (window.events_panel, translate("window_layout", "Events")),
        (window.guidelines, translate("window_layout", "Guidelines")),
        (window.discussion, translate("window_layout", "Discussion")),
        (window.history, translate("window_layout", "History")),
        (window.suggestions_panel, translate("window_layout", "Suggestions")),
    ):
        window.side_tabs.addTab(panel, title)
    window.side.addWidget(window.side_tabs)
    window.side.addWidget(window.coding)
    window.side.addWidget(window.place_panel)
    window.left_tabs = QTabWidget()
    window.left_tabs.addTab(window.documents, translate("window_layout", "Documents"))
    window.left_tabs.addTab(window.search, translate("window_layout", "Search"))
    window.splitter = QSplitter(Qt.Orientation.Horizontal)
    for part in (window.left_tabs, window.center, window.side):
        window.splitter.addWidget(part)
    window.splitter.setSizes([270, 610, 400])
    window.side.setSizes([110, 300, 390, 160])
    window.splitter.setStretchFactor(1, 1)
    window.setCentralWidget(window.splitter)
