"""Events in the window: several on one word, one with no word, their rows, their arguments,
their links drawn in the text, all undoable and saved at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.store.project import Project
from tests.ui.test_coding import mark, mark_event
from tests.ui.test_window import press

TEXT = "اندلعت اشتباكات عنيفة بين قوات الحكومة وتنظيم داعش في الثردات والميادين"


def rows(window) -> list[dict[str, str]]:
    """The events panel as it reads: a dict of column title → cell text per row."""
    model = window.events_panel.table.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {titles[c]: model.index(r, c).data() for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def selected_row(window) -> int | None:
    chosen = window.events_panel.table.selectionModel().selectedRows()
    return chosen[0].row() if chosen else None


def click_row(qtbot, window, row: int) -> None:
    table = window.events_panel.table
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def link(qtbot, window, span, monkeypatch, role: str) -> None:
    """Ctrl+L, then a click on the span that fills ``role``."""
    monkeypatch.setattr(window.annotating.events, "choose_role", lambda roles, _span: role)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    window.text_view.spanClicked.emit(span.id)


def undo(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def drawn(window) -> list[tuple[str, str]]:
    """The links painted in the text: (role, the argument's words)."""
    window.text_view.repaint()
    return [(k.role, window.session.span(k.argument).text) for k in window.text_view.drawn_links]


def on_disk(window) -> Project:
    return Project.open(window.session.project.folder)


def test_two_events_on_one_word_are_two_rows_each_with_its_own_place(
    qtbot, make_window, monkeypatch
):
    window = make_window([{"text": TEXT}])
    government = mark(qtbot, window, "قوات الحكومة", Qt.Key.Key_1)
    thardat = mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    mayadin = mark(qtbot, window, "الميادين", Qt.Key.Key_2)
    first = mark_event(qtbot, window, "اشتباكات")
    link(qtbot, window, government, monkeypatch, "actor1")
    link(qtbot, window, thardat, monkeypatch, "location")
    press(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # another, same word
    second = window.session.selected_event()
    assert second.id != first.id and second.trigger == first.trigger
    assert selected_row(window) == 1  # the new event's row is the one selected
    link(qtbot, window, government, monkeypatch, "actor1")
    link(qtbot, window, mayadin, monkeypatch, "location")
    shown = rows(window)
    assert [(r["Word"], r["Actor 1"], r["Location"]) for r in shown] == [
        ("اشتباكات", "قوات الحكومة", "الثردات"),
        ("اشتباكات", "قوات الحكومة", "الميادين"),
    ]
    assert all(r["Type"].startswith("⚠") for r in shown)  # not coded yet, and it says so
    assert drawn(window) == [("actor1", "قوات الحكومة"), ("location", "الميادين")]
    click_row(qtbot, window, 0)
    assert window.session.selected_event().id == first.id
    assert window.session.selected == first.trigger  # the text follows: its word is selected
    assert drawn(window) == [("actor1", "قوات الحكومة"), ("location", "الثردات")]
    assert window.coding.title.text().endswith("«اشتباكات»\u2069")
    with on_disk(window) as other:  # saved at once
        stored = other.events.on_trigger(first.trigger)
        assert [[(a.role, a.span) for a in e.arguments] for e in stored] == [
            [("actor1", government.id), ("location", thardat.id)],
            [("actor1", government.id), ("location", mayadin.id)],
        ]
    assert window.status.saved.text().startswith("Saved")


def test_the_rows_name_the_conflict_columns(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    mark_event(qtbot, window, "اشتباكات")
    model = window.events_panel.table.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles[:2] == ["Type", "Word"]
    assert {"Actor 1", "Actor 2", "Location", "Date", "Fatalities"} <= set(titles)
    panel = window.coding
    panel.editors["event_type"].setCurrentText("Battles")
    panel.editors["event_type"].activated.emit(panel.editors["event_type"].currentIndex())
    panel.editors["fatalities"].setText("12")
    panel.editors["fatalities"].editingFinished.emit()
    (row,) = rows(window)
    assert row["Type"] == "⚠ Battles"  # its sub-type is still required
    assert row["Fatalities"] == "12"


def test_an_event_with_no_word_gets_its_arguments_by_keyboard(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    place = mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    press(
        qtbot,
        window,
        Qt.Key.Key_J,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    event = window.session.selected_event()
    assert event is not None and event.trigger is None
    assert window.session.selected is None  # no word to select
    assert [(r["Word"], r["Location"]) for r in rows(window)] == [("—", "")]
    assert window.coding.title.text().endswith("with no word")
    monkeypatch.setattr(window.annotating.events, "choose_role", lambda roles, _span: "location")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    annotations = window.annotations
    row = annotations.spans_model.row_of(place.id)
    annotations.activated.emit(annotations.spans_model.index(row, 0))  # Enter on its row
    assert [(r["Word"], r["Location"]) for r in rows(window)] == [("—", "الثردات")]
    assert drawn(window) == []  # nothing to draw from: the argument is marked instead
    marked = [(s.cursor.selectionStart(), s.cursor.selectionEnd())
              for s in window.text_view.extraSelections()]  # fmt: skip
    assert len(marked) == 1
    with on_disk(window) as other:
        (stored,) = other.events.for_document(window.session.document_id)
        assert stored.trigger is None and [a.span for a in stored.arguments] == [place.id]


def test_deleting_events_and_their_word_is_undone_exactly(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    place = mark(qtbot, window, "الثردات", Qt.Key.Key_2)
    first = mark_event(qtbot, window, "اشتباكات")
    link(qtbot, window, place, monkeypatch, "location")
    press(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    second = window.session.selected_event()
    window.events_panel.delete.click()  # the selected event: the second
    assert [e.id for e in window.session.events] == [first.id]
    assert len(rows(window)) == 1
    undo(qtbot, window)
    assert [e.id for e in window.session.events] == [first.id, second.id]
    window.session.select_event(first.id)
    press(qtbot, window, Qt.Key.Key_Delete)  # the word itself: both its events go with it
    assert window.session.events == [] and rows(window) == []
    with on_disk(window) as other:
        assert other.events.for_document(window.session.document_id) == []
    undo(qtbot, window)
    assert [e.id for e in window.session.events] == [first.id, second.id]
    assert [r["Location"] for r in rows(window)] == ["الثردات", ""]
    window.session.select_event(first.id)
    assert drawn(window) == [("location", "الثردات")]


def test_the_links_are_painted_in_the_events_colour(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    place = mark(qtbot, window, "الميادين", Qt.Key.Key_2)
    mark_event(qtbot, window, "اشتباكات")
    link(qtbot, window, place, monkeypatch, "location")
    image = window.text_view.viewport().grab().toImage()
    (painted,) = window.text_view.drawn_links
    ink = QColor(window.session.colors["EVENT"]).darker(160)
    box = painted.name_rect.toRect().adjusted(1, 1, -1, -1)
    inked = sum(
        1
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
        if _near(image.pixelColor(x, y), ink)
    )
    assert inked > 10  # the role's name is written there, in the event's ink
    window.session.select(place.id)  # another selection: the links go
    assert drawn(window) == []
    image = window.text_view.viewport().grab().toImage()
    assert not any(
        _near(image.pixelColor(x, y), ink)
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
    )


def _near(color: QColor, other: QColor) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(color.getRgb()[:3], other.getRgb()[:3], strict=True))


def test_the_event_made_while_the_list_was_hidden_is_in_view_when_it_is_shown(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    window.side_tabs.setCurrentWidget(window.annotations)  # the events list hidden
    mark_event(qtbot, window, "اشتباكات")
    for _ in range(30):  # more rows than the list shows
        window.annotating.events.new_event_here()
    last = len(rows(window)) - 1
    assert selected_row(window) == last
    window.side_tabs.setCurrentWidget(window.events_panel)
    table = window.events_panel.table
    qtbot.waitUntil(lambda: table.viewport().rect().contains(
        table.visualRect(table.model().index(last, 0))), timeout=2000)  # fmt: skip
    assert table.visualRect(table.model().index(0, 0)).bottom() < 0  # it scrolled to get there


def test_the_span_marked_while_the_spans_list_was_hidden_is_in_view_when_it_is_shown(
    qtbot, make_window
):
    words = TEXT.split() * 8
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:n]) for n in range(len(words))]
    marked = [[s, s + len(w), "ACTOR"] for s, w in zip(starts[:-1], words, strict=False)]
    window = make_window([{"text": text, "label": marked}])  # all but the last word marked
    window.side_tabs.setCurrentWidget(window.events_panel)  # the spans list hidden
    mark(qtbot, window, words[-1], Qt.Key.Key_2, occurrence=8)
    table = window.annotations
    (chosen,) = table.selectionModel().selectedRows()
    assert chosen.row() == len(words) - 1
    window.side_tabs.setCurrentWidget(table)
    qtbot.waitUntil(
        lambda: table.viewport().rect().contains(table.visualRect(chosen)), timeout=2000
    )
    assert table.visualRect(table.model().index(0, 0)).bottom() < 0  # it scrolled to get there
