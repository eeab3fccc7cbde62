"""Regenerate the translations: ``python -m annotator.translations``.

Collects every translatable string of the window (``annotator/ui``) into each ``.ts`` file
(pyside6-lupdate; strings gone from the code are dropped, new ones wait untranslated), then
compiles each ``.ts`` into the ``.qm`` the window loads (pyside6-lrelease). Both live in
``resources/translations/``: ``annotator_<language>.ts`` is the source (edited with Qt
Linguist or by hand), ``annotator_<language>.qm`` the compiled catalogue shipped in the wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from annotator.shipped import resource

UI = Path(__file__).parent / "ui"
LANGUAGES = ["ar"]


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def main() -> int:
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    for language in LANGUAGES:
        ts = resource("translations") / f"annotator_{language}.ts"
        update = [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none"]
        subprocess.run([*update, "-ts", str(ts)], check=True)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
