"""Export options: layers, finished documents, labels left out, splits, progress, streaming."""

import io
import json
import tracemalloc

import pytest

from annotator.cli import main
from annotator.commands.exports import ProgressBar
from annotator.core.errors import InputError
from annotator.core.model import Status
from annotator.core.schema import load_preset
from annotator.core.tokens import tokenize
from annotator.formats import conll
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl

SENTENCES = [
    "قصف الطيران الروسي قرية المعماري في ريف دير الزور",
    "سيطرت قوات سوريا الديمقراطية على حقول الجفرة",
    "قال المتحدث إيغور كوناشينكوف إن الضربات أصابت مواقع التنظيم",
    "نزح آلاف المدنيين من الميادين نحو البوكمال",
]


def news(n, offset=0):
    """n short articles, each with the second and last words marked, as records."""
    records = []
    for number in range(offset, offset + n):
        text = f"{SENTENCES[number % 4]} يوم {number}"
        words = tokenize(text)
        spans = [[words[1].start, words[1].end, "ACTOR"], [words[-3].start, words[-1].end, "EVENT"]]
        records.append({"text": text, "name": f"n{number}", "label": spans})
    return records


def two_layers(project, tmp_path):
    """samira annotated 6 articles and finished 4; omar annotated 3; the gold layer has 2."""
    samira = news(6)
    for record in samira[:4]:
        record["status"] = {"samira": Status.DONE}
    import_files(project, [write_jsonl(tmp_path / "s.jsonl", samira)], annotator="samira")
    import_files(project, [write_jsonl(tmp_path / "o.jsonl", news(3))], annotator="omar")
    import_files(project, [write_jsonl(tmp_path / "g.jsonl", news(2))], annotator="gold")
    return project


def conll_documents(path):
    return list(conll.read(path))


def test_training_formats_take_one_layer_and_name_the_layers_there_are(project, tmp_path):
    two_layers(project, tmp_path)
    for fmt in ("conll", "hf", "spacy"):
        with pytest.raises(InputError) as caught:
            export(project, fmt, tmp_path / f"out.{fmt}")
        assert str(caught.value) == (
            f"{fmt} holds one annotator's spans, and this project has 3 layers (gold, omar, "
            "samira): choose one with --annotator NAME (--annotator gold for the adjudicated "
            "layer)"
        )
    report = export(project, "conll", tmp_path / "gold.conll", annotator="gold")
    assert report.layer == "gold" and report.documents == 6 and report.spans == 4
    assert any("4 of 6 documents have no spans in gold's layer" in n for n in report.notes)
    report = export(project, "json", tmp_path / "all.json")
    assert report.spans == 22 and report.layer is None


def test_only_done_writes_the_documents_that_annotator_marked_done(project, tmp_path):
    two_layers(project, tmp_path)
    out = tmp_path / "done.conll"
    report = export(project, "conll", out, annotator="samira", only_done=True)
    warning, events = report.notes  # the events of the finished documents are not coded yet
    assert report.documents == 4 and warning.startswith("warning: 4 events of samira's documents")
    assert "«n0»: EVENT «الزور يوم 0» (44–55): 'event_type' is required" in warning
    assert events == (
        "4 events not written: conll holds spans only (their triggers and arguments are "
        "written as spans)"
    )
    assert [d.text.split(" ")[-1] for d in conll_documents(out)] == ["0", "1", "2", "3"]
    with pytest.raises(InputError, match="--only-done needs the annotator"):
        export(project, "json", tmp_path / "x.json", only_done=True)


def test_excluded_labels_are_left_out_and_unknown_ones_refused(project, tmp_path):
    two_layers(project, tmp_path)
    out = tmp_path / "actors.conll"
    report = export(project, "conll", out, annotator="samira", exclude_labels=["EVENT"])
    assert report.spans == 6
    tags = {line.split(" ")[1] for line in out.read_text("utf-8").split("\n") if " " in line}
    assert tags == {"O", "B-ACTOR"}
    with pytest.raises(InputError, match="cannot leave out PLACE: not a label of the schema"):
        export(project, "conll", out, annotator="samira", exclude_labels=["PLACE"])


def split_names(folder, part):
    return [d.text.split(" ")[-1] for d in conll_documents(folder / f"{part}.conll")]


def test_a_split_is_the_same_for_the_same_seed_whatever_the_import_order(tmp_path):
    parts = {}
    for order in ("forward", "backward"):
        records = news(20)
        if order == "backward":
            records.reverse()
        with Project.create(tmp_path / order, load_preset("conflict")) as project:
            import_files(project, [write_jsonl(tmp_path / f"{order}.jsonl", records)])
            for seed in (1, 2):
                out = tmp_path / f"{order}-{seed}"
                report = export(
                    project, "conll", out, split="train=0.8,dev=0.1,test=0.1", seed=seed
                )
                assert report.parts == {"train": 16, "dev": 2, "test": 2}
                assert sorted(p.name for p in out.iterdir()) == [
                    "dev.conll",
                    "test.conll",
                    "train.conll",
                ]
                parts[order, seed] = {
                    part: sorted(split_names(out, part), key=int) for part in ("train", "dev")
                }
    assert parts["forward", 1] == parts["backward", 1]
    assert parts["forward", 2] == parts["backward", 2]
    assert parts["forward", 1] != parts["forward", 2]


