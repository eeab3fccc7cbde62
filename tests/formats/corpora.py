"""Helpers for format tests over the shared corpora: projects with a corpus's labels."""

from __future__ import annotations

from pathlib import Path

from annotator.core.schema import from_json
from annotator.store.project import Project


def labelled_project(folder: Path, labels: list[str] | set[str]) -> Project:
    """A real project whose schema has exactly the labels of a corpus."""
    schema = from_json({"name": "corpus", "labels": [{"id": label} for label in sorted(labels)]})
    return Project.create(folder, schema)


def rows(text: str) -> list[str]:
    """The lines of a token file as a reader sees them: no BOM, LF line ends, no final blank."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").rstrip("\n").split("\n")


def file_rows(path: Path) -> list[str]:
    return rows(path.read_text(encoding="utf-8"))


def types_of(path: Path) -> set[str]:
    """Every entity type in a token file's tags."""
    found = set()
    for line in file_rows(path):
        for tag in line.split()[1:]:
            if tag != "O" and "-" in tag:
                found.add(tag.split("-", 1)[1])
    return found


def span_set(project: Project) -> set[tuple[str, int, int, str]]:
    """(text, start, end, label) of every span: what a lossless round trip keeps."""
    return {(s.text, s.start, s.end, s.label) for s in project.spans.iter_all()}
