"""CoNLL import and export on real corpora: ANERcorp, Wojood, IDRISI, CoNLL-2003, spaCy, doccano."""

import json

import pytest

from annotator.core.errors import InputError
from annotator.formats import conll
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, snapshot, write_jsonl
from tests.formats.corpora import file_rows, labelled_project, rows, span_set, types_of

ANER = ("anercorp", "ANERCorp_CamelLab_test.txt")


def repairs(report) -> list[str]:
    """The import's notes about tags it repaired."""
    return [note for note in report.notes if "I- tag" in note]


def imported(tmp_path, path, labels=None, name="p"):
    project = labelled_project(tmp_path / name, labels or types_of(path))
    report = import_files(project, [path], "conll", annotator="ali")
    return project, report


def test_anercorp_imports_and_exports_losslessly_after_the_documented_repair(tmp_path):
    source = corpus_file(*ANER)
    project, report = imported(tmp_path, source)
    assert report.spans_added == 2285
    assert project.spans.count_by("label") == {"PERS": 907, "LOC": 676, "ORG": 459, "MISC": 243}
    (note,) = repairs(report)
    assert "74 I- tags without a B- before them were read as the start of an entity" in note
    assert "lines 348, 380, 1055" in note
    (document,) = project.documents.iter_all()
    assert document.meta == {"tokenised": True}
    assert len(document.text.split()) == 25008 and document.text.count("\n") == 924
    for span in project.spans.iter_all():
        assert document.text[span.start : span.end] == span.text

    out = tmp_path / "out.conll"
    assert export(project, "conll", out).spans == 2285
    original, written = file_rows(source), file_rows(out)
    assert len(written) == len(original) == 25932
    changed = [(a, b) for a, b in zip(original, written, strict=True) if a != b]
    assert len(changed) == 74
    for before, after in changed:
        token, tag = before.split(" ")
        assert tag.startswith("I-") and after == f"{token} B-{tag[2:]}"
    assert original[347] == "أنان I-PERS" and written[347] == "أنان B-PERS"

    again, report = imported(tmp_path, out, name="again")
    assert repairs(report) == [] and span_set(again) == span_set(project)


@pytest.mark.parametrize("name", ["train.txt", "val.txt"])
def test_wojood_nested_tags_import_as_overlapping_spans_and_export_back_the_same(tmp_path, name):
    source = corpus_file("wojood-sample", name)
    project, report = imported(tmp_path, source)
    out = tmp_path / "out.conll"
    export(project, "conll", out)
    original, written = file_rows(source), file_rows(out)
    stacked = sum(1 for line in written if len(line.split(" ")) > 2)
    assert stacked == {"train.txt": 755, "val.txt": 109}[name]  # as the corpus README counts
    assert len(written) == len(original)
    changed = [(a, b) for a, b in zip(original, written, strict=True) if a != b]
    if name == "train.txt":  # the one I- without a B- in the sample, line 12377
        assert changed == [("الفرنسي I-FAC", "الفرنسي B-FAC")] and len(repairs(report)) == 1
    else:
        assert changed == [] and repairs(report) == []
    again, _ = imported(tmp_path, out, types_of(source), name="again")
    assert span_set(again) == span_set(project)


def test_wojood_events_keep_the_dates_and_ordinals_nested_in_them(tmp_path):
    project, _ = imported(tmp_path, corpus_file("wojood-sample", "train.txt"))
    events = [s.text for s in project.spans.iter_all() if s.label == "EVENT"]
    assert len(events) == 107  # as the corpus README counts
    assert {"الانتفاضة الأولى 1987", "حرب 1948", "النكبة"} <= set(events)
    (document,) = project.documents.iter_all()
    for event, inner in (
        ("حرب 1948", {("1948", "DATE")}),
        (
            "الانتفاضة الأولى 1987",
            {("الأولى", "ORDINAL"), ("1987", "DATE")},
        ),
    ):
        start = document.text.index(event)
        inside = {
            (s.text, s.label)
            for s in project.spans.iter_all()
            if start <= s.start and s.end <= start + len(event)
        }
        assert inside >= {(event, "EVENT"), *inner}


