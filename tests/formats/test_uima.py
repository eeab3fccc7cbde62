"""UIMA CAS XMI (INCEpTION): round trips, INCEpTION's own reference files, cassis reading our
export, and hostile files refused by name with the project unchanged."""

import pytest
from cassis import load_cas_from_xmi, load_typesystem

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, snapshot, write_jsonl
from tests.formats.interchange import events_of, fresh, links_of, round_trip, spans_of
from tests.formats.test_event_links import CODED, WRITTEN, coded, described
from tests.formats.test_webanno import CASES, SUITE, reference

EMOJI_TEXT = "😀 قصف 👨\u200d👩\u200d👧 على بدير الزور 🇸🇾 ليلاً"
NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"


def emoji_project(project, tmp_path):
    start = EMOJI_TEXT.index("دير")
    record = {
        "text": EMOJI_TEXT,
        "label": [[start, start + 9, "LOCATION"], [2, 5, "EVENT"]],
    }
    import_files(project, [write_jsonl(tmp_path / "e.jsonl", [record])], annotator="samira")
    return start


def test_spans_after_emoji_round_trip_and_cassis_reads_utf16_offsets(project, tmp_path):
    start = emoji_project(project, tmp_path)
    again = round_trip(project, "uima-xmi", tmp_path / "out", tmp_path / "again")
    assert {(s.start, s.end, s.label, s.text) for s in again.spans.iter_all()} == {
        (start, start + 9, "LOCATION", "دير الزور"),
        (2, 5, "EVENT", "قصف"),
    }
    (xmi,) = (tmp_path / "out").glob("*.xmi")
    raw = xmi.read_text("utf-8")
    begin16 = start + 4  # 😀 and a family of three before it: four astral characters
    assert f'begin="{begin16}" end="{begin16 + 9}"' in raw  # the file counts UTF-16 units
    with (tmp_path / "out" / "TypeSystem.xml").open("rb") as stream:
        types = load_typesystem(stream)
    with xmi.open("rb") as stream:
        cas = load_cas_from_xmi(stream, typesystem=types)
    names = {(fs.value, fs.get_covered_text()) for fs in cas.select(NE)}
    assert names == {("LOCATION", "دير الزور"), ("EVENT", "قصف")}
    assert cas.select("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence")


def test_an_event_goes_out_as_a_link_host_and_comes_back_whole(project, tmp_path):
    coded(project, tmp_path, [WRITTEN])
    again = round_trip(project, "uima-xmi", tmp_path / "out", tmp_path / "again")
    ((_, label, trigger, found, coding),) = described(again)
    assert (label, trigger) == ("EVENT", "هاجم")
    assert found == [("actor1", "التنظيم"), ("location", "الثردات"), ("actor2", "الجيش"),
                     ("actor1", "مواقع")]  # fmt: skip
    assert coding == CODED  # attributes are features of the event layer, typed
    raw = next((tmp_path / "out").glob("*.xmi")).read_text("utf-8")
    assert "custom:Event" in raw and "custom:EventArgumentsLink" in raw
    assert 'fatalities="3"' in raw


def test_layers_of_several_annotators_are_inception_s_curation_layout(project, tmp_path):
    coded(project, tmp_path, [WRITTEN])
    record = {"text": "هاجم التنظيم مواقع الجيش في الثردات",
              "label": [[28, 35, "LOCATION"]]}  # fmt: skip
    import_files(project, [write_jsonl(tmp_path / "g.jsonl", [record])], annotator=GOLD)
    report = export(project, "uima-xmi", tmp_path / "out")
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    )
    folder = next(name for name in files if name.endswith("/samira.xmi")).split("/")[0]
    assert f"{folder}/CURATION_USER.xmi" in files and f"{folder}/samira.xmi" in files
    assert f"{folder}/TypeSystem.xml" in files and "TypeSystem.xml" in files
    assert any("1 events written" in note for note in report.notes)
    with fresh(tmp_path / "again") as again:
        import_files(again, [tmp_path / "out"], "uima-xmi")
        assert spans_of(again) == spans_of(project)
        assert events_of(again) == events_of(project)


