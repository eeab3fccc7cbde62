"""Backups: consistent copies while others write, made only when something changed, thinned
to a fixed number, and a restore that can be undone and never leaves a half-written project."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import ProjectError
from annotator.core.schema import load_preset
from annotator.ops import editing, event_editing
from annotator.ops.checking import problems
from annotator.store import backups, contents
from annotator.store.backups import Backup
from annotator.store.locking import claim
from annotator.store.project import DATABASE, Project
from annotator.store.tables import FORMAT_VERSION
from tests.conftest import snapshot
from tests.safety.conftest import SENTENCE, add_document, big_text
from tests.safety.harness import Child, run_annotator


def span_words(folder: Path) -> list[tuple[str, str]]:
    with Project.open(folder) as project:
        return sorted((s.label, s.text) for s in project.spans.for_document(1))


def mark(folder: Path, words: str, label: str = "ACTOR", annotator: str = "samira") -> int:
    with Project.open(folder) as project:
        start = SENTENCE.index(words)
        return editing.create_span(project, 1, annotator, label, start, start + len(words)).id


def dump(folder: Path) -> list[str]:
    with Project.open(folder) as project:
        return snapshot(project)


# -- making backups ------------------------------------------------------------------------


def test_a_backup_is_one_consistent_file_even_while_another_process_writes(folder):
    """Each edit adds a span and its audit entry in one transaction: a consistent copy has as
    many spans as 'create' entries, whatever moment it was taken at."""
    with Child(["-m", "tests.safety.child", "spans", folder, "1", "omar", "300"]) as writer:
        writer.wait_for("ready")
        writer.send("go")
        writer.wait_for("span")
        made = []
        while writer.process.poll() is None or not made:
            made.append(backups.create(folder))
        assert writer.finish() == 0
    assert len(made) >= 1
    for backup in made:
        assert backup.path.parent == folder / "backups"
        assert not Path(f"{backup.path}-wal").exists()
        conn = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            spans = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
            creates = conn.execute("SELECT count(*) FROM audit WHERE action = 'create'")
            assert spans == creates.fetchone()[0] == backup.spans
        finally:
            conn.close()
    assert {p.suffix for p in (folder / "backups").iterdir()} == {".sqlite", ".json"}


def test_an_automatic_backup_is_made_only_when_the_project_changed(folder):
    first = backups.automatic(folder)
    assert first is not None and first.reason == "auto" and first.documents == 1
    for _ in range(50):  # the window opened fifty times without an edit
        assert backups.automatic(folder) is None
    mark(folder, "دورية للشرطة")
    second = backups.automatic(folder)
    assert second is not None and second.spans == 1
    assert backups.automatic(folder) is None
    backups.create(folder)  # a manual backup counts as the newest
    assert backups.automatic(folder) is None
    assert [b.reason for b in backups.all_backups(folder)] == ["manual", "auto", "auto"]


@pytest.mark.parametrize("small_tables", [contents.SMALL_TABLE_ROWS, 0], ids=["whole", "summary"])
def test_every_kind_of_edit_counts_as_a_change(folder, monkeypatch, small_tables):
    """Large tables are compared by summary, small ones row by row: both see every edit."""
    monkeypatch.setattr(contents, "SMALL_TABLE_ROWS", small_tables)
    actor = mark(folder, "دورية للشرطة")
    event = mark(folder, "وصلت", "EVENT")

    def edits(project: Project):
        yield lambda: editing.update_span(project, actor, "samira", label="LOCATION")
        yield lambda: editing.update_span(project, actor, "samira", label="ACTOR")
        yield lambda: editing.update_span(project, actor, "samira", attributes={"x": 1})
        record = event_editing.create_event(project, 1, "samira", "EVENT", event)
        yield lambda: None
        yield lambda: event_editing.add_argument(project, record.id, "samira", "actor1", actor)
        yield lambda: event_editing.update_event(
            project, record.id, "samira", attributes={"fatalities": 3}
        )
        yield lambda: event_editing.remove_argument(project, record.id, "samira", 0)
        yield lambda: editing.set_status(project, 1, "samira", "done")
        deleted = editing.delete_span(project, actor, "samira")
        yield lambda: None
        yield lambda: editing.restore_span(project, deleted, "samira")
        yield lambda: event_editing.delete_event(project, record.id, "samira")
        yield lambda: project.set_schema(load_preset("ner"))
        yield lambda: add_document(project, "ثان", "نص آخر قصير.")

    backups.automatic(folder)
    with Project.open(folder) as project:
        for n, edit in enumerate(edits(project)):
            edit()
            assert backups.automatic(folder) is not None, f"edit {n} was not seen"


def test_automatic_backups_are_thinned_to_the_number_kept(folder):
    manual = backups.create(folder)
    made = []
    for n in range(7):
        with Project.open(folder) as project:
            add_document(project, f"d{n}", f"نص رقم {n}")
        made.append(backups.automatic(folder, keep=4))
    autos = [b for b in backups.all_backups(folder) if b.reason == "auto"]
    assert len(autos) == 4
    assert autos[0].name == made[-1].name  # the newest is always kept
    assert manual.path.exists()  # a backup made by hand is never removed automatically
    names = {p.name for p in (folder / "backups").iterdir()}
    assert names == {
        f"{b.path.stem}{ext}" for b in [*autos, manual] for ext in (".sqlite", ".json")
    }


def fake(time: datetime) -> Backup:
    return Backup(time.isoformat(), Path("x"), time, "auto", 1, 0, 0, 0, "")


def test_fifty_opens_a_day_keep_today_and_one_state_per_earlier_day():
    start = datetime(2026, 3, 1, 8, 0).astimezone()
    kept: list[Backup] = []
    for day in range(30):
        for n in range(50):
            kept.append(fake(start + timedelta(days=day, minutes=10 * n)))
            names = backups.retained(kept, keep=10)
            kept = [b for b in kept if b.name in names]
    assert len(kept) == 10
    days = sorted({b.time.date() for b in kept}, reverse=True)
    newest = max(b.time for b in kept)
    assert newest == start + timedelta(days=29, minutes=490)
    assert len([b for b in kept if b.time.date() == newest.date()]) == 5  # today's last five
    assert len(days) == 6  # and one for each of the five days before
    assert days[-1] == (start + timedelta(days=24)).date()


# -- restoring -----------------------------------------------------------------------------


def test_restore_puts_a_backup_back_and_keeps_the_state_it_replaced(folder):
    mark(folder, "دورية للشرطة")
    saved = backups.create(folder)
    mark(folder, "السوق\u200f القديم", "LOCATION")
    with Project.open(folder) as project:
        editing.delete_span(project, 1, "samira")
    replaced = span_words(folder)
    before = backups.restore(folder, saved.path.stem)
    assert span_words(folder) == [("ACTOR", "دورية للشرطة")]
    assert before.reason == "before-restore" and before.spans == 1
    with Project.open(folder) as project:
        assert problems(project) == []
    backups.restore(folder, before.name)  # and a restore can be undone
    assert span_words(folder) == replaced == [("LOCATION", "السوق\u200f القديم")]


def test_restore_is_refused_while_the_project_is_open_elsewhere(folder):
    mark(folder, "دورية للشرطة")
    saved = backups.create(folder)
    mark(folder, "وصلت", "EVENT")
    before = dump(folder)
    with Child(["-m", "tests.safety.child", "hold", folder]) as other:
        other.wait_for("open")
        with pytest.raises(ProjectError, match="open elsewhere"):
            backups.restore(folder, saved.name)
        assert other.finish() == 0
    assert dump(folder) == before
    assert [b.reason for b in backups.all_backups(folder)] == ["manual"]


def test_the_refusal_names_the_window_that_has_the_project_open(folder):
    saved = backups.create(folder)
    session = claim(folder, "samira")
    try:
        with Project.open(folder), pytest.raises(ProjectError, match="a window: samira on"):
            backups.restore(folder, saved.name)
    finally:
        session.release()


def test_a_restore_killed_mid_copy_leaves_the_project_as_it_was(folder, tmp_path):
    with Project.create(tmp_path / "big", load_preset("conflict")) as big, big.write():
        for n in range(300):
            add_document(big, f"d{n}", big_text(n))
    large = backups.create(tmp_path / "big")
    assert large.size > 2 * backups.RESTORE_STEP_PAGES * 4096  # several steps to copy
    (folder / "backups").mkdir()
    shutil.copyfile(large.path, folder / "backups" / large.name)
    mark(folder, "دورية للشرطة")
    before = dump(folder)
    with Child(["-m", "tests.safety.child", "restore", folder, large.name]) as child:
        child.wait_for("copying")  # part of the backup is in the database, uncommitted
        child.kill()
    assert dump(folder) == before
    with Project.open(folder) as project:
        assert problems(project) == []
    saved = [b for b in backups.all_backups(folder) if b.reason == "before-restore"]
    assert len(saved) == 1 and saved[0].spans == 1  # written whole before the copy began
    backups.restore(folder, large.name)  # nothing was left locked or half-done
    with Project.open(folder) as project:
        assert project.documents.count() == 300 and project.spans.count() == 0
        assert problems(project) == []


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def test_a_damaged_foreign_or_newer_backup_is_not_restored(folder):
    mark(folder, "دورية للشرطة")
    before = dump(folder)
    damaged = backups.create(folder)
    corrupt(damaged.path)
    with pytest.raises(ProjectError, match=r"damaged|cannot be read"):
        backups.restore(folder, damaged.name)
    newer = backups.create(folder)
    conn = sqlite3.connect(newer.path)
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="newer version"):
        backups.restore(folder, newer.name)
    foreign = folder / "backups" / "2026-01-01T00-00-00.000Z-manual.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(ProjectError, match="not an annotator project"):
        backups.restore(folder, foreign.name)
    with pytest.raises(ProjectError, match="no backup named 'nothing'"):
        backups.restore(folder, "nothing")
    assert dump(folder) == before


def test_a_killed_backup_leaves_nothing_that_passes_for_a_backup(folder):
    mark(folder, "دورية للشرطة")
    with Child(["-m", "tests.safety.child", "backup", folder]) as child:
        child.wait_for("backup")
        child.wait_for("backup")
        child.kill()
    listed = backups.all_backups(folder)
    assert len(listed) >= 2
    for backup in listed:
        conn = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 1
        finally:
            conn.close()
    for path in (folder / "backups").iterdir():
        if path.suffix not in (".sqlite", ".json"):
            assert path.name.startswith(".") and ".part" in path.name, path.name
    assert backups.restore(folder, listed[-1].name).reason == "before-restore"


# -- the command ---------------------------------------------------------------------------


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_backup_command_backs_up_lists_and_restores(folder, capsys):
    code, out, _ = run(capsys, "backup", folder, "--list")
    assert code == 0 and "no backups yet" in out
    mark(folder, "دورية للشرطة")
    code, out, _ = run(capsys, "backup", folder)
    assert code == 0 and "(1 documents, 1 spans)" in out
    (made,) = backups.all_backups(folder)
    mark(folder, "وصلت", "EVENT")
    code, out, _ = run(capsys, "backup", folder, "--list")
    assert code == 0 and made.path.stem in out and "manual" in out and "1 spans" in out
    code, out, _ = run(capsys, "backup", folder, "--restore", made.path.stem)
    assert code == 0 and f"Restored {made.path.stem}" in out
    assert span_words(folder) == [("ACTOR", "دورية للشرطة")]
    undo = out.split("--restore ")[1].split("'")[0]
    code, out, _ = run(capsys, "backup", folder, "--restore", undo)
    assert code == 0 and len(span_words(folder)) == 2
    code, _, err = run(capsys, "backup", folder, "--restore", "2020-nothing")
    assert code == 1 and "no backup named '2020-nothing'" in err


def test_reading_a_project_writes_no_backup(folder, capsys):
    mark(folder, "دورية للشرطة")
    assert run(capsys, "stats", folder)[0] == 0
    assert run(capsys, "check", folder)[0] == 0
    assert run(capsys, "audit", folder)[0] == 0
    assert not (folder / "backups").exists()


def test_a_folder_that_is_no_project_is_said_so(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    code, _, err = run(capsys, "backup", tmp_path / "x")
    assert code == 1 and "no project here" in err
    (tmp_path / "x" / DATABASE).write_bytes(os.urandom(8192))
    code, _, err = run(capsys, "backup", tmp_path / "x")
    assert code == 1 and "not a project database" in err


def test_an_unwanted_import_is_undone_by_restoring_the_backup_it_made_first(folder, tmp_path):
    mark(folder, "دورية للشرطة")
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(
        json.dumps({"text": SENTENCE, "label": [[0, 4, "EVENT"]]}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    imported = run_annotator("import", folder, wrong, "--annotator", "samira")
    assert imported.returncode == 0, imported.stderr
    assert len(span_words(folder)) == 2
    (made,) = backups.all_backups(folder)
    assert (made.reason, made.documents, made.spans) == ("auto", 1, 1)
    backups.restore(folder, made.name)
    assert span_words(folder) == [("ACTOR", "دورية للشرطة")]


def test_a_backup_that_cannot_be_written_is_a_clear_error_and_changes_nothing(folder):
    mark(folder, "دورية للشرطة")
    before = dump(folder)
    (folder / "backups").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ProjectError, match="backups: cannot write a backup there"):
        backups.create(folder)
    with pytest.raises(ProjectError, match="cannot write a backup there"):
        backups.automatic(folder)
    assert dump(folder) == before


def test_a_backup_file_put_in_place_by_hand_opens_as_a_project(folder, tmp_path):
    mark(folder, "دورية للشرطة")
    made = backups.create(folder)
    (tmp_path / "copy").mkdir()
    shutil.copyfile(made.path, tmp_path / "copy" / DATABASE)
    with Project.open(tmp_path / "copy") as project:
        assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert [s.text for s in project.spans.for_document(1)] == ["دورية للشرطة"]
        assert problems(project) == []
