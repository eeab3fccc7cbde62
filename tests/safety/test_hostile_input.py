"""Broken, hostile or huge input: a clear message naming the file, line or record and what is
wrong, and the project exactly as it was. Text that looks like markup or reorders itself on
screen is stored and exported literally. A huge import streams in bounded memory."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.schema import load_preset
from annotator.core.text import BIDI_CONTROLS
from annotator.ops import exporting
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl
from tests.safety.harness import ROOT

ARABIC = "قالت مصادر محلية إن «قسد» سيطرت على حقل نفطي قرب بلدة الصور"


def refused(project: Project, path: Path, expected: str, **kwargs) -> str:
    """Import ``path``, which must fail with ``expected`` in its message and change nothing."""
    before = snapshot(project)
    with pytest.raises(InputError) as caught:
        import_files(project, [path], annotator="samira", **kwargs)
    message = str(caught.value)
    assert expected in message, message
    assert snapshot(project) == before
    return message


# -- bytes that are not the text they claim to be -----------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "bad.txt",
            "سطر أول\nسطر ثان ".encode() + b"\xff\xfe" + "بقية".encode(),
            "bad.txt, line 2: cannot be read as utf-8: byte 0xff at byte 28",
        ),
        (
            "bad.jsonl",
            b'{"text": "a"}\n{"text": "b"}\n{"text": "\xc3\x28"}\n',
            "bad.jsonl, line 3: cannot be read as utf-8: byte 0x",
        ),
        (
            "bad.csv",
            "name,text\nأ,نص\n".encode() + b"b,\xe2\x82\n",
            "bad.csv, line 3: cannot be read as utf-8",
        ),
        ("cut.txt", "نص مقطوع".encode()[:-1], "cut.txt: cannot be read as utf-8: it ends in"),
    ],
)
def test_undecodable_bytes_are_refused_where_they_are(project, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    message = refused(project, path, expected)
    assert "--encoding" in message or "ends in the middle" in message


def test_a_windows_1256_file_is_refused_as_utf8_and_read_with_its_encoding(project, tmp_path):
    path = tmp_path / "archive.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    refused(project, path, "give the file's encoding with --encoding (e.g. cp1256)")
    import_files(project, [path], annotator="samira", encoding="cp1256")
    (document,) = project.documents.iter_all()
    assert document.text == ARABIC


def test_a_utf16_file_is_refused_as_utf8_and_read_as_utf16(project, tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(ARABIC.encode("utf-16"))  # with its byte-order mark
    refused(project, path, "wide.txt, line 1: cannot be read as utf-8: byte 0xff at byte 0")
    import_files(project, [path], annotator="samira", encoding="utf-16")
    assert next(project.documents.iter_all()).text == ARABIC


def test_an_unknown_encoding_name_is_refused(project, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    refused(project, path, "unknown encoding 'arabic-please'", encoding="arabic-please")


# -- malformed structure -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "cut.json",
            '{"format": "annotator/1", "documents": [{"text": "نص", "annotations": [',
            "cut.json, line 1: not valid JSON",
        ),
        ("scalar.json", '"just a string"', "scalar.json: expected an object"),
        (
            "middle.jsonl",
            '{"text": "الأول"}\n{"text": "الثاني", \n{"text": "الثالث"}\n',
            "middle.jsonl, line 2, record 2: not valid JSON",
        ),
        (
            "last.jsonl",
            '{"text": "الأول"}\n{"text": "الثاني"}\n{"text": "الثا',
            "last.jsonl, line 3, record 3: not valid JSON",
        ),
        ("array.jsonl", '{"text": "نص"}\n["نص"]\n', "array.jsonl, line 2, record 2: expected a"),
        ("notext.jsonl", '{"body": "نص"}\n', "notext.jsonl, line 1, record 1: has no 'text'"),
        (
            "number.jsonl",
            '{"text": 5}\n',
            "number.jsonl, line 1, record 1: field 'text' must be text, got a number",
        ),
        ("empty.csv", "", "empty.csv, line 1: the file is empty"),
        ("nocolumn.csv", "title,body\nأ,ب\n", "nocolumn.csv, line 1: no 'text' column"),
        (
            "fields.csv",
            'name,text\nأ,"نص, بفاصلة"\nب,نص,زائد\n',
            "fields.csv, line 3, record 2: has 3 fields but the header has 2",
        ),
        (
            "quote.csv",
            'name,text\nأ,"نص لا ينتهي\nب,نص\nج,نص\n',
            'quote.csv, line 2: a quoted field that starts here is never closed (a " is missing)',
        ),
    ],
)
def test_malformed_files_are_refused_with_their_place(project, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    refused(project, path, expected)


def test_a_bad_line_anywhere_in_a_file_means_no_line_of_it_is_imported(project, tmp_path):
    good = [{"text": f"مقال رقم {n}", "label": [[0, 4, "EVENT"]]} for n in range(500)]
    path = write_jsonl(tmp_path / "mostly-good.jsonl", [*good, {"text": "x", "label": "nope"}])
    refused(project, path, "mostly-good.jsonl, line 501, record 501")
    assert project.documents.count() == 0


# -- offsets and labels ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ([0, 400, "ACTOR"], "span 1 (ACTOR): offsets 0-400 are outside the text (it has 59"),
        ([-3, 4, "ACTOR"], "offsets -3-4 are outside the text"),
        ([10, 10, "ACTOR"], "offsets 10-10 are outside the text"),
        ([12, 4, "ACTOR"], "offsets 12-4 are outside the text"),
        (["0", 4, "ACTOR"], "span 1: field 'start' must be a whole number, got '0'"),
        ([0, 4.5, "ACTOR"], "span 1: field 'end' must be a whole number, got 4.5"),
        ([True, 4, "ACTOR"], "span 1: field 'start' must be a whole number, got True"),
        ([0, 4], "'label' entry 1 must be [start, end, \"LABEL\"]"),
    ],
)
def test_offsets_out_of_range_or_of_the_wrong_kind_are_refused(project, tmp_path, span, expected):
    path = write_jsonl(tmp_path / "o.jsonl", [{"text": "نص"}, {"text": ARABIC, "label": [span]}])
    message = refused(project, path, expected)
    assert message.startswith(f"{path}, line 2, record 2: ")


def test_a_span_whose_text_disagrees_with_its_offsets_is_refused(project, tmp_path):
    start = ARABIC.index("«قسد»")
    annotation = {"start": start, "end": start + 5, "label": "ACTOR", "text": "«داعش»"}
    path = write_jsonl(tmp_path / "d.jsonl", [{"text": ARABIC, "annotations": [annotation]}])
    refused(project, path, f"the text at {start}-{start + 5} is '«قسد»' but the file says '«داعش»'")


def test_labels_the_schema_lacks_are_all_listed(project, tmp_path):
    records = [
        {"text": "أ ب ج", "label": [[0, 1, "WEAPON"]]},
        {"text": "د ه و", "label": [[0, 1, "ACTOR"], [2, 3, "VEHICLE"]]},
        {"text": "ز ح ط", "label": [[0, 1, "WEAPON"]]},
    ]
    path = write_jsonl(tmp_path / "labels.jsonl", records)
    refused(
        project,
        path,
        "labels not in the project's schema: VEHICLE (first in record 2), "
        "WEAPON (first in record 1)",
    )


# -- text that is not what it seems -----------------------------------------------------------

MARKUP = (
    '<script>alert("x")</script> قال &amp; <b>«قسد»</b> إن <img src=x onerror=alert(1)> '
    "&#x202E; <!-- تعليق --> ]]> {{template}} ${var} \\u0041"
)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_markup_in_text_is_stored_and_exported_literally(project, tmp_path, fmt):
    words = ["<b>«قسد»</b>", "<img src=x onerror=alert(1)>", "&amp;", "&#x202E;"]
    spans = [[MARKUP.index(w), MARKUP.index(w) + len(w), "ACTOR"] for w in words]
    import_files(project, [write_jsonl(tmp_path / "m.jsonl", [{"text": MARKUP, "label": spans}])])
    assert next(project.documents.iter_all()).text == MARKUP
    out = tmp_path / f"out.{fmt}"
    exporting.export(project, fmt, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    document = data["documents"][0] if fmt == "json" else data
    assert document["text"] == MARKUP
    assert [a["text"] for a in document["annotations"]] == sorted(words, key=MARKUP.index)
    for annotation in document["annotations"]:
        assert MARKUP[annotation["start"] : annotation["end"]] == annotation["text"]


BIDI = (
    "\u202eقسد\u202c سيطرت \u2067على\u2069 \u202dABC 123\u202c في \u200fالرقة\u200e \u061cو\u200d"
)


def test_bidi_controls_are_kept_and_counted_in_offsets(project, tmp_path):
    target = "الرقة"
    start = BIDI.index(target)
    assert start == 32 and sum(ch in BIDI_CONTROLS for ch in BIDI[:start]) == 7
    path = write_jsonl(tmp_path / "b.jsonl", [{"text": BIDI, "label": [[32, 37, "LOCATION"]]}])
    import_files(project, [path])
    (span,) = project.spans.for_document(1)
    assert (span.start, span.end, span.text) == (32, 37, target)
    assert next(project.documents.iter_all()).text == BIDI
    out = tmp_path / "out.jsonl"
    exporting.export(project, "jsonl", out)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["text"] == BIDI
    assert exported["annotations"][0]["start"] == 32


# -- archives -----------------------------------------------------------------------------


def test_an_archive_is_not_unpacked_so_its_paths_cannot_escape(project, tmp_path):
    """No importer reads archives: one whose member paths climb out of the folder is refused
    as an unknown format, before anything is unpacked or written."""
    inside = tmp_path / "inside"
    inside.mkdir()
    archive = inside / "articles.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../../escaped.txt", ARABIC)
        zipped.writestr("/etc/annotator-escaped.txt", ARABIC)
    refused(project, archive, "cannot tell the format from the extension '.zip'")
    assert not (tmp_path / "escaped.txt").exists()
    assert sorted(p.name for p in inside.iterdir()) == ["articles.zip"]
    assert not Path("/etc/annotator-escaped.txt").exists()


# -- other tools' formats ------------------------------------------------------------------


def test_a_brat_annotation_that_disagrees_with_its_text_is_refused(project, tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    ann = tmp_path / "a.ann"
    ann.write_text("T1\tACTOR 0 4\tقالت\nT2\tACTOR 5 400\tمصادر\n", encoding="utf-8")
    refused(
        project, ann, "a.ann, line 2: T2 (ACTOR): offsets 5-400 are empty or outside", fmt="brat"
    )


def test_a_broken_conll_file_is_refused_with_its_line(project, tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("قالت O\nمصادر B-ACTOR\nمحلية\tI-ACTOR\tزائد\tزائد\n\n", encoding="utf-8")
    refused(project, path, "bad.conll, line 3: unknown tag 'زائد'", fmt="conll")


# -- random text, random spans: every span stays on its characters ----------------------------

ALPHABET = st.one_of(
    st.characters(min_codepoint=0x0621, max_codepoint=0x0652),  # Arabic letters and harakat
    st.characters(min_codepoint=0x05D0, max_codepoint=0x05EA),  # Hebrew
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F),  # emoji (astral)
    st.characters(min_codepoint=0x20000, max_codepoint=0x2000F),  # CJK extension B (astral)
    st.sampled_from(list("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069")),
    st.sampled_from(list("\u200c\u200d\u0640\u00a0 \t\n<>&\"',;\\0123456789abc")),
    st.sampled_from(["\r\n", "\r", "\ufeff", "\x00"]),
)
TEXTS = st.lists(ALPHABET, min_size=1, max_size=60).map("".join)


def lines(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def canonical(raw: str) -> str:
    """What the project stores: a leading BOM dropped, every line ending one LF."""
    return lines(raw.removeprefix("\ufeff"))


@st.composite
def documents(draw):
    text = draw(TEXTS)
    assume(canonical(text).strip())
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        cuts_crlf = text[start - 1 : start + 1] == "\r\n" or text[end - 1 : end + 1] == "\r\n"
        starts_in_bom = start == 0 and text.startswith("\ufeff")
        if not cuts_crlf and not starts_in_bom:
            spans.append([start, end, draw(st.sampled_from(["ACTOR", "LOCATION", "EVENT"]))])
    return {"text": text, "label": spans}


FUZZ = settings(
    max_examples=int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def fresh_project(folder: str) -> Project:
    return Project.create(Path(folder) / "p", load_preset("conflict"))


@FUZZ
@given(st.lists(documents(), min_size=1, max_size=3))
def test_random_text_and_spans_survive_import_and_export_on_the_same_characters(records):
    with tempfile.TemporaryDirectory() as folder, fresh_project(folder) as project:
        source = Path(folder) / "in.jsonl"
        source.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        import_files(project, [source], annotator="samira")
        out = Path(folder) / "out.jsonl"
        exporting.export(project, "jsonl", out)
        exported = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            document = json.loads(line)
            exported[document["text"]] = {
                (a["start"], a["end"], a["label"]): a["text"] for a in document["annotations"]
            }
        assert set(exported) == {canonical(r["text"]) for r in records}
        for r in records:
            annotations = exported[canonical(r["text"])]
            found = {(label, text) for (_, _, label), text in annotations.items()}
            for start, end, label in r["label"]:
                assert (label, lines(r["text"][start:end])) in found
            text = canonical(r["text"])
            for (start, end, _), surface in annotations.items():
                assert text[start:end] == surface


@FUZZ
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_random_text_survives_a_csv_import_and_export(texts):
    assume(all(canonical(t).strip() for t in texts))
    with tempfile.TemporaryDirectory() as folder, fresh_project(folder) as project:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(["name", "text"])
        writer.writerows([f"n{i}", text] for i, text in enumerate(texts))
        source = Path(folder) / "in.csv"
        source.write_bytes(buffer.getvalue().encode("utf-8"))
        import_files(project, [source], annotator="samira")
        out = Path(folder) / "out.jsonl"
        exporting.export(project, "jsonl", out)
        exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert {d["text"] for d in exported} == {canonical(t) for t in texts}


# -- huge files --------------------------------------------------------------------------------

SMALL_MB = 2
LARGE_MB = int(os.environ.get("ANNOTATOR_BIG_IMPORT_MB", "32"))
GROWTH_LIMIT_MB = 16  # what a larger file may add to the peak; reading it whole would add more


def generate(path: Path, megabytes: int, fmt: str) -> int:
    """Write a file of our own articles of about ``megabytes``; returns how many."""
    words = ("قالت", "مصادر", "محلية", "إن", "الطريق", "أغلق", "بسبب", "الأمطار", "الغزيرة")
    n = size = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream) if fmt == "csv" else None
        if writer:
            writer.writerow(["name", "text"])
        while size < megabytes * 1024 * 1024:
            text = f"{n} " + " ".join(words[(n + i) % len(words)] for i in range(400))
            if writer:
                writer.writerow([f"r{n}", text])
            else:
                spans = [[0, len(str(n)), "EVENT"], [len(str(n)) + 1, len(str(n)) + 5, "ACTOR"]]
                record = {"name": f"r{n}", "text": text, "label": spans}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            size += 2 * len(text)
            n += 1
    return n


PEAK = """
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "annotator", *sys.argv[1:]], capture_output=True)
sys.stderr.write(done.stderr.decode())
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_import_mb(tmp_path: Path, megabytes: int, fmt: str) -> tuple[float, int]:
    """Import a generated file in a fresh process; its peak resident memory, in MB."""
    source = tmp_path / f"{megabytes}.{fmt}"
    count = generate(source, megabytes, fmt)
    folder = tmp_path / f"project-{megabytes}"
    Project.create(folder, load_preset("conflict")).close()
    measured = subprocess.run(
        [sys.executable, "-c", PEAK, "import", str(folder), str(source), "--annotator", "s"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
    )
    code, kilobytes = measured.stdout.split()
    assert code == "0", measured.stderr
    source.unlink()
    with Project.open(folder) as project:
        assert project.documents.count() == count
    return int(kilobytes) / 1024, count


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_huge_import_streams_in_bounded_memory(tmp_path, fmt):
    """ANNOTATOR_BIG_IMPORT_MB=1000 runs it at a gigabyte (several minutes)."""
    small, _ = peak_import_mb(tmp_path, SMALL_MB, fmt)
    large, count = peak_import_mb(tmp_path, LARGE_MB, fmt)
    print(f"{fmt}: peak {small:.0f} MB for {SMALL_MB} MB, {large:.0f} MB for {LARGE_MB} MB")
    assert count > 1000
    assert large - small < GROWTH_LIMIT_MB, (small, large)
