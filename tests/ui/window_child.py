"""A real window in its own process, annotating by keyboard until it is killed.

Run as ``python -m tests.ui.window_child PROJECT``: it labels one word after another with
real key events and prints ``ack SPAN_ID START END LABEL`` once each edit is shown as done
(undoing and redoing now and then), so a test can kill it at any moment and check that
every acknowledged edit survived.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.tokens import tokenize
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def main(folder: str) -> None:
    app = QApplication(sys.argv[:1])
    settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini")
    window = MainWindow(settings, "samira")
    window.open_project(Path(folder))
    window.show()
    window.activateWindow()
    app.processEvents()
    view = window.text_view
    words = [t for t in tokenize(window.session.text) if t.text.isalpha()]
    keys = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)
    labels = ("ACTOR", "LOCATION", "EVENT")
    print("ready", flush=True)
    for number, word in enumerate(words * 50):
        cursor = view.textCursor()
        cursor.setPosition(view.positions.qt(word.start))
        cursor.setPosition(view.positions.qt(word.end), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        QTest.keyClick(view, keys[number % 3])
        span = window.session.selected_span()
        if span is None:
            continue  # the same span already there
        print(f"ack {span.id} {span.start} {span.end} {labels[number % 3]}", flush=True)
        if number % 7 == 6:  # undo the last edit and redo it: both shown as saved
            QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
            print(f"ack {span.id} {span.start} {span.end} {labels[number % 3]}", flush=True)
        app.processEvents()


if __name__ == "__main__":
    main(sys.argv[1])
