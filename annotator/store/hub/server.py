"""Speaking to a hub: connecting, making one, and what a sync reads from it and writes to it.

Every method that writes runs in one transaction and takes the hub's revision lock first, so
a write is whole or absent, and revisions become visible in the order they were given (see
:mod:`annotator.store.hub.tables`). Errors of the connection become one-line
:class:`~annotator.core.errors.AnnotatorError`\\ s; a refusal by the server's policies says
what was refused.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.json import Jsonb

from annotator.core.errors import AnnotatorError
from annotator.store.hub.snapshot import BATCH, Snapshot
from annotator.store.hub.tables import GOLD, HUB_FORMAT, REVISION_LOCK, tables_sql

CONNECT_SECONDS = 10
LOCK_WAIT_SECONDS = 60  # how long a write waits for another's to end before saying the hub is busy
IDLE_IN_TRANSACTION = "5min"  # the server ends a session left this long inside a transaction
# A client gone silent (a laptop closed, the network gone) is noticed by probes both ways,
# within about two minutes, and its transaction ends, the hub's write lock with it.
KEEPALIVES = {"keepalives": "1", "keepalives_idle": "30", "keepalives_interval": "10"}
KEEPALIVE_COUNT = 6
OLDEST_SERVER = 150000  # views with security_invoker came in PostgreSQL 15


class HubError(AnnotatorError):
    """The hub could not be reached, or refused what was asked."""


class HubUnreachable(HubError):
    """No connection to the hub: nothing was sent or received."""


class HubRefused(HubError):
    """The hub's server refused a statement (a policy, a missing privilege)."""


class HubBusy(HubError):
    """Another connection held the hub's write lock for longer than a write waits."""


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def where(url_shown: str) -> str:
    return f"the hub at {url_shown}"


def _client_probes() -> dict[str, str]:
    return {**KEEPALIVES, "keepalives_count": str(KEEPALIVE_COUNT)}


def session_settings() -> dict[str, str]:
    """What every connection of ours asks of the server: how long to wait for the write
    lock, when to end a session idle in a transaction, and to probe a silent client."""
    return {
        "lock_timeout": f"{LOCK_WAIT_SECONDS}s",
        "idle_in_transaction_session_timeout": IDLE_IN_TRANSACTION,
        "tcp_keepalives_idle": KEEPALIVES["keepalives_idle"],
        "tcp_keepalives_interval": KEEPALIVES["keepalives_interval"],
        "tcp_keepalives_count": str(KEEPALIVE_COUNT),
    }


