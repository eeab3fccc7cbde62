"""The core knows neither Qt nor SQL; only the store speaks SQL; nothing below ui imports Qt."""

import ast
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_core_imports_neither_qt_nor_sqlite_nor_outer_layers():
    for path in modules("core"):
        for name in imports_of(path):
            assert not name.startswith(("PySide6", "sqlite3", "sqlite_utils")), (path, name)
            assert not name.startswith(
                ("annotator.store", "annotator.ops", "annotator.ui", "annotator.formats")
            ), (path, name)


def test_only_the_store_opens_the_database():
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        for name in imports_of(path):
            assert not name.startswith(("sqlite3", "sqlite_utils")), (path, name)


def test_only_the_window_and_its_benchmark_import_qt():
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "ui" or path == PACKAGE / "bench" / "window.py":
            continue
        for name in imports_of(path):
            assert not name.startswith("PySide6"), (path, name)


def test_sql_is_spoken_only_in_the_store():
    import re

    sql = re.compile(
        r"\.execute\(|\.executemany\(|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b"
    )
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        assert not sql.search(path.read_text(encoding="utf-8")), path
