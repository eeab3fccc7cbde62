"""Other tools' files that are wrong in ways their syntax allows: refused with the file and
line (or task), never imported wrong without a word, never followed out of their folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.formats.reading import read_text
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import snapshot

ARTICLE = "قالت مصادر محلية إن «قسد» سيطرت على حقل نفطي قرب بلدة الصور"


def refused(project: Project, path: Path, expected: str, fmt: str | None = None) -> str:
    before = snapshot(project)
    with pytest.raises(InputError) as caught:
        import_files(project, [path], fmt, annotator="samira")
    message = str(caught.value)
    assert expected in message, message
    assert snapshot(project) == before
    return message


def brat_pair(folder: Path, ann: str, name: str = "a") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(ARTICLE, "utf-8")
    (folder / f"{name}.ann").write_text(ann, "utf-8")
    return folder / f"{name}.ann"


# -- brat -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ann", "expected"),
    [
        ("T1\tACTOR 21 24\tقسد\nA1\tactor_type\n", "a.ann, line 2: cannot read this A line"),
        ("T1\tACTOR 21 24\tقسد\n#1\tAnnotatorNotes\n", "line 2: cannot read this # line"),
        (
            "T1\tACTOR 21 24\tقسد\nT1\tLOCATION 36 44\tحقل نفطي\n",
            "a.ann, line 2: T1 is defined twice (first on line 1)",
        ),
        (
            "T1\tACTOR 21 24\tقسد\nT2\tEVENT 26 31\tسيطرت\nE1\tEVENT:T2 actor1:T1\n"
            "E1\tEVENT:T2 actor1:T1\n",
            "a.ann, line 4: E1 is defined twice (first on line 3)",
        ),
        (
            "T1\tLOCATION 36 44\tحقل نفطي\nT2\tEVENT 26 31\tسيطرت\nE1\tEVENT:T2 actor1:T1\n",
            "a.ann, line 3, record 1: event 1 (EVENT): the role actor1 of EVENT takes actor "
            "spans, not LOCATION",
        ),
    ],
)
def test_brat_lines_that_cannot_mean_one_thing_are_refused(project, tmp_path, ann, expected):
    refused(project, brat_pair(tmp_path, ann), expected, "brat")


def test_a_symbolic_link_in_a_brat_folder_is_refused_not_followed(project, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("كلمة السر", "utf-8")
    (outside / "secret.ann").write_text("T1\tACTOR 0 4\tكلمة\n", "utf-8")
    corpus = tmp_path / "corpus"
    brat_pair(corpus, "T1\tACTOR 21 24\tقسد\n")
    os.symlink(outside / "secret.ann", corpus / "b.ann")
    os.symlink(outside / "secret.txt", corpus / "b.txt")
    message = refused(project, corpus, "b.ann: is a symbolic link (to ")
    assert str(outside / "secret.ann") in message
    (corpus / "b.ann").unlink()
    (corpus / "b.txt").unlink()
    os.symlink(outside, corpus / "more")  # a linked folder
    refused(project, corpus, f"{corpus / 'more'}: is a symbolic link")
    (corpus / "more").unlink()
    import_files(project, [corpus], annotator="samira")
    assert [d.text for d in project.documents.iter_all()] == [ARTICLE]


def test_the_text_beside_a_brat_file_is_not_read_through_a_link(project, tmp_path):
    (tmp_path / "system.txt").write_text(ARTICLE, "utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.ann").write_text("T1\tACTOR 21 24\tقسد\n", "utf-8")
    os.symlink(tmp_path / "system.txt", folder / "a.txt")
    refused(project, folder / "a.ann", "a.txt: is a symbolic link", "brat")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "JSON nested deeper than 32 levels"),
        ('"\\ud800"', "has an unpaired surrogate at character 0"),
        ("[" * 40 + "]" * 40, "its value[0][0]"),
        ("99999999999999999999999", "the number 99999999999999999999999 is beyond"),
    ],
    ids=["100,000 deep", "a lone surrogate", "40 deep", "a number too large"],
)
def test_a_hostile_value_in_annotation_conf_is_refused_as_the_conf_s(
    project, tmp_path, value, expected
):
    """The lines of annotation.conf that give back the project's values hold JSON; a value
    no project can hold is refused as the configuration's, whether a span uses it or not."""
    folder = tmp_path / "corpus"
    brat_pair(folder, "T1\tACTOR 21 24\tقسد\nA1\tactor_type T1 State_forces\n")
    line = f"# annotator value\tactor_type\tState_forces\t{value}"
    conf = "[entities]\nACTOR\n[attributes]\nactor_type\tArg:ACTOR, Value:State_forces\n"
    (folder / "annotation.conf").write_text(f"{line}\n{conf}", "utf-8")
    message = refused(project, folder, expected, "brat")
    assert message.startswith("annotation.conf, the line '# annotator value\\tactor_type\\t")
    (folder / "annotation.conf").write_text(conf, "utf-8")
    import_files(project, [folder], "brat", annotator="samira")
    (span,) = project.spans.for_document(1)
    assert span.attributes == {"actor_type": "State_forces"}


# -- Label Studio -------------------------------------------------------------------------------


def task(*results) -> list[dict]:
    return [{"data": {"text": ARTICLE}, "annotations": [{"id": 1, "result": list(results)}]}]


REGION = {
    "id": "r1",
    "type": "labels",
    "from_name": "label",
    "to_name": "text",
    "value": {"start": 21, "end": 24, "text": "قسد", "labels": ["ACTOR"]},
}
EVENT = {**REGION, "id": "r2", "value": {"start": 26, "end": 31, "labels": ["EVENT"]}}


