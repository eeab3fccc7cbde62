"""UIMA CAS XMI (INCEpTION): round trips, INCEpTION's own reference files, cassis reading our
export, and hostile files refused by name with the project unchanged."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from cassis import load_cas_from_xmi, load_typesystem

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.core.schema import from_json
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.ops.sample import ensure_sample
from annotator.store.project import Project
from tests.conftest import corpus_file, snapshot, write_jsonl
from tests.formats.interchange import (
    described_event,
    events_of,
    fresh,
    links_of,
    round_trip,
    spans_of,
)
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
    assert names == {("LOCATION", "دير الزور")}
    events = {(fs.value, fs.get_covered_text()) for fs in cas.select("webanno.custom.Event")}
    assert events == {("EVENT", "قصف")}  # the EVENT span is an event's trigger
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
    path = corpus_file("webanno-tsv3", "tsv3-suite", case, "reference.xmi")
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


def carried(project):
    """Per document: the events an XMI export carries (:func:`events_of`), with the trigger's
    attributes merged into the event's as the export writes them: an event with a trigger of
    its label, the first on that trigger."""
    found = {}
    for document in project.documents.iter_all():
        spans = {s.id: s for s in project.spans.for_document(document.id)}
        places = {i: (s.start, s.end, s.label) for i, s in spans.items()}
        events = {e.id: e for e in project.events.for_document(document.id)}
        taken, kept = set(), []
        for event in sorted(events.values(), key=lambda e: e.id):
            trigger = spans.get(event.trigger)
            if trigger is None or trigger.label != event.label or trigger.id in taken:
                continue
            taken.add(trigger.id)
            coding = {**trigger.attributes, **event.attributes}
            kept.append(described_event(replace(event, attributes=coding), places, events))
        found[document.sha256] = sorted(kept, key=repr)
    return found


def span_attributes(project, triggers_bare=False):
    """Per document: the attributes of every span, those of event triggers left out when
    ``triggers_bare`` (an import gives them to the event)."""
    found = {}
    for document in project.documents.iter_all():
        triggers = {e.trigger for e in project.events.for_document(document.id)}
        found[document.sha256] = {
            (s.start, s.end, s.label, s.annotator): (
                {} if triggers_bare and s.id in triggers else s.attributes
            )
            for s in project.spans.for_document(document.id)
        }
    return found


def test_our_own_xmi_gives_a_project_without_its_labels_the_sample_back(tmp_path):
    """Imported with --add-labels into a project whose schema has none of the sample's labels,
    our XMI defines them as they were — EVENT an event label with the roles its links hold,
    the attributes with their types — so spans, events (type, trigger, arguments by role),
    links and attributes come back: all but the three events the export reports it left
    out (one with no trigger, two on a trigger another event has)."""
    with Project.open(ensure_sample(tmp_path / "sample", "me")) as sample:
        actor, place = (
            next(s for s in sample.spans.iter_all() if s.annotator == "huda" and s.label == label)
            for label in ("ACTOR", "LOCATION")
        )  # fmt: skip
        assert actor.document_id == place.document_id
        with sample.write():
            sample.relations.add(actor.document_id, "huda", actor.id, place.id, "located_in",
                                 time="2024-01-01T00:00:00Z")  # fmt: skip
        report = export(sample, "uima-xmi", tmp_path / "out")
        assert any("1 events with no trigger left out" in note for note in report.notes)
        assert any("2 events on the trigger of an event" in note for note in report.notes)
        with fresh(tmp_path / "again", "ner") as again:
            imported = import_files(again, [tmp_path / "out"], add_labels=True)
            assert set(imported.labels_added) == {"ACTOR", "LOCATION", "EVENT"}
            assert spans_of(again) == spans_of(sample)
            assert sum(map(len, carried(sample).values())) == sample.events.count() - 3 == 19
            assert events_of(again) == carried(sample)
            assert links_of(again) == links_of(sample)
            assert [r.role for r in again.relations.iter_all()] == ["located_in"]
            assert span_attributes(again) == span_attributes(sample, triggers_bare=True)
            event = again.schema.label("EVENT")
            assert event.kind == "event"
            roles = {a.role for e in sample.events.iter_all() for a in e.arguments}
            assert {role.name for role in event.roles} == roles
            for label in ("ACTOR", "LOCATION", "EVENT"):
                before, after = sample.schema.label(label), again.schema.label(label)
                assert after.kind == before.kind
                coded = [*sample.spans.iter_all(), *sample.events.iter_all()]
                used = {name for item in coded if item.label == label for name in item.attributes}
                assert {attribute.name for attribute in after.attributes} == used
                for attribute in after.attributes:
                    kind = before.attribute(attribute.name).type
                    assert attribute.type == (kind if kind in ("integer", "boolean") else "text")
            assert again.schema.label("LOCATION").attribute("geo_precision").type == "integer"


def test_an_event_with_no_arguments_comes_back_an_event_whatever_its_label_is_called(
    tmp_path,
):
    schema = from_json({"name": "shelling", "labels": [
        {"id": "SHELLING", "kind": "event", "roles": [{"name": "actor1", "kinds": ["actor"]}]},
        {"id": "ACTOR", "kind": "actor"},
    ]})  # fmt: skip
    record = {
        "format": "annotator/2",
        "text": "اشتباك بين الجيش والتنظيم",
        "annotations": [{"id": 1, "start": 0, "end": 6, "label": "SHELLING"},
                        {"id": 2, "start": 11, "end": 16, "label": "ACTOR"}],
        "events": [{"type": "SHELLING", "trigger": 1, "arguments": []}],
    }  # fmt: skip
    with Project.create(tmp_path / "p", schema) as project:
        import_files(project, [write_jsonl(tmp_path / "c.jsonl", [record])], annotator="samira")
        export(project, "uima-xmi", tmp_path / "out")
    with fresh(tmp_path / "again", "ner") as again:
        import_files(again, [tmp_path / "out"], annotator="samira", add_labels=True)
        assert again.schema.label("SHELLING").kind == "event"
        ((_, label, trigger, arguments, _),) = events_of(again).popitem()[1]
        assert (label, trigger, arguments) == ("SHELLING", (0, 6, "SHELLING"), ())


WITHOUT_CASSIS = """
import sys


class NoCassis:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "cassis":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, NoCassis())
from annotator.cli import main

sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", ["import", "export"])
def test_without_the_uima_extra_xmi_is_refused_with_how_to_install_it(project, tmp_path, command):
    """dkpro-cassis is an optional extra: without it an XMI import or export says what to
    install, exits 1 with no traceback, and leaves the project as it was."""
    emoji_project(project, tmp_path)
    export(project, "uima-xmi", tmp_path / "xmi")
    before = snapshot(project)
    folder, xmi = str(tmp_path / "project"), str(next((tmp_path / "xmi").glob("*.xmi")))
    arguments = {
        "import": ["import", folder, xmi],
        "export": ["export", folder, "--format", "uima-xmi", "--out", str(tmp_path / "again")],
    }[command]
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_CASSIS, *arguments],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "error: UIMA XMI needs dkpro-cassis: pip install 'annotator[uima]'\n"
    assert not (tmp_path / "again").exists()
    assert snapshot(project) == before
