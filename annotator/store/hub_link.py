"""A local project's link to a hub: where it syncs, what changed here since, what came from there.

A project becomes linked when it is cloned from a hub, or when a lead makes a hub from it.
Linking adds, to this project only:

- ``hub_changes``: each layer of each document (``annotator`` '' for the document itself)
  written here since it was last sent, with a counter that every write moves. Triggers on
  spans, links, events, arguments, statuses and documents keep it, so that no way of writing
  (the window, an import, a merge) escapes a sync. A sync sends a layer, then forgets the
  change only if the counter is still what it sent: an edit made meanwhile is sent next time.
- ``hub_layers``: for each layer that came from or went to the hub, its hub revision and
  fingerprint, so that a pull skips what it already has and a push says what it was based on.
- ``hub_assignments``: the documents the hub assigns to each annotator.

Where the hub is (its URL without a password), the login, and how far the last pull got are
settings in ``meta``. Unlinked projects carry none of this, and pay nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.store.project import Project

DOCUMENT = ""  # the ``annotator`` of a change to the document itself
TALK = "#discussion"  # the ``annotator`` of a change to the document's discussions

_TABLES = """
CREATE TABLE IF NOT EXISTS hub_changes (
    document_id INTEGER NOT NULL,
    annotator TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hub_layers (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    revision INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hub_assignments (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS hub_assignments_annotator ON hub_assignments(annotator, document_id)
"""

_MARK = (
    "INSERT INTO hub_changes(document_id, annotator, version) SELECT {d}, {a}, 1 {source} "
    "ON CONFLICT (document_id, annotator) DO UPDATE SET version = version + 1"
)


def _mark(document: str, annotator: str, source: str = "WHERE true") -> str:
    """The statement a trigger runs to count one change (``source``: where the document and
    annotator are read from, for rows that do not carry them)."""
    return _MARK.format(d=document, a=annotator, source=source)


def _triggers() -> list[str]:
    statements = []
    for table in ("spans", "relations", "events", "progress"):
        for when, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("OLD", "NEW"))):
            body = "; ".join(_mark(f"{row}.document_id", f"{row}.annotator") for row in rows)
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS hub_{table}_{when.lower()} AFTER {when} ON {table} "
                f"BEGIN {body}; END"
            )
    for when, row in (("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW")):
        mark = _mark("e.document_id", "e.annotator", f"FROM events e WHERE e.id = {row}.event_id")
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS hub_arguments_{when.lower()} AFTER {when} ON arguments "
            f"BEGIN {mark}; END"
        )
    talk = f"'{TALK}'"
    for when, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS hub_threads_{when.lower()} AFTER {when} ON threads "
            f"BEGIN {_mark(f'{row}.document_id', talk)}; END"
        )
        mark = _mark("t.document_id", talk, f"FROM threads t WHERE t.id = {row}.thread_id")
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS hub_comments_{when.lower()} AFTER {when} ON comments "
            f"BEGIN {mark}; END"
        )
    statements.append(
        "CREATE TRIGGER IF NOT EXISTS hub_documents_insert AFTER INSERT ON documents BEGIN "
        + _mark("NEW.id", "''")
        + "; END"
    )
    return statements


def link(project: Project, settings: dict[str, str]) -> None:
    """Make the project a hub's copy (inside the caller's transaction): the tables, the
    triggers, and ``settings`` (``hub.url``, ``hub.login``…) in meta."""
    for statement in _TABLES.split(";"):
        project.db.execute(statement)
    for statement in _triggers():
        project.db.execute(statement)
    for key, value in settings.items():
        project.set_meta(key, value)


def suspend(project: Project) -> None:
    """Take the triggers away for the rest of the caller's transaction, which must call
    :func:`link` before it commits: a pull writes what came from the hub, nothing to send."""
    for statement in _triggers():
        name = statement.split("IF NOT EXISTS ", 1)[1].split(" ", 1)[0]
        project.db.execute(f"DROP TRIGGER IF EXISTS {name}")


def is_linked(project: Project) -> bool:
    return project.meta("hub.url") is not None


def changes(project: Project) -> list[tuple[int, str, int]]:
    """(document id, annotator or '' for the document, version) of what changed here."""
    return project.db.execute(
        "SELECT document_id, annotator, version FROM hub_changes ORDER BY document_id, annotator"
    ).fetchall()


def changed_count(project: Project, layers: Iterable[str]) -> int:
    """How many changes of these layers (and new documents) wait to be sent."""
    names = [*layers, DOCUMENT]
    marks = ", ".join("?" * len(names))
    return project.db.execute(
        f"SELECT count(*) FROM hub_changes WHERE annotator IN ({marks})", names
    ).fetchone()[0]


def forget(project: Project, sent: Iterable[tuple[int, str, int]]) -> None:
    """Forget changes that were sent, each only if no write came after (its version)."""
    project.db.executemany(
        "DELETE FROM hub_changes WHERE document_id = ? AND annotator = ? AND version = ?",
        list(sent),
    )


def version(project: Project, document_id: int, annotator: str) -> int | None:
    """The change counter of one layer (or of a document's discussions), None if unchanged."""
    row = project.db.execute(
        "SELECT version FROM hub_changes WHERE document_id = ? AND annotator = ?",
        (document_id, annotator),
    ).fetchone()
    return row[0] if row else None


def forget_layers(project: Project, layers: Iterable[tuple[int, str]]) -> None:
    """Forget the marks a pull's own writes left (inside the pull's transaction)."""
    project.db.executemany(
        "DELETE FROM hub_changes WHERE document_id = ? AND annotator = ?", list(layers)
    )


def known(project: Project) -> dict[tuple[int, str], tuple[int, str]]:
    """(document id, annotator) → (hub revision, fingerprint) of every synced layer."""
    rows = project.db.execute(
        "SELECT document_id, annotator, revision, fingerprint FROM hub_layers"
    ).fetchall()
    return {(d, a): (r, f) for d, a, r, f in rows}


def remember(project: Project, layers: Iterable[tuple[int, str, int, str]]) -> None:
    """Record layers (document id, annotator, revision, fingerprint) as the hub has them."""
    project.db.executemany(
        "INSERT OR REPLACE INTO hub_layers(document_id, annotator, revision, fingerprint) "
        "VALUES (?, ?, ?, ?)",
        list(layers),
    )


def set_assignments(project: Project, rows: Iterable[tuple[int, str, bool]]) -> None:
    """Apply assignments (document id, annotator, active) from the hub."""
    for document_id, annotator, active in rows:
        if active:
            project.db.execute(
                "INSERT OR IGNORE INTO hub_assignments(document_id, annotator) VALUES (?, ?)",
                (document_id, annotator),
            )
        else:
            project.db.execute(
                "DELETE FROM hub_assignments WHERE document_id = ? AND annotator = ?",
                (document_id, annotator),
            )


def assigned(project: Project, annotator: str) -> set[int]:
    if not is_linked(project):
        return set()
    return {
        row[0]
        for row in project.db.execute(
            "SELECT document_id FROM hub_assignments WHERE annotator = ?", (annotator,)
        )
    }
