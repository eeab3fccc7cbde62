"""Writing a project's documents and annotations out, streamed, to a file that appears whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.formats import native
from annotator.store.project import Project
from annotator.store.streams import iter_annotated

FORMATS = ("json", "jsonl")


@dataclass
class ExportReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0


@contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path`` and move it into place only when complete."""
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder; give a file name to write", file=path)
    if not path.parent.exists():
        raise InputError("its folder does not exist", file=path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def header(project: Project) -> dict[str, Any]:
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


def native_documents(
    project: Project, report: ExportReport, annotator: str | None = None
) -> Iterator[dict[str, Any]]:
    entities = project.entities.names()
    for item in iter_annotated(project, annotator):
        report.documents += 1
        report.spans += len(item.spans)
        report.relations += len(item.relations)
        yield native.document_json(item.document, item.spans, item.relations, item.status, entities)


def export(
    project: Project, fmt: str, out: str | Path, annotator: str | None = None
) -> ExportReport:
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    report = ExportReport()
    documents = native_documents(project, report, annotator)
    with atomic_output(Path(out)) as stream:
        if fmt == "json":
            native.write_json(stream, header(project), documents)
        else:
            native.write_jsonl(stream, documents)
    return report
