"""Whose layer the window shows: one's own to annotate, a colleague's to read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from tests.ui.test_window import press, select

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات"


def records():
    army = TEXT.index("الجيش")
    return [
        {
            "text": TEXT,
            "annotations": [
                {"start": army, "end": army + 5, "label": "ACTOR", "annotator": "samira"},
                {"start": 5, "end": 15, "label": "ACTOR", "annotator": "omar"},
            ],
        }
    ]


def answer(monkeypatch, name: str) -> list:
    offered = []

    def choose(_parent, _title, _prompt, names, current, editable):
        offered.append(list(names))
        return name, True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    return offered


def test_a_colleagues_layer_is_shown_read_only(qtbot, make_window, monkeypatch):
    window = make_window(records())
    offered = answer(monkeypatch, "omar")
    window.view_layer()
    assert offered == [["samira", "omar"]]  # the project's annotators, by name
    assert [s.text for s in window.text_view.spans] == ["تنظيم داعش"]
    assert "omar's, read-only" in window.status.spans.text()
    start = TEXT.index("الثردات")
    select(window, start, start + len("الثردات"))
    press(qtbot, window, Qt.Key.Key_2)
    assert "read-only" in window.statusBar().currentMessage()
    (omar,) = window.session.spans
    window.session.select(omar.id)
    press(qtbot, window, Qt.Key.Key_Delete)
    project = window.session.project
    assert [s.text for s in project.spans.for_document(window.session.document_id, "omar")] == [
        "تنظيم داعش"
    ]  # nothing of omar's changed
    editors = window.coding.editors.values()
    assert editors and not any(editor.isEnabled() for editor in editors)  # coding is read only
    answer(monkeypatch, "samira")
    window.view_layer()
    assert [s.text for s in window.text_view.spans] == ["الجيش"]
    assert "read-only" not in window.status.spans.text()


def test_annotating_as_someone_else_is_remembered_and_credits_them(qtbot, make_window, monkeypatch):
    window = make_window(records())
    answer(monkeypatch, "lina")  # a new name, typed
    window.switch_annotator()
    assert window.session.annotator == "lina" and window.settings.annotator == "lina"
    assert window.text_view.spans == []
    start = TEXT.index("الثردات")
    select(window, start, start + len("الثردات"))
    press(qtbot, window, Qt.Key.Key_2)
    project = window.session.project
    (span,) = project.spans.for_document(window.session.document_id, "lina")
    assert span.text == "الثردات"
    assert project.audit.for_span(span.id)[0].annotator == "lina"
