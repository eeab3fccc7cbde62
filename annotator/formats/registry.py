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
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument
from annotator.core.records import Record
from annotator.core.validation import RecordCheck
from annotator.formats import (
    conll,
    conllu,
    csvfile,
    doccano,
    events_csv,
    geojson,
    hf,
    labelstudio,
    native,
    plaintext,
    prodigy,
    spacy,
)
from annotator.formats.brat import export as brat_export
from annotator.formats.brat import reader as brat
from annotator.formats.export_context import ExportContext
from annotator.formats.mae import reader as mae
from annotator.formats.uima import export as uima_export
from annotator.formats.uima import reader as uima
from annotator.formats.webanno import export as webanno_export
from annotator.formats.webanno import reader as webanno

__all__ = ["FORMATS", "ExportContext", "Format", "by_extension", "read_records", "readable"]


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


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("txt", "one article per file, named after the file", (".txt",), plaintext.read),
        Format(
            "jsonl",
            "our JSONL: one document per line (also doccano's label triples on import)",
            (".jsonl", ".ndjson"),
            native.read_jsonl,
            native.write_jsonl_file,
        ),
        Format(
            "json",
            "our JSON export (annotator/2; annotator/1 files are read too)",
            (".json",),
            native.read_json,
            native.write_json_file,
        ),
        Format(
            "csv",
            "a 'text' column, an optional 'name'; other columns are metadata",
            (".csv",),
            csvfile.read,
        ),
        Format(
            "conll",
            "token per line with BIO/IOB1/BIOES tags, nested tags stacked (CoNLL-2003 too)",
            (".conll", ".iob", ".bio"),
            conll.read,
            conll.write,
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
            conllu.write,
            training=True,
            events=False,
            relations=False,
        ),
        Format(
            "spacy",
            "spaCy JSONL {text, spans} (or ents); the .spacy DocBin when spaCy is installed",
            (".spacy",),
            spacy.read,
            spacy.write,
            training=True,
            events=False,
            relations=False,
        ),
        Format(
            "hf",
            "Hugging Face token classification: a folder of JSONL or Parquet and a card",
            (),
            None,
            hf.write,
            training=True,
            events=False,
            relations=False,
        ),
        Format(
            "brat",
            "brat standoff: .txt + .ann pairs, or a folder of them (annotation.conf on export)",
            (".ann",),
            brat.read,
            brat_export.write,
            options=(),
        ),
        Format(
            "doccano",
            "doccano JSONL: label triples, or entities and relations (also doccano 1 downloads)",
            (),
            doccano.read,
            doccano.write,
            options=(),
            one_layer=True,
        ),
        Format(
            "labelstudio",
            "Label Studio JSON tasks: span labels, relations; offsets checked against the text",
            (),
            labelstudio.read,
            labelstudio.write,
            options=("predictions", "text_field"),
        ),
        Format(
            "webanno",
            "WebAnno TSV 3 (INCEpTION): a .tsv, or a folder of <document>/<annotator>.tsv",
            (".tsv",),
            webanno.read,
            webanno_export.write,
            options=("webanno_layer",),
        ),
        Format(
            "uima-xmi",
            "UIMA CAS XMI (INCEpTION): a .xmi, or a folder of them with TypeSystem.xml",
            (".xmi",),
            uima.read,
            uima_export.write,
            options=(),
        ),
        Format(
            "mae",
            "MAE / MAI stand-off XML: extent tags as spans, links as relations or events",
            (".xml",),
            mae.read,
            options=(),
        ),
        Format(
            "events-csv",
            "a row per event: type, actors, place, date, fatalities, sentence (Excel, R, pandas)",
            (".csv",),
            None,
            events_csv.write,
            relations=False,
        ),
        Format(
            "geojson",
            "events as points on a map",
            (".geojson",),
            None,
            geojson.write,
            relations=False,
        ),
        Format(
            "prodigy",
            "Prodigy JSONL from span recipes: accepted answers (all with --all-answers)",
            (),
            prodigy.read,
            options=("all_answers",),
        ),
    )
}


def readable() -> list[str]:
    return [name for name, f in FORMATS.items() if f.read]


def writable() -> list[str]:
    return [name for name, f in FORMATS.items() if f.write]


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
