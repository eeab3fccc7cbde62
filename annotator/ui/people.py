"""Who annotates, and whose layer is shown: the project's annotators are offered by name (a
new name can be typed); a colleague's layer is shown read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.ops import viewing
from annotator.ui.language import translate
from annotator.ui.session import Session
from annotator.ui.settings import Settings


def choose_person(parent: QWidget, session: Session, title: str, prompt: str, current: str):
    """One of the project's annotators (``current`` first), or a name typed; None if
    cancelled."""
    names = viewing.annotators(session.project) if session.project else []
    names = list(dict.fromkeys([current, *names]))
    name, ok = QInputDialog.getItem(parent, title, prompt, names, 0, True)
    return name.strip() if ok and name.strip() else None


def switch_annotator(parent: QWidget, session: Session, settings: Settings) -> None:
    """Annotate as another person; the name is remembered for the next start."""
    name = choose_person(
        parent,
        session,
        translate("people", "Annotator"),
        translate("people", "Annotate as:"),
        session.annotator,
    )
    if name and name != session.annotator:
        settings.annotator = name
        session.set_annotator(name)


def view_layer(parent: QWidget, session: Session) -> None:
    """Read a colleague's layer (read-only), or go back to one's own."""
    name = choose_person(
        parent,
        session,
        translate("people", "Show a layer"),
        translate("people", "Show the layer of:"),
        session.layer,
    )
    if name:
        session.show_layer(name)
