"""What a writer is given besides the documents, in a module of its own so that writers can
name it without importing the registry that imports them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.schema import Schema


@dataclass(frozen=True)
class ExportContext:
    """What a writer may need besides the documents."""

    project: str
    schema: Schema
    header: dict[str, Any] = field(default_factory=dict)  # project-level fields of our JSON
    entities: dict[int, str] = field(default_factory=dict)  # canonical entity id -> name
    coordinates: dict[int, tuple[float, float]] = field(default_factory=dict)  # place -> lat, lon
    options: dict[str, Any] = field(default_factory=dict)  # format-specific export options
    notes: list[str] = field(default_factory=list)  # what a writer left out, for the report
