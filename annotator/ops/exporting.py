"""Writing a project's documents and annotations out, streamed, to a file that appears whole."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument
from annotator.formats.registry import FORMATS, ExportContext, writable
from annotator.store.project import Project
from annotator.store.streams import iter_annotated


@dataclass
class ExportReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0


def header(project: Project) -> dict[str, Any]:
    """The project-level fields of our JSON export."""
    schema = project.schema
    return {
        "project": project.name,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema": {
            "name": schema.name,
            "version": schema.version,
            "description": schema.description,
            "clitics": schema.clitics,
        },
        "labels": [label.to_json() for label in schema.labels],
    }


def _counted(
    documents: Iterable[AnnotatedDocument], report: ExportReport
) -> Iterator[AnnotatedDocument]:
    for item in documents:
        report.documents += 1
        report.spans += len(item.spans)
        report.relations += len(item.relations)
        yield item


def export(
    project: Project,
    fmt: str,
    out: str | Path,
    annotator: str | None = None,
    options: dict[str, Any] | None = None,
) -> ExportReport:
    if fmt not in writable():
        raise InputError(f"cannot export as {fmt!r}; choose one of {', '.join(writable())}")
    context = ExportContext(
        project=project.name,
        schema=project.schema,
        header=header(project),
        entities=project.entities.names(),
        options=options or {},
    )
    report = ExportReport()
    FORMATS[fmt].write(Path(out), _counted(iter_annotated(project, annotator), report), context)
    return report
