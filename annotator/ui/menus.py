"""The window's menus, toolbar and shortcuts, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QCheckBox, QToolButton

from annotator.core.model import Status
from annotator.ui import project_actions, transfer

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def _action(window: MainWindow, menu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)  # its shortcut works wherever the focus is in the window
    return action


def build(window: MainWindow) -> None:
    bar = window.menuBar()
    new, open_ = QKeySequence.StandardKey.New, QKeySequence.StandardKey.Open
    file_menu = bar.addMenu("&File")
    _action(window, file_menu, "&New project…", lambda: project_actions.new_project(window), new)
    _action(
        window, file_menu, "&Open project…", lambda: project_actions.open_project(window), open_
    )
    window.recent_menu = file_menu.addMenu("Open &recent")
    file_menu.addSeparator()
    _action(
        window,
        file_menu,
        "&Import articles…",
        lambda: transfer.import_files(window),
        "Ctrl+I",
    )
    _action(window, file_menu, "Import a &folder…", lambda: transfer.import_folder(window))
    _action(window, file_menu, "&Export…", lambda: transfer.export_project(window), "Ctrl+E")
    _action(window, file_menu, "&Merge a colleague's work…", lambda: transfer.merge(window))
    file_menu.addSeparator()
    _action(window, file_menu, "Back up now", lambda: project_actions.back_up(window))
    _action(window, file_menu, "Restore a backup…", lambda: project_actions.restore(window))
    file_menu.addSeparator()
    _action(window, file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu("&Edit")
    window.undo_group = QUndoGroup(window)
    window.undo_action = window.undo_group.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = window.undo_group.createRedoAction(window, "&Redo")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    window.addActions([window.undo_action, window.redo_action])
    edit.addSeparator()
    _action(window, edit, "&Find…", window.open_find, QKeySequence.StandardKey.Find)
    _action(window, edit, "Search &all articles…", window.open_search, "Ctrl+Shift+F")
    window.delete_action = _action(window, edit, "&Delete span", window.delete_selected_span)
    _action(window, edit, "&Link event to an argument…", window.coder.start_linking, "Ctrl+L")
    _action(window, edit, "Code the selected span", window.coder.focus, "F2")
    window.snap_action = QAction("&Snap selections to whole words", window, checkable=True)
    window.snap_action.setChecked(window.settings.snap_to_words)
    window.snap_action.toggled.connect(window.snap_toggled)
    edit.addAction(window.snap_action)
    edit.addSeparator()
    _action(window, edit, "Edit the &schema…", window.edit_schema)

    document = bar.addMenu("&Document")
    window.next_action = _action(window, document, "&Next document", lambda: window.step(1),
                                 Qt.Key.Key_PageDown)  # fmt: skip
    window.previous_action = _action(window, document, "&Previous document",
                                     lambda: window.step(-1), Qt.Key.Key_PageUp)  # fmt: skip
    _action(window, document, "Mark &done and open next", window.mark_done_and_next,
            ["Ctrl+Return", "Ctrl+Enter"])  # fmt: skip
    _action(window, document, "Mark &in progress", lambda: window.set_status(Status.IN_PROGRESS))

    review = bar.addMenu("&Review")
    window.review_action = QAction("&Review mode: layers side by side", window, checkable=True)
    window.review_action.setShortcut("Ctrl+R")
    window.review_action.toggled.connect(window.review.toggle)
    review.addAction(window.review_action)
    window.addAction(window.review_action)
    _action(window, review, "Next disagreement", lambda: window.review.view.step(1), "F8")
    _action(
        window, review, "Previous disagreement", lambda: window.review.view.step(-1), "Shift+F8"
    )
    _action(window, review, "Accept all agreed in this document", window.review.accept_agreed_here)
    _action(
        window,
        review,
        "Accept all agreed in every document…",
        window.review.accept_agreed_everywhere,
    )
    review.addSeparator()
    _action(window, review, "Agreement &dashboard…", window.review.dashboard, "Ctrl+Shift+D")

    view = bar.addMenu("&View")
    _action(window, view, "Zoom &in", lambda: window.zoom(1), ["Ctrl+=", "Ctrl++"])
    _action(window, view, "Zoom &out", lambda: window.zoom(-1), "Ctrl+-")
    _action(window, view, "&Reset zoom", lambda: window.zoom(0), "Ctrl+0")
    window.invisibles_action = QAction("Show &invisible characters (bidi marks, joiners)", window)
    window.invisibles_action.setCheckable(True)
    window.invisibles_action.setShortcut("Ctrl+Shift+I")
    window.invisibles_action.toggled.connect(window.show_invisibles)
    view.addAction(window.invisibles_action)
    window.addAction(window.invisibles_action)

    who = bar.addMenu("&Annotator")
    _action(window, who, "&Switch annotator…", window.switch_annotator)

    toolbar = window.addToolBar("Navigation")
    toolbar.setObjectName("navigation")
    toolbar.setMovable(False)
    for action in (window.previous_action, window.next_action):
        button = QToolButton()
        button.setDefaultAction(action)
        toolbar.addWidget(button)
    toolbar.addSeparator()
    window.snap_box = QCheckBox("Snap to words")
    window.snap_box.setChecked(window.snap_action.isChecked())
    window.snap_box.toggled.connect(window.snap_action.setChecked)
    window.snap_action.toggled.connect(window.snap_box.setChecked)
    toolbar.addWidget(window.snap_box)
    toolbar.addSeparator()
    review_button = QToolButton()
    review_button.setDefaultAction(window.review_action)
    review_button.setText("Review")
    toolbar.addWidget(review_button)
    toolbar.addSeparator()
    window.annotator_button = QToolButton()
    window.annotator_button.clicked.connect(window.switch_annotator)
    toolbar.addWidget(window.annotator_button)