def test_attributes_links_and_entities_survive(project, tmp_path):
    text = "قتل 3 مدنيين في حلب"
    record = {
        "format": "annotator/2",
        "text": text,
        "annotations": [
            {"id": 1, "start": 16, "end": 19, "label": "LOCATION",
             "attributes": {"geo_precision": 1}, "entity": "Aleppo"},
            {"id": 2, "start": 6, "end": 12, "label": "ACTOR"},
        ],
        "relations": [{"from": 2, "to": 1, "role": "located_in"}],
    }  # fmt: skip
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [record])], annotator="samira")
    again = round_trip(project, "uima-xmi", tmp_path / "out", tmp_path / "again")
    assert links_of(again) == links_of(project)
    (place,) = [s for s in again.spans.iter_all() if s.label == "LOCATION"]
    original = next(s for s in project.spans.iter_all() if s.label == "LOCATION")
    assert place.attributes == original.attributes


def test_what_the_export_cannot_carry_is_reported(project, tmp_path):
    from tests.formats.test_event_links import ON_THE_SAME_TRIGGER, WITHOUT_TRIGGER

    coded(project, tmp_path, [WRITTEN, ON_THE_SAME_TRIGGER, WITHOUT_TRIGGER])
    notes = "\n".join(export(project, "uima-xmi", tmp_path / "out").notes)
    assert "1 events with no trigger left out" in notes
    assert "1 events on the trigger of an event written before them left out" in notes


# the cases of INCEpTION's suite that hold a reference XMI (one holds only the TSV)
XMI_CASES = [case for case in CASES if (SUITE / case / "reference.xmi").exists()] or CASES


@pytest.mark.parametrize("case", XMI_CASES)
def test_inception_s_reference_xmi_reads_as_it_says(tmp_path, case):
    """Spans at the XMI's own offsets (INCEpTION's TSV trims them to tokens, the XMI does
    not), links as the TSV reading of the same document has them, or the same refusal."""
    path = SUITE / case / "reference.xmi"
    with fresh(tmp_path / "x") as by_xmi, fresh(tmp_path / "t") as by_tsv:
        before = snapshot(by_xmi)
        try:
            import_files(by_xmi, [path], annotator="a", add_labels=True)
        except InputError as error:
            assert str(error).startswith(str(path))
            assert snapshot(by_xmi) == before
            with pytest.raises(InputError):
                import_files(by_tsv, [SUITE / case / "reference.tsv"], add_labels=True)
            return
        text, _, _ = reference(case)
        (document,) = by_xmi.documents.iter_all()
        assert document.text == text
        root_spans = {(s.start, s.end) for s in by_xmi.spans.iter_all()}
        assert root_spans == xmi_places(path, text)
        import_files(by_tsv, [SUITE / case / "reference.tsv"], annotator="a", add_labels=True)
        tsv_labels = sorted(s.label for s in by_tsv.spans.iter_all())
        xmi_labels = sorted(s.label for s in by_xmi.spans.iter_all())
        if "Span" not in tsv_labels:  # the suite's TSV names DKPro's NamedEntity "Span"
            assert xmi_labels == tsv_labels
        roles = sorted(r.role for r in by_tsv.relations.iter_all())
        assert sorted(r.role for r in by_xmi.relations.iter_all()) == roles
        again = round_trip(by_xmi, "uima-xmi", tmp_path / "out", tmp_path / "again")
        assert spans_of(again) == {k: {(*s[:4], "importer") for s in v}
                                   for k, v in spans_of(by_xmi).items()}  # fmt: skip
        assert links_of(again) == links_of(by_xmi)


def xmi_places(path, text):
    """The code-point places of the annotations in an XMI file, read without cassis."""
    import xml.etree.ElementTree as ET

    from annotator.core.text import Utf16Map

    units = Utf16Map(text)
    skip = ("Token", "Sentence", "DocumentMetaData")
    return {
        (units.from_utf16(int(e.get("begin"))), units.from_utf16(int(e.get("end"))))
        for e in ET.parse(path).getroot()
        if e.get("begin") is not None and not e.tag.endswith(skip) and e.get("Governor") is None
    }


