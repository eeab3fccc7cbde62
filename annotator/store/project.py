"""A project on disk: a folder holding one SQLite database that is the single source of truth.

Every write is one transaction (:meth:`Project.write`). Before it starts, the store waits for
the write lock as long as another program holds it (a long import holds it for its whole
length, all-or-nothing), calling :attr:`Project.waiting` now and then so that a window can
say it is waiting; and it checks that the project's files are still the ones it opened
(:mod:`annotator.store.files`). A write that meets a damaged database is refused with what
is damaged and which backup to restore (:mod:`annotator.store.damage`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from annotator.core import schema as schema_module
from annotator.core.errors import ProjectError
from annotator.core.schema import Schema
from annotator.core.validation import shown, value_problem
from annotator.store import damage, files, locking, migrations
from annotator.store.audit import Audit
from annotator.store.backups import RESCUED, copy_database, damaged_project, unreadable
from annotator.store.comments import Comments
from annotator.store.connection import Database
from annotator.store.documents import Documents
from annotator.store.entities import Entities
from annotator.store.events import Events
from annotator.store.findings import READ_ERRORS, Finding, is_damage
from annotator.store.merges import MergedLayers
from annotator.store.progress import Statuses
from annotator.store.relations import Relations
from annotator.store.spans import Spans
from annotator.store.tables import APPLICATION_ID, DDL, FORMAT_VERSION
from annotator.store.verdicts import Verdicts

DATABASE = "project.sqlite"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def database_path(path: str | Path) -> Path:
    """The database of a project given as its folder or as the database file itself."""
    path = Path(path)
    return path if path.suffix == ".sqlite" and not path.is_dir() else path / DATABASE


WAL_SIZE_LIMIT = 64 * 1024 * 1024  # the write-ahead log is cut back to this after a checkpoint
BUSY_MS = 10_000  # how long a statement other than a write's start waits for a lock
WAIT_SLICE_MS = 200  # a write's start waits this long for the lock between calls of ``waiting``

Waiting = Callable[[float], None]  # called with the seconds a write has waited so far


def _connect(path: Path) -> Database:
    """A connection that waits its turn behind other writers and syncs every commit to disk."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    except BaseException:
        conn.close()
        raise
    return Database(conn)


def _busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


