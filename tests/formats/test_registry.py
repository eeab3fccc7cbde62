"""The registry is the one place that knows the formats: what the window offers as a folder,
which folders an import recognises, and which formats take the training options all follow
from it."""

import pytest

from annotator.cli import main
from annotator.commands import exports
from annotator.formats.registry import FORMATS, folder_formats, training, writable
from annotator.ops import formats_offered
from annotator.ops.exporting import export
from annotator.ops.importing import FOLDER_FORMATS, detect_format
from tests.formats.test_event_links import WRITTEN, coded


@pytest.fixture
def exported(project, tmp_path):
    """Every writable format's export of one coded article, by format."""
    coded(project, tmp_path, [WRITTEN])
    (tmp_path / "out").mkdir()
    out = {}
    for fmt in writable():
        layer = "samira" if FORMATS[fmt].training or FORMATS[fmt].one_layer else None
        export(project, fmt, tmp_path / "out" / fmt, layer)
        out[fmt] = tmp_path / "out" / fmt
    return out


def test_every_format_that_writes_a_folder_is_offered_as_a_folder(exported):
    offered = {f.name: f for f in formats_offered.writable()}
    assert set(offered) == set(exported)
    made_folders = {fmt for fmt, path in exported.items() if path.is_dir()}
    assert {name for name, f in offered.items() if f.writes_a_folder} == made_folders
    assert made_folders == formats_offered.FOLDER_FORMATS
    assert {"brat", "webanno", "hf", "uima-xmi"} <= made_folders


def test_a_folder_an_export_writes_is_told_by_the_import_as_its_format(exported):
    readable_folders = {name for _, name in FOLDER_FORMATS}
    assert tuple(folder_formats()) == FOLDER_FORMATS
    assert readable_folders == {name for name, f in FORMATS.items() if f.reads_folder}
    for fmt in readable_folders & set(exported):
        assert detect_format(exported[fmt]) == fmt


def test_the_training_options_apply_to_the_registry_s_training_formats(tmp_path, capsys):
    """--drop-unaligned is refused for every format but the training ones (which then go on
    to find no project)."""
    assert exports.TRAINING == tuple(training()) == ("conll", "conllu", "spacy", "hf")
    nowhere = str(tmp_path / "nowhere")
    for fmt in writable():
        code = main(["export", nowhere, "--format", fmt, "--out", "x", "--drop-unaligned"])
        said = capsys.readouterr().err
        refused = "--drop-unaligned applies to conll, conllu, spacy, hf only" in said
        assert (code, refused) == (1, fmt not in training()), (fmt, said)
