"""Reading a project database through, to its last byte, to say what is damaged and where.

SQLite's own integrity check looks at the file's structure (pages, trees, indexes). It
cannot see a changed byte inside a text: that text is still a well-formed value, only no
longer the one written. So the inspection also reads every row of every table and checks it
against what the project itself records about it: each text against its document's SHA-256
and length, each span's stored surface text against the text at its offsets, every column
as UTF-8 and every JSON column as JSON, every span's label against the schema, every link's
ends. It reads with ``text_factory = bytes`` so that an undecodable value is a finding with
its row, never an exception; a stretch of a table that cannot be read at all (a damaged page)
is reported as that stretch of rows, and reading goes on after it.

It is thorough, not cheap: 7–9 seconds for 100,000 articles. ``annotator check`` runs
it, and so do backups (on the copy they made) and restores (on the backup). The operations
that only read or add (export, import, search…) do not: they turn what SQLite reports while
they work into the same findings (:mod:`annotator.store.damage`).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import operator
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core import schema as schemas
from annotator.core.errors import AnnotatorError, ProjectError
from annotator.store.tables import APPLICATION_ID, DDL, FORMAT_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
INTEGRITY_ROWS = 100  # SQLite's integrity check stops after this many findings
TEXTS_KEPT = 256  # texts kept decoded while spans are checked against them
BATCH = 2000  # rows read at a time
LISTED = 10  # findings a refusal lists; 'annotator check' lists them all
CORRUPT, NOT_A_DATABASE = 11, 26  # SQLite's primary result codes for a damaged file
UNREADABLE = -1  # what a seek into a damaged stretch of a table finds (rowids are positive)

Progress = Callable[[int, int], None]  # (rows read, rows in all)


@dataclass(frozen=True)
class Finding:
    """One thing found wrong: in which table (or "database"), which document, and what.

    ``damage`` tells the file's damage (it no longer holds what was written: refused by
    every operation and every backup) from content that is readable but does not agree
    with itself (a label the schema no longer has, a link across layers): ``check`` lists
    both.
    """

    table: str
    what: str
    document_id: int | None = None
    document: str | None = None  # the document's name, when it could be read
    damage: bool = True

    def describe(self) -> str:
        where = self.table
        if self.document_id is not None:
            where += f", document {self.document_id}"
            if self.document:
                where += f" ({self.document})"
        return f"{where}: {self.what}"


class ProjectDamaged(ProjectError):
    """A project whose database no longer holds what was written: the operation was refused
    and nothing was changed. Says what is damaged and which backup to restore."""

    def __init__(
        self,
        folder: Path,
        findings: list[Finding],
        doing: str | None = None,
        restore: tuple[str, str] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.findings = list(findings)
        self.doing = doing
        self.restore = restore  # (name, description) of the newest backup that is whole
        super().__init__(self.message(LISTED))

    def message(self, listed: int | None = None) -> str:
        """The refusal in words, listing at most ``listed`` findings (None: all of them)."""
        folder = self.folder
        start = f"cannot {self.doing}: " if self.doing else ""
        lines = [f"{start}{folder} is damaged: its database no longer holds what was written."]
        shown = self.findings if listed is None else self.findings[:listed]
        lines += [f"  {finding.describe()}" for finding in shown]
        if len(shown) < len(self.findings):
            rest = len(self.findings) - len(shown)
            lines.append(f"  … and {rest} more ('annotator check {folder}' lists them all)")
        if self.doing:
            lines.append("Nothing was written.")
        if self.restore is None:
            lines.append(
                "No backup of it is whole. Keep a copy of the project folder as it is and do "
                "not work in it: SQLite's recovery (sqlite3 project.sqlite .recover) can often "
                "get most of it back."
            )
        else:
            name, described = self.restore
            lines.append(
                f"The newest backup that is whole is {name} ({described}). Restore it with\n"
                f"  annotator backup {folder} --restore {name}\n"
                "(the project as it is now is kept as a backup first; edits made since that "
                "backup are only in it)."
            )
        return "\n".join(lines)


class DamagedValue(ProjectError):
    """A value read from the project is not the one that was written (its text is not as
    long as recorded, its hash does not match). Where an operation runs inside
    :func:`annotator.store.damage.refusing_damage` it becomes the refusal that names all that
    is damaged and the backup to restore; elsewhere it is at least a message, not a crash."""


# What reading a damaged file can raise: SQLite's errors, and a message of SQLite's quoting
# damaged bytes of the file, which Python then fails to decode.
READ_ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)


def is_damage(error: BaseException) -> bool:
    """Whether an error raised by SQLite means the file does not hold what was written.

    A lock, a full disk or a read-only folder are not damage: those are said as they are.
    """
    if isinstance(error, UnicodeDecodeError):
        return True
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    if str(error).startswith("Could not decode to UTF-8"):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (CORRUPT, NOT_A_DATABASE)
    return "malformed" in str(error) or "not a database" in str(error)


TABLES = tuple(re.findall(r"CREATE TABLE (\w+)", DDL))  # those of the current format
JSON_COLUMNS = {
    "documents": ("meta",),
    "spans": ("attributes", "provenance"),
    "threads": ("anchor",),
    "audit": ("before", "after"),
}
# What the checks of particular tables read; a table of an older format without these
# columns is read like any other.
NEEDS = {
    "documents": ("name", "sha256", "length", "meta"),
    "texts": ("document_id", "text"),
    "meta": ("key", "value"),
    "spans": (
        "document_id", "annotator", "label", "start", "end", "text", "attributes", "provenance"
    ),
}  # fmt: skip


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's first bytes, if they are not an SQLite database's."""
    try:
        with path.open("rb") as stream:
            start = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        return f"the file cannot be read ({error.strerror or error})"
    if start == SQLITE_HEADER:
        return None
    if not start:
        return "the file is empty"
    return "its first bytes are not those of an SQLite database (the start of the file is damaged)"


