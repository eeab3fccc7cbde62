"""What ships with the app besides its code: ``resources/`` (schema presets, the export JSON
Schema, translations, icons, the other JSON data) and ``projects/sample/`` (the sample
project's sources).

In a checkout (and an editable install) both sit at the repository's top level, beside the
package; an installed wheel carries them inside the package, as ``annotator/resources/`` and
``annotator/projects/sample/`` (pyproject.toml maps them there)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
MARKER = Path("resources") / "export.schema.json"


@cache
def root() -> Path:
    """The folder holding ``resources/`` and ``projects/``: the installed package, else the
    checkout the package was imported from."""
    for candidate in (PACKAGE, PACKAGE.parent):
        if (candidate / MARKER).is_file():
            return candidate
    raise FileNotFoundError(
        f"the app's resources are missing: neither {PACKAGE} nor {PACKAGE.parent} holds"
        f" {MARKER}; reinstall the package"
    )


def resource(name: str) -> Path:
    """A file or folder of ``resources/``, by its path there (``"schemas/ner.json"``)."""
    return root() / "resources" / name


SAMPLE_NAME = "Sample project"  # the sample project's name, shown translated by the window


def sample_sources() -> Path:
    """The folder of the sample project's sources (``projects/sample/``)."""
    return root() / "projects" / "sample"
