"""What the screen shows, read from a real X server (Xvfb): an article with no spans,
reached from one full of spans, has not one highlighted pixel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from annotator.core.schema import load_preset
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl
from tests.ui.test_painted_truth import records

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def x_server(tmp_path):
    """A virtual screen of its own, on a display number nobody uses."""
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):  # CI installs it: there, its absence is a failure
            pytest.fail("Xvfb is not installed, though CI installs it (apt-get install xvfb)")
        pytest.skip("Xvfb is not installed (apt-get install xvfb); CI installs it")
    for number in range(90, 130):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(10)


def tinted(image: QImage) -> int:
    """Pixels of a clear colour (a span's background or bar); text and paper are grey."""
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            color = QColor(image.pixel(x, y))
            if color.hsvSaturation() > 40 and color.value() > 60:
                count += 1
    return count


def test_an_article_without_spans_reached_from_one_full_of_them_shows_no_highlight(
    x_server, tmp_path
):
    folder = tmp_path / "project"
    with Project.create(folder, load_preset("conflict")) as project:
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", records())], annotator="samira")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_server}
    shown = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_child", str(folder), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("first 1 full ") and lines[1] == "next 2 empty 0"
    first, after = QImage(str(tmp_path / "first.png")), QImage(str(tmp_path / "next.png"))
    assert not first.isNull() and first.width() > 300
    assert tinted(first) > 2000  # the spans of the first article are on the screen
    assert tinted(after) == 0  # and none of them on the next, which has none