class Project:
    """An open project. Every write goes through :meth:`write`, one transaction per edit.

    ``waiting``, when set, is called with the seconds waited so far while a write waits for
    another program's write (an import) to finish, about five times a second, from the
    thread that writes; raising :class:`~annotator.core.errors.Cancelled` there gives the
    write up (nothing is written). Without it a write simply waits as long as needed.
    """

    def __init__(self, folder: Path, db: Database, database: Path | None = None) -> None:
        self.folder = folder
        self.db = db
        self.waiting: Waiting | None = None
        self._schema: Schema | None = None
        self._database = database or folder / DATABASE
        self._files = files.identities(self._database)
        self._detached: files.ProjectFilesChanged | None = None
        self._stale: sqlite3.Connection | None = None  # the connection whose files went
        self.documents = Documents(db)
        self.spans = Spans(db)
        self.relations = Relations(db)
        self.events = Events(db)
        self.progress = Statuses(db)
        self.entities = Entities(db)
        self.audit = Audit(db)
        self.comments = Comments(db)
        self.merged_layers = MergedLayers(db)
        self.verdicts = Verdicts(db)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: str | Path, schema: Schema, name: str | None = None) -> Project:
        """A new, empty project. The schema and the name are checked before anything is
        written; a creation that fails part way leaves no file behind."""
        folder = Path(folder)
        path = folder / DATABASE
        if path.exists():
            raise ProjectError(f"{folder}: a project already exists here")
        if folder.exists() and not folder.is_dir():
            raise ProjectError(f"{folder}: is a file, not a folder")
        schema_module.from_json(schema.to_json())
        if name is None:  # a folder name that is not UTF-8 is shown with � where it is not
            name = (
                folder.resolve().name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            )
        if value_problem(name, "name"):
            raise ProjectError(
                f"the project's name {shown(name)} cannot be stored: it holds a byte that is "
                "not UTF-8 or half of a character (an unpaired surrogate)"
            )
        made = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        db = None
        try:
            db = _connect(path)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            with db.atomic():
                _create_tables(db)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
                meta = {
                    "name": name,
                    "created": now(),
                    "schema": json.dumps(schema.to_json(), ensure_ascii=False),
                }
                db.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
        except BaseException:
            if db is not None:
                db.conn.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            if made:
                with contextlib.suppress(OSError):
                    folder.rmdir()
            raise
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
        db = None
        try:
            db = _connect(db_path)
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except READ_ERRORS as error:
            if db is not None:
                db.conn.close()
            raise _unopenable(db_path, error) from error
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
        return cls(folder, db, db_path)

    def close(self) -> None:
        if self._detached is not None and self.db.conn is self._stale:
            files.close_detached(self.db.conn, self._database, self._files)
        else:
            self.db.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One transaction: everything inside is written together or not at all.

        Raises :class:`~annotator.store.files.ProjectFilesChanged` (nothing written) when the
        project's files were removed or replaced since it was opened, and
        :class:`~annotator.store.findings.ProjectDamaged` when the database is damaged.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():  # nested: a savepoint
                yield
            return
        self.check_files()
        self._begin()
        try:
            yield
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if is_damage(error):
                raise damaged_project(self.folder, "save the change", error=error) from error
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
        self.check_files()  # a commit into a log that lost its name is not saved

    def _begin(self) -> None:
        """Take the write lock, waiting for it as long as another program holds it."""
        conn = self.db.conn
        started = time.monotonic()
        conn.execute(f"PRAGMA busy_timeout = {WAIT_SLICE_MS}")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if not _busy(error):
                        message = f"{self.folder}: cannot write to the project ({error})"
                        raise ProjectError(message) from error
                if self.waiting is not None:
                    self.waiting(time.monotonic() - started)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Everything read inside comes from one state of the project, whatever others write
        meanwhile (an export's documents and the counts it is checked against)."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    # -- damage ------------------------------------------------------------------------------

    def check_counts(self, doing: str) -> None:
        """Refuse to ``doing`` (:class:`~annotator.store.findings.ProjectDamaged`) when counts
        that agree in a whole project do not: milliseconds, where reading it through takes
        seconds (:mod:`annotator.store.damage`)."""
        damage.check_counts(self.db, self.folder, doing)

    def refusing_damage(self, doing: str) -> contextlib.AbstractContextManager[None]:
        """Damage met inside becomes a refusal naming what is damaged and the backup to
        restore (:func:`annotator.store.damage.refusing_damage`)."""
        return damage.refusing_damage(self.folder, doing)

    def refuse(self, doing: str, noticed: list[Finding]) -> NoReturn:
        """Refuse to go on: something read disagrees with the rest (an export's counts)."""
        raise damaged_project(self.folder, doing, noticed=noticed)

    # -- the project's files -----------------------------------------------------------------

    def check_files(self) -> None:
        """Raise :class:`~annotator.store.files.ProjectFilesChanged` if the project's files were
        removed or replaced since it was opened. Writes check it themselves; a window may
        also call it on a timer (it costs three ``stat`` calls) to notice before an edit."""
        if self._detached is not None:
            raise self._detached
        now = files.identities(self._database)
        changes = files.differences(self._files, now)
        if changes:
            self._detach(changes)
            raise self._detached
        self._files = now  # a -wal or -shm that SQLite has just made

    def _detach(self, changes: list[str]) -> None:
        """Keep what this connection still sees in a backup, and let the project go.

        Reads go on from that backup (read-only), so a window keeps showing what it had;
        writes are refused. If no backup could be written, the connection stays open for
        reading and is never checkpointed.
        """
        stale = self._stale = self.db.conn
        if stale.in_transaction:
            stale.execute("ROLLBACK")
        rescued = None
        with contextlib.suppress(ProjectError, OSError, sqlite3.Error):  # a folder gone, too
            rescued = copy_database(stale, self.folder, RESCUED, keep_damaged=True)
        if rescued is not None and not rescued.damage:
            files.close_detached(stale, self._database, self._files)
            uri = f"{rescued.path.resolve().as_uri()}?mode=ro"
            self.db.conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False
            )
        self._detached = files.ProjectFilesChanged(
            self.folder, changes, rescued.path if rescued is not None else None
        )

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


def _unopenable(database: Path, error: BaseException) -> ProjectError:
    """Why a database cannot be opened, and what to do about it."""
    folder = database.parent
    text = str(error)
    if "locked" in text:
        return ProjectError(
            f"{folder}: the project is being restored or upgraded by another program; "
            "try again when it has finished"
        )
    if "disk I/O error" in text:
        return files.disk_error(database, error)
    return unreadable(database, error, "open it")


def _create_tables(db: Database) -> None:
    for statement in DDL.split(";"):
        if statement.strip():
            db.execute(statement)
