"""MAE / MAI XML import, on MAE's own sample files read in place and on hostile files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.schema import load_preset
from annotator.formats.mae.reader import read
from annotator.formats.options import new_options
from annotator.ops.importing import detect_format, import_files
from annotator.store.project import Project

MAE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "mae"
pytestmark = pytest.mark.skipif(not MAE.is_dir(), reason="the shared MAE corpus is absent")


def _records(path: Path) -> tuple[list, dict]:
    options = new_options()
    return list(read(path, options=options)), options


def test_miller_spans_attributes_and_events_match_the_text():
    [record], options = _records(MAE / "samples" / "miller.xml")
    spans = {s.key: s for s in record.spans}
    assert {k: record.text[s.start : s.end] for k, s in spans.items()} == {
        "N0": "Mrs Miller", "N1": "house", "V0": "wants", "A0": "repainted", "A1": "entire",
    }  # fmt: skip
    assert spans["V0"].label == "VERB" and spans["V0"].attributes["aspect"] == "perfect progressive"
    events = {e.key: e for e in record.events}
    assert events["AR0"].arguments == [
        ("agent", "N0"), ("patient", "N1"), ("theme", "A0"), ("predicate", "V0"),
    ]  # fmt: skip
    assert events["AR0"].attributes == {"has_gap": "no"}
    assert events["D1"].arguments == [("arg0", "N1"), ("arg1", "A1"), ("arg2", "A0")]
    assert any("N2" in n for n in options["notes"])  # the non-consuming tag is reported
    labels = options["labels"]
    assert labels["NOUN"]["attributes"][0] == {
        "name": "type", "type": "choice", "values": ["person", "place", "thing", "other"],
    }  # fmt: skip
    assert labels["ARGUMENTS"]["kind"] == "event"


def test_iaa_folder_is_documents_with_one_layer_per_annotator(tmp_path):
    project = Project.create(tmp_path / "p", load_preset("conflict"))
    report = import_files(project, [MAE / "iaa_example"], add_labels=True)
    assert report.records == 9  # doc1 and doc2 hold the same text: one article of the project
    assert {"a1", "a2", "a3", "a4", "a5"} <= report.annotators
    assert any("house r" in n for n in report.notes)  # doc1_a4's text attribute disagrees
    assert "NAMED_ENTITY" in report.labels_added


def test_xml_is_recognised_as_mae():
    assert detect_format(MAE / "samples" / "miller.xml") == "mae"


def test_relations_from_from_and_to_links(tmp_path):
    text = "\nMrs Miller wants it."
    xml = (
        f"<T><TEXT><![CDATA[{text}]]></TEXT><TAGS>"
        '<NOUN id="N0" spans="1~11" text="Mrs Miller"/><VERB id="V0" spans="12~17"/>'
        '<ACTION id="L0" fromID="N0" fromText="" toID="V0" toText="" relationship="x"/>'
        "</TAGS></T>"
    )
    (tmp_path / "t.xml").write_text(xml, "utf-8")
    [record], options = _records(tmp_path / "t.xml")
    [relation] = record.relations
    assert (relation.source, relation.target, relation.role) == ("N0", "V0", "ACTION")
    assert any("relationship" in n for n in options["notes"])


def test_several_ranges_become_the_covering_range(tmp_path):
    xml = '<T><TEXT><![CDATA[ab cd ef]]></TEXT><TAGS><X id="X0" spans="0~2,6~8"/></TAGS></T>'
    (tmp_path / "t.xml").write_text(xml, "utf-8")
    [record], options = _records(tmp_path / "t.xml")
    assert (record.spans[0].start, record.spans[0].end) == (0, 8)
    assert any("covering" in n for n in options["notes"])


def test_offsets_count_code_points_after_an_emoji(tmp_path):
    xml = '<T><TEXT><![CDATA[😀 قسد]]></TEXT><TAGS><X id="X0" spans="2~5" text="قسد"/></TAGS></T>'
    (tmp_path / "t.xml").write_text(xml, "utf-8")
    [record], _ = _records(tmp_path / "t.xml")
    assert record.text[record.spans[0].start : record.spans[0].end] == "قسد"


def test_utf16_offsets_are_recognised_by_the_texts(tmp_path):
    xml = '<T><TEXT><![CDATA[😀 قسد]]></TEXT><TAGS><X id="X0" spans="3~6" text="قسد"/></TAGS></T>'
    (tmp_path / "t.xml").write_text(xml, "utf-8")
    [record], options = _records(tmp_path / "t.xml")
    assert record.text[record.spans[0].start : record.spans[0].end] == "قسد"
    assert any("UTF-16" in n for n in options["notes"])


def test_gold_file_is_the_gold_layer(tmp_path):
    xml = '<T><TEXT><![CDATA[ab]]></TEXT><TAGS><X id="X0" spans="0~2"/></TAGS></T>'
    (tmp_path / "doc_gold.xml").write_text(xml, "utf-8")
    [record], _ = _records(tmp_path / "doc_gold.xml")
    assert record.spans[0].annotator == "gold"


HOSTILE = {
    "broken": ("<T><TEXT>", "not well-formed"),
    "not mae": ("<html><body/></html>", "holds no <TEXT>"),
    "outside": ('<T><TEXT>ab</TEXT><TAGS><X id="X9" spans="0~9"/></TAGS></T>', "X9"),
    "unknown id": (
        '<T><TEXT>ab</TEXT><TAGS><X id="X0" spans="0~1"/><L id="L7" fromID="X0" toID="Q"/>'
        "</TAGS></T>",
        "'Q'",
    ),
    "nesting": ('<T><TEXT>ab</TEXT><TAGS><X id="X0" spans="0~1"><X/></X></TAGS></T>', "X0"),
    "bad range": ('<T><TEXT>ab</TEXT><TAGS><X id="X0" spans="a~b"/></TAGS></T>', "a~b"),
    "entities": ('<!DOCTYPE T [<!ENTITY a "aa">]><T><TEXT>&a;</TEXT></T>', "entities"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_are_refused_naming_file_and_tag(tmp_path, case):
    content, expected = HOSTILE[case]
    path = tmp_path / "bad.xml"
    path.write_text(content, "utf-8")
    project = Project.create(tmp_path / "p", load_preset("conflict"))
    with pytest.raises(InputError) as raised:
        import_files(project, [path], fmt="mae", add_labels=True)
    assert expected in str(raised.value) and "bad.xml" in str(raised.value)
    assert project.schema.label("X") is None
