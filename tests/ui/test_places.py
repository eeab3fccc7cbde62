"""Where a place is, from the coding side: a place mention tied to a canonical place shows
the gazetteer's entries for its name; choosing one, typing coordinates or clearing them is
saved at once and undone exactly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.schema import load_preset
from annotator.ops.gazetteer import import_gazetteer
from annotator.ops.importing import import_files
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import write_jsonl
from tests.places.gazetteer_file import DEIR_EZ_ZOR, write_gazetteer

TEXT = "قصفت طائرات حربية أحياء في دير الزور، واشتباكات في حي الرمانة."


def window_with_places(qtbot, tmp_path, settings, gazetteer=True) -> MainWindow:
    folder = tmp_path / "project"
    start, rummanah = TEXT.index("دير الزور"), TEXT.index("الرمانة")
    record = {"name": "قصف", "text": TEXT, "annotations": [
        {"start": start, "end": start + 9, "label": "LOCATION", "entity": "دير الزور"},
        {"start": rummanah, "end": rummanah + 7, "label": "LOCATION"},
    ]}  # fmt: skip
    with Project.create(folder, load_preset("conflict")) as project:
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", [record])], annotator="samira")
        if gazetteer:
            import_gazetteer(project, write_gazetteer(tmp_path / "SY.txt"))
    window = MainWindow(settings, "samira")
    qtbot.addWidget(window)
    window.open_project(folder)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def select(window, words: str):
    span = next(s for s in window.session.spans if s.text == words)
    window.session.select(span.id)
    return span


def entries(panel) -> list[str]:
    return [panel.candidates.item(n).text() for n in range(panel.candidates.count())]


def stored(window, span):
    with Project.open(window.session.project.folder) as other:
        entity = other.entities.get(span.entity_id)
        return entity.latitude, entity.longitude


def test_choosing_an_entry_places_it_and_undo_takes_it_back(qtbot, tmp_path, settings):
    window = window_with_places(qtbot, tmp_path, settings)
    panel = window.place_panel
    span = select(window, "دير الزور")
    assert panel.isVisible()
    assert "دير الزور" in panel.title.text()
    assert panel.where.text().startswith("No coordinates yet")
    offered = entries(panel)
    assert offered[0].startswith("\u2068Deir ez-Zor «دير الزور»\u2069 — 35.3360, 40.1410")
    panel.candidates.setCurrentRow(0)
    panel.candidates.itemActivated.emit(panel.candidates.item(0))  # Enter, or a double-click
    assert stored(window, span) == (float(DEIR_EZ_ZOR.latitude), float(DEIR_EZ_ZOR.longitude))
    assert panel.where.text() == "35.3360, 40.1410  ·  \u2068Deir ez-Zor «دير الزور»\u2069"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, span) == (None, None)
    assert panel.where.text().startswith("No coordinates yet")
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored(window, span) == (float(DEIR_EZ_ZOR.latitude), float(DEIR_EZ_ZOR.longitude))


def test_typed_coordinates_are_checked_and_cleared(qtbot, tmp_path, settings, monkeypatch):
    window = window_with_places(qtbot, tmp_path, settings)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    panel = window.place_panel
    span = select(window, "دير الزور")
    panel.coordinates.setText("35.1، 40.2")  # an Arabic comma between them
    panel.coordinates.returnPressed.emit()
    assert stored(window, span) == (35.1, 40.2)
    panel.coordinates.setText("140.2 35.1")  # the wrong way round
    panel.coordinates.returnPressed.emit()
    assert stored(window, span) == (35.1, 40.2)
    assert len(warnings) == 1 and "latitude comes first" in warnings[0]
    panel.clear_button.click()
    assert stored(window, span) == (None, None)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, span) == (35.1, 40.2)


def test_the_panel_is_only_for_a_mention_tied_to_a_place(qtbot, tmp_path, settings):
    window = window_with_places(qtbot, tmp_path, settings, gazetteer=False)
    panel = window.place_panel
    select(window, "الرمانة")  # a place mention with no canonical place
    assert not panel.isVisible()
    select(window, "دير الزور")
    assert panel.isVisible()
    assert entries(panel) == ["No gazetteer yet: annotator places PROJECT --import FILE adds one."]
    window.session.select(None)
    assert not panel.isVisible()
