"""The schema editor driven as a user drives it, over a coded article on disk.

Every check reads the project back from disk: the dialog has no save step, so what the user
sees must already be stored — or, for a refused change, nothing at all must be.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QLineEdit, QMessageBox

from annotator.ops import schema_changes
from annotator.store.project import Project
from annotator.ui.schema.editor import SchemaEditor, open_schema_editor
from tests.conftest import snapshot
from tests.fixtures.article import coded_article


@pytest.fixture
def coded(project, tmp_path):
    return coded_article(project, tmp_path)


@pytest.fixture
def dialog(qtbot, project, coded):
    dialog = SchemaEditor(project, "lina")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


@pytest.fixture
def answers(monkeypatch):
    """Answer the modal questions the dialog asks, in order; record what they said."""
    asked: list[str] = []
    queue: list[QMessageBox.StandardButton] = []

    def question(parent, title, text, buttons, default):
        asked.append(text)
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return queue, asked


def on_disk(project: Project) -> Project:
    return Project.open(project.folder)


def select_label(dialog: SchemaEditor, label_id: str) -> None:
    dialog.label_list.setCurrentRow(dialog.project.schema.label_ids.index(label_id))


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def focused():
    return QApplication.focusWidget()


# -- labels ----------------------------------------------------------------------------------


def test_typing_a_new_id_renames_the_label_and_its_spans_at_once(qtbot, dialog, project, coded):
    assert dialog.label_tab.id_edit.text() == "ACTOR"
    with qtbot.waitSignal(dialog.schemaChanged):
        type_into(qtbot, dialog.label_tab.id_edit, "ARMED_ACTOR")
    with on_disk(project) as other:
        assert other.schema.label_ids == ("ARMED_ACTOR", "LOCATION", "EVENT")
        assert other.spans.get(coded.spans["front"].id).label == "ARMED_ACTOR"
    assert "(ARMED_ACTOR)" in dialog.label_list.currentItem().text()
    assert dialog.status.text() == "Renamed label ACTOR to ARMED_ACTOR; 7 spans follow."
    assert dialog.changed


def test_names_description_and_examples_are_stored_when_the_field_is_left(qtbot, dialog, project):
    select_label(dialog, "LOCATION")
    dialog.label_tab.name_ar_edit.setFocus()
    dialog.label_tab.name_ar_edit.selectAll()
    dialog.label_tab.name_ar_edit.insert("موقع")  # QTest types only ASCII
    qtbot.keyClick(dialog.label_tab.name_ar_edit, Qt.Key.Key_Tab)
    dialog.label_tab.examples_edit.setFocus()
    dialog.label_tab.examples_edit.moveCursor(
        dialog.label_tab.examples_edit.textCursor().MoveOperation.End
    )
    dialog.label_tab.examples_edit.insertPlainText("\nقرية المعماري")
    qtbot.keyClick(
        dialog.label_tab.examples_edit, Qt.Key.Key_Tab
    )  # Tab leaves the box, as elsewhere
    assert focused() is not dialog.label_tab.examples_edit
    with on_disk(project) as other:
        location = other.schema.label("LOCATION")
        assert location.names == {"en": "Location", "ar": "موقع"}
        assert location.examples[-1] == "قرية المعماري"
        assert len(location.examples) == 5
    assert "موقع" in dialog.label_list.currentItem().text()


def test_leaving_an_unchanged_field_changes_nothing_even_with_invisible_characters(
    qtbot, dialog, project
):
    description = "Mark\u00a0the name\u2028without the proclitic و\u200f."
    examples = ("حقول\u00a0الجفرة", "دير الزور")
    dialog.apply(
        schema_changes.update_label,
        "LOCATION",
        description=description,
        examples=examples,
    )
    select_label(dialog, "LOCATION")
    before = snapshot(project)
    for box in (dialog.label_tab.description_edit, dialog.label_tab.examples_edit):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert snapshot(project) == before
    label = project.schema.label("LOCATION")
    assert (label.description, label.examples) == (description, examples)


def test_examples_read_each_in_its_own_direction(qtbot, dialog):
    dialog.label_tab.examples_edit.setPlainText("تنظيم داعش\narmed men")
    first = dialog.label_tab.examples_edit.document().firstBlock()
    assert first.layout().textOption().textDirection() != Qt.LayoutDirection.LeftToRight
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    assert first.next().textDirection() == Qt.LayoutDirection.LeftToRight


def test_a_key_in_use_is_refused_and_the_field_shows_the_stored_key(qtbot, dialog, project):
    select_label(dialog, "EVENT")
    before = snapshot(project)
    type_into(qtbot, dialog.label_tab.key_edit, "2")
    assert dialog.status.text() == "Not changed: key 2 is already the key of LOCATION (Location)."
    assert "b00020" in dialog.status.styleSheet()
    assert dialog.label_tab.key_edit.text() == "3"
    assert snapshot(project) == before
    assert not dialog.changed


def test_a_kind_change_that_would_break_links_is_refused_with_a_count(qtbot, dialog, project):
    select_label(dialog, "LOCATION")
    before = snapshot(project)
    dialog.label_tab.kind_combo.setFocus()
    qtbot.keyClick(dialog.label_tab.kind_combo, Qt.Key.Key_Down)  # location → event
    assert "4 role links would break" in dialog.status.text()
    assert dialog.label_tab.kind_combo.currentText() == "location"
    assert snapshot(project) == before


def test_the_colour_picker(qtbot, dialog, project, monkeypatch):
    select_label(dialog, "EVENT")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#17becf"))
    qtbot.mouseClick(dialog.label_tab.color_button, Qt.MouseButton.LeftButton)
    with on_disk(project) as other:
        assert other.schema.label("EVENT").color == "#17becf"
    assert dialog.label_tab.color_button.text().strip() == "#17becf"


def test_a_new_label_from_the_keyboard(qtbot, dialog, project):
    dialog.label_list.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert (
        focused() is dialog.label_tab.id_edit
        and dialog.label_tab.id_edit.selectedText() == "LABEL_1"
    )
    qtbot.keyClicks(dialog.label_tab.id_edit, "WEAPON")
    qtbot.keyClick(dialog.label_tab.id_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.label_tab.name_en_edit, "Weapon")
    qtbot.keyClick(dialog.label_tab.name_en_edit, Qt.Key.Key_Return)
    with on_disk(project) as other:
        weapon = other.schema.label("WEAPON")
        assert (weapon.names, weapon.key, weapon.kind) == ({"en": "Weapon"}, "4", "other")
    assert dialog.label_list.count() == 4


def test_deleting_a_label_in_use_asks_with_the_count_first(qtbot, dialog, project, answers):
    queue, asked = answers
    select_label(dialog, "LOCATION")
    before = snapshot(project)
    queue.append(QMessageBox.StandardButton.No)
    dialog.label_list.setFocus()
    qtbot.keyClick(dialog.label_list, Qt.Key.Key_Delete)
    assert "4 spans and 4 role links in every annotator's layer" in asked[0]
    assert snapshot(project) == before
    queue.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.delete_label_button, Qt.MouseButton.LeftButton)
    with on_disk(project) as other:
        assert other.schema.label_ids == ("ACTOR", "EVENT")
        assert other.spans.count_label("LOCATION") == 0
    assert dialog.label_list.count() == 2
    assert dialog.status.text() == "Deleted label LOCATION with 4 spans and 4 role links."


def test_an_unused_label_goes_without_a_question(qtbot, dialog, project, answers):
    _, asked = answers
    qtbot.mouseClick(dialog.new_label_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.delete_label_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert project.schema.label_ids == ("ACTOR", "LOCATION", "EVENT")


def test_the_guideline_version(qtbot, dialog, project):
    type_into(qtbot, dialog.version_edit, "2.0-pilot")
    with on_disk(project) as other:
        assert other.schema.version == "2.0-pilot"


def test_tab_order_runs_from_the_version_through_the_labels_to_their_fields(qtbot, dialog):
    dialog.version_edit.setFocus()
    chain = []
    for _ in range(5):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        chain.append(focused())
    assert chain == [
        dialog.label_list,
        dialog.new_label_button,
        dialog.rename_label_button,
        dialog.delete_label_button,
        dialog.tabs.tabBar(),
    ]
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.label_tab.id_edit


# -- attributes and roles ----------------------------------------------------------------------


def test_renaming_an_attribute_in_the_table(qtbot, dialog, project, coded):
    select_label(dialog, "EVENT")
    dialog.tabs.setCurrentWidget(dialog.attributes_tab)
    table = dialog.attributes_tab.table
    table.setFocus()
    table.setCurrentCell(2, 0)  # fatalities
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "fatalities"
    editor.selectAll()
    qtbot.keyClicks(editor, "deaths")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: project.schema.label("EVENT").attribute("deaths") is not None)
    with on_disk(project) as other:
        (event,) = other.events.on_trigger(coded.spans["airstrike"].id)
        assert event.attributes["deaths"] == 6
    assert table.item(2, 0).text() == "deaths"


def test_adding_a_choice_attribute_and_making_it_required(qtbot, dialog, project):
    select_label(dialog, "ACTOR")
    tab = dialog.attributes_tab
    dialog.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.new_name, "inter")
    tab.new_type.setCurrentText("choice")
    qtbot.keyClicks(tab.new_values, "1, 2, 3")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    inter = project.schema.label("ACTOR").attribute("inter")
    assert (inter.type, inter.values, inter.required) == ("choice", ("1", "2", "3"), False)
    assert tab.table.item(1, 0).text() == "inter" and tab.table.item(1, 2).text() == "1, 2, 3"
    tab.table.item(1, 3).setCheckState(Qt.CheckState.Checked)  # what a click on the box does
    with on_disk(project) as other:
        assert other.schema.label("ACTOR").attribute("inter").required


def test_withdrawing_a_value_in_use_asks_then_clears_it(qtbot, dialog, project, coded, answers):
    queue, asked = answers
    select_label(dialog, "LOCATION")
    tab = dialog.attributes_tab
    dialog.tabs.setCurrentWidget(tab)
    tab.table.setCurrentCell(0, 0)  # place_type
    values = [tab.values.item(i).text() for i in range(tab.values.count())]
    tab.values.setCurrentRow(values.index("village"))
    tab.values.setFocus()
    queue.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.values, Qt.Key.Key_Delete)
    assert asked[0].startswith("LOCATION has 2 spans coded place_type = 'village'")
    with on_disk(project) as other:
        assert "village" not in other.schema.label("LOCATION").attribute("place_type").values
        assert other.spans.get(coded.spans["ghizlan"].id).attributes == {}
    assert "village" not in [tab.values.item(i).text() for i in range(tab.values.count())]


def test_a_sub_type_value_goes_under_the_chosen_type(qtbot, dialog, project):
    select_label(dialog, "EVENT")
    tab = dialog.attributes_tab
    dialog.tabs.setCurrentWidget(tab)
    tab.table.setCurrentCell(1, 0)  # sub_event_type
    assert tab.under.isVisibleTo(dialog)
    tab.under.setCurrentText("Riots")
    qtbot.keyClicks(tab.value_edit, "Looting")
    qtbot.keyClick(tab.value_edit, Qt.Key.Key_Return)
    sub = project.schema.label("EVENT").attribute("sub_event_type")
    assert sub.values_by["Riots"] == ("Violent demonstration", "Mob violence", "Looting")
    assert tab.under.currentText() == "Riots" and tab.values.item(2).text() == "Looting"


def test_roles_are_renamed_and_refused_in_the_table(qtbot, dialog, project, coded):
    select_label(dialog, "EVENT")
    tab = dialog.roles_tab
    dialog.tabs.setCurrentWidget(tab)
    before = snapshot(project)
    tab.table.item(1, 1).setText("location")  # actor2 filled by locations only: 3 links say no
    assert "actor2 has 3 links to spans that are not location" in dialog.status.text()
    assert tab.table.item(1, 1).text() == "actor"
    assert snapshot(project) == before
    tab.table.item(2, 0).setText("place")
    with on_disk(project) as other:
        events = other.events.for_document(coded.document_id)
        roles = {a.role for event in events for a in event.arguments}
        assert roles == {"actor1", "actor2", "place"}


def test_roles_are_only_for_event_labels(qtbot, dialog):
    select_label(dialog, "ACTOR")
    assert not dialog.tabs.isTabEnabled(2)
    select_label(dialog, "EVENT")
    assert dialog.tabs.isTabEnabled(2)


# -- the entry point ---------------------------------------------------------------------------


def test_open_schema_editor_says_whether_anything_changed(qtbot, project, coded):
    def close_after(change) -> None:
        def act() -> None:
            dialog = QApplication.activeModalWidget()
            change(dialog)
            dialog.reject()

        QTimer.singleShot(0, act)

    close_after(lambda dialog: None)
    assert open_schema_editor(None, project, "lina") is False

    def set_version(dialog) -> None:
        dialog.version_edit.setText("3")
        dialog.version_edit.editingFinished.emit()

    close_after(set_version)
    assert open_schema_editor(None, project, "lina") is True
    assert project.schema.version == "3"
