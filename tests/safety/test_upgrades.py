"""A project made by an older version opens with everything in it, after a backup; an upgrade
that fails or is killed leaves it whole at the last version it reached."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError
from annotator.core.schema import load_preset
from annotator.ops.checking import problems
from annotator.store import backups, migrations
from annotator.store.migrations import Step
from annotator.store.project import DATABASE, Project
from annotator.store.tables import FORMAT_VERSION
from tests.fixtures.projects.content import ARTICLES, DELETED, RELABELLED
from tests.safety.harness import Child

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"
RELEASED = sorted(FIXTURES.glob("format-*"), key=lambda p: int(p.name.split("-")[1]))
NEWEST = RELEASED[-1]


def copy_fixture(fixture: Path, tmp_path: Path) -> Path:
    """Fixtures are opened from a copy: opening writes beside the database."""
    folder = tmp_path / fixture.name
    folder.mkdir()
    shutil.copyfile(fixture / DATABASE, folder / DATABASE)
    return folder


def raw(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / DATABASE, isolation_level=None)


def user_version(folder: Path) -> int:
    conn = raw(folder)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def assert_holds_the_fixture(project: Project) -> None:
    """Everything tests/fixtures/projects/content.py put in, found with the current code."""
    assert problems(project) == []
    documents = {d.name: d for d in project.documents.iter_all()}
    assert set(documents) == {article.name for article in ARTICLES}
    entities = project.entities.names()
    for article in ARTICLES:
        document = documents[article.name]
        assert document.text == article.text
        assert document.meta == article.meta
        spans = project.spans.for_document(document.id)
        found = {(s.annotator, s.text): s for s in spans}
        expected_marks = {
            (annotator, mark.words): mark
            for annotator, marks in article.layers.items()
            for mark in marks
        }
        assert set(found) == set(expected_marks)
        for key, mark in expected_marks.items():
            span = found[key]
            start = article.text.index(mark.words)
            assert (span.label, span.start, span.end) == (
                mark.label,
                start,
                start + len(mark.words),
            )
            attributes = RELABELLED[3] if key == (RELABELLED[0], RELABELLED[2]) else mark.attributes
            if mark.label == "EVENT":  # an event on the span holds the coding
                (event,) = project.events.on_trigger(span.id)
                assert (event.label, event.annotator) == ("EVENT", span.annotator)
                assert event.attributes == attributes and span.attributes == {}
            else:
                assert span.attributes == attributes
            assert (entities[span.entity_id] if span.entity_id else None) == mark.entity
        by_id = {s.id: s for s in spans}
        links = {
            (e.annotator, by_id[e.trigger].text, a.role, by_id[a.span].text)
            for e in project.events.for_document(document.id)
            for a in e.arguments
        }
        assert links == set(article.links)
        assert project.relations.for_document(document.id) == []  # every link was a role
        assert project.progress.for_document(document.id) == article.status
    trail = [(e.action, e.annotator) for e in project.audit.iter_all()]
    assert ("update", RELABELLED[0]) in trail and ("delete", DELETED[0]) in trail
    assert sum(action == "create" for action, _ in trail) == 1 + sum(
        len(marks) for article in ARTICLES for marks in article.layers.values()
    )
    events = sum(
        mark.label == "EVENT"
        for article in ARTICLES
        for marks in article.layers.values()
        for mark in marks
    )
    assert project.events.count() == events


# -- the released formats ------------------------------------------------------------------


def test_there_is_a_fixture_project_for_every_format_version():
    assert [p.name for p in RELEASED] == [f"format-{n}" for n in range(1, FORMAT_VERSION + 1)], (
        "each format version needs its fixture: python -m tests.fixtures.projects.build"
    )
    for fixture in RELEASED:
        assert sorted(p.name for p in fixture.iterdir()) == [DATABASE], "one file, checkpointed"


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_every_released_format_opens_with_everything_in_it(fixture, tmp_path):
    folder = copy_fixture(fixture, tmp_path)
    version = int(fixture.name.split("-")[1])
    assert user_version(folder) == version
    with Project.open(folder) as project:
        assert project.format_version == FORMAT_VERSION
        assert_holds_the_fixture(project)
    made = backups.all_backups(folder)
    if version == FORMAT_VERSION:
        assert made == []  # nothing to upgrade, nothing written
    else:
        assert [(b.reason, b.format_version) for b in made] == [("before-upgrade", version)]


def test_the_current_fixture_has_exactly_the_tables_of_a_new_project(tmp_path):
    def tables(conn: sqlite3.Connection) -> list[tuple]:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 2"
        ).fetchall()

    Project.create(tmp_path / "new", load_preset("conflict")).close()
    fixture = raw(FIXTURES / f"format-{FORMAT_VERSION}")
    try:
        assert tables(fixture) == tables(raw(tmp_path / "new")), (
            f"the tables differ from those of format {FORMAT_VERSION}'s fixture. Once a format is "
            "released, a change to the tables needs a new FORMAT_VERSION and an upgrade step "
            "(docs/safety.md); before its release, rebuild the fixture."
        )
    finally:
        fixture.close()


def test_the_upgrade_steps_go_one_version_at_a_time_to_the_current_format():
    migrations.check_steps(migrations.STEPS, FORMAT_VERSION)
    assert migrations.oldest_upgradable(migrations.STEPS, FORMAT_VERSION) >= 1

    def nothing(conn):
        return None

    with pytest.raises(ValueError, match="expected"):
        migrations.check_steps((Step(2, "a", nothing), Step(4, "b", nothing)), 4)
    with pytest.raises(ValueError, match="expected"):
        migrations.check_steps((Step(2, "a", nothing),), 3)


# -- an upgrade with a real step -----------------------------------------------------------


def make_format_0(folder: Path) -> dict[str, str]:
    """Turn a format-1 project back into a plausible older layout: attributes in their own
    table. Returns the format-1 statements of the spans table and its indexes."""
    conn = raw(folder)
    try:
        ddl = dict(
            conn.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'spans'").fetchall()
        )
        conn.execute("BEGIN")
        conn.execute("CREATE TABLE span_attributes (span_id INTEGER, name TEXT, value)")
        conn.execute(
            "INSERT INTO span_attributes "
            "SELECT s.id, j.key, j.value FROM spans s, json_each(s.attributes) j"
        )
        conn.execute("ALTER TABLE spans DROP COLUMN attributes")
        conn.execute("PRAGMA user_version = 0")
        conn.execute("COMMIT")
    finally:
        conn.close()
    return ddl


def attributes_into_spans(ddl: dict[str, str]) -> Step:
    """Format 0 -> 1 as a real step would do it: SQLite's rebuild of a table."""

    def apply(conn: sqlite3.Connection) -> None:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(spans)")]
        conn.execute(ddl["spans"].replace("CREATE TABLE spans", "CREATE TABLE spans_new", 1))
        conn.execute(
            f"INSERT INTO spans_new ({', '.join(columns)}, attributes) "
            f"SELECT {', '.join(columns)}, COALESCE((SELECT json_group_object(a.name, a.value) "
            "FROM span_attributes a WHERE a.span_id = spans.id), '{}') FROM spans"
        )
        conn.execute("DROP TABLE span_attributes")
        conn.execute("DROP TABLE spans")
        conn.execute("ALTER TABLE spans_new RENAME TO spans")
        for name, sql in ddl.items():
            if name != "spans" and sql:
                conn.execute(sql)

    return Step(1, "span attributes move into the spans table", apply)


