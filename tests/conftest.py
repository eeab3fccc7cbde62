"""Fixtures shared by every test: real projects on disk, and the shared corpus when present."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core.schema import load_preset
from annotator.store.project import Project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def own_configuration(tmp_path_factory, monkeypatch):
    """Each test keeps the annotator's name in a folder of its own, never the user's."""
    monkeypatch.setenv("ANNOTATOR_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


def corpus_file(*parts: str) -> Path:
    """A file of the shared corpus, read in place; the test is skipped when it is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"the shared corpus is not beside this clone ({path} is missing)")
    return path


@pytest.fixture
def seed_article() -> Path:
    return corpus_file("seed", "article.txt")


@pytest.fixture
def project(tmp_path: Path):
    with Project.create(tmp_path / "project", load_preset("conflict")) as opened:
        yield opened


def snapshot(project: Project) -> list[str]:
    """The whole database as SQL: equal snapshots mean nothing was changed."""
    return list(project.db.conn.iterdump())


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path
