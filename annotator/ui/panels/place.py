"""Where a canonical place is: its coordinates and where they came from, the gazetteer's
entries for its name (Enter or a double-click chooses one), coordinates typed by hand, or
none. Shown under the coding panel while a place mention tied to a canonical place is
selected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.places import Candidate
from annotator.core.text import isolate


class PlacePanel(QWidget):
    chosen = Signal(int)  # a gazetteer entry's id
    typed = Signal(str)  # "latitude, longitude" as typed
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.candidates = QListWidget()
        self.candidates.setMaximumHeight(110)
        self.candidates.itemActivated.connect(self._activated)
        self.coordinates = QLineEdit()
        self.coordinates.setPlaceholderText(self.tr("latitude, longitude — e.g. 35.33, 40.14"))
        self.coordinates.returnPressed.connect(lambda: self.typed.emit(self.coordinates.text()))
        self.clear_button = QPushButton(self.tr("No coordinates"))
        self.clear_button.clicked.connect(self.cleared.emit)
        typed = QHBoxLayout()
        typed.addWidget(self.coordinates, 1)
        typed.addWidget(self.clear_button)
        for widget in (self.title, self.where, self.candidates):
            column.addWidget(widget)
        column.addLayout(typed)
        self.hide()

    def show_place(
        self, name: str, where: str, candidates: list[Candidate], gazetteer: int
    ) -> None:
        """The place ``name``; ``where`` says where it is now; ``gazetteer``: how many
        entries the project's gazetteer holds (none: nothing to choose from)."""
        self.title.setText(self.tr("Where is %1?").replace("%1", isolate(f"«{name}»")))
        self.where.setText(where)
        self.candidates.clear()
        for candidate in candidates:
            place = candidate.place
            words = f"{isolate(place.label)} — {place.latitude:.4f}, {place.longitude:.4f}"
            detail = " ".join(p for p in (place.feature_code, place.country) if p)
            item = QListWidgetItem(f"{words}  ({detail})" if detail else words)
            item.setData(Qt.ItemDataRole.UserRole, place.id)
            self.candidates.addItem(item)
        if not gazetteer:
            self.candidates.addItem(
                self.tr("No gazetteer yet: annotator places PROJECT --import FILE adds one.")
            )
        elif not candidates:
            self.candidates.addItem(self.tr("The gazetteer has no place of that name."))
        self.coordinates.clear()
        self.show()

    def _activated(self, item: QListWidgetItem) -> None:
        place_id = item.data(Qt.ItemDataRole.UserRole)
        if place_id is not None:
            self.chosen.emit(int(place_id))