def test_an_older_project_is_upgraded_on_open_after_a_backup_of_it(tmp_path, monkeypatch):
    folder = copy_fixture(FIXTURES / "format-1", tmp_path)
    ddl = make_format_0(folder)
    monkeypatch.setattr(migrations, "STEPS", (attributes_into_spans(ddl), *migrations.STEPS))
    with Project.open(folder) as project:
        assert project.format_version == FORMAT_VERSION
        assert_holds_the_fixture(project)
    (saved,) = backups.all_backups(folder)
    assert (saved.reason, saved.format_version) == ("before-upgrade", 0)
    old = sqlite3.connect(saved.path)
    try:
        assert old.execute("SELECT count(*) FROM span_attributes").fetchone()[0] > 0
        assert "attributes" not in [row[1] for row in old.execute("PRAGMA table_info(spans)")]
    finally:
        old.close()
    with Project.open(folder) as project:  # the second time there is nothing to do
        assert project.format_version == FORMAT_VERSION
    assert len(backups.all_backups(folder)) == 1


def three_steps(third) -> tuple[Step, ...]:
    def first(conn):
        conn.execute("ALTER TABLE documents ADD COLUMN source TEXT")
        conn.execute("UPDATE documents SET source = 'archive'")

    def second(conn):
        conn.execute("CREATE TABLE sources (name TEXT PRIMARY KEY)")
        conn.execute("INSERT INTO sources SELECT DISTINCT source FROM documents")

    return (Step(1, "a source", first), Step(2, "sources", second), Step(3, "third", third))


