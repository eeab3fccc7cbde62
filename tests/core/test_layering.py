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


def test_the_window_speaks_to_the_project_only_through_operations():
    for path in modules("ui"):
        for name in imports_of(path):
            assert not name.startswith(("annotator.store", "annotator.formats")), (path, name)


def _modules_imported(path: Path) -> set[str]:
    """Modules a file imports, ``from package import module`` resolved to the module."""
    names = imports_of(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _ui_graph() -> dict[str, set[str]]:
    """Which window module imports which (every import, those for type checking too)."""
    graph = {}
    for path in modules("ui"):
        module = ".".join(("annotator", *path.relative_to(PACKAGE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        graph[module] = {n for n in _modules_imported(path) if n.startswith("annotator.ui")}
    return {module: {n for n in names if n in graph} for module, names in graph.items()}


def test_no_window_module_imports_itself_round_a_loop():
    graph = _ui_graph()
    for start in graph:
        seen, stack = set(), list(graph[start])
        while stack:
            name = stack.pop()
            assert name != start, f"{start} imports itself through {sorted(seen)}"
            if name not in seen:
                seen.add(name)
                stack.extend(graph.get(name, ()))


def test_no_window_file_is_over_300_lines():
    for path in modules("ui"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 300, f"{path.relative_to(PACKAGE)} has {lines} lines"


def test_the_command_line_opens_projects_through_the_same_operations_as_the_window():
    for path in [*modules("commands"), PACKAGE / "cli.py"]:
        for name in imports_of(path):
            assert not name.startswith("annotator.store"), (path, name)


def test_no_two_classes_share_a_name():
    """A name says what a thing is: two classes of one name would say two things."""
    seen: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                assert node.name not in seen, f"{node.name}: {seen[node.name]} and {path}"
                seen[node.name] = path


def test_recommenders_know_neither_qt_nor_the_store_nor_formats():
    for path in modules("suggest"):
        for name in imports_of(path):
            assert not name.startswith(("PySide6", "sqlite3", "annotator.store")), (path, name)
            assert not name.startswith(("annotator.ops", "annotator.ui", "annotator.formats")), (
                path,
                name,
            )
