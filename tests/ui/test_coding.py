"""Coding spans in the window: attributes, canonical entities, role links."""

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
    event = mark(qtbot, window, "هاجم", Qt.Key.Key_3)
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
    stored = window.session.project.spans.get(event.id).attributes
    assert stored == {"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 5,
                      "date": "2017-09-29"}  # fmt: skip
    assert panel.problems.text() == ""
    choose(panel.editors["event_type"], "Explosions/Remote violence")  # the sub-type no longer fits
    assert "sub_event_type" not in window.session.project.spans.get(event.id).attributes
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.spans.get(event.id).attributes["sub_event_type"] == "Armed clash"
    assert panel.editors["sub_event_type"].currentText() == "Armed clash"


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


def test_an_event_is_linked_to_its_arguments_and_the_links_show(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    actor = mark(qtbot, window, "تنظيم داعش", Qt.Key.Key_1)
    target = mark(qtbot, window, "الجيش", Qt.Key.Key_1)
    place = mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    event = mark(qtbot, window, "هاجم", Qt.Key.Key_3)
    offered = []

    def role_menu(roles, argument):
        offered.append([r.name for r in roles])
        return {"تنظيم داعش": "actor1", "الجيش": "actor2", "الثردات": "location"}[argument.text]

    monkeypatch.setattr(window.annotating, "choose_role", role_menu)  # the popup menu is modal
    for argument in (actor, target, place):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        window.text_view.spanClicked.emit(argument.id)
    assert offered == [["actor1", "actor2"], ["actor1", "actor2"], ["location"]]
    links = {
        (r.role, r.target)
        for r in window.session.project.relations.for_document(window.session.document_id)
    }
    assert links == {("actor1", actor.id), ("actor2", target.id), ("location", place.id)}
    assert window.session.selected == event.id
    marked = {(s.cursor.selectionStart(), s.cursor.selectionEnd())
              for s in window.text_view.extraSelections()}  # fmt: skip
    assert len(marked) == 3  # the arguments are underlined while the event is selected
    tip = window.text_view.tooltip_for([event])
    assert "actor1 → تنظيم داعش" in tip and "location → الثردات" in tip
    relation = next(r for r in window.session.relations if r.role == "location")
    window.coding.unlinkRequested.emit(relation.id)
    assert len(window.session.project.relations.for_document(window.session.document_id)) == 2
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.project.relations.for_document(window.session.document_id)) == 3


def test_one_span_in_two_roles_of_an_event_is_refused_with_the_reason_shown(
    qtbot, make_window, monkeypatch
):
    window = make_window([{"text": TEXT}])
    actor = mark(qtbot, window, "تنظيم داعش", Qt.Key.Key_1)
    mark(qtbot, window, "هاجم", Qt.Key.Key_3)
    roles = iter(["actor1", "actor2"])
    monkeypatch.setattr(window.annotating, "choose_role", lambda _roles, _span: next(roles))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        window.text_view.spanClicked.emit(actor.id)
    assert [r.role for r in window.session.relations] == ["actor1"]
    assert warnings == [
        "Link actor2 \u2068«تنظيم داعش»\u2069: «تنظيم داعش» already fills actor1 of this "
        "event; one span cannot also be its actor2"
    ]
    assert window.status.saved.text().startswith("Saved")  # refused, not left unsaved


def test_linking_by_keyboard_through_the_annotations_list(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    place = mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    event = mark(qtbot, window, "هاجم", Qt.Key.Key_3)
    monkeypatch.setattr(window.annotating, "choose_role", lambda roles, argument: roles[0].name)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = window.annotations
    row = panel.spans_model.row_of(place.id)
    panel.activated.emit(panel.spans_model.index(row, 0))
    (relation,) = window.session.project.relations.for_document(window.session.document_id)
    assert (relation.source, relation.target, relation.role) == (event.id, place.id, "location")


def test_escape_cancels_linking(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    mark(qtbot, window, "هاجم", Qt.Key.Key_3)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.linking_from is not None
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)
    assert window.session.linking_from is None
    assert window.session.project.relations.for_document(window.session.document_id) == []


def test_an_articles_events_can_be_fully_coded(qtbot, make_window, monkeypatch, tmp_path):
    text = ARTICLE.read_text(encoding="utf-8")
    window = make_window([{"text": text, "name": "manara-attack"}])
    roles = {}
    monkeypatch.setattr(
        window.annotating, "choose_role", lambda options, argument: roles[argument.id]
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
    out = tmp_path / "coded.json"
    export(window.session.project, "json", out)
    (document,) = json.loads(out.read_text(encoding="utf-8"))["documents"]
    spans = {a["id"]: a for a in document["annotations"]}
    events = {}
    for relation in document["relations"]:
        trigger = spans[relation["from"]]
        events.setdefault(trigger["text"], {"attributes": trigger["attributes"]})[
            relation["role"]
        ] = spans[relation["to"]]["text"]
    assert events["هجوماً واسعاً"] == {
        "attributes": {"event_type": "Battles", "sub_event_type": "Armed clash"},
        "actor1": "جبهة الأحرار", "actor2": "الجيش الوطني", "location": "قرية تل الغزلان",
    }  # fmt: skip
    assert events["سيطرة مقاتليها"]["location"] == "حقول البيدر النفطية"
    assert events["ضربات جوية"]["attributes"]["fatalities"] == 6
    assert events["ضربات جوية"]["actor1"] == "التحالف الشمالي"
    for annotation in document["annotations"]:
        assert document["text"][annotation["start"] : annotation["end"]] == annotation["text"]
