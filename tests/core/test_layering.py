"""The core knows neither Qt nor SQL; only the store speaks SQL; nothing below ui imports Qt."""

import ast
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent


def _dynamic(call: ast.Call) -> str | None:
    """The module named by ``import_module("a.b")`` or ``__import__("a.b")``: its literal
    name, or the literal start of an f-string's."""
    function = call.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name not in ("import_module", "__import__") or not call.args:
        return None
    first = call.args[0]
    if isinstance(first, ast.JoinedStr) and first.values:
        first = first.values[0]
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def imports_in(source: str, package: str) -> set[str]:
    """Every module ``source`` (a module of ``package``) imports, by its full name, however
    it is named: ``import a.b as c`` is a.b; ``from a import b`` is a and a.b (b may be a
    module); a relative import is resolved against ``package``; ``import_module("a.b")``
    is a.b."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            above = package.split(".")[: len(package.split(".")) + 1 - node.level]
            base = ".".join([*(above if node.level else []), *filter(None, [node.module])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and (name := _dynamic(node)):
            names.add(name)
    return names


def imports_of(path: Path) -> set[str]:
    package = ".".join(path.relative_to(PACKAGE.parent).parent.parts)
    return imports_in(path.read_text(encoding="utf-8"), package)


def within(name: str, *packages: str) -> bool:
    """Whether module ``name`` is one of ``packages`` or inside one."""
    return any(name == package or name.startswith(package + ".") for package in packages)


def beyond_operations(names: set[str]) -> set[str]:
    """What of ``names`` the window may reach only through operations."""
    return {name for name in names if within(name, "annotator.store", "annotator.formats")}


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
    benchmark = {PACKAGE / "bench" / "window.py", PACKAGE / "bench" / "window_events.py"}
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "ui" or path in benchmark:
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
        assert not beyond_operations(imports_of(path)), path


BREACHES = [
    "from annotator import store",
    "from annotator import formats, ops",
    "import annotator.formats.brat as brat",
    "import annotator.store",
    "from annotator.store.project import Project",
    "from annotator.formats import native as n",
    "from .. import store",  # in annotator.ui: annotator.store
    "from ..formats.brat import reader",
    "from importlib import import_module\nimport_module('annotator.store.hub')",
    "import importlib\nkind = 'x'\nimportlib.import_module(f'annotator.formats.{kind}')",
    "def later():\n    from annotator import store",
]
ALLOWED = [
    "from annotator import ops",
    "from annotator.ops import editing, viewing",
    "import annotator.core.model as model",
    "from . import session",  # annotator.ui.session
    "from .models.spans import span_problems",
    "import storefront",
]


def test_the_window_check_sees_every_way_of_importing_the_store_or_formats():
    """The check above reads names as Python resolves them, however they are written."""
    for source in BREACHES:
        assert beyond_operations(imports_in(source, "annotator.ui")), source
    for source in ALLOWED:
        assert not beyond_operations(imports_in(source, "annotator.ui")), source
    assert imports_in("from ..store import backups", "annotator.ui.review") == {
        "annotator.ui.store",
        "annotator.ui.store.backups",
    }


def _ui_graph() -> dict[str, set[str]]:
    """Which window module imports which (every import, those for type checking too)."""
    graph = {}
    for path in modules("ui"):
        module = ".".join(("annotator", *path.relative_to(PACKAGE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        graph[module] = {n for n in imports_of(path) if n.startswith("annotator.ui")}
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
