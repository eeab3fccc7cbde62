"""The command line behaves as command-line programs do: a reader that stops early (``| head``)
ends it quietly, what it writes gets the permissions the user's umask gives, and the
benchmark makes the folder it is told to work in."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.schema import load_preset
from annotator.ops import editing
from annotator.store.project import Project
from tests.safety.conftest import SENTENCE, add_document
from tests.safety.harness import ROOT, TIMEOUT


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    with Project.create(folder, load_preset("conflict")) as project:
        for n in range(30):
            add_document(project, f"مقالة {n}", f"{n} {SENTENCE}")
            editing.create_span(project, n + 1, "samira", "ACTOR", 0, len(str(n)) + 5)
    return folder


def annotator(*args: object, umask: int | None = None, **options) -> subprocess.Popen:
    options.setdefault("cwd", ROOT)
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
        **options,
    )


@pytest.mark.parametrize(
    "command",
    [["stats"], ["search", "مصادر"], ["audit"], ["export", "--format", "jsonl", "--out", "-"]],
    ids=["stats", "search", "audit", "export to a file named -"],
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(coded, tmp_path, command):
    """As ``annotator stats PROJECT | head -1``: the reader has gone before the output."""
    process = annotator(command[0], coded, *command[1:], cwd=tmp_path)
    process.stdout.close()  # the reader is gone before anything was written
    error = process.stderr.read().decode()
    code = process.wait(timeout=TIMEOUT)
    assert "Traceback" not in error and "Exception ignored" not in error, error
    assert "BrokenPipeError" not in error
    assert code in (0, 141)


def test_a_reader_that_stops_after_the_first_line_gets_it(coded):
    result = subprocess.run(
        f"{sys.executable} -m annotator search {coded} مصادر --limit 30 | head -1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT,
    )
    assert result.stdout == "30 articles match «مصادر»\n"
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_written_files_and_folders_get_the_modes_the_umask_gives(coded, tmp_path, umask):
    out = tmp_path / "out"
    out.mkdir()
    commands = [
        ["export", coded, "--format", "jsonl", "--out", out / "coded.jsonl"],
        ["export", coded, "--format", "conll", "--annotator", "samira", "--out", out / "c.conll"],
        ["export", coded, "--format", "brat", "--out", out / "brat"],
        ["export", coded, "--format", "jsonl", "--split", "a=0.5,b=0.5", "--out", out / "parts"],
        ["audit", coded, "--out", out / "trail.csv"],
        ["backup", coded],
    ]
    for command in commands:
        process = annotator(*command, umask=umask)
        _, error = process.communicate(timeout=TIMEOUT)
        assert process.returncode == 0, error.decode()
    written = [*out.rglob("*"), coded / "backups", *(coded / "backups").iterdir()]
    assert {p.suffix for p in written} >= {".jsonl", ".conll", ".ann", ".txt", ".csv", ".sqlite"}
    for path in written:
        expected = 0o777 & ~umask if path.is_dir() else 0o666 & ~umask
        assert stat.S_IMODE(path.stat().st_mode) == expected, (path, oct(expected))


def test_the_benchmark_makes_a_work_folder_that_does_not_exist(tmp_path):
    work = tmp_path / "not" / "there"
    result = subprocess.run(
        [sys.executable, "-m", "annotator.bench", "edits", "--work", work, "--repeats", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "an edit (a span created" in result.stdout
    assert work.is_dir() and list(work.iterdir()) == []  # what it made there is cleaned up
    (tmp_path / "a-file").write_text("x")
    result = subprocess.run(
        [sys.executable, "-m", "annotator.bench", "edits", "--work", tmp_path / "a-file"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT,
    )
    assert result.returncode == 2 and "is a file, not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def on_a_terminal(command: list[str]) -> tuple[int, str]:
    """Run ``python -m annotator …`` with its errors on a terminal (a pseudo-terminal): its
    exit code and what the terminal showed."""
    import pty

    main_end, child_end = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "annotator", *command],
        stdout=subprocess.DEVNULL,
        stderr=child_end,
        cwd=ROOT,
        timeout=TIMEOUT,
    )
    os.close(child_end)
    shown = b""
    while True:
        try:
            chunk = os.read(main_end, 65536)
        except OSError:  # the terminal's other end has closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(main_end)
    return done.returncode, shown.decode("utf-8")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_an_import_shows_its_progress_on_a_terminal_and_nothing_down_a_pipe(tmp_path):
    project = tmp_path / "p"
    Project.create(project, load_preset("conflict")).close()
    articles = tmp_path / "a.jsonl"
    lines = [f'{{"text": "{SENTENCE} {n}", "label": [[0, 4, "EVENT"]]}}\n' for n in range(1500)]
    articles.write_text("".join(lines), "utf-8")
    code, shown = on_a_terminal(["import", str(project), str(articles), "--annotator", "x"])
    assert code == 0
    assert shown.endswith("\r[##############################] 1500/1500 records\r\n")
    assert "\r[###############...............] 750/1500 records" in shown

    piped = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(project), str(articles)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=TIMEOUT,
    )
    assert piped.returncode == 0 and piped.stderr == ""  # no bar where no one watches

    table = tmp_path / "a.csv"
    table.write_text("text\n" + "".join(f"{SENTENCE} {n}\n" for n in range(2500)), "utf-8")
    code, shown = on_a_terminal(["import", str(project), str(table), "--annotator", "x"])
    assert code == 0  # a CSV's rows are not counted ahead: the count as they are read
    assert shown == "\r1,000 records\r2,000 records\r\n"


def test_the_benchmark_of_floors_writes_every_shape_of_tables(tmp_path):
    from annotator.bench import floors
    from annotator.store.floors import SHAPES

    lines = list(floors.run([40], tmp_path, 1))
    assert lines[0].startswith("40 articles")
    assert [line.split(":")[0].strip() for line in lines[1:]] == [s.name.strip() for s in SHAPES]
    assert "1.00x the bare minimum's tables" in lines[1]
    assert "1.00x the project's with events" in lines[3]
    assert list(tmp_path.iterdir()) == []  # the corpus and the databases are gone
