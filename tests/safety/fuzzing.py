"""A seeded mutator of import files, for tests/safety/test_fuzz_readers.py.

Seeds are good files of every readable format, written by our own exporters from a small
annotated project (two layers, attributes, a canonical entity, role links, a discussion,
Arabic with an emoji and a CRLF), plus hand-made CSV, text and Prodigy files. A mutation
damages one file of a seed in one of the ways a hostile or unlucky file is damaged: bytes
flipped, cut or spliced in, lines repeated or dropped, a field of a line replaced, or a
value somewhere inside the JSON swapped for one that is wrong in kind or range (inside a
JSON file, or at the end of the lines of a brat ``annotation.conf`` that give back the
project's own names and values). Everything
here is made by the tests; nothing is copied from elsewhere.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.schema import load_preset
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import Project

TEXT = "قالت مصادر محلية إن «قسد» سيطرت على حقل نفطي 😀 قرب بلدة الصور\r\nوقتل 3 مسلحين"
WORDS = {"قسد": "ACTOR", "سيطرت": "EVENT", "حقل نفطي": "LOCATION", "الصور": "LOCATION"}
CONF = "annotation.conf"
JSON_FORMATS = ("json", "jsonl", "doccano", "labelstudio", "prodigy", "spacy")

# values that are wrong in kind, range or content somewhere in every format
HOSTILE_VALUES: tuple[Any, ...] = (
    "\ud800",
    "نص\udc00",
    2**63,
    -(2**63) - 1,
    10**40,
    -1,
    0,
    1.5,
    None,
    True,
    "",
    " ",
    "x",
    [],
    {},
    [None],
    {"x": None},
    "B-Armed group",
    "a\tb\nc",
    "../../../etc/passwd",
    "ق" * 300,
    "-DOCSTART-",
)
HOSTILE_BYTES = (
    b"\xff",
    b"\xc3",
    b"\x00",
    b"\r",
    b"\n",
    b"\t",
    b" ",
    b'"',
    b"\\ud800",
    b"[",
    b"{",
    b"]",
    b"}",
    b",",
    b"-1",
    b"9223372036854775808",
    b"1e999",
    b"NaN",
    b"|",
    b"_",
    b"*",
    b"T1",
    b"#",
    b"\xef\xbb\xbf",
    "ـ\u200f😀".encode(),
)
FIELDS = ("-1", "0", "9223372036854775808", "", "T1", "E1", "R1", "A1", "*", "_", "1-1", "0-99999")
# lines a format's own syntax allows but its meaning does not, by the file's extension
LINES = {
    ".ann": (
        "A1\tactor_type",
        "A9\tactor_type T1 x",
        "T1\tACTOR 21 24\tقسد",
        "T9\tLOCATION 0 4\tقالت",
        "E9\tEVENT:T2 actor1:T3",
        "R9\tlocated Arg1:T1 Arg2:T99",
        "R9\tlocated Arg1:T1",
        "M1\tNegated E1",
        "#9\tAnnotatorNotes R1\tملاحظة",
        "N9\tReference T1 Wikipedia:1\tقسد",
        "*\tAlias T1 T2",
        "T10\tACTOR 0 4;5 10\tقالت مصادر",
        "E9\tEVENT:T9",
        "T11\tArmed group 0 4\tقالت",
    ),
    ".tsv": (
        "1-1\t0-4\tقالت\t_\t_\t",
        "1-9\t0-4\tXXXX\t_\t_\t",
        "#Text=شيء آخر",
        "1-2\t5-10\tمصادر\t*[1]\tACTOR[1]\t",
        "1-3\t11-16\tمحلية\t*\tNE 0\t",
        "#T_RL=webanno.custom.Relation|value",
        "#T_SP=",
    ),
    ".conll": (
        "-DOCSTART- O",
        "كلمة B-Armed group",
        "كلمة\tB-Armed group",
        "كلمة I-ACTOR",
        "كلمة E-ACTOR",
        "كلمة B-",
        "كلمة O O O",
    ),
    ".csv": ("name,text", '"', "a,b,c", "text", ",,"),
    ".xml": (
        '<ACTOR id="A0" spans="0~4" />',
        '<ACTOR id="A7" spans="0~99999" />',
        '<ACTOR id="A8" spans="4~0,1~2" />',
        '<LINK id="L9" fromID="A0" toID="Q1" />',
        '<ARGS id="R9" agentID="R9" />',
        "<ACTOR><ACTOR><ACTOR/></ACTOR></ACTOR>",
        "<TEXT>x</TEXT>",
        "]]>",
    ),
    ".conf": ("[events]", "EVENT\tactor1:ACTOR|LOCATION", "[attributes]", "actor_type Arg:ACTOR"),
}


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def source_project(folder: Path) -> Project:
    """The project the seeds are exported from."""
    project = Project.create(folder, load_preset("conflict"))
    annotations, key = [], 0
    for layer in ("samira", "omar"):
        for word, label in WORDS.items():
            key += 1
            start = TEXT.index(word)
            attributes = {"actor_type": "Rebel groups"} if label == "ACTOR" else {}
            annotation = {"id": key, "start": start, "end": start + len(word), "label": label}
            annotations.append({**annotation, "annotator": layer, "attributes": attributes})
        annotations[-4]["entity"] = {"name": "قوات سوريا الديمقراطية"}
    record = {
        "name": "مقال",
        "text": TEXT,
        "meta": {"source": "سانا", "page": 3, "tags": ["نفط", {"x": [1, 2.5]}]},
        "annotations": annotations,
        "relations": [
            {"from": 2, "to": 1, "role": "actor1", "annotator": "samira"},
            {"from": 2, "to": 3, "role": "location", "annotator": "samira"},
            {"from": 6, "to": 5, "role": "actor1", "annotator": "omar"},
        ],
        "status": {"samira": "done", "omar": "in progress"},
        "comments": [
            {
                "annotation": 1,
                "messages": [{"author": "omar", "body": "فاعل؟", "created": "2026-01-01T00:00"}],
            }
        ],
    }
    plain = {"name": "خبر", "text": "انفجار في حلب صباح اليوم", "label": [[10, 13, "LOCATION"]]}
    source = folder / "source.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (record, plain)), "utf-8"
    )
    import_files(project, [source], annotator="samira")
    return project


def write_seeds(folder: Path) -> dict[str, Path]:
    """A good file (or folder) of every readable format, by name of the format."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds: dict[str, Path] = {}
    with source_project(folder / "source") as project:
        for fmt, name in (
            ("json", "seed.json"),
            ("jsonl", "seed.jsonl"),
            ("labelstudio", "seed-ls.json"),
            ("brat", "seed-brat"),
            ("webanno", "seed-webanno"),
            ("uima-xmi", "seed-xmi"),
        ):
            export(project, fmt, folder / name)
            seeds[fmt] = folder / name
        for fmt, name in (
            ("doccano", "seed-doccano.jsonl"),  # a record holds one layer
            ("conll", "seed.conll"),
            ("spacy", "seed-spacy.jsonl"),
        ):
            export(project, fmt, folder / name, "samira")
            seeds[fmt] = folder / name
    seeds["txt"] = folder / "seed.txt"
    seeds["txt"].write_bytes(("\ufeff" + TEXT).encode())
    seeds["csv"] = folder / "seed.csv"
    seeds["csv"].write_text(f'name,text,source\nأ,"{TEXT}",سانا\nب,نص آخر,\n', "utf-8")
    start = TEXT.index("قسد")
    task = {
        "text": TEXT,
        "spans": [{"start": start, "end": start + 3, "label": "ACTOR", "text": "قسد"}],
        "relations": [],
        "answer": "accept",
        "meta": {"source": "سانا"},
        "_annotator_id": "news-samira",
    }
    seeds["mae"] = folder / "seed-mae.xml"
    seeds["mae"].write_text(_mae_seed(), "utf-8")
    seeds["prodigy"] = folder / "seed-prodigy.jsonl"
    seeds["prodigy"].write_text(json.dumps(task, ensure_ascii=False) + "\n", "utf-8")
    return seeds


