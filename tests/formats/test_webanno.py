"""WebAnno TSV 3: INCEpTION's own test suite case by case, curation folders, UTF-16 offsets."""

import xml.etree.ElementTree as ET

import pytest

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.core.schema import Label
from annotator.core.text import Utf16Map, strip_span
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import CORPUS, corpus_file, snapshot, write_jsonl
from tests.formats.interchange import (
    fresh,
    hard_places,
    links_of,
    round_trip,
    spans_of,
    stored,
    stored_offset,
)
from tests.ops.test_import import RAW, raw_spans

SUITE = CORPUS / "webanno-tsv3" / "tsv3-suite"
CASES = sorted(p.name for p in SUITE.iterdir()) if SUITE.exists() else ["(corpus missing)"]
NOT_SPANS = {"Token", "Sentence", "DocumentMetaData", "NULL", "Sofa", "View"}
XMI = "{http://www.omg.org/XMI}id"


def reference(case):
    """What INCEpTION's reference CAS holds: text, spans and links, offsets in code points."""
    root = ET.parse(SUITE / case / "reference.xmi").getroot()
    text = next(e for e in root if e.tag.endswith("Sofa")).get("sofaString")
    units = Utf16Map(text)
    by_id = {e.get(XMI): e for e in root}

    def place(element):
        """Code points, trimmed of white space as INCEpTION's TSV writer trims to tokens."""
        begin = units.from_utf16(int(element.get("begin")))
        return strip_span(text, begin, units.from_utf16(int(element.get("end"))))

    spans, links = set(), set()
    for element in root:
        kind = element.tag.rsplit("}", 1)[-1]
        if kind in NOT_SPANS or element.get("begin") is None:
            continue
        if element.get("Governor"):
            governor, dependent = by_id[element.get("Governor")], by_id[element.get("Dependent")]
            links.add((place(governor), place(dependent)))
            continue
        spans.add(place(element))
        for link in (element.get("links") or "").split():
            target = by_id[by_id[link].get("target")]
            links.add((place(element), place(target)))
        if element.get("next"):
            links.add((place(element), place(by_id[element.get("next")])))
    return text, spans, links


@pytest.mark.parametrize("case", CASES)
def test_every_suite_case_imports_as_inception_reads_it_or_is_refused_with_a_reason(tmp_path, case):
    path = corpus_file("webanno-tsv3", "tsv3-suite", case, "reference.tsv")
    with fresh(tmp_path / "p") as project:
        before = snapshot(project)
        try:
            import_files(project, [path], annotator="a", add_labels=True)
        except InputError as error:
            assert str(error).startswith(f"{path}, line ")
            # a label holding a tab and a line break is not added to a schema: no CoNLL tag or
            # brat line could hold it (a schema that has it already imports it: below)
            assert any(
                reason in error.reason
                for reason in (
                    "a zero-width annotation",
                    "relations join plain tokens",
                    "holds a tab, a line break",
                )
            ), error.reason
            assert snapshot(project) == before
            return
        (document,) = project.documents.iter_all()
        if not (SUITE / case / "reference.xmi").exists():
            assert project.spans.count() > 0
            return
        text, spans, links = reference(case)
        assert document.text == text.rstrip(" ")  # TSV 3 cannot carry trailing spaces
        ours = project.spans.for_document(document.id)
        assert {(s.start, s.end) for s in ours} == spans
        place = {s.id: (s.start, s.end) for s in ours}
        assert {(place[r.source], place[r.target]) for r in project.relations.iter_all()} == links


def test_most_of_the_suite_imports_and_the_refusals_are_the_ones_we_expect(tmp_path):
    refused = {}
    for case in sorted(p.name for p in corpus_file("webanno-tsv3", "tsv3-suite").iterdir()):
        with fresh(tmp_path / case) as project:
            try:
                import_files(project, [SUITE / case / "reference.tsv"], add_labels=True)
            except InputError as error:
                refused[case] = error.reason
    assert len(refused) <= 9 and len(CASES) - len(refused) >= 30
    assert all("Zero" in case or "SubMulti" in case or "Subtoken" in case or "Token" in case
               for case in refused), refused  # fmt: skip


def test_emoji_offsets_are_utf16_units_both_ways(project, tmp_path):
    path = corpus_file("webanno-tsv3", "tsv3-suite", "testSentenceWithEmoji", "reference.tsv")
    assert "\t10-12\t" in path.read_text("utf-8")  # 😊 is two UTF-16 units in the file
    import_files(project, [path], annotator="a", label_map={"Span": "ACTOR"})
    (span,) = project.spans.iter_all()
    assert (span.start, span.end, span.text) == (10, 11, "😊")

    text = "😀 قصف 👨\u200d👩\u200d👧 على بدير الزور 🇸🇾 ليلاً"
    start = text.index("دير")
    write_jsonl(tmp_path / "e.jsonl", [{"text": text, "label": [[start, start + 9, "LOCATION"]]}])
    import_files(project, [tmp_path / "e.jsonl"], annotator="samira")
    export(project, "webanno", tmp_path / "out", "samira")
    (file,) = (tmp_path / "out").rglob("samira.tsv")
    lines = file.read_text("utf-8").splitlines()
    units = Utf16Map(text)
    subtoken = next(line for line in lines if line.endswith("LOCATION[1]\t") or "LOCATION" in line)
    begin = units.to_utf16(start)
    assert (
        f"\t{begin}-{begin + 3}\tدير\t" in subtoken
    )  # a sub-token of «بدير»: the clitic stays out
    assert begin == start + 4  # four astral characters before it (😀 and a family of three)
    with fresh(tmp_path / "again") as again:
        import_files(again, [file], label_map={"NamedEntity": "LOCATION"})
        (back,) = again.spans.iter_all()
        assert (back.start, back.end, back.text) == (start, start + 9, "دير الزور")


