"""Rows coded with attributes (spans, events), found and rewritten by label and attribute
when the schema changes.

Attribute names and values are matched with json_each, never spliced into a JSON path, so a
name with a dot, a quote or a space is found exactly; rewritten attributes keep the
sorted-key form."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from annotator.store.connection import Database


class CodedRows:
    """What a table of coded rows shares; ``TABLE`` names the table (with ``id``, ``label``,
    ``attributes`` and ``updated`` columns)."""

    TABLE: ClassVar[str]
    db: Database

    def _matching(self, label: str, match: dict[str, str | None]) -> tuple[str, list[Any]]:
        """WHERE clause for rows of ``label`` holding each attribute (with the value, if
        given)."""
        each = f"EXISTS (SELECT 1 FROM json_each({self.TABLE}.attributes) WHERE key = ?"
        clauses, values = ["label = ?"], [label]
        for name, value in match.items():
            if value is None:
                clauses.append(f"{each})")
                values.append(name)
            else:
                clauses.append(f"{each} AND type = 'text' AND value = ?)")
                values += [name, value]
        return " AND ".join(clauses), values

    def count_with_attributes(self, label: str, match: dict[str, str | None]) -> int:
        """Rows of a label that hold these attributes (with these values where given)."""
        where, values = self._matching(label, match)
        query = f"SELECT count(*) FROM {self.TABLE} WHERE {where}"
        return self.db.execute(query, values).fetchone()[0]

    def attribute_values(self, label: str, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """(id, attributes) of the rows of a label that hold a value for ``name``."""
        where, values = self._matching(label, {name: None})
        query = f"SELECT id, attributes FROM {self.TABLE} WHERE {where}"
        for row_id, attributes in self.db.execute(query, values).fetchall():
            yield row_id, json.loads(attributes)

    def rewrite_attributes(
        self,
        label: str,
        match: dict[str, str | None],
        change: Callable[[dict[str, Any]], dict[str, Any]],
        time: str,
    ) -> int:
        """Rewrite the attributes of the rows of ``label`` that match; how many."""
        where, values = self._matching(label, match)
        found = self.db.execute(f"SELECT id, attributes FROM {self.TABLE} WHERE {where}", values)
        rows = [
            (json.dumps(change(json.loads(attributes)), ensure_ascii=False, sort_keys=True),
             time, row_id)
            for row_id, attributes in found.fetchall()
        ]  # fmt: skip
        self.db.conn.executemany(
            f"UPDATE {self.TABLE} SET attributes = ?, updated = ? WHERE id = ?", rows
        )
        return len(rows)

    def rename_attribute(self, label: str, old: str, new: str, time: str) -> int:
        """Move the value of ``old`` to ``new`` in every row of the label holding one."""

        def renamed(attributes: dict[str, Any]) -> dict[str, Any]:
            attributes[new] = attributes.pop(old)
            return attributes

        return self.rewrite_attributes(label, {old: None}, renamed, time)

    def clear_attributes(
        self, label: str, names: tuple[str, ...], match: dict[str, str | None], time: str
    ) -> int:
        """Remove ``names`` from the rows of the label that match: a value or attribute gone."""

        def cleared(attributes: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in attributes.items() if k not in names}

        return self.rewrite_attributes(label, match, cleared, time)
