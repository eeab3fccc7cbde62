"""The wheel carries everything the app reads: built from the sources, installed outside the
checkout, the installed package finds every resource and builds the sample project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK = r"""
import json
import sys
import tempfile
from pathlib import Path

import annotator
from annotator import shipped

installed = Path(sys.argv[1]).resolve()
package = Path(annotator.__file__).resolve().parent
assert package.is_relative_to(installed), f"imported {package}, not the installed package"
assert shipped.root() == package, shipped.root()

from annotator.core.schema import PRESETS, load_preset
from annotator.formats import events_csv
from annotator.formats.uima import typesystem
from annotator.ops import labels

for name in PRESETS:
    assert load_preset(name).labels, name
json.loads(shipped.resource("export.schema.json").read_text("utf-8"))
assert events_csv.coding()
assert typesystem.known_types()
assert labels._kind_names()

from PySide6.QtWidgets import QApplication

from annotator.ui import language
from annotator.ui.icons import NAMES, icon

app = QApplication([])
language.install(app, "ar")
assert language.translate("menus", "&Next document") != "&Next document", "no Arabic catalogue"
for name in NAMES:
    assert not icon(name).pixmap(22, 22).isNull(), f"icon {name} does not load"

from annotator.ops.sample import ensure_sample
from annotator.store.project import Project

folder = ensure_sample(Path(tempfile.mkdtemp()) / "sample", "samira")
with Project.open(folder) as project:
    assert project.documents.count() == 5

from annotator.formats.options import new_options
from annotator.ops.import_process import CheckingProcess

articles = Path(tempfile.mkdtemp()) / "a.jsonl"  # read by the installed package's own reader
articles.write_text('{"text": "قصف على دير الزور", "label": [[0, 3, "EVENT"]]}\n', "utf-8")
schema = load_preset("conflict")
policy = labels.LabelPolicy(None, {}, False, schema=schema)
with CheckingProcess("jsonl", articles, "utf-8", {}, policy, "samira", False, schema) as reader:
    (checked,) = list(reader.records(new_options()))
assert checked[1].spans[0][:3] == (0, 3, "EVENT"), checked
print("every resource loads")
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel pip builds from a copy of the sources (so no build/ is left in the checkout)."""
    source = tmp_path_factory.mktemp("source")
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("annotator", "resources", "projects/sample"):
        shutil.copytree(ROOT / folder, source / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("annotator-*.whl")
    return built


def shipped_files() -> set[str]:
    """What the wheel must hold, by its path there: every module, resource and sample file."""
    names = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "annotator").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    for folder in ("resources", "projects/sample"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file():
                names.add("annotator/" + path.relative_to(ROOT).as_posix())
    return names


def test_the_wheel_holds_every_module_and_resource(wheel):
    with zipfile.ZipFile(wheel) as archive:
        held = set(archive.namelist())
    missing = sorted(shipped_files() - held)
    assert missing == [], f"the wheel lacks {missing}: list new packages in pyproject.toml"


def test_the_installed_package_finds_every_resource(wheel, tmp_path):
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), wheel],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"  # neither the checkout nor the folder it was installed to
    elsewhere.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(target)],
        cwd=elsewhere,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every resource loads" in result.stdout