def test_a_curation_folder_is_one_document_with_each_annotator_and_the_gold(project):
    folder = corpus_file("webanno-tsv3", "curation-testsuite", "simpleSpanDiffWithLabelTest")
    report = import_files(project, [folder], add_labels=True)
    assert report.documents_added == 1 and report.documents_matched == 2
    spans = {(s.annotator, s.text, s.label) for s in project.spans.iter_all()}
    assert spans == {("user1", "sentence", "NN"), ("user2", "sentence", "NE")}
    (document,) = project.documents.iter_all()
    assert document.name == "simpleSpanDiffWithLabelTest"

    folder = corpus_file("webanno-tsv3", "curation-testsuite", "simpleRelGovStackedTest")
    import_files(project, [folder], add_labels=True)
    gold = {(s.text, s.label) for s in project.spans.iter_all() if s.annotator == GOLD}
    assert gold == {("tale", "A"), ("annotations", "E")}
    users = {s.annotator for s in project.spans.iter_all()}
    assert users == {"user1", "user2", GOLD}
    relations = {(r.annotator, r.role) for r in project.relations.iter_all()}
    assert relations == {("user1", "X"), ("user1", "W"), ("user2", "X"), ("user2", "W")}


def test_one_layer_puts_every_annotator_s_file_in_the_import_s_layer(project):
    folder = corpus_file("webanno-tsv3", "curation-testsuite", "simpleRelGovStackedTest")
    import_files(project, [folder], annotator="samira", add_labels=True, one_layer=True)
    assert {s.annotator for s in project.spans.iter_all()} == {"samira"}
    assert {r.annotator for r in project.relations.iter_all()} == {"samira"}


def test_one_layer_of_many_can_be_chosen(project):
    path = corpus_file("webanno-tsv3", "curation-testsuite", "relationLabelTest", "user1.tsv")
    report = import_files(
        project, [path], annotator="a", add_labels=True, options={"webanno_layer": ("POS",)}
    )
    assert report.relations_added == 0
    assert all(s.attributes.get("coarseValue") == s.label for s in project.spans.iter_all())
    with fresh(project.folder.parent / "both") as both:
        report = import_files(
            both, [path], annotator="a", add_labels=True,
            options={"webanno_layer": ("POS", "Dependency")},
        )  # fmt: skip
        assert report.relations_added > 0
        labels = {s.id: s.attributes.get("coarseValue") for s in both.spans.iter_all()}
        assert all(labels[r.source] and labels[r.target] for r in both.relations.iter_all())
        assert any("flavor" in note for note in report.notes)


def test_the_tricky_article_and_its_hard_variant_round_trip(project, tmp_path):
    import_files(
        project,
        [write_jsonl(tmp_path / "s.jsonl", [{"text": RAW, "label": raw_spans()}])],
        annotator="samira",
    )
    again = round_trip(project, "webanno", tmp_path / "out", tmp_path / "again")
    assert spans_of(again) == spans_of(project)
    assert (
        len((tmp_path / "out").read_text if False else list((tmp_path / "out").rglob("*.tsv"))) == 1
    )

    clean = stored(RAW)
    hard, places = hard_places(clean, [(s.start, s.end, s.label) for s in project.spans.iter_all()])
    with fresh(tmp_path / "hard") as hard_project:
        write_jsonl(tmp_path / "h.jsonl", [{"text": hard, "label": [list(p) for p in places]}])
        import_files(hard_project, [tmp_path / "h.jsonl"], annotator="samira")
        export(hard_project, "webanno", tmp_path / "hard-out")
        (file,) = (tmp_path / "hard-out").rglob("*.tsv")
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes().replace(b"\n", b"\r\n"))
        with fresh(tmp_path / "hard-again") as back:
            import_files(back, [file], label_map={"NamedEntity": "ACTOR"}, add_labels=True)
            assert {(s.start, s.end, s.text) for s in back.spans.iter_all()} == {
                (s.start, s.end, s.text) for s in hard_project.spans.iter_all()
            }
            assert {d.text for d in back.documents.iter_all()} == {stored(hard)}


