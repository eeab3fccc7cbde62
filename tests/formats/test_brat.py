"""brat standoff: brat's own tutorial and corpora in, folders of .txt/.ann out, and back."""

import json
import re
import shutil

import pytest

from annotator.core.errors import InputError
from annotator.formats import brat_conf
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, snapshot, write_jsonl
from tests.formats.interchange import (
    fresh,
    hard_positions,
    hard_span,
    hard_words,
    links_of,
    round_trip,
    spans_of,
    stored,
    stored_offset,
)
from tests.ops.test_import import RAW, WORDS

LINE_END = re.compile(r"[\r\n]")


def tutorial():
    return corpus_file("brat", "tutorials-news")


def ann_lines(folder, kind):
    """Every line of one kind (T, E, R…) in the .ann files of a folder."""
    lines = []
    for path in sorted(folder.glob("*.ann")):
        lines += [line for line in path.read_text("utf-8").splitlines() if line.startswith(kind)]
    return lines


def shares_a_trigger(path):
    triggers = [
        line.split("\t")[1].split()[0].split(":")[1]
        for line in path.read_text("utf-8").splitlines()
        if line.startswith("E")
    ]
    return len(triggers) != len(set(triggers))


def spans_named(project, name):
    """A document and its spans by text (the first of equal texts)."""
    (document,) = [d for d in project.documents.iter_all() if d.name == name]
    spans = {}
    for span in project.spans.for_document(document.id):
        spans.setdefault(span.text, span)
    return document, spans


def test_the_tutorial_brings_every_line_kind_in(project):
    report = import_files(project, [tutorial()], annotator="samira", add_labels=True)
    assert report.documents_added == 13  # four .ann files are empty: documents without spans
    t_lines = ann_lines(tutorial(), "T")
    assert report.spans_added == len(t_lines) == 119
    arguments = sum(len(line.split("\t")[1].split()) - 1 for line in ann_lines(tutorial(), "E"))
    assert report.relations_added == arguments + len(ann_lines(tutorial(), "R"))

    document, spans = spans_named(project, "000-introduction")
    assert spans["Raul Salinas de Gortari"].attributes == {"Individual": True, "Mention": "Name"}
    president = spans["former Mexican president"]
    assert president.attributes["normalization"] == "Wikipedia:64488"
    assert project.entities.get(president.entity_id).name == "Carlos Salinas de Gortari"
    assert spans["$100 million"].attributes == {"note": "100000000 USD"}
    assert spans["moving"].attributes == {"Confidence": "High"}  # A on E1 → its trigger
    links = {
        (r.role, project.spans.get(r.target).text)
        for r in project.relations.touching(spans["moving"].id)
        if r.source == spans["moving"].id
    }
    assert links == {
        ("Giver-Arg", "Citibank"),
        ("Money-Arg", "$100 million"),
        ("Beneficiary-Arg", "Raul Salinas de Gortari"),
        ("Recipient-Arg", "banks"),
    }

    document, _ = spans_named(project, "060-relation_annotation")
    aliases = {
        (s.text, s.attributes["equivalence"])
        for s in project.spans.for_document(document.id)
        if "equivalence" in s.attributes
    }
    assert aliases == {(t, "Alias 1") for t in ("Joanne Rowling", "Jo Rowling", "J. K. Rowling")}

    document, spans = spans_named(project, "080-event-annotation")
    roles = {r.role for r in project.relations.for_document(document.id)}
    assert roles == {"Org-Arg"}  # Org-Arg2, Org-Arg3… are brat's numbering of one role

    document, spans = spans_named(project, "090-event_structures")
    nested = {
        (project.spans.get(r.source).text, r.role, project.spans.get(r.target).text)
        for r in project.relations.for_document(document.id)
    }
    assert ("reported", "Event-Arg", "merged") in nested  # an event argument: its trigger

    _, spans = spans_named(project, "110-note_annotation")
    assert spans["Discworld"].attributes["note"] == "Should fictional places be annotated?"
    assert spans["Orville Wright"].attributes["note"].startswith("[Family → Wilbur Wright] ")
    assert any("Family" in note for note in report.notes)


