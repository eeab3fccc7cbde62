"""Bringing articles (annotated or not) into a project.

An import is all-or-nothing: every file of one import is written in one transaction, and
any error leaves the project exactly as it was (its schema included, when labels are added).
A record whose stored text is already in the project adds its spans to that document
instead of creating a second one.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import Argument
from annotator.core.records import (
    PreparedEvent,
    PreparedRecord,
    Record,
    UnknownLabels,
    in_making_order,
)
from annotator.formats.options import HINTS, NOTES, new_options
from annotator.formats.reading import check_encoding
from annotator.formats.registry import (
    FORMATS,
    by_extension,
    folder_formats,
    read_records,
    readable,
)
from annotator.ops import discussing, identity
from annotator.ops.import_checks import Checked, check_records
from annotator.ops.import_process import CheckingProcess, NotStarted, worth_a_process
from annotator.ops.labels import LabelPolicy
from annotator.ops.progress import Progress
from annotator.store.project import Project, now

FOLDER_FORMATS = tuple(folder_formats())  # (extension, format): what a folder of such files holds
SPANS_PER_INSERT = 400  # new spans written together (of several records) in one statement


def default_annotator() -> str:
    """The name the window was given (the same person), else the system's user name."""
    return identity.current_name()


def _folder_format(path: Path) -> str | None:
    for suffix, fmt in FOLDER_FORMATS:
        if next(path.rglob(f"*{suffix}"), None) is not None:
            return fmt
    return None


def detect_format(path: Path) -> str:
    if path.is_dir():
        fmt = _folder_format(path)
        if fmt is None:
            kinds = ", ".join(f"{name} ({suffix})" for suffix, name in FOLDER_FORMATS)
            raise InputError(
                f"a folder with no files of a format read as a folder: {kinds}; give files, or "
                "the format with --format",
                file=path,
            )
        return fmt
    fmt = by_extension(path)
    if fmt is None:
        raise InputError(
            f"cannot tell the format from the extension {path.suffix!r}; give it with --format "
            f"({', '.join(readable())})",
            file=path,
        )
    return fmt


@dataclass
class ImportReport:
    files: int = 0
    records: int = 0
    documents_added: int = 0
    documents_matched: int = 0
    spans_added: int = 0
    spans_already_there: int = 0
    relations_added: int = 0
    events_added: int = 0
    events_already_there: int = 0
    threads_added: int = 0
    annotators: set[str] = field(default_factory=set)
    labels_added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was kept in another form, or skipped

    def summary(self) -> str:
        parts = [
            f"{self.documents_added} new document{'s' * (self.documents_added != 1)}",
            f"{self.documents_matched} already in the project",
            f"{self.spans_added} span{'s' * (self.spans_added != 1)} added",
        ]
        if self.spans_already_there:
            parts.append(f"{self.spans_already_there} already there")
        if self.events_added:
            parts.append(f"{self.events_added} event{'s' * (self.events_added != 1)} added")
        if self.relations_added:
            parts.append(f"{self.relations_added} relations added")
        if self.threads_added:
            parts.append(f"{self.threads_added} discussion threads added")
        if self.labels_added:
            parts.append(f"labels added to the schema: {', '.join(self.labels_added)}")
        return ", ".join(parts)


@dataclass
class _Links:
    """A record written but for its relations, events and threads, which need its spans' ids."""

    document_id: int
    new: bool  # the document came with this import: nothing of it to find first
    record: PreparedRecord
    ids: dict[str, int]  # the file's span keys → ids, of spans already in the project
    # key → (layer, extent, place among the spans held back, or -1: look it up), unwritten
    unresolved: dict[str, tuple[str, tuple[int, int, str], int]]


def _argument_keys(events: tuple[PreparedEvent, ...]) -> Iterator[str]:
    for event in events:
        for _role, key in event.arguments:
            yield key