@pytest.mark.parametrize(
    ("tasks", "expected"),
    [
        (
            task({k: v for k, v in REGION.items() if k != "value"}),
            "ls.json, record 1: annotation 1, result 1 (labels): field 'value' must be an "
            "object, got null",
        ),
        (
            task({**REGION, "value": "قسد"}),
            "annotation 1, result 1 (labels): field 'value' must be an object, got text",
        ),
        (
            task(REGION, EVENT, {"type": "relation", "from_id": "r2", "to_id": "r1", "labels": 5}),
            "record 1: annotation 1, region annotation 1-3: field 'labels' must be a list, got a",
        ),
        (
            task(REGION, {"type": "choices", "id": "r1", "from_name": "actor_type"}),
            "annotation 1, result 2 (choices): field 'value' must be an object, got null",
        ),
        (
            [{"data": {"text": ARTICLE}, "annotations": [{"completed_by": [None], "result": []}]}],
            "an annotation: field 'completed_by' must be text, got a list",
        ),
    ],
)
def test_label_studio_results_of_the_wrong_shape_are_refused(project, tmp_path, tasks, expected):
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    refused(project, path, expected, "labelstudio")


def test_two_label_results_of_one_region_are_two_spans(project, tmp_path):
    """A region labelled by two label controls comes as two results with one id."""
    second = {**REGION, "from_name": "kind", "value": {**REGION["value"], "labels": ["EVENT"]}}
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(task(REGION, second), ensure_ascii=False), "utf-8")
    import_files(project, [path], "labelstudio", annotator="samira")
    assert sorted(s.label for s in project.spans.iter_all()) == ["ACTOR", "EVENT"]


# -- WebAnno TSV ------------------------------------------------------------------------------

HEADER = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "#Text=قالت مصادر\n1-1\t0-4\tقالت\tACTOR\t\n1-2\t5-10\tمحلية\t_\t\n",
            "x.tsv, line 7: token 1-2 is 'محلية' but the #Text= lines have 'مصادر' at 5-10",
        ),
        (
            "#Text=قالت مصادر\n1-1\t0-4\tقالت\tACTOR\t\n1-1\t5-10\tمصادر\t_\t\n",
            "x.tsv, line 7: the token id 1-1 is used twice (first on line 6)",
        ),
        (
            "#Text=قالت مصادر\n1-1\t0-4\tقالت\tACTOR\t\n1-2\t5-99\tمصادر\t_\t\n",
            "x.tsv, line 7: token 1-2: offsets 5-99 (UTF-16) run past the text",
        ),
    ],
)
def test_webanno_tokens_must_agree_with_the_text(project, tmp_path, body, expected):
    path = tmp_path / "x.tsv"
    path.write_text(HEADER + body, "utf-8")
    refused(project, path, expected, "webanno")


def test_a_webanno_relation_layer_without_its_governor_column_is_refused(project, tmp_path):
    path = tmp_path / "x.tsv"
    head = (
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n#T_RL=webanno.custom.R|value\n"
    )
    path.write_text(head + "\n\n#Text=قالت\n1-1\t0-4\tقالت\tACTOR\t_\t\n", "utf-8")
    refused(
        project, path, "x.tsv, line 3: the relation layer webanno.custom.R declares no governor"
    )


# -- doccano --------------------------------------------------------------------------------


def test_two_doccano_entities_with_one_id_are_refused(project, tmp_path):
    entities = [
        {"id": 1, "start_offset": 21, "end_offset": 24, "label": "ACTOR"},
        {"id": 1, "start_offset": 26, "end_offset": 31, "label": "EVENT"},
    ]
    relations = [{"id": 1, "from_id": 1, "to_id": 1, "type": "actor1"}]
    path = tmp_path / "d.jsonl"
    record = {"text": ARTICLE, "entities": entities, "relations": relations}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    refused(project, path, "d.jsonl, line 1, record 1: span 2: field 'id': '1' is also", "doccano")


# -- bytes --------------------------------------------------------------------------------------


def test_a_bad_byte_is_found_where_it_is_past_a_block_boundary(tmp_path):
    """Decoding goes a mebibyte at a time: a character cut by the block's end is not an
    error, and a bad byte after it is named at its own place and line."""
    line = "سطر عربي\n".encode()  # 16 bytes, the first a letter of two
    body = b"x" * 15 + line * ((1 << 20) // len(line)) + line * 3
    assert body[(1 << 20) - 1] == line[0]  # the block ends inside a letter: not an error
    path = tmp_path / "big.txt"
    path.write_bytes(body + b"\xfe" + line)
    with pytest.raises(InputError) as caught:
        read_text(path, "utf-8")
    lines = body.count(b"\n") + 1
    assert str(caught.value) == (
        f"{path}, line {lines}: cannot be read as utf-8: byte 0xfe at byte {len(body)} is not "
        "valid; give the file's encoding with --encoding (e.g. cp1256)"
    )


# -- MAE -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["UTF9223372036854775808-8", "rot13", "utf-32", "idna"])
def test_a_mae_file_declaring_an_encoding_xml_cannot_read_is_refused(project, tmp_path, encoding):
    path = tmp_path / "task.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="{encoding}" ?>\n<Task>\n<TEXT><![CDATA[{ARTICLE}]]>'
        '</TEXT>\n<TAGS>\n<ACTOR id="A0" spans="21~24" text="قسد" />\n</TAGS>\n</Task>\n',
        "utf-8",
    )
    refused(project, path, "task.xml: its XML declaration names an encoding that cannot be read")
