"""Bringing articles (annotated or not) into a project.

An import is all-or-nothing: every file of one import is written in one transaction, and
any error leaves the project exactly as it was. A record whose stored text is already in
the project adds its spans to that document instead of creating a second one.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.records import PreparedRecord, Record, UnknownLabels, prepare
from annotator.formats.reading import check_encoding
from annotator.formats.registry import FORMATS, by_extension, readable
from annotator.store.project import Project, now


def default_annotator() -> str:
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):
        return "annotator"


def detect_format(path: Path) -> str:
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
    annotators: set[str] = field(default_factory=set)

    def summary(self) -> str:
        parts = [
            f"{self.documents_added} new document{'s' * (self.documents_added != 1)}",
            f"{self.documents_matched} already in the project",
            f"{self.spans_added} span{'s' * (self.spans_added != 1)} added",
        ]
        if self.spans_already_there:
            parts.append(f"{self.spans_already_there} already there")
        if self.relations_added:
            parts.append(f"{self.relations_added} relations added")
        return ", ".join(parts)


class Importer:
    """Writes prepared records into a project (inside a transaction the caller holds)."""

    def __init__(self, project: Project, annotator: str) -> None:
        self.project = project
        self.annotator = annotator
        self.labels = project.schema.label_ids
        self.kinds = {label.id: label.kind for label in project.schema.labels}
        self.report = ImportReport()
        self.time = now()

    def add(self, record: PreparedRecord) -> None:
        project, report = self.project, self.report
        report.records += 1
        document_id = project.documents.id_for_sha256(record.sha256)
        if document_id is None:
            document_id = project.documents.add(
                record.name, record.text, record.sha256, record.meta, self.time
            )
            report.documents_added += 1
            existing: dict[str, dict[tuple[int, int, str], int]] = {}
        else:
            report.documents_matched += 1
            existing = {
                layer: project.spans.keys(document_id, layer)
                for layer in {span.annotator for span in record.spans}
            }
        ids: dict[str, int] = {}
        fresh = []
        for span in record.spans:
            layer = existing.setdefault(span.annotator, {})
            identity = (span.start, span.end, span.label)
            report.annotators.add(span.annotator)
            if identity in layer:
                report.spans_already_there += 1
                span_id = layer[identity]
            else:
                entity_id = (
                    project.entities.ensure(self.kinds[span.label], span.entity)
                    if span.entity
                    else None
                )
                needs_id = span.key is not None or span.provenance is not None
                if needs_id:
                    span_id = project.spans.add(
                        document_id,
                        span.annotator,
                        span.label,
                        span.start,
                        span.end,
                        span.text,
                        span.attributes,
                        entity_id=entity_id,
                        provenance=span.provenance,
                        time=self.time,
                    )
                else:
                    span_id = -1
                    fresh.append(
                        (
                            document_id,
                            span.annotator,
                            span.label,
                            span.start,
                            span.end,
                            span.text,
                            span.attributes,
                            entity_id,
                        )
                    )
                layer[identity] = span_id
                report.spans_added += 1
            if span.key is not None:
                ids[span.key] = span_id
        if fresh:
            project.spans.add_many(fresh, self.time)
        for relation in record.relations:
            source, target = ids[relation.source], ids[relation.target]
            annotator = relation.annotator or project.spans.get(source).annotator
            if project.relations.find(source, target, relation.role) is None:
                project.relations.add(
                    document_id, annotator, source, target, relation.role, time=self.time
                )
                report.relations_added += 1
        for annotator, status in record.status.items():
            project.progress.set(document_id, annotator, status, self.time)
            report.annotators.add(annotator)

    def add_all(self, records: Iterable[Record], source: Path) -> None:
        """Prepare and add every record of one file; unknown labels are listed all at once."""
        unknown: dict[str, int] = {}
        stem = source.stem
        for record in records:
            try:
                prepared = prepare(record, f"{stem}-{record.number}", self.annotator, self.labels)
            except UnknownLabels as error:
                for label in error.labels:
                    unknown.setdefault(label, record.number)
                continue
            except InputError as error:
                raise error.located(file=source, line=record.line, record=record.number) from None
            if not unknown:
                self.add(prepared)
        if unknown:
            listed = ", ".join(
                f"{label} (first in record {n})" for label, n in sorted(unknown.items())
            )
            raise InputError(
                f"labels not in the project's schema: {listed}. Add them to the schema or map "
                "them to existing labels",
                file=source,
            )
        self.report.files += 1


def import_files(
    project: Project,
    paths: Iterable[str | Path],
    fmt: str | None = None,
    annotator: str | None = None,
    encoding: str = "utf-8",
) -> ImportReport:
    """Import files in one transaction; on any error nothing at all is written."""
    encoding = check_encoding(encoding)
    if fmt is not None and fmt not in readable():
        raise InputError(f"cannot import {fmt!r}; choose one of {', '.join(readable())}")
    importer = Importer(project, annotator or default_annotator())
    with project.write():
        for path in map(Path, paths):
            reader = FORMATS[fmt or detect_format(path)].read
            importer.add_all(reader(path, encoding), path)
    return importer.report
