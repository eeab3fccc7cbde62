"""What a new user tripped on in the window, each checked as they would check it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QTextLayout
from PySide6.QtWidgets import QStyle

from annotator.ui.app import data_folder
from annotator.ui.find_bar import FindBar
from tests.ui.painted import expected, painted
from tests.ui.test_incomplete_marks import open_sample
from tests.ui.test_window import press, select

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات وقتل 5 جنود"
CTRL = Qt.KeyboardModifier.ControlModifier


def at(word: str, label: str) -> list:
    start = TEXT.index(word)
    return [start, start + len(word), label]


def test_after_redo_the_span_is_selected_everywhere(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    start = TEXT.index("الجيش")
    select(window, start, start + len("الجيش"))
    press(qtbot, window, Qt.Key.Key_1)
    (span,) = window.session.spans
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.session.spans == [] and window.coding.title.text() == "Select a span to code it."
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.selected == span.id
    assert window.text_view.highlighter.selected == span.id  # drawn selected
    assert "الجيش" in window.coding.title.text()  # the coding panel shows it
    rows = window.annotations.selectionModel().selectedRows()
    assert [window.annotations.spans_model.spans[r.row()].id for r in rows] == [span.id]


def test_the_undo_menu_names_the_label_and_the_text(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    start = TEXT.index("الجيش")
    select(window, start, start + len("الجيش"))
    press(qtbot, window, Qt.Key.Key_1)
    assert window.menu_actions.undo.text() == "&Undo Mark Actor \u2068«الجيش»\u2069"
    press(qtbot, window, Qt.Key.Key_2)
    assert window.menu_actions.undo.text() == "&Undo Relabel Actor \u2068«الجيش»\u2069 as Location"


def test_the_review_button_says_review_in_and_out_of_review_mode(qtbot, make_window):
    window = make_window([{"text": TEXT, "label": [at("الجيش", "ACTOR")]}])
    button = window.menu_actions.review_button
    assert button.text() == "Review"
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    assert not window.review.active and button.text() == "Review"


def test_a_long_document_has_no_horizontal_scrollbar(qtbot, make_window):
    long = "\n".join(f"{TEXT} {'ـ' * 3} 2359 ISIS" * 4 for _ in range(60))
    window = make_window([{"text": long}])
    assert not window.text_view.horizontalScrollBar().isVisible()
    assert window.text_view.verticalScrollBar().isVisible()


def test_the_sample_and_settings_live_in_one_annotator_folder():
    folder = data_folder()
    assert folder.name == "annotator" and folder.parent.name != "annotator"


def test_the_find_bar_keeps_its_arabic_pairs_in_order():
    """Each pair is isolated: on an English line the pairs follow each other left to right,
    and each reads as Arabic."""
    bar = FindBar()
    text = bar.field.placeholderText()
    layout = QTextLayout(text)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    x = {letter: line.cursorToX(text.index(letter))[0] for letter in "أةى"}
    assert x["أ"] < x["ة"] < x["ى"]


def test_the_search_placeholder_fits_its_box(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    window.open_search()
    field = window.search.field
    room = field.width() - 2 * field.style().pixelMetric(
        field.style().PixelMetric.PM_DefaultFrameWidth
    )
    assert field.fontMetrics().horizontalAdvance(field.placeholderText()) < room


def test_spans_missing_required_coding_are_marked_in_the_list_and_the_text(qtbot, make_window):
    window = make_window([{"text": TEXT, "label": [at("هاجم", "EVENT"), at("الجيش", "ACTOR")]}])
    model = window.annotations.spans_model
    rows = {model.spans[r].text: r for r in range(model.rowCount())}
    coding = model.index(rows["هاجم"], 2)
    assert model.data(coding).startswith("⚠") and "event_type" in model.data(coding)
    assert model.data(coding, Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")
    window.text_view.viewport().repaint()
    bars = {b.span_id: b for b in window.text_view.drawn_bars}
    event = next(s for s in window.session.spans if s.label == "EVENT")
    actor = next(s for s in window.session.spans if s.label == "ACTOR")
    assert bars[event.id].incomplete and not bars[actor.id].incomplete
    assert "⚠" in window.text_view.tooltip_for([event])


def unreadable(table) -> list[str]:
    """What of ``table`` cannot be read whole where it is shown: a title wider than its
    column, a word wider than its cell, text wrapped taller than its row."""
    model, header, metrics = table.model(), table.horizontalHeader(), table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    margins = 2 * (margin + 1)  # a cell's text inside its frame
    found = []
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        width = header.sectionSize(column)
        if header.sectionSizeHint(column) > width:
            found.append(f"the title {title!r} in {width}px")
        inside = QRect(0, 0, width - margins, 10_000)
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            needed = metrics.boundingRect(inside, Qt.TextFlag.TextWordWrap, text)
            if needed.width() > inside.width() or needed.height() > table.rowHeight(row):
                found.append(f"{title} «{text}»: needs {needed.size()}, has {width}px")
    return found


def test_the_coding_panel_has_room_at_1280_by_800(qtbot, tmp_path, settings):
    """On the sample project at 1280×800: the coding panel's fields, the annotations'
    coding column, and every column of the events table are read without scrolling."""
    window = open_sample(qtbot, tmp_path / "sample", settings)
    qtbot.wait(50)
    word = next(s for s in window.session.spans if s.text == "اشتباكات عنيفة")
    window.session.select(word.id)
    panel = window.coding
    assert panel.height() >= 300
    editors = list(panel.editors.values())
    assert editors and all(editor.width() >= 150 for editor in editors)
    table = window.annotations
    coding_column = table.horizontalHeader().sectionSize(2)
    assert coding_column >= 120 and not table.horizontalScrollBar().isVisible()
    window.side_tabs.setCurrentWidget(window.events_panel)
    events = window.events_panel.table
    qtbot.waitUntil(events.isVisible)
    model = events.model()  # type, word, actors 1 and 2, location, date, fatalities
    assert model.columnCount() == 7 and model.rowCount() == 2
    assert model.index(0, 4).data() == "بلدة تل السنابل"  # the place of the first clash
    assert not events.horizontalScrollBar().isVisible()
    assert events.horizontalHeader().length() <= events.viewport().width()
    assert unreadable(events) == []


def test_a_location_nested_in_a_selected_event_keeps_its_colour(qtbot, make_window):
    phrase = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات"
    window = make_window(
        [{"text": TEXT, "label": [at(phrase, "EVENT"), at("الثردات", "LOCATION")]}]
    )
    event = next(s for s in window.session.spans if s.label == "EVENT")
    window.session.select(event.id)
    colors = window.session.colors
    looks = painted(window.text_view)
    place = TEXT.index("الثردات")
    shown = QColor(looks[place].background)
    assert (
        shown.rgb() == QColor(colors["LOCATION"]).rgb()
    )  # the place's own colour, not the event's
    assert looks[0].foreground == "#ffffffff"  # the event itself drawn strong
    wanted = expected(TEXT, window.session.spans, colors, event.id)
    assert {o: looks.get(o) for o in wanted} == wanted


def test_a_span_nested_in_one_of_the_same_label_is_darker_and_has_its_own_bar(qtbot, make_window):
    window = make_window(
        [{"text": TEXT, "label": [at("منطقة الثردات", "LOCATION"), at("الثردات", "LOCATION")]}]
    )
    looks = painted(window.text_view)
    outer, inner = TEXT.index("منطقة"), TEXT.index("الثردات")
    assert QColor(looks[inner].background).alpha() > QColor(looks[outer].background).alpha() + 30
    window.text_view.viewport().repaint()
    rows = {b.span_id: b.row for b in window.text_view.drawn_bars}
    by_text = {s.text: s.id for s in window.session.spans}
    assert rows[by_text["منطقة الثردات"]] > rows[by_text["الثردات"]]


def test_review_mode_is_read_without_scrolling_sideways_at_1280_by_800(qtbot, tmp_path, settings):
    """The review order's document list and the disagreements of the worst document: every
    name, figure and difference read whole at 1280×800; who annotated a document is said
    when the pointer rests on it."""
    window = open_sample(qtbot, tmp_path / "sample", settings)
    window.toggle_review(True)
    listing, table = window.documents.view, window.review.view.table
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() > 0)
    qtbot.wait(50)
    for shown in (listing, table):
        assert not shown.horizontalScrollBar().isVisible()
        assert shown.horizontalHeader().length() <= shown.viewport().width()
        assert unreadable(shown) == []
    model = listing.model()
    assert model.rowCount() >= 2
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Document", "Exact\nF1", "Overlap\nF1"
    ]  # fmt: skip
    assert "annotated by huda, omar" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    kinds = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert "event coding" in kinds  # the coded events the sample's annotators disagree on
