"""The search index is a cache beside the project: built on the first search, brought up to
date by the next, rebuilt when it no longer matches the project, never part of it."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.errors import Cancelled
from annotator.core.schema import load_preset
from annotator.ops.importing import import_files
from annotator.ops.searching import CorpusSearch, search
from annotator.store import backups
from annotator.store import search as search_store
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl


def add(project: Project, tmp_path, name: str, *texts: str) -> None:
    records = [{"name": f"{name} {n}", "text": text} for n, text in enumerate(texts, 1)]
    import_files(project, [write_jsonl(tmp_path / f"{name}.jsonl", records)])


def names(project: Project, query: str) -> list[str]:
    return [hit.name for hit in search(project, query).hits]


def test_an_import_does_not_build_the_index_and_a_search_does(project, tmp_path):
    add(project, tmp_path, "a", "قصف على الميادين", "اشتباكات في الحسكة")
    cache = search_store.index_path(project)
    assert not cache.exists()
    assert names(project, "الميادين") == ["a 1"]
    assert cache.exists()
    add(project, tmp_path, "b", "قصف جديد على الميادين")
    with CorpusSearch(project) as searching:
        assert searching.outdated() == 1  # only the new article waits
    assert names(project, "الميادين") == ["a 1", "b 1"]


def test_searching_changes_nothing_in_the_project(project, tmp_path):
    add(project, tmp_path, "a", "قصف على الميادين")
    before = snapshot(project)
    assert names(project, "الميادين") == ["a 1"]
    assert snapshot(project) == before


def test_a_restored_backup_is_noticed_and_the_index_rebuilt(tmp_path):
    folder = tmp_path / "project"
    with Project.create(folder, load_preset("conflict")) as project:
        add(project, tmp_path, "kept", "قصف على الميادين")
    backup = backups.create(folder)
    with Project.open(folder) as project:
        add(project, tmp_path, "lost", "اشتباكات في الحسكة")
        assert names(project, "الحسكة") == ["lost 1"]
        (lost_id,) = [row[0] for row in project.documents.iter_sha256() if row[1] == "lost 1"]
    backups.restore(folder, backup.name)
    with Project.open(folder) as project:
        add(project, tmp_path, "new", "وصل الوفد إلى القامشلي")
        assert project.documents.get(lost_id).name == "new 1"  # the same id, another text
        assert names(project, "الحسكة") == []
        assert names(project, "القامشلي") == ["new 1"]
        assert names(project, "الميادين") == ["kept 1"]


@pytest.mark.parametrize("damage", ["deleted", "garbage", "another layout"])
def test_a_missing_or_unreadable_cache_is_made_again(project, tmp_path, damage):
    add(project, tmp_path, "a", "قصف على الميادين")
    assert names(project, "الميادين") == ["a 1"]
    cache = search_store.index_path(project)
    for suffix in ("-wal", "-shm"):
        cache.with_name(cache.name + suffix).unlink(missing_ok=True)
    if damage == "deleted":
        cache.unlink()
    elif damage == "garbage":
        cache.write_bytes(b"not a database at all" * 100)
    else:
        conn = sqlite3.connect(cache)
        conn.execute(f"PRAGMA user_version = {search_store.LAYOUT + 1}")
        conn.close()
    assert names(project, "الميادين") == ["a 1"]


def test_a_cancelled_build_keeps_what_it_finished(project, tmp_path, monkeypatch):
    monkeypatch.setattr(search_store, "CHUNK", 4)
    add(project, tmp_path, "a", *[f"قصف على الميادين {n}" for n in range(10)])

    def stop_at_eight(done: int, total: int | None) -> None:
        if done == 8:
            raise Cancelled()

    with CorpusSearch(project) as searching:
        with pytest.raises(Cancelled):
            searching.update(stop_at_eight)
        assert searching.outdated() == 6  # the first chunk is kept; the one cancelled is not
        assert searching.update() == 6
        assert len(searching.search("الميادين").hits) == 10
