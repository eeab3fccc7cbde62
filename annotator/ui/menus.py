"""The window's menus, toolbar and shortcuts, in one place. :func:`build` returns the actions
the window refers to later; what each does is a method of the window (:class:`Handlers`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QCheckBox, QMainWindow, QMenu, QToolButton

from annotator.core.model import Status


class Handlers(Protocol):
    def new_project(self) -> None: ...
    def open_project_dialog(self) -> None: ...
    def import_files(self) -> None: ...
    def import_folder(self) -> None: ...
    def export_project(self) -> None: ...
    def merge(self) -> None: ...
    def back_up(self) -> None: ...
    def restore(self) -> None: ...
    def open_find(self) -> None: ...
    def open_search(self) -> None: ...
    def delete_span(self) -> None: ...
    def start_linking(self) -> None: ...
    def new_event_here(self) -> None: ...
    def new_event_without_word(self) -> None: ...
    def delete_event(self) -> None: ...
    def code_span(self) -> None: ...
    def edit_schema(self) -> None: ...
    def step(self, direction: int) -> None: ...
    def mark_done_and_next(self) -> None: ...
    def set_status(self, status: str) -> bool: ...
    def toggle_review(self, on: bool) -> None: ...
    def review_step(self, direction: int) -> None: ...
    def accept_agreed_here(self) -> None: ...
    def accept_agreed_everywhere(self) -> None: ...
    def dashboard(self) -> None: ...
    def zoom(self, step: int) -> None: ...
    def show_invisibles(self, on: bool) -> None: ...
    def snap_toggled(self, on: bool) -> None: ...
    def switch_annotator(self) -> None: ...
    def view_layer(self) -> None: ...
    def close(self) -> bool: ...


@dataclass
class Actions:
    """The actions and menus the window changes after building them."""

    undo: QAction
    redo: QAction
    next: QAction
    previous: QAction
    snap: QAction
    review: QAction
    invisibles: QAction
    recent: QMenu
    annotator_button: QToolButton
    review_button: QToolButton


def _add(window: QMainWindow, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)  # its shortcut works wherever the focus is in the window
    return action


def _checkable(window: QMainWindow, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window, checkable=True)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.toggled.connect(slot)
    menu.addAction(action)
    window.addAction(action)
    return action


def build(window: QMainWindow, do: Handlers, undo_group: QUndoGroup) -> Actions:
    bar = window.menuBar()
    keys = QKeySequence.StandardKey
    file_menu = bar.addMenu("&File")
    _add(window, file_menu, "&New project…", do.new_project, keys.New)
    _add(window, file_menu, "&Open project…", do.open_project_dialog, keys.Open)
    recent = file_menu.addMenu("Open &recent")
    file_menu.addSeparator()
    _add(window, file_menu, "&Import articles…", do.import_files, "Ctrl+I")
    _add(window, file_menu, "Import a &folder…", do.import_folder)
    _add(window, file_menu, "&Export…", do.export_project, "Ctrl+E")
    _add(window, file_menu, "&Merge a colleague's work…", do.merge)
    file_menu.addSeparator()
    _add(window, file_menu, "Back up now", do.back_up)
    _add(window, file_menu, "Restore a backup…", do.restore)
    file_menu.addSeparator()
    _add(window, file_menu, "&Quit", do.close, keys.Quit)

    edit = bar.addMenu("&Edit")
    undo = undo_group.createUndoAction(window, "&Undo")
    undo.setShortcut(keys.Undo)
    redo = undo_group.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit.addActions([undo, redo])
    window.addActions([undo, redo])
    edit.addSeparator()
    _add(window, edit, "&Find…", do.open_find, keys.Find)
    _add(window, edit, "Search &all articles…", do.open_search, "Ctrl+Shift+F")
    _add(window, edit, "&Delete span", do.delete_span)
    _add(window, edit, "&Link event to an argument…", do.start_linking, "Ctrl+L")
    _add(window, edit, "Another &event on this word", do.new_event_here, "Ctrl+J")
    _add(window, edit, "An event with &no word…", do.new_event_without_word, "Ctrl+Shift+J")
    _add(window, edit, "Delete the selected e&vent", do.delete_event)
    _add(window, edit, "Code the selected span", do.code_span, "F2")
    snap = _checkable(window, edit, "&Snap selections to whole words", do.snap_toggled)
    edit.addSeparator()
    _add(window, edit, "Edit the &schema…", do.edit_schema)

    document = bar.addMenu("&Document")
    following = _add(window, document, "&Next document", lambda: do.step(1), Qt.Key.Key_PageDown)
    previous = _add(window, document, "&Previous document", lambda: do.step(-1), Qt.Key.Key_PageUp)
    _add(window, document, "Mark &done and open next", do.mark_done_and_next,
         ["Ctrl+Return", "Ctrl+Enter"])  # fmt: skip
    _add(window, document, "Mark &in progress", lambda: do.set_status(Status.IN_PROGRESS))

    review_menu = bar.addMenu("&Review")
    review = _checkable(
        window, review_menu, "&Review mode: layers side by side", do.toggle_review, "Ctrl+R"
    )
    review.setIconText("Review")  # the toolbar button's text, whatever the mode
    _add(window, review_menu, "Next disagreement", lambda: do.review_step(1), "F8")
    _add(window, review_menu, "Previous disagreement", lambda: do.review_step(-1), "Shift+F8")
    _add(window, review_menu, "Accept all agreed in this document", do.accept_agreed_here)
    _add(window, review_menu, "Accept all agreed in every document…",
         do.accept_agreed_everywhere)  # fmt: skip
    review_menu.addSeparator()
    _add(window, review_menu, "Agreement &dashboard…", do.dashboard, "Ctrl+Shift+D")

    view = bar.addMenu("&View")
    _add(window, view, "Zoom &in", lambda: do.zoom(1), ["Ctrl+=", "Ctrl++"])
    _add(window, view, "Zoom &out", lambda: do.zoom(-1), "Ctrl+-")
    _add(window, view, "&Reset zoom", lambda: do.zoom(0), "Ctrl+0")
    invisibles = _checkable(
        window,
        view,
        "Show &invisible characters (bidi marks, joiners)",
        do.show_invisibles,
        "Ctrl+Shift+I",
    )

    who = bar.addMenu("&Annotator")
    _add(window, who, "&Switch annotator…", do.switch_annotator)
    _add(window, who, "Show a colleague's &layer (read-only)…", do.view_layer)

    toolbar = window.addToolBar("Navigation")
    toolbar.setObjectName("navigation")
    toolbar.setMovable(False)
    for action in (previous, following):
        button = QToolButton()
        button.setDefaultAction(action)
        toolbar.addWidget(button)
    toolbar.addSeparator()
    snap_box = QCheckBox("Snap to words")
    snap.toggled.connect(snap_box.setChecked)
    snap_box.toggled.connect(snap.setChecked)
    toolbar.addWidget(snap_box)
    toolbar.addSeparator()
    review_button = QToolButton()
    review_button.setDefaultAction(review)
    toolbar.addWidget(review_button)
    toolbar.addSeparator()
    annotator_button = QToolButton()
    annotator_button.clicked.connect(do.switch_annotator)
    toolbar.addWidget(annotator_button)
    return Actions(
        undo, redo, following, previous, snap, review, invisibles, recent,
        annotator_button, review_button,
    )  # fmt: skip
