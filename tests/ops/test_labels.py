"""Labels from elsewhere: --map-label renames, --add-labels extends the schema, all inside the
import's transaction; unknown labels are listed for every format."""

import json

import pytest

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.schema import from_json
from annotator.ops.importing import import_files
from annotator.ops.labels import guess_kind, parse_label_map
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl

TEXT = "قصفت طائرات حربية مدينة إدلب"


def doccano(tmp_path, name, labels):
    return write_jsonl(tmp_path / name, [{"text": TEXT, "label": labels}])


def test_label_maps_are_read_and_mistakes_named():
    assert parse_label_map(["PERS=PER", " GPE = LOCATION "]) == {"PERS": "PER", "GPE": "LOCATION"}
    with pytest.raises(InputError, match=r"--map-label 'PERS': write it as OLD=NEW"):
        parse_label_map(["PERS"])
    with pytest.raises(InputError, match=r"--map-label: A is mapped to both B and C"):
        parse_label_map(["A=B", "A=C"])


@pytest.mark.parametrize(
    ("label", "kind"),
    [("PER", "actor"), ("Organization", "actor"), ("GPE", "location"), ("B-LOC", "other"),
     ("Money", "other"), ("EVENT", "event"), ("Armed group", "actor")],
)  # fmt: skip
def test_a_label_known_only_by_name_gets_a_likely_kind(label, kind):
    assert guess_kind(label) == kind


def test_added_labels_are_saved_with_kinds_keys_and_colours(project, tmp_path):
    path = doccano(tmp_path, "a.jsonl", [[5, 11, "ORG"], [24, 28, "GPE"], [0, 4, "ATTACK"]])
    report = import_files(project, [path], "doccano", annotator="a", add_labels=True)
    assert report.labels_added == ["ORG", "GPE", "ATTACK"]
    project.close()
    with Project.open(project.folder) as reopened:
        schema = reopened.schema
        assert [label.id for label in schema.labels] == [
            "ACTOR", "LOCATION", "EVENT", "ORG", "GPE", "ATTACK"
        ]  # fmt: skip
        assert [schema.label(x).kind for x in ("ORG", "GPE", "ATTACK")] == [
            "actor", "location", "event"
        ]  # fmt: skip
        keys = [label.key for label in schema.labels]
        assert keys == ["1", "2", "3", "4", "5", "6"]
        assert len({label.color for label in schema.labels[3:]}) == 3


def test_past_nine_labels_new_ones_have_no_key(tmp_path):
    schema = from_json({"name": "many", "labels": [{"id": f"L{i}"} for i in range(9)]})
    with Project.create(tmp_path / "p", schema) as project:
        import_files(project, [doccano(tmp_path, "a.jsonl", [[0, 4, "NEW"]])], "doccano",
                     add_labels=True)  # fmt: skip
        assert project.schema.label("NEW").key == ""


def test_a_failed_import_leaves_the_schema_as_it_was(project, tmp_path):
    good = doccano(tmp_path, "good.jsonl", [[24, 28, "GPE"]])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص", "label": [[0, 9, "WEAPON"]]}\n', encoding="utf-8")
    before = snapshot(project)
    labels = project.schema.label_ids
    with pytest.raises(InputError, match=r"bad.jsonl, line 1, record 1: span 1 \(WEAPON\)"):
        import_files(project, [good, bad], "doccano", add_labels=True)
    assert project.schema.label_ids == labels  # the cached schema too
    assert snapshot(project) == before


def test_mapping_comes_first_then_adding(project, tmp_path):
    path = doccano(tmp_path, "a.jsonl", [[5, 11, "PERS"], [24, 28, "GPE"], [0, 4, "Attack"]])
    report = import_files(
        project,
        [path],
        "doccano",
        label_map={"PERS": "ACTOR", "GPE": "LOCATION", "Attack": "STRIKE"},
        add_labels=True,
    )
    assert report.labels_added == ["STRIKE"]
    assert {(s.text, s.label) for s in project.spans.iter_all()} == {
        ("طائرات", "ACTOR"), ("إدلب", "LOCATION"), ("قصفت", "STRIKE")
    }  # fmt: skip


