"""review/ and reports/ are pure: core objects in, figures out; no database, no window."""

from annotator import review
from tests.core.test_layering import PACKAGE, imports_of

FORBIDDEN = ("annotator.store", "annotator.ops", "annotator.ui", "annotator.formats", "PySide6")


def test_review_and_reports_import_only_the_core_and_each_other():
    paths = sorted((PACKAGE / "review").rglob("*.py")) + sorted((PACKAGE / "reports").rglob("*.py"))
    assert len(paths) >= 8, review.__file__
    for path in paths:
        for name in imports_of(path):
            assert not name.startswith(FORBIDDEN), (path, name)
            assert not name.startswith(("sqlite3", "sqlite_utils")), (path, name)
