"""Long operations run in a worker thread on their own connection, with progress and Cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from annotator.core.errors import InputError
from annotator.core.schema import load_preset
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import Project
from annotator.ui.tasks import Task, run_task
from tests.conftest import snapshot, write_jsonl

TEXT = "قصفت طائرات 😀 حربية مدينة الميادين في دير الزور"


def articles(tmp_path, count: int):
    records = [{"name": f"مقال {n}", "text": f"{TEXT} {n}"} for n in range(count)]
    return write_jsonl(tmp_path / "articles.jsonl", records)


def new_project(tmp_path) -> Project:
    return Project.create(tmp_path / "project", load_preset("conflict"))


def test_an_import_runs_in_a_worker_on_its_own_connection(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    path = articles(tmp_path, 40)
    with new_project(tmp_path) as mine:
        ran_on = {}

        def operation(project, progress):
            ran_on["thread"] = threading.get_ident()
            ran_on["project"] = project
            return import_files(project, [path], annotator="samira", progress=progress)

        outcome = run_task(parent, "Import", mine.folder, operation)
        assert outcome.ok
        assert outcome.result.documents_added == 40
        assert ran_on["thread"] != threading.get_ident()
        assert ran_on["project"] is not mine
        assert mine.documents.count() == 40  # committed, seen by the window's own connection
        assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_cancel_in_the_dialog_stops_an_import_and_the_project_is_unchanged(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    path = articles(tmp_path, 400)
    with new_project(tmp_path) as mine:
        import_files(mine, [write_jsonl(tmp_path / "first.jsonl", [{"text": TEXT}])])
        before = snapshot(mine)
        halfway, clicked = threading.Event(), threading.Event()
        reports = []

        def operation(project, progress):
            def report(done, total):
                reports.append(done)
                if done == 200:
                    halfway.set()
                    clicked.wait(10)
                progress(done, total)

            return import_files(project, [path], progress=report)

        def press_cancel():
            dialogs = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
            if not halfway.is_set() or not dialogs:
                return
            poll.stop()
            button = dialogs[0].findChild(QPushButton)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            clicked.set()

        poll = QTimer()
        poll.timeout.connect(press_cancel)
        poll.start(20)
        outcome = run_task(parent, "Import", mine.folder, operation)
        assert outcome.cancelled and outcome.result is None
        assert reports[-1] == 200
        assert snapshot(mine) == before


def test_an_error_comes_back_as_its_message(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    with new_project(tmp_path) as mine:
        before = snapshot(mine)
        outcome = run_task(
            parent,
            "Import",
            mine.folder,
            lambda project, progress: import_files(project, [broken], progress=progress),
            show_error=False,
        )
        assert not outcome.ok and not outcome.cancelled
        assert "broken.jsonl, line 2" in outcome.error
        assert snapshot(mine) == before


def test_a_background_task_reports_progress_and_its_result(qtbot, tmp_path):
    path = articles(tmp_path, 30)
    with new_project(tmp_path) as mine:
        import_files(mine, [path])
        out = tmp_path / "out.jsonl"
        task = Task(
            mine.folder, lambda project, progress: export(project, "jsonl", out, progress=progress)
        )
        seen = []
        task.progressed.connect(lambda done, total: seen.append((done, total)))
        with qtbot.waitSignal(task.finished, timeout=10000) as finished:
            task.start()
        assert finished.args[0].ok
        assert finished.args[0].result.documents == 30
        assert seen[-1] == (30, 30)
        assert len(out.read_text(encoding="utf-8").splitlines()) == 30


def test_a_cancelled_background_export_leaves_no_file(qtbot, tmp_path):
    path = articles(tmp_path, 50)
    with new_project(tmp_path) as mine:
        import_files(mine, [path])
        out = tmp_path / "out.jsonl"
        task = Task(
            mine.folder, lambda project, progress: export(project, "jsonl", out, progress=progress)
        )
        task.cancel()  # pressed before the first document was written
        with qtbot.waitSignal(task.finished, timeout=10000) as finished:
            task.start()
        assert finished.args[0].cancelled
        assert not out.exists()


def test_an_error_in_a_background_task_comes_back_as_its_message(qtbot, tmp_path):
    with new_project(tmp_path) as mine:

        def operation(project, progress):
            raise InputError("a message a researcher can act on", file="x.jsonl", line=3)

        task = Task(mine.folder, operation)
        with qtbot.waitSignal(task.finished, timeout=10000) as finished:
            task.start()
        assert finished.args[0].error == "x.jsonl, line 3: a message a researcher can act on"