def test_attribute_values_written_as_text_get_the_schema_s_types(project, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").write_text(
        "T1\tEVENT 0 4\tقصفت\nE1\tEVENT:T1\nA1\tfatalities E1 12\nA2\tevent_type E1 Battles\n"
        "T2\tLOCATION 24 28\tإدلب\nA3\tgeo_precision T2 2\n",
        encoding="utf-8",
    )
    import_files(project, [folder])
    attributes = {s.text: s.attributes for s in project.spans.iter_all()}
    assert attributes == {"قصفت": {}, "إدلب": {"geo_precision": 2}}
    (event,) = project.events.iter_all()  # an attribute of E1 is its event's
    assert event.attributes == {"fatalities": 12, "event_type": "Battles"}


def unknown_label_files(tmp_path):
    """The same two unknown labels in every format the project reads from other tools."""
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").write_text("T1\tWEAPON 5 11\tطائرات\nT2\tCITY 24 28\tإدلب\n", "utf-8")
    region = {"type": "labels", "value": {"start": 24, "end": 28, "labels": ["CITY"]}}
    weapon = {"id": "w", "type": "labels", "value": {"start": 5, "end": 11, "labels": ["WEAPON"]}}
    (tmp_path / "ls.json").write_text(
        json.dumps([{"data": {"text": TEXT}, "annotations": [{"result": [region, weapon]}]}]),
        encoding="utf-8",
    )
    spans = [{"start": 5, "end": 11, "label": "WEAPON"}, {"start": 24, "end": 28, "label": "CITY"}]
    write_jsonl(tmp_path / "p.jsonl", [{"text": TEXT, "spans": spans, "answer": "accept"}])
    doccano(tmp_path, "d.jsonl", [[5, 11, "WEAPON"], [24, 28, "CITY"]])
    (tmp_path / "w.tsv").write_text(
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
        f"#Text={TEXT}\n1-1\t0-4\tقصفت\t_\t\n1-2\t5-11\tطائرات\tWEAPON\t\n"
        "1-3\t12-17\tحربية\t_\t\n1-4\t18-23\tمدينة\t_\t\n1-5\t24-28\tإدلب\tCITY\t\n",
        encoding="utf-8",
    )
    return [
        (folder, "brat"),
        (tmp_path / "ls.json", "labelstudio"),
        (tmp_path / "p.jsonl", "prodigy"),
        (tmp_path / "d.jsonl", "doccano"),
        (tmp_path / "w.tsv", "webanno"),
    ]


def test_every_format_lists_all_unknown_labels_then_maps_them(project, tmp_path):
    for path, fmt in unknown_label_files(tmp_path):
        before = snapshot(project)
        with pytest.raises(InputError, match=r"labels not in the project's schema: CITY \(first "
                           r"in record 1(, a)?\), WEAPON \(first in record 1(, a)?\)"):  # fmt: skip
            import_files(project, [path], fmt)
        assert snapshot(project) == before, fmt
        import_files(
            project, [path], fmt, annotator=fmt, label_map={"CITY": "LOCATION", "WEAPON": "ACTOR"}
        )
        assert {(s.text, s.label) for s in project.spans.iter_all() if s.annotator == fmt} == {
            ("طائرات", "ACTOR"), ("إدلب", "LOCATION")
        }  # fmt: skip


def test_the_command_line_takes_the_label_and_format_options(capsys, tmp_path):
    folder = tmp_path / "p"
    assert main(["new", str(folder), "--schema", "conflict"]) == 0
    path = doccano(tmp_path, "a.jsonl", [[5, 11, "PERS"], [24, 28, "GPE"]])
    code = main(["import", str(folder), str(path), "--format", "doccano",
                 "--map-label", "PERS=ACTOR", "--add-labels", "--annotator", "huda"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and "labels added to the schema: GPE" in out
    code = main(["import", str(folder), str(path), "--format", "doccano", "--predictions"])
    err = capsys.readouterr().err
    assert code == 1 and "--predictions applies to labelstudio files only" in err
    code = main(["import", str(folder), str(path), "--format", "doccano", "--map-label", "X"])
    assert code == 1 and "write it as OLD=NEW" in capsys.readouterr().err