@pytest.mark.parametrize(
    "event",
    ["jordan_floods_2018/dev.txt", "beirut_explosion_2020/dev.txt", "kuwait_floods_2018/dev.txt"],
)
def test_idrisi_bilou_tweets_round_trip_line_for_line_in_bilou(tmp_path, event):
    source = corpus_file("idrisi-r-ar", "gold-random-bilou", *event.split("/"))
    project, report = imported(tmp_path, source)
    assert repairs(report) == []
    out = tmp_path / "out.conll"
    export(project, "conll", out, options={"scheme": "bilou"})
    assert file_rows(out) == file_rows(source)
    bio = tmp_path / "bio.conll"
    export(project, "conll", bio)
    again, _ = imported(tmp_path, bio, types_of(source), name="again")
    assert span_set(again) == span_set(project)


def test_conll2003_iob1_columns_read_an_i_tag_at_sentence_start_as_an_entity(tmp_path):
    source = corpus_file("conll", "conll2003", "en-orig.conll")
    project, report = imported(tmp_path, source)
    assert report.notes == []
    (document,) = project.documents.iter_all()
    assert document.text == "U.N. official Ekeus heads for Baghdad ."
    assert sorted((s.text, s.label) for s in project.spans.iter_all()) == [
        ("Baghdad", "LOC"),
        ("Ekeus", "PER"),
        ("U.N.", "ORG"),
    ]
    out = tmp_path / "out.conll"
    export(project, "conll", out, options={"layout": "conll2003"})
    assert file_rows(out) == [
        "-DOCSTART- -X- -X- O",
        "",
        "U.N. _ _ B-ORG",
        "official _ _ O",
        "Ekeus _ _ B-PER",
        "heads _ _ O",
        "for _ _ O",
        "Baghdad _ _ B-LOC",
        ". _ _ O",
    ]
    again, _ = imported(tmp_path, out, {"ORG", "PER", "LOC"}, name="again")
    assert span_set(again) == span_set(project)


def test_conll2002_and_doccano_files_round_trip(tmp_path):
    source = corpus_file("conll", "conll2002", "ner2002_test.conll")
    project, _ = imported(tmp_path, source)
    out = tmp_path / "out.conll"
    export(project, "conll", out)
    assert file_rows(out) == file_rows(source)

    tabbed = corpus_file("doccano", "import_test_sequence_labeling.conll")
    project, _ = imported(tmp_path, tabbed, name="doccano")
    assert sorted((s.text, s.label) for s in project.spans.iter_all()) == [
        ("JAPAN", "LOC"),
        ("Nadim Ladki", "PER"),
    ]
    out = tmp_path / "tabbed.conll"
    export(project, "conll", out, options={"tab": True})
    assert file_rows(out) == file_rows(tabbed)


def spacy_v2_entities(path):
    """(tokens, BILUO tags) of spaCy's v2 training JSON, read here only to check our reading."""
    tokens, tags = [], []
    for document in json.loads(path.read_text("utf-8")):
        for paragraph in document["paragraphs"]:
            for sentence in paragraph["sentences"]:
                tokens += [t["orth"] for t in sentence["tokens"]]
                tags += [t["ner"] for t in sentence["tokens"]]
    return tokens, tags


@pytest.mark.parametrize(
    "name", ["ner-token-per-line.iob", "ner-token-per-line-conll2003.iob", "ner-sent-per-line.iob"]
)
def test_spacy_iob_files_give_the_entities_spacys_own_json_gives(tmp_path, name):
    folder = corpus_file("spacy-prodigy", "spacy")
    tokens, biluo = spacy_v2_entities(folder / "ner-token-per-line.json")
    project, _ = imported(tmp_path, folder / name, {"PERSON", "ORG", "DATE", "NORP"})
    (document,) = project.documents.iter_all()
    assert document.text.split() == tokens
    out = tmp_path / "out.conll"
    export(project, "conll", out, options={"scheme": "bilou"})
    written = [line.split(" ") for line in file_rows(out) if line]
    assert [w[0] for w in written] == tokens
    assert [w[1] for w in written] == biluo


