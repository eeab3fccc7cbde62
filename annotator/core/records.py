"""What an importer reads from a file, before it goes into a project.

Readers produce :class:`Record` objects whose offsets are code points into the text exactly
as the file gave it; :func:`prepare` checks them and moves them onto the stored text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.discussion import ThreadRecord
from annotator.core.errors import InputError
from annotator.core.model import Status
from annotator.core.text import lone_surrogate, sha256_text, store_text


@dataclass
class SpanRecord:
    start: int
    end: int
    label: str
    text: str | None = None  # the surface text the file claims; checked against the offsets
    annotator: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # the span's id in the file, for relations
    entity: str | None = None  # the canonical entity a mention refers to
    provenance: dict[str, Any] | None = None


@dataclass
class RelationRecord:
    source: str
    target: str
    role: str
    annotator: str | None = None


@dataclass
class Record:
    text: str
    name: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    threads: list[ThreadRecord] = field(default_factory=list)  # discussions, by span key
    line: int | None = None  # where the record starts in its file, when that means something
    number: int = 1  # the record's position in its file, from 1


@dataclass(frozen=True)
class PreparedSpan:
    start: int
    end: int
    label: str
    text: str
    annotator: str
    attributes: dict[str, Any]
    key: str | None
    entity: str | None
    provenance: dict[str, Any] | None


@dataclass(frozen=True)
class PreparedRecord:
    text: str
    sha256: str
    name: str
    meta: dict[str, Any]
    spans: tuple[PreparedSpan, ...]
    relations: tuple[RelationRecord, ...]
    status: dict[str, str]
    threads: tuple[ThreadRecord, ...] = ()


class UnknownLabels(InputError):
    """Labels a record uses that the project's schema does not have."""

    def __init__(self, labels: set[str]) -> None:
        self.labels = labels
        super().__init__(f"labels not in the project's schema: {', '.join(sorted(labels))}")


def _integer(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{what} must be a whole number, got {value!r}")
    return value


def prepare(
    record: Record, default_name: str, annotator: str, labels: tuple[str, ...]
) -> PreparedRecord:
    """Check a record against its own text and the schema, and move it onto stored text."""
    raw = record.text
    if not isinstance(raw, str):
        raise InputError(f"'text' must be a string, got {type(raw).__name__}")
    if not raw.strip():
        raise InputError("the text is empty")
    surrogate = lone_surrogate(raw)
    if surrogate is not None:
        raise InputError(
            f"the text has an unpaired surrogate (broken emoji) at character {surrogate}"
        )
    if not isinstance(record.meta, dict):
        raise InputError(f"'meta' must be an object, got {type(record.meta).__name__}")
    unknown = {s.label for s in record.spans if s.label not in labels}
    if unknown:
        raise UnknownLabels(unknown)
    stored = store_text(raw)
    spans = []
    keys = set()
    for number, span in enumerate(record.spans, 1):
        where = f"span {number}"
        start = _integer(span.start, f"{where}: start")
        end = _integer(span.end, f"{where}: end")
        if not 0 <= start < end <= len(raw):
            raise InputError(
                f"{where} ({span.label}): offsets {start}-{end} are outside the text "
                f"(it has {len(raw)} characters) or empty"
            )
        if span.text is not None and raw[start:end] != span.text:
            raise InputError(
                f"{where} ({span.label}): the text at {start}-{end} is {raw[start:end]!r} "
                f"but the file says {span.text!r}"
            )
        if not isinstance(span.attributes, dict):
            raise InputError(f"{where}: 'attributes' must be an object")
        new_start, new_end = stored.offset(start), stored.offset(end)
        if new_start >= new_end:
            raise InputError(f"{where} ({span.label}): covers only a line-ending character")
        if span.key is not None:
            keys.add(span.key)
        spans.append(
            PreparedSpan(
                start=new_start,
                end=new_end,
                label=span.label,
                text=stored.text[new_start:new_end],
                annotator=span.annotator or annotator,
                attributes=span.attributes,
                key=span.key,
                entity=span.entity,
                provenance=span.provenance,
            )
        )
    for number, relation in enumerate(record.relations, 1):
        for end_key in (relation.source, relation.target):
            if end_key not in keys:
                raise InputError(
                    f"relation {number} ({relation.role}): no span with id {end_key!r}"
                )
    for name, status in record.status.items():
        if status not in Status.ALL:
            raise InputError(f"status of {name!r} must be one of {', '.join(Status.ALL)}")
    name = record.name if isinstance(record.name, str) and record.name.strip() else default_name
    return PreparedRecord(
        text=stored.text,
        sha256=sha256_text(stored.text),
        name=name,
        meta=record.meta,
        spans=tuple(spans),
        relations=tuple(record.relations),
        status=dict(record.status),
        threads=tuple(record.threads),
    )
