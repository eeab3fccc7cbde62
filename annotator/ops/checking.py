"""``annotator check``: is the project whole, does every span still point at its text, and
which spans still lack the coding the schema requires?

The project is read through (:func:`annotator.store.inspection.inspect`): SQLite's integrity
check, every text against its SHA-256, every span against its text, every value as UTF-8 and
JSON, every link. It never stops at what it finds, however damaged the file: it lists it, and
when the file is damaged names the newest backup that is whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store import backups
from annotator.store.findings import Finding, ProjectDamaged, only_damage
from annotator.store.inspection import Progress, inspect
from annotator.store.project import DATABASE, Project, database_path

__all__ = ["CheckReport", "Gap", "ProjectDamaged", "check", "coding_gaps"]


@dataclass(frozen=True)
class Gap:
    """A span whose coding the schema requires is missing or wrong."""

    document: str  # the document's name
    annotator: str
    label: str
    text: str
    start: int
    end: int
    missing: tuple[str, ...]

    def describe(self) -> str:
        where = f"«{self.text}» ({self.start}–{self.end})" if self.text else "(no trigger word)"
        return (
            f"«{self.document}», {self.annotator}: {self.label} {where}: {'; '.join(self.missing)}"
        )


def coding_gaps(project: Project) -> Iterator[Gap]:
    """Every span and event, in every layer, whose required coding is missing or does not
    fit (an event's coding is its own; its trigger's text and offsets say where it is)."""
    schema = project.schema
    names: dict[int, str] = {}

    def name(document_id: int) -> str:
        if document_id not in names:
            names[document_id] = project.documents.name(document_id) or "?"
        return names[document_id]

    events = frozenset(label.id for label in schema.labels if label.kind == "event")
    for span in project.spans.iter_labelled(schema.coded_labels - events):
        missing = schema.missing(span.label, span.attributes)
        if missing:
            where = (span.text, span.start, span.end)
            yield Gap(name(span.document_id), span.annotator, span.label, *where, tuple(missing))
    for event in project.events.iter_all():
        missing = schema.missing(event.label, event.attributes) if event.label in events else []
        if missing:
            trigger = project.spans.get(event.trigger) if event.trigger is not None else None
            where = (trigger.text, trigger.start, trigger.end) if trigger else ("", 0, 0)
            document = name(event.document_id)
            yield Gap(document, event.annotator, event.label, *where, tuple(missing))


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0
    spans: int = 0
    events: int = 0
    gaps: list[Gap] = field(default_factory=list)  # spans not fully coded (work to finish)
    restore: backups.Backup | None = None  # the newest whole backup, when the file is damaged

    @property
    def damaged(self) -> bool:
        return bool(only_damage(self.findings))


def check(path: str | Path, progress: Progress | None = None) -> CheckReport:
    """Read the project at ``path`` through; see the module documentation."""
    database = database_path(path)
    if not database.exists():
        raise ProjectError(f"{path}: no project here (expected {database})")
    report = CheckReport(findings=inspect(database, progress=progress))
    if report.damaged:
        report.restore = backups.newest_sound(database.parent)
        return report
    with Project.open(database) as project:
        report.documents = project.documents.count()
        report.spans = project.spans.count()
        report.events = project.events.count()
        report.gaps = list(coding_gaps(project))
    return report


def problems(project: Project) -> list[str]:
    """Everything wrong with an open project, in words; an empty list means it is sound."""
    return [finding.describe() for finding in inspect(project.folder / DATABASE)]