def marked_variant(source, path):
    """The corpus file with a BOM, CRLF line ends and an LRM or RLM before every token."""
    lines = []
    for number, line in enumerate(file_rows(source)):
        mark = "\u200e" if number % 2 else "\u200f"
        lines.append(f"{mark}{line}" if line else "")
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    return path


def test_a_corpus_with_bom_crlf_and_direction_marks_before_every_token_round_trips(tmp_path):
    source = corpus_file(*ANER)
    variant = marked_variant(source, tmp_path / "marked.conll")
    project, report = imported(tmp_path, variant, types_of(source))
    assert report.spans_added == 2285
    (document,) = project.documents.iter_all()
    assert document.text.startswith("\u200fالصالحية \u200eالمفرق")
    assert "\r" not in document.text and "\ufeff" not in document.text
    out = tmp_path / "out.conll"
    export(project, "conll", out)
    original, written = rows(variant.read_text("utf-8")), file_rows(out)
    assert len(written) == len(original)
    changed = [(a, b) for a, b in zip(original, written, strict=True) if a != b]
    assert len(changed) == 74 and all(b == a.replace(" I-", " B-") for a, b in changed)


def test_conll_to_our_json_to_conll_keeps_every_nested_span(tmp_path):
    source = corpus_file("wojood-sample", "val.txt")
    project, _ = imported(tmp_path, source)
    export(project, "json", tmp_path / "all.json")
    copy = labelled_project(tmp_path / "copy", types_of(source))
    import_files(copy, [tmp_path / "all.json"], annotator="ali")
    assert span_set(copy) == span_set(project)
    export(copy, "conll", tmp_path / "back.conll")
    assert file_rows(tmp_path / "back.conll") == file_rows(source)


# -- bad input ---------------------------------------------------------------------------


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("دير B-LOC\nالزور\n", 2, "expected a token and its tag, found only 'الزور'"),
        ("دير B-LOC\nالزور PER\n", 2, "unknown tag 'PER'"),
        ("دير B-LOC\nالزور X-LOC\n", 2, "unknown tag 'X-LOC'"),
        ("U.N. NNP I-NP I-ORG\nofficial NN O\n", 2, "has 3 columns where the file's lines have 4"),
        ("دير B-LOC\nالزور L-LOC\n\nحلب O\nمدينة L-LOC\n", 5, "cannot be repaired"),
        ("دير B-LOC\nالزور I-LOC\n\nحلب U-LOC\n", 2, "I-LOC is the last tag of an entity"),
        ("a\t\tB-LOC\n", 1, "empty column between tabs"),
    ],
)
def test_bad_files_are_refused_with_file_and_line_and_the_project_is_unchanged(
    tmp_path, content, line, message
):
    project = labelled_project(tmp_path / "p", {"LOC", "ORG"})
    before = snapshot(project)
    bad = write(tmp_path / "bad.conll", content)
    with pytest.raises(InputError, match=message) as caught:
        import_files(project, [bad], "conll", annotator="ali")
    assert caught.value.file == str(bad) and caught.value.line == line
    assert f"bad.conll, line {line}: " in str(caught.value)
    assert snapshot(project) == before


def test_a_broken_bilou_sequence_in_a_real_file_cannot_be_repaired(tmp_path):
    source = corpus_file("idrisi-r-ar", "gold-random-bilou", "jordan_floods_2018", "dev.txt")
    lines = file_rows(source)
    index = next(i for i, line in enumerate(lines) if " L-" in line)
    lines[index] = lines[index].split(" ")[0] + " O"
    broken = write(tmp_path / "broken.txt", "\n".join(lines) + "\n")
    project = labelled_project(tmp_path / "p", types_of(source))
    before = snapshot(project)
    with pytest.raises(InputError, match="does not end it") as caught:
        import_files(project, [broken], "conll", annotator="ali")
    assert caught.value.line == index  # the B-/I- before the lost L-, counted from 1
    assert snapshot(project) == before


