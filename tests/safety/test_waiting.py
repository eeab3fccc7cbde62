"""Edits made while an import holds the write lock wait for it, as long as it takes, and are
never refused or lost; a window hands them to a queue and is never held up."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from annotator.core.errors import Cancelled
from annotator.ops import editing
from annotator.ops.checking import check
from annotator.ops.edit_queue import EditQueue
from annotator.store.project import DATABASE, Project
from tests.safety.child import LABELS
from tests.safety.harness import Child, annotator

OLD_LIMIT = 10.0  # seconds an edit used to wait for another writer before it was refused


def articles(path: Path, count: int) -> Path:
    """``count`` short articles of our own words, each different."""
    words = ("قالت", "مصادر", "محلية", "إن", "الطريق", "أغلق", "بسبب", "الأمطار", "الغزيرة")
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = f"{n} " + " ".join(words[(n + i) % len(words)] for i in range(60))
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return path


def test_800_edits_made_during_a_long_import_are_all_saved(folder, tmp_path):
    source = articles(tmp_path / "many.jsonl", 40_000)
    wal = Path(f"{folder / DATABASE}-wal")
    with (
        Child(["-m", "tests.safety.child", "many_edits", folder, "1", "800"]) as editor,
        annotator("import", folder, source, "--annotator", "bench") as importer,
    ):
        editor.wait_for("ready")
        importer.wait_until(lambda: wal.exists() and wal.stat().st_size > 2_000_000, "importing")
        editor.send("go")
        editor.wait_for("waiting")  # the first edit found the import holding the lock
        assert importer.finish() == 0, importer.stderr
        assert editor.wait_for("saved") == "saved 800"
        assert editor.finish() == 0, editor.stderr
    with Project.open(folder) as project:
        assert project.documents.count() == 1 + 40_000
        assert len(project.spans.for_document(1, "omar")) == 800
        creates = [e for e in project.audit.iter_all() if e.action == "create"]
        assert len(creates) == 800
    assert check(folder).findings == []


def test_an_edit_waits_longer_than_writers_used_to_be_allowed(folder):
    waited: list[float] = []
    result: dict[str, object] = {}

    def edit() -> None:
        with Project.open(folder) as project:
            project.waiting = waited.append
            result["span"] = editing.create_span(project, 1, "samira", "ACTOR", 0, 4)

    with Child(["-m", "tests.safety.child", "write_lock", folder]) as other:
        other.wait_for("holding")
        worker = threading.Thread(target=edit)
        worker.start()
        other.wait_until(lambda: waited and waited[-1] > OLD_LIMIT + 0.5, "waiting that long")
        assert worker.is_alive() and "span" not in result
        other.send("release")
        other.wait_for("released")
        worker.join(timeout=30)
        assert other.finish() == 0
    assert result["span"].text == "قالت"
    assert waited == sorted(waited) and len(waited) > 20  # told several times a second


def test_a_waiting_edit_can_be_given_up_and_then_nothing_is_written(folder):
    def give_up(seconds: float) -> None:
        raise Cancelled("the edit was given up")

    with Child(["-m", "tests.safety.child", "write_lock", folder]) as other:
        other.wait_for("holding")
        with Project.open(folder) as project:
            project.waiting = give_up
            with pytest.raises(Cancelled):
                editing.create_span(project, 1, "samira", "ACTOR", 0, 4)
        other.send("release")
        assert other.finish() == 0
    with Project.open(folder) as project:
        assert project.spans.count() == 0


def test_a_window_hands_edits_to_a_queue_and_is_never_held_up(folder):
    told: list[tuple[float, int]] = []
    with Child(["-m", "tests.safety.child", "write_lock", folder]) as other:
        other.wait_for("holding")
        with EditQueue(folder, on_waiting=lambda s, n: told.append((s, n))) as edits:
            futures = [
                edits.submit(
                    lambda p, n=n: editing.create_span(p, 1, "samira", LABELS[n % 3], 0, 4)
                )
                for n in range(50)
            ]
            other.wait_until(lambda: told, "the queue says it waits")
            assert not any(f.done() for f in futures)  # submitting did not wait for them
            assert told[-1][1] == 50  # all fifty are waiting
            other.send("release")
            spans = [f.result(timeout=60) for f in futures]
        assert other.finish() == 0
    assert [s.id for s in spans] == sorted(s.id for s in spans)  # saved in order
    with Project.open(folder) as project:
        assert {s.id for s in project.spans.for_document(1)} == {s.id for s in spans}


def test_an_edit_the_queue_could_not_save_reaches_the_window(folder):
    with EditQueue(folder) as edits:
        refused = edits.submit(lambda p: editing.create_span(p, 1, "samira", "WEAPON", 0, 4))
        saved = edits.submit(lambda p: editing.create_span(p, 1, "samira", "ACTOR", 0, 4))
        with pytest.raises(editing.EditError, match="WEAPON is not in the project's schema"):
            refused.result(timeout=30)
        assert saved.result(timeout=30).text == "قالت"
