"""The common troubles are told apart as they really happen (a project missing, open
elsewhere, damaged; a file that cannot be read), and a refusal of a file's content is none of
them: the window says the first in its own words, the last as it comes."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.schema import load_preset
from annotator.ops import backing_up, editing, importing, opening, troubles
from annotator.store.project import DATABASE, Project
from tests.conftest import write_jsonl
from tests.safety import damage
from tests.safety.conftest import add_document, big_text
from tests.safety.test_concurrency import session_file

ENDING = "وانتهى التقرير الأول هنا"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "project"
    with Project.create(path, load_preset("conflict")) as project:
        add_document(project, "الأول", f"{big_text(1)} {ENDING}")
        editing.create_span(project, 1, "samira", "ACTOR", 0, 1)
    return path


def trouble(action, doing: str = "") -> tuple[str, str]:
    with pytest.raises(AnnotatorError) as raised:
        action()
    return troubles.kind(raised.value, doing), str(raised.value)


def opened(folder: Path) -> None:
    with opening.open_to_read(folder):
        pass


def imported(folder: Path, path: Path) -> None:
    with opening.open_to_change(folder) as project:
        importing.import_files(project, [str(path)], None, "samira")


def test_a_project_that_cannot_be_opened(tmp_path):
    assert trouble(lambda: opened(tmp_path / "nowhere"))[0] == troubles.CANNOT_OPEN
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / DATABASE).write_text("not a database", encoding="utf-8")
    assert trouble(lambda: opened(tmp_path / "text"))[0] == troubles.CANNOT_OPEN


def test_a_project_another_window_or_computer_has(folder):
    backup = backing_up.back_up(folder)
    with Project.open(folder):  # a window has it: a restore must wait
        kind, said = trouble(lambda: backing_up.restore(folder, backup.name))
    assert kind == troubles.IN_USE and "open elsewhere" in said
    session_file(folder, "laptop-of-omar")
    kind, said = trouble(lambda: opened(folder), troubles.CANNOT_OPEN)
    assert kind == troubles.IN_USE and "laptop-of-omar" in said


def test_a_damaged_project(folder):
    backing_up.back_up(folder)
    damage.change_character(folder / DATABASE, ENDING, readable=True)
    kind, said = trouble(lambda: backing_up.back_up(folder))
    assert kind == troubles.DAMAGED and "is damaged" in said


def test_a_file_that_cannot_be_read_and_one_whose_content_is_refused(folder, tmp_path):
    kind, said = trouble(lambda: imported(folder, tmp_path / "missing.jsonl"))
    assert kind == troubles.UNREADABLE and "missing.jsonl" in said
    (tmp_path / "cp1256.txt").write_bytes("خبر".encode("cp1256"))
    assert trouble(lambda: imported(folder, tmp_path / "cp1256.txt"))[0] == troubles.UNREADABLE
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"text": 1}])
    kind, said = trouble(lambda: imported(folder, bad))
    assert kind == "" and "bad.jsonl, line 1" in said  # said as it comes
