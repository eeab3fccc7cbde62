"""Coding in the window: events' attributes and arguments, canonical entities."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from annotator.ops.exporting import export
from tests.fixtures.article import ARTICLE
from tests.ui.test_window import press, select

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات وقتل 5 جنود"


def mark(qtbot, window, phrase, key, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = window.session.text.index(phrase, start + 1)
    select(window, start, start + len(phrase))
    press(qtbot, window, key)
    return window.session.selected_span()


def mark_event(qtbot, window, phrase, occurrence=1):
    """Mark a word as an event (key 3): the span, and the event on it, selected."""
    mark(qtbot, window, phrase, Qt.Key.Key_3, occurrence)
    return window.session.selected_event()


def stored(window, event):
    return window.session.project.events.get(event.id)


def choose(box: QComboBox, value: str) -> None:
    """Pick a value the way a user does: the combo's activated signal."""
    box.setCurrentText(value)
    box.activated.emit(box.currentIndex())


def type_into(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.clear()
    field.insert(text)
    field.editingFinished.emit()


def test_a_sub_type_is_offered_only_under_its_type_and_every_change_is_undoable(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    event = mark_event(qtbot, window, "هاجم")
    panel = window.coding
    assert "event_type" in panel.problems.text()  # required and empty: flagged
    choose(panel.editors["event_type"], "Battles")
    sub = panel.editors["sub_event_type"]
    assert [sub.itemText(i) for i in range(sub.count())] == [
        "", "Armed clash", "Government regains territory", "Non-state actor overtakes territory"
    ]  # fmt: skip
    choose(sub, "Armed clash")
    type_into(panel.editors["fatalities"], "5")
    type_into(panel.editors["date"], "2017-09-29")
    assert stored(window, event).attributes == {
        "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 5,
        "date": "2017-09-29",
    }  # fmt: skip
    assert (
        window.session.project.spans.get(event.trigger).attributes == {}
    )  # the event's, not the word's
    assert panel.problems.text() == ""
    choose(panel.editors["event_type"], "Explosions/Remote violence")  # the sub-type no longer fits
    assert "sub_event_type" not in stored(window, event).attributes
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, event).attributes["sub_event_type"] == "Armed clash"
    assert panel.editors["sub_event_type"].currentText() == "Armed clash"


def test_the_form_shows_each_events_own_coding_as_the_selection_moves(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    first = mark_event(qtbot, window, "هاجم")
    panel = window.coding
    type_into(panel.editors["fatalities"], "5")
    choose(panel.editors["event_type"], "Battles")
    second = mark_event(qtbot, window, "وقتل")
    assert panel.editors["fatalities"].text() == ""  # the new event's, not the last one's
    assert panel.editors["event_type"].currentText() == ""
    type_into(panel.editors["fatalities"], "7")
    window.session.select_event(first.id)
    assert panel.editors["fatalities"].text() == "5"
    assert panel.editors["event_type"].currentText() == "Battles"
    field = panel.editors["fatalities"]
    field.setFocus()
    field.clear()
    field.insert("9")  # typed, not yet committed, when the selection moves elsewhere
    window.session.select_event(second.id)
    assert field.text() == "7"  # the selected event's own value, never the typed one
    assert stored(window, first).attributes["fatalities"] == 5
    assert stored(window, second).attributes == {"fatalities": 7}


def test_canonical_entities_group_mentions_across_documents(qtbot, make_window):
    window = make_window([{"text": "هاجم تنظيم داعش النقاط", "name": "a"},
                          {"text": "انسحب التنظيم من البلدة", "name": "b"}])  # fmt: skip
    mark(qtbot, window, "تنظيم داعش", Qt.Key.Key_1)
    box = window.coding.entity_box
    box.setCurrentText("داعش")
    box.lineEdit().editingFinished.emit()
    first = window.session.project.spans.get(window.session.selected)
    assert window.session.project.entities.get(first.entity_id).name == "داعش"
    window.step(1)
    mark(qtbot, window, "التنظيم", Qt.Key.Key_1)
    box = window.coding.entity_box
    assert [box.itemText(i) for i in range(box.count())] == ["", "داعش"]  # offered from the project
    choose(box, "داعش")
    second = window.session.project.spans.get(window.session.selected)
    assert second.entity_id == first.entity_id


def arguments(window, event):
    """An event's arguments as stored: (role, text of the span that fills it), in order."""
    project = window.session.project
    return [(a.role, project.spans.get(a.span).text) for a in stored(window, event).arguments]


def test_an_event_is_given_its_arguments_and_the_links_are_drawn(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    actor = mark(qtbot, window, "تنظيم داعش", Qt.Key.Key_1)
    target = mark(qtbot, window, "الجيش", Qt.Key.Key_1)
    place = mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    event = mark_event(qtbot, window, "هاجم")
    offered = []

    def role_menu(roles, argument):
        offered.append([r.name for r in roles])
        return {"تنظيم داعش": "actor1", "الجيش": "actor2", "الثردات": "location"}[argument.text]

    monkeypatch.setattr(window.annotating.events, "choose_role", role_menu)  # the menu is modal
    for argument in (actor, target, place):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        window.text_view.spanClicked.emit(argument.id)
    assert offered == [["actor1", "actor2"], ["actor1", "actor2"], ["location"]]
    assert arguments(window, event) == [
        ("actor1", "تنظيم داعش"), ("actor2", "الجيش"), ("location", "الثردات")
    ]  # fmt: skip
    assert window.session.selected_event().id == event.id
    marked = {(s.cursor.selectionStart(), s.cursor.selectionEnd())
              for s in window.text_view.extraSelections()}  # fmt: skip
    assert len(marked) == 3  # the arguments are underlined while the event is selected
    window.text_view.repaint()
    drawn = [(link.role, link.argument) for link in window.text_view.drawn_links]
    assert drawn == [("actor1", actor.id), ("actor2", target.id), ("location", place.id)]
    tip = window.text_view.tooltip_for([window.session.span(event.trigger)])
    assert "actor1 → تنظيم داعش" in tip and "location → الثردات" in tip
    window.coding.unlinkRequested.emit(2)  # the third argument: the place
    assert [role for role, _ in arguments(window, event)] == ["actor1", "actor2"]
    window.text_view.repaint()
    assert [link.role for link in window.text_view.drawn_links] == ["actor1", "actor2"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [role for role, _ in arguments(window, event)] == ["actor1", "actor2", "location"]


def test_one_span_in_two_roles_of_an_event_is_refused_with_the_reason_shown(
    qtbot, make_window, monkeypatch
):
    window = make_window([{"text": TEXT}])
    actor = mark(qtbot, window, "تنظيم داعش", Qt.Key.Key_1)
    event = mark_event(qtbot, window, "هاجم")
    roles = iter(["actor1", "actor2"])
    monkeypatch.setattr(window.annotating.events, "choose_role", lambda _roles, _span: next(roles))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        window.text_view.spanClicked.emit(actor.id)
    assert [role for role, _ in arguments(window, event)] == ["actor1"]
    assert len(warnings) == 1
    assert "«تنظيم داعش» already fills actor1 of this event" in warnings[0], warnings
    assert window.status.saved.text().startswith("Saved")  # refused, not left unsaved


def test_arguments_are_set_by_keyboard_through_the_annotations_list(
    qtbot, make_window, monkeypatch
):
    window = make_window([{"text": TEXT}])
    place = mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    event = mark_event(qtbot, window, "هاجم")
    monkeypatch.setattr(
        window.annotating.events, "choose_role", lambda roles, argument: roles[0].name
    )
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.side_tabs.currentWidget() is window.annotations  # where the keyboard goes
    panel = window.annotations
    row = panel.spans_model.row_of(place.id)
    panel.activated.emit(panel.spans_model.index(row, 0))
    assert arguments(window, event) == [("location", "الثردات")]


def test_escape_cancels_linking(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    event = mark_event(qtbot, window, "هاجم")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.linking_from == event.id
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)
    assert window.session.linking_from is None
    assert stored(window, event).arguments == ()


def test_an_articles_events_can_be_fully_coded(qtbot, make_window, monkeypatch, tmp_path):
    text = ARTICLE.read_text(encoding="utf-8")
    window = make_window([{"text": text, "name": "manara-attack"}])
    roles = {}
    monkeypatch.setattr(
        window.annotating.events, "choose_role", lambda options, argument: roles[argument.id]
    )

    def code_event(trigger, attributes, arguments, occurrence=1):
        spans = {}
        for phrase, key, role, n in arguments:
            span = mark(qtbot, window, phrase, key, n)
            roles[span.id] = role
            spans[role] = span
        event = mark(qtbot, window, trigger, Qt.Key.Key_3, occurrence)
        for name, value in attributes.items():
            editor = window.coding.editors[name]
            if isinstance(editor, QComboBox):
                choose(editor, value)
            else:
                type_into(editor, str(value))
        for span in spans.values():
            qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            window.text_view.spanClicked.emit(span.id)
        return event

    code_event(
        "هجوماً واسعاً",
        {"event_type": "Battles", "sub_event_type": "Armed clash"},
        [("جبهة الأحرار", Qt.Key.Key_1, "actor1", 1),
         ("الجيش الوطني", Qt.Key.Key_1, "actor2", 1),
         ("قرية تل الغزلان", Qt.Key.Key_2, "location", 1)],
    )  # fmt: skip
    code_event(
        "سيطرة مقاتليها",
        {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"},
        [("قوات الدرع", Qt.Key.Key_1, "actor1", 1),
         ("حقول البيدر النفطية", Qt.Key.Key_2, "location", 1)],
    )  # fmt: skip
    code_event(
        "ضربات جوية",
        {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "fatalities": 6},
        [("التحالف الشمالي", Qt.Key.Key_1, "actor1", 1),
         ("بلدة عين الشمس", Qt.Key.Key_2, "location", 1)],
    )  # fmt: skip
    assert window.session.project.spans.count() == 10
    project = window.session.project
    coded = {}
    for event in project.events.for_document(window.session.document_id):
        coded[project.spans.get(event.trigger).text] = {
            "attributes": event.attributes,
            **{a.role: project.spans.get(a.span).text for a in event.arguments},
        }
    assert coded["هجوماً واسعاً"] == {
        "attributes": {"event_type": "Battles", "sub_event_type": "Armed clash"},
        "actor1": "جبهة الأحرار", "actor2": "الجيش الوطني", "location": "قرية تل الغزلان",
    }  # fmt: skip
    assert coded["سيطرة مقاتليها"]["location"] == "حقول البيدر النفطية"
    assert coded["ضربات جوية"]["attributes"]["fatalities"] == 6
    assert coded["ضربات جوية"]["actor1"] == "التحالف الشمالي"
    out = tmp_path / "coded.jsonl"
    export(project, "jsonl", out)
    (document,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for annotation in document["annotations"]:
        assert document["text"][annotation["start"] : annotation["end"]] == annotation["text"]