class Importer:
    """Writes prepared records into a project (inside a transaction the caller holds)."""

    def __init__(
        self,
        project: Project,
        annotator: str,
        policy: LabelPolicy | None = None,
        one_layer: bool = False,
        progress: Progress | None = None,
    ) -> None:
        self.project = project
        self.annotator = annotator
        self.policy = policy or LabelPolicy(project, {}, add=False)
        self.one_layer = one_layer
        self.progress = progress
        self.read = 0  # records read so far, over every file of the import
        self.total: int | None = None  # how many the files hold, when that was quick to count
        self.report = ImportReport()
        self.time = now()
        self._waiting: list[tuple] = []  # new spans held back for one bulk insert
        self._linking: list[_Links] = []  # records whose links wait for their spans' ids
        self._events: list[tuple] = []  # new events held back for one bulk insert

    def flush(self) -> None:
        """Write the spans held back, then the links, events and threads of their records.
        :meth:`add_all` does it; a caller of :meth:`add` must."""
        ids = self.project.spans.add_many(self._waiting, self.time) if self._waiting else []
        self._waiting = []
        linking, self._linking = self._linking, []
        for links in linking:
            found: dict[str, dict[tuple[int, int, str], int]] = {}
            for key, (layer, extent, place) in links.unresolved.items():
                if place >= 0:
                    links.ids[key] = ids[place]
                    continue
                if layer not in found:
                    found[layer] = self.project.spans.keys(links.document_id, layer)
                links.ids[key] = found[layer][extent]
            self._link(links)
        self._write_events()

    def _write_events(self) -> None:
        """The events held back (of new documents, their arguments spans), in one go."""
        if self._events:
            self.project.events.add_many(self._events, self.time)
            self._events = []

    @property
    def kinds(self) -> dict[str, str]:
        return {label.id: label.kind for label in self.project.schema.labels}

    def add(self, record: PreparedRecord) -> None:
        """Add one record. Its new spans wait to be written with those of the next records, in
        one statement, and its links, events and threads after them, once the spans have ids
        (:meth:`flush`); reading spans, or writing one on its own, writes them first, so ids
        follow the file."""
        project, report = self.project, self.report
        report.records += 1
        document_id = project.documents.id_for_sha256(record.sha256)
        new = document_id is None
        if document_id is None:
            document_id = project.documents.add(
                record.name, record.text, record.sha256, record.meta, self.time
            )
            report.documents_added += 1
            existing: dict[str, dict[tuple[int, int, str], int]] = {}
        else:
            report.documents_matched += 1
            self.flush()
            existing = {
                layer: project.spans.keys(document_id, layer)
                for layer in {span.annotator for span in record.spans}
            }
        ids: dict[str, int] = {}
        unresolved: dict[str, tuple[str, tuple[int, int, str], int]] = {}  # key → its span
        fresh: list[tuple] = []
        kinds = self.kinds if any(span.entity for span in record.spans) else {}
        for span in record.spans:
            start, end, label, text, annotator, attributes, key, entity, provenance = span
            layer = existing.get(annotator)
            if layer is None:
                layer = existing[annotator] = {}
            identity = (start, end, label)
            span_id = layer.get(identity)
            if span_id is not None:
                report.spans_already_there += 1
            else:
                entity_id = project.entities.ensure(kinds[label], entity) if entity else None
                if provenance is not None:
                    self._waiting += fresh  # those before it, of this record and earlier ones,
                    fresh = []  # first: ids follow the file
                    self.flush()
                    unresolved = {k: (a, e, -1) for k, (a, e, _) in unresolved.items()}
                    span_id = project.spans.add(
                        document_id,
                        annotator,
                        label,
                        start,
                        end,
                        text,
                        attributes,
                        entity_id=entity_id,
                        provenance=provenance,
                        time=self.time,
                    )
                else:
                    span_id = -1
                    fresh.append(
                        (document_id, annotator, label, start, end, text, attributes, entity_id)
                    )
                layer[identity] = span_id
                report.spans_added += 1
            if key is not None:
                if span_id == -1:
                    place = len(self._waiting) + len(fresh) - 1
                    unresolved[key] = (annotator, identity, place)
                else:
                    ids[key] = span_id
        report.annotators.update(existing)  # the layers of every span of the record
        self._waiting += fresh
        if record.relations or record.events or record.threads:
            self._linking.append(_Links(document_id, new, record, ids, unresolved))
        if len(self._waiting) >= SPANS_PER_INSERT:
            self.flush()
        for annotator, status in record.status.items():
            project.progress.set(document_id, annotator, status, self.time)
            report.annotators.add(annotator)

    def _link(self, links: _Links) -> None:
        """A record's relations, events and threads, its spans having ids."""
        project, report = self.project, self.report
        record, ids, document_id = links.record, links.ids, links.document_id
        if record.relations:
            layers = {span.key: span.annotator for span in record.spans}
            for relation in record.relations:
                source, target = ids[relation.source], ids[relation.target]
                annotator = relation.annotator or layers[relation.source]
                if links.new or project.relations.find(source, target, relation.role) is None:
                    project.relations.add(
                        document_id, annotator, source, target, relation.role, time=self.time
                    )
                    report.relations_added += 1
        if record.events:
            self._add_events(document_id, links.new, record.events, ids)
        if record.threads:
            threads, _comments = discussing.add_threads(project, document_id, record.threads, ids)
            report.threads_added += threads

    def _add_events(
        self,
        document_id: int,
        new: bool,
        events: tuple[PreparedEvent, ...],
        ids: dict[str, int],
    ) -> None:
        """Write a record's events, those that are arguments of others first; an event its
        layer has already (same type, trigger and arguments) is not written twice."""
        project, report = self.project, self.report
        keys = {event.key for event in events}
        # a new document's events whose arguments are spans only wait to be written together
        queue = new and not any(key in keys for key in _argument_keys(events))
        if not queue:
            self._write_events()  # those held back first: ids follow the file
        existing = (
            {}
            if new
            else {
                (e.annotator, e.label, e.trigger, e.arguments): e.id
                for e in project.events.for_document(document_id)
            }
        )
        made: dict[str, int] = {}
        for event in in_making_order(events):
            trigger = ids[event.trigger] if event.trigger is not None else None
            arguments = tuple(
                Argument(role, span=ids[key]) if key in ids else Argument(role, event=made[key])
                for role, key in event.arguments
            )
            identity = (event.annotator, event.label, trigger, arguments)
            if identity in existing:
                made[event.key] = existing[identity]
                report.events_already_there += 1
                continue
            if queue:
                existing[identity] = -1
                self._events.append(
                    (
                        document_id,
                        event.annotator,
                        event.label,
                        trigger,
                        event.attributes,
                        event.provenance,
                        arguments,
                    )
                )
            else:
                made[event.key] = existing[identity] = project.events.add(
                    document_id,
                    event.annotator,
                    event.label,
                    trigger,
                    arguments,
                    event.attributes,
                    time=self.time,
                    provenance=event.provenance,
                )
            report.events_added += 1
            report.annotators.add(event.annotator)

    def add_all(
        self,
        records: Iterable[Record],
        source: Path,
        options: dict[str, Any] | None = None,
    ) -> None:
        """Prepare and add every record of one file; unknown labels are listed all at once."""
        options = options or {}
        checked = check_records(
            records,
            source,
            options,
            self.policy,
            self.annotator,
            self.one_layer,
            lambda: self.project.schema,
        )
        self.add_checked(checked, source, options)

    def add_checked(
        self, checked: Iterable[Checked], source: Path, options: dict[str, Any]
    ) -> None:
        """Add the records of one file, checked (:mod:`annotator.ops.import_checks`); once a
        record uses labels the schema lacks, the rest are only looked through for more."""
        unknown: dict[str, int | str] = {}  # label → the record it first appears in
        for where, prepared in checked:
            if isinstance(prepared, UnknownLabels):
                first = f"{where.number}, {where.name}" if source.is_dir() else where.number
                for label in prepared.labels:
                    unknown.setdefault(label, first)
                continue
            if not unknown:
                self.add(prepared)
            self.read += 1
            if self.progress is not None:
                total = self.total if self.total is not None and self.read <= self.total else None
                self.progress(self.read, total)
        self.flush()
        if unknown:
            listed = ", ".join(
                f"{label} (first in record {n})" for label, n in sorted(unknown.items())
            )
            hints = "".join(f" {hint}" for hint in options.get(HINTS) or [])
            raise InputError(
                f"labels not in the project's schema: {listed}. Add them to the schema "
                f"(--add-labels) or map them to existing labels (--map-label OLD=NEW).{hints}",
                file=source,
            )
        self.report.files += 1


