"""A command imports what it uses and nothing more, so that it starts at once.

What a command imported is read from ``sys.modules`` when it ends, in a process of its own:
it does not depend on the machine's speed. How long start-up takes is measured by
``python -m annotator.bench startup`` (docs/performance.md), never here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.schema import load_preset
from annotator.store.project import Project
from tests.safety.harness import ROOT

HEAVY = (
    "matplotlib",  # charts: agree --plot only
    "numpy",
    "PySide6",  # the window
    "sqlite_utils",
    "annotator.ui",
    "annotator.reports",
    "annotator.review",
)
# Runs a command as 'python -m annotator' does, then writes the modules it imported.
RUN_AND_LIST = """
import runpy, sys
sys.argv = ["annotator", *sys.argv[2:]]
try:
    runpy.run_module("annotator", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
with open(LIST, "w") as out:
    out.write("\\n".join(sorted(sys.modules)))
"""


def imported(tmp_path: Path, *args: str) -> set[str]:
    listing = tmp_path / "modules.txt"
    code = RUN_AND_LIST.replace("LIST", repr(str(listing)))
    result = subprocess.run(
        [sys.executable, "-c", code, "-", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert listing.exists(), result.stderr[-2000:]
    return set(listing.read_text().splitlines())


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith(HEAVY))


@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("startup") / "project"
    with Project.create(folder, load_preset("conflict")):
        pass
    return folder


def test_help_imports_no_command(tmp_path):
    modules = imported(tmp_path, "--help")
    assert "annotator.cli" in modules
    assert heavy(modules) == []
    assert not any(m.startswith(("annotator.commands.", "annotator.formats")) for m in modules)
    assert "annotator.store.project" not in modules


@pytest.mark.parametrize("command", [["stats"], ["check"], ["backup", "--list"], ["audit"]])
def test_reading_commands_import_neither_window_nor_charts(tmp_path, small_project, command):
    modules = imported(tmp_path, command[0], str(small_project), *command[1:])
    assert "annotator.store.project" in modules
    assert heavy(modules) == []
    if command[0] != "audit":  # which writes its file as exports do
        assert not any(m.startswith("annotator.formats") for m in modules)


def test_a_command_help_imports_only_that_command(tmp_path):
    modules = imported(tmp_path, "stats", "--help")
    commands = {m for m in modules if m.startswith("annotator.commands.")}
    assert commands == {"annotator.commands.stats", "annotator.commands.base"}
    assert heavy(modules) == []


def test_agreement_without_a_chart_does_not_load_matplotlib(tmp_path, small_project):
    modules = imported(tmp_path, "agree", str(small_project))
    assert "annotator.review.agreement" in modules
    assert not any(m.startswith("matplotlib") for m in modules)
