"""A file read and checked in a second process while the import writes: the same project,
the same report, the same refusals as an import that reads it itself, and nothing written
when the second process stops or the import is cancelled."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError, Cancelled, InputError
from annotator.core.schema import load_preset
from annotator.ops import import_process
from annotator.ops.exporting import export
from annotator.ops.import_process import worth_a_process
from annotator.ops.importing import import_files, labels_in
from annotator.ops.labels import LabelPolicy
from annotator.store.project import Project
from tests.conftest import corpus_file, snapshot, write_jsonl

CONFLICT = set(load_preset("conflict").label_ids)
TEXT = "قصفت طائرات 😀 حربية مدينة الميادين\r\nفي دير الزور وقتل ٣ مدنيين"


def at(word: str, label: str, text: str = TEXT) -> list:
    start = text.index(word)
    return [start, start + len(word), label]


def annotated(n: int) -> dict:
    """A record with ids, links, an event list, attributes, a status and a discussion."""
    event, place = TEXT.index("قصفت"), TEXT.index("دير الزور")
    return {
        "name": f"مقال {n}",
        "text": f"{TEXT} {n}",
        "meta": {"source": "sample", "n": n},
        "annotations": [
            {"id": "t", "start": event, "end": event + 4, "label": "EVENT", "annotator": "لينا"},
            {"id": "p", "start": place, "end": place + 9, "label": "LOCATION", "annotator": "لينا"},
            {"id": "a", "start": 0, "end": 4, "label": "EVENT", "annotator": "omar"},
        ],
        "events": [
            {
                "id": 1,
                "type": "EVENT",
                "trigger": "t",
                "arguments": [{"role": "location", "span": "p"}],
                "attributes": {"fatalities": 3},
                "annotator": "لينا",
            },
            {"id": 2, "type": "EVENT", "trigger": "t", "arguments": [], "annotator": "لينا"},
        ],
        "status": {"لينا": "done"},
        "comments": [
            {
                "annotation": "p",
                "messages": [{"author": "omar", "body": "أي دير؟", "created": "2026-01-02"}],
            }
        ],
    }


def plain(n: int) -> dict:
    return {"text": f"{TEXT} {n}", "label": [at("الميادين", "LOCATION"), at("قصفت", "EVENT")]}


def imported(tmp_path: Path, name: str, paths: list[Path], second: bool, **options):
    """(the project's export as JSONL, the report) of a new project the files went into."""
    with Project.create(tmp_path / name, load_preset("conflict")) as project:
        report = import_files(project, paths, annotator="bench", second_process=second, **options)
        out = tmp_path / f"{name}.jsonl"
        export(project, "jsonl", out)
        return out.read_bytes(), report


def same_both_ways(tmp_path: Path, paths: list[Path], **options) -> tuple[bytes, list[str]]:
    """The project's export and the import's notes, having checked both ways give them."""
    here, report_here = imported(tmp_path, "here", paths, False, **options)
    apart, report_apart = imported(tmp_path, "apart", paths, True, **options)
    assert apart == here
    assert report_apart.summary() == report_here.summary()
    assert report_apart.notes == report_here.notes
    assert report_apart.annotators == report_here.annotators
    return here, report_apart.notes


def test_a_file_read_in_a_second_process_makes_the_same_project(tmp_path):
    """Records with ids, links, events, discussions, statuses and repeated articles (the
    second copy adds to the first), across several batches."""
    records = []
    for n in range(import_process.BATCH * 2 + 5):
        records.append(annotated(n) if n % 3 else plain(n))
    records.insert(70, plain(4))  # an article already read: its spans join the first copy
    records.insert(100, annotated(5))
    path = write_jsonl(tmp_path / "mixed.jsonl", records)
    here = same_both_ways(tmp_path, [path])[0]
    assert here.count(b"\n") == import_process.BATCH * 2 + 5  # the repeated two joined
    assert "أي دير؟".encode() in here and b'"fatalities":3' in here


@pytest.mark.parametrize(
    ("folder", "name", "fmt", "note"),
    [
        ("doccano", "export_relation_extraction_example.jsonl", "doccano", None),
        ("doccano", "v1_download_sequence_labeling_multiuser.jsonl", "doccano", "layers user1"),
        ("idrisi-r-ar", "gold-random-json/kuwait_floods_2018/dev.jsonl", "jsonl", None),
        ("label-studio", "named_entity/tasks.json", "labelstudio", "results skipped"),
    ],
)
def test_real_files_of_other_tools_come_in_alike_both_ways(tmp_path, folder, name, fmt, note):
    """The reader's notes (doccano's layers, predictions left out) come back from the second
    process too."""
    path = corpus_file(folder, *name.split("/"))
    labels = {label: "ACTOR" for label in labels_in([path], fmt) if label not in CONFLICT}
    notes = same_both_ways(tmp_path, [path], fmt=fmt, label_map=labels)[1]
    assert (note is None) == (not notes)
    assert note is None or note in notes[0]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.booleans(), st.sampled_from(["", "٭", "😀", "\u200c"])),
        min_size=1,
        max_size=90,
    )
)
def test_any_run_of_records_makes_the_same_project_both_ways(tmp_path_factory, rows):
    records = []
    for n, keyed, extra in rows:
        record = annotated(n) if keyed else plain(n)
        record["text"] = extra + record["text"]
        for span in record.get("annotations", []):
            span["start"] += len(extra)
            span["end"] += len(extra)
        for span in record.get("label", []):
            span[0] += len(extra)
            span[1] += len(extra)
        records.append(record)
    folder = tmp_path_factory.mktemp("run")
    same_both_ways(folder, [write_jsonl(folder / "run.jsonl", records)])


