"""Reading what a merge brings: a colleague's project, or one of our JSON / JSONL exports.

Both come out as the same thing, one document at a time: the stored text with its hash,
every layer's spans (keyed by their id in the source), links, events, statuses and threads.
An annotator/1 file has no events: each span of an event label is read as one event, its
links its arguments (as an import reads it). Spans whose label this project's schema lacks
are taken out here, with the links that touch them, the events on them and the arguments
they fill, and counted; so are events of a type the schema lacks, and links a file names
with no span behind them. Whether an event keeps this schema's rules is for the merge to say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from annotator.core.discussion import MessageRecord, ThreadRecord
from annotator.core.errors import InputError, ProjectError
from annotator.core.model import Event, Span
from annotator.core.records import (
    EventRecord,
    PreparedEvent,
    PreparedRecord,
    PreparedSpan,
    Record,
    RelationRecord,
    fold_role_links,
    prepare,
    prepare_events,
)
from annotator.core.schema import Schema
from annotator.core.validation import RecordCheck
from annotator.formats import native
from annotator.formats.reading import check_encoding
from annotator.store.project import DATABASE, Project, database_path
from annotator.store.streams import iter_annotated

E = TypeVar("E", EventRecord, PreparedEvent)

FILE_READERS = {
    ".json": native.read_json,
    ".jsonl": native.read_jsonl,
    ".ndjson": native.read_jsonl,
}


@dataclass
class Incoming:
    """One document of the source, ready to merge."""

    record: PreparedRecord
    threads: list[ThreadRecord]


@dataclass
class Unmatched:
    """What the source holds that this project cannot take, counted as it is read."""

    labels: Counter[str] = field(default_factory=Counter)  # spans per unknown label
    relations: int = 0  # links whose span is missing (or was left out for its label)
    event_labels: Counter[str] = field(default_factory=Counter)  # events per unknown type
    events: int = 0  # events whose trigger was left out
    arguments: int = 0  # arguments whose span or event was left out
    schema_note: str | None = None


def is_project(path: Path) -> bool:
    return (path.is_dir() and (path / DATABASE).exists()) or path.suffix == ".sqlite"


def without_unknown_events(
    events: Sequence[E], dropped: set[str], labels: set[str], unmatched: Unmatched
) -> list[E]:
    """The events less those of a type the schema lacks and those on a trigger in
    ``dropped`` (span keys left out); arguments naming what was left out go too."""
    gone = set(dropped)
    kept = []
    for event in events:
        if event.label not in labels:
            unmatched.event_labels[event.label] += 1
        elif event.trigger is not None and event.trigger in dropped:
            unmatched.events += 1
        else:
            kept.append(event)
            continue
        if event.key is not None:
            gone.add(event.key)
    out = []
    for event in kept:
        arguments = [(role, key) for role, key in event.arguments if key not in gone]
        unmatched.arguments += len(event.arguments) - len(arguments)
        out.append(replace(event, arguments=type(event.arguments)(arguments)))
    return out


def without_unknown(record: Record, labels: set[str], unmatched: Unmatched) -> Record:
    """The record less the spans whose label the schema lacks, the links to them, and the
    events of unknown types or on those spans."""
    dropped = {s.key for s in record.spans if s.label not in labels and s.key is not None}
    kept = [s for s in record.spans if s.label in labels]
    unmatched.labels.update(s.label for s in record.spans if s.label not in labels)
    known = {s.key for s in record.spans if s.key is not None}
    relations = []
    for relation in record.relations:
        if relation.source in dropped or relation.target in dropped:
            unmatched.relations += 1
        elif relation.source not in known or relation.target not in known:
            unmatched.relations += 1
        else:
            relations.append(relation)
    events = record.events
    if events is not None:
        events = without_unknown_events(events, dropped, labels, unmatched)
    return replace(record, spans=kept, relations=relations, events=events)


def _folded(prepared: PreparedRecord, schema: Schema, annotator: str) -> PreparedRecord:
    """An annotator/1 document with each span of an event label read as its event."""
    spans, events, relations = fold_role_links(
        list(prepared.spans), list(prepared.relations), schema
    )
    return replace(
        prepared,
        spans=tuple(spans),
        relations=tuple(relations),
        events=prepare_events(events, spans, None, annotator),
    )


def read_file(
    path: Path, schema: Schema, annotator: str | None, encoding: str, unmatched: Unmatched
) -> Iterator[Incoming]:
    """The documents of an export file, checked and moved onto stored text. Events are
    checked against the record (triggers and arguments are its spans, in one layer) here,
    against the schema's rules by the merge."""
    reader = FILE_READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            "merge reads a project folder, a project.sqlite, or our .json / .jsonl export",
            file=path,
        )
    check = RecordCheck()
    labels = set(schema.label_ids)
    for record in reader(path, check_encoding(encoding)):
        try:
            check(record)
            kept = without_unknown(record, labels, unmatched)
            prepared = prepare(kept, f"{path.stem}-{record.number}", annotator or "", tuple(labels))
            if kept.events is None:
                prepared = _folded(prepared, schema, annotator or "")
        except InputError as error:
            raise error.located(file=path, line=record.line, record=record.number) from None
        if any(not item.annotator for item in (*prepared.spans, *prepared.events)):
            raise InputError(
                "an annotation does not say whose it is; give the layer with --annotator",
                file=path,
                line=record.line,
                record=record.number,
            )
        yield Incoming(prepared, record.threads)


