"""The right-click menu on a span: label, delete, boundaries, code, link, discuss, copy."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import utf16
from tests.ui.test_window import select

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات"


def titles(menu) -> list[str]:
    return [action.text() for action in menu.actions() if action.text()]


def point_of(window, offset: int) -> QPoint:
    view = window.text_view
    cursor = view.textCursor()
    cursor.setPosition(utf16(window.session.text, offset))
    return view.cursorRect(cursor).center()


def test_a_right_click_on_a_span_offers_what_can_be_done_with_it(qtbot, make_window):
    window = make_window([{"text": TEXT, "label": [[5, 15, "ACTOR"], [0, 4, "EVENT"]]}])
    asked = []
    window.text_view.menuRequested.connect(lambda span_id, _where: asked.append(span_id))
    view = window.text_view
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point_of(window, 8), view.mapToGlobal(point_of(window, 8))
    )
    view.menuRequested.disconnect(window.annotating.span_menu)  # the menu itself is modal
    QApplication.sendEvent(view.viewport(), event)
    (actor,) = [s for s in window.session.spans if s.label == "ACTOR"]
    assert asked == [actor.id]
    menu = window.annotating.menu_for(actor.id)
    assert window.session.selected == actor.id  # the span the menu is about is selected
    assert titles(menu) == [
        "Label",
        "Delete",
        "Boundaries",
        "Code (attributes)…",
        "Link an argument…",
        "Another event on this word",
        "Discuss…",
        "Copy text with offsets",
    ]
    link = next(a for a in menu.actions() if a.text() == "Link an argument…")
    assert not link.isEnabled()  # an actor has no roles to fill
    another = next(a for a in menu.actions() if a.text() == "Another event on this word")
    assert not another.isEnabled()  # nor is it an event's word
    copy = next(a for a in menu.actions() if a.text() == "Copy text with offsets")
    copy.trigger()
    assert QGuiApplication.clipboard().text() == "تنظيم داعش\t5\t15\tACTOR"
    relabel = next(a for a in menu.actions() if a.text() == "Label").menu()
    location = next(a for a in relabel.actions() if "Location" in a.text())
    location.trigger()
    assert window.session.project.spans.get(actor.id).label == "LOCATION"
    delete = next(a for a in window.annotating.menu_for(actor.id).actions() if a.text() == "Delete")
    delete.trigger()
    assert [s.label for s in window.session.spans] == ["EVENT"]


def test_a_right_click_on_selected_text_offers_the_labels(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    start = TEXT.index("الثردات")
    select(window, start, start + len("الثردات"))
    menu = window.annotating.menu_for(None)
    marks = next(a for a in menu.actions() if a.text() == "Mark as").menu()
    next(a for a in marks.actions() if "Location" in a.text()).trigger()
    assert [(s.text, s.label) for s in window.session.spans] == [("الثردات", "LOCATION")]
    window.text_view.clear_selection()
    assert window.annotating.menu_for(None) is None  # nothing under the pointer, nothing chosen


def test_an_events_menu_starts_linking_and_discussing(qtbot, make_window):
    window = make_window([{"text": TEXT, "label": [[0, 4, "EVENT"]]}])
    (word,) = window.session.spans
    (event,) = window.session.events
    menu = window.annotating.menu_for(word.id)
    next(a for a in menu.actions() if a.text() == "Link an argument…").trigger()
    assert window.session.linking_from == event.id
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)
    next(a for a in menu.actions() if a.text() == "Discuss…").trigger()
    assert window.side_tabs.currentWidget() is window.discussion
