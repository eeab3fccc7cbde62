"""Rejections in the window: a name rejected in one document is outlined in no other, enough
rejections train the model again (counted as they happen, the last one included), the
dialog offers the recommenders the registry holds, and what the window says of too few spans
is not the command line's advice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog

from annotator.core.suggestions import Suggestion, suggestion
from annotator.suggest import registry
from annotator.ui import suggesting as suggesting_module
from tests.ui.test_suggestions import choose, corpus, key, outlined, show

LATER = "وفي المساء قصفت الطائرات حلب وحمص مرة أخرى."


def open_window(qtbot, make_window, which: str = "dictionary"):
    records = [*corpus(), {"name": "later", "text": LATER}]
    window = make_window(records, schema="ner")
    window.suggesting.start("samira", which)
    qtbot.waitUntil(lambda: not window.suggesting.training(), timeout=20000)
    show(window, "new")
    return window


def test_a_name_rejected_in_one_document_is_not_outlined_in_the_next(qtbot, make_window):
    window = open_window(qtbot, make_window)
    show(window, "later")
    assert sorted(outlined(window)) == [("حلب", "LOC"), ("حمص", "LOC")]
    show(window, "new")
    choose(qtbot, window, "حلب")
    key(qtbot, window, Qt.Key.Key_Backspace)
    show(window, "later")
    assert outlined(window) == [("حمص", "LOC")]  # the place rejected is nowhere outlined
    show(window, "new")
    window.session.undo_group.undo()  # the rejection undone: it is back
    show(window, "later")
    assert sorted(outlined(window)) == [("حلب", "LOC"), ("حمص", "LOC")]


def test_the_rejection_that_reaches_the_count_starts_training_again(
    qtbot, make_window, monkeypatch
):
    monkeypatch.setattr(suggesting_module, "RETRAIN_EVERY", 2)
    window = open_window(qtbot, make_window)
    choose(qtbot, window, "حلب")
    key(qtbot, window, Qt.Key.Key_Backspace)
    assert not window.suggesting.training()
    choose(qtbot, window, "حمص")
    key(qtbot, window, Qt.Key.Key_Backspace)
    assert window.suggesting.training()  # the second rejection, not the third
    qtbot.waitUntil(lambda: not window.suggesting.training(), timeout=20000)
    assert window.suggesting.model.rejections == 2


class LatinNames:
    """A recommender of its own: every word in Latin letters is a name of another kind."""

    name = "latin"

    def train(self, documents) -> None:
        """Nothing to learn."""

    def suggest(self, text: str) -> list[Suggestion]:
        found, start = [], None
        for index, char in enumerate(text + " "):
            latin = char.isascii() and char.isalpha()
            if latin and start is None:
                start = index
            elif not latin and start is not None:
                found.append(suggestion(text, start, index, "MISC", self.name, 0.9))
                start = None
        return found


def test_the_dialog_offers_what_the_registry_holds(qtbot, make_window, monkeypatch):
    entry = registry.RecommenderEntry("latin", "words in Latin letters", lambda n, c: LatinNames())
    monkeypatch.setattr(registry, "RECOMMENDERS", (*registry.RECOMMENDERS, entry))
    records = [*corpus(), {"name": "latin", "text": "قال مراسل Reuters إن الوضع هادئ."}]
    window = make_window(records, schema="ner")
    offered: list[list[tuple[str, str]]] = []

    def answer(dialog: QDialog) -> int:
        boxes = dialog.findChildren(QComboBox)
        offered.extend([[(b.itemData(i), b.itemText(i)) for i in range(b.count())] for b in boxes])
        recommender = boxes[1]
        recommender.setCurrentIndex(recommender.findData("latin"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", answer)
    window.suggesting.choose()
    assert offered[1] == [
        ("all", "all of them together"),
        ("dictionary", "dictionary of the layer's names"),
        ("crf", "learned model (CRF)"),
        ("latin", "words in Latin letters"),
    ]
    qtbot.waitUntil(lambda: not window.suggesting.training(), timeout=20000)
    show(window, "latin")
    assert outlined(window) == [("Reuters", "MISC")]


def test_too_few_spans_in_the_window_gives_no_command_line_advice(qtbot, make_window):
    window = make_window(corpus(annotated=1), schema="ner")
    window.suggesting.start("samira", "crf")
    qtbot.waitUntil(lambda: not window.suggesting.training(), timeout=20000)
    said = window.suggestions_panel.status.text()
    assert "holds 6 spans in 1 document;" in said and "dictionary alone" in said
    assert "command line" not in said and "--" not in said