def refusal(project: Project, path: Path, second: bool, **options) -> str:
    before = snapshot(project)
    with pytest.raises(InputError) as raised:
        import_files(project, [path], annotator="bench", second_process=second, **options)
    assert snapshot(project) == before
    return raised.value.message


def test_a_bad_record_deep_in_the_file_is_refused_alike_and_nothing_is_written(project, tmp_path):
    records = [annotated(n) for n in range(import_process.BATCH * 3)]
    records[150]["annotations"][1]["end"] = 10_000  # past the end of its text
    path = write_jsonl(tmp_path / "bad.jsonl", records)
    here, apart = refusal(project, path, False), refusal(project, path, True)
    assert apart == here
    assert "line 151" in apart and "outside the text" in apart


def test_unknown_labels_are_listed_alike_from_the_second_process(project, tmp_path):
    records = [plain(n) for n in range(200)]
    records[3]["label"].append([0, 4, "WEAPON"])
    records[190]["label"].append([0, 4, "VEHICLE"])
    path = write_jsonl(tmp_path / "labels.jsonl", records)
    here, apart = refusal(project, path, False), refusal(project, path, True)
    assert apart == here
    assert "VEHICLE (first in record 191)" in apart and "WEAPON (first in record 4)" in apart


def test_renamed_labels_are_renamed_in_the_second_process(tmp_path):
    records = [{"text": f"{TEXT} {n}", "label": [at("الميادين", "GPE")]} for n in range(80)]
    path = write_jsonl(tmp_path / "gpe.jsonl", records)
    same_both_ways(tmp_path, [path], label_map={"GPE": "LOCATION"})


# several times what the pipe holds: the reader is still at work while records are written
MANY = [annotated(n) for n in range(3000)]


def readers() -> list[int]:
    """The processes this one started to read a file (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
        except OSError:
            continue
        if b"annotator.ops.import_process" in command and int(parent) == os.getpid():
            found.append(int(entry.name))
    return found


LINUX_ONLY = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


@LINUX_ONLY
def test_a_reader_killed_mid_import_stops_the_import_and_nothing_is_written(project, tmp_path):
    path, before = write_jsonl(tmp_path / "many.jsonl", MANY), snapshot(project)
    killed = []

    def kill_the_reader(done: int, total: int | None) -> None:
        if done == 100 and not killed:
            (pid,) = readers()
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    with pytest.raises(AnnotatorError) as raised:
        import_files(project, [path], second_process=True, progress=kill_the_reader)
    assert killed
    assert "stopped before its end" in str(raised.value) and "nothing was imported" in str(
        raised.value
    )
    assert snapshot(project) == before
    assert readers() == []


@LINUX_ONLY
def test_a_cancelled_import_stops_its_reader_and_writes_nothing(project, tmp_path):
    path, before = write_jsonl(tmp_path / "many.jsonl", MANY), snapshot(project)
    seen = []

    def cancel(done: int, total: int | None) -> None:
        seen.append(readers())
        if done == 50:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_files(project, [path], second_process=True, progress=cancel)
    assert len(seen[0]) == 1  # it was reading while records were written
    assert readers() == []
    assert snapshot(project) == before


def test_only_large_files_without_labels_to_add_go_to_a_second_process(project, tmp_path):
    small = write_jsonl(tmp_path / "small.jsonl", [plain(1)])
    large = tmp_path / "large.jsonl"
    with large.open("wb") as stream:  # sparse: as large as the threshold, nothing written
        stream.truncate(import_process.LARGE)
    renaming = LabelPolicy(project, {"GPE": "LOCATION"}, add=False)
    adding = LabelPolicy(project, {}, add=True)
    spare = import_process.cores() > 1
    assert worth_a_process(large, renaming) is spare
    assert not worth_a_process(small, renaming)
    assert not worth_a_process(large, adding)  # labels added change the schema as it reads
    assert not worth_a_process(tmp_path, renaming)  # a folder is read here


@pytest.mark.parametrize("program", ["/bin/false", "/no/such/python"])
def test_a_second_process_that_cannot_start_leaves_the_file_to_be_read_here(
    tmp_path, monkeypatch, program
):
    """An interpreter that cannot run the reader (an application that embeds Python, say):
    the import reads the file itself and gives the same project."""
    path = write_jsonl(tmp_path / "some.jsonl", [annotated(n) for n in range(100)])
    here, report_here = imported(tmp_path, "here", [path], False)
    monkeypatch.setattr(sys, "executable", program)
    apart, report_apart = imported(tmp_path, "apart", [path], True)
    assert (apart, report_apart.summary()) == (here, report_here.summary())
    assert report_apart.documents_added == 100