def test_strict_reading_refuses_the_first_anercorp_repair_with_its_line(tmp_path):
    source = corpus_file(*ANER)
    with pytest.raises(InputError, match="I-PERS starts an entity without B-") as caught:
        list(conll.read(source, options={"strict_tags": True}))
    assert caught.value.line == 348


def test_a_given_scheme_refuses_tags_of_another_and_iob1_repairs_nothing(tmp_path):
    bilou = write(tmp_path / "bilou.conll", "حلب U-LOC\n")
    with pytest.raises(InputError, match="U-LOC is not a tag of IOB2"):
        list(conll.read(bilou, options={"tag_scheme": "iob2"}))
    options = {"tag_scheme": "iob1"}
    iob1 = corpus_file("conll", "conll2003", "en-orig.conll")
    assert len(next(conll.read(iob1, options=options)).spans) == 3
    assert options.get("notes", []) == []


def test_an_empty_file_and_a_file_of_blank_lines_are_refused(tmp_path):
    for content in ("", "\n\n\n"):
        with pytest.raises(InputError, match="has no tokens"):
            list(conll.read(write(tmp_path / "empty.conll", content)))


def test_docstart_splits_documents_and_sentences_per_document_too(tmp_path):
    text = "-DOCSTART- O\n\nحلب B-LOC\n\n-DOCSTART- O\n\nإدلب B-LOC\nمدينة O\n\nقرية O\n"
    path = write(tmp_path / "two.conll", text)
    records = list(conll.read(path))
    assert [r.text for r in records] == ["حلب", "إدلب مدينة\nقرية"]
    assert [r.line for r in records] == [3, 7]
    records = list(conll.read(path, options={"sentences_per_document": 1}))
    assert [r.text for r in records] == ["حلب", "إدلب مدينة", "قرية"]
    piped = corpus_file("spacy-prodigy", "spacy", "ner-sent-per-line.iob")
    records = list(conll.read(piped, options={"sentences_per_document": 1}))
    assert len(records) == 2 and [r.line for r in records] == [1, 2]


# -- export ------------------------------------------------------------------------------


ARTICLE = "قاتل الجيش والجيش الحر بدير الزور 😀 أمس.\nثم عاد"


def article_project(project, tmp_path, spans):
    """The conflict project with one article annotated by samira."""
    record = {"text": ARTICLE, "name": "خبر", "label": [[*s, "LOCATION"] for s in spans]}
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [record])], annotator="samira")
    return project


def at(word, skip=0):
    start = ARTICLE.index(word) + skip
    return [start, start + len(word) - skip]


