"""What the annotator's keys mean in the text: a label key, or a move of a span's edge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

ARROWS = {Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}


def label_key(event: QKeyEvent, label_keys: frozenset[str]) -> str | None:
    """The label key pressed (alone or with Shift), or None."""
    text = event.text()
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
    return text if text and text in label_keys and plain else None


def boundary_move(event: QKeyEvent, direction: Qt.LayoutDirection) -> str | None:
    """Alt+arrow moves a span's start, Alt+Shift+arrow its end, by a letter; Ctrl+Alt+arrow
    its start by a proclitic. Each edge goes the way the arrow points on screen: in a
    right-to-left paragraph (``direction``) the start is on the right."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() not in ARROWS or not mods & Qt.KeyboardModifier.AltModifier:
        return None
    rtl = direction == Qt.LayoutDirection.RightToLeft
    outward_start = ARROWS[event.key()] == ("right" if rtl else "left")
    if mods & Qt.KeyboardModifier.ControlModifier:
        return "proclitic in" if outward_start else "proclitic out"
    if mods & Qt.KeyboardModifier.ShiftModifier:
        return "end earlier" if outward_start else "end later"
    return "start earlier" if outward_start else "start later"
