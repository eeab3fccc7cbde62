"""Canonical entities: one actor or place that mentions across documents refer to.

A place's coordinates are kept on its row; ``place_origins`` remembers the gazetteer entry
they were taken from (none when they were typed), so a list of places can say where each
point came from.
"""

from __future__ import annotations

from annotator.core.model import Entity
from annotator.store.connection import Database


class Entities:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ensure(self, kind: str, name: str) -> int:
        """The id of the entity of this kind and name, created if it is new."""
        row = self.db.execute(
            "SELECT id FROM entities WHERE kind = ? AND name = ?", [kind, name]
        ).fetchone()
        if row:
            return row[0]
        return self.db.execute(
            "INSERT INTO entities(kind, name) VALUES (?, ?)", [kind, name]
        ).lastrowid

    def get(self, entity_id: int) -> Entity | None:
        row = self.db.execute(
            "SELECT id, kind, name, latitude, longitude FROM entities WHERE id = ?", [entity_id]
        ).fetchone()
        return Entity(*row) if row else None

    def of_kind(self, kind: str) -> list[tuple[Entity, int]]:
        """Entities of a kind with how many spans refer to each, most used first."""
        rows = self.db.execute(
            "SELECT e.id, e.kind, e.name, e.latitude, e.longitude, count(s.id) AS uses "
            "FROM entities e "
            "LEFT JOIN spans s ON s.entity_id = e.id WHERE e.kind = ? "
            "GROUP BY e.id ORDER BY uses DESC, e.name",
            [kind],
        )
        return [(Entity(*r[:5]), r[5]) for r in rows]

    def names(self) -> dict[int, str]:
        return dict(self.db.execute("SELECT id, name FROM entities").fetchall())

    def place(
        self,
        entity_id: int,
        latitude: float | None,
        longitude: float | None,
        origin: int | None = None,
    ) -> None:
        """Set (or, with None, forget) where a canonical place is; ``origin``: the gazetteer
        entry the coordinates come from."""
        self.db.execute(
            "UPDATE entities SET latitude = ?, longitude = ? WHERE id = ?",
            [latitude, longitude, entity_id],
        )
        self.db.execute("DELETE FROM place_origins WHERE entity_id = ?", [entity_id])
        if origin is not None and latitude is not None:
            self.db.execute(
                "INSERT INTO place_origins(entity_id, gazetteer_id) VALUES (?, ?)",
                [entity_id, origin],
            )

    def origin(self, entity_id: int) -> int | None:
        """The gazetteer entry a place's coordinates were taken from, if they were."""
        row = self.db.execute(
            "SELECT gazetteer_id FROM place_origins WHERE entity_id = ?", [entity_id]
        ).fetchone()
        return row[0] if row else None

    def origins(self) -> dict[int, int]:
        """Canonical id → the gazetteer entry its coordinates were taken from."""
        return dict(self.db.execute("SELECT entity_id, gazetteer_id FROM place_origins"))

    def coordinates(self) -> dict[int, tuple[float, float]]:
        """Canonical id → (latitude, longitude) of the places that have them."""
        rows = self.db.execute(
            "SELECT id, latitude, longitude FROM entities "
            "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def rename(self, entity_id: int, name: str) -> None:
        self.db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity_id])
