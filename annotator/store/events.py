"""Events: records of their own in an annotator's layer, with their arguments in order.

An event's trigger is a span (any number of events may share one) or none. Deleting a
trigger deletes its events and deleting an argument's span takes it out of the events it
fills (the tables cascade; the editing operations keep what was deleted, for undo). An
argument is a span, or another event (nested events).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from annotator.core.model import Argument, Event
from annotator.store.coded_rows import CodedRows
from annotator.store.connection import Database

_COLUMNS = "id, document_id, annotator, label, trigger, attributes, provenance"

# an event as a plain row: (document id, annotator, id, label, trigger span id or None, its
# attributes as JSON text, its arguments in order as (role, span id, event id))
EventRow = tuple[
    int, str, int, str, int | None, str, tuple[tuple[str, int | None, int | None], ...]
]


# a new event for Events.add_many: document id, annotator, label, trigger span id or None,
# attributes, provenance, arguments
NewEvent = tuple[int, str, str, int | None, dict[str, Any], dict[str, Any] | None, tuple]
_EVENTS_PER_INSERT = 100  # 8 values each: within the oldest SQLite libraries' 999


@functools.lru_cache(maxsize=16)
def _insert_events(count: int) -> str:
    return (
        "INSERT INTO events(document_id, annotator, label, trigger, attributes, provenance, "
        f"created, updated) VALUES {', '.join(['(?, ?, ?, ?, ?, ?, ?, ?)'] * count)}"
    )


def _json(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False) if value else "{}"


_new = object.__new__


def _event(row: tuple, arguments: tuple[Argument, ...]) -> Event:
    """The event of a row of ``_COLUMNS`` with its arguments, its fields put straight into
    its ``__dict__`` as :func:`annotator.store.spans._span` does (an export builds one per
    event of the project); tests/store/test_event_rows.py holds it the same object."""
    event = _new(Event)
    event.__dict__.update(
        id=row[0],
        document_id=row[1],
        annotator=row[2],
        label=row[3],
        trigger=row[4],
        arguments=arguments,
        attributes=json.loads(row[5]) if row[5] != "{}" else {},
        provenance=json.loads(row[6]) if row[6] is not None else None,
    )
    return event


class Events(CodedRows):
    TABLE = "events"

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing -------------------------------------------------------------------------

    def add(
        self,
        document_id: int,
        annotator: str,
        label: str,
        trigger: int | None,
        arguments: Iterable[Argument],
        attributes: dict[str, Any],
        *,
        time: str,
        provenance: dict[str, Any] | None = None,
        event_id: int | None = None,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO events(id, document_id, annotator, label, trigger, attributes, "
            "provenance, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                event_id,
                document_id,
                annotator,
                label,
                trigger,
                _json(attributes),
                _json(provenance),
                time,
                time,
            ],
        )
        new_id = cursor.lastrowid
        self.set_arguments(new_id, arguments)
        return new_id

    def add_many(self, rows: Iterable[NewEvent], time: str) -> None:
        """Bulk insert of new events (document_id, annotator, label, trigger, attributes,
        provenance, arguments) whose arguments are spans, in that order: a few hundred to a
        statement, their ids consecutive (as :meth:`Spans.add_many`'s), then every argument
        of them in one ``executemany``."""
        rows = list(rows)
        arguments: list[tuple] = []
        for first in range(0, len(rows), _EVENTS_PER_INSERT):
            chunk = rows[first : first + _EVENTS_PER_INSERT]
            values: list[Any] = []
            for document_id, annotator, label, trigger, attributes, provenance, _ in chunk:
                values += (document_id, annotator, label, trigger, _json(attributes))
                values += (_json(provenance), time, time)
            last = self.db.conn.execute(_insert_events(len(chunk)), values).lastrowid
            for event_id, row in enumerate(chunk, last - len(chunk) + 1):
                arguments += ((event_id, n, a.role, a.span, a.event) for n, a in enumerate(row[6]))
        if arguments:
            self.db.conn.executemany(
                "INSERT INTO arguments(event_id, position, role, span_id, argument_event) "
                "VALUES (?, ?, ?, ?, ?)",
                arguments,
            )

    def set_arguments(self, event_id: int, arguments: Iterable[Argument]) -> None:
        """The event's arguments, in order, in place of those it had."""
        self.db.execute("DELETE FROM arguments WHERE event_id = ?", [event_id])
        self.db.conn.executemany(
            "INSERT INTO arguments(event_id, position, role, span_id, argument_event) "
            "VALUES (?, ?, ?, ?, ?)",
            [(event_id, n, a.role, a.span, a.event) for n, a in enumerate(arguments)],
        )

    def update(self, event_id: int, time: str, **changes: Any) -> None:
        """Change an event's label, trigger, attributes or provenance."""
        allowed = {"label", "trigger", "attributes", "provenance"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of an event")
        values = {
            k: _json(v) if k in ("attributes", "provenance") else v for k, v in changes.items()
        }
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        self.db.execute(
            f"UPDATE events SET {assignments}, updated = :updated WHERE id = :id",
            {**values, "updated": time, "id": event_id},
        )

    def delete(self, event_id: int) -> None:
        self.db.execute("DELETE FROM events WHERE id = ?", [event_id])

    # -- reading -------------------------------------------------------------------------

    def _arguments(self, where: str, values: list[Any]) -> dict[int, tuple[Argument, ...]]:
        rows = self.db.execute(
            "SELECT a.event_id, a.role, a.span_id, a.argument_event FROM arguments a "
            f"JOIN events e ON e.id = a.event_id WHERE {where} ORDER BY a.event_id, a.position",
            values,
        )
        return {
            event_id: tuple(Argument(role, span, event) for _, role, span, event in group)
            for event_id, group in groupby(rows, key=lambda row: row[0])
        }

    def _events(self, where: str, values: list[Any], order: str = "e.id") -> list[Event]:
        arguments = self._arguments(where, values)
        rows = self.db.execute(
            f"SELECT {', '.join('e.' + c for c in _COLUMNS.split(', '))} FROM events e "
            f"WHERE {where} ORDER BY {order}",
            values,
        )
        return [_event(row, arguments.get(row[0], ())) for row in rows]

    def get(self, event_id: int) -> Event | None:
        found = self._events("e.id = ?", [event_id])
        return found[0] if found else None

    def for_document(self, document_id: int, annotator: str | None = None) -> list[Event]:
        """A document's events (of one layer, or all), in the order they were made."""
        if annotator is None:
            return self._events("e.document_id = ?", [document_id])
        return self._events("e.document_id = ? AND e.annotator = ?", [document_id, annotator])

    def touching(
        self, document_id: int, annotator: str, span_ids: Iterable[int], event_ids: Iterable[int]
    ) -> list[Event]:
        """A layer's events among ``event_ids``, or with one of ``span_ids`` as trigger or
        argument: what an edit of those may have changed, read without the rest."""
        spans, events = list(dict.fromkeys(span_ids)), list(dict.fromkeys(event_ids))
        if not spans and not events:
            return []
        marks = ", ".join("?" * len(spans))
        found = [f"e.id IN ({', '.join('?' * len(events))})"] if events else []
        if spans:
            found += [
                f"e.trigger IN ({marks})",
                f"e.id IN (SELECT event_id FROM arguments WHERE span_id IN ({marks}))",
            ]
        where = f"e.document_id = ? AND e.annotator = ? AND ({' OR '.join(found)})"
        return self._events(where, [document_id, annotator, *events, *spans, *spans])

    def on_trigger(self, span_id: int) -> list[Event]:
        return self._events("e.trigger = ?", [span_id])

    def with_argument(self, span_id: int) -> list[Event]:
        """Events that a span fills a role of."""
        return self._events("e.id IN (SELECT event_id FROM arguments WHERE span_id = ?)", [span_id])

    def iter_all(self, annotator: str | None = None) -> Iterator[Event]:
        """Every event (of one layer, or all), by document, in constant memory per document."""
        where, values = ("e.annotator = ?", [annotator]) if annotator else ("1", [])
        arguments = self.db.execute(
            "SELECT a.event_id, a.role, a.span_id, a.argument_event FROM arguments a "
            f"JOIN events e ON e.id = a.event_id WHERE {where} "
            "ORDER BY e.document_id, a.event_id, a.position",
            values,
        )
        grouped = groupby(arguments, key=lambda row: row[0])
        pending = next(grouped, None)
        rows = self.db.execute(
            f"SELECT {', '.join('e.' + c for c in _COLUMNS.split(', '))} FROM events e "
            f"WHERE {where} ORDER BY e.document_id, e.id",
            values,
        )
        for row in rows:
            found: tuple[Argument, ...] = ()
            if pending is not None and pending[0] == row[0]:
                found = tuple(Argument(r, s, e) for _, r, s, e in pending[1])
                pending = next(grouped, None)
            yield _event(row, found)

    def iter_rows(self) -> Iterator[tuple[int, list[EventRow]]]:
        """(document id, its events as plain rows) of every document with events, by document;
        a document's rows layer by layer, each layer's in the order its events were made (see
        :data:`EventRow`). What agreement reads, without an :class:`Event` built for each of
        hundreds of thousands.

        Both queries read in the order of the index on (document_id, annotator), so SQLite
        sorts nothing; each event comes with the number of its arguments, which are taken that
        many at a time from the second, as the rows SQLite gives.
        """
        take = self.db.execute(
            "SELECT a.role, a.span_id, a.argument_event FROM events e "
            "JOIN arguments a ON a.event_id = e.id ORDER BY e.document_id, e.annotator, e.id, "
            "a.position"
        ).fetchmany
        rows = self.db.execute(
            "SELECT document_id, annotator, id, label, trigger, attributes, "
            "(SELECT count(*) FROM arguments WHERE event_id = events.id) FROM events "
            "ORDER BY document_id, annotator, id"
        )
        document, found = None, []
        for document_id, annotator, event_id, label, trigger, attributes, count in rows:
            if document_id != document:
                if found:
                    yield document, found
                document, found = document_id, []
            arguments = tuple(take(count)) if count else ()
            found.append((document_id, annotator, event_id, label, trigger, attributes, arguments))
        if found:
            yield document, found

    def count(self, annotator: str | None = None) -> int:
        if annotator is None:
            return self.db.execute("SELECT count(*) FROM events").fetchone()[0]
        return self.db.execute(
            "SELECT count(*) FROM events WHERE annotator = ?", [annotator]
        ).fetchone()[0]

    def count_by_annotator(self) -> dict[str, int]:
        rows = self.db.execute("SELECT annotator, count(*) FROM events GROUP BY annotator")
        return dict(rows.fetchall())

    def count_by_type(self) -> dict[str, int]:
        """Events by type as a coder reads it: the coded ``event_type``, else the label."""
        rows = self.db.execute(
            "SELECT coalesce(json_extract(attributes, '$.event_type'), label) AS kind, count(*) "
            "FROM events GROUP BY kind ORDER BY count(*) DESC, kind"
        )
        return dict(rows.fetchall())

    def count_arguments(self, annotator: str | None = None) -> int:
        if annotator is None:
            return self.db.execute("SELECT count(*) FROM arguments").fetchone()[0]
        return self.db.execute(
            "SELECT count(*) FROM arguments a JOIN events e ON e.id = a.event_id "
            "WHERE e.annotator = ?",
            [annotator],
        ).fetchone()[0]

    # -- the schema changing under the events --------------------------------------------------

    def count_label(self, label: str) -> int:
        return self.db.execute("SELECT count(*) FROM events WHERE label = ?", [label]).fetchone()[0]

    def rename_label(self, old: str, new: str, time: str) -> int:
        return self.db.execute(
            "UPDATE events SET label = ?, updated = ? WHERE label = ?", [new, time, old]
        ).rowcount

    def delete_label(self, label: str) -> int:
        return self.db.execute("DELETE FROM events WHERE label = ?", [label]).rowcount

    def role_fillers(self, label: str) -> dict[str, int]:
        """Role → how many arguments events of ``label`` have in it."""
        rows = self.db.execute(
            "SELECT a.role, count(*) FROM arguments a JOIN events e ON e.id = a.event_id "
            "WHERE e.label = ? GROUP BY 1 ORDER BY 1",
            [label],
        )
        return dict(rows.fetchall())

    def filled_by_label(self, label: str) -> dict[tuple[str, str], int]:
        """(event label, role) → how many arguments are spans of ``label``."""
        rows = self.db.execute(
            "SELECT e.label, a.role, count(*) FROM arguments a "
            "JOIN events e ON e.id = a.event_id JOIN spans s ON s.id = a.span_id "
            "WHERE s.label = ? GROUP BY 1, 2 ORDER BY 1, 2",
            [label],
        )
        return {(event, role): n for event, role, n in rows}

    def role_argument_labels(self, label: str, role: str) -> dict[str, int]:
        """Argument label → how many arguments of this role events of ``label`` have."""
        rows = self.db.execute(
            "SELECT coalesce(s.label, f.label), count(*) FROM arguments a "
            "JOIN events e ON e.id = a.event_id LEFT JOIN spans s ON s.id = a.span_id "
            "LEFT JOIN events f ON f.id = a.argument_event "
            "WHERE e.label = ? AND a.role = ? GROUP BY 1 ORDER BY 1",
            [label, role],
        )
        return dict(rows.fetchall())

    def with_several(self, label: str, role: str) -> int:
        """Events of a label with more than one argument in ``role``."""
        return self.db.execute(
            "SELECT count(*) FROM (SELECT a.event_id FROM arguments a "
            "JOIN events e ON e.id = a.event_id WHERE e.label = ? AND a.role = ? "
            "GROUP BY a.event_id HAVING count(*) > 1)",
            [label, role],
        ).fetchone()[0]

    def rename_role(self, label: str, old: str, new: str) -> int:
        return self.db.execute(
            "UPDATE arguments SET role = ? WHERE role = ? "
            "AND event_id IN (SELECT id FROM events WHERE label = ?)",
            [new, old, label],
        ).rowcount

    def delete_role(self, label: str, role: str) -> int:
        return self.db.execute(
            "DELETE FROM arguments WHERE role = ? "
            "AND event_id IN (SELECT id FROM events WHERE label = ?)",
            [role, label],
        ).rowcount

    def count_arguments_of_label(self, label: str) -> int:
        """Arguments that are spans of ``label``, or that events of ``label`` have."""
        return self.db.execute(
            "SELECT count(*) FROM arguments WHERE span_id IN "
            "(SELECT id FROM spans WHERE label = ?) OR event_id IN "
            "(SELECT id FROM events WHERE label = ?)",
            [label, label],
        ).fetchone()[0]