def test_annotation_conf_gives_the_added_labels_their_kinds_roles_and_attributes(project):
    report = import_files(project, [tutorial()], annotator="a", add_labels=True)
    schema = project.schema
    assert set(report.labels_added) == {
        "Organization", "Money", "Transfer-money", "Person", "GPE", "Merge-org", "Report"
    }  # fmt: skip
    assert schema.label("Person").kind == "actor" and schema.label("GPE").kind == "location"
    merge = schema.label("Merge-org")
    assert merge.kind == "event"
    assert merge.role("Org-Arg").many and merge.role("Org-Arg").kinds == ("actor",)
    report_label = schema.label("Report")
    assert report_label.role("Event-Arg").kinds == ("event",)
    assert not report_label.role("Reporter-Arg").many
    mention = schema.label("Person").attribute("Mention")
    assert mention.type == "choice" and mention.values == ("Name", "Nominal", "Other")
    assert merge.attribute("Negation").type == "boolean"
    assert schema.label("ACTOR") is not None  # the project's own labels stay


def test_unknown_labels_are_listed_and_nothing_changes(project):
    before = snapshot(project)
    with pytest.raises(InputError) as caught:
        import_files(project, [tutorial()], annotator="a")
    message = str(caught.value)
    for label in ("GPE", "Merge-org", "Money", "Organization", "Person", "Report"):
        assert label in message
    assert "--add-labels" in message and "--map-label" in message
    assert "Person (first in record 1, 000-introduction)" in message  # a folder: documents named
    assert snapshot(project) == before


def test_mapped_labels_land_on_the_schema_s_own(project):
    mapping = {"Person": "ACTOR", "Organization": "ACTOR", "GPE": "LOCATION"}
    import_files(
        project, [tutorial() / "040-text_span_annotation.ann"], annotator="a", label_map=mapping
    )
    _, spans = spans_named(project, "040-text_span_annotation")
    assert {text: s.label for text, s in spans.items()} == {
        "Google": "ACTOR",
        "Larry Page": "ACTOR",
        "Sergey Brin": "ACTOR",
        "California": "LOCATION",
    }
    assert [label.id for label in project.schema.labels] == ["ACTOR", "LOCATION", "EVENT"]


def test_the_tutorial_survives_export_and_import(project, tmp_path):
    import_files(project, [tutorial()], annotator="samira", add_labels=True)
    again = round_trip(project, "brat", tmp_path / "out", tmp_path / "again")
    assert (tmp_path / "out" / "annotation.conf").exists()
    assert len(list((tmp_path / "out").glob("*.ann"))) == 13
    before = {k: {(s, e, lab, t) for s, e, lab, t, _ in v} for k, v in spans_of(project).items()}
    after = {k: {(s, e, lab, t) for s, e, lab, t, _ in v} for k, v in spans_of(again).items()}
    assert after == before
    assert links_of(again) == links_of(project)
    attributes = {
        (s.text, json.dumps(s.attributes, sort_keys=True)) for s in project.spans.iter_all()
    }
    assert {(s.text, json.dumps(s.attributes, sort_keys=True)) for s in again.spans.iter_all()} == (
        attributes
    )
    entities = {
        (s.text, again.entities.get(s.entity_id).name)
        for s in again.spans.iter_all()
        if s.entity_id
    }
    assert entities == {("former Mexican president", "Carlos Salinas de Gortari")}


def clean_words():
    """The tricky article of the import tests, and its words, as a project stores them."""
    clean = RAW.removeprefix("\ufeff").replace("\r\n", "\n")
    return clean, [(word.replace("\r\n", "\n"), label) for word, label in WORDS]


def test_arabic_with_emoji_bom_crlf_and_direction_marks_round_trips(project, tmp_path):
    hard, spans = hard_words(*clean_words())
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "مقال.txt").write_bytes(hard.encode("utf-8"))
    lines = [
        f"T{n}\t{label} {s} {e}\t{LINE_END.sub(' ', hard[s:e])}"
        for n, (s, e, label) in enumerate(spans, 1)
    ]
    (folder / "مقال.ann").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    import_files(project, [folder], annotator="samira")
    (document,) = project.documents.iter_all()
    assert document.text == stored(hard)
    expected = {(stored_offset(hard, s), stored_offset(hard, e), lab) for s, e, lab in spans}
    found = project.spans.for_document(document.id)
    assert {(s.start, s.end, s.label) for s in found} == expected
    for span in found:
        assert document.text[span.start : span.end] == span.text
    again = round_trip(project, "brat", tmp_path / "out", tmp_path / "again")
    assert {(s.start, s.end, s.label) for s in again.spans.iter_all()} == expected


