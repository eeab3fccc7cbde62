"""Ctrl+F: find in the document with Arabic normalisation; Enter selects the next match,
Escape closes the bar and keeps the selection, so a label key can annotate it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from annotator.core.arabic import NormalisedText, normalised
from annotator.core.text import isolate
from annotator.ui.language import figure

# each pair isolated, so that an English line keeps the pairs in order, each read as Arabic
LIKE_LETTERS = ", ".join(isolate(pair) for pair in ("أ/ا", "ة/ه", "ى/ي"))


class FindBar(QWidget):
    matchChosen = Signal(int, int)  # start, end (code points)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr("word or phrase (%1 alike; diacritics and tatweel ignored)").replace(
                "%1", LIKE_LETTERS
            )
        )
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field, 1)
        self.count = QLabel("")
        layout.addWidget(self.count)
        self.field.returnPressed.connect(self.next_match)
        self.field.textChanged.connect(self._reset)
        self.field.installEventFilter(self)
        self._source = ""
        self._text: NormalisedText | None = None
        self._position = 0
        self.hide()

    def set_text(self, text: str) -> None:
        """The document to search; its normalised form is built on the first search."""
        self._source = text
        self._text = None
        self._position = 0
        self._reset()

    def open(self, cursor_offset: int = 0) -> None:
        self._position = cursor_offset
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def _reset(self) -> None:
        self.count.setText("")

    def next_match(self) -> None:
        if not self.field.text():
            return
        if self._text is None:
            self._text = normalised(self._source)
        matches = list(self._text.find_all(self.field.text()))
        if not matches:
            self.count.setText(self.tr("no match"))
            return
        after = [m for m in matches if m[0] >= self._position]
        start, end = (after or matches)[0]
        self.count.setText(f"{figure(matches.index((start, end)) + 1)} / {figure(len(matches))}")
        self._position = start + 1
        self.matchChosen.emit(start, end)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.hide()
            self.closed.emit()
            return True
        return super().eventFilter(watched, event)