def labels_in(
    paths: Iterable[str | Path], fmt: str | None = None, encoding: str = "utf-8"
) -> set[str]:
    """The labels the files' spans use (read once, nothing written): what an import dialog
    offers to map onto the project's labels or add to its schema."""
    found: set[str] = set()
    encoding = check_encoding(encoding)
    for path in map(Path, paths):
        chosen = fmt or detect_format(path)
        for record in read_records(chosen, path, encoding, new_options()):
            found.update(span.label for span in record.spans)
            found.update(event.label for event in record.events or ())
    return found


def _check_flags(flags: dict[str, Any], formats: set[str]) -> None:
    """A format option given for an import with no file it applies to is a mistake."""
    for name, value in flags.items():
        if value is None or value is False or value == ():
            continue
        takers = [f for f, spec in FORMATS.items() if spec.options and name in spec.options]
        if not formats.intersection(takers):
            option = "--" + name.replace("_", "-")
            raise InputError(f"{option} applies to {' and '.join(takers) or 'no'} files only")


def records_expected(paths: list[Path], formats: list[str], encoding: str) -> int | None:
    """How many records the files hold, when that is quick to know (JSONL in UTF-8: one a
    line that is not blank), for a progress total; None otherwise."""
    if codecs.lookup(encoding).name != "utf-8":
        return None
    total = 0
    for path, fmt in zip(paths, formats, strict=True):
        if fmt != "jsonl" or not path.is_file():
            return None
        try:
            with path.open("rb") as stream:
                total += sum(1 for line in stream if not line.isspace())
        except OSError:
            return None  # the import itself says why the file cannot be read
    return total