def test_discontinuous_spans_are_fragments_that_go_back_as_one(project, tmp_path):
    text = "اشتباكات عنيفة في ريف دير الزور الشرقي"
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a.ann").write_text(
        "T1\tLOCATION 18 21;22 31\tريف دير الزور\nT2\tEVENT 0 8\tاشتباكات\n"
        "E1\tEVENT:T2 location:T1\n",
        encoding="utf-8",
    )
    import_files(project, [folder], annotator="a")
    spans = sorted(project.spans.for_document(1), key=lambda s: s.start)
    assert [(s.text, s.attributes) for s in spans] == [
        ("اشتباكات", {}),
        ("ريف", {"fragment_of": "T1"}),
        ("دير الزور", {"fragment_of": "T1"}),
    ]
    export(project, "brat", tmp_path / "out")
    written = (tmp_path / "out" / "a.ann").read_text("utf-8")
    assert "LOCATION 18 21;22 31\tريف دير الزور" in written
    assert "location:T" in written


def test_two_events_on_one_trigger_are_refused_with_the_line(project):
    path = corpus_file("brat", "BioNLP-ST_2011_GE", "PMID-10438843.ann")
    before = snapshot(project)
    with pytest.raises(
        InputError,
        match=r"PMID-10438843.ann, line \d+: events E\d+ and E\d+ "
        r"share the trigger T\d+",
    ):
        import_files(project, [path], annotator="a", add_labels=True)
    assert snapshot(project) == before


def test_the_bionlp_corpus_without_shared_triggers_imports_with_modifiers(project, tmp_path):
    folder = corpus_file("brat", "BioNLP-ST_2011_GE")
    files = [p for p in sorted(folder.glob("*.ann")) if not shares_a_trigger(p)]
    assert 0 < len(files) < len(list(folder.glob("*.ann")))
    report = import_files(project, files, annotator="a", add_labels=True)
    t_lines = sum(
        1 for p in files for line in p.read_text("utf-8").splitlines() if line.startswith("T")
    )
    assert report.spans_added == t_lines
    negated = [s for s in project.spans.iter_all() if s.attributes.get("Negation") is True]
    m_lines = sum(
        1
        for p in files
        for line in p.read_text("utf-8").splitlines()
        if line.startswith("M") and line.split("\t")[1].split()[0] == "Negation"
    )
    assert len(negated) == m_lines > 0
    assert any("equivalence" in s.attributes for s in project.spans.iter_all())


def test_a_corpus_folder_finds_its_conf_above_the_documents(tmp_path):
    with fresh(tmp_path / "p", "conflict") as project:
        folder = corpus_file("brat", "CoNLL-ST_2002")
        report = import_files(project, [folder], annotator="a", add_labels=True)
        assert report.spans_added == 540 and report.documents_added == 10
        kinds = {label.id: label.kind for label in project.schema.labels}
        assert kinds["PER"] == "actor" and kinds["LOC"] == "location"
        assert kinds["ORG"] == "actor" and kinds["MISC"] == "other"


def test_the_exported_conf_describes_the_schema_and_reads_back(project, tmp_path):
    write_jsonl(
        tmp_path / "x.jsonl",
        [{"text": "هاجم التنظيم مواقع الجيش", "label": [[0, 4, "EVENT"], [5, 12, "ACTOR"]]}],
    )
    import_files(project, [tmp_path / "x.jsonl"], annotator="a")
    export(project, "brat", tmp_path / "out")
    conf = (tmp_path / "out" / "annotation.conf").read_text("utf-8")
    assert "EVENT\tactor1*:ACTOR, actor2*:ACTOR, location?:LOCATION" in conf
    assert "actor_type\tArg:ACTOR, Value:State forces|Rebel groups" in conf
    parsed = brat_conf.parse(conf)
    assert parsed.definitions["EVENT"]["roles"][0] == {
        "name": "actor1", "types": ["ACTOR"], "many": True
    }  # fmt: skip
    assert parsed.definitions["LOCATION"]["attributes"][0]["name"] == "place_type"


def test_several_layers_go_to_one_folder_per_annotator(project, tmp_path):
    text = "قصف على إدلب"
    write_jsonl(tmp_path / "a.jsonl", [{"text": text, "label": [[8, 12, "LOCATION"]]}])
    import_files(project, [tmp_path / "a.jsonl"], annotator="samira")
    import_files(project, [tmp_path / "a.jsonl"], annotator="omar")
    export(project, "brat", tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "annotation.conf", "omar", "samira"
    ]  # fmt: skip
    with fresh(tmp_path / "p2") as again:
        import_files(again, [tmp_path / "out" / "omar"], annotator="omar")
        (span,) = again.spans.iter_all()
        assert (span.text, span.annotator) == ("إدلب", "omar")


