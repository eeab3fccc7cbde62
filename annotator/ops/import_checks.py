"""Each record of an import made ready to write: labels renamed, checked, on the stored text.

What comes out is where the record was (for messages) and either the prepared record or the
labels it uses that the schema lacks (which the import lists all at once, at the end). Any
other problem stops the import: it is raised, located in its file. The same checks run in
the importing process or in a process of their own (:mod:`annotator.ops.import_process`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from annotator.core.errors import InputError
from annotator.core.records import PreparedRecord, Record, UnknownLabels, prepare
from annotator.core.schema import Schema
from annotator.formats.options import LABELS
from annotator.ops.labels import LabelPolicy


class Where(NamedTuple):
    """Where a record is: its file (when the import reads a folder), line, number, name."""

    file: str | None
    line: int | None
    number: int
    name: str | None


Checked = tuple[Where, PreparedRecord | UnknownLabels]


def into_one_layer(record: Record, annotator: str) -> None:
    """Every span, link and status of the record in the import's annotator layer."""
    for span in record.spans:
        span.annotator = None
    for relation in record.relations:
        relation.annotator = None
    for event in record.events or ():
        event.annotator = None
    statuses = set(record.status.values())
    record.status = {annotator: statuses.pop()} if len(statuses) == 1 else {}


def check_records(
    records: Iterable[Record],
    source: Path,
    options: dict[str, Any],
    policy: LabelPolicy,
    annotator: str,
    one_layer: bool,
    schema: Callable[[], Schema],
) -> Iterator[Checked]:
    """The records of one file, checked in turn; ``schema()`` is the project's schema now
    (labels the policy adds show in it from the next record on)."""
    definitions = options.get(LABELS, {})  # filled by the reader as it reads
    stem = source.stem
    for record in records:
        if one_layer:
            into_one_layer(record, annotator)
        where = Where(record.file, record.line, record.number, record.name)
        located = record.file or source
        try:
            policy.apply(record, definitions)
        except InputError as error:
            raise error.located(file=located, line=record.line, record=record.number) from None
        current = schema()
        try:
            prepared: PreparedRecord | UnknownLabels = prepare(
                record, f"{stem}-{record.number}", annotator, current.label_ids, current
            )
        except UnknownLabels as error:
            prepared = error
        except InputError as error:
            raise error.located(file=located, line=record.line, record=record.number) from None
        yield where, prepared
