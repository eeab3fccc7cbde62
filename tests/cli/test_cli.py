"""The command line as a user types it."""

import json
import subprocess
import sys

import pytest

from annotator.cli import COMMANDS, main
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl
from tests.fixtures.article import ARTICLE


def run(capsys, *args):
    code = main(list(map(str, args)))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_import_stats_check_export(capsys, tmp_path):
    folder = tmp_path / "deir-ez-zor"
    code, out, _ = run(capsys, "new", folder, "--schema", "conflict")
    assert code == 0 and "ACTOR, LOCATION, EVENT" in out
    coded = write_jsonl(
        tmp_path / "coded.jsonl",
        [{"text": "«قسد» تسيطر على حقول الجفرة", "label": [[0, 5, "ACTOR"], [16, 27, "LOCATION"]]}],
    )
    code, out, _ = run(capsys, "import", folder, ARTICLE, coded, "--annotator", "samira")
    assert code == 0
    assert "Imported 2 files: 2 new documents, 0 already in the project, 2 spans added" in out
    code, out, _ = run(capsys, "stats", folder, "--json")
    data = json.loads(out)
    assert data["documents"] == 2 and data["annotators"] == ["samira"]
    assert data["spans_per_label"] == {"ACTOR": 1, "LOCATION": 1, "EVENT": 0}
    assert data["spans_per_annotator"] == {"samira": 2}
    assert data["events"] == 0 and data["events_per_type"] == {}
    code, out, _ = run(capsys, "stats", folder)
    assert "samira" in out and "LOCATION" in out
    code, out, _ = run(capsys, "check", folder)
    assert code == 0 and "OK (2 documents, 2 spans)" in out
    code, out, _ = run(
        capsys, "export", folder, "--format", "jsonl", "--out", tmp_path / "out.jsonl"
    )
    assert code == 0 and "Wrote 2 documents, 2 spans" in out
    assert len((tmp_path / "out.jsonl").read_text("utf-8").splitlines()) == 2


def test_ner_and_file_schemas(capsys, tmp_path):
    code, out, _ = run(capsys, "new", tmp_path / "ner", "--schema", "ner")
    assert "PER, ORG, LOC, MISC" in out
    schema = tmp_path / "mine.json"
    schema.write_text(json.dumps({"name": "mine", "labels": [{"id": "WEAPON"}]}), encoding="utf-8")
    code, out, _ = run(capsys, "new", tmp_path / "mine", "--schema", schema)
    assert code == 0 and "WEAPON" in out
    code, _, err = run(capsys, "new", tmp_path / "bad", "--schema", "nonsense")
    assert code == 1 and "nonsense" in err and "cannot read" in err
    assert not (tmp_path / "bad").exists()


def test_bad_input_exits_non_zero_with_the_place_and_changes_nothing(capsys, tmp_path):
    folder = tmp_path / "p"
    run(capsys, "new", folder)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    with Project.open(folder) as project:
        before = snapshot(project)
    code, _, err = run(capsys, "import", folder, broken)
    assert code == 1
    assert "broken.jsonl, line 2, record 2: not valid JSON" in err
    assert "Traceback" not in err
    with Project.open(folder) as project:
        assert snapshot(project) == before


def test_check_reports_a_span_that_no_longer_matches_its_text(capsys, tmp_path):
    folder = tmp_path / "p"
    run(capsys, "new", folder)
    run(
        capsys,
        "import",
        folder,
        write_jsonl(tmp_path / "a.jsonl", [{"text": "دير الزور", "label": [[0, 3, "LOCATION"]]}]),
    )
    with Project.open(folder) as project:
        project.db.execute("UPDATE spans SET text = 'حلب'")
        project.db.execute(
            "INSERT INTO relations(document_id, annotator, source, target, role, created) "
            "VALUES (1, 'x', 1, 1, 'location', '')"
        )
    code, _, err = run(capsys, "check", folder)
    assert code == 1
    assert "span 1 (LOCATION" in err and "'حلب' differs from the text at its offsets 'دير'" in err
    assert "joins spans of different layers" in err