def test_a_span_inside_a_word_stops_the_export_and_names_the_document(project, tmp_path):
    article_project(project, tmp_path, [at("بدير الزور", 1)])
    out = tmp_path / "out.conll"
    out.write_text("earlier", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        export(project, "conll", out)
    message = str(caught.value)
    assert "1 span do not fit the tokens, so nothing was written" in message
    assert "document 1 (خبر): span 1 LOCATION «دير الزور» starts inside the token «بدير»" in message
    assert out.read_text("utf-8") == "earlier"
    report = export(project, "conll", out, options={"drop_unaligned": True})
    assert report.notes == [
        "left out: document 1 (خبر): span 1 LOCATION «دير الزور» starts inside the token «بدير»"
    ]
    assert "B-LOCATION" not in out.read_text("utf-8")


def test_split_clitics_lets_a_span_after_a_proclitic_before_the_article_fit(project, tmp_path):
    article_project(project, tmp_path, [at("والجيش الحر", 1)])
    with pytest.raises(InputError, match="starts inside the token «والجيش»"):
        export(project, "conll", tmp_path / "out.conll")
    export(project, "conll", tmp_path / "out.conll", options={"split_clitics": True})
    lines = file_rows(tmp_path / "out.conll")
    assert lines[2:6] == ["و O", "الجيش B-LOCATION", "الحر I-LOCATION", "بدير O"]


def test_nested_spans_stack_by_default_and_do_not_fit_a_flat_export(project, tmp_path):
    article_project(project, tmp_path, [at("بدير الزور"), at("الزور")])
    out = tmp_path / "out.conll"
    export(project, "conll", out)
    assert "الزور I-LOCATION B-LOCATION" in file_rows(out)
    with pytest.raises(InputError, match="overlaps span 1 LOCATION «بدير الزور»"):
        export(project, "conll", out, options={"flat": True})


def test_a_span_across_a_sentence_break_does_not_fit(project, tmp_path):
    start = ARTICLE.index("أمس")
    article_project(project, tmp_path, [[start, ARTICLE.index("عاد")]])
    with pytest.raises(InputError, match="crosses a sentence break"):
        export(project, "conll", tmp_path / "out.conll")


def test_emoji_and_sentence_options_give_tokens_and_offsets_of_the_text(project, tmp_path):
    article_project(project, tmp_path, [at("الزور")])
    out = tmp_path / "out.conll"
    export(project, "conll", out, options={"sentences": True})
    blocks = "\n".join(file_rows(out)).split("\n\n")
    assert blocks[0].split("\n")[-4:] == ["الزور B-LOCATION", "😀 O", "أمس O", ". O"]
    assert blocks[1] == "ثم O\nعاد O"


def test_docstart_lines_appear_when_a_file_holds_several_documents(project, tmp_path):
    article_project(project, tmp_path, [])
    import_files(project, [write(tmp_path / "b.txt", "حلب")])
    out = tmp_path / "out.conll"
    export(project, "conll", out, annotator="samira")
    assert file_rows(out)[0] == "-DOCSTART- O" and file_rows(out).count("-DOCSTART- O") == 2
    export(project, "conll", out, annotator="samira", options={"docstart": "never"})
    assert "-DOCSTART- O" not in file_rows(out)
    assert len(list(conll.read(out))) == 1
    export(project, "conll", out, annotator="samira")
    assert [r.text for r in conll.read(out)] == [
        "قاتل الجيش والجيش الحر بدير الزور 😀 أمس .\nثم عاد",
        "حلب",
    ]


def test_a_docstart_token_in_a_text_is_refused(project, tmp_path):
    import_files(project, [write(tmp_path / "odd.txt", "كلمة\n-DOCSTART-")])
    with pytest.raises(InputError, match="has the token -DOCSTART-"):
        export(project, "conll", tmp_path / "out.conll", options={"tokens": "whitespace"})


def test_a_corpus_without_document_marks_is_one_document_and_the_import_says_so(tmp_path):
    """As written (so it exports back the same), with a note and the way to cut it."""
    sentence = "قال O\nالمتحدث O\nإن O\nالجيش B-ORG\nدخل O\nحلب B-LOC\n{} O\n\n"
    path = tmp_path / "unmarked.conll"
    path.write_text("".join(sentence.format(n) for n in range(60)), encoding="utf-8")
    project, report = imported(tmp_path, path)
    assert project.documents.count() == 1
    (note,) = report.notes
    assert note == (
        "unmarked.conll: marks no documents (no -DOCSTART- line), so its 60 sentences "
        "(420 tokens) are one document; --sentences-per-document N cuts it into documents "
        "of N sentences"
    )
    cut = labelled_project(tmp_path / "cut", ["ORG", "LOC"])
    options = {"sentences_per_document": 25}
    report = import_files(cut, [path], "conll", annotator="ali", options=options)
    assert report.notes == [] and cut.documents.count() == 3
    few = tmp_path / "few.conll"
    few.write_text(sentence.format(1) * 3, encoding="utf-8")
    _, report = imported(tmp_path, few, name="few")
    assert report.notes == []  # a short file is one document without further ado


def test_anercorp_is_named_as_one_long_document(tmp_path):
    _, report = imported(tmp_path, corpus_file(*ANER))
    assert any("925 sentences (25,008 tokens) are one document" in note for note in report.notes)
