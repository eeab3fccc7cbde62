"""When the project's files change under the window, or another program holds the project:
the window never claims to have saved what it did not, and never drops an edit."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.store import backups
from annotator.store.project import Project
from tests.ui.test_window import press, select

TEXT = "قصفت طائرات مواقع في قرية المعماري"
OTHER = "خبر آخر عن دير الزور"


def mark(qtbot, window, word: str, key=Qt.Key.Key_2) -> None:
    start = window.session.text.index(word)
    select(window, start, start + len(word))
    press(qtbot, window, key)


def answer_with(monkeypatch, button_text: str | None) -> list[str]:
    """Answer the window's message box by clicking a button; record what it said."""
    said = []

    def exec_(box):
        said.append(f"{box.text()}\n{box.informativeText()}")
        for button in box.buttons():
            if button_text is not None and button.text().startswith(button_text):
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    return said


def test_a_removed_log_stops_the_saving_and_the_edit_goes_to_a_new_project(
    qtbot, make_window, tmp_path, monkeypatch
):
    window = make_window([{"text": TEXT}])
    folder = window.session.project.folder
    mark(qtbot, window, "المعماري")  # saved
    wal = folder / "project.sqlite-wal"
    assert wal.exists()
    os.remove(wal)  # a clean-up tool, a sync client, a tidy user
    said = answer_with(monkeypatch, "Save them to a new project")
    rescue = tmp_path / "unsaved"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(rescue), ""))
    mark(qtbot, window, "طائرات", Qt.Key.Key_1)  # cannot be saved
    assert "project.sqlite-wal was removed" in said[0]
    assert "1 edit of yours could not be saved" in said[0]
    assert window.status.saved.text() == "Not saved!"
    assert window.session.project is None  # closed: nothing more claims to be saved
    with Project.open(rescue) as kept:
        assert [(s.text, s.label) for s in kept.spans.iter_all()] == [("طائرات", "ACTOR")]
    assert "annotator merge" in said[1]
    rescued = [b for b in backups.all_backups(folder) if b.reason == "rescued"]
    assert rescued  # what the window had saved until then
    with Project.open(folder) as again:  # other programs can open the project at once
        assert again.documents.count() == 1


def test_a_removed_log_is_noticed_before_the_next_edit(qtbot, make_window, monkeypatch):
    window = make_window([{"text": TEXT}])
    mark(qtbot, window, "المعماري")
    said = answer_with(monkeypatch, "Close the project")
    window.session.watch.set_interval(20)
    os.remove(window.session.project.folder / "project.sqlite-wal")
    qtbot.waitUntil(lambda: bool(said), timeout=3000)
    assert "was removed" in said[0] and "could not be saved" not in said[0]
    assert window.session.project is None


def test_an_edit_waits_for_another_programs_import_and_the_window_goes_on(
    qtbot, make_window, tmp_path
):
    window = make_window([{"text": TEXT}, {"text": OTHER}])
    first = window.session.document_id
    database = window.session.project.folder / "project.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('holding', flush=True)\n"
            "time.sleep(2.5)\n"
            "c.execute('COMMIT')\n"
        ), str(database)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "holding"
    ticks, messages = [], []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(100)  # the window's event loop: it keeps painting while the edit waits
    window.session.waiting.connect(lambda _s: messages.append(window.statusBar().currentMessage()))
    page_down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
    QTimer.singleShot(500, lambda: QCoreApplication.postEvent(window.text_view, page_down))
    started = time.monotonic()
    mark(qtbot, window, "المعماري")  # waits for the other program's write
    waited = time.monotonic() - started
    holder.wait(10)
    assert waited > 1.5
    assert len([t for t in ticks if t < started + waited]) >= 5
    assert any("Waiting" in m and "your edit is saved as soon as it has" in m for m in messages)
    with Project.open(window.session.project.folder) as other:
        assert [s.text for s in other.spans.for_document(first)] == ["المعماري"]
    assert window.status.saved.text().startswith("Saved")
    qtbot.waitUntil(lambda: window.session.document_id != first, timeout=3000)  # the key came
