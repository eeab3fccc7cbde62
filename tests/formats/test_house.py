"""The formats package's shape: the registry knows every format, no format knows the registry."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator.formats

FORMATS_DIR = Path(annotator.formats.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_format_module_imports_the_registry() -> None:
    for path in FORMATS_DIR.rglob("*.py"):
        if path.name == "registry.py":
            continue
        assert "annotator.formats.registry" not in imported_modules(path), path


def test_formats_of_several_modules_are_packages() -> None:
    flat = {path.stem for path in FORMATS_DIR.glob("*.py")}
    assert not {name for name in flat if name.startswith(("brat_", "webanno_", "uima_"))}
    for package in ("brat", "webanno", "uima"):
        assert (FORMATS_DIR / package / "__init__.py").is_file()
