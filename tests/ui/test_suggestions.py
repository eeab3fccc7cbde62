"""Suggestions in a real window over a real project, with real training on small data:
outlined (never filled, never spans), judged with keys, undone, remembered, and trained in
the background while the window answers."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.ops import suggest_verdicts
from annotator.ui.main_window import MainWindow
from tests.suggest.sentences import reports

UNSEEN = "وصلت قوات الجيش إلى حلب ثم دمشق، وقالت سانا إن حمص هادئة."


def corpus(annotated: int = 3, repeat: int = 1) -> list[dict]:
    records = reports(annotated, repeat)
    records.append({"name": "new", "text": UNSEEN})
    records.append({"name": "other", "text": "خبر آخر عن الطقس في المنطقة."})
    return records


def open_with_suggestions(qtbot, make_window, which: str = "dictionary"):
    window = make_window(corpus(), schema="ner")
    suggesting = window.suggesting
    suggesting.start("samira", which)
    qtbot.waitUntil(lambda: not suggesting.training(), timeout=20000)
    show(window, "new")
    return window


def show(window: MainWindow, name: str) -> None:
    project = window.session.project
    (document,) = [d for d in project.documents.iter_all() if d.name == name]
    window.session.show_document(document.id)
    window.text_view.repaint()


def outlined(window) -> list[tuple[str, str]]:
    window.text_view.repaint()
    text = window.session.text
    return [(text[o.start : o.end], o.label) for o in window.text_view.drawn_outlines]


def stored(window) -> list[tuple[str, str]]:
    spans = window.session.project.spans.for_document(window.session.document_id, "samira")
    return sorted((s.text, s.label) for s in spans)


def key(qtbot, window, which, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.text_view, which, modifier)


def choose(qtbot, window, words: str) -> None:
    """F4 until the chosen suggestion covers ``words``."""
    for _ in range(len(window.suggesting.shown) + 1):
        key(qtbot, window, Qt.Key.Key_F4)
        found = window.suggesting.chosen()
        if found is not None and found.text == words:
            return
    raise AssertionError(f"no suggestion over {words}")


def near(color: QColor, other: QColor) -> bool:
    pairs = zip(color.getRgb()[:3], other.getRgb()[:3], strict=True)
    return all(abs(a - b) < 40 for a, b in pairs)


def test_suggestions_are_outlines_where_the_names_are_and_never_spans(qtbot, make_window):
    window = open_with_suggestions(qtbot, make_window)
    assert sorted(outlined(window)) == sorted(
        [("الجيش", "ORG"), ("حلب", "LOC"), ("دمشق", "LOC"), ("سانا", "ORG"), ("حمص", "LOC")]
    )
    assert window.session.spans == [] and stored(window) == []
    assert window.annotations.spans_model.rowCount() == 0
    image = window.text_view.viewport().grab().toImage()
    (army,) = [o for o in window.text_view.drawn_outlines if o.label == "ORG" and o.start < 20]
    box = army.rects[0].toRect()
    ink = QColor(window.session.colors["ORG"]).darker(110)
    edge = sum(near(image.pixelColor(x, box.top()), ink) for x in range(box.left(), box.right()))
    middle = box.center()
    inside = [image.pixelColor(x, middle.y()) for x in range(box.left() + 4, box.right() - 4)]
    assert edge > box.width() // 2  # the outline is drawn in the label's colour
    assert not any(near(c, QColor(window.session.colors["ORG"])) for c in inside)  # no fill


def test_enter_a_label_key_backspace_and_accept_all_are_undoable(qtbot, make_window):
    window = open_with_suggestions(qtbot, make_window)
    choose(qtbot, window, "الجيش")
    key(qtbot, window, Qt.Key.Key_Return)
    assert stored(window) == [("الجيش", "ORG")]
    assert ("الجيش", "ORG") not in outlined(window)  # hidden under the span it became
    choose(qtbot, window, "سانا")
    key(qtbot, window, Qt.Key.Key_1)  # PER's key: accepted with that label
    assert ("سانا", "PER") in stored(window)
    choose(qtbot, window, "حمص")
    key(qtbot, window, Qt.Key.Key_Backspace)
    assert ("حمص", "LOC") not in outlined(window)
    assert ("حمص", "LOC") not in stored(window)
    window.session.undo_group.undo()  # the rejection
    assert ("حمص", "LOC") in outlined(window)
    choose(qtbot, window, "حلب")
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == sorted(
        [("الجيش", "ORG"), ("سانا", "PER"), ("حلب", "LOC"), ("دمشق", "LOC"), ("حمص", "LOC")]
    )
    assert outlined(window) == []
    window.session.undo_group.undo()  # accept all, in one step
    assert stored(window) == sorted([("الجيش", "ORG"), ("سانا", "PER")])
    assert sorted(outlined(window)) == [("حلب", "LOC"), ("حمص", "LOC"), ("دمشق", "LOC")]
    window.session.undo_group.undo()
    window.session.undo_group.undo()
    assert stored(window) == []
    assert len(outlined(window)) == 5
    window.session.undo_group.redo()
    assert stored(window) == [("الجيش", "ORG")]


def test_a_rejection_is_remembered_after_reopening_and_counts_against_precision(
    qtbot, make_window, settings
):
    window = open_with_suggestions(qtbot, make_window)
    choose(qtbot, window, "حمص")
    key(qtbot, window, Qt.Key.Key_Backspace)
    choose(qtbot, window, "حلب")
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.suggestions_panel.rows() == [("dictionary", "1", "1", "50%")]
    folder = window.session.project.folder
    window.close()
    again = MainWindow(settings, "samira")
    qtbot.addWidget(again)
    again.open_project(folder)
    again.show()
    again.suggesting.start("samira", "dictionary")
    qtbot.waitUntil(lambda: not again.suggesting.training(), timeout=20000)
    show(again, "new")
    assert sorted(outlined(again)) == [("الجيش", "ORG"), ("دمشق", "LOC"), ("سانا", "ORG")]


def test_another_document_leaves_no_outline_of_the_old_one(qtbot, make_window):
    window = open_with_suggestions(qtbot, make_window)
    assert outlined(window)
    choose(qtbot, window, "حلب")
    show(window, "other")
    assert outlined(window) == [] and window.text_view.suggestions == []
    assert window.suggesting.chosen() is None
    image = window.text_view.viewport().grab().toImage()
    ink = QColor(window.session.colors["LOC"]).darker(110)
    rect = window.text_view.viewport().rect()
    assert not any(
        near(image.pixelColor(x, y), ink)
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), min(rect.bottom(), 200), 2)
    )
    show(window, "a0")  # annotated: every suggestion lies under a span
    assert outlined(window) == []


def test_training_runs_in_the_background_while_the_window_answers(qtbot, make_window, monkeypatch):
    window = make_window(corpus(annotated=4, repeat=2), schema="ner")
    release = threading.Event()
    real = suggest_verdicts.train

    def slow(*args):
        assert release.wait(20)
        return real(*args)

    monkeypatch.setattr(suggest_verdicts, "train", slow)
    window.suggesting.start("samira", "all")
    assert window.suggesting.training()
    show(window, "new")  # the window answers while the model learns
    assert window.session.document.name == "new" and outlined(window) == []
    release.set()
    qtbot.waitUntil(lambda: not window.suggesting.training(), timeout=30000)
    assert window.suggestions_panel.status.text().startswith("Learned")
    assert {s.recommender for s in window.suggesting.found} <= {"crf", "dictionary"}
    assert outlined(window)
