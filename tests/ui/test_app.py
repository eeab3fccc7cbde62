"""Starting the app as a user does: the command, the sample project, the system check."""

import os
import subprocess
import sys

from annotator.store.project import Project
from annotator.ui.platform import XCB_LIBRARIES, missing_libraries


def run_app(tmp_path, *args, **env):
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "ANNOTATOR_QUIT_AFTER_SHOW": "300",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_with_no_project_the_sample_project_opens_with_examples(tmp_path):
    result = run_app(tmp_path, "--annotator", "samira")
    assert result.returncode == 0, result.stderr
    (folder,) = (tmp_path / "data").rglob("sample-project")
    with Project.open(folder) as project:
        assert project.documents.count() == 5
        assert project.schema.label_ids == ("ACTOR", "LOCATION", "EVENT")
        spans = project.spans.for_document(1, "samira")
        assert {"الجيش", "لواء الفجر", "اشتباكات عنيفة", "تل السنابل"} <= {s.text for s in spans}
        events = project.events.for_document(1, "samira")
        triggers = {project.spans.get(e.trigger).text for e in events}
        assert len(events) == 2 and triggers == {"اشتباكات عنيفة"}  # two events on one word
        assert sum(len(e.arguments) for e in events) == 6
    again = run_app(tmp_path, "gui", "--annotator", "samira")  # a second start reuses it
    assert again.returncode == 0, again.stderr


def test_a_missing_project_is_refused_with_its_name(tmp_path):
    result = run_app(tmp_path, str(tmp_path / "nowhere"), "--annotator", "samira")
    assert result.returncode == 1
    assert "nowhere" in result.stderr and "no project here" in result.stderr


def test_missing_system_libraries_are_named_with_the_package_to_install(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    assert missing_libraries(XCB_LIBRARIES) is None  # this machine has them
    message = missing_libraries({"xcb-cursor-does-not-exist": "libxcb-cursor0"})
    assert "libxcb-cursor0" in message and "apt-get install libxcb-cursor0" in message


def test_without_a_display_the_user_is_pointed_to_the_command_line(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert "no DISPLAY" in missing_libraries()
