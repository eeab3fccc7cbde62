"""Conversions between formats keep every span on its characters and every link.

A real brat corpus and the tricky Arabic article go through our JSON, Label Studio, doccano,
WebAnno TSV and back to brat; what comes out is compared with what went in.
"""

import pytest

from annotator.ops.importing import import_files
from tests.conftest import corpus_file, write_jsonl
from tests.formats.interchange import fresh, links_of, round_trip, spans_of, texts_of
from tests.ops.test_import import RAW, raw_spans

CHAIN = ("json", "labelstudio", "doccano", "webanno", "brat")


def without_layers(spans):
    return {
        key: {(s, e, label, text) for s, e, label, text, _ in found} for key, found in spans.items()
    }


@pytest.fixture
def tutorial_project(tmp_path):
    with fresh(tmp_path / "source") as project:
        import_files(project, [corpus_file("brat", "tutorials-news")], annotator="samira",
                     add_labels=True)  # fmt: skip
        yield project


def test_brat_through_every_format_and_back(tutorial_project, tmp_path):
    current = tutorial_project
    opened = []
    for step, fmt in enumerate(CHAIN):
        out = tmp_path / f"{step}-{fmt}" / ("out" if fmt in ("brat", "webanno") else f"out.{fmt}")
        out.parent.mkdir()
        current = round_trip(current, fmt, out, tmp_path / f"{step}-{fmt}" / "project")
        opened.append(current)
        assert texts_of(current) == texts_of(tutorial_project), fmt
        assert without_layers(spans_of(current)) == without_layers(spans_of(tutorial_project)), fmt
        assert links_of(current) == links_of(tutorial_project), fmt
    for project in opened:
        project.close()


def test_the_tricky_article_goes_from_brat_to_json_to_label_studio_and_back(project, tmp_path):
    import_files(
        project,
        [write_jsonl(tmp_path / "s.jsonl", [{"text": RAW, "name": "مقال", "label": raw_spans()}])],
        annotator="samira",
    )
    brat = round_trip(project, "brat", tmp_path / "brat", tmp_path / "p1")
    ours = round_trip(brat, "json", tmp_path / "ours.json", tmp_path / "p2")
    studio = round_trip(ours, "labelstudio", tmp_path / "ls.json", tmp_path / "p3")
    back = round_trip(studio, "brat", tmp_path / "brat2", tmp_path / "p4")
    for converted in (brat, ours, studio, back):
        assert without_layers(spans_of(converted)) == without_layers(spans_of(project))
        converted.close()
    assert (tmp_path / "brat" / "مقال.ann").read_text("utf-8") == (
        tmp_path / "brat2" / "مقال.ann"
    ).read_text("utf-8")
