"""A hostile label schema file, given to ``annotator new --schema`` or chosen in the window's
new-project dialog: refused with the file, the line or field, and what is wrong, before
anything is written, so that no half-made project is left on the disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import schema as schemas
from annotator.core.errors import AnnotatorError, SchemaError
from annotator.core.schema import Label, Schema
from annotator.core.validation import MAX_DEPTH
from annotator.ops import opening
from annotator.store.project import Project


def labels(**fields) -> dict:
    """A schema of one actor label, with ``fields`` on the label."""
    return {"name": "نزاع", "labels": [{"id": "فاعل", "kind": "actor", **fields}]}


CASES = {
    "nested a hundred thousand deep": (
        '{"name": "s", "labels": ' + "[" * 100_000 + "]" * 100_000 + "}",
        f"line 1: JSON nested deeper than {MAX_DEPTH} levels (objects and lists inside each "
        "other) at column",
    ),
    "a byte that is not UTF-8": (
        '{"name": "s\xff", "labels": [{"id": "A"}]}'.encode("latin-1"),
        "line 1: cannot be read as utf-8: byte 0xff at byte 11",
    ),
    "a surrogate in a label's id": (
        {"name": "s", "labels": [{"id": "\ud800", "kind": "actor"}]},
        "field 'labels[0].id': has an unpaired surrogate at character 0",
    ),
    "a surrogate in an attribute's value": (
        labels(attributes=[{"name": "نوع", "type": "choice", "values": ["دولة", "\udc00"]}]),
        "field 'labels[0].attributes[0].values[1]': has an unpaired surrogate",
    ),
    "a surrogate in the description": (
        {**labels(), "description": "وصف\ud83d"},
        "field 'description': has an unpaired surrogate at character 3",
    ),
    "a surrogate in a label's description": (
        labels(description="\udfff"),
        "field 'labels[0].description': has an unpaired surrogate",
    ),
    "a surrogate in a key of names": (
        labels(names={"\ud800": "x"}),
        "field 'labels[0].names': the key '\\ud800' has an unpaired surrogate",
    ),
    "a bound beyond what a project stores": (
        labels(attributes=[{"name": "قتلى", "type": "integer", "minimum": 2**70}]),
        "field 'labels[0].attributes[0].minimum': the number 1180591620717411303424 is beyond",
    ),
    "a bound that is not a whole number": (
        labels(attributes=[{"name": "قتلى", "type": "integer", "maximum": "100"}]),
        "label فاعل attribute 'قتلى': field 'maximum' must be a whole number, got text",
    ),
    "a label id that is a number": (
        {"name": "s", "labels": [{"id": 5}]},
        "label 1: field 'id' must be text, got a number",
    ),
    "a label id too long": (
        {"name": "s", "labels": [{"id": "ف" * 201}]},
        "label 1: field 'id' is 201 characters long; a label has at most 200",
    ),
    "attributes that are not a list": (
        labels(attributes="نوع"),
        "label فاعل: field 'attributes' must be a list, got text",
    ),
    "required given as text": (
        labels(attributes=[{"name": "نوع", "required": "no"}]),
        "label فاعل attribute 'نوع': field 'required' must be true or false, got text",
    ),
    "a colour that is not text": (labels(color=255), "label فاعل: colour must look like"),
    "a description that is not text": (
        labels(description={"ar": "وصف"}),
        "label فاعل: field 'description' must be text, got an object",
    ),
    "a role's name that is a list": (
        labels(kind="event", roles=[{"name": ["actor1"]}]),
        "label فاعل: a role: field 'name' must be text, got a list",
    ),
}


def write(path: Path, content: str | bytes | dict) -> Path:
    """Write a schema file; an object is written as JSON escapes it (a lone surrogate as the
    six characters \\ud800, as in a real file)."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_the_command_refuses_a_hostile_schema_and_makes_no_project(capsys, tmp_path, case):
    content, expected = CASES[case]
    source = write(tmp_path / "labels.json", content)
    folder = tmp_path / "deir-ez-zor"
    code = main(["new", str(folder), "--schema", str(source)])
    _, err = capsys.readouterr()
    assert code == 1, err
    assert f"error: {source}: {expected}" in err, err
    assert "Traceback" not in err
    assert not folder.exists()


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_the_window_s_way_refuses_a_hostile_schema_and_makes_no_project(tmp_path, case):
    """The window reads the chosen file with ``load_file``, then creates the project through
    ``opening.create_project``: the file is refused before the project is made."""
    content, expected = CASES[case]
    source = write(tmp_path / "labels.json", content)
    folder = tmp_path / "deir-ez-zor"
    with pytest.raises(SchemaError) as refused:
        opening.create_project(folder, schemas.load_file(source))
    assert str(refused.value).startswith(f"{source}: {expected}")
    assert not folder.exists()


def test_a_schema_made_otherwise_is_checked_before_the_project_is_made(tmp_path):
    """A schema not read from a file (built in code, or changed after reading) cannot reach
    the disk half-written either: the project's folder, chosen in a dialog, stays empty."""
    folder = tmp_path / "chosen"
    folder.mkdir()
    broken = Schema("نزاع", (Label("فاعل\ud800", "actor"),))
    with pytest.raises(SchemaError, match=r"field 'labels\[0\]\.id': has an unpaired"):
        opening.create_project(folder, broken)
    assert list(folder.iterdir()) == []


def test_a_project_name_that_is_not_utf8_is_refused_and_a_folder_name_is_shown(tmp_path, capsys):
    """Names on the command line that are not UTF-8 reach Python as lone surrogates."""
    folder = tmp_path / "deir-ez-zor"
    code = main(["new", str(folder), "--name", "دير\udcff"])
    _, err = capsys.readouterr()
    assert code == 1 and "the project's name 'دير\\udcff' cannot be stored" in err, err
    assert not folder.exists()
    odd = tmp_path / "\udcffدير"
    assert main(["new", str(odd)]) == 0, capsys.readouterr()
    with Project.open(odd) as project:
        assert project.name == "\ufffdدير"


def test_a_sound_schema_file_still_makes_its_project(tmp_path):
    content = labels(
        attributes=[{"name": "نوع", "type": "choice", "values": ["دولة"], "required": True}],
        description="فاعل مسلح 🚓",
        key=1,
    )
    folder = opening.create_project(
        tmp_path / "p", schemas.load_file(write(tmp_path / "s.json", content))
    )
    with Project.open(folder) as project:
        label = project.schema.label("فاعل")
        assert label.key == "1" and label.description == "فاعل مسلح 🚓"
        assert label.attribute("نوع").required


def test_every_refusal_is_an_error_the_window_shows(tmp_path):
    """The window shows an AnnotatorError as a message; anything else would be a crash."""
    for case, (content, _) in CASES.items():
        source = write(tmp_path / f"{len(case)}.json", content)
        with pytest.raises(AnnotatorError):
            schemas.load_file(source)
