"""The Suggestions menu: start suggesting from a layer, walk the suggestions, accept all of
a label. Enter, label keys and Backspace judge the chosen one in the text itself."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.ui.language import translate
from annotator.ui.suggesting import Suggesting


def add(window: QMainWindow, before: QMenu, suggesting: Suggesting) -> QMenu:
    """Add the menu to the window's menu bar, before ``before``."""
    menu = QMenu(translate("suggest_menu", "Su&ggestions"), window)
    window.menuBar().insertMenu(before.menuAction(), menu)
    for text, slot, shortcut in (
        (translate("suggest_menu", "&Suggest from a layer…"), suggesting.choose, None),
        (translate("suggest_menu", "&Next suggestion"), lambda: suggesting.step(1), "F4"),
        (translate("suggest_menu", "&Previous suggestion"), lambda: suggesting.step(-1),
         "Shift+F4"),
        (translate("suggest_menu", "&Accept the chosen suggestion"), suggesting.accept, None),
        (translate("suggest_menu", "&Reject the chosen suggestion"), suggesting.reject, None),
        (translate("suggest_menu", "Accept all suggestions of its &label"),
         suggesting.accept_all, None),
    ):  # fmt: skip
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False, do=slot: do())
        menu.addAction(action)
        window.addAction(action)
    return menu
