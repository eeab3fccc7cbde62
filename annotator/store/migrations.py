"""Bringing a project written by an older version of annotator up to the current format.

The format version is SQLite's ``user_version``. Each :class:`Step` turns a database of
format ``version - 1`` into one of format ``version``; :data:`STEPS` lists them in order and
ends at :data:`~annotator.store.tables.FORMAT_VERSION`. Before the first step a backup of the
project as it was is written to ``PROJECT/backups/``. Each step runs in its own transaction
that also moves the version on, so an interruption leaves the project at the last version
it completed, whole, and the next open carries on from there.

Format 1 was the first released format; format 2 made events records of their own; format 3
remembers what the annotator accepted and rejected of the suggestions.
docs/safety.md says how to add a step.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store import backups
from annotator.store.locking import sole_connection
from annotator.store.tables import FORMAT_VERSION


@dataclass(frozen=True)
class Step:
    """What turns format ``version - 1`` into format ``version``."""

    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]  # runs inside the step's transaction


def _events_as_records(conn: sqlite3.Connection) -> None:
    """Each span of an event label becomes the trigger of one event of that label, with its
    attributes (and a gold span's provenance) and its role links as the event's arguments, in
    the order they were made; those links leave the relations. A link whose role the schema
    does not declare for the event's label (``ally``) stays a link between the two spans, as
    it was: an argument is a role of the event. Canonical places may carry coordinates from
    now on, and the project a gazetteer to take them from."""
    for statement in (EVENT_TABLES + PLACE_TABLES).split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("ALTER TABLE entities ADD COLUMN latitude REAL")
    conn.execute("ALTER TABLE entities ADD COLUMN longitude REAL")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    labels = json.loads(row[0]).get("labels", []) if row else []
    events = sorted({label["id"] for label in labels if label.get("kind") == "event"})
    if not events:
        return
    marks = ", ".join("?" * len(events))
    conn.execute(
        "INSERT INTO events(document_id, annotator, label, trigger, attributes, provenance, "
        "created, updated) SELECT document_id, annotator, label, id, attributes, provenance, "
        f"created, updated FROM spans WHERE label IN ({marks}) ORDER BY id",
        events,
    )
    conn.execute(
        "CREATE TEMP TABLE declared_roles (label TEXT, role TEXT, PRIMARY KEY (label, role))"
    )
    conn.executemany(
        "INSERT OR IGNORE INTO declared_roles VALUES (?, ?)",
        [
            (label["id"], role["name"])
            for label in labels
            if label.get("kind") == "event"
            for role in label.get("roles") or []
        ],
    )
    roles = (
        "FROM relations r JOIN events e ON e.trigger = r.source "
        "JOIN declared_roles d ON d.label = e.label AND d.role = r.role"
    )
    conn.execute(
        "INSERT INTO arguments(event_id, position, role, span_id) "
        "SELECT e.id, row_number() OVER (PARTITION BY r.source ORDER BY r.id) - 1, r.role, "
        f"r.target {roles}"
    )
    conn.execute(f"DELETE FROM relations WHERE id IN (SELECT r.id {roles})")
    conn.execute("DROP TABLE declared_roles")
    conn.execute(f"UPDATE spans SET attributes = '{{}}' WHERE label IN ({marks})", events)


EVENT_TABLES = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    label TEXT NOT NULL,
    trigger INTEGER REFERENCES spans(id) ON DELETE CASCADE,
    attributes TEXT NOT NULL DEFAULT '{}',
    provenance TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX events_document ON events(document_id, annotator);
CREATE INDEX events_trigger ON events(trigger) WHERE trigger IS NOT NULL;
CREATE INDEX events_label ON events(label);
CREATE TABLE arguments (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    span_id INTEGER REFERENCES spans(id) ON DELETE CASCADE,
    argument_event INTEGER REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, position),
    CHECK ((span_id IS NULL) != (argument_event IS NULL))
) WITHOUT ROWID;
CREATE INDEX arguments_span ON arguments(span_id) WHERE span_id IS NOT NULL;
CREATE INDEX arguments_event ON arguments(argument_event) WHERE argument_event IS NOT NULL;
"""  # as format 2 made them
PLACE_TABLES = """
CREATE TABLE gazetteer (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    population INTEGER NOT NULL,
    arabic TEXT NOT NULL
);
CREATE TABLE gazetteer_names (
    key TEXT NOT NULL,
    place INTEGER NOT NULL REFERENCES gazetteer(id) ON DELETE CASCADE,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE INDEX gazetteer_names_place ON gazetteer_names(place);
CREATE TABLE place_origins (
    entity_id INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    gazetteer_id INTEGER NOT NULL
);
"""  # as format 2 made them

VERDICT_TABLE = """
CREATE TABLE verdicts (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    label TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    recommender TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    time TEXT NOT NULL
);
CREATE INDEX verdicts_document ON verdicts(document_id, annotator);
"""  # as format 3 made it


def _suggestion_verdicts(conn: sqlite3.Connection) -> None:
    """A table for what the annotator accepted and rejected of the suggestions."""
    for statement in VERDICT_TABLE.split(";"):
        if statement.strip():
            conn.execute(statement)


STEPS: tuple[Step, ...] = (
    Step(
        2,
        "events become records of their own, several may share a trigger; places get coordinates",
        _events_as_records,
    ),
    Step(3, "suggestions accepted and rejected are remembered", _suggestion_verdicts),
)


def oldest_upgradable(steps: Sequence[Step], target: int) -> int:
    """The oldest format that the steps can bring up to ``target``."""
    return steps[0].version - 1 if steps else target


def check_steps(steps: Sequence[Step], target: int) -> None:
    """The steps must go one version at a time and end at ``target``."""
    versions = [step.version for step in steps]
    expected = list(range(target - len(steps) + 1, target + 1))
    if versions != expected:
        raise ValueError(f"upgrade steps go {versions}; expected {expected}")


def upgrade(
    database: Path, steps: Sequence[Step] | None = None, target: int | None = None
) -> backups.Backup | None:
    """Upgrade the database in place to ``target``; returns the backup made before, if any.

    Refused while the project is open anywhere else: a program still reading the old format
    must not see the new one appear under it.
    """
    steps = STEPS if steps is None else steps
    target = FORMAT_VERSION if target is None else target
    check_steps(steps, target)
    folder = database.parent
    with sole_connection(database, "upgrade it to this version of annotator") as conn:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found >= target:
            return None  # another program upgraded it while we waited
        oldest = oldest_upgradable(steps, target)
        if found < oldest:
            raise ProjectError(
                f"{database}: format {found} is older than this version of annotator can "
                f"upgrade (from format {oldest}); open it with an older version first. "
                "The project has not been changed."
            )
        saved = backups.copy_database(conn, folder, backups.BEFORE_UPGRADE)
        conn.execute("PRAGMA foreign_keys = OFF")  # steps may rebuild tables; checked below
        for step in steps:
            if step.version <= found:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                step.apply(conn)
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise ProjectError(f"{len(broken)} rows lose what they refer to")
                conn.execute(f"PRAGMA user_version = {int(step.version)}")
                conn.execute("COMMIT")
            except Exception as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise ProjectError(
                    f"{database}: upgrading to format {step.version} ({step.description}) "
                    f"failed: {error}. The project is whole at format {step.version - 1}; "
                    f"the backup {saved.name} holds it as it was before the upgrade."
                ) from error
    return saved
