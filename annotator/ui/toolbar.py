"""The window's toolbar: previous and next document, snapping, review mode, who annotates."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QMainWindow, QToolButton

from annotator.ui.handlers import Handlers
from annotator.ui.icons import icon
from annotator.ui.language import translate


def build(
    window: QMainWindow,
    do: Handlers,
    previous: QAction,
    following: QAction,
    snap: QAction,
    review: QAction,
) -> tuple[QToolButton, QToolButton]:
    """Add the toolbar; returns the annotator's button and review mode's."""
    toolbar = window.addToolBar(translate("toolbar", "Navigation"))
    toolbar.setObjectName("navigation")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(22, 22))
    beside = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    for action in (previous, following):
        button = QToolButton()
        button.setDefaultAction(action)
        toolbar.addWidget(button)
    toolbar.addSeparator()
    snap_box = QCheckBox(translate("toolbar", "Snap to words"))
    snap_box.setIcon(icon("snap"))
    snap_box.setIconSize(toolbar.iconSize())
    snap.setIcon(icon("snap"))
    snap.toggled.connect(snap_box.setChecked)
    snap_box.toggled.connect(snap.setChecked)
    toolbar.addWidget(snap_box)
    toolbar.addSeparator()
    review.setIcon(icon("review"))
    review_button = QToolButton()
    review_button.setToolButtonStyle(beside)
    review_button.setDefaultAction(review)
    toolbar.addWidget(review_button)
    toolbar.addSeparator()
    annotator_button = QToolButton()
    annotator_button.setIcon(icon("person"))
    annotator_button.setToolButtonStyle(beside)
    annotator_button.clicked.connect(do.switch_annotator)
    toolbar.addWidget(annotator_button)
    return annotator_button, review_button
