"""Review in the window: layers side by side, disagreements by key, accepting into gold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.model import GOLD
from annotator.ops import reviewing

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات وقتل 5 جنود"


def at(word, label):
    start = TEXT.index(word)
    return [start, start + len(word), label]


# samira and omar agree on the army; disagree on the boundary of the attacker, and omar
# misses the place; the second document they agree on entirely.
SAMIRA = [at("تنظيم داعش", "ACTOR"), at("الجيش", "ACTOR"), at("الثردات", "LOCATION")]
OMAR = [at("داعش", "ACTOR"), at("الجيش", "ACTOR")]
OTHER = "خبر آخر عن دير الزور"
PAIR = ("samira", "omar")


def records():
    return [
        {"text": OTHER, "name": "agreed", "annotations": [
            {"start": 11, "end": 20, "label": "LOCATION", "annotator": a} for a in PAIR
        ]},
        {"text": TEXT, "name": "disputed", "annotations": [
            *({"start": s, "end": e, "label": lab, "annotator": "samira"} for s, e, lab in SAMIRA),
            *({"start": s, "end": e, "label": lab, "annotator": "omar"} for s, e, lab in OMAR),
        ]},
    ]  # fmt: skip


def review(qtbot, make_window):
    window = make_window(records(), annotator="lead")
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.review.active and window.center.currentWidget() is window.review.view
    return window


def test_review_mode_lists_the_worst_documents_first_and_shows_the_layers(qtbot, make_window):
    window = review(qtbot, make_window)
    model = window.documents.model
    assert [model.documents[row].name for row in range(model.rowCount())] == ["disputed", "agreed"]
    assert window.documents.model.row_of(window.session.document_id) == 0  # the worst is opened
    view = window.review.view
    assert [pane.layer for pane in view.panes.panes] == ["omar", "samira", GOLD]
    omar = view.panes.pane("omar").view
    assert sorted(s.text for s in omar.spans) == ["الجيش", "داعش"]
    kinds = [item.kind for item in view.model.items]
    assert sorted(kinds) == ["boundary", "missing"]
    marked = {
        (sel.cursor.selectionStart(), sel.cursor.selectionEnd())
        for sel in view.panes.pane("samira").view.extraSelections()
    }
    assert len(marked) == 2  # the disputed actor and the missing place are marked


def test_f8_walks_the_disagreements_and_a_number_accepts_that_version(qtbot, make_window):
    window = review(qtbot, make_window)
    view = window.review.view
    first = view.current
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert view.current == (first + 1) % len(view.model.items)
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current == first
    boundary = next(i for i, item in enumerate(view.model.items) if item.kind == "boundary")
    view.go_to(boundary)
    number = view.layers.index("samira") + 1
    view.table.setFocus()
    qtbot.keyClick(view.table, getattr(Qt.Key, f"Key_{number}"))
    (gold,) = window.session.project.spans.for_document(window.session.document_id, GOLD)
    assert (gold.text, gold.label) == ("تنظيم داعش", "ACTOR")
    assert gold.provenance["adjudicator"] == "lead"
    assert [f["annotator"] for f in gold.provenance["from"]] == ["samira"]
    assert [s.text for s in view.panes.pane(GOLD).view.spans] == ["تنظيم داعش"]
    other = view.layers.index("omar") + 1  # changing one's mind replaces the gold version
    view.go_to(boundary)
    qtbot.keyClick(view.table, getattr(Qt.Key, f"Key_{other}"))
    assert [
        s.text for s in window.session.project.spans.for_document(window.session.document_id, GOLD)
    ] == ["داعش"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [
        s.text for s in window.session.project.spans.for_document(window.session.document_id, GOLD)
    ] == ["تنظيم داعش"]


def test_a_clicked_span_is_accepted_with_a(qtbot, make_window):
    window = review(qtbot, make_window)
    view = window.review.view
    pane = view.panes.pane("samira").view
    place = next(s for s in pane.spans if s.text == "الثردات")
    pane.spanClicked.emit(place.id)
    qtbot.keyClick(pane, Qt.Key.Key_A)
    assert [
        s.text for s in window.session.project.spans.for_document(window.session.document_id, GOLD)
    ] == ["الثردات"]


def test_gold_is_edited_like_any_layer(qtbot, make_window):
    window = review(qtbot, make_window)
    gold = window.review.view.panes.pane(GOLD).view
    start = TEXT.index("منطقة")
    cursor = gold.textCursor()
    cursor.setPosition(gold.positions.qt(start))
    cursor.setPosition(gold.positions.qt(start + 5), cursor.MoveMode.KeepAnchor)
    gold.setTextCursor(cursor)
    qtbot.keyClick(gold, Qt.Key.Key_2)
    (span,) = window.session.project.spans.for_document(window.session.document_id, GOLD)
    assert (span.text, span.label) == ("منطقة", "LOCATION")
    entries = window.session.project.audit.for_span(span.id)
    assert entries[0].annotator == "lead"  # the reviewer made it, in the gold layer
    gold = window.review.view.panes.pane(GOLD).view
    gold.spanClicked.emit(span.id)
    qtbot.keyClick(gold, Qt.Key.Key_Delete)
    assert window.session.project.spans.for_document(window.session.document_id, GOLD) == []


def test_accept_all_agreed_fills_gold_with_what_everyone_marked(qtbot, make_window, monkeypatch):
    window = review(qtbot, make_window)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    window.review.view.accept_agreed_button.click()
    assert [
        s.text for s in window.session.project.spans.for_document(window.session.document_id, GOLD)
    ] == ["الجيش"]
    assert "1 agreed spans" in shown[0]


def test_the_dashboard_shows_the_figures_the_command_line_computes(qtbot, make_window):
    window = review(qtbot, make_window)
    dialog = window.review.dashboard()
    qtbot.addWidget(dialog)
    agreement = reviewing.agreement(window.session.project)
    (pair,) = agreement.pairs
    row = [dialog.pairs.item(0, c).text() for c in range(dialog.pairs.columnCount())]
    assert row[0] == " / ".join(pair.annotators)
    assert row[4] == f"{pair.exact.f1:.3f}" and row[5] == f"{pair.overlap.f1:.3f}"
    assert dialog.worst.item(0, 0).text() == "disputed"
    chosen = []
    dialog.documentChosen.connect(chosen.append)
    dialog.worst.cellDoubleClicked.emit(1, 0)
    assert chosen == [agreement.documents[1].id]


def test_leaving_review_mode_brings_back_the_text_and_the_whole_list(qtbot, make_window):
    window = review(qtbot, make_window)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.center.currentIndex() == 0
    assert window.documents.model.rowCount() == 2
    assert window.documents.filter.isEnabled()
