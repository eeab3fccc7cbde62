"""Lines of a JSONL export: the values json would write, one line a document, to a file or a
text stream, whatever value a project holds."""

from __future__ import annotations

import io
import json

from annotator.formats.native import write_jsonl

DOCUMENT = {
    "id": 1,
    "name": "خبر 😀",
    "text": "قصفت طائرات\nحربية «دير الزور» \u200f",
    "meta": {"page": -(2**63), "ratio": 0.1, "tiny": 1e-7, "flags": [True, False, None]},
    "annotations": [{"id": 3, "start": 0, "end": 4, "text": "قصفت", "attributes": {}}],
}


def test_a_line_holds_the_values_json_holds(tmp_path):
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write("")
        assert write_jsonl(stream, [DOCUMENT, {"id": 2}]) == 2
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 3
    assert [json.loads(line) for line in lines[:2]] == [DOCUMENT, {"id": 2}]
    assert "😀".encode() in lines[0]  # written as characters, not \\u escapes


def test_a_number_beyond_64_bits_is_still_written():
    stream = io.StringIO()  # a stream without bytes beneath: lines are written as text
    write_jsonl(stream, [{"meta": {"big": 2**70}}])
    assert json.loads(stream.getvalue()) == {"meta": {"big": 2**70}}