def read_project(
    path: Path, target: Project, labels: set[str], unmatched: Unmatched
) -> Iterator[Incoming]:
    """The documents of a colleague's project, with every layer."""
    if database_path(path).resolve() == database_path(target.folder).resolve():
        raise ProjectError(f"{path}: this is the project itself; merge another one into it")
    with Project.open(path) as source:
        theirs, ours = source.schema, target.schema
        if (theirs.name, theirs.version) != (ours.name, ours.version):
            unmatched.schema_note = (
                f"the source uses schema {theirs.name} {theirs.version}; "
                f"this project uses {ours.name} {ours.version}"
            )
        entities = source.entities.names()
        for item in iter_annotated(source):
            spans = [span_keyed(s, entities) for s in item.spans]
            unmatched.labels.update(s.label for s in spans if s.label not in labels)
            keys = {s.key for s in spans if s.label in labels}
            dropped = {s.key for s in spans if s.label not in labels and s.key is not None}
            relations = []
            for r in item.relations:
                if str(r.source) in keys and str(r.target) in keys:
                    relations.append(
                        RelationRecord(str(r.source), str(r.target), r.role, r.annotator)
                    )
                else:
                    unmatched.relations += 1
            document = item.document
            record = PreparedRecord(
                text=document.text,
                sha256=document.sha256,
                name=document.name,
                meta=document.meta,
                spans=tuple(s for s in spans if s.label in labels),
                relations=tuple(relations),
                status=dict(item.status),
                events=tuple(
                    without_unknown_events(
                        [event_keyed(e) for e in item.events], dropped, labels, unmatched
                    )
                ),
            )
            threads = [
                ThreadRecord(
                    annotation=str(t.span_id) if t.span_id is not None else None,
                    messages=[MessageRecord(c.author, c.body, c.created) for c in t.comments],
                    anchor=t.anchor,
                    resolved=t.resolved,
                    changed_by=t.changed_by,
                    changed_at=t.changed_at,
                    created=t.created,
                )
                for t in item.threads
            ]
            yield Incoming(record, threads)


def span_keyed(span: Span, entities: dict[int, str]) -> PreparedSpan:
    """A span of a project keyed by its id, its canonical entity by name."""
    return PreparedSpan(
        span.start,
        span.end,
        span.label,
        span.text,
        span.annotator,
        span.attributes,
        str(span.id),
        entities.get(span.entity_id) if span.entity_id is not None else None,
        span.provenance,
    )


def event_keyed(event: Event) -> PreparedEvent:
    """An event of a project keyed as our export file keys it: spans by id, events apart."""
    return PreparedEvent(
        native.EVENT_KEY + str(event.id),
        event.label,
        str(event.trigger) if event.trigger is not None else None,
        tuple(
            (a.role, str(a.span) if a.span is not None else native.EVENT_KEY + str(a.event))
            for a in event.arguments
        ),
        event.attributes,
        event.annotator,
        event.provenance,
    )
