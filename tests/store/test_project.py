import sqlite3

import pytest

from annotator.core.errors import ProjectError
from annotator.core.schema import load_preset
from annotator.store.project import DATABASE, Project
from annotator.store.tables import FORMAT_VERSION


def test_a_new_project_is_one_sqlite_file_in_wal_mode_with_its_schema(tmp_path):
    with Project.create(tmp_path / "study", load_preset("ner")) as project:
        assert project.schema.label_ids == ("PER", "ORG", "LOC", "MISC")
    files = {p.name for p in (tmp_path / "study").iterdir()}
    assert DATABASE in files
    conn = sqlite3.connect(tmp_path / "study" / DATABASE)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    with Project.open(tmp_path / "study") as project:
        assert project.schema.label_ids == ("PER", "ORG", "LOC", "MISC")
        assert project.name == "study"


def test_a_project_can_be_opened_by_its_database_file(tmp_path):
    Project.create(tmp_path / "p", load_preset("conflict")).close()
    with Project.open(tmp_path / "p" / DATABASE) as project:
        assert project.folder == tmp_path / "p"


def test_creating_over_an_existing_project_is_refused(tmp_path):
    Project.create(tmp_path / "p", load_preset("conflict")).close()
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_path / "p", load_preset("ner"))


def test_a_project_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    Project.create(tmp_path / "p", load_preset("conflict")).close()
    path = tmp_path / "p" / DATABASE
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(tmp_path / "p")
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_project_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / DATABASE).write_bytes(b"not a database at all" * 100)
    with pytest.raises(ProjectError, match="not"):
        Project.open(tmp_path / "x")
    other = tmp_path / "y"
    other.mkdir()
    sqlite3.connect(other / DATABASE).execute("CREATE TABLE t(x)")
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(other)
    with pytest.raises(ProjectError, match="no project here"):
        Project.open(tmp_path / "missing")


def test_showing_one_document_uses_the_indexes_not_a_scan(project):
    plan = " ".join(
        row[3]
        for row in project.db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM spans WHERE document_id = 1 AND annotator = 'a' "
            "ORDER BY start"
        )
    )
    assert "USING INDEX spans_document" in plan
    plan = " ".join(
        row[3]
        for row in project.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE sha256 = 'x'"
        )
    )
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan


def test_a_failed_write_leaves_nothing_behind(project):
    with pytest.raises(RuntimeError), project.write():
        project.documents.add("a", "نص", "0" * 64, {}, "2026-01-01")
        raise RuntimeError("interrupted")
    assert project.documents.count() == 0