def only_damage(findings: list[Finding]) -> list[Finding]:
    """The findings that are damage to the file."""
    return [finding for finding in findings if finding.damage]


def inspect(
    database: Path, *, read_only: bool = False, progress: Progress | None = None
) -> list[Finding]:
    """Everything damaged or inconsistent in a project database; an empty list: it is sound."""
    database = Path(database)
    if not database.exists():
        return [Finding("database", f"{database.name} is missing")]
    problem = header_problem(database)
    if problem is not None:
        return [Finding("database", problem)]

    def connect() -> sqlite3.Connection:
        if read_only:
            conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        else:
            conn = sqlite3.connect(database, timeout=10)
        conn.text_factory = bytes
        return conn

    try:
        conn = connect()
    except (sqlite3.Error, UnicodeDecodeError) as error:
        return [Finding("database", f"it cannot be opened ({error})")]
    try:
        return _Inspection(conn, progress).run(_Structure(connect))
    finally:
        conn.close()


class _Structure(threading.Thread):
    """SQLite's integrity check and foreign-key check, on a connection and a thread of their
    own: SQLite runs them without Python's lock, while the rows are read and checked."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(name="integrity check", daemon=True)
        self.connect = connect
        self.integrity: list[bytes] | BaseException = []
        self.references: list[tuple] | BaseException = []

    def run(self) -> None:
        try:
            conn = self.connect()
        except (*READ_ERRORS, sqlite3.Error) as error:
            self.integrity = self.references = error
            return
        try:
            self.integrity = _all(conn, f"PRAGMA integrity_check({INTEGRITY_ROWS})")
            self.references = _all(conn, "PRAGMA foreign_key_check")
        finally:
            conn.close()


def _all(conn: sqlite3.Connection, sql: str) -> list | BaseException:
    try:
        return conn.execute(sql).fetchall()
    except READ_ERRORS as error:
        return error


class _Inspection:
    def __init__(self, conn: sqlite3.Connection, progress: Progress | None) -> None:
        self.conn = conn
        self.progress = progress
        self.found: list[Finding] = []
        self.names: dict[int, str | None] = {}  # document id → name (None: unreadable)
        self.hashes: dict[int, tuple[bytes, int]] = {}  # document id → (sha256, length)
        self.unreadable: dict[str, list[tuple[int, int | None]]] = {}  # rowid stretches
        self.labels: set[str] | None = None  # the schema's labels, once read
        self.tables_of: dict[str, str] = {}  # table or index → its table
        self.columns: dict[str, tuple[str, ...]] = {}  # table → its columns, as found
        self.whole: set[int] = set()  # documents whose text is readable and matches its hash
        self.without_rowid: dict[str, bool] = {}
        self.read = 0
        self.total = 0

    def add(
        self, table: str, what: str, document_id: int | None = None, *, damage: bool = True
    ) -> None:
        name = self.names.get(document_id) if document_id is not None else None
        self.found.append(Finding(table, what, document_id, name, damage))

    # -- the whole ---------------------------------------------------------------------------

    def run(self, checked: _Structure) -> list[Finding]:
        try:
            objects = self.conn.execute(
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master"
            ).fetchall()
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except READ_ERRORS as error:
            return [Finding("database", f"its list of tables cannot be read ({error})")]
        if app_id != APPLICATION_ID:
            what = "its header does not mark it as an annotator project (damaged, or another file)"
            return [Finding("database", what)]
        self.owners = {root: _show(table) for _, _, table, root, _ in objects if root}
        self.tables_of = {_show(name): _show(table) for _, name, table, _, _ in objects}
        tables = {
            _show(name): _show(sql or b"")
            for kind, name, _, _, sql in objects
            if _show(kind) == "table" and not _show(name).startswith("sqlite_")
        }
        if version == FORMAT_VERSION:
            for table in TABLES:
                if table not in tables:
                    self.add(table, "the table is missing")
        checked.start()
        self.total = self._rows_in_all(list(tables))
        for table, sql in tables.items():
            self.without_rowid[table] = "WITHOUT ROWID" in sql.upper()
            try:
                self.columns[table] = tuple(
                    _show(row[1]) for row in self.conn.execute(f'PRAGMA table_info("{table}")')
                )
            except READ_ERRORS:
                self.columns[table] = ()
        special = {"documents": self.documents, "meta": self.meta, "spans": self.spans}
        special["texts"] = self.texts if self._has("documents") else None
        steps = []
        for table in ("documents", "texts", "meta", "spans"):
            if self._has(table) and special[table] is not None:
                steps.append((table, special[table]))
        steps += [
            (table, functools.partial(self.plain, table))
            for table in tables
            if table not in dict(steps)
        ]
        if {"id", "document_id", "source", "target", "annotator"} <= set(
            self.columns.get("relations", ())
        ) and self._has("spans"):
            steps.append(("relations", self.links))
        for table, step in steps:
            try:
                step()
            except Exception as error:  # damaged values can take any shape: say so, go on
                self.add(table, f"reading it stopped at a damaged value ({error!r})")
        checked.join()
        return [*self.structure(checked), *self.found]

    def _has(self, table: str) -> bool:
        """Whether the table is there with the columns its own check reads."""
        return table in self.columns and set(NEEDS[table]) <= set(self.columns[table])

    def _rows_in_all(self, tables: list[str]) -> int:
        total = 0
        for table in tables:
            try:
                total += self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            except READ_ERRORS:
                continue
        return total

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.read, max(self.total, self.read))

    # -- structure ---------------------------------------------------------------------------

    def structure(self, checked: _Structure) -> list[Finding]:
        """What SQLite's integrity check (pages, trees, indexes) and foreign-key check found."""
        found, self.found = self.found, []
        if isinstance(checked.integrity, BaseException):
            what = f"SQLite's integrity check cannot finish ({checked.integrity})"
            self.add("database", what)
        else:
            for (row,) in checked.integrity:
                text = row.decode("utf-8", "replace").removeprefix("*** in database main ***\n")
                for line in text.splitlines():
                    if line != "ok":
                        self.add(self._owner(line), f"SQLite's integrity check: {line}")
        if isinstance(checked.references, BaseException):
            what = f"the references between rows cannot be checked ({checked.references})"
            self.add("database", what)
        else:
            for table, rowid, parent, _ in checked.references:
                what = f"row {rowid} refers to a {_show(parent)} row that is gone"
                self.add(_show(table), what)
        structural, self.found = self.found, found
        return structural

    def _owner(self, finding: str) -> str:
        """The table an integrity finding is about ("Tree 7 page 3…", "…from index X")."""
        tree = re.match(r"Tree (\d+) ", finding)
        if tree and int(tree[1]) in self.owners:
            return self.owners[int(tree[1])]
        index = re.search(r"index (\w+)", finding)
        if index and index[1] in self.tables_of:
            return self.tables_of[index[1]]
        return "database"

    # -- reading rows whatever the damage ------------------------------------------------------

    def rows(self, table: str, columns: str) -> Iterator[list[tuple]]:
        """Every row that can be read, in rowid order (rowid first), in batches; stretches
        that cannot be read are reported and skipped. A damaged page can also send reading
        backwards: rowids must rise, or the stretch is treated as unreadable, so reading
        always ends."""
        if self.without_rowid.get(table):
            yield from self._rows_without_rowid(table, columns)
            return
        after: int | None = None
        size = BATCH
        while True:
            where = "" if after is None else f" WHERE rowid > {after}"
            try:
                cursor = self.conn.execute(
                    f"SELECT rowid, {columns} FROM {table}{where} ORDER BY rowid"
                )
                while batch := cursor.fetchmany(size):
                    good = _rising(batch, after)
                    if good:
                        after = batch[good - 1][0]
                        yield batch[:good] if good < len(batch) else batch
                    if good < len(batch):
                        raise _OutOfOrder("its rows are out of order")
                    self.read += len(batch)
                    self._report()
                    size = min(BATCH, size * 2)
                return
            except (*READ_ERRORS, _OutOfOrder) as error:
                if isinstance(error, READ_ERRORS) and not is_damage(error):
                    raise
                resume = self._next_readable(table, columns, after)
                self.unreadable.setdefault(table, []).append(((after or 0) + 1, resume))
                first = "the first row" if after is None else f"row {after}"
                if resume is None:
                    self.add(table, f"the rows after {first} cannot be read ({error})")
                    return
                if resume > (after or 0) + 1:
                    what = f"the rows after {first} and before row {resume} cannot be read"
                    self.add(table, f"{what} ({error})")
                # Reading steps one row ahead, so a scan that fails just after a row never
                # returns that row, nor the rest of the batch: take it on its own, then
                # scan on from it a row at a time until reading goes well again.
                yield [self._row_at(table, columns, resume)]
                after, size = resume, 1

    def each(self, table: str, columns: str) -> Iterator[tuple]:
        """The rows of :meth:`rows`, one by one."""
        return itertools.chain.from_iterable(self.rows(table, columns))

    def _rows_without_rowid(self, table: str, columns: str) -> Iterator[list[tuple]]:
        count = 0
        try:
            cursor = self.conn.execute(f"SELECT NULL, {columns} FROM {table}")
            while batch := cursor.fetchmany(BATCH):
                count += len(batch)
                yield batch
        except READ_ERRORS as error:
            if not is_damage(error):
                raise
            self.add(table, f"cannot be read past its row {count} ({error})")

    def _seek(self, table: str, columns: str, rowid: int) -> int | None:
        """The first rowid at or after ``rowid`` (None past the end); UNREADABLE if the way
        there, or that row itself, is damaged."""
        try:
            row = self.conn.execute(
                f"SELECT rowid, {columns} FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                [rowid],
            ).fetchone()
        except READ_ERRORS:
            return UNREADABLE
        if row is not None and row[0] < rowid:
            return UNREADABLE  # a damaged tree led the seek astray
        return None if row is None else row[0]

    def _row_at(self, table: str, columns: str, rowid: int) -> tuple:
        return self.conn.execute(
            f"SELECT rowid, {columns} FROM {table} WHERE rowid = ?", [rowid]
        ).fetchone()

    def _next_readable(self, table: str, columns: str, after: int | None) -> int | None:
        """The first row after ``after`` that can be reached again, by galloping then halving."""
        low = (after or 0) + 1
        step, probe = 1, low
        found = self._seek(table, columns, probe)
        while found == UNREADABLE:
            if probe >= 2**62:
                return None
            step *= 2
            probe = low + step
            found = self._seek(table, columns, probe)
        high = probe
        while low < high:  # the smallest start from which reading succeeds
            middle = (low + high) // 2
            here = self._seek(table, columns, middle)
            if here == UNREADABLE:
                low = middle + 1
            else:
                high, found = middle, here
        return found

    # -- tables ------------------------------------------------------------------------------

    def _decode(
        self, table: str, column: str, value: object, row_id: object, doc: int | None
    ) -> object:
        """A column's value, text decoded; a finding (and None) if it is not UTF-8."""
        if not isinstance(value, bytes):
            return value
        try:
            return value.decode()
        except UnicodeDecodeError as error:
            self.add(
                table,
                f"row {row_id}: its {column} is not valid UTF-8 (byte {error.start + 1} of "
                f"{len(value)})",
                doc,
            )
            return None

    def documents(self) -> None:
        for row_id, name, sha256, length, meta in self.each(
            "documents", "name, sha256, length, meta"
        ):
            try:
                self.names[row_id] = name.decode()
            except (UnicodeDecodeError, AttributeError):
                self.names[row_id] = None
                self.add("documents", "its name is not valid UTF-8", row_id)
            if not (isinstance(sha256, bytes) and re.fullmatch(rb"[0-9a-f]{64}", sha256)):
                self.add("documents", "its SHA-256 is no longer a SHA-256", row_id)
            if not isinstance(length, int):
                self.add("documents", "its length is no longer a number", row_id)
            self.hashes[row_id] = (sha256, length)
            self._json("documents", "meta", meta, row_id, row_id, must_be_object=True)

    def texts(self) -> None:
        seen = set()
        for document_id, text in self.each("texts", "text"):
            seen.add(document_id)
            expected = self.hashes.get(document_id)
            if expected is None:
                self.add("texts", f"a text (row {document_id}) belongs to no document")
                continue
            if not isinstance(text, bytes):
                self.add("texts", "its text is no longer text", document_id)
                continue
            try:
                decoded = text.decode()
            except UnicodeDecodeError as error:
                self.add(
                    "texts",
                    f"its text is not valid UTF-8 any more (byte {error.start + 1} of "
                    f"{len(text)}): the page holding it is damaged",
                    document_id,
                )
                continue
            sha256, length = expected
            if hashlib.sha256(text).hexdigest().encode() != sha256:
                self.add(
                    "texts",
                    "its text no longer matches its SHA-256: characters of it have changed",
                    document_id,
                )
            elif len(decoded) != length:
                self.add(
                    "texts", f"its text is {len(decoded)} characters, not {length}", document_id
                )
            else:
                self.whole.add(document_id)
        stretches = self.unreadable.get("texts", [])
        for document_id in self.hashes.keys() - seen:
            if any(a <= document_id and (b is None or document_id < b) for a, b in stretches):
                self.add(
                    "texts", "its text cannot be read (the page holding it is damaged)", document_id
                )
            else:
                self.add("texts", "its text is missing", document_id)

    def meta(self) -> None:
        settings = {}
        for row_id, key, value in self.each("meta", "key, value"):
            key = self._decode("meta", "key", key, row_id, None)
            value = self._decode("meta", "value", value, row_id, None)
            if key is not None:
                settings[key] = value
        for key in ("name", "created", "schema"):
            if key not in settings:
                self.add("meta", f"the project's {key} setting is missing")
        if settings.get("schema") is not None:
            try:
                self.labels = set(schemas.from_json(json.loads(settings["schema"])).label_ids)
            except (ValueError, TypeError, KeyError, AttributeError, AnnotatorError) as error:
                self.add("meta", f"the project's label schema cannot be read ({error})")

    def spans(self) -> None:
        text_of = functools.lru_cache(maxsize=TEXTS_KEPT)(self._text)
        labels = self.labels
        names: dict[object, object] = {}  # annotators and labels, decoded once each
        current, text = None, None  # spans mostly come a document at a time
        columns = "document_id, annotator, label, start, end, text, attributes, provenance"
        for batch in self.rows("spans", columns):
            for span_id, document_id, annotator, label, start, end, surface, attrs, prov in batch:
                if annotator not in names or label not in names:
                    self._names(names, span_id, document_id, annotator, label)
                annotator, label = names[annotator], names[label]
                try:
                    surface = surface.decode()
                except (UnicodeDecodeError, AttributeError):
                    surface = self._decode("spans", "text", surface, span_id, document_id)
                if attrs != b"{}":
                    self._json("spans", "attributes", attrs, span_id, document_id, True)
                if prov is not None:
                    self._json("spans", "provenance", prov, span_id, document_id)
                if labels is not None and label not in labels and label is not None:
                    where = f"span {span_id} ({label}, {annotator})"
                    what = f"{where}: label {label} is not in the schema"
                    self.add("spans", what, document_id, damage=False)
                if document_id != current:
                    current, text = document_id, text_of(document_id)
                if text is None or surface is None:
                    continue
                try:
                    if 0 <= start < end <= len(text) and text[start:end] == surface:
                        continue
                except TypeError:  # offsets that are no numbers any more
                    where = f"span {span_id} ({label}, {annotator})"
                    self.add("spans", f"{where}: its offsets are no longer numbers", document_id)
                    continue
                self._misplaced(span_id, document_id, label, annotator, start, end, surface, text)

    def _names(
        self, names: dict[object, object], span_id: int, document_id: object, *values: object
    ) -> None:
        for column, value in zip(("annotator", "label"), values, strict=True):
            if value not in names:
                names[value] = self._decode("spans", column, value, span_id, document_id)

    def _misplaced(
        self,
        span_id: int,
        document_id: int,
        label: object,
        annotator: object,
        start: int,
        end: int,
        surface: str,
        text: str,
    ) -> None:
        where = f"span {span_id} ({label}, {annotator})"
        if not 0 <= start < end <= len(text):
            what = f"{where}: offsets {start}-{end} are outside the text ({len(text)} characters)"
        else:
            what = (
                f"{where}: stored text {surface!r} differs from the text at its offsets "
                f"{text[start:end]!r}"
            )
        self.add("spans", what, document_id)

    def _text(self, document_id: int) -> str | None:
        """A document's text when it is readable and whole (what spans are checked against:
        one whose text is damaged is reported once, not once per span)."""
        if document_id not in self.whole:
            return None
        try:
            row = self.conn.execute(
                "SELECT text FROM texts WHERE document_id = ?", [document_id]
            ).fetchone()
            return row[0].decode()
        except (*READ_ERRORS, TypeError, AttributeError):
            return None

    def plain(self, table: str) -> None:
        """Any other table: every text column UTF-8, every JSON column JSON."""
        columns = self.columns[table]
        if not columns:
            return
        json_columns = JSON_COLUMNS.get(table, ())
        document_column = next((c for c in columns if c == "document_id"), None)
        for row in self.each(table, ", ".join(columns)):
            values = dict(zip(columns, row[1:], strict=True))
            row_id = row[0] if row[0] is not None else ", ".join(map(_show, row[1:3]))
            document_id = values.get(document_column) if document_column else None
            document_id = document_id if isinstance(document_id, int) else None
            for column, value in values.items():
                if column in json_columns:
                    if value is not None:
                        self._json(table, column, value, row_id, document_id)
                else:
                    self._decode(table, column, value, row_id, document_id)

    def _json(
        self,
        table: str,
        column: str,
        value: object,
        row_id: object,
        document_id: int | None,
        must_be_object: bool = False,
    ) -> None:
        text = self._decode(table, column, value, row_id, document_id)
        if text is None:
            return
        if not isinstance(text, str):
            self.add(table, f"row {row_id}: its {column} is no longer text", document_id)
            return
        try:
            parsed = json.loads(text)
        except ValueError:
            self.add(table, f"row {row_id}: its {column} is no longer valid JSON", document_id)
            return
        if must_be_object and not isinstance(parsed, dict):
            self.add(table, f"row {row_id}: its {column} is no longer a JSON object", document_id)

    def links(self) -> None:
        """Links whose ends are missing, in another document or in another layer."""
        try:
            rows = self.conn.execute(
                """SELECT r.id, r.document_id, CASE
                     WHEN s.id IS NULL THEN 'its event span ' || r.source || ' does not exist'
                     WHEN t.id IS NULL THEN 'its argument span ' || r.target || ' does not exist'
                     WHEN s.document_id != r.document_id OR t.document_id != r.document_id
                       THEN 'it joins spans of different documents'
                     WHEN s.annotator != r.annotator OR t.annotator != r.annotator
                       THEN 'it joins spans of different layers'
                   END
                   FROM relations r
                   LEFT JOIN spans s ON s.id = r.source
                   LEFT JOIN spans t ON t.id = r.target
                   WHERE s.id IS NULL OR t.id IS NULL
                      OR s.document_id != r.document_id OR t.document_id != r.document_id
                      OR s.annotator != r.annotator OR t.annotator != r.annotator"""
            ).fetchall()
        except READ_ERRORS as error:
            self.add("relations", f"the links cannot be checked against their spans ({error})")
            return
        for relation_id, document_id, reason in rows:
            reason = reason.decode()
            what = f"relation {relation_id}: {reason}"
            self.add("relations", what, document_id, damage="does not exist" in reason)


def _rising(batch: list[tuple], after: int | None) -> int:
    """How many rows at the start of a batch have rowids that rise (after ``after``)."""
    rowids = [row[0] for row in batch]
    if (after is None or rowids[0] > after) and all(map(operator.lt, rowids, rowids[1:])):
        return len(rowids)
    previous = after
    for count, rowid in enumerate(rowids):
        if previous is not None and rowid <= previous:
            return count
        previous = rowid
    return len(rowids)


class _OutOfOrder(Exception):
    """Reading a table went back to rows already read: a damaged page points astray."""


def _show(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