def test_a_failing_step_leaves_the_project_whole_at_the_last_version_it_reached(tmp_path):
    folder = copy_fixture(NEWEST, tmp_path)  # the steps below make up versions of their own
    conn = raw(folder)
    conn.execute("PRAGMA user_version = 0")
    conn.close()

    def failing(conn):
        conn.execute("INSERT INTO sources VALUES ('half-done')")
        raise RuntimeError("disk on fire")

    with pytest.raises(ProjectError) as caught:
        migrations.upgrade(folder / DATABASE, three_steps(failing), target=3)
    message = str(caught.value)
    assert "upgrading to format 3 (third) failed: disk on fire" in message
    assert "whole at format 2" in message
    (saved,) = backups.all_backups(folder)
    assert saved.name in message and saved.format_version == 0
    conn = raw(folder)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("SELECT name FROM sources").fetchall() == [("archive",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()

    def working(conn):
        conn.execute("INSERT INTO sources VALUES ('third')")

    migrations.upgrade(folder / DATABASE, three_steps(working), target=3)
    conn = raw(folder)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert conn.execute("SELECT name FROM sources ORDER BY 1").fetchall() == [
            ("archive",),
            ("third",),
        ]
    finally:
        conn.close()


def test_a_step_that_breaks_references_is_rolled_back(tmp_path):
    folder = copy_fixture(NEWEST, tmp_path)  # the steps below make up versions of their own
    conn = raw(folder)
    conn.execute("PRAGMA user_version = 0")
    conn.close()

    def orphaning(conn):
        conn.execute("DELETE FROM documents WHERE id = 1")  # its spans would point nowhere

    with pytest.raises(ProjectError, match="lose what they refer to"):
        migrations.upgrade(folder / DATABASE, (Step(1, "orphaning", orphaning),), target=1)
    assert user_version(folder) == 0
    conn = raw(folder)
    try:
        assert conn.execute("SELECT count(*) FROM documents WHERE id = 1").fetchone()[0] == 1
    finally:
        conn.close()


def test_an_upgrade_killed_mid_step_resumes_from_the_last_completed_step(tmp_path):
    folder = copy_fixture(NEWEST, tmp_path)  # the steps below make up versions of their own
    conn = raw(folder)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    with Child(["-m", "tests.safety.child", "upgrade", folder / DATABASE]) as child:
        child.wait_for("stepping")  # step 2 has written its index, not committed
        child.kill()
    conn = raw(folder)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert set(conn.execute("SELECT source FROM documents").fetchall()) == {("archive",)}
        indexes = [row[1] for row in conn.execute("PRAGMA index_list(documents)")]
        assert "documents_source" not in indexes
    finally:
        conn.close()

    def second(conn):
        conn.execute("CREATE INDEX documents_source ON documents(source)")

    steps = (three_steps(None)[0], Step(2, "an index", second))
    migrations.upgrade(folder / DATABASE, steps, target=2)
    assert user_version(folder) == 2


def test_an_upgrade_is_refused_while_the_project_is_open_elsewhere(tmp_path):
    folder = copy_fixture(NEWEST, tmp_path)  # the steps below make up versions of their own
    conn = raw(folder)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("SELECT count(*) FROM documents").fetchone()  # an idle reader keeps it open
    try:
        with pytest.raises(ProjectError, match=r"open elsewhere.*nothing has been changed"):
            migrations.upgrade(folder / DATABASE, three_steps(None)[:1], target=1)
    finally:
        conn.close()
    assert user_version(folder) == 0
    assert backups.all_backups(folder) == []


def test_a_project_older_than_any_upgrade_is_refused_and_left_untouched(tmp_path):
    folder = copy_fixture(NEWEST, tmp_path)  # the steps below make up versions of their own
    conn = raw(folder)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    before = (folder / DATABASE).read_bytes()
    with pytest.raises(ProjectError, match="format 0 is older than this version"):
        Project.open(folder)
    assert (folder / DATABASE).read_bytes() == before
    assert not (folder / "backups").exists()


def test_a_project_from_a_newer_version_is_refused_without_a_backup(tmp_path):
    folder = copy_fixture(NEWEST, tmp_path)  # the steps below make up versions of their own
    conn = raw(folder)
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    conn.close()
    before = (folder / DATABASE).read_bytes()
    with pytest.raises(ProjectError, match=r"newer version of annotator.*has not been changed"):
        Project.open(folder)
    assert (folder / DATABASE).read_bytes() == before
    assert not (folder / "backups").exists()
