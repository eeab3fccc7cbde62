"""The annotation window, driven as an annotator drives it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from annotator.core.model import Status
from annotator.store.project import Project
from tests.ui.conftest import utf16

MIXED = (
    "«قسد» تسيطر 😀 على حقول الجفرة\n"
    "قال المتحدث 👨\u200d👩\u200d👧 إن الجيـــش قتل 2359 مسلحاً من ISIS قرب الميادين\n"
    "English line about Deir ez-Zor 🇸🇾 and «قسد»."
)


def select(window, start: int, end: int) -> None:
    """Select characters [start, end) as a user would, through Qt positions."""
    view = window.text_view
    cursor = view.textCursor()
    cursor.setPosition(utf16(window.session.text, start))
    cursor.setPosition(utf16(window.session.text, end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def spans(window):
    return [
        (s.text, s.label)
        for s in window.session.project.spans.for_document(window.session.document_id, "samira")
    ]


def highlighted(window) -> set[int]:
    """Code-point offsets of every character the view paints with a span format."""
    text, found = window.session.text, set()
    block = window.text_view.document().begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            for unit in range(fmt_range.start, fmt_range.start + fmt_range.length):
                position = block.position() + unit
                offset = max(i for i in range(len(text) + 1) if utf16(text, i) <= position)
                found.add(offset)
        block = block.next()
    return found


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.text_view, key, modifier)


def test_a_label_key_marks_exactly_the_selected_characters_after_emoji(qtbot, make_window):
    window = make_window([{"text": MIXED, "name": "mixed"}])
    for word, key in (("حقول الجفرة", "2"), ("الجيـــش", "1"), ("2359 مسلحاً", "3"), ("ISIS", "1")):
        start = MIXED.index(word)
        select(window, start, start + len(word))
        qtbot.keyClicks(window.text_view, key)
    assert spans(window) == [("حقول الجفرة", "LOCATION"), ("الجيـــش", "ACTOR"),
                             ("2359 مسلحاً", "EVENT"), ("ISIS", "ACTOR")]  # fmt: skip
    for span in window.session.project.spans.for_document(window.session.document_id):
        assert MIXED[span.start : span.end] == span.text


def test_a_selection_across_paragraphs_and_crlf_text_keeps_its_characters(qtbot, make_window):
    raw = "سطر أول عن دير الزور\r\nسطر ثانٍ عن الحسكة 😀 والرقة\r\nEnd"
    window = make_window([{"text": raw}])
    assert window.session.text == raw.replace("\r\n", "\n")
    start = window.session.text.index("الزور")
    end = window.session.text.index("الحسكة") + len("الحسكة")
    select(window, start, end)
    press(qtbot, window, Qt.Key.Key_2)
    (span,) = window.session.project.spans.for_document(window.session.document_id)
    assert span.text == "الزور\nسطر ثانٍ عن الحسكة"
    start = window.session.text.index("والرقة") + 1  # after the proclitic و
    select(window, start, start + 3)
    press(qtbot, window, Qt.Key.Key_2)
    assert spans(window)[-1] == ("الرقة", "LOCATION")


def test_highlights_cover_the_same_characters_after_reopening(qtbot, make_window, settings):
    window = make_window([{"text": MIXED}])
    for word in ("«قسد»", "👨\u200d👩\u200d👧 إن", "Deir ez-Zor 🇸🇾"):
        start = MIXED.index(word)
        select(window, start, start + len(word))
        press(qtbot, window, Qt.Key.Key_1)
    expected = set()
    for span in window.session.project.spans.for_document(window.session.document_id):
        expected.update(range(span.start, span.end))
    folder = window.session.project.folder
    window.close()
    from annotator.ui.main_window import MainWindow

    again = MainWindow(settings, "samira")
    qtbot.addWidget(again)
    again.open_project(folder)
    assert highlighted(again) == expected
    assert {MIXED[s.start : s.end] for s in again.text_view.spans} == {
        "«قسد»", "👨\u200d👩\u200d👧 إن", "Deir ez-Zor 🇸🇾"
    }  # fmt: skip


def test_keyboard_selection_with_shift_and_arrows(qtbot, make_window):
    window = make_window([{"text": "قال مصدر عسكري إن الجيش تقدم"}])
    view = window.text_view
    cursor = view.textCursor()
    cursor.setPosition(utf16(window.session.text, window.session.text.index("الجيش")))
    view.setTextCursor(cursor)
    view.setFocus()
    for _ in range(len("الجيش")):  # in a right-to-left paragraph, Left moves forward
        press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, Qt.Key.Key_1)
    assert spans(window) == [("الجيش", "ACTOR")]


def test_selections_snap_to_whole_words_unless_switched_off(qtbot, make_window):
    window = make_window([{"text": "سيطرت القوات على حقول الجفرة النفطية"}])
    start = window.session.text.index("حقول") + 2
    select(window, start, window.session.text.index("الجفرة") + 2)
    press(qtbot, window, Qt.Key.Key_2)
    assert spans(window) == [("حقول الجفرة", "LOCATION")]
    window.menu_actions.snap.setChecked(False)
    assert window.settings.snap_to_words is False
    start = window.session.text.index("النفطية")
    select(window, start - 1, start + 3)  # a space and three letters
    press(qtbot, window, Qt.Key.Key_3)
    assert spans(window)[-1] == ("الن", "EVENT")


def test_nested_spans_stay_visible_and_each_can_be_clicked(qtbot, make_window):
    window = make_window([{"text": "هاجم تنظيم داعش الإرهابي مواقع الجيش"}])
    phrase = "هاجم تنظيم داعش"
    start = window.session.text.index(phrase)
    select(window, start, start + len(phrase))
    press(qtbot, window, Qt.Key.Key_3)
    inner = window.session.text.index("داعش")
    select(window, inner, inner + 4)
    press(qtbot, window, Qt.Key.Key_1)
    assert highlighted(window) == set(range(start, start + len(phrase)))
    view = window.text_view
    point = view.cursorRect(_cursor_at(view, utf16(window.session.text, inner + 2))).center()
    window.session.select(None)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selected_span().label == "ACTOR"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selected_span().label == "EVENT"
    tip = view.tooltip_for(view.spans_at(inner + 2))
    assert "ACTOR" in tip and "EVENT" in tip


def _cursor_at(view, position):
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return cursor


def test_delete_relabel_undo_and_redo(qtbot, make_window):
    window = make_window([{"text": "قصفت طائرات مواقع في قرية المعماري"}])
    start = window.session.text.index("قرية المعماري")
    select(window, start, start + len("قرية المعماري"))
    press(qtbot, window, Qt.Key.Key_2)
    span_id = window.session.selected
    press(qtbot, window, Qt.Key.Key_1)  # a label key on the selected span relabels it
    assert spans(window) == [("قرية المعماري", "ACTOR")]
    press(qtbot, window, Qt.Key.Key_Delete)
    assert spans(window) == []
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans(window) == [("قرية المعماري", "ACTOR")]
    assert window.session.project.spans.get(span_id).label == "ACTOR"  # the same span, back
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans(window) == [("قرية المعماري", "LOCATION")]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans(window) == []
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert spans(window) == [("قرية المعماري", "LOCATION")]
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert spans(window) == [("قرية المعماري", "ACTOR")]


def test_every_edit_is_on_disk_when_it_is_shown(qtbot, make_window):
    window = make_window([{"text": "قصفت طائرات مواقع في قرية المعماري"}])
    start = window.session.text.index("طائرات")
    select(window, start, start + 6)
    press(qtbot, window, Qt.Key.Key_1)
    assert window.status.saved.text().startswith("Saved")
    with Project.open(window.session.project.folder) as other:
        assert [s.text for s in other.spans.for_document(window.session.document_id, "samira")] == [
            "طائرات"
        ]


def test_find_then_escape_then_label_key_annotates_without_a_mouse(qtbot, make_window):
    window = make_window([{"text": "وصلت عائلات إلى الحسكة ثم غادرت الحسكه مساءً"}])
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.field.insert("الحسكة")  # typed through an input method: QTest types only ASCII
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)  # the second: ه for ة matches too
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.text_view.hasFocus()
    press(qtbot, window, Qt.Key.Key_2)
    (span,) = window.session.project.spans.for_document(window.session.document_id)
    assert span.text == "الحسكه" and span.start == window.session.text.rindex("الحسكه")


def test_done_and_next_then_page_keys(qtbot, make_window):
    window = make_window([{"text": f"خبر رقم {n}", "name": f"doc-{n}"} for n in range(1, 4)])
    first = window.session.document_id
    assert window.status.position.text() == "1 / 3"
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.progress.get(first, "samira") == Status.DONE
    assert window.status.position.text() == "2 / 3"
    assert window.documents.model.summary(0).status == Status.DONE
    qtbot.keyClick(window.text_view, Qt.Key.Key_PageDown)
    assert window.status.position.text() == "3 / 3"
    qtbot.keyClick(window.text_view, Qt.Key.Key_PageUp)
    qtbot.keyClick(window.text_view, Qt.Key.Key_PageUp)
    assert window.session.document_id == first


def test_required_attributes_are_flagged_before_done(qtbot, make_window, monkeypatch):
    window = make_window([{"text": "هاجم مسلحون نقطة عسكرية"}, {"text": "خبر آخر"}])
    start = window.session.text.index("هاجم")
    select(window, start, start + 4)
    press(qtbot, window, Qt.Key.Key_3)
    asked = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked and "event_type" in asked[0]
    assert window.session.project.progress.get(window.session.document_id, "samira") != Status.DONE


def test_zoom_is_remembered(qtbot, make_window, settings):
    window = make_window([{"text": "نص"}])
    size = window.text_view.font_size()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_view.font_size() == size + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_size == size + 1


def test_paragraph_direction_follows_each_paragraphs_text(qtbot, make_window):
    window = make_window([{"text": "«قسد» تسيطر على الجفرة\nThe SDF took «الجفرة»\n2359 قتيلاً"}])
    block = window.text_view.document().begin()
    seen = []
    while block.isValid():
        fmt = block.blockFormat()
        seen.append(
            (fmt.layoutDirection(), fmt.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
        )
        block = block.next()
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
    assert seen == [(rtl, right), (ltr, left), (rtl, right)]
    assert window.splitter.layoutDirection() == rtl  # panels mirror for right-to-left articles


def test_markup_in_an_article_is_shown_literally(qtbot, make_window):
    text = "نص فيه <b>وسم</b> و &amp; و <img src=x>"
    window = make_window([{"text": text}])
    assert window.text_view.toPlainText() == text


def test_annotations_panel_and_text_select_each_other(qtbot, make_window):
    window = make_window([{"text": "قصفت طائرات مواقع في قرية المعماري"}])
    for word, key in (("طائرات", Qt.Key.Key_1), ("قرية المعماري", Qt.Key.Key_2)):
        start = window.session.text.index(word)
        select(window, start, start + len(word))
        press(qtbot, window, key)
    panel = window.annotations
    assert [s.text for s in panel.spans_model.spans] == ["طائرات", "قرية المعماري"]
    for row, word in ((0, "طائرات"), (1, "قرية المعماري")):
        rect = panel.visualRect(panel.spans_model.index(row, 1))
        qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.session.selected_span().text == word
    start = window.session.text.index("طائرات") + 2
    point = window.text_view.cursorRect(
        _cursor_at(window.text_view, utf16(window.session.text, start))
    )
    qtbot.mouseClick(window.text_view.viewport(), Qt.MouseButton.LeftButton, pos=point.center())
    assert panel.selectionModel().selectedIndexes()[0].row() == 0


def test_switching_annotator_shows_their_own_layer(qtbot, make_window, monkeypatch):
    window = make_window([{"text": "قصفت طائرات", "label": [[5, 11, "ACTOR"]]}], annotator="samira")
    assert [s.text for s in window.text_view.spans] == ["طائرات"]
    offered = []

    def choose(_parent, _title, _prompt, names, current, editable):
        offered.append((list(names), names[current], editable))
        return "omar", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    window.switch_annotator()
    assert offered == [(["samira"], "samira", True)]  # the project's annotators, or a new name
    assert window.text_view.spans == []
    assert "omar" in window.status.who.text()
    assert window.settings.annotator == "omar"


def test_changes_made_by_another_process_appear_in_the_window(qtbot, make_window, tmp_path):
    import json
    import subprocess
    import sys

    text = "قصفت طائرات مواقع في قرية المعماري"
    window = make_window([{"text": text}])
    record = {"text": text, "label": [[text.index("قرية"), len(text), "LOCATION"]]}
    coded = tmp_path / "from-elsewhere.jsonl"
    coded.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    folder = str(window.session.project.folder)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", folder, str(coded), "--annotator", "samira"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(
        lambda: [s.text for s in window.text_view.spans] == ["قرية المعماري"], timeout=5000
    )
    assert window.documents.model.summary(0).spans == 1
    assert window.status.spans.text() == "1 span"


def test_a_long_document_paints_spans_as_they_scroll_into_view(qtbot, make_window):
    paragraphs = [f"الفقرة رقم {n} عن دير الزور والحسكة" for n in range(400)]
    text = "\n".join(paragraphs)
    last = text.rindex("دير الزور")
    window = make_window([{"text": text, "label": [[last, last + 9, "LOCATION"]]}])
    assert last not in highlighted(window)  # far below the screen: not formatted yet
    bar = window.text_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert highlighted(window) == set(range(last, last + 9))
