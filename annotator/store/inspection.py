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
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from annotator.core import schema as schemas
from annotator.core.errors import AnnotatorError
from annotator.store.findings import READ_ERRORS, Finding, as_text
from annotator.store.scan import Scan
from annotator.store.structure import Structure, header_problem
from annotator.store.tables import APPLICATION_ID, DDL, FORMAT_VERSION

TEXTS_KEPT = 256  # texts kept decoded while spans are checked against them

Progress = Callable[[int, int], None]  # (rows read, rows in all)

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
        return _Inspection(conn, progress).run(Structure(connect))
    finally:
        conn.close()


class _Inspection:
    def __init__(self, conn: sqlite3.Connection, progress: Progress | None) -> None:
        self.conn = conn
        self.progress = progress
        self.found: list[Finding] = []
        self.names: dict[int, str | None] = {}  # document id → name (None: unreadable)
        self.hashes: dict[int, tuple[bytes, int]] = {}  # document id → (sha256, length)
        self.labels: set[str] | None = None  # the schema's labels, once read
        self.columns: dict[str, tuple[str, ...]] = {}  # table → its columns, as found
        self.whole: set[int] = set()  # documents whose text is readable and matches its hash
        self.scan = Scan(conn, self.add, self._counted)
        self.rows, self.each = self.scan.rows, self.scan.each
        self.read = 0
        self.total = 0

    def add(
        self, table: str, what: str, document_id: int | None = None, *, damage: bool = True
    ) -> None:
        name = self.names.get(document_id) if document_id is not None else None
        self.found.append(Finding(table, what, document_id, name, damage))

    # -- the whole ---------------------------------------------------------------------------

    def run(self, checked: Structure) -> list[Finding]:
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
        tables = {
            as_text(name): as_text(sql or b"")
            for kind, name, _, _, sql in objects
            if as_text(kind) == "table" and not as_text(name).startswith("sqlite_")
        }
        if version == FORMAT_VERSION:
            for table in TABLES:
                if table not in tables:
                    self.add(table, "the table is missing")
        checked.start()
        self.total = self._rows_in_all(list(tables))
        for table, sql in tables.items():
            self.scan.without_rowid[table] = "WITHOUT ROWID" in sql.upper()
            try:
                self.columns[table] = tuple(
                    as_text(row[1]) for row in self.conn.execute(f'PRAGMA table_info("{table}")')
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
        if {"id", "document_id", "annotator", "trigger"} <= set(
            self.columns.get("events", ())
        ) and self._has("spans"):
            steps.append(("events", self.event_links))
        for table, step in steps:
            try:
                step()
            except Exception as error:  # damaged values can take any shape: say so, go on
                self.add(table, f"reading it stopped at a damaged value ({error!r})")
        checked.join()
        return [*checked.findings(objects), *self.found]

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

    def _counted(self, rows: int) -> None:
        self.read += rows
        if self.progress is not None:
            self.progress(self.read, max(self.total, self.read))

    # -- structure ---------------------------------------------------------------------------

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
        stretches = self.scan.unreadable.get("texts", [])
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
            row_id = row[0] if row[0] is not None else ", ".join(map(as_text, row[1:3]))
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

    def event_links(self) -> None:
        """Events whose trigger or argument span is in another document or layer."""
        try:
            rows = self.conn.execute(
                """SELECT e.id, e.document_id, 'its trigger is a span of another document'
                     FROM events e JOIN spans s ON s.id = e.trigger
                     WHERE s.document_id != e.document_id
                   UNION ALL
                   SELECT e.id, e.document_id, 'its trigger is a span of another layer'
                     FROM events e JOIN spans s ON s.id = e.trigger
                     WHERE s.document_id = e.document_id AND s.annotator != e.annotator
                   UNION ALL
                   SELECT e.id, e.document_id, 'an argument is a span of another document or layer'
                     FROM arguments a JOIN events e ON e.id = a.event_id
                     JOIN spans s ON s.id = a.span_id
                     WHERE s.document_id != e.document_id OR s.annotator != e.annotator"""
            ).fetchall()
        except READ_ERRORS as error:
            self.add("events", f"the events cannot be checked against their spans ({error})")
            return
        for event_id, document_id, reason in rows:
            self.add("events", f"event {event_id}: {reason.decode()}", document_id, damage=False)

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
