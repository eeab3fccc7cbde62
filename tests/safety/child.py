"""What the child processes of the safety tests do: ``python -m tests.safety.child TASK ...``.

Each task works through the program's own operations and prints one flushed line per thing
it has finished (an acknowledged edit, a reached moment), which the test waits for.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.ops import editing
from annotator.store import backups, migrations
from annotator.store.files import ProjectFilesChanged
from annotator.store.locking import claim
from annotator.store.project import Project

LABELS = ("ACTOR", "LOCATION", "EVENT")


def say(*words: object) -> None:
    print(*words, flush=True)


def spans(folder: str, document: str, annotator: str, count: str) -> None:
    """On a line ``go``, create ``count`` spans, printing ``span ID`` as each is committed."""
    with Project.open(folder) as project:
        text = project.documents.get(int(document)).text
        words = [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]
        say("ready")
        sys.stdin.readline()
        for n in range(int(count)):
            start, end = words[n % len(words)]
            span = editing.create_span(project, int(document), annotator, LABELS[n % 3], start, end)
            say("span", span.id)
    say("done")


def edits(folder: str, document: str, annotator: str) -> None:
    """Create, relabel and delete spans without end, printing each acknowledged edit."""
    with Project.open(folder) as project:
        text = project.documents.get(int(document)).text
        words = [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]
        n = 0
        while True:
            start, end = words[n % len(words)]
            span = editing.create_span(project, int(document), annotator, "ACTOR", start, end)
            say("created", span.id, span.start, span.end)
            if n % 3 == 1:
                editing.update_span(project, span.id, annotator, label="LOCATION")
                say("relabelled", span.id, "LOCATION")
            if n % 5 == 4:
                editing.delete_span(project, span.id, annotator)
                say("deleted", span.id)
            n += 1


def keep_editing(folder: str, document: str, before: str, after: str) -> None:
    """Create ``before`` spans, print ``paused`` and wait for a line; then try ``after`` more.
    Prints ``saved ID`` for each edit that returned, ``refused RESCUED | CHANGES`` for each
    refused because the project's files changed; stays open until stdin closes."""
    with Project.open(folder) as project:
        text = project.documents.get(int(document)).text
        words = [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]

        def edit(n: int) -> None:
            start, end = words[n % len(words)]
            try:
                span = editing.create_span(project, int(document), "samira", "ACTOR", start, end)
            except ProjectFilesChanged as error:
                say("refused", error.rescued.name if error.rescued else "-", "|", *error.changes)
            else:
                say("saved", span.id)

        for n in range(int(before)):
            edit(n)
        say("paused")
        sys.stdin.readline()
        for n in range(int(before), int(before) + int(after)):
            edit(n)
        say("done")
        sys.stdin.read()


def many_edits(folder: str, document: str, count: str) -> None:
    """On a line ``go``, create ``count`` spans one after another, each waiting as long as
    another program writes; prints ``waiting`` the first time one waits, then ``saved N``."""
    with Project.open(folder) as project:
        text = project.documents.get(int(document)).text
        words = [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]
        told = []

        def waiting(seconds: float) -> None:
            if not told:
                told.append(seconds)
                say("waiting")

        project.waiting = waiting
        say("ready")
        sys.stdin.readline()
        saved = 0
        for n in range(int(count)):
            start, end = words[n % len(words)]
            editing.create_span(project, int(document), "omar", LABELS[n % 3], start, end)
            saved += 1
        say("saved", saved)


def raw_writer(folder: str) -> None:
    """Another program holding the project with SQLite alone (no annotator store): it writes,
    prints ``wrote``, and writes again at each line on stdin."""
    conn = sqlite3.connect(Path(folder) / "project.sqlite", isolation_level=None)
    n = 0
    while True:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('raw', ?)", [str(n)])
        say("wrote", n)
        if not sys.stdin.readline():
            break
        n += 1


def hold(folder: str) -> None:
    """Keep the project open, as an idle window does, until stdin closes."""
    with Project.open(folder) as project:
        project.documents.count()
        say("open")
        sys.stdin.read()


def window(folder: str, annotator: str) -> None:
    """Announce a window session and keep it until stdin closes."""
    session = claim(folder, annotator)
    say("claimed", session.path.name)
    sys.stdin.read()
    session.release()


def restore(folder: str, name: str) -> None:
    """Restore a backup, stopping (until killed) once part of it has been copied."""

    def progress(left: int, total: int) -> None:
        if left > 0:
            say("copying", left, total)
            sys.stdin.read()

    backups.restore(folder, name, progress)
    say("restored")


def backup(folder: str) -> None:
    """Make manual backups one after another without end."""
    while True:
        made = backups.create(folder)
        say("backup", made.name)


def _add_column(conn) -> None:
    conn.execute("ALTER TABLE documents ADD COLUMN source TEXT")
    conn.execute("UPDATE documents SET source = 'archive'")


def _add_index_then_stop(conn) -> None:
    conn.execute("CREATE INDEX documents_source ON documents(source)")
    conn.execute("UPDATE documents SET source = 'step 2'")
    say("stepping")
    sys.stdin.read()


def upgrade(database: str) -> None:
    """Upgrade a database from format 0 with two steps; the second stops until killed."""
    steps = (
        migrations.Step(1, "documents get a source", _add_column),
        migrations.Step(2, "an index on the source", _add_index_then_stop),
    )
    migrations.upgrade(Path(database), steps, target=2)
    say("upgraded")


def write_lock(folder: str) -> None:
    """Hold the write lock (a transaction begun) until a line arrives on stdin."""
    with Project.open(folder) as project:
        with project.write():
            project.documents.count()
            say("holding")
            sys.stdin.readline()
        say("released")


TASKS = {
    f.__name__: f
    for f in (
        spans,
        edits,
        keep_editing,
        many_edits,
        raw_writer,
        hold,
        window,
        restore,
        backup,
        upgrade,
        write_lock,
    )
}

if __name__ == "__main__":
    try:
        TASKS[sys.argv[1]](*sys.argv[2:])
    except AnnotatorError as error:
        print(f"error: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