def test_the_emoji_reference_counts_the_emoji_as_one_character(project):
    path = corpus_file("webanno-tsv3", "tsv3-suite", "testSentenceWithEmoji", "reference.xmi")
    import_files(project, [path], annotator="a", label_map={"NamedEntity": "ACTOR"})
    (span,) = project.spans.iter_all()
    assert (span.start, span.end, span.text) == (10, 11, "😊")


def test_a_type_system_beside_the_file_is_used(project, tmp_path):
    start = emoji_project(project, tmp_path)
    export(project, "uima-xmi", tmp_path / "out")
    (xmi,) = (tmp_path / "out").glob("*.xmi")
    types = (tmp_path / "out" / "TypeSystem.xml").read_text("utf-8")
    (tmp_path / "out" / "TypeSystem.xml").write_text(types.replace("<types>", "<types><oops"))
    with fresh(tmp_path / "again") as again:
        before = snapshot(again)
        with pytest.raises(InputError, match=r"TypeSystem\.xml: not a UIMA type system"):
            import_files(again, [xmi], "uima-xmi")
        assert snapshot(again) == before
        (tmp_path / "out" / "TypeSystem.xml").unlink()  # read with the built-in DKPro types
        import_files(again, [xmi], "uima-xmi")
        assert {(s.start, s.label) for s in again.spans.iter_all()} == {
            (start, "LOCATION"), (2, "EVENT")
        }  # fmt: skip


HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><xmi:XMI xmlns:xmi="http://www.omg.org/XMI" '
    'xmlns:cas="http:///uima/cas.ecore" '
    'xmlns:type4="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" xmi:version="2.0">'
    '<cas:NULL xmi:id="0"/>'
)
SOFA = (
    '<cas:Sofa xmi:id="2" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="قصف حلب"/>'
)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (HEAD + "<cas:Sofa", "not well-formed XML"),
        ("not xml at all", "not well-formed XML"),
        (HEAD + '<type4:NamedEntity xmi:id="9" sofa="2" begin="4" end="90" value="LOC"/>' + SOFA
         + '<cas:View sofa="2" members="9"/></xmi:XMI>', "NamedEntity (xmi:id 9)"),
        (HEAD + "<a>" * 50 + "</a>" * 50 + "</xmi:XMI>", "nested more than"),
        (HEAD.replace("ner/type", "ner/other") + '<type4:Thing xmi:id="9" sofa="2" begin="0" '
         'end="3" value="LOC"/>' + SOFA + '<cas:View sofa="2" members="9 44"/></xmi:XMI>',
         "cassis"),
    ],
)  # fmt: skip
def test_hostile_files_are_refused_by_name_and_the_project_is_unchanged(
    project, tmp_path, content, reason
):
    path = tmp_path / "bad.xmi"
    path.write_text(content, encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(InputError) as caught:
        import_files(project, [path], annotator="a", add_labels=True)
    assert str(caught.value).startswith(str(path)) and reason in str(caught.value)
    assert snapshot(project) == before


def test_a_folder_of_xmi_files_is_recognised(project, tmp_path):
    emoji_project(project, tmp_path)
    export(project, "uima-xmi", tmp_path / "out")
    with fresh(tmp_path / "again") as again:
        import_files(again, [tmp_path / "out"])
        assert again.spans.count() == 2


def test_control_characters_xml_cannot_hold_are_replaced_in_place_and_reported(project, tmp_path):
    text = "قصف\x1b حلب"
    record = {"text": text, "label": [[5, 8, "LOCATION"]]}
    import_files(project, [write_jsonl(tmp_path / "c.jsonl", [record])], annotator="samira")
    report = export(project, "uima-xmi", tmp_path / "out")
    assert any("1 control characters" in note for note in report.notes)
    with fresh(tmp_path / "again") as again:
        import_files(again, [tmp_path / "out"], "uima-xmi")
        (span,) = again.spans.iter_all()
        assert (span.start, span.end, span.text) == (5, 8, "حلب")
        (document,) = again.documents.iter_all()
        assert document.text == "قصف\ufffd حلب"
