"""Real kill -9 at the worst moment: during an import, an export and a burst of edits.

Afterwards the project opens, ``annotator check`` passes, every acknowledged edit is there,
an interrupted import left nothing of itself, and an interrupted export left the old file.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from pathlib import Path

from annotator.core.schema import load_preset
from annotator.ops import exporting, importing
from annotator.store.project import DATABASE, Project
from tests.conftest import snapshot
from tests.safety.conftest import SENTENCE, add_document, big_text
from tests.safety.harness import Child, annotator, run_annotator


def dump(folder: Path) -> list[str]:
    with Project.open(folder) as project:
        return snapshot(project)


def assert_checks(folder: Path) -> None:
    checked = run_annotator("check", folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def record(n: int) -> str:
    text = big_text(n)
    return json.dumps(
        {"name": f"r{n}", "text": text, "label": [[0, len(str(n)), "EVENT"]]},
        ensure_ascii=False,
    )


def test_an_import_killed_mid_way_leaves_nothing_of_itself(folder, tmp_path):
    """The file is a pipe that we feed, so the import is certainly still running (its one
    transaction has written thousands of rows to the log, uncommitted) when it is killed."""
    before = dump(folder)
    feed = tmp_path / "feed.jsonl"
    os.mkfifo(feed)
    wal = folder / f"{DATABASE}-wal"
    fed = 0
    with (
        annotator("import", folder, feed, "--annotator", "samira") as child,
        feed.open("w", encoding="utf-8") as pipe,  # opens when the import opens the file
    ):
        while not (wal.exists() and wal.stat().st_size > 4_000_000):
            assert fed < 20_000, "the import wrote nothing to its log"
            assert child.process.poll() is None, child.stderr
            pipe.write("".join(record(n) + "\n" for n in range(fed, fed + 100)))
            pipe.flush()
            fed += 100
        child.kill()
    assert fed >= 100
    assert dump(folder) == before  # not one document, not one span of it
    assert_checks(folder)
    again = tmp_path / "again.jsonl"
    again.write_text(record(1) + "\n", encoding="utf-8")
    with Project.open(folder) as project:  # nothing was left locked
        report = importing.import_files(project, [again], annotator="samira")
        assert report.documents_added == 1 and project.documents.count() == 2


def big_project(folder: Path, documents: int) -> None:
    with Project.create(folder, load_preset("conflict")) as project, project.write():
        for n in range(documents):
            add_document(project, f"d{n}", big_text(n))


def test_an_export_killed_mid_write_leaves_the_old_file(tmp_path):
    folder = tmp_path / "big"
    big_project(folder, 1000)
    out = tmp_path / "out.jsonl"
    out.write_text('{"old": "export"}\n', encoding="utf-8")
    with annotator("export", folder, "--format", "jsonl", "--out", out) as child:

        def writing() -> list[Path]:
            found = []
            for path in tmp_path.glob(".out.jsonl.*"):
                with contextlib.suppress(FileNotFoundError):  # renamed meanwhile
                    if path.stat().st_size > 0:
                        found.append(path)
            return found

        child.wait_until(lambda: bool(writing()), "the export writes")
        os.kill(child.process.pid, signal.SIGSTOP)  # freeze it mid-write, then kill it
        (part,) = writing()
        child.kill()
    assert out.read_text(encoding="utf-8") == '{"old": "export"}\n'
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("big", "out.jsonl")]
    assert leftovers == [part.name]
    assert part.name.startswith(".out.jsonl.") and part.suffix == ".part"
    # The stray file is hidden and not a format anything reads; the next export is whole.
    finished = run_annotator("export", folder, "--format", "jsonl", "--out", out)
    assert finished.returncode == 0, finished.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["name"] for line in lines] == [f"d{n}" for n in range(1000)]
    assert importing.detect_format(out) == "jsonl"
    assert not any(p.name.endswith(".jsonl") for p in tmp_path.iterdir() if p != out)


def test_an_export_interrupted_with_ctrl_c_leaves_no_stray_file(tmp_path):
    """The export is stopped (SIGSTOP) as soon as its temporary file appears, so Ctrl-C
    comes while it is writing however fast or loaded the machine is; an export that had
    already finished by then is run again."""
    folder = tmp_path / "big"
    big_project(folder, 1000)
    out = tmp_path / "out.json"
    for _attempt in range(20):
        with annotator("export", folder, "--format", "json", "--out", out) as child:
            child.wait_until(lambda: any(tmp_path.glob(".out.json.*")), "the export writes")
            os.kill(child.process.pid, signal.SIGSTOP)
            finished = out.exists() or not any(tmp_path.glob(".out.json.*"))
            os.kill(child.process.pid, signal.SIGINT)
            os.kill(child.process.pid, signal.SIGCONT)
            code = child.finish()
        if not finished:
            break
        out.unlink(missing_ok=True)
    assert not finished, "every export finished before it could be interrupted"
    assert code == 130 and "interrupted" in child.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big"]


def test_a_burst_of_edits_killed_keeps_every_acknowledged_edit(folder):
    with Child(["-m", "tests.safety.child", "edits", folder, "1", "samira"]) as child:
        child.wait_for(lambda line: line.startswith("created") and int(line.split()[1]) >= 150)
        child.kill()
    created: dict[int, tuple[int, int]] = {}
    relabelled, deleted = set(), set()
    for line in child.lines:
        words = line.split()
        if words[0] == "created":
            assert int(words[1]) not in created, "a deleted span's id was given to another"
            created[int(words[1])] = (int(words[2]), int(words[3]))
        elif words[0] == "relabelled":
            relabelled.add(int(words[1]))
        elif words[0] == "deleted":
            deleted.add(int(words[1]))
    assert len(created) >= 150 and relabelled and deleted
    assert_checks(folder)
    with Project.open(folder) as project:
        spans = {s.id: s for s in project.spans.for_document(1, "samira")}
        # The one edit in flight when the kill came may be on disk without its line:
        # a span created, or the last created span relabelled or deleted.
        last = max(created)
        surprises = set(spans) - set(created)
        for span_id, (start, end) in created.items():
            label = "LOCATION" if span_id in relabelled else "ACTOR"
            if span_id in deleted:
                assert span_id not in spans
            elif span_id == last and (span_id not in spans or spans[span_id].label != label):
                surprises.add(span_id)
            else:
                span = spans[span_id]
                assert (span.start, span.end, span.text) == (start, end, SENTENCE[start:end])
                assert span.label == label
        assert len(surprises) <= 1, surprises
        trail = {(e.action, e.span_id) for e in project.audit.iter_all()}
        assert {("create", i) for i in created} <= trail
        assert {("delete", i) for i in deleted} <= trail
        assert {("update", i) for i in relabelled} <= trail


def test_an_export_of_a_project_being_edited_is_whole_and_consistent(folder, tmp_path):
    """An export reads one snapshot while another process keeps editing."""
    out = tmp_path / "during.jsonl"
    with Child(["-m", "tests.safety.child", "edits", folder, "1", "omar"]) as child:
        child.wait_for("created")
        with Project.open(folder) as project:
            for _ in range(5):
                exporting.export(project, "jsonl", out)
                (document,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
                for annotation in document["annotations"]:
                    start, end = annotation["start"], annotation["end"]
                    assert document["text"][start:end] == annotation["text"]
        child.kill()
    assert_checks(folder)
