"""The window's menus, toolbar and shortcuts, in one place. :func:`build` returns the actions
the window refers to later; what each does is a method of the window (:class:`Handlers`)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolButton

from annotator.core.model import Status
from annotator.ui import toolbar
from annotator.ui.handlers import Handlers
from annotator.ui.language import translate


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
    file: QMenu
    view: QMenu
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
    file_menu = bar.addMenu(translate("menus", "&File"))
    _add(
        window,
        file_menu,
        translate("menus", "&New project…"),
        do.new_project,
        keys.New,
    )
    _add(
        window,
        file_menu,
        translate("menus", "&Open project…"),
        do.open_project_dialog,
        keys.Open,
    )
    recent = file_menu.addMenu(translate("menus", "Open &recent"))
    file_menu.addSeparator()
    _add(
        window,
        file_menu,
        translate("menus", "&Import articles…"),
        do.import_files,
        "Ctrl+I",
    )
    _add(
        window,
        file_menu,
        translate("menus", "Import a &folder…"),
        do.import_folder,
    )
    _add(
        window,
        file_menu,
        translate("menus", "&Export…"),
        do.export_project,
        "Ctrl+E",
    )
    _add(
        window,
        file_menu,
        translate("menus", "&Merge a colleague's work…"),
        do.merge,
    )
    file_menu.addSeparator()
    _add(window, file_menu, translate("menus", "Back up now"), do.back_up)
    _add(window, file_menu, translate("menus", "Restore a backup…"), do.restore)
    file_menu.addSeparator()
    _add(window, file_menu, translate("menus", "&Quit"), do.close, keys.Quit)

    edit = bar.addMenu(translate("menus", "&Edit"))
    undo = undo_group.createUndoAction(window, translate("menus", "&Undo"))
    undo.setShortcut(keys.Undo)
    redo = undo_group.createRedoAction(window, translate("menus", "&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit.addActions([undo, redo])
    window.addActions([undo, redo])
    edit.addSeparator()
    _add(window, edit, translate("menus", "&Find…"), do.open_find, keys.Find)
    _add(
        window,
        edit,
        translate("menus", "Search &all articles…"),
        do.open_search,
        "Ctrl+Shift+F",
    )
    _add(window, edit, translate("menus", "&Delete span"), do.delete_span)
    _add(
        window,
        edit,
        translate("menus", "&Link event to an argument…"),
        do.start_linking,
        "Ctrl+L",
    )
    _add(
        window,
        edit,
        translate("menus", "Another &event on this word"),
        do.new_event_here,
        "Ctrl+J",
    )
    _add(
        window,
        edit,
        translate("menus", "An event with &no word…"),
        do.new_event_without_word,
        "Ctrl+Shift+J",
    )
    _add(
        window,
        edit,
        translate("menus", "Delete the selected e&vent"),
        do.delete_event,
    )
    _add(
        window,
        edit,
        translate("menus", "Code the selected span"),
        do.code_span,
        "F2",
    )
    snap = _checkable(
        window,
        edit,
        translate("menus", "&Snap selections to whole words"),
        do.snap_toggled,
    )
    edit.addSeparator()
    _add(window, edit, translate("menus", "Edit the &schema…"), do.edit_schema)

    document = bar.addMenu(translate("menus", "&Document"))
    following = _add(
        window,
        document,
        translate("menus", "&Next document"),
        lambda: do.step(1),
        Qt.Key.Key_PageDown,
    )
    previous = _add(
        window,
        document,
        translate("menus", "&Previous document"),
        lambda: do.step(-1),
        Qt.Key.Key_PageUp,
    )
    _add(window, document, translate("menus", "Mark &done and open next"), do.mark_done_and_next,
         ["Ctrl+Return", "Ctrl+Enter"])  # fmt: skip
    _add(
        window,
        document,
        translate("menus", "Mark &in progress"),
        lambda: do.set_status(Status.IN_PROGRESS),
    )

    review_menu = bar.addMenu(translate("menus", "&Review"))
    review = _checkable(
        window,
        review_menu,
        translate("menus", "&Review mode: layers side by side"),
        do.toggle_review,
        "Ctrl+R",
    )
    review.setIconText(translate("menus", "Review"))  # the toolbar button's text, whatever the mode
    _add(
        window,
        review_menu,
        translate("menus", "Next disagreement"),
        lambda: do.review_step(1),
        "F8",
    )
    _add(
        window,
        review_menu,
        translate("menus", "Previous disagreement"),
        lambda: do.review_step(-1),
        "Shift+F8",
    )
    _add(
        window,
        review_menu,
        translate("menus", "Accept all agreed in this document"),
        do.accept_agreed_here,
    )
    _add(window, review_menu, translate("menus", "Accept all agreed in every document…"),
         do.accept_agreed_everywhere)  # fmt: skip
    review_menu.addSeparator()
    _add(
        window,
        review_menu,
        translate("menus", "Agreement &dashboard…"),
        do.dashboard,
        "Ctrl+Shift+D",
    )

    view = bar.addMenu(translate("menus", "&View"))
    _add(
        window,
        view,
        translate("menus", "Zoom &in"),
        lambda: do.zoom(1),
        ["Ctrl+=", "Ctrl++"],
    )
    _add(
        window,
        view,
        translate("menus", "Zoom &out"),
        lambda: do.zoom(-1),
        "Ctrl+-",
    )
    _add(
        window,
        view,
        translate("menus", "&Reset zoom"),
        lambda: do.zoom(0),
        "Ctrl+0",
    )
    invisibles = _checkable(
        window,
        view,
        translate("menus", "Show &invisible characters (bidi marks, joiners)"),
        do.show_invisibles,
        "Ctrl+Shift+I",
    )

    who = bar.addMenu(translate("menus", "&Annotator"))
    _add(window, who, translate("menus", "&Switch annotator…"), do.switch_annotator)
    _add(
        window,
        who,
        translate("menus", "Show a colleague's &layer (read-only)…"),
        do.view_layer,
    )

    annotator_button, review_button = toolbar.build(window, do, previous, following, snap, review)
    return Actions(
        undo, redo, following, previous, snap, review, invisibles, recent, file_menu, view,
        annotator_button, review_button,
    )  # fmt: skip