def test_links_survive_and_escaped_labels_come_back_whole(project, tmp_path):
    text = "هاجم التنظيم مواقع الجيش في الثردات"
    odd = "A|B_*[x]\\;->"
    record = {
        "text": text,
        "annotations": [
            {"id": "e", "start": 0, "end": 4, "label": "EVENT", "annotator": "a"},
            {"id": "x", "start": 5, "end": 12, "label": "ACTOR", "annotator": "a"},
            {"id": "y", "start": 5, "end": 12, "label": "LOCATION", "annotator": "a"},
            {"id": "l", "start": 28, "end": 35, "label": "LOCATION", "annotator": "a"},
            {"id": "z", "start": 13, "end": 24, "label": odd, "annotator": "a"},
        ],
        "relations": [
            {"from": "e", "to": "x", "role": "actor1"},
            {"from": "e", "to": "l", "role": "location"},
        ],
    }
    import_files(project, [write_jsonl(tmp_path / "r.jsonl", [record])], add_labels=True)
    again = round_trip(project, "webanno", tmp_path / "out", tmp_path / "again")
    assert spans_of(again) == spans_of(project)
    assert links_of(again) == links_of(project)
    assert odd in again.schema.label_ids


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("token\tTAG\n", r"x.tsv, line 1: not a WebAnno TSV 3 file"),
        ("#FORMAT=WebAnno TSV 2\n", r"x.tsv, line 1: WebAnno TSV 2 is not read"),
        (
            "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
            "#Text=a b\n1-1\t0-1\ta\n",
            r"x.tsv, line 6: has 3 fields; a token needs 3 and one per column",
        ),
        (
            "#FORMAT=WebAnno TSV 3.3\n\n\n1-1\t0-1\ta\t\n",
            r"x.tsv, line 4: a token line before its sentence's #Text= line",
        ),
        (
            "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n"
            "#T_RL=webanno.custom.Rel|value|BT_webanno.custom.Span\n\n\n"
            "#Text=a b\n1-1\t0-1\ta\tX\t_\t_\t\n1-2\t2-3\tb\tY\tr\t1-7\t\n",
            r"x.tsv, line 8: refers to the token 1-7, which is not there",
        ),
        (
            "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
            "#Text=a b\n1-1\t0-1\ta\tX\t\n1-2\t2-30\tb\tY\t\n",
            r"x.tsv, line 7: token 1-2: offsets 2-30 \(UTF-16\) run past the text",
        ),
    ],
)
def test_broken_files_are_refused_with_their_line(project, tmp_path, content, message):
    path = tmp_path / "x.tsv"
    path.write_text(content, encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(InputError, match=message):
        import_files(project, [path], add_labels=True)
    assert snapshot(project) == before


SYMBOLS = "#*'\"`´\t:;{}|[ ]()\\§$%?=&_\n"  # the label of testTokenBoundedSpanWithSpecialSymbols…


@pytest.mark.parametrize(
    "parts",
    [
        ("tsv3", "example2.tsv"),
        ("curation-testsuite", "relationLabelTest", "user1.tsv"),
        ("tsv3-suite", "testTokenBoundedSpanWithSpecialSymbolsValue", "reference.tsv"),
    ],
)
def test_real_files_survive_export_and_import(tmp_path, parts):
    with fresh(tmp_path / "p") as project:
        if "SpecialSymbols" in parts[1]:  # an import adds no such label; a schema may have it
            labels = (*project.schema.labels, Label(SYMBOLS, "other"))
            project.set_schema(project.schema.with_labels(labels))
        import_files(project, [corpus_file("webanno-tsv3", *parts)], annotator="a", add_labels=True)
        again = round_trip(project, "webanno", tmp_path / "out", tmp_path / "again")
        layers = {"a"}
        assert {s.annotator for s in again.spans.iter_all()} == layers
        assert spans_of(again) == spans_of(project)
        assert links_of(again) == links_of(project)
        again.close()


def test_a_hard_variant_of_a_real_file_keeps_every_span(tmp_path):
    with fresh(tmp_path / "p") as project:
        import_files(project, [corpus_file("webanno-tsv3", "tsv3", "example2.tsv")],
                     annotator="a", add_labels=True)  # fmt: skip
        (document,) = project.documents.iter_all()
        spans = [(s.start, s.end, s.label) for s in project.spans.iter_all()]
        labels = project.schema
    hard, places = hard_places(document.text, spans)
    with fresh(tmp_path / "hard") as hard_project:
        hard_project.set_schema(labels)
        write_jsonl(tmp_path / "h.jsonl", [{"text": hard, "label": [list(p) for p in places]}])
        import_files(hard_project, [tmp_path / "h.jsonl"], annotator="a")
        export(hard_project, "webanno", tmp_path / "out")
        (file,) = (tmp_path / "out").rglob("*.tsv")
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes().replace(b"\n", b"\r\n"))
        with fresh(tmp_path / "back") as back:
            import_files(back, [file], annotator="a", add_labels=True)
            assert {d.text for d in back.documents.iter_all()} == {stored(hard)}
            found = {(s.start, s.end) for s in back.spans.iter_all()}
            assert found == {(stored_offset(hard, s), stored_offset(hard, e)) for s, e, _ in places}
