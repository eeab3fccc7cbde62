"""Two programs on one project: no lost edit, no corruption, writers wait their turn, a window
notices what others changed, and a project in use on another computer is refused."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from annotator.core.errors import ProjectError
from annotator.ops import editing
from annotator.store import locking
from annotator.store.project import Project
from tests.safety.harness import Child, run_annotator


def spans_child(folder, annotator: str, count: int) -> Child:
    return Child(["-m", "tests.safety.child", "spans", folder, "1", annotator, str(count)])


def test_two_processes_creating_200_spans_each_lose_none(folder):
    with spans_child(folder, "samira", 200) as one, spans_child(folder, "omar", 200) as two:
        one.wait_for("ready")
        two.wait_for("ready")
        one.send("go")
        two.send("go")
        assert one.finish() == 0, one.stderr
        assert two.finish() == 0, two.stderr
    acknowledged = {
        annotator: [int(line.split()[1]) for line in child.lines if line.startswith("span ")]
        for annotator, child in (("samira", one), ("omar", two))
    }
    assert [len(ids) for ids in acknowledged.values()] == [200, 200]
    with Project.open(folder) as project:
        for annotator, ids in acknowledged.items():
            assert {s.id for s in project.spans.for_document(1, annotator)} == set(ids)
        assert project.spans.count() == 400
        creates = [e.span_id for e in project.audit.iter_all() if e.action == "create"]
        assert sorted(creates) == sorted(acknowledged["samira"] + acknowledged["omar"])
    checked = run_annotator("check", folder)
    assert checked.returncode == 0, checked.stderr
    assert "OK (1 document, 400 spans)" in checked.stdout


def test_an_edit_waits_for_another_writer_instead_of_failing(folder):
    result: dict[str, object] = {}

    def edit() -> None:
        with Project.open(folder) as project:
            try:
                result["span"] = editing.create_span(project, 1, "samira", "ACTOR", 0, 4)
            except Exception as error:  # the test reports whatever went wrong
                result["error"] = error

    with Child(["-m", "tests.safety.child", "write_lock", folder]) as other:
        other.wait_for("holding")
        worker = threading.Thread(target=edit)
        worker.start()
        worker.join(timeout=0.5)
        assert worker.is_alive(), f"the edit did not wait: {result}"
        other.send("release")
        other.wait_for("released")
        worker.join(timeout=30)
        assert other.finish() == 0
    assert "error" not in result, result
    assert result["span"].text == "قالت"


def test_data_version_tells_a_window_that_another_process_changed_the_project(folder):
    with Project.open(folder) as window:
        seen = window.data_version()
        assert window.data_version() == seen  # nothing happened
        editing.create_span(window, 1, "samira", "ACTOR", 0, 4)
        assert window.data_version() == seen  # its own edit is no news to it
        with spans_child(folder, "omar", 1) as other:
            other.wait_for("ready")
            other.send("go")
            assert other.finish() == 0
        assert window.data_version() != seen
        seen = window.data_version()
        with Project.open(folder) as second:
            editing.set_status(second, 1, "omar", "done")
        assert window.data_version() != seen


# -- sessions: which computer has the project open -----------------------------------------


def session_file(folder, host: str, pid: int = 4242, age: float = 0.0):
    """A session file as a window on another computer writes it (same format)."""
    directory = folder / locking.SESSIONS
    directory.mkdir(exist_ok=True)
    path = directory / f"{host}-{pid}.json"
    data = {"host": host, "pid": pid, "user": "omar", "annotator": "omar", "since": "09:00"}
    path.write_text(json.dumps(data), encoding="utf-8")
    if age:
        then = time.time() - age
        os.utime(path, (then, then))
    return path


def test_a_project_open_on_another_computer_is_refused_with_its_name(folder):
    other = session_file(folder, "laptop-of-omar")
    with pytest.raises(ProjectError, match="open in a window on another computer: omar on laptop"):
        Project.open(folder)
    with pytest.raises(ProjectError, match="laptop-of-omar"):
        locking.claim(folder, "samira")
    mine = locking.claim(folder, "samira", take_over=True)  # the laptop crashed
    assert not other.exists()
    with Project.open(folder) as project:
        assert project.documents.count() == 1
    mine.release()
    assert locking.sessions(folder) == []


def test_a_session_another_computer_stopped_refreshing_is_over(folder):
    session_file(folder, "laptop-of-omar", age=locking.STALE_AFTER_SECONDS + 60)
    with Project.open(folder) as project:
        assert project.documents.count() == 1
    assert locking.on_other_computers(folder) == []


def test_windows_on_this_computer_share_a_project(folder):
    with Child(["-m", "tests.safety.child", "window", folder, "omar"]) as window:
        window.wait_for("claimed")
        (session,) = locking.sessions(folder)
        assert session.here and session.annotator == "omar" and session.pid == window.process.pid
        mine = locking.claim(folder, "samira")
        with Project.open(folder) as project:
            editing.create_span(project, 1, "samira", "ACTOR", 0, 4)
        assert {s.annotator for s in locking.sessions(folder)} == {"omar", "samira"}
        mine.release()
        assert window.finish() == 0
    assert locking.sessions(folder) == []


def test_the_session_of_a_killed_window_is_swept_away(folder):
    with Child(["-m", "tests.safety.child", "window", folder, "omar"]) as window:
        name = window.wait_for("claimed").split()[1]
        window.kill()
    assert (folder / locking.SESSIONS / name).exists()
    assert locking.sessions(folder) == []
    assert not (folder / locking.SESSIONS / name).exists()


def test_refreshing_keeps_a_session_alive(folder):
    session = locking.claim(folder, "samira")
    then = time.time() - locking.STALE_AFTER_SECONDS - 60
    os.utime(session.path, (then, then))
    session.refresh()
    assert time.time() - session.path.stat().st_mtime < 60
    session.release()
    session.refresh()  # a refresh after the file went away writes it again
    assert session.path.exists()
    session.release()


def test_the_file_system_of_a_folder_is_told_and_local_disks_are_not_network_shares(tmp_path):
    assert locking.filesystem_type("/proc/self") == "proc"
    assert locking.filesystem_type("/sys/kernel") == "sysfs"
    assert locking.filesystem_type(tmp_path)
    assert locking.network_filesystem(tmp_path) is None
    assert locking.network_filesystem("\\\\fileserver\\projects\\study") == "network share"
    assert {"nfs", "nfs4", "cifs", "smb3", "fuse.sshfs"} <= locking.NETWORK_FILESYSTEMS