def _mae_seed() -> str:
    """A MAE file by hand (we write none): extent tags, a non-consuming one, a link, an
    n-ary link, attributes, and an emoji before a span."""
    tags = []
    for number, (word, label) in enumerate(WORDS.items()):
        start = TEXT.index(word)
        tags.append(
            f'<{label} id="{label[0]}{number}" spans="{start}~{start + len(word)}" '
            f'text="{word}" type="x" />'
        )
    tags += [
        '<ACTOR id="A9" spans="-1~-1" text="" />',
        '<LINK id="L0" fromID="A0" fromText="" toID="L2" toText="" kind="x" />',
        '<ARGS id="R0" agentID="A0" agentText="" placeID="L2" placeText="" />',
    ]
    text = TEXT.replace("\r\n", "\n")
    body = "\n".join(tags)
    head = '<?xml version="1.0" encoding="UTF-8" ?>\n<Task>\n'
    return f"{head}<TEXT><![CDATA[{text}]]></TEXT>\n<TAGS>\n{body}\n</TAGS>\n</Task>\n"


# -- mutations ---------------------------------------------------------------------------------


def flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def splice(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(HOSTILE_BYTES) + data[at:]


def cut(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    if rng.random() < 0.5:
        return data[:start]
    return data[:start] + data[start + rng.randrange(1, 40) :]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def repeat_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines) + 1), lines[at])
    return b"".join(lines)


def drop_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def insert_line(data: bytes, rng: random.Random, suffix: str) -> bytes:
    lines = _lines(data)
    line = rng.choice(LINES[suffix]) + "\n"
    lines.insert(rng.randrange(len(lines) + 1), line.encode())
    return b"".join(lines)


