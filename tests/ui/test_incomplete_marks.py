"""A word is marked incomplete when what it answers for lacks required coding: an entity's
own attributes, an event word's events (never the word's own attributes), as ``annotator
check`` says it, on the sample project a new user opens."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.ops.checking import coding_gaps
from annotator.ops.sample import ensure_sample
from annotator.ui.main_window import MainWindow
from tests.ui.test_coding import choose

CLASHES = "اشتباكات عنيفة"
WARNING = QColor("#b00020")


def open_sample(qtbot, folder, settings) -> MainWindow:
    """The sample project in ``folder`` as samira opens it at 1280×800, on its first
    article (two clashes coded on «اشتباكات عنيفة»)."""
    window = MainWindow(settings, "samira")
    qtbot.addWidget(window)
    window.open_project(ensure_sample(folder, "samira"))
    window.resize(1280, 800)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


@pytest.fixture
def window(qtbot, tmp_path, settings):
    return open_sample(qtbot, tmp_path / "sample", settings)


def bars(view) -> dict[int, bool]:
    """Each painted bar's span id → whether it is drawn dashed (incomplete)."""
    view.viewport().repaint()
    return {bar.span_id: bar.incomplete for bar in view.drawn_bars}


def coding_cell(window, span):
    """The annotations table's coding cell of ``span``: its text and its colour."""
    model = window.annotations.spans_model
    index = model.index(model.row_of(span.id), 2)
    return index.data(), index.data(Qt.ItemDataRole.ForegroundRole)


def checked_gaps(window) -> set[tuple[int, int]]:
    """Where ``annotator check`` says the shown document's layer lacks coding."""
    session = window.session
    name = session.project.documents.name(session.document_id)
    return {
        (gap.start, gap.end)
        for gap in coding_gaps(session.project)
        if gap.document == name and gap.annotator == session.layer
    }


def test_a_word_whose_events_are_coded_is_not_marked_incomplete(window):
    session = window.session
    word = next(s for s in session.spans if s.text == CLASHES)
    on_word = [e for e in session.events if e.trigger == word.id]
    assert len(on_word) == 2 and all(e.attributes.get("event_type") for e in on_word)
    assert word.attributes == {}  # the coding is the events', not the word's
    drawn = bars(window.text_view)
    assert drawn[word.id] is False  # a solid bar
    assert "⚠" not in window.text_view.tooltip_for([word])
    text, color = coding_cell(window, word)
    assert "⚠" not in (text or "") and color != WARNING
    gaps = checked_gaps(window)
    assert (word.start, word.end) not in gaps
    for span in session.spans:  # the window and check mark the same words
        assert drawn[span.id] == ((span.start, span.end) in gaps), span.text


def test_another_event_without_its_type_marks_the_word_until_it_is_coded(qtbot, window):
    session = window.session
    word = next(s for s in session.spans if s.text == CLASHES)
    session.select(word.id)
    window.events_panel.another.click()  # a third event on the word, not coded yet
    event = session.selected_event()
    assert event.trigger == word.id and event.attributes == {}
    assert bars(window.text_view)[word.id] is True  # dashed
    assert "⚠ 'event_type' is required" in html.unescape(window.text_view.tooltip_for([word]))
    text, color = coding_cell(window, word)
    assert text == "⚠ 'event_type' is required; 'sub_event_type' is required"
    assert color == WARNING
    assert "'event_type' is required" in window.coding.problems.text()
    assert (word.start, word.end) in checked_gaps(window)

    choose(window.coding.editors["event_type"], "Battles")
    assert "'event_type' is required" not in window.coding.problems.text()
    assert bars(window.text_view)[word.id] is True  # its sub-type is still required
    assert coding_cell(window, word)[0] == "⚠ 'sub_event_type' is required"
    choose(window.coding.editors["sub_event_type"], "Armed clash")
    assert window.coding.problems.text() == ""
    assert bars(window.text_view)[word.id] is False
    assert coding_cell(window, word)[1] != WARNING
    assert (word.start, word.end) not in checked_gaps(window)


def test_review_marks_a_coded_event_word_as_complete_in_every_layer(qtbot, window):
    article = window.session.document_id  # where huda, omar and samira coded the clashes
    window.toggle_review(True)
    window.review.view.show_document(article)
    panes = {pane.layer: pane.view for pane in window.review.view.panes.panes}
    clashes = {s.annotator: s for s in window.review.view.spans if s.text.startswith("اشتباكات")}
    assert set(clashes) == {"huda", "omar", "samira"}
    for layer, word in clashes.items():
        qtbot.waitUntil(lambda view=panes[layer], word=word: word.id in bars(view))
        assert bars(panes[layer])[word.id] is False, layer  # every event on it is coded