def _import_file(
    importer: Importer, path: Path, fmt: str, encoding: str, flags: dict[str, Any], apart: bool
) -> dict[str, Any]:
    """One file into the import, read in a second process or here; its reading options,
    with the reader's notes."""
    read_options = new_options(flags)
    if apart:
        project = importer.project
        try:
            with CheckingProcess(
                fmt,
                path,
                encoding,
                flags,
                importer.policy,
                importer.annotator,
                importer.one_layer,
                project.schema,
            ) as reader:
                importer.add_checked(reader.records(read_options), path, read_options)
            return read_options
        except NotStarted:
            pass  # nothing of the file was read (its options untouched): read it here
    importer.add_all(read_records(fmt, path, encoding, read_options), path, read_options)
    return read_options


def import_files(
    project: Project,
    paths: Iterable[str | Path],
    fmt: str | None = None,
    annotator: str | None = None,
    encoding: str = "utf-8",
    *,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
    options: dict[str, Any] | None = None,
    one_layer: bool = False,
    progress: Progress | None = None,
    second_process: bool | None = None,
) -> ImportReport:
    """Import files in one transaction; on any error nothing at all is written.

    ``label_map`` renames labels on the way in; ``add_labels`` adds the labels the schema
    lacks (inside the same transaction); ``options`` holds format flags (see
    ``formats.options``); ``one_layer`` puts every span in ``annotator``'s layer even where
    the file names who made it. ``progress(records read, records in the files or None)`` is
    called after each record (the total is known for JSONL),
    inside the transaction: raising :class:`~annotator.core.errors.Cancelled` there undoes
    the whole import. ``second_process``: read and check each file in a process of its own
    while this one writes (:mod:`annotator.ops.import_process`); by default, large files
    when the machine has a core to spare and no labels are added.
    """
    encoding = check_encoding(encoding)
    if fmt is not None and fmt not in readable():
        raise InputError(f"cannot import {fmt!r}; choose one of {', '.join(readable())}")
    paths = [Path(p) for p in paths]
    formats = [fmt or detect_format(path) for path in paths]
    flags = dict(options or {})
    _check_flags(flags, set(formats))
    policy = LabelPolicy(project, label_map or {}, add=add_labels)
    importer = Importer(project, annotator or default_annotator(), policy, one_layer, progress)
    if progress is not None:
        importer.total = records_expected(paths, formats, encoding)
    try:
        with project.write():
            for path, path_format in zip(paths, formats, strict=True):
                apart = worth_a_process(path, policy) if second_process is None else second_process
                read_options = _import_file(importer, path, path_format, encoding, flags, apart)
                for message in read_options[NOTES]:
                    importer.report.notes.append(f"{path.name}: {message}")
    except BaseException:
        project.forget_cached_schema()
        raise
    importer.report.labels_added = list(policy.added)
    return importer.report
