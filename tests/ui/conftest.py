"""A real window over a real project on disk, driven with pytest-qt."""

from __future__ import annotations

import pytest

from annotator.core.schema import Schema, load_preset
from annotator.ops.importing import import_files
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.conftest import write_jsonl


def utf16(text: str, offset: int) -> int:
    """Qt's position of a code-point offset, computed independently of the app's own mapping."""
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, tmp_path, settings):
    """Build a project from records (our JSONL shape) and open it in a shown window."""

    def make(records: list[dict], annotator: str = "samira", schema: str | Schema = "conflict"):
        folder = tmp_path / "project"
        labels = load_preset(schema) if isinstance(schema, str) else schema
        with Project.create(folder, labels) as project:
            import_files(
                project, [write_jsonl(tmp_path / "in.jsonl", records)], annotator=annotator
            )
        window = MainWindow(settings, annotator)
        qtbot.addWidget(window)
        window.open_project(folder)
        with qtbot.waitActive(window):  # window shortcuts (Ctrl+Z, Ctrl+F…) need an active window
            window.show()
            window.activateWindow()
        return window

    return make
