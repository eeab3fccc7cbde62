"""Word boundaries in the window: a double-click follows the same proclitic rule as a drag,
and keys move a span's edges by a letter or a proclitic, the way the arrow points."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from annotator.core.schema import load_preset
from tests.ui.conftest import utf16
from tests.ui.test_window import select

TEXT = (
    "اشتباكات بين الجيش ومسلحين من لواء الفجر قرب بلدة الشحيل بريف دير الزور\n"
    "وقتل 4 مسلحين في ريف المحافظة"
)
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def double_click(qtbot, window, word: str, inside: int = 2) -> str:
    """Double-click inside ``word`` and return the selected text."""
    view = window.text_view
    cursor = view.textCursor()
    cursor.setPosition(utf16(window.session.text, window.session.text.index(word) + inside))
    point = view.cursorRect(cursor).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    start, end = view.selection()
    return window.session.text[start:end]


def test_a_double_click_leaves_the_proclitic_out_as_a_drag_does(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    assert double_click(qtbot, window, "ومسلحين") == "مسلحين"
    assert double_click(qtbot, window, "بريف") == "ريف"
    assert double_click(qtbot, window, "بلدة") == "بلدة"  # ب here is the word's own letter
    qtbot.keyClick(window.text_view, Qt.Key.Key_2)
    assert [s.text for s in window.session.spans] == ["بلدة"]
    start = TEXT.index("ومسلحين")
    select(window, start, start + len("ومسلحين"))  # a drag over the whole word
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    assert "مسلحين" in [s.text for s in window.session.spans]


def test_a_double_click_keeps_the_proclitic_when_the_schema_includes_it(qtbot, make_window):
    window = make_window(
        [{"text": TEXT}], schema=replace(load_preset("conflict"), clitics="include")
    )
    assert double_click(qtbot, window, "ومسلحين") == "ومسلحين"


def mark(qtbot, window, word: str, key=Qt.Key.Key_2):
    start = window.session.text.index(word)
    select(window, start, start + len(word))
    qtbot.keyClick(window.text_view, key)
    return window.session.selected_span()


def test_alt_arrows_move_a_spans_edges_the_way_they_point(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    span = mark(qtbot, window, "دير الزور")
    view = window.text_view
    # right to left: the start is on the right, so Alt+Right takes in the letter before it
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)
    assert window.session.selected_span().text == "ف دير الزور"
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    assert window.session.selected_span().text == "دير الزور"
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT | SHIFT)  # the end, on the left, moves right
    assert window.session.selected_span().text == "دير الزو"
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT | SHIFT)
    stored = window.session.project.spans.get(span.id)
    assert (stored.text, stored.start) == ("دير الزور", TEXT.index("دير الزور"))
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # each move is one undoable edit
    assert window.session.selected_span().text == "دير الزو"
    assert window.session.selected == span.id


def test_ctrl_alt_arrows_take_in_or_leave_out_a_proclitic(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    mark(qtbot, window, "ريف دير الزور")
    view = window.text_view
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | ALT)
    assert window.session.selected_span().text == "بريف دير الزور"
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | ALT)  # nothing more to take in
    assert window.session.selected_span().text == "بريف دير الزور"
    assert "cannot move" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | ALT)
    assert window.session.selected_span().text == "ريف دير الزور"


def test_in_a_left_to_right_line_the_keys_mirror(qtbot, make_window):
    window = make_window([{"text": "Clashes near Deir ez-Zor today"}], schema="ner")
    mark(qtbot, window, "Deir ez-Zor", Qt.Key.Key_2)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Right, ALT)  # the start is on the left
    assert window.session.selected_span().text == "eir ez-Zor"
    qtbot.keyClick(window.text_view, Qt.Key.Key_Right, ALT | SHIFT)
    assert window.session.selected_span().text == "eir ez-Zor t"
