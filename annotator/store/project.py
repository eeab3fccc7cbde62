"""A project on disk: a folder holding one SQLite database that is the single source of truth."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from annotator.core import schema as schema_module
from annotator.core.errors import ProjectError
from annotator.core.schema import Schema
from annotator.store import locking, migrations
from annotator.store.audit import Audit
from annotator.store.comments import Comments
from annotator.store.documents import Documents
from annotator.store.entities import Entities
from annotator.store.merges import MergedLayers
from annotator.store.progress import Progress
from annotator.store.relations import Relations
from annotator.store.spans import Spans
from annotator.store.tables import APPLICATION_ID, DDL, FORMAT_VERSION

DATABASE = "project.sqlite"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def database_path(path: str | Path) -> Path:
    """The database of a project given as its folder or as the database file itself."""
    path = Path(path)
    return path if path.suffix == ".sqlite" and not path.is_dir() else path / DATABASE


WAL_SIZE_LIMIT = 64 * 1024 * 1024  # the write-ahead log is cut back to this after a checkpoint


def _connect(path: Path) -> sqlite_utils.Database:
    """A connection that waits its turn behind other writers and syncs every commit to disk."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    return sqlite_utils.Database(conn)


class Project:
    """An open project. Every write goes through :meth:`write`, one transaction per edit."""

    def __init__(self, folder: Path, db: sqlite_utils.Database) -> None:
        self.folder = folder
        self.db = db
        self._schema: Schema | None = None
        self.documents = Documents(db)
        self.spans = Spans(db)
        self.relations = Relations(db)
        self.progress = Progress(db)
        self.entities = Entities(db)
        self.audit = Audit(db)
        self.comments = Comments(db)
        self.merged_layers = MergedLayers(db)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: str | Path, schema: Schema, name: str | None = None) -> Project:
        folder = Path(folder)
        path = folder / DATABASE
        if path.exists():
            raise ProjectError(f"{folder}: a project already exists here")
        if folder.exists() and not folder.is_dir():
            raise ProjectError(f"{folder}: is a file, not a folder")
        folder.mkdir(parents=True, exist_ok=True)
        db = _connect(path)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        with db.atomic():
            _create_tables(db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
            meta = {
                "name": name or folder.resolve().name,
                "created": now(),
                "schema": json.dumps(schema.to_json(), ensure_ascii=False),
            }
            db["meta"].insert_all([{"key": k, "value": v} for k, v in meta.items()])
        return cls(folder, db)

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open a project; one of an older format is upgraded, after a backup, first.

        Opening writes no backup: the window and the commands that change a project call
        :func:`annotator.store.backups.automatic` themselves.
        """
        db_path = database_path(path)
        folder = db_path.parent
        if not db_path.exists():
            raise ProjectError(f"{path}: no project here (expected {db_path})")
        locking.refuse_if_open_elsewhere(folder)
        try:
            db = _connect(db_path)
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise ProjectError(f"{db_path}: cannot be opened ({error})") from error
            raise ProjectError(
                f"{folder}: the project is being restored or upgraded by another program; "
                "try again when it has finished"
            ) from error
        except sqlite3.DatabaseError as error:
            raise ProjectError(f"{db_path}: not a project database ({error})") from error
        if app_id != APPLICATION_ID:
            db.conn.close()
            raise ProjectError(f"{db_path}: not an annotator project database")
        if version > FORMAT_VERSION:
            db.conn.close()
            raise ProjectError(
                f"{db_path}: this project was written by a newer version of annotator "
                f"(format {version}; this version reads up to {FORMAT_VERSION}). "
                "Update annotator to open it; the project has not been changed."
            )
        if version < FORMAT_VERSION:
            db.conn.close()
            migrations.upgrade(db_path)
            db = _connect(db_path)
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                db.execute("PRAGMA journal_mode = WAL")  # e.g. a backup file put back by hand
            except sqlite3.OperationalError as error:
                db.conn.close()
                raise ProjectError(f"{db_path}: cannot be opened for writing ({error})") from error
        return cls(folder, db)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One transaction: everything inside is written together or not at all."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():  # nested: a savepoint
                yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise ProjectError(f"{self.folder}: cannot write to the project ({error})") from error
        try:
            yield
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise ProjectError(
                f"{self.folder}: the change was not saved ({error}); the project is as it was"
            ) from error
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise ProjectError(f"{self.folder}: the change was not saved ({error})") from error

    # -- project-wide settings ---------------------------------------------------------------

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @property
    def name(self) -> str:
        return self.meta("name") or self.folder.name

    @property
    def format_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """A number that changes when another connection commits a change to the project.

        Cheap enough to poll every second: the window re-reads what it shows when it moves.
        This connection's own commits do not move it.
        """
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = schema_module.from_json(json.loads(self.meta("schema") or "{}"))
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        self.set_meta("schema", json.dumps(schema.to_json(), ensure_ascii=False))
        self._schema = schema

    def forget_cached_schema(self) -> None:
        """Re-read the schema on next use (after a rollback, or a change by another process)."""
        self._schema = None

    def annotators(self) -> list[str]:
        rows = self.db.execute(
            "SELECT annotator FROM spans UNION SELECT annotator FROM progress ORDER BY 1"
        )
        return [row[0] for row in rows]

    def integrity_problems(self) -> list[str]:
        rows = [row[0] for row in self.db.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else [f"database: {row}" for row in rows]
        problems += [
            f"database: foreign key broken in {row[0]} row {row[1]}"
            for row in self.db.execute("PRAGMA foreign_key_check")
        ]
        return problems


def _create_tables(db: sqlite_utils.Database) -> None:
    for statement in DDL.split(";"):
        if statement.strip():
            db.execute(statement)
