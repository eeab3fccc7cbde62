"""The common troubles in the window's words: a sentence in its language, then the details as
the core wrote them (files, fields and values named as the command line names them)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.ops import troubles
from annotator.ui.language import translate

HEADLINES = {
    troubles.CANNOT_OPEN: QT_TRANSLATE_NOOP("troubles", "The project cannot be opened."),
    troubles.IN_USE: QT_TRANSLATE_NOOP(
        "troubles", "Another window or program has the project open."
    ),
    troubles.DAMAGED: QT_TRANSLATE_NOOP(
        "troubles", "The project is damaged; restore a backup of it."
    ),
    troubles.UNREADABLE: QT_TRANSLATE_NOOP("troubles", "The file cannot be read."),
}


def explained(detail: str, kind: str) -> str:
    """``detail`` after the sentence that says its ``kind`` of trouble (alone when the kind
    has none)."""
    headline = HEADLINES.get(kind)
    return f"{translate('troubles', headline)}\n\n{detail}" if headline else detail
