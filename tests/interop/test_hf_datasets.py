"""Our Hugging Face exports, loaded by ``datasets`` as a training script loads them."""

from __future__ import annotations

import pytest

from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.formats.test_hf import SPANS, TEXT, class_names, our_json

datasets = pytest.importorskip(
    "datasets", reason="datasets is not installed: pip install '.[test]'"
)


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_parquet_alone_gives_datasets_the_label_names(project, tmp_path):
    import_files(project, [our_json(tmp_path / "in.json")], annotator="samira")
    export(project, "hf", tmp_path / "out", options={"parquet": True})
    loaded = datasets.load_dataset(
        "parquet",
        data_files=str(tmp_path / "out" / "data.parquet"),
        cache_dir=str(tmp_path / "cache"),
    )["train"]
    names = loaded.features["ner_tags"].feature.names
    assert names == class_names(tmp_path / "out")
    row = loaded[0]
    labels = {names[tag][2:] for tag in row["ner_tags"] if tag}
    assert labels == {label for _, label in SPANS}
    assert [TEXT[start:end] for start, end in row["offsets"]] == row["tokens"]


def test_the_folder_loads_with_its_card(project, tmp_path):
    import_files(project, [our_json(tmp_path / "in.json")], annotator="samira")
    export(project, "hf", tmp_path / "out")
    loaded = datasets.load_dataset(str(tmp_path / "out"), cache_dir=str(tmp_path / "cache"))
    assert loaded["train"].features["ner_tags"].feature.names == class_names(tmp_path / "out")