def test_every_command_explains_itself_with_an_example(capsys):
    for command in COMMANDS:
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert "example" in out and f"annotator {command}" in out


def test_missing_project_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "stats", tmp_path / "nowhere")
    assert code == 1 and "no project here" in err


def test_python_dash_m_is_the_same_program(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "new", str(tmp_path / "p"), "--schema", "ner"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "PER, ORG, LOC, MISC" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "check", str(tmp_path / "p")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "OK (0 documents, 0 spans)" in result.stdout


def test_doccano_export_in_either_shape(capsys, tmp_path):
    folder = tmp_path / "p"
    run(capsys, "new", folder)
    coded = write_jsonl(
        tmp_path / "a.jsonl", [{"text": "«قسد» في حقول الجفرة", "label": [[1, 4, "ACTOR"]]}]
    )
    run(capsys, "import", folder, coded, "--annotator", "samira")
    out = tmp_path / "l.jsonl"
    code, _, err = run(
        capsys, "export", folder, "--format", "doccano", "--out", out, "--doccano-shape", "label"
    )
    assert code == 0, err
    (line,) = (tmp_path / "l.jsonl").read_text("utf-8").splitlines()
    assert json.loads(line)["label"] == [[1, 4, "ACTOR"]]
    other = tmp_path / "x.jsonl"
    code, _, err = run(
        capsys, "export", folder, "--format", "jsonl", "--out", other, "--doccano-shape", "label"
    )
    assert code == 1 and "--doccano-shape applies to doccano only" in err


def test_spans_missing_required_coding_are_listed_by_check_and_warned_of_on_export(
    capsys, tmp_path
):
    folder = tmp_path / "deir"
    run(capsys, "new", folder)
    text = "هاجم مسلحون نقاط الجيش قرب الثردات"
    coded = write_jsonl(
        tmp_path / "coded.jsonl",
        [{
            "name": "attack", "text": text, "status": {"samira": "done"},
            "annotations": [
                {"start": 0, "end": 4, "label": "EVENT", "annotator": "samira"},
                {"start": 17, "end": 22, "label": "ACTOR", "annotator": "samira"},
                {"start": 0, "end": 4, "label": "EVENT", "annotator": "gold",
                 "attributes": {"event_type": "Battles", "sub_event_type": "Armed clash"}},
            ],
        }],
    )  # fmt: skip
    assert run(capsys, "import", folder, coded)[0] == 0
    code, out, _ = run(capsys, "check", folder)
    assert code == 0 and "OK (1 document, 3 spans, 2 events)" in out  # sound: work to finish
    assert "Not fully coded (1: required attributes missing):" in out
    assert "«attack», samira: EVENT «هاجم» (0–4): 'event_type' is required" in out
    code, _, err = run(
        capsys, "export", folder, "--format", "jsonl", "--annotator", "samira", "--only-done",
        "--out", tmp_path / "done.jsonl",
    )  # fmt: skip
    assert code == 0
    assert "warning: 1 event of samira's documents marked done lacks required coding" in err
    assert "«attack»: EVENT «هاجم» (0–4): 'event_type' is required" in err
    code, _, err = run(
        capsys, "export", folder, "--format", "jsonl", "--annotator", "gold",
        "--out", tmp_path / "gold.jsonl",
    )  # fmt: skip
    assert code == 0 and "warning" not in err  # gold is fully coded


def test_stats_count_events_by_type_and_annotator(capsys, tmp_path):
    from annotator.ops.sample import ensure_sample

    folder = ensure_sample(tmp_path / "sample", "samira")
    code, out, _ = run(capsys, "stats", folder, "--json")
    data = json.loads(out)
    assert code == 0 and data["events"] == sum(data["events_per_annotator"].values()) > 0
    assert data["events_per_type"]["Battles"] >= 2  # the two clashes on one word, at least
    assert sum(data["events_per_type"].values()) == data["events"]
    code, out, _ = run(capsys, "stats", folder)
    assert f"  events      {data['events']}" in out and "Events per type:" in out
    code, out, _ = run(capsys, "check", folder)
    assert code == 0 and f"{data['events']} events)." in out
