"""The project's files removed or replaced under a program that has it open: its edits are
refused instead of being reported saved, what it had saved is kept in a backup, and the
project can always be opened again."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.schema import load_preset
from annotator.ops import editing
from annotator.ops.checking import check
from annotator.ops.unsaved import SpanState, UnsavedEdit, replay, save_to_new_project
from annotator.store import backups
from annotator.store.files import ProjectFilesChanged
from annotator.store.project import DATABASE, Project
from tests.safety.conftest import SENTENCE, add_document
from tests.safety.harness import Child, run_annotator

WAL = f"{DATABASE}-wal"


def editor(folder: Path, before: int, after: int) -> Child:
    return Child(["-m", "tests.safety.child", "keep_editing", folder, "1", str(before), str(after)])


def spans_in(database: Path) -> set[int]:
    """Samira's spans in a project or a backup, read without changing the file."""
    path = database / DATABASE if database.is_dir() else database
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT id FROM spans WHERE annotator = 'samira'").fetchall()
    finally:
        conn.close()
    return {row[0] for row in rows}


def test_edits_after_the_wal_is_deleted_are_refused_and_none_is_claimed_saved(folder):
    with editor(folder, before=10, after=80) as child:
        child.wait_for("paused")
        saved = [int(line.split()[1]) for line in child.lines if line.startswith("saved")]
        assert len(saved) == 10
        os.remove(folder / WAL)
        child.send("go")
        child.wait_for("done")
        after = child.lines[child.lines.index("paused") + 1 : -1]
        assert len(after) == 80
        assert all(line.startswith("refused") for line in after), after[:3]
        assert f"{WAL} was removed" in after[0]
        rescued = after[0].split()[1]
        # The program still has the project open, yet others can use it at once.
        stats = run_annotator("stats", folder)
        assert stats.returncode == 0, stats.stderr
    (kept,) = [b for b in backups.all_backups(folder) if b.reason == "rescued"]
    assert kept.name == rescued and not kept.damage
    assert set(saved) <= spans_in(kept.path)  # every edit reported saved is kept
    assert check(folder).findings == []
    backups.restore(folder, kept.name)
    assert set(saved) <= spans_in(folder)


def test_the_refusal_says_what_happened_and_what_to_do(folder):
    with Project.open(folder) as project:
        editing.create_span(project, 1, "samira", "ACTOR", 0, 4)
        os.remove(folder / WAL)
        with pytest.raises(ProjectFilesChanged) as refused:
            editing.create_span(project, 1, "samira", "EVENT", 5, 10)
        message = str(refused.value)
        assert "this edit, and any after it, cannot be saved" in message
        assert f"{WAL} was removed" in message
        assert f"annotator backup {folder} --restore {refused.value.rescued.stem}" in message
        # Reading goes on (a window keeps showing what it had); writing stays refused.
        assert [s.text for s in project.spans.for_document(1)] == ["قالت"]
        with pytest.raises(ProjectFilesChanged):
            editing.set_status(project, 1, "samira", "done")
    assert run_annotator("check", folder).returncode == 0


def test_a_database_replaced_under_an_open_project_stops_its_edits(folder, tmp_path):
    other = tmp_path / "other"
    with Project.create(other, load_preset("conflict")) as project:
        add_document(project, "غيرها", "نص مقالة أخرى تماما.")
    with editor(folder, before=3, after=5) as child:
        child.wait_for("paused")
        os.replace(other / DATABASE, folder / DATABASE)
        child.send("go")
        child.wait_for("done")
        refused = [line for line in child.lines if line.startswith("refused")]
        assert len(refused) == 5 and f"{DATABASE} was replaced by another file" in refused[0]
    with Project.open(folder) as project:  # the replacement, untouched by the old log
        assert [d.name for d in project.documents.iter_all()] == ["غيرها"]
        assert project.spans.count() == 0
    assert check(folder).findings == []


def test_a_project_held_by_a_program_that_lost_its_wal_says_what_to_do(folder):
    """Another program (SQLite alone, no annotator) keeps writing after its -wal was
    deleted: the project cannot be read until it ends, and opening it says so."""
    with Child(["-m", "tests.safety.child", "raw_writer", folder]) as other:
        other.wait_for("wrote")
        os.remove(folder / WAL)
        other.send("again")
        other.wait_for("wrote 1")
        refused = run_annotator("stats", folder)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "another program has it open" in refused.stderr
        assert "Close that program" in refused.stderr
        other.kill()
    assert (folder / f"{DATABASE}-shm").exists()  # left behind by the killed program
    opened = run_annotator("stats", folder)
    assert opened.returncode == 0, opened.stderr


