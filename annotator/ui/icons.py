"""Our icons: drawn for this project as SVG, in ``resources/icons/`` (see LICENSE.md there)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from annotator.shipped import resource

NAMES = ("annotator", "left", "right", "review", "snap", "person")


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    return QIcon(str(resource(f"icons/{name}.svg")))
