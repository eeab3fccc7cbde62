"""Our Label Studio tasks, checked by Label Studio's own SDK against the config written
beside them, as a Label Studio project checks an import."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import GOLD
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.formats.interchange import coded_project, fresh

label_interface = pytest.importorskip(
    "label_studio_sdk.label_interface", reason="label-studio-sdk is not installed"
)


def test_the_config_written_beside_the_tasks_accepts_every_result(project, tmp_path):
    export(coded_project(project, tmp_path), "labelstudio", tmp_path / "ls.json")
    interface = label_interface.LabelInterface((tmp_path / "ls.config.xml").read_text("utf-8"))
    tasks = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    kinds = {r["type"] for task in tasks for a in task["annotations"] for r in a["result"]}
    assert {"labels", "choices", "number", "textarea", "relation"} <= kinds
    for task in tasks:
        for annotation in task["annotations"]:
            assert interface.validate_annotation(annotation), annotation["annotator"]


def test_choice_and_integer_attributes_are_choices_and_numbers(project, tmp_path):
    export(coded_project(project, tmp_path), "labelstudio", tmp_path / "ls.json")
    (task,) = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    results = {r.get("from_name"): r for a in task["annotations"] for r in a["result"]}
    assert results["event_type"]["type"] == "choices"
    assert results["event_type"]["value"]["choices"] == ["Battles"]
    assert results["fatalities"]["type"] == "number"
    assert results["fatalities"]["value"]["number"] == 12
    assert results["place_type"]["type"] == "choices"


def test_layers_come_back_when_label_studio_drops_who_annotated(project, tmp_path):
    """Label Studio gives imported annotations to the importing user and drops fields it
    does not know; ``data.annotators`` is kept and names the layers again."""
    export(coded_project(project, tmp_path), "labelstudio", tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    for task in tasks:
        for annotation in task["annotations"]:
            del annotation["annotator"]
            annotation["completed_by"] = 1
    (tmp_path / "back.json").write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    with fresh(tmp_path / "again") as again:
        import_files(again, [tmp_path / "back.json"], "labelstudio")
        layers = {span.annotator for span in again.spans.iter_all()}
    assert layers == {GOLD, "samira"}