def test_the_files_of_a_killed_program_need_no_removing_by_hand(folder):
    with editor(folder, before=5, after=0) as child:
        child.wait_for("paused")
        saved = {int(line.split()[1]) for line in child.lines if line.startswith("saved")}
        child.kill()
    assert (folder / WAL).exists()
    os.remove(folder / WAL)  # and the -shm of the killed program stays
    assert run_annotator("check", folder).returncode == 0
    shutil.copy(folder / DATABASE, folder / "copy.sqlite")
    assert spans_in(folder) <= saved


# -- the edits that could not be saved -------------------------------------------------------


def at(words: str, label: str) -> SpanState:
    start = SENTENCE.index(words)
    return SpanState(start, start + len(words), label)


def unsaved() -> list[UnsavedEdit]:
    police, market = at("دورية للشرطة", "ACTOR"), at("السوق", "LOCATION")
    arrived = at("وصلت", "EVENT")
    common = {"annotator": "samira", "document": "السوق", "text": SENTENCE}
    return [
        UnsavedEdit("create", span=police, **common),
        UnsavedEdit("create", span=arrived, **common),
        UnsavedEdit("create", span=SpanState(0, 4, "ACTOR"), **common),
        UnsavedEdit(
            "update", span=police, after=SpanState(22, 34, "ACTOR", {"kind": "x"}), **common
        ),
        UnsavedEdit("delete", span=SpanState(0, 4, "ACTOR"), **common),
        UnsavedEdit("link", span=arrived, argument=market, role="location", **common),
        UnsavedEdit("status", status="done", **common),
    ]


def test_unsaved_edits_are_written_to_a_new_project(tmp_path):
    report = save_to_new_project(tmp_path / "saved", load_preset("conflict"), unsaved())
    assert report.not_made == [] and report.documents_added == 1 and report.made == 7
    with Project.open(tmp_path / "saved") as project:
        spans = {(s.text, s.label, tuple(s.attributes.items())) for s in project.spans.iter_all()}
        assert spans == {
            ("دورية للشرطة", "ACTOR", (("kind", "x"),)),
            ("وصلت", "EVENT", ()),
            ("السوق", "LOCATION", ()),
        }
        (event,) = project.events.iter_all()  # the link gave the event on «وصلت» its place
        assert project.spans.get(event.trigger).text == "وصلت"
        (place,) = event.fillers("location")
        assert project.spans.get(place).text == "السوق"
        assert project.progress.get(1, "samira") == "done"
        actions = [entry.action for entry in project.audit.iter_all()]
        assert actions.count("create") == 4 and "delete" in actions
        assert "event arguments" in actions
    assert check(tmp_path / "saved").findings == []


def test_unsaved_edits_made_again_in_the_whole_project_leave_it_as_once(folder):
    first = replay_into(folder)
    assert first.made == 7 and first.documents_added == 0  # the same text: the same document
    once = layer(folder)
    again = replay_into(folder)
    assert again.not_made == [] and again.already >= 4
    assert layer(folder) == once and len(once) == 4  # three spans and one link


def layer(folder: Path) -> list[tuple]:
    with Project.open(folder) as project:
        spans = [(s.start, s.end, s.label, str(s.attributes)) for s in project.spans.iter_all()]
        return [*sorted(spans), (project.events.count_arguments(),)]


def replay_into(folder: Path):
    with Project.open(folder) as project:
        return replay(project, unsaved())


def test_an_edit_that_cannot_be_made_is_listed_and_the_others_are_made(tmp_path):
    edits = unsaved()
    wrong = UnsavedEdit("create", "samira", "السوق", SENTENCE, span=SpanState(0, 4, "WEAPON"))
    report = save_to_new_project(tmp_path / "saved", load_preset("conflict"), [wrong, *edits])
    assert report.made == 7 and len(report.not_made) == 1
    assert "edit 1 (create, السوق)" in report.not_made[0] and "WEAPON" in report.not_made[0]
