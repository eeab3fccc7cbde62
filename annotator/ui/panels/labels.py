"""The label palette: each label with its colour and key; a click applies it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from annotator.core.schema import Schema
from annotator.ui.language import label_name


class LabelPalette(QWidget):
    labelChosen = Signal(str)  # label id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}

    def set_schema(self, schema: Schema) -> None:
        for button in self.buttons.values():
            button.hide()  # gone from the panel now, not at the event loop's next turn
            button.deleteLater()
        self.buttons = {}
        for label in schema.labels:
            names = dict.fromkeys([label_name(label), *label.names.values()])
            name = "  ".join(n for n in names if n)
            key = f"{label.key}  " if label.key else ""
            button = QPushButton(f"{key}{name}")
            button.setToolTip(label.description or label.id)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keyboard on the text
            color = QColor(label.color)
            rgb = f"{color.red()}, {color.green()}, {color.blue()}"
            button.setStyleSheet(
                f"QPushButton {{ text-align: left; padding: 5px 8px; border-radius: 4px;"
                f" border-left: 8px solid {label.color}; background: rgba({rgb}, 40); }}"
                f"QPushButton:hover {{ background: rgba({rgb}, 90); }}"
            )
            button.clicked.connect(
                lambda _=False, label_id=label.id: self.labelChosen.emit(label_id)
            )
            self._layout.addWidget(button)
            self.buttons[label.id] = button
        self._layout.addStretch(1)