def replace_field(data: bytes, rng: random.Random) -> bytes:
    """A tab- or space-separated field of a line replaced by a hostile one."""
    lines = _lines(data)
    at = rng.randrange(len(lines))
    line = lines[at].decode("utf-8", "surrogateescape")
    separator = "\t" if "\t" in line else " "
    fields = line.rstrip("\r\n").split(separator)
    fields[rng.randrange(len(fields))] = rng.choice(FIELDS)
    ending = line[len(line.rstrip("\r\n")) :]
    lines[at] = (separator.join(fields) + ending).encode("utf-8", "surrogateescape")
    return b"".join(lines)


def _nodes(value: Any, path: tuple = ()) -> list[tuple]:
    """Paths to every value inside a decoded JSON value."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _nodes(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _nodes(inner, (*path, index))
    return found


def _set(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return value


DEEP = "__deep__"


def _encode(value: Any, depth: int) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text.replace(json.dumps(DEEP), _deep(depth))


def swap_value(data: bytes, rng: random.Random) -> bytes:
    """A value inside one JSON document swapped for a hostile one, an element of a list
    repeated (two spans with one id), or a key removed."""
    text = data.decode("utf-8", "surrogateescape").lstrip("\ufeff")
    whole = text.lstrip().startswith("[") or "\n" not in text.strip()
    chunks = [text] if whole else text.splitlines(keepends=True)
    at = rng.randrange(len(chunks))
    try:
        value = json.loads(chunks[at])
    except (ValueError, RecursionError):
        return splice(data, rng)
    path = rng.choice(_nodes(value))
    choice = rng.random()
    if choice < 0.15 and path and isinstance(value, dict | list):
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, list):
            parent.insert(path[-1], parent[path[-1]])
        else:
            del parent[path[-1]]
    elif choice < 0.25:
        value = _set(value, path, DEEP)
    else:
        value = _set(value, path, rng.choice(HOSTILE_VALUES))
    depth = rng.choice((33, 40, 985, 3000, 100_000))
    chunks[at] = _encode(value, depth) + ("\n" if chunks[at].endswith("\n") else "")
    return "".join(chunks).encode("utf-8", "surrogatepass")


def swap_conf_value(data: bytes, rng: random.Random) -> bytes:
    """The JSON at the end of one of our ``# annotator name`` or ``# annotator value`` lines
    of a brat ``annotation.conf`` (the project's own name or value) swapped for a hostile
    one, nested too deep among them."""
    lines = _lines(data)
    ours = [i for i, line in enumerate(lines) if line.startswith(b"# annotator ")]
    if not ours:
        return replace_field(data, rng)
    at = rng.choice(ours)
    fields = lines[at].rstrip(b"\r\n").split(b"\t")
    value = DEEP if rng.random() < 0.25 else rng.choice(HOSTILE_VALUES)
    depth = rng.choice((33, 40, 985, 3000, 100_000))
    fields[-1] = _encode(value, depth).encode("utf-8", "surrogatepass")
    lines[at] = b"\t".join(fields) + b"\n"
    return b"".join(lines)


BYTE_MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (flip, splice, cut)
LINE_MUTATIONS = (repeat_line, drop_line, replace_field)


@dataclass
class Input:
    """One damaged seed, ready to import."""

    fmt: str
    path: Path  # what is imported: a file, or a folder for brat and WebAnno
    changed: Path  # the file that was damaged
    original: bytes  # its good content, put back by :meth:`Workspace.restore`
    mutations: list[str]


class Workspace:
    """A working copy of every seed, damaged one file at a time and mended after each
    import (copying a folder per input would take longer than the imports)."""

    def __init__(self, seeds: dict[str, Path], folder: Path) -> None:
        self.paths: dict[str, Path] = {}
        for fmt, seed in seeds.items():
            target = folder / fmt / seed.name
            target.parent.mkdir(parents=True)
            if seed.is_dir():
                shutil.copytree(seed, target)
            else:
                shutil.copyfile(seed, target)
            self.paths[fmt] = target

    def damage(self, fmt: str, rng: random.Random) -> Input:
        """One file of the format's copy damaged one to three times."""
        path = self.paths[fmt]
        conf = path / CONF
        if conf.is_file() and rng.random() < 0.4:  # the names and values a brat import gives back
            changed = conf
        elif path.is_dir():
            changed = rng.choice(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            changed = path
        original = changed.read_bytes()
        data, names = original, []
        suffix = changed.suffix.lower()
        for _ in range(rng.choice((1, 1, 2, 3))):
            if suffix in LINES and rng.random() < 0.4:
                data = insert_line(data, rng, suffix)
                names.append("insert_line")
                continue
            kinds = list(BYTE_MUTATIONS + LINE_MUTATIONS)
            if fmt in JSON_FORMATS:
                kinds += [swap_value] * 6
            if changed.name == CONF:
                kinds += [swap_conf_value] * 6
            mutation = rng.choice(kinds)
            data = mutation(data, rng)
            names.append(mutation.__name__)
        changed.write_bytes(data)
        return Input(fmt, path, changed, original, names)

    def restore(self, item: Input) -> None:
        item.changed.write_bytes(item.original)