def test_a_split_of_a_format_without_parts_writes_one_file_per_part(project, tmp_path):
    import_files(project, [write_jsonl(tmp_path / "n.jsonl", news(10))], annotator="samira")
    out = tmp_path / "parts"
    report = export(project, "jsonl", out, split="train=0.5,test=0.5", seed=4)
    lines = {p.name: p.read_text("utf-8").splitlines() for p in out.iterdir()}
    assert {name: len(found) for name, found in lines.items()} == {
        "train.jsonl": 5,
        "test.jsonl": 5,
    }
    names = {json.loads(line)["name"] for found in lines.values() for line in found}
    assert names == {f"n{n}" for n in range(10)} and report.documents == 10
    with pytest.raises(InputError, match="already exists and is not an empty folder"):
        export(project, "jsonl", out, split="train=0.5,test=0.5")
    with pytest.raises(InputError, match=r"the fractions add up to 0\.9"):
        export(project, "jsonl", tmp_path / "bad", split="train=0.5,test=0.4")


def test_progress_is_reported_per_document_and_drawn_only_on_a_terminal(project, tmp_path):
    import_files(project, [write_jsonl(tmp_path / "n.jsonl", news(5))], annotator="samira")
    seen = []
    export(
        project,
        "conll",
        tmp_path / "o.conll",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(n, 5) for n in range(1, 6)]

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(stream, width=10)
        for done in range(1, 6):
            bar(done, 5)
        bar.close()
    assert pipe.getvalue() == ""
    assert terminal.getvalue().endswith("\r[##########] 5/5 documents\n")
    assert terminal.getvalue().startswith("\r[##........] 1/5 documents")


def test_the_export_command_takes_every_option_and_reports_what_it_left_out(
    capsys, project, tmp_path
):
    two_layers(project, tmp_path)
    record = {"text": "قصف بدير الزور", "label": [[5, 14, "LOCATION"]]}
    import_files(project, [write_jsonl(tmp_path / "x.jsonl", [record])], annotator="samira")
    folder = project.folder
    args = ["export", folder, "--format", "hf", "--out", tmp_path / "ds", "--annotator", "samira"]
    assert main([str(a) for a in args]) == 1
    err = capsys.readouterr().err
    assert "span 23 LOCATION «دير الزور» starts inside the token «بدير»" in err
    assert "document 7 (x-1)" in err and not (tmp_path / "ds").exists()
    code = main(
        [
            str(a)
            for a in [
                *args,
                "--drop-unaligned",
                "--sentences",
                "--split",
                "train=0.5,test=0.5",
                "--seed",
                "3",
                "--exclude-label",
                "EVENT",
            ]
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert "Wrote 7 documents, 6 spans (1 left out), 0 events, 0 relations (samira's layer)" in out
    assert "Split: train 4, test 3." in out or "Split: train 3, test 4." in out
    assert "note: left out: document 7 (x-1): span 23 LOCATION" in err
    assert "[" not in err  # no progress bar when stderr is not a terminal
    assert sorted(p.name for p in (tmp_path / "ds").iterdir()) == [
        "README.md",
        "test.jsonl",
        "train.jsonl",
    ]


def peak_memory_of_export(tmp_path, count):
    with Project.create(tmp_path / f"p{count}", load_preset("conflict")) as project:
        records = news(count)
        import_files(project, [write_jsonl(tmp_path / f"n{count}.jsonl", records)], annotator="a")
        tracemalloc.start()
        try:
            export(project, "conll", tmp_path / f"o{count}.conll", options={"sentences": True})
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


def test_a_large_export_streams_in_constant_memory(tmp_path):
    small = peak_memory_of_export(tmp_path, 100)
    large = peak_memory_of_export(tmp_path, 2000)
    assert (tmp_path / "o2000.conll").read_text("utf-8").count("\n\n") > 2000
    assert large < 1.5 * small + 100_000, (small, large)


def test_an_option_the_format_does_not_take_is_refused(capsys, project, tmp_path):
    for flags, message in (
        (
            ["--format", "json", "--sentences"],
            "--sentences applies to conll, conllu, spacy, hf only",
        ),
        (["--format", "conll", "--parquet"], "--parquet applies to hf only, not conll"),
        (["--format", "hf", "--scheme", "bilou", "--flat"], "--flat applies to conll only"),
    ):
        code = main(["export", str(project.folder), "--out", str(tmp_path / "x"), *flags])
        assert code == 1 and message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
