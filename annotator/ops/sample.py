"""The sample project a new user opens: a few short fictional articles, some coded already."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from annotator.core.schema import load_preset
from annotator.formats import native
from annotator.ops.importing import Importer
from annotator.store.project import DATABASE, Project

SAMPLE_NAME = "Sample project"


def ensure_sample(folder: Path, annotator: str) -> Path:
    """Create the sample project in ``folder`` unless it is there; example spans go to the
    given annotator's layer so that the new user sees them as their own, ready to change."""
    if (folder / DATABASE).exists():
        return folder
    source = resources.files("annotator.resources").joinpath("sample/articles.jsonl")
    with (
        resources.as_file(source) as path,
        Project.create(folder, load_preset("conflict"), SAMPLE_NAME) as project,
    ):
        importer = Importer(project, annotator)
        with project.write():
            importer.add_all(native.read_jsonl(Path(path)), Path(path))
    return folder