class Hub:
    """An open connection to a hub, as one login."""

    def __init__(self, conn: psycopg.Connection, shown: str) -> None:
        self.conn = conn
        self.shown = shown  # the URL without its password, for messages

    @classmethod
    def connect(cls, url: str, shown: str) -> Hub:
        try:
            given = conninfo_to_dict(url)
            probes = {k: v for k, v in _client_probes().items() if k not in given}
            conn = psycopg.connect(url, connect_timeout=CONNECT_SECONDS, autocommit=True, **probes)
            conn.execute("SET search_path = hub, pg_catalog")
            for setting, value in session_settings().items():
                conn.execute(
                    sql.SQL("SET {} = {}").format(sql.Identifier(setting), sql.Literal(value))
                )
        except psycopg.Error as error:
            raise HubUnreachable(f"cannot reach {where(shown)}: {_first_line(error)}") from None
        return cls(conn, shown)

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.close()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, writing: bool = False) -> Iterator[psycopg.Connection]:
        """One transaction; a write one holds the revision lock from its start."""
        outermost = self.conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        try:
            with self.conn.transaction():
                if outermost and writing:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (REVISION_LOCK,))
                elif outermost:
                    self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                yield self.conn
        except psycopg.errors.InsufficientPrivilege as error:
            raise HubRefused(f"{where(self.shown)} refused: {_first_line(error)}") from None
        except psycopg.errors.LockNotAvailable:
            raise HubBusy(self._busy()) from None
        except psycopg.OperationalError as error:
            raise HubUnreachable(
                f"lost the connection to {where(self.shown)}: {_first_line(error)}"
            ) from None
        except psycopg.Error as error:
            raise HubError(f"{where(self.shown)} answered: {_first_line(error)}") from None

    def _busy(self) -> str:
        """Who holds the write lock, and for how long: said when a write gave up waiting."""
        holder = ""
        with contextlib.suppress(psycopg.Error):
            row = self.conn.execute(
                "SELECT a.usename, a.state, extract(epoch FROM now() - a.xact_start)::int "
                "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = %s",
                (REVISION_LOCK,),
            ).fetchone()
            if row is not None:  # how long and in what state only a lead may see
                who, state, seconds = row
                holder = f": {who}'s connection holds its write lock" + (
                    f", for {seconds} s now ({state})" if seconds is not None else ""
                )
        return (
            f"{where(self.shown)} is busy{holder}; this sync stopped before its next write "
            "and goes on from there at the next sync (the server ends a connection left "
            f"idle inside a write after {IDLE_IN_TRANSACTION})"
        )

    # -- who is connected ------------------------------------------------------------------

    def login(self) -> str:
        with self.transaction() as conn:
            return conn.execute("SELECT session_user").fetchone()[0]

    def is_hub(self) -> bool:
        with self.transaction() as conn:
            return bool(
                conn.execute("SELECT to_regclass('hub.settings') IS NOT NULL").fetchone()[0]
            )

    def too_old(self) -> str | None:
        """Why this server cannot hold a hub, or None when it can."""
        number = self.conn.info.server_version
        if number >= OLDEST_SERVER:
            return None
        return (
            f"{where(self.shown)} runs PostgreSQL {number // 10000}.{number % 10000}; a hub "
            "needs version 15 or newer (its views check the reader's own rights); "
            "nothing was changed"
        )

    def database(self) -> str:
        with self.transaction() as conn:
            return conn.execute("SELECT current_database()").fetchone()[0]

    # -- making a hub and its people -------------------------------------------------------

    def create(self, leads: str, annotators: str, settings: dict[str, str]) -> None:
        """Make the group roles (when new), the tables and policies, and the settings."""
        with self.transaction(writing=True) as conn:
            for role in (leads, annotators):
                exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
                if exists.fetchone() is None:
                    conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
            conn.execute(tables_sql(leads, annotators).encode())
            conn.execute("SET search_path = hub, pg_catalog")
            rows = {"format": str(HUB_FORMAT), "leads": leads, "annotators": annotators}
            rows.update(settings)
            for key, value in rows.items():
                conn.execute("INSERT INTO hub.settings(key, value) VALUES (%s, %s)", (key, value))

    def add_login(self, name: str, group: str, other: str, password: str | None) -> bool:
        """Make ``name`` a login of ``group`` (and no longer of ``other``); True when the
        login role was made now, False when it existed (in another hub of the server).

        A password goes to the server already hashed (SCRAM), so no statement log of the
        server ever holds it in clear."""
        with self.transaction(writing=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
            made = exists.fetchone() is None
            verb = "CREATE" if made else "ALTER"
            statement = sql.SQL(verb + " ROLE {} LOGIN").format(sql.Identifier(name))
            if password is not None:
                hashed = conn.pgconn.encrypt_password(password.encode(), name.encode()).decode()
                statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(hashed))
            conn.execute(statement)
            conn.execute(
                sql.SQL("ALTER ROLE {} SET idle_in_transaction_session_timeout = {}").format(
                    sql.Identifier(name), sql.Literal(IDLE_IN_TRANSACTION)
                )
            )
            conn.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name))
            )
            member = conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (name, other)).fetchone()[
                0
            ]
            if member:
                conn.execute(
                    sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), sql.Identifier(name))
                )
        return made

    def remove_login(self, name: str, groups: tuple[str, str]) -> bool:
        """Take ``name`` out of this hub's groups (the login itself stays, for other hubs of
        the server); False when it was in neither."""
        with self.transaction(writing=True) as conn:
            rows = conn.execute(
                "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member "
                "JOIN pg_roles g ON g.oid = a.roleid WHERE m.rolname = %s AND g.rolname = ANY(%s)",
                (name, list(groups)),
            ).fetchall()
            for (group,) in rows:
                conn.execute(
                    sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(name))
                )
        return bool(rows)

    def members(self) -> list[tuple[str, str]]:
        """(login, "lead" or "annotator") for everyone of this hub."""
        settings = self.settings()
        with self.transaction() as conn:
            rows = conn.execute(
                "SELECT m.rolname, g.rolname FROM pg_auth_members a "
                "JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid "
                "WHERE g.rolname IN (%s, %s) AND m.rolcanlogin ORDER BY m.rolname",
                (settings["leads"], settings["annotators"]),
            ).fetchall()
        return [
            (name, "lead" if group == settings["leads"] else "annotator") for name, group in rows
        ]

    def is_lead(self) -> bool:
        with self.transaction() as conn:
            return bool(conn.execute("SELECT hub.is_lead()").fetchone()[0])

    # -- settings (the schema among them) --------------------------------------------------

    def settings(self) -> dict[str, str]:
        with self.transaction() as conn:
            return dict(conn.execute("SELECT key, value FROM hub.settings").fetchall())

    def put_setting(self, key: str, value: str) -> None:
        with self.transaction(writing=True) as conn:
            conn.execute(
                "INSERT INTO hub.settings(key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (key, value),
            )

    # -- documents -------------------------------------------------------------------------

    def put_documents(self, documents: Iterable[tuple[str, str, dict[str, Any], str]]) -> int:
        """Add documents (sha256, name, meta, text) the hub lacks; returns how many."""
        added = 0
        with self.transaction(writing=True) as conn, conn.cursor() as cursor:
            batch: list[tuple] = []
            for sha256, name, meta, text in documents:
                batch.append((sha256, name, Jsonb(meta), text))
                if len(batch) >= BATCH:
                    added += _insert_documents(cursor, batch)
                    batch = []
            if batch:
                added += _insert_documents(cursor, batch)
        return added

    def document_names(self) -> list[tuple[str, str]]:
        """(sha256, name) of every document, in the order the hub received them."""
        with self.transaction() as conn:
            return conn.execute(
                "SELECT sha256, name FROM hub.documents ORDER BY revision, sha256"
            ).fetchall()

    def assigned_documents(self) -> set[str]:
        """The documents (sha256) assigned to someone."""
        with self.transaction() as conn:
            rows = conn.execute("SELECT DISTINCT document FROM hub.assignments WHERE active")
            return {row[0] for row in rows}

    def latest(self) -> int:
        with self.transaction() as conn:
            return Snapshot(conn).latest()

    def documents_present(self, shas: list[str]) -> set[str]:
        """Which of these documents the hub has."""
        with self.transaction() as conn:
            rows = conn.execute(
                "SELECT sha256 FROM hub.documents WHERE sha256 = ANY(%s)", (shas,)
            ).fetchall()
        return {row[0] for row in rows}

    # -- what changed since a revision -----------------------------------------------------

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """One consistent view of the hub, for a pull."""
        with self.transaction() as conn:
            yield Snapshot(conn)

    # -- layers ----------------------------------------------------------------------------

    def put_layers(self, layers: Iterable[tuple[str, str, dict[str, Any], str, int]]) -> list[Put]:
        """Write layers (document, annotator, content, fingerprint, the revision this copy
        was based on, 0 when new) in one transaction. Each comes back with its new revision
        and, when someone else had written that layer since its base, who and when."""
        done = []
        with self.transaction(writing=True) as conn:
            for document, annotator, content, fingerprint, base in layers:
                before = conn.execute(
                    "SELECT revision, written_by, written_at::text, fingerprint FROM hub.layers "
                    "WHERE document = %s AND annotator = %s",
                    (document, annotator),
                ).fetchone()
                if before is not None and before[3] == fingerprint:
                    done.append(Put(document, annotator, before[0], False, None, None))
                    continue
                row = conn.execute(
                    "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (document, annotator) DO UPDATE "
                    "SET content = EXCLUDED.content, fingerprint = EXCLUDED.fingerprint "
                    "RETURNING revision",
                    (document, annotator, Jsonb(content), fingerprint),
                ).fetchone()
                replaced = before is not None and before[0] != base
                done.append(
                    Put(
                        document,
                        annotator,
                        row[0],
                        True,
                        before[1] if replaced else None,
                        before[2] if replaced else None,
                    )
                )
        return done

    def put_discussions(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Write this login's comments on documents (sha256, content); returns how many
        rows changed."""
        return self._written(
            "INSERT INTO hub.discussions(document, author, content) "
            "VALUES (%s, session_user, %s) ON CONFLICT (document, author) DO UPDATE "
            "SET content = EXCLUDED.content "
            "WHERE hub.discussions.content IS DISTINCT FROM EXCLUDED.content RETURNING 1",
            ((document, Jsonb(content)) for document, content in rows),
        )

    # -- assignments -----------------------------------------------------------------------

    def assign(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Assign documents (sha256) to annotators; returns how many were new."""
        return self._written(
            "INSERT INTO hub.assignments(document, annotator) VALUES (%s, %s) "
            "ON CONFLICT (document, annotator) DO UPDATE SET active = true "
            "WHERE NOT hub.assignments.active RETURNING 1",
            pairs,
        )

    def unassign(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Take documents (sha256) from annotators; returns how many assignments ended."""
        return self._written(
            "UPDATE hub.assignments SET active = false "
            "WHERE document = %s AND annotator = %s AND active RETURNING 1",
            pairs,
        )

    def assignments_of(self, annotators: list[str]) -> list[tuple[str, str, bool]]:
        """(document, annotator, started) of these annotators' assignments: started when
        their layer there holds an annotation or an event, or a status other than new."""
        with self.transaction() as conn:
            return conn.execute(
                "SELECT a.document, a.annotator, coalesce("
                "jsonb_array_length(coalesce(l.content->'annotations', '[]')) > 0 "
                "OR jsonb_array_length(coalesce(l.content->'events', '[]')) > 0 "
                "OR coalesce(l.content->>'status', 'new') <> 'new', false) "
                "FROM hub.assignments a LEFT JOIN hub.layers l "
                "ON l.document = a.document AND l.annotator = a.annotator "
                "WHERE a.active AND a.annotator = ANY(%s) ORDER BY a.revision",
                (annotators,),
            ).fetchall()

    def _written(self, statement: str, rows: Iterable[tuple]) -> int:
        """Run an upsert that returns a row when it wrote, for each of ``rows``, in one
        transaction; returns how many wrote."""
        written = 0
        with self.transaction(writing=True) as conn:
            for parameters in rows:
                written += conn.execute(statement, parameters).fetchone() is not None
        return written

    # -- who synced, and where everyone stands ---------------------------------------------

    def record_sync(self, pushed: int, pulled: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO hub.syncs(login, synced_at, pushed, pulled) "
                "VALUES (session_user, now(), %s, %s) ON CONFLICT (login) DO UPDATE "
                "SET synced_at = now(), pushed = EXCLUDED.pushed, pulled = EXCLUDED.pulled",
                (pushed, pulled),
            )

    def standing(self) -> list[Standing]:
        """Per annotator: assigned, done, in progress, untouched (of the assigned), layers
        on documents not assigned to them, and when they last synced."""
        with self.transaction() as conn:
            rows = conn.execute(
                """
                WITH people AS (
                    SELECT annotator AS name FROM hub.assignments WHERE active
                    UNION SELECT annotator FROM hub.layers WHERE annotator <> %s
                    UNION SELECT login FROM hub.syncs
                ), states AS (
                    SELECT p.name, a.document IS NOT NULL AS assigned,
                        coalesce(l.content->>'status', '') AS status,
                        l.document IS NOT NULL AND (
                            jsonb_array_length(coalesce(l.content->'annotations', '[]')) > 0
                            OR jsonb_array_length(coalesce(l.content->'events', '[]')) > 0
                        ) AS touched
                    FROM people p
                    LEFT JOIN hub.assignments a ON a.annotator = p.name AND a.active
                    LEFT JOIN hub.layers l ON l.annotator = p.name AND l.document = a.document
                )
                SELECT s.name,
                    count(*) FILTER (WHERE assigned),
                    count(*) FILTER (WHERE assigned AND status = 'done'),
                    count(*) FILTER (WHERE assigned AND status <> 'done'
                        AND (touched OR status = 'in progress')),
                    (SELECT count(*) FROM hub.layers x WHERE x.annotator = s.name
                        AND NOT EXISTS (SELECT 1 FROM hub.assignments y WHERE y.active
                            AND y.document = x.document AND y.annotator = x.annotator)),
                    (SELECT synced_at::text FROM hub.syncs WHERE login = s.name)
                FROM states s GROUP BY s.name ORDER BY s.name
                """,
                (GOLD,),
            ).fetchall()
        return [
            Standing(name, assigned, done, doing, assigned - done - doing, other, synced)
            for name, assigned, done, doing, other, synced in rows
        ]


@dataclass(frozen=True)
class Put:
    document: str
    annotator: str
    revision: int
    written: bool  # False when the hub already held the same
    replaced_by: str | None  # who wrote the layer since this copy's base, if anyone
    replaced_at: str | None


@dataclass(frozen=True)
class Standing:
    annotator: str
    assigned: int
    done: int
    in_progress: int
    untouched: int
    unassigned_layers: int
    synced_at: str | None


def _insert_documents(cursor: psycopg.Cursor, batch: list[tuple]) -> int:
    cursor.executemany(
        "INSERT INTO hub.documents(sha256, name, meta, text) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (sha256) DO NOTHING",
        batch,
    )
    return cursor.rowcount if cursor.rowcount >= 0 else len(batch)
