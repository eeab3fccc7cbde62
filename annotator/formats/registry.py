"""Every file format the project reads or writes, in one table.

A reader turns a file (or a folder, for formats that are folders) into records whose
offsets are code points into the text exactly as the file gave it; :func:`read_records`
holds every record of every format to the same checks (``core.validation``) before anyone
uses it. A writer streams annotated documents to ``out``, which appears whole or not at all
(see ``formats.writing``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument
from annotator.core.records import Record
from annotator.core.validation import RecordCheck
from annotator.formats.export_context import ExportContext

__all__ = [
    "FORMATS",
    "ExportContext",
    "Format",
    "by_extension",
    "folder_formats",
    "read_records",
    "readable",
    "training",
    "writable",
]


class _Lazy:
    """A reader or writer whose module is imported when it is first called: a command that
    reads or writes one format does not import the other eighteen (lxml, cassis, …)."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = f"annotator.formats.{module}", name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(self.module), self.name)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"{self.module}.{self.name}"


Reader = Callable[[Path, str], Iterator[Record]]
Writer = Callable[[Path, Iterable[AnnotatedDocument], ExportContext], None]


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...] = ()
    read: Reader | None = None
    write: Writer | None = None
    training: bool = False  # one layer; tokenisation options; the writer routes --split parts
    events: bool = True  # the writer holds events (wholly, or as links it reports on)
    relations: bool = True  # the writer holds relations between spans
    one_layer: bool = False  # a record holds no annotator: one layer is written (as training)
    options: tuple[str, ...] | None = None  # reader takes options=; the import flags it honours
    writes_folder: bool = False  # the writer makes a folder of files, never one file
    reads_folder: bool = False  # a folder holding files of its first extension is this format


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "txt",
            "one article per file, named after the file",
            (".txt",),
            _Lazy("plaintext", "read"),
        ),
        Format(
            "jsonl",
            "our JSONL: one document per line (also doccano's label triples on import)",
            (".jsonl", ".ndjson"),
            _Lazy("native", "read_jsonl"),
            _Lazy("native", "write_jsonl_file"),
        ),
        Format(
            "json",
            "our JSON export (annotator/2; annotator/1 files are read too)",
            (".json",),
            _Lazy("native", "read_json"),
            _Lazy("native", "write_json_file"),
        ),
        Format(
            "csv",
            "a 'text' column, an optional 'name'; other columns are metadata",
            (".csv",),
            _Lazy("csvfile", "read"),
        ),
        Format(
            "conll",
            "token per line with BIO/IOB1/BIOES tags, nested tags stacked (CoNLL-2003 too)",
            (".conll", ".iob", ".bio"),
            _Lazy("conll", "read"),
            _Lazy("conll", "write"),
            training=True,
            events=False,
            relations=False,
            options=("tag_scheme", "strict_tags", "sentences_per_document"),
        ),
        Format(
            "conllu",
            "CoNLL-U for UD pipelines: entities as NER=B-LABEL in the MISC column, SpaceAfter=No",
            (".conllu",),
            None,
            _Lazy("conllu", "write"),
            training=True,
            events=False,
            relations=False,
        ),
        Format(
            "spacy",
            "spaCy JSONL {text, spans} (or ents); the .spacy DocBin when spaCy is installed",
            (".spacy",),
            _Lazy("spacy", "read"),
            _Lazy("spacy", "write"),
            training=True,
            events=False,
            relations=False,
        ),
        Format(
            "hf",
            "Hugging Face token classification: a folder of JSONL or Parquet and a card",
            (),
            None,
            _Lazy("hf", "write"),
            training=True,
            events=False,
            relations=False,
            writes_folder=True,
        ),
        Format(
            "brat",
            "brat standoff: .txt + .ann pairs, or a folder of them (annotation.conf on export)",
            (".ann",),
            _Lazy("brat.reader", "read"),
            _Lazy("brat.export", "write"),
            options=(),
            writes_folder=True,
            reads_folder=True,
        ),
        Format(
            "doccano",
            "doccano JSONL: label triples, or entities and relations (also doccano 1 downloads)",
            (),
            _Lazy("doccano", "read"),
            _Lazy("doccano", "write"),
            options=(),
            one_layer=True,
        ),
        Format(
            "labelstudio",
            "Label Studio JSON tasks: span labels, relations; offsets checked against the text",
            (),
            _Lazy("labelstudio", "read"),
            _Lazy("labelstudio", "write"),
            options=("predictions", "text_field"),
        ),
        Format(
            "webanno",
            "WebAnno TSV 3 (INCEpTION): a .tsv, or a folder of <document>/<annotator>.tsv",
            (".tsv",),
            _Lazy("webanno.reader", "read"),
            _Lazy("webanno.export", "write"),
            options=("webanno_layer",),
            writes_folder=True,
            reads_folder=True,
        ),
        Format(
            "uima-xmi",
            "UIMA CAS XMI (INCEpTION): a .xmi, or a folder of them with TypeSystem.xml",
            (".xmi",),
            _Lazy("uima.reader", "read"),
            _Lazy("uima.export", "write"),
            options=(),
            writes_folder=True,
            reads_folder=True,
        ),
        Format(
            "mae",
            "MAE / MAI stand-off XML: extent tags as spans, links as relations or events",
            (".xml",),
            _Lazy("mae.reader", "read"),
            options=(),
            reads_folder=True,
        ),
        Format(
            "events-csv",
            "a row per event: type, actors, place, date, fatalities, sentence (Excel, R, pandas)",
            (".csv",),
            None,
            _Lazy("events_csv", "write"),
            relations=False,
        ),
        Format(
            "geojson",
            "events as points on a map",
            (".geojson",),
            None,
            _Lazy("geojson", "write"),
            relations=False,
        ),
        Format(
            "prodigy",
            "Prodigy JSONL from span recipes: accepted answers (all with --all-answers)",
            (),
            _Lazy("prodigy", "read"),
            options=("all_answers",),
        ),
    )
}


def readable() -> list[str]:
    return [name for name, f in FORMATS.items() if f.read]


def writable() -> list[str]:
    return [name for name, f in FORMATS.items() if f.write]


def training() -> list[str]:
    """The formats for training pipelines: one layer, cut into tokens (docs/datasets.md)."""
    return [name for name, f in FORMATS.items() if f.training]


def folder_formats() -> list[tuple[str, str]]:
    """(extension, format) of each format a folder of files can be, in the order a folder is
    told by (a UIMA folder holds its ``TypeSystem.xml``: ``.xmi`` is looked for before
    MAE's ``.xml``)."""
    return [(f.extensions[0], name) for name, f in FORMATS.items() if f.reads_folder]


def by_extension(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return next((name for name, f in FORMATS.items() if f.read and suffix in f.extensions), None)


def read_records(
    fmt: str, path: Path, encoding: str, options: dict[str, Any] | None = None
) -> Iterator[Record]:
    """The records of a file (or folder) in ``fmt``, each checked as it is read: a field of the
    wrong kind is refused with the file, the line or record, and the field."""
    spec = FORMATS[fmt]
    if spec.read is None:
        raise InputError(f"cannot import {fmt!r}; choose one of {', '.join(readable())}")
    if spec.options is None:
        records = spec.read(path, encoding)
    else:
        records = spec.read(path, encoding, options=options)  # type: ignore[call-arg]
    check = RecordCheck()
    for record in records:
        try:
            check(record)
        except InputError as error:
            where = record.file or path
            raise error.located(file=where, line=record.line, record=record.number) from None
        yield record
