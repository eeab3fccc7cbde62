"""View ▸ Language and View ▸ Digits: the choices are remembered in the settings and take
effect the next time the window opens."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from annotator.ui.language import LANGUAGES, translate
from annotator.ui.settings import Settings


def _restart_note(parent: QWidget) -> None:
    QMessageBox.information(
        parent,
        translate("language_menu", "Language"),
        translate("language_menu", "The change takes effect the next time annotator opens."),
    )


def _choices(parent: QWidget, menu: QMenu, choices: dict[str, str], current: str, keep) -> None:
    group = QActionGroup(menu)
    for code, text in choices.items():
        action = QAction(text, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == current)
        group.addAction(action)
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        keep(action.data())
        if action.data() != current:
            _restart_note(parent)

    group.triggered.connect(chosen)


def add(parent: QWidget, view: QMenu, settings: Settings) -> None:
    """Add the Language and Digits submenus to the View menu."""
    view.addSeparator()
    languages = view.addMenu(translate("language_menu", "&Language"))
    system = {"": translate("language_menu", "The system's language")}
    _choices(
        parent,
        languages,
        system | LANGUAGES,
        settings.language,
        lambda code: setattr(settings, "language", code),
    )
    digits = view.addMenu(translate("language_menu", "&Digits in counts"))
    kinds = {
        "western": translate("language_menu", "Western (0123456789)"),
        "arabic-indic": translate("language_menu", "Arabic-Indic (٠١٢٣٤٥٦٧٨٩)"),
    }
    _choices(parent, digits, kinds, settings.digits, lambda kind: setattr(settings, "digits", kind))