def bad_pair(tmp_path, ann, text="قوات سوريا الديمقراطية في دير الزور"):
    folder = tmp_path / "bad"
    folder.mkdir(exist_ok=True)
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    (folder / "doc.ann").write_text(ann, encoding="utf-8")
    return folder / "doc.ann"


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tACTOR 0 4\tقوات\nX1\tsomething\n", r"doc.ann, line 2: unknown annotation 'X1'"),
        ("T1\tACTOR 0 400\tقوات\n", r"doc.ann, line 1: T1 \(ACTOR\): offsets 0-400 are empty"),
        ("T1\tACTOR 0 4\tسوريا\n", r"doc.ann, line 1: T1 \(ACTOR\): the text at 0 4 is 'قوات'"),
        ("T1\tEVENT 0 4\tقوات\nE1\tEVENT:T1 actor1:T9\n", r"line 2: refers to T9, which is not"),
        (
            "T1\tACTOR 0 4\tقوات\nT2\tACTOR 5 10\tسوريا\nR1\tally Arg1:T1 Arg2:T2\nA1\tsure R1\n",
            r"line 4: attribute sure is on the relation R1",
        ),
        ("T1\tACTOR 0 4\tقوات\nR1\tally Arg1:T1\n", r"line 2: relation R1 needs two arguments"),
        ("T1\tACTOR zero four\tقوات\n", r"line 1: cannot read this T line"),
        ("T1\tEVENT 0 4\tقوات\nE1\tACTOR:T1\n", r"line 2: event E1 is ACTOR but its trigger"),
    ],
)
def test_bad_annotations_are_refused_with_their_line(project, tmp_path, ann, message):
    before = snapshot(project)
    with pytest.raises(InputError, match=message):
        import_files(project, [bad_pair(tmp_path, ann)], annotator="a")
    assert snapshot(project) == before


def test_an_ann_without_its_text_is_refused(project, tmp_path):
    path = bad_pair(tmp_path, "T1\tACTOR 0 4\tقوات\n")
    path.with_suffix(".txt").unlink()
    with pytest.raises(InputError, match=r"doc.ann: doc.ann has no text file doc.txt"):
        import_files(project, [path], annotator="a")


def test_a_folder_import_is_all_or_nothing(project, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(tutorial(), folder)
    (folder / "zzz.txt").write_text("نص", encoding="utf-8")
    (folder / "zzz.ann").write_text("T1\tPerson 0 9\tنص\n", encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(InputError, match=r"zzz.ann, line 1"):
        import_files(project, [folder], annotator="a", add_labels=True)
    assert snapshot(project) == before
    assert [label.id for label in project.schema.labels] == ["ACTOR", "LOCATION", "EVENT"]


def test_a_hard_variant_of_a_real_tutorial_document_keeps_its_annotations(project, tmp_path):
    source = tutorial() / "000-introduction"
    clean = source.with_suffix(".txt").read_text("utf-8")
    ann_text_lines = source.with_suffix(".ann").read_text("utf-8").splitlines()
    words = []
    for line in ann_text_lines:
        if line.startswith("T"):
            label, start, end = line.split("\t")[1].split()
            words.append((int(start), int(end), label))
    hard, where = hard_positions(clean)
    moved = {}
    for start, end, _ in words:
        moved[f"{start} {end}"] = "{} {}".format(*hard_span(where, start, end))
    out = []
    for line in ann_text_lines:
        if line.startswith("T"):
            fields = line.split("\t")
            label, start, end = fields[1].split()
            s, e = map(int, moved[f"{start} {end}"].split())
            line = f"{fields[0]}\t{label} {s} {e}\t{LINE_END.sub(' ', hard[s:e])}"
        out.append(line)
    folder = tmp_path / "hard"
    folder.mkdir()
    (folder / "000-introduction.txt").write_bytes(hard.encode("utf-8"))
    (folder / "000-introduction.ann").write_bytes(("\r\n".join(out) + "\r\n").encode("utf-8"))
    import_files(project, [folder], annotator="a", add_labels=True)
    (document,) = project.documents.iter_all()
    assert document.text == stored(hard)
    expected = set()
    for start, end, label in words:
        s, e = hard_span(where, start, end)
        expected.add((stored_offset(hard, s), stored_offset(hard, e), label))
    assert {(s.start, s.end, s.label) for s in project.spans.iter_all()} == expected
    arguments = sum(len(x.split("\t")[1].split()) - 1 for x in ann_text_lines if x.startswith("E"))
    relations = sum(1 for line in ann_text_lines if line.startswith("R"))
    assert len(list(project.relations.iter_all())) == arguments + relations
