"""Discussion, guidelines, schema changes, backups and the session note, from the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from annotator.ops import discussing, schema_changes
from annotator.store import backups, locking
from annotator.store.project import Project
from tests.ui.test_window import press, select

TEXT = "قصفت طائرات مواقع في قرية المعماري"


def mark(qtbot, window, word, key):
    start = window.session.text.index(word)
    select(window, start, start + len(word))
    press(qtbot, window, key)
    return window.session.selected_span()


def test_a_discussion_on_a_span_and_the_open_threads_filter(qtbot, make_window):
    window = make_window([{"text": TEXT, "name": "a"}, {"text": "خبر آخر", "name": "b"}])
    span = mark(qtbot, window, "قرية المعماري", Qt.Key.Key_2)
    panel = window.discussion
    panel.body.setPlainText("قرية أم بلدة؟")
    panel.on_span.click()
    (thread,) = discussing.threads(window.session.project, window.session.document_id)
    assert thread.span_id == span.id and thread.comments[0].author == "samira"
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.body.setPlainText("قرية، بحسب المصدر")
    panel.reply_button.click()
    assert (
        len(discussing.threads(window.session.project, window.session.document_id)[0].comments) == 2
    )
    window.documents.open_threads.setChecked(True)
    assert window.documents.model.rowCount() == 1
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.resolve_button.click()
    assert discussing.threads(window.session.project, window.session.document_id)[0].resolved
    window.documents.open_threads.setChecked(False)
    window.documents.open_threads.setChecked(True)
    assert window.documents.model.rowCount() == 0


def test_the_guidelines_follow_the_selected_span(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    mark(qtbot, window, "طائرات", Qt.Key.Key_1)
    shown = []
    window.guidelines.show_label = shown.append
    mark(qtbot, window, "قرية المعماري", Qt.Key.Key_2)
    assert shown[-1] == "LOCATION"


def test_a_schema_change_made_elsewhere_reaches_the_palette(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    with Project.open(window.session.project.folder) as other:
        schema_changes.rename_label(other, "lead", "ACTOR", "PERPETRATOR")
    qtbot.waitUntil(lambda: "PERPETRATOR" in window.palette_panel.buttons, timeout=5000)
    assert "ACTOR" not in window.palette_panel.buttons


def test_a_backup_is_restored_from_the_window(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    folder = window.session.project.folder
    backups.create(folder)
    mark(qtbot, window, "طائرات", Qt.Key.Key_1)
    assert len(window.text_view.spans) == 1
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kw: (args[3][-1], True))
    window.restore()
    assert window.session.project is not None and window.text_view.spans == []
    with Project.open(folder) as project:
        assert project.spans.count() == 0


def test_a_window_notes_that_it_has_the_project_and_removes_the_note_on_close(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    folder = window.session.project.folder
    (session,) = locking.sessions(folder)
    assert session.here and session.annotator == "samira"
    window.close()
    assert locking.sessions(folder) == []


def test_the_history_of_a_span_shows_who_changed_it(qtbot, make_window):
    window = make_window([{"text": TEXT}])
    span = mark(qtbot, window, "طائرات", Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_2)  # relabel the selected span: its history follows
    assert window.session.selected == span.id
    rows = [
        [window.history.item(r, c).text() for c in range(4)]
        for r in range(window.history.rowCount())
    ]
    assert [row[1:3] for row in rows] == [["samira", "create"], ["samira", "update"]]
    assert "ACTOR" in rows[1][3] and "LOCATION" in rows[1][3]


def test_invisible_characters_are_shown_on_request(qtbot, make_window):
    from PySide6.QtGui import QTextOption

    window = make_window([{"text": "قال\u200f المصدر إن ISIS\u200e هاجم"}])
    flag = QTextOption.Flag.ShowDefaultIgnorables
    assert not window.text_view.document().defaultTextOption().flags() & flag
    qtbot.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.text_view.document().defaultTextOption().flags() & flag
    start = window.session.text.index("ISIS")
    select(window, start, start + 5)  # the LRM after it is inside the selection and the span
    window.menu_actions.snap.setChecked(False)
    press(qtbot, window, Qt.Key.Key_1)
    assert window.session.selected_span().text == "ISIS\u200e"
