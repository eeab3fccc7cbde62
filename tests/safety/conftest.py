"""Projects on disk for the safety tests, closed so that child processes can use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.schema import load_preset
from annotator.core.text import sha256_text
from annotator.store.project import Project, now

# Our own sentence, with an emoji and a right-to-left mark so that offsets are not trivial.
SENTENCE = "قالت مصادر محلية إن دورية للشرطة 🚓 وصلت إلى السوق\u200f القديم صباح اليوم."


def add_document(project: Project, name: str, text: str) -> int:
    with project.write():
        return project.documents.add(name, text, sha256_text(text), {}, now())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A conflict-schema project holding one document (id 1), not open."""
    path = tmp_path / "project"
    with Project.create(path, load_preset("conflict")) as project:
        add_document(project, "السوق", SENTENCE)
    return path


def big_text(n: int) -> str:
    """A long article of our own words, different for each n."""
    words = ("قالت", "مصادر", "محلية", "إن", "الطريق", "أغلق", "بسبب", "الأمطار", "الغزيرة")
    return f"{n} " + " ".join(words[(n + i) % len(words)] for i in range(1200))
