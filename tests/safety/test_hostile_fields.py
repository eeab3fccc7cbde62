"""Fields of the wrong kind, range or shape in an imported record: the command line says which
file, line or record, field and problem, exits 1, and leaves the project as it was. What an
import accepts, every export can write back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.schema import Label, load_preset
from annotator.core.validation import MAX_DEPTH
from annotator.formats.registry import FORMATS, writable
from annotator.ops.checking import problems
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.ops.merging import merge
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl

ARTICLE = "قالت مصادر محلية إن «قسد» سيطرت على حقل نفطي قرب بلدة الصور"


def span(word: str, label: str, key: int, **fields) -> dict:
    start = ARTICLE.index(word)
    return {"id": key, "start": start, "end": start + len(word), "label": label, **fields}


def article(**fields) -> dict:
    return {"name": "خبر", "text": ARTICLE, **fields}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    Project.create(tmp_path / "deir-ez-zor", load_preset("conflict")).close()
    return tmp_path / "deir-ez-zor"


def refused_by_the_command(capsys, folder: Path, source: Path, expected: str) -> str:
    """``annotator import`` of ``source`` exits 1 with ``expected`` and changes nothing."""
    with Project.open(folder) as project:
        before = snapshot(project)
    code = main(["import", str(folder), str(source), "--annotator", "samira"])
    _, err = capsys.readouterr()
    assert code == 1, err
    assert expected in err, err
    assert "Traceback" not in err
    with Project.open(folder) as project:
        assert snapshot(project) == before
    return err


MESSAGE = {"author": "omar", "body": "فاعل؟", "created": "2026-01-01T00:00"}

CASES = [
    # unpaired surrogates, wherever a string is
    (article(name="\ud800عنوان"), "field 'name' has an unpaired surrogate at character 0"),
    (article(meta={"source": "سانا\udc00"}), "field 'meta': meta.source: has an unpaired"),
    (article(meta={"\ud83d": 1}), "field 'meta': meta: the key '\\ud83d' has an unpaired"),
    (
        article(annotations=[span("قسد", "ACTOR", 1, annotator="سمير\ud800")]),
        "span 1: field 'annotator' has an unpaired surrogate",
    ),
    (
        article(annotations=[span("قسد", "ACTOR", 1, attributes={"actor_type": "\udfff"})]),
        "span 1: field 'attributes': attributes.actor_type: has an unpaired",
    ),
    (
        article(annotations=[span("قسد", "ACTOR", 1, attributes={"\ud800": "x"})]),
        "span 1: field 'attributes': attributes: the key '\\ud800' has an unpaired",
    ),
    (article(label=[[21, 24, "ACT\ud800OR"]]), "span 1: field 'label' has an unpaired"),
    (
        article(
            annotations=[span("قسد", "ACTOR", 1)],
            comments=[
                {"annotation": 1, "messages": [{"author": "o", "body": "\ud800", "created": "t"}]}
            ],
        ),
        "comment thread 1, message 1: field 'body' has an unpaired",
    ),
    # whole numbers SQLite cannot hold, numbers JSON cannot hold
    (article(meta={"page": 2**63}), "meta.page: the number 9223372036854775808 is beyond"),
    (
        article(annotations=[span("قسد", "ACTOR", 1, attributes={"fatalities": -(2**63) - 1})]),
        "attributes.fatalities: the number -9223372036854775809 is beyond",
    ),
    (
        article(annotations=[span("قسد", "ACTOR", 1, annotator=2**63)]),
        "span 1: field 'annotator' must be text, got a number",
    ),
    # fields of the wrong kind
    (
        article(annotations=[span("قسد", "ACTOR", 1, attributes="x")]),
        "span 1: field 'attributes' must be an object, got text",
    ),
    (article(annotations=-1), "field 'annotations' must be a list, got a number"),
    (article(relations=1.5), "field 'relations' must be a list, got a number"),
    (
        article(annotations=[span("قسد", "ACTOR", 1, annotator=[None])]),
        "span 1: field 'annotator' must be text, got a list",
    ),
    (article(name={"ar": "خبر"}), "the document: field 'name' must be text, got an object"),
    (article(meta=[1, 2]), "field 'meta' must be an object, got a list"),
    (
        article(annotations=[span("قسد", "ACTOR", 1, provenance="samira")]),
        "span 1: field 'provenance' must be an object, got text",
    ),
    (article(status={"samira": 3}), "status of 'samira': must be text, got a number"),
    (article(label=[[21, 24, "A" * 201]]), "is 201 characters long; a label has at most 200"),
    (
        article(annotations=[span("قسد", "ACTOR", {"id": 1})]),
        "annotation 1: field 'id' must be a number or text, got an object",
    ),
    # fields that used to be read as something else, or dropped, without a word
    (
        article(
            annotations=[span("قسد", "ACTOR", 1)],
            comments=[{"annotation": 1, "resolved": "no", "messages": [MESSAGE]}],
        ),
        "comment thread 1: field 'resolved' must be true or false, got 'no'",
    ),
    (
        article(
            annotations=[span("قسد", "ACTOR", 1)],
            comments=[{"annotation": 1, "anchor": "قسد", "messages": [MESSAGE]}],
        ),
        "comment thread 1: field 'anchor' must be an object, got text",
    ),
    (
        article(annotations=[span("قسد", "ACTOR", 1, entity=7)]),
        "span 1: field 'entity' must be text, got a number",
    ),
    (
        article(annotations=[span("قسد", "ACTOR", 1, entity={"id": 1, "name": ["قسد"]})]),
        "span 1: field 'entity' must be text, got a list",
    ),
    # nesting: free-form values hold 32 levels at most (985 levels are refused by the
    # decoder or by the field's check, whichever meets them first: Python's stack decides)
    (
        json.dumps(article(meta={"x": "here"}), ensure_ascii=False).replace(
            '"here"', "[" * 985 + "]" * 985
        ),
        f"nested deeper than {MAX_DEPTH} levels",
    ),
    # ids, layers and roles
    (
        article(annotations=[span("قسد", "ACTOR", 7), span("حقل نفطي", "LOCATION", 7)]),
        "span 2: field 'id': '7' is also the id of span 1",
    ),
    (
        article(
            annotations=[
                span("قسد", "ACTOR", 1, annotator="samira"),
                span("سيطرت", "EVENT", 2, annotator="omar"),
            ],
            relations=[{"from": 2, "to": 1, "role": "actor1"}],
        ),
        "event 1 (EVENT): its actor1 is a span of the layer 'samira'; an event stays within "
        "one annotator's layer",
    ),
    (
        article(
            annotations=[
                span("قسد", "ACTOR", 1, annotator="samira"),
                span("حقل نفطي", "LOCATION", 2, annotator="omar"),
            ],
            relations=[{"from": 1, "to": 2, "role": "holds"}],
        ),
        "relation 1 (holds): joins a span of the layer 'samira' to one of 'omar'; a link "
        "stays within one annotator's layer",
    ),
    (
        article(
            annotations=[span("سيطرت", "EVENT", 1), span("حقل نفطي", "LOCATION", 2)],
            relations=[{"from": 1, "to": 2, "role": "actor1"}],
        ),
        "event 1 (EVENT): the role actor1 of EVENT takes actor spans, not LOCATION «حقل نفطي»",
    ),
]


@pytest.mark.parametrize(("record", "expected"), CASES)
def test_a_field_is_refused_with_its_place(capsys, folder, tmp_path, record, expected):
    """``record`` is written as the second line (escaped as JSON escapes it, so that a lone
    surrogate is the six characters \\ud800, as in a real file); a string is the line."""
    source = tmp_path / "coded.jsonl"
    good = {"name": "أول", "text": "نص سليم قبل السطر المعطوب"}
    line = record if isinstance(record, str) else json.dumps(record)
    source.write_text(json.dumps(good, ensure_ascii=False) + "\n" + line + "\n", "utf-8")
    err = refused_by_the_command(capsys, folder, source, expected)
    assert f"error: {source}, line 2, record 2: " in err


def test_nan_and_infinity_are_refused(capsys, folder, tmp_path):
    source = tmp_path / "nan.jsonl"
    source.write_text(f'{{"text": "{ARTICLE}", "meta": {{"score": NaN}}}}\n', "utf-8")
    refused_by_the_command(capsys, folder, source, "meta.score: nan is not a number JSON can hold")
    source.write_text(f'{{"text": "{ARTICLE}", "meta": {{"score": -Infinity}}}}\n', "utf-8")
    refused_by_the_command(capsys, folder, source, "meta.score: -inf is not a number JSON")


def test_json_nested_a_hundred_thousand_deep_is_refused_not_a_crash(capsys, folder, tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = tmp_path / "deep.jsonl"
    lines.write_text(f'{{"text": "نص"}}\n{{"text": "نص آخر", "meta": {{"x": {deep}}}}}\n', "utf-8")
    column = len('{"text": "نص آخر", "meta": {"x": ') + MAX_DEPTH - 1  # two levels open
    refused_by_the_command(
        capsys,
        folder,
        lines,
        f"deep.jsonl, line 2, record 2: JSON nested deeper than {MAX_DEPTH} levels (objects "
        f"and lists inside each other) at column {column}",
    )
    whole = tmp_path / "deep.json"
    whole.write_text('{"documents": [\n{"text": "نص", "meta": ' + deep + "}]}", "utf-8")
    refused_by_the_command(capsys, folder, whole, "deep.json, line 2: JSON nested deeper than")
    studio = tmp_path / "deep-ls.json"
    studio.write_text(deep, "utf-8")
    code = main(["import", str(folder), str(studio), "--format", "labelstudio"])
    assert code == 1 and "deep-ls.json, line 1: JSON nested deeper than" in capsys.readouterr()[1]


def test_an_event_across_layers_is_not_accepted_then_broken(project, tmp_path):
    """It was accepted once, and then ``check`` failed: now the import refuses it."""
    record = article(
        annotations=[
            span("قسد", "ACTOR", 1, annotator="samira"),
            span("سيطرت", "EVENT", 2, annotator="omar"),
        ],
        relations=[{"from": 2, "to": 1, "role": "actor1", "annotator": "omar"}],
    )
    with pytest.raises(InputError, match="an event stays within one annotator's layer"):
        import_files(project, [write_jsonl(tmp_path / "x.jsonl", [record])])
    assert project.documents.count() == 0
    record["annotations"][0]["annotator"] = "omar"
    import_files(project, [write_jsonl(tmp_path / "x.jsonl", [record])])
    assert problems(project) == []
    (event,) = project.events.iter_all()  # the link from the event's span is its argument
    assert event.annotator == "omar" and [a.role for a in event.arguments] == ["actor1"]


def export_everywhere(project: Project, folder: Path) -> None:
    folder.mkdir()
    for fmt in writable():
        layer = "samira" if FORMATS[fmt].training or FORMATS[fmt].one_layer else None
        export(project, fmt, folder / fmt, layer, {"tab": True})


def test_meta_nested_to_the_limit_imports_and_exports_in_every_format(project, tmp_path):
    """Meta nested 985 deep was accepted once and then broke every export; the limit keeps
    what is accepted writable, and what is written reads back."""
    nested: object = "قاع"
    for level in range(MAX_DEPTH - 1):  # meta is the first level
        nested = [nested] if level % 2 else {"level": level, "inside": nested}
    too_deep = article(meta={"deep": [nested]}, annotations=[span("قسد", "ACTOR", 1)])
    with pytest.raises(InputError, match=f"nested deeper than {MAX_DEPTH} levels"):
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", [too_deep])])
    record = article(meta={"deep": nested}, annotations=[span("قسد", "ACTOR", 1)])
    import_files(project, [write_jsonl(tmp_path / "in.jsonl", [record])], annotator="samira")
    export_everywhere(project, tmp_path / "out")
    back = json.loads((tmp_path / "out" / "jsonl").read_text("utf-8"))
    assert back["meta"] == record["meta"]
    with Project.create(tmp_path / "again", project.schema) as again:
        import_files(again, [tmp_path / "out" / "json"], "json")
        assert next(again.documents.iter_all()).meta == record["meta"]


def test_long_arabic_names_become_file_names_that_fit_and_stay_apart(project, tmp_path):
    """A 126-letter Arabic headline is 252 bytes: with .ann it no longer fits in 255."""
    headline = "ق" * 126
    records = [
        {"name": headline, "text": ARTICLE, "label": [[21, 24, "ACTOR"]]},
        {"name": headline + "ب" * 30, "text": ARTICLE + " أمس", "label": [[21, 24, "ACTOR"]]},
        {"name": "ك" * 300, "text": "نص ثالث", "label": [[0, 2, "EVENT"]]},
    ]
    import_files(project, [write_jsonl(tmp_path / "in.jsonl", records)], annotator="samira")
    for fmt in ("brat", "webanno"):
        out = tmp_path / fmt
        export(project, fmt, out)
        names = [p.name for p in out.rglob("*") if p.name != "annotation.conf"]
        assert all(len(name.encode("utf-8")) <= 255 for name in names), names
        with Project.create(tmp_path / f"again-{fmt}", project.schema) as again:
            import_files(again, [out], fmt)
            assert {d.text for d in again.documents.iter_all()} == {r["text"] for r in records}
    # cut to 247 bytes (room for ".ann"); the two the same once cut are told apart
    stems = {p.stem for p in (tmp_path / "brat").glob("*.ann")}
    assert stems == {"ق" * 123, "ق" * 122 + "-2", "ك" * 123}


def test_a_label_with_a_space_needs_tab_separated_conll_which_reads_back(project, tmp_path):
    """A hand-written schema may have 'Armed group'. As a space-separated CoNLL tag it would
    read back as two columns: the export says so; with --tab it reads back exactly."""
    labels = (*project.schema.labels, Label("Armed group", "actor"))
    project.set_schema(project.schema.with_labels(labels))
    record = {"text": ARTICLE, "label": [[21, 24, "Armed group"], [26, 31, "EVENT"]]}
    import_files(project, [write_jsonl(tmp_path / "in.jsonl", [record])], annotator="samira")
    with pytest.raises(InputError, match="holds a space, which separates CoNLL's columns: export"):
        export(project, "conll", tmp_path / "spaces.conll")
    assert not (tmp_path / "spaces.conll").exists()
    export(project, "conll", tmp_path / "tabs.conll", options={"tab": True})
    assert "\tB-Armed group\n" in (tmp_path / "tabs.conll").read_text("utf-8")
    with Project.create(tmp_path / "again", project.schema) as again:
        import_files(again, [tmp_path / "tabs.conll"], annotator="samira")
        found = sorted((s.text, s.label) for s in again.spans.iter_all())
        assert found == [("سيطرت", "EVENT"), ("قسد", "Armed group")]


def test_an_import_adds_a_label_with_a_space_but_not_one_with_a_line_break(project, tmp_path):
    spaced = {"text": ARTICLE, "label": [[21, 24, "Armed group"]]}
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [spaced])], add_labels=True)
    assert "Armed group" in project.schema.label_ids
    broken = {"text": "نص آخر", "label": [[0, 2, "Armed\ngroup"]]}
    before = snapshot(project)
    with pytest.raises(InputError) as caught:
        import_files(project, [write_jsonl(tmp_path / "b.jsonl", [broken])], add_labels=True)
    assert "b.jsonl, line 1, record 1: the label 'Armed\\ngroup' cannot be added to the " in str(
        caught.value
    )
    assert "--map-label" in str(caught.value)
    assert snapshot(project) == before


def test_a_merged_export_passes_the_same_checks_as_an_import(project, tmp_path):
    """``annotator merge`` reads our JSON and JSONL exports through the same boundary."""
    colleague = article(
        annotations=[
            span("قسد", "ACTOR", 1, annotator="omar", attributes={"\ud800": 1}),
        ]
    )
    source = tmp_path / "omar.jsonl"
    source.write_text(json.dumps(colleague) + "\n", "utf-8")
    before = snapshot(project)
    with pytest.raises(InputError) as caught:
        merge(project, source, add_documents=True)
    assert str(caught.value).startswith(f"{source}, line 1, record 1: span 1: field 'attributes'")
    assert snapshot(project) == before
