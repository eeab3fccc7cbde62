"""Reading every row of a table that can still be read, whatever the damage around them.

A damaged page makes SQLite stop a scan with an error, or send it back to rows already read.
:class:`Scan` reads a table in rowid order, in batches; when reading stops it finds the next
row that can be reached again (galloping, then halving, over rowids), says which stretch
could not be read, and goes on from there, so that a check reads all the rest.
"""

from __future__ import annotations

import itertools
import operator
import sqlite3
from collections.abc import Callable, Iterator

from annotator.store.findings import READ_ERRORS, is_damage

BATCH = 2000  # rows read at a time
UNREADABLE = -1  # what a seek into a damaged stretch of a table finds (rowids are positive)

Report = Callable[[str, str], None]  # (table, what could not be read)


class Scan:
    """Reads tables of one connection through damage; ``unreadable`` keeps, per table, the
    stretches of rowids (first, first readable after, None: to the end) it could not read."""

    def __init__(self, conn: sqlite3.Connection, report: Report, counted: Callable[[int], None]):
        self.conn = conn
        self.report = report
        self.counted = counted  # told how many rows each batch held
        self.unreadable: dict[str, list[tuple[int, int | None]]] = {}
        self.without_rowid: dict[str, bool] = {}  # tables read without rowids, by name

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
                    self.counted(len(batch))
                    size = min(BATCH, size * 2)
                return
            except (*READ_ERRORS, _OutOfOrder) as error:
                if isinstance(error, READ_ERRORS) and not is_damage(error):
                    raise
                resume = self._next_readable(table, columns, after)
                self.unreadable.setdefault(table, []).append(((after or 0) + 1, resume))
                first = "the first row" if after is None else f"row {after}"
                if resume is None:
                    self.report(table, f"the rows after {first} cannot be read ({error})")
                    return
                if resume > (after or 0) + 1:
                    what = f"the rows after {first} and before row {resume} cannot be read"
                    self.report(table, f"{what} ({error})")
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
            self.report(table, f"cannot be read past its row {count} ({error})")

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
