"""``annotator check``: is the project whole, and does every span still point at its text?

The project is read through (:func:`annotator.store.inspection.inspect`): SQLite's integrity
check, every text against its SHA-256, every span against its text, every value as UTF-8 and
JSON, every link. It never stops at what it finds, however damaged the file: it lists it, and
when the file is damaged names the newest backup that is whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store import backups
from annotator.store.findings import Finding, ProjectDamaged, only_damage
from annotator.store.inspection import Progress, inspect
from annotator.store.project import DATABASE, Project, database_path

__all__ = ["CheckReport", "ProjectDamaged", "check"]


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0
    spans: int = 0
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
    return report


def problems(project: Project) -> list[str]:
    """Everything wrong with an open project, in words; an empty list means it is sound."""
    return [finding.describe() for finding in inspect(project.folder / DATABASE)]
