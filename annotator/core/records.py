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
from annotator.core.roles import second_role
from annotator.core.schema import Schema
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
    line: int | None = None  # where the span is in its file, for formats that know it


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
    file: str | None = None  # the file it came from, when the import reads a folder


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


def check_links(
    relations: list[RelationRecord],
    spans: list[PreparedSpan],
    schema: Schema | None,
) -> None:
    """Every link joins two spans of the record, in one layer, in a role its event allows,
    and no span fills two roles of one event (unless its label allows it)."""
    by_key = {span.key: span for span in spans if span.key is not None}
    filled: dict[object, list[tuple[str, object]]] = {}
    for number, relation in enumerate(relations, 1):
        where = f"relation {number} ({relation.role})"
        ends = []
        for end_key in (relation.source, relation.target):
            if end_key not in by_key:
                raise InputError(f"{where}: no span with id {end_key!r}")
            ends.append(by_key[end_key])
        source, target = ends
        layer = relation.annotator or source.annotator
        if not source.annotator == target.annotator == layer:
            raise InputError(
                f"{where}: joins a span of the layer {source.annotator!r} to one of "
                f"{target.annotator!r}{f' in the layer {layer!r}' if relation.annotator else ''}"
                "; a link stays within one annotator's layer"
            )
        label = schema.label(source.label) if schema is not None else None
        role = label.role(relation.role) if label is not None else None
        if role is not None and role.kinds:
            kind = schema.label(target.label).kind  # type: ignore[union-attr]
            if kind not in role.kinds:
                raise InputError(
                    f"{where}: the role {relation.role} of {source.label} takes "
                    f"{' or '.join(role.kinds)} spans, not {target.label} ({kind})"
                )
        if role is None:  # a link the schema does not declare as a role of an event
            continue
        links = filled.setdefault(relation.source, [])
        twice = second_role(label, links, relation.role, relation.target)
        if twice is not None:
            raise InputError(f"{where}: {twice.reason(target.text)}")
        links.append((relation.role, relation.target))


def prepare(
    record: Record,
    default_name: str,
    annotator: str,
    labels: tuple[str, ...],
    schema: Schema | None = None,
) -> PreparedRecord:
    """Check a record against its own text and the schema, and move it onto stored text.

    The record has passed :class:`~annotator.core.validation.RecordCheck` (its fields have
    their kinds); ``schema``, when given, also has links checked against the roles' kinds.
    """
    raw = record.text
    if not isinstance(raw, str):
        raise InputError(f"'text' must be a string, got {type(raw).__name__}")
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
    if not stored.text.strip():
        raise InputError("the text is empty")
    moved = stored.offset if stored.removed else None
    length = len(raw)
    spans = []
    for number, span in enumerate(record.spans, 1):
        start, end = span.start, span.end
        if type(start) is not int or type(end) is not int:
            raise InputError(f"span {number}: start and end must be whole numbers")
        if not 0 <= start < end <= length:
            raise InputError(
                f"span {number} ({span.label}): offsets {start}-{end} are outside the text "
                f"(it has {length} characters) or empty"
            )
        if span.text is not None and raw[start:end] != span.text:
            raise InputError(
                f"span {number} ({span.label}): the text at {start}-{end} is {raw[start:end]!r} "
                f"but the file says {span.text!r}"
            )
        if moved is not None:
            start, end = moved(start), moved(end)
            if start >= end:
                raise InputError(
                    f"span {number} ({span.label}): covers only a line-ending character"
                )
        spans.append(
            PreparedSpan(
                start=start,
                end=end,
                label=span.label,
                text=stored.text[start:end],
                annotator=span.annotator or annotator,
                attributes=span.attributes,
                key=span.key,
                entity=span.entity,
                provenance=span.provenance,
            )
        )
    check_links(record.relations, spans, schema)
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
