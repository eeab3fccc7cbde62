"""The place panel follows the selected span: a place mention tied to a canonical place
shows where that place is and the gazetteer's entries for its name. Choosing an entry,
typing coordinates or clearing them is an undoable command (:class:`SetPlace`)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from annotator.core.text import isolate
from annotator.ops import places, viewing
from annotator.ui.edit_command import EditCommand
from annotator.ui.language import fill, translate
from annotator.ui.panels.place import PlacePanel
from annotator.ui.session import Session

_SEPARATORS = re.compile(r"[,،;\s]+")
CHOSEN = QT_TRANSLATE_NOOP("PlaceCoding", "Place %1")  # the undo texts
TYPED = QT_TRANSLATE_NOOP("PlaceCoding", "Coordinates for %1")
CLEARED = QT_TRANSLATE_NOOP("PlaceCoding", "No coordinates for %1")


class SetPlace(EditCommand):
    """Give a canonical place coordinates (from a gazetteer entry, or typed), or take them
    away; undo puts back those it had."""

    def __init__(self, session: Session, entity_id: int, name: str, how: str, **given) -> None:
        """``how``: one of the undo texts above, filled with the place's name."""
        said = fill(translate("PlaceCoding", how), isolate(f"«{name}»"))
        super().__init__(session, session.document_id, said)
        self.entity_id, self.given = entity_id, given
        self.before: places.Point | None = None
        self.after: places.Point | None = None
        self.made = False  # applied once: a redo puts back what that gave

    def apply(self) -> None:
        project, who, given = self.project, self.annotator, self.given
        if self.made:
            self.before = places.put_back(project, self.entity_id, self.after, who)
        elif "gazetteer" in given:
            self.before = places.choose(project, self.entity_id, given["gazetteer"], who)
        elif "latitude" in given:
            self.before = places.set_coordinates(
                project, self.entity_id, given["latitude"], given["longitude"], who
            )
        else:
            self.before = places.clear(project, self.entity_id, who)
        self.made = True
        self.after = places.point(project, self.entity_id)
        self.session.selectionChanged.emit()  # the panel shows where it is now

    def revert(self) -> None:
        places.put_back(self.project, self.entity_id, self.before, self.annotator)
        self.session.selectionChanged.emit()


class PlaceCoding(QObject):
    def __init__(self, session: Session, panel: PlacePanel) -> None:
        super().__init__(panel)
        self.session, self.panel = session, panel
        self.entity: tuple[int, str] | None = None  # the canonical place shown
        for signal in (session.selectionChanged, session.documentShown, session.schemaChanged):
            signal.connect(self.show)
        panel.chosen.connect(lambda place_id: self._push(CHOSEN, gazetteer=place_id))
        panel.typed.connect(self._typed)
        panel.cleared.connect(lambda: self._push(CLEARED))

    def show(self) -> None:
        session = self.session
        span = session.selected_span() if session.project else None
        label = session.schema.label(span.label) if span else None
        if span is None or label is None or label.kind != "location" or span.entity_id is None:
            self.entity = None
            self.panel.hide()
            return
        project = session.project
        name = viewing.entity_name(project, span.entity_id)
        self.entity = (span.entity_id, name)
        where = places.point(project, span.entity_id)
        if where is None:
            said = self.tr("No coordinates yet: choose an entry, or type them.")
        else:
            said = f"{where.latitude:.4f}, {where.longitude:.4f}"
            if where.origin is not None:
                said += "  ·  " + isolate(places.gazetteer_entry(project, where.origin).label)
        self.panel.show_place(
            name, said, places.candidates(project, name, limit=8), places.gazetteer_size(project)
        )
        self.panel.setEnabled(not session.read_only)

    def _typed(self, text: str) -> None:
        parts = [p for p in _SEPARATORS.split(text.strip()) if p]
        if len(parts) != 2:
            self.session.refused.emit(
                self.tr("Type a latitude and a longitude, e.g. 35.33, 40.14 (not %1).").replace(
                    "%1", repr(text)
                )
            )
            return
        self._push(TYPED, latitude=parts[0], longitude=parts[1])

    def _push(self, how: str, **given) -> None:
        if self.entity is None or self.session.read_only:
            return
        entity_id, name = self.entity
        self.session.push(SetPlace(self.session, entity_id, name, how, **given))
