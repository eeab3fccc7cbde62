"""brat standoff: brat's own tutorial and corpora in, folders of .txt/.ann out, and back."""

import json
import re
import shutil
from collections import defaultdict

import pytest

from annotator.core.errors import InputError
from annotator.core.model import Argument
from annotator.formats.brat import conf as brat_conf
from annotator.ops import editing, event_editing
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import now
from tests.conftest import corpus_file, snapshot, write_jsonl
from tests.formats.brat_rules import NUMBERED, check_folder
from tests.formats.interchange import (
    events_of,
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


def e_lines(folder):
    """(id, type, trigger, [(role, id)…]) of every E line of the .ann files of a folder."""
    found = []
    for line in ann_lines(folder, "E"):
        ident, body = line.split("\t")[:2]
        head, *arguments = body.split()
        kind, trigger = head.split(":")
        found.append((ident, kind, trigger, [tuple(a.split(":")) for a in arguments]))
    return found


def events_on(project, span):
    return [e for e in project.events.for_document(span.document_id) if e.trigger == span.id]


def test_the_tutorial_brings_every_line_kind_in(project):
    report = import_files(project, [tutorial()], annotator="samira", add_labels=True)
    assert report.documents_added == 13  # four .ann files are empty: documents without spans
    t_lines = ann_lines(tutorial(), "T")
    assert report.spans_added == len(t_lines) == 119
    assert report.events_added == len(e_lines(tutorial())) == 23
    assert report.relations_added == len(ann_lines(tutorial(), "R")) == 8
    arguments = sum(len(arguments) for *_, arguments in e_lines(tutorial()))
    assert sum(len(e.arguments) for e in project.events.iter_all()) == arguments

    document, spans = spans_named(project, "000-introduction")
    assert spans["Raul Salinas de Gortari"].attributes == {"Individual": True, "Mention": "Name"}
    president = spans["former Mexican president"]
    assert president.attributes["normalization"] == "Wikipedia:64488"
    assert project.entities.get(president.entity_id).name == "Carlos Salinas de Gortari"
    assert spans["$100 million"].attributes == {"note": "100000000 USD"}
    assert spans["moving"].attributes == {}  # A5 is on the event E1, not on its trigger
    (moving,) = events_on(project, spans["moving"])
    assert (moving.label, moving.attributes) == ("Transfer-money", {"Confidence": "High"})
    texts = {s.id: s.text for s in project.spans.for_document(document.id)}
    assert [(a.role, texts[a.span]) for a in moving.arguments] == [
        ("Giver-Arg", "Citibank"),
        ("Money-Arg", "$100 million"),
        ("Beneficiary-Arg", "Raul Salinas de Gortari"),
        ("Recipient-Arg", "banks"),
    ]  # in the order of the E line

    document, _ = spans_named(project, "060-relation_annotation")
    aliases = {
        (s.text, s.attributes["equivalence"])
        for s in project.spans.for_document(document.id)
        if "equivalence" in s.attributes
    }
    assert aliases == {(t, "Alias 1") for t in ("Joanne Rowling", "Jo Rowling", "J. K. Rowling")}

    document, spans = spans_named(project, "080-event-annotation")
    roles = {a.role for e in project.events.for_document(document.id) for a in e.arguments}
    assert roles == {"Org-Arg"}  # Org-Arg2, Org-Arg3… are brat's numbering of one role

    document, spans = spans_named(project, "090-event_structures")
    events = {e.id: e for e in project.events.for_document(document.id)}
    texts = {s.id: s.text for s in project.spans.for_document(document.id)}
    nested = {
        (texts[e.trigger], a.role, texts[events[a.event].trigger])
        for e in events.values()
        for a in e.arguments
        if a.event is not None
    }
    assert nested == {  # an event argument is the event, not its trigger
        ("reported", "Event-Arg", "merged"),
        ("told", "Event-Arg", "posted"),
        ("posted", "Event-Arg", "reported"),
        ("reported", "Event-Arg", "merged"),
    }

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
    import_files(project, [tutorial()], annotator="importer", add_labels=True)
    again = round_trip(project, "brat", tmp_path / "out", tmp_path / "again")
    assert (tmp_path / "out" / "annotation.conf").exists()
    assert len(list((tmp_path / "out").glob("*.ann"))) == 13
    before = {k: {(s, e, lab, t) for s, e, lab, t, _ in v} for k, v in spans_of(project).items()}
    after = {k: {(s, e, lab, t) for s, e, lab, t, _ in v} for k, v in spans_of(again).items()}
    assert after == before
    assert links_of(again) == links_of(project)
    assert events_of(again) == events_of(project)  # every event, argument and its coding
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
    (event,) = project.events.iter_all()
    assert [(a.role, project.spans.get(a.span).text) for a in event.arguments] == [
        ("location", "ريف")
    ]  # the first fragment stands for the whole
    export(project, "brat", tmp_path / "out")
    written = (tmp_path / "out" / "a.ann").read_text("utf-8")
    assert "LOCATION 18 21;22 31\tريف دير الزور" in written
    assert "E1\tEVENT:T1 location:T2" in written


def bionlp():
    return corpus_file("brat", "BioNLP-ST_2011_GE")


def test_several_events_on_one_trigger_are_events_of_their_own(project):
    path = bionlp() / "PMID-10438843.ann"
    assert shares_a_trigger(path)
    report = import_files(project, [path], annotator="a", add_labels=True)
    assert report.events_added == len(ann_lines(path.parent, "E")[:0]) + sum(
        1 for line in path.read_text("utf-8").splitlines() if line.startswith("E")
    )
    texts = {s.id: s.text for s in project.spans.iter_all()}
    localizations = [e for e in project.events.iter_all() if e.label == "Localization"]
    assert len({e.trigger for e in localizations}) == 1 < len(localizations)  # E1, E2 on T25
    assert sorted(texts[e.arguments[0].span] for e in localizations) == sorted(
        texts[e.arguments[0].span] for e in localizations
    )
    (first, second) = localizations
    assert first.arguments != second.arguments  # each its own Theme


def test_half_of_the_bionlp_sample_shares_triggers_and_all_of_it_imports(project):
    files = sorted(bionlp().glob("*.ann"))
    sharing = [p for p in files if shares_a_trigger(p)]
    assert len(sharing) * 2 >= len([p for p in files if p.read_text("utf-8").strip()])
    report = import_files(project, [bionlp()], annotator="a", add_labels=True)
    lines = {kind: ann_lines(bionlp(), kind) for kind in ("T", "E", "M", "*")}
    assert report.spans_added == len(lines["T"])
    assert report.events_added == len(lines["E"])
    negated = [e for e in project.events.iter_all() if e.attributes.get("Negation") is True]
    speculated = [e for e in project.events.iter_all() if e.attributes.get("Speculation") is True]
    assert len(negated) + len(speculated) == len(lines["M"]) > 0  # every modifier, on its event
    assert any("equivalence" in s.attributes for s in project.spans.iter_all())
    nested = [a for e in project.events.iter_all() for a in e.arguments if a.event is not None]
    assert len(nested) == sum(line.count(":E") for line in lines["E"]) > 0


def test_the_bionlp_sample_round_trips_with_every_event_argument_and_attribute(project, tmp_path):
    import_files(project, [bionlp()], annotator="importer", add_labels=True)
    again = round_trip(project, "brat", tmp_path / "out", tmp_path / "again")
    assert spans_of(again) == spans_of(project)
    assert events_of(again) == events_of(project)
    assert links_of(again) == links_of(project)
    attributes = sorted((s.text, json.dumps(s.attributes)) for s in project.spans.iter_all())
    assert sorted((s.text, json.dumps(s.attributes)) for s in again.spans.iter_all()) == attributes
    events = brat_events(bionlp())
    assert sum(len(found) for found in events.values()) == len(e_lines(bionlp())) == 244
    assert brat_events(tmp_path / "out") == events  # brat to brat: the same events
    assert check_folder(tmp_path / "out") == []


def brat_events(folder):
    """Per document, every event of a brat folder as brat means it, without ids: its type,
    its trigger's place, its arguments in order, each with its role (repeat number taken off
    as brat does) and its place (a nested event by its own description), and modifiers."""
    found = {}
    for ann in sorted(folder.glob("*.ann")):
        places, events, marks = {}, {}, defaultdict(set)
        for line in ann.read_text("utf-8").splitlines():
            ident, body = line.split("\t")[:2]
            if ident.startswith("T"):
                places[ident] = tuple(body.split()[1:])
            elif ident.startswith("E"):
                head, *arguments = body.split()
                events[ident] = (*head.split(":"), [a.split(":") for a in arguments])
            elif ident.startswith(("A", "M")):
                name, target = body.split()[:2]
                marks[target].add(name)

        def described(ident, places=places, events=events, marks=marks):
            kind, trigger, arguments = events[ident]
            filled = tuple(
                (NUMBERED.match(role)[1], described(ref) if ref in events else places[ref])
                for role, ref in arguments
            )
            return (kind, places[trigger], filled, tuple(sorted(marks[ident])))

        found[ann.stem] = sorted(described(ident) for ident in events)
    return found


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
    # brat reads a role ending in a digit as a repeat (actor2: the second "actor"), and cuts
    # declarations at white space: names and values go in forms it keeps, listed in comments
    assert "EVENT\tactor1-Arg*:ACTOR, actor2-Arg*:ACTOR, location?:LOCATION" in conf
    assert "actor_type\tArg:ACTOR, Value:State_forces|Rebel_groups|" in conf
    assert '# annotator name\tarc\tactor1-Arg\t"actor1"' in conf
    assert '# annotator value\tactor_type\tState_forces\t"State forces"' in conf
    parsed = brat_conf.parse(conf)
    assert parsed.definitions["EVENT"]["roles"][0] == {
        "name": "actor1", "types": ["ACTOR"], "many": True
    }  # fmt: skip
    assert parsed.definitions["ACTOR"]["attributes"][0]["values"][:2] == [
        "State forces",
        "Rebel groups",
    ]
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
        (  # an argument that is not in the file: of another document, or of none
            "T1\tEVENT 0 4\tقوات\nE1\tEVENT:T1 actor1:T9\n",
            r"doc.ann, line 2: event E1: its actor1 T9 is not in this file; an argument is a "
            r"span \(T\) or an event \(E\) of the same document",
        ),
        (
            "T1\tEVENT 0 4\tقوات\nE1\tEVENT:T7 actor1:T1\n",
            r"doc.ann, line 2: event E1: its trigger T7 is not in this file; a trigger is a "
            r"text-bound annotation \(T\) of this file",
        ),
        (
            "T1\tEVENT 0 4\tقوات\nE1\tEVENT:T1\nE2\tEVENT:E1\n",
            r"doc.ann, line 3: event E2: its trigger E1 is another event",
        ),
        (
            "T1\tEVENT 0 4\tقوات\nE1\tEVENT:T1 cause:E1\n",
            r"doc.ann, line 2: event E1 is its own argument \(cause\)",
        ),
        (
            "T1\tEVENT 0 4\tقوات\nT2\tEVENT 5 10\tسوريا\nE1\tEVENT:T1 cause:E2\n"
            "E2\tEVENT:T2 cause:E1\n",
            r"doc.ann, line 4: event E1 fills a role of event E2, which fills one of E1 in turn",
        ),
        (
            "T1\tEVENT 0 4\tقوات\nT2\tACTOR 5 10\tسوريا\nR1\tally Arg1:T2 Arg2:T1\n"
            "E1\tEVENT:T1 actor1:R1\n",
            r"doc.ann, line 4: event E1: its actor1 R1 is a relation",
        ),
        (
            "T1\tACTOR 0 0\t\n",
            r"doc.ann, line 1: T1 \(ACTOR\): offsets 0-0 are empty and no event has it as its "
            r"trigger",
        ),
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
    events = sum(1 for line in ann_text_lines if line.startswith("E"))
    assert len(list(project.relations.iter_all())) == relations
    assert len(list(project.events.iter_all())) == events
    assert sum(len(e.arguments) for e in project.events.iter_all()) == arguments


# -- our exports of the presets, held to brat's rules ------------------------------------------

CLASH = (
    "اشتباكات عنيفة بين قوات الحكومة ومسلحين محليين وعناصر التنظيم في الثردات والميادين، "
    "وقال مصدر إن القصف استمر حتى الصباح"
)
ATTACK = "قتل جنديان في هجوم شنه مسلحو التنظيم بعربة مفخخة على حاجز للجيش قرب مطار دير الزور أمس"


def preset_project(folder, preset, text):
    """A project of the preset with one article, and how to mark words of it in samira's
    layer."""
    project = fresh(folder, preset)
    import_files(project, [write_jsonl(folder.parent / f"{preset}.jsonl", [{"text": text}])])

    def mark(label, words, entity=None, **attributes):
        start = text.index(words)
        entity_id = None
        if entity is not None:
            with project.write():
                entity_id = project.entities.ensure(project.schema.label(label).kind, entity)
        span = editing.create_span(
            project, 1, "samira", label, start, start + len(words), attributes, entity_id=entity_id
        )
        return span.id

    def event(label, trigger, arguments, **attributes):
        fillers = [Argument(role, span) for role, span in arguments]
        event_editing.create_event(project, 1, "samira", label, trigger, fillers, attributes)

    return project, mark, event


def code_conflict(folder):
    """Two clashes on one word, a shelling with no trigger word, repeated roles, free values
    with spaces, commas and "|", a date, fatalities, notes, and a link between spans."""
    project, mark, event = preset_project(folder, "conflict", CLASH)
    clash = mark("EVENT", "اشتباكات")
    army = mark("ACTOR", "قوات الحكومة", "القوات الحكومية", actor_type="State forces")
    locals_ = mark("ACTOR", "مسلحين محليين", actor_type="Political militias")
    isis = mark("ACTOR", "عناصر التنظيم", actor_type="External/Other forces")
    thardat = mark("LOCATION", "الثردات", place_type="city/town", geo_precision=2)
    mayadin = mark("LOCATION", "الميادين", place_type="natural feature", note="قرب النهر, | الضفة")
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    event(
        "EVENT",
        clash,
        [("actor1", army), ("actor2", locals_), ("actor2", isis), ("location", thardat)],
        **battle,
        fatalities=12,
        date="2025-03-04",
        time_precision=1,
        source="سانا, Reuters | مصادر محلية",
        notes="two fronts, one night | unconfirmed",
        note="checked against SOHR, twice",
    )
    event("EVENT", clash, [("actor1", army), ("location", mayadin)], **battle, fatalities=0)
    event(
        "EVENT",
        None,
        [("location", mayadin)],
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    with project.write():
        project.relations.add(1, "samira", army, thardat, "based in", time=now())
    return project


def code_ner(folder):
    project, mark, _ = preset_project(folder, "ner", ATTACK)
    mark("ORG", "مسلحو التنظيم", "تنظيم الدولة", note="an armed group, not a party")
    mark("LOC", "مطار دير الزور")
    mark("LOC", "دير الزور", "دير الزور")
    mark("MISC", "عربة مفخخة")
    return project


def code_ace(folder):
    """Two events of different types sharing a victim, sub-types of each type's own."""
    project, mark, event = preset_project(folder, "ace", ATTACK)
    die = mark("LIFE", "قتل")
    attack = mark("CONFLICT", "هجوم")
    soldiers = mark("PER", "جنديان", mention="NOM")
    fighters = mark("ORG", "مسلحو التنظيم", mention="NOM")
    car = mark("WEA", "عربة مفخخة", mention="NOM")
    airport = mark("FAC", "مطار دير الزور", mention="NAM")
    mark("GPE", "دير الزور", mention="NAM")
    yesterday = mark("VALUE", "أمس", value_type="Time")
    event(
        "LIFE",
        die,
        [("Victim", soldiers), ("Place", airport), ("Time", yesterday)],
        subtype="Die",
        tense="Past",
    )
    event(
        "CONFLICT",
        attack,
        [("Attacker", fighters), ("Target", soldiers), ("Instrument", car), ("Place", airport)],
        subtype="Attack",
        polarity="Positive",
    )
    return project


def coded(project):
    """Everything coded, without ids: spans with their attributes and canonical entities,
    events (arguments and attributes), links."""
    entities = project.entities.names()
    spans = {
        (s.start, s.end, s.label, s.annotator, json.dumps(s.attributes, sort_keys=True), entity)
        for s in project.spans.iter_all()
        for entity in [entities.get(s.entity_id)]
    }
    return spans, events_of(project), links_of(project)


@pytest.mark.parametrize(
    ("preset", "build"), [("conflict", code_conflict), ("ner", code_ner), ("ace", code_ace)]
)
def test_exports_of_the_presets_keep_to_brat_s_rules_and_come_back(tmp_path, preset, build):
    with build(tmp_path / "p") as project:
        out = tmp_path / "out"
        export(project, "brat", out)
        assert check_folder(out) == []  # brat_rules.py: conf-*, ann-*, verify-* as brat applies
        with fresh(tmp_path / "again", preset) as again:
            import_files(again, [out], annotator="samira")
            assert coded(again) == coded(project)


def test_the_conflict_export_writes_what_brat_can_hold(tmp_path):
    with code_conflict(tmp_path / "p") as project:
        export(project, "brat", tmp_path / "out")
    ann = (tmp_path / "out" / "conflict-1.ann").read_text("utf-8").splitlines()
    events = [line for line in ann if line.startswith("E")]
    triggers = [line.split("\t")[1].split()[0] for line in events]
    assert triggers[0] == triggers[1]  # two clashes on one word share its T
    assert "actor2-Arg:T3 actor2-Arg2:T4" in events[0]  # brat numbers a repeated role
    (empty,) = [line for line in ann if line.endswith(" 0 0\t")]  # no trigger word: brat's
    assert triggers[2] == "EVENT:" + empty.split("\t")[0]  # trigger is zero-width, at 0
    assert any(line.endswith("\tfatalities E1 12") for line in ann)
    assert any(line.endswith("\tdate E1 2025-03-04") for line in ann)
    assert any(line.endswith("source E1 سانا_Reuters_مصادر_محلية") for line in ann)
    assert "#2\tAnnotatorNotes E1\tchecked against SOHR, twice" in ann
    conf = (tmp_path / "out" / "annotation.conf").read_text("utf-8")
    assert "fatalities\tArg:EVENT, Value:12|0" in conf  # the values the export uses
    assert '# annotator value\tsource\tسانا_Reuters_مصادر_محلية\t"سانا, Reuters | مصادر محلية"' in (
        conf
    )


def test_ace_sub_types_are_offered_per_type_and_come_back_as_one_attribute(tmp_path):
    with code_ace(tmp_path / "p") as project:
        report = export(project, "brat", tmp_path / "out")
    conf = (tmp_path / "out" / "annotation.conf").read_text("utf-8")
    lines = conf.splitlines()
    assert "subtype-LIFE\tArg:LIFE, Value:Be-Born|Marry|Divorce|Injure|Die" in lines
    assert "subtype-CONFLICT\tArg:CONFLICT, Value:Attack|Demonstrate" in lines
    assert not any(line.startswith("subtype\t") for line in lines)
    assert "mention\tArg:PER|ORG|GPE|LOC|FAC|VEH|WEA, Value:NAM|NOM|PRO" in lines  # one list
    assert any("subtype-LIFE, subtype-MOVEMENT" in note for note in report.notes)
    parsed = brat_conf.parse(conf)  # --add-labels: each type its own values, named subtype
    (life,) = [a for a in parsed.definitions["LIFE"]["attributes"] if a["name"] == "subtype"]
    assert life["values"] == ["Be-Born", "Marry", "Divorce", "Injure", "Die"]
    ann = tmp_path / "out" / "ace-1.ann"
    assert "subtype-LIFE E1 Die" in ann.read_text("utf-8")
    ann.write_text(ann.read_text("utf-8").replace("LIFE E1 Die", "LIFE E1 Attack"), "utf-8")
    assert [b.rule for b in check_folder(tmp_path / "out")] == ["verify-attribute-values"]


BROKEN_CONF = """[entities]
ACTOR
LOCATION
[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>
[events]
EVENT\tactor?:ACTOR, location?:LOCATION
[attributes]
source\tArg:EVENT, Value:SANA
"""


@pytest.mark.parametrize(
    ("conf", "ann", "rules"),
    [
        (  # brat reads actor1 as a first "actor": a role ending in a digit is another role
            BROKEN_CONF.replace("actor?", "actor1?"),
            "E2\tEVENT:T1 actor1:T2\n",
            ["conf-role-digit", "verify-arguments"],
        ),
        ("", "A1\tsource E1 SANA news\n", ["ann-attribute-value", "verify-attribute-values"]),
        ("", "A1\tsure E1\n", ["verify-attributes"]),  # not declared
        ("", "A1\tsource T2 SANA\n", ["verify-attributes"]),  # declared for EVENT, not ACTOR
        ("", "*\tAlias T2 T3\n", ["verify-equivalence"]),  # equivalence type not declared
        (  # a second declaration of a name is not a second list of values
            BROKEN_CONF + "source\tArg:ACTOR, Value:local\n",
            "",
            ["conf-attribute-once"],
        ),
        ("", "T4\tEVENT 0 0\nE2\tEVENT:T4\n", ["ann-textbound-tab"]),  # even a zero-width T
    ],
)
def test_the_checker_holds_the_rules_brat_applies(tmp_path, conf, ann, rules):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text(conf or BROKEN_CONF, encoding="utf-8")
    (folder / "a.txt").write_text("هاجمت قوات الحكومة الثردات", encoding="utf-8")
    (folder / "a.ann").write_text(
        "T1\tEVENT 0 5\tهاجمت\nT2\tACTOR 6 18\tقوات الحكومة\nT3\tACTOR 6 10\tقوات\n"
        f"E1\tEVENT:T1\n{ann}",
        encoding="utf-8",
    )
    assert [broken.rule for broken in check_folder(folder)] == rules


def test_a_refusal_of_the_schema_s_rules_names_the_ann_file_and_its_line(project, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    text = "قوات سوريا الديمقراطية في دير الزور"
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "a.ann").write_text("T1\tACTOR 0 4\tقوات\n", encoding="utf-8")
    bad = folder / "b.ann"
    bad.write_text(
        "T1\tEVENT 0 4\tقوات\nT2\tACTOR 5 10\tسوريا\nE1\tEVENT:T1 location:T2\n", "utf-8"
    )
    before = snapshot(project)
    with pytest.raises(InputError) as caught:
        import_files(project, [folder], annotator="a")
    assert (caught.value.file, caught.value.line) == (str(bad), 3)
    assert "the role location of EVENT takes location spans, not ACTOR «سوريا»" in str(caught.value)
    bad.write_text("T1\tEVENT 0 4\tقوات\nE1\tEVENT:T1 actor1:T1\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_files(project, [folder], annotator="a")
    assert (caught.value.file, caught.value.line) == (str(bad), 2)
    assert "«قوات» is the event's trigger; it cannot be its actor1" in str(caught.value)
    assert snapshot(project) == before


def test_a_zero_width_trigger_anywhere_is_an_event_with_no_trigger(project, tmp_path):
    path = bad_pair(
        tmp_path,
        "T1\tEVENT 26 26\t\nT2\tLOCATION 26 35\tدير الزور\nE1\tEVENT:T1 location:T2\n"
        "A1\tevent_type E1 Battles\n",
    )
    import_files(project, [path], annotator="a")
    (event,) = project.events.iter_all()
    assert event.trigger is None and event.attributes == {"event_type": "Battles"}
    assert [project.spans.get(a.span).text for a in event.arguments] == ["دير الزور"]
    assert [s.text for s in project.spans.iter_all()] == ["دير الزور"]  # no empty span
