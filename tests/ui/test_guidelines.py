"""The guidelines panel, read as an annotator reads it while coding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument

from annotator.core.schema import from_json, load_preset
from annotator.ui.panels.guidelines import GuidelinesPanel


def blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def block_with(panel: GuidelinesPanel, text: str):
    return next(b for b in blocks(panel.document()) if text in b.text())


@pytest.fixture
def panel(qtbot):
    panel = GuidelinesPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_every_label_is_shown_with_what_the_schema_says_about_it(panel):
    schema = load_preset("conflict")
    panel.set_schema(schema)
    shown = panel.toPlainText()
    assert "conflict guidelines 1.0" in shown
    for label in schema.labels:
        assert f"{label.name('en')} · {label.names['ar']}" in shown
        assert f"{label.id} · {label.kind} · key {label.key}" in shown
        assert label.description in shown
        for example in label.examples:
            assert f"• {example}" in shown
        for attribute in label.attributes:
            assert attribute.name in shown
    assert "State forces, Rebel groups, Political militias" in shown
    assert "Riots: Violent demonstration, Mob violence" in shown
    assert "fatalities\na whole number, 0–…\ndate\na date: YYYY-MM-DD" in shown
    assert "actor1: actor span, one or several" in shown
    assert "location: location span, at most one" in shown
    assert "event_type (required)" in shown


def test_schema_text_is_shown_as_written_never_interpreted(panel):
    data = load_preset("ner").to_json()
    data["labels"][0]["description"] = 'Mark <b>names</b> & titles; never <img src="x.png">.'
    data["labels"][0]["names"]["ar"] = "شخص <i>"
    data["labels"][0]["examples"] = ["<script>alert(1)</script>"]
    panel.set_schema(from_json(data))
    shown = panel.toPlainText()
    assert 'Mark <b>names</b> & titles; never <img src="x.png">.' in shown
    assert "Person · شخص <i>" in shown
    assert "• <script>alert(1)</script>" in shown
    description = block_with(panel, "Mark <b>names</b>")
    assert all(not fragment.charFormat().isImageFormat() for fragment in _fragments(description))
    assert not any(f.charFormat().fontWeight() > 400 for f in _fragments(description))


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


def test_arabic_examples_read_right_to_left_and_english_ones_left_to_right(panel):
    data = load_preset("conflict").to_json()
    data["labels"][0]["examples"].append("armed men (English example)")
    panel.set_schema(from_json(data))
    arabic = block_with(panel, "• تنظيم داعش")
    english = block_with(panel, "• armed men")
    assert arabic.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert english.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_show_label_brings_the_label_to_the_top(panel, qtbot):
    schema = load_preset("ace")
    panel.set_schema(schema)

    def top_label() -> str:
        cursor = panel.cursorForPosition(QPoint(10, 8))
        block = cursor.block()
        while block.isValid() and " · key " not in block.text():
            block = block.next()  # the heading's swatch line, then its id line
        return block.text().split(" · ")[0]

    assert panel.verticalScrollBar().value() == 0
    panel.show_label("CONFLICT")
    qtbot.waitUntil(lambda: panel.verticalScrollBar().value() > 0)
    assert top_label() == "CONFLICT"
    panel.show_label("GPE")
    qtbot.waitUntil(lambda: top_label() == "GPE")
    before = panel.verticalScrollBar().value()
    panel.show_label("NO_SUCH_LABEL")
    assert panel.verticalScrollBar().value() == before
